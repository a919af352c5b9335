//! Explains failed OpenAI API calls from whatever was pasted: an HTTP response, a Python or Node SDK
//! traceback, a log excerpt, or the message alone.
//!
//! Data flows one way: text → [`read`] (evidence) → [`classify`] (ranked catalogue matches with reasons) →
//! [`Explanation`] (matches, retry verdict, notes, support report) → front ends (the CLI in `main.rs`, the
//! wasm skin in `wasm.rs`). API keys are redacted before anything reads the paste.
//!
//! ```
//! let answer = openai_error_explainer::explain(
//!     "openai.RateLimitError: Error code: 429 - {'error': {'message': 'You exceeded your current quota, \
//!      please check your plan and billing details.', 'type': 'insufficient_quota', 'param': None, \
//!      'code': 'insufficient_quota'}}",
//! );
//! assert_eq!(answer.matches[0].entry.id, "429-quota-exceeded");
//! ```

pub mod catalogue;
pub mod classify;
pub mod evidence;
mod explain;
mod fragments;
pub mod read;
pub mod redact;
mod report;
mod safe_json;
mod sort;
// Public only for tests/web.rs, which checks the wasm build's search against std's.
#[doc(hidden)]
pub mod text;
#[cfg(target_arch = "wasm32")]
mod wasm;

pub use catalogue::{entry, Entry, Kind, Retry, ENTRIES};
pub use classify::Match;
pub use explain::{entry_json, explain, Explanation, Verdict};

/// The text of raw bytes, so that no input is an error: valid UTF-8 (the usual case) is borrowed; anything else
/// is repaired, each bad sequence becoming U+FFFD.
///
/// `from_utf8` first, rather than `String::from_utf8_lossy` alone: the lossy decoder checks valid text a byte at a
/// time (`Utf8Chunks`), `from_utf8` a word at a time. On a 10 MB log that is 73M instructions against 4.6M, and
/// the whole answer natively 199M against 130M.
pub fn decode(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
    match std::str::from_utf8(bytes) {
        Ok(text) => std::borrow::Cow::Borrowed(text),
        Err(_) => String::from_utf8_lossy(bytes),
    }
}

/// The support report for a paste: the checklist support asks for, filled from the paste.
pub fn report(text: &str) -> String {
    explain(text).report
}

/// Every catalogue entry, API errors first, then SDK errors, then guides.
pub fn catalogue() -> &'static [Entry] {
    ENTRIES
}

/// The whole catalogue as a JSON array of entries.
pub fn catalogue_json() -> String {
    let all: Vec<explain::EntryJson> = ENTRIES.iter().map(explain::EntryJson::from).collect();
    safe_json::to_string(&all, 256 * ENTRIES.len())
}

/// This crate's version, which the npm package shares.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
