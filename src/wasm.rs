//! The wasm-bindgen skin: the library's public functions, exported to JavaScript as functions that take and
//! return strings. No logic lives here; the JS wrapper in `npm/` parses the JSON into plain objects, checks
//! arguments and turns a trap into a JS `Error`.
//!
//! Every answer is JSON written by the core (`Explanation::to_json`), so the wasm package returns exactly what
//! the CLI's `--json` prints. The catalogue is not exported: the npm package ships it as `catalogue.js`, made
//! from the CLI's `--list --json` (its prose would double the module).

use wasm_bindgen::prelude::*;

/// The explanation of a paste, as the JSON the CLI's `--json` prints.
#[wasm_bindgen]
pub fn explain(text: &str) -> String {
    crate::explain(text).to_json()
}

/// The support report for a paste: plain text.
#[wasm_bindgen]
pub fn report(text: &str) -> String {
    crate::report(text)
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
