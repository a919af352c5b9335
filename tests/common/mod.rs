//! What the integration tests share: running the built `openai-error-explainer` binary on some input.

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// Runs the CLI with `args`, `stdin` piped in, and collects its output.
pub fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_openai-error-explainer"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut pipe = child.stdin.take().expect("stdin");
    let input = stdin.to_vec();
    // Fed from a thread: a large input would otherwise fill the pipe while the CLI's output fills the other.
    let feeder = std::thread::spawn(move || {
        // The CLI may exit before reading everything (a usage error); that is its answer, not a test failure.
        let _ = pipe.write_all(&input);
    });
    let out = child.wait_with_output().expect("wait");
    feeder.join().expect("feeder");
    out
}
