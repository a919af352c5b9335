//! Runs `explain` N times on one file, as the CLI does (bytes decoded, answer written as JSON), and prints the
//! fastest call. Given a directory (the corpus: `tests/corpus/cases`), it runs every `.txt` file under it once per
//! round and prints the fastest round. Two uses:
//!
//! - instruction counts under callgrind, where process start and one-time setup cancel out by comparing N = 1
//!   with N = 101 (see benches/README.md):
//!   `cargo build --release --example profile && valgrind --tool=callgrind target/release/examples/profile FILE 101`
//! - the native side of the wasm comparison in `benches/run.sh`: the same work as the wasm `explain()` of a
//!   Buffer, with no process start and no file reading.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn files(path: &Path, out: &mut Vec<PathBuf>) {
    match std::fs::read_dir(path) {
        Ok(entries) => {
            for e in entries.flatten() {
                let p = e.path();
                if p.is_dir() || p.extension().is_some_and(|x| x == "txt") {
                    files(&p, out);
                }
            }
        }
        Err(_) => out.push(path.to_path_buf()),
    }
}

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(path), Some(times)) = (args.next(), args.next().and_then(|n| n.parse::<usize>().ok())) else {
        eprintln!("usage: profile FILE|DIR TIMES");
        std::process::exit(2);
    };
    let mut paths = Vec::new();
    files(Path::new(&path), &mut paths);
    paths.sort();
    let inputs: Vec<Vec<u8>> = paths
        .iter()
        .map(|p| {
            std::fs::read(p).unwrap_or_else(|e| {
                eprintln!("profile: {}: {e}", p.display());
                std::process::exit(2);
            })
        })
        .collect();
    let mut best = Duration::MAX;
    let mut json = 0;
    for _ in 0..times {
        let t = Instant::now();
        json = 0;
        for bytes in &inputs {
            json += openai_error_explainer::explain(&openai_error_explainer::decode(bytes)).to_json().len();
        }
        best = best.min(t.elapsed());
    }
    println!("{json} bytes of JSON; fastest call {:.2} ms", best.as_secs_f64() * 1e3);
}
