//! The wasm-bindgen skin: the library's public functions, exported to JavaScript as functions that take UTF-8
//! bytes and return strings. No logic lives here; the JS wrapper in `npm/` encodes strings, parses the JSON into
//! plain objects, checks arguments and turns a trap into a JS `Error`.
//!
//! Bytes rather than `&str` because wasm-bindgen copies a string in with a JavaScript loop over its characters,
//! which took half the time of a 100 MB log; a byte array is one memory copy, and Node callers can hand over a
//! file's `Buffer` as it is, decoded here exactly as the CLI decodes a file.
//!
//! Every answer is JSON written by the core (`Explanation::to_json`), so the wasm package returns exactly what
//! the CLI's `--json` prints. The catalogue is not exported: the npm package ships it as `catalogue.js`, made
//! from the CLI's `--list --json` (its prose would double the module).

use wasm_bindgen::prelude::*;

/// The explanation of a paste, as the JSON the CLI's `--json` prints.
#[wasm_bindgen]
pub fn explain(bytes: &[u8]) -> String {
    crate::explain(&crate::decode(bytes)).to_json()
}

/// The support report for a paste: plain text.
#[wasm_bindgen]
pub fn report(bytes: &[u8]) -> String {
    crate::report(&crate::decode(bytes))
}

/// The paste with its secrets masked.
#[wasm_bindgen]
pub fn redact(bytes: &[u8]) -> String {
    crate::redacted(&crate::decode(bytes))
}

/// What to show in place of a paste too large to show whole: the redacted lines around its errors.
#[wasm_bindgen]
pub fn excerpt(bytes: &[u8]) -> String {
    crate::shown_excerpt(&crate::decode(bytes))
}

/// The crate's version, which the npm package shares.
#[wasm_bindgen]
pub fn version() -> String {
    crate::VERSION.to_string()
}

/// Panics on purpose. Only for the package's own tests of its trap recovery: the JS wrapper must turn the trap
/// into an `Error` and leave a working module behind. Not part of the documented API.
#[wasm_bindgen(js_name = "__panic")]
pub fn panic_for_tests() {
    panic!("deliberate panic (trap-recovery test)");
}
