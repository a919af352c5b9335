#![no_main]
//! The log reader: arbitrary text inside log-prefixed lines, with SDK retry lines around it.
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let body = String::from_utf8_lossy(data);
    let mut text = String::from("2026-11-24T10:00:01.123Z INFO httpx HTTP Request: POST https://api.openai.com/v1/chat/completions \"HTTP/1.1 429 Too Many Requests\"\n");
    for line in body.lines() {
        text.push_str("2026-11-24T10:00:01.123Z ERROR worker-3 | ");
        text.push_str(line);
        text.push('\n');
    }
    common::check(&text);
});
