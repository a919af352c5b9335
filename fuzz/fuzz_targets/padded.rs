#![no_main]
//! Small inputs blown up past the byte caps (the excerpt's 64 KiB body reach, the parser's 256 KiB) with
//! multi-byte filler (CJK, emoji, combining marks, two-byte Latin) at every alignment, so that a cut at a
//! computed offset lands inside a character as often as the fuzzer likes.
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

const FILLER: [&str; 4] = ["エラー再試行", "🚀✅", "e\u{301}a\u{308}", "éàü"];

fuzz_target!(|data: &[u8]| {
    let Some((&choice, rest)) = data.split_first() else { return };
    let head = String::from_utf8_lossy(rest);
    let filler = FILLER[usize::from(choice) % FILLER.len()];
    // The head, then filler to just past a cap picked by the first byte, then the head again.
    let target = if choice & 0x80 == 0 { 70 * 1024 } else { 270 * 1024 };
    let mut text = String::with_capacity(target + 2 * head.len() + 8);
    text.push_str(&head);
    text.push_str(&"x".repeat(usize::from(choice >> 4) % 4));
    while text.len() < target {
        text.push_str(filler);
        if text.len() % 61 < 4 {
            text.push('\n');
        }
    }
    text.push_str(&head);
    common::check(&text);
});
