#![no_main]
//! The tolerant JSON / Python dict / Node object parser on its own: it never panics, never reads past its
//! input, and consumes at least one byte of a non-empty input.
use libfuzzer_sys::fuzz_target;
use openai_error_explainer::read::literal;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (_, used) = literal::parse(&text);
    assert!(used <= text.len());
    assert!(text.is_char_boundary(used), "stopped inside a character");
});
