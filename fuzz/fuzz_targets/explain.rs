#![no_main]
//! Arbitrary bytes through the whole pipeline, as the CLI reads them.
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    common::check(&String::from_utf8_lossy(data));
});
