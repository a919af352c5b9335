#![no_main]
//! The HTTP reader: arbitrary headers and bodies after a status line, as `curl -i` prints them.
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let text = format!("HTTP/1.1 429 Too Many Requests\r\nx-request-id: req_1\r\n{}", String::from_utf8_lossy(data));
    common::check(&text);
});
