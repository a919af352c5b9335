//! Latency of `explain` per corpus case, native. Prints a table of median and p99 microseconds per shape
//! (the corpus folder: py1, node4, curl, log, ...) and overall. Run with `cargo bench --bench latency`
//! (or `./build.sh bench`, which also measures the wasm build on the same cases).

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use openai_error_explainer::explain;

fn cases(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            cases(&p, out);
        } else if p.extension().is_some_and(|x| x == "txt") {
            out.push(p);
        }
    }
}

/// Median time of one call, from repeated timed batches (about 2 ms of work per batch).
fn time_one<T>(text: &str, run: impl Fn(&str) -> T) -> Duration {
    let start = Instant::now();
    std::hint::black_box(run(std::hint::black_box(text)));
    let once = start.elapsed().max(Duration::from_nanos(100));
    let batch = (Duration::from_millis(2).as_nanos() / once.as_nanos()).clamp(1, 10_000) as u32;
    let mut samples: Vec<Duration> = (0..15)
        .map(|_| {
            let t = Instant::now();
            for _ in 0..batch {
                std::hint::black_box(run(std::hint::black_box(text)));
            }
            t.elapsed() / batch
        })
        .collect();
    samples.sort();
    samples[samples.len() / 2]
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/cases");
    let mut files = Vec::new();
    cases(&root, &mut files);
    files.sort();
    let mut by_shape: std::collections::BTreeMap<String, Vec<(f64, usize)>> = Default::default();
    let mut with_json = Vec::new();
    for f in &files {
        let text = String::from_utf8_lossy(&std::fs::read(f).expect("read case")).into_owned();
        let shape = f.parent().and_then(|p| p.file_name()).map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        let us = time_one(&text, explain).as_secs_f64() * 1e6;
        by_shape.entry(shape).or_default().push((us, text.len()));
        with_json.push(time_one(&text, |t| explain(t).to_json()).as_secs_f64() * 1e6);
    }
    println!("explain() latency per corpus case, native (µs; each case's median of 15 batches)");
    println!("{:<10} {:>6} {:>10} {:>10} {:>10} {:>10}", "shape", "cases", "median", "p99", "max", "avg bytes");
    let mut all: Vec<f64> = Vec::new();
    for (shape, rows) in &by_shape {
        let mut t: Vec<f64> = rows.iter().map(|r| r.0).collect();
        t.sort_by(f64::total_cmp);
        let bytes = rows.iter().map(|r| r.1).sum::<usize>() / rows.len();
        println!("{:<10} {:>6} {:>10.1} {:>10.1} {:>10.1} {:>10}", shape, t.len(), percentile(&t, 0.5), percentile(&t, 0.99), t[t.len() - 1], bytes);
        all.extend(t);
    }
    all.sort_by(f64::total_cmp);
    println!("{:<10} {:>6} {:>10.1} {:>10.1} {:>10.1}", "all", all.len(), percentile(&all, 0.5), percentile(&all, 0.99), all[all.len() - 1]);
    // What the wasm module does per call: the answer written as JSON too.
    with_json.sort_by(f64::total_cmp);
    let (n, last) = (with_json.len(), with_json[with_json.len() - 1]);
    println!("{:<10} {:>6} {:>10.1} {:>10.1} {:>10.1}", "all+json", n, percentile(&with_json, 0.5), percentile(&with_json, 0.99), last);
}
