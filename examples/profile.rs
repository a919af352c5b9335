//! Runs `explain` N times on one file: the harness for instruction counts under callgrind, where process start
//! and one-time setup cancel out by comparing N = 1 with N = 101 (see benches/README.md).
//!
//! `cargo build --release --example profile && valgrind --tool=callgrind target/release/examples/profile FILE 101`

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(path), Some(times)) = (args.next(), args.next().and_then(|n| n.parse::<usize>().ok())) else {
        eprintln!("usage: profile FILE TIMES");
        std::process::exit(2);
    };
    let text = match std::fs::read(&path) {
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(e) => {
            eprintln!("profile: {path}: {e}");
            std::process::exit(2);
        }
    };
    let bytes: usize = (0..times).map(|_| openai_error_explainer::explain(&text).to_json().len()).sum();
    println!("{bytes} bytes of JSON");
}
