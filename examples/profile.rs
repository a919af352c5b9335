//! Runs `explain` N times on one file, as the CLI does (bytes decoded, answer written as JSON), and prints the
//! fastest call. Two uses:
//!
//! - instruction counts under callgrind, where process start and one-time setup cancel out by comparing N = 1
//!   with N = 101 (see benches/README.md):
//!   `cargo build --release --example profile && valgrind --tool=callgrind target/release/examples/profile FILE 101`
//! - the native side of the wasm comparison in `benches/run.sh`: the same work as the wasm `explain()` of a
//!   Buffer, with no process start and no file reading.

use std::time::{Duration, Instant};

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(path), Some(times)) = (args.next(), args.next().and_then(|n| n.parse::<usize>().ok())) else {
        eprintln!("usage: profile FILE TIMES");
        std::process::exit(2);
    };
    let bytes = match std::fs::read(&path) {
        Ok(bytes) => bytes,
        Err(e) => {
            eprintln!("profile: {path}: {e}");
            std::process::exit(2);
        }
    };
    let mut best = Duration::MAX;
    let mut json = 0;
    for _ in 0..times {
        let t = Instant::now();
        json = openai_error_explainer::explain(&openai_error_explainer::decode(&bytes)).to_json().len();
        best = best.min(t.elapsed());
    }
    println!("{json} bytes of JSON; fastest call {:.2} ms", best.as_secs_f64() * 1e3);
}
