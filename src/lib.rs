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
mod layers;
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

/// The paste with every secret masked, as every output shows it: for a front end that keeps or passes on the paste
/// itself (the page's shareable link).
pub fn redacted(text: &str) -> String {
    redact::redact(text).into_owned()
}

/// Text shown in place of a paste too large to show whole (the page's box holding a 20 MB log): the lines around
/// its OpenAI errors, as the readers saw them, redacted; a log with none of those shows its last lines. Linear in
/// the paste (the redaction and the excerpt are one pass each).
pub fn shown_excerpt(text: &str) -> String {
    /// A log with nothing relevant in it shows this much of its end.
    const TAIL: usize = 16 * 1024;
    // Redacted whole first: the excerpt may start inside a key that a line wrap cut, where its last piece alone
    // no longer looks like one.
    let clean = redact::redact(text);
    let text = clean.as_ref();
    let shown = match read::excerpt(text) {
        Some(ex) if !ex.text.is_empty() => ex.text,
        Some(_) if text.len() > TAIL => {
            let mut at = text.len() - TAIL;
            while !text.is_char_boundary(at) {
                at += 1;
            }
            let tail = &text[at..];
            tail.find('\n').map_or(tail, |nl| &tail[nl + 1..]).to_string()
        }
        _ => text.to_string(),
    };
    redacted(&shown)
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

#[cfg(test)]
mod tests {
    #[test]
    fn a_large_log_is_shown_as_the_redacted_lines_around_its_error() {
        let key = "sk-proj-Zq3xVb7NmK2pLw9RtY4uHc6JdF8gS1aE0oIi5TnMbQeWrXy";
        let error = format!("openai.AuthenticationError: Error code: 401 - Incorrect API key provided: {key}\n");
        let log = format!("{}{error}{}", "INFO ok\n".repeat(200_000), "INFO after\n".repeat(10));
        let shown = super::shown_excerpt(&log);
        assert!(shown.len() < 4096, "{} bytes shown", shown.len());
        assert!(shown.contains("openai.AuthenticationError: Error code: 401"), "{shown}");
        assert!(!shown.contains(&key[8..40]) && shown.contains("sk-proj-****"), "{shown}");
        // Nothing relevant: the end of the log, from a line start.
        let quiet = "INFO ok, nothing to see\n".repeat(100_000);
        let tail = super::shown_excerpt(&quiet);
        assert!(tail.len() <= 16 * 1024 && tail.starts_with("INFO ok"), "{}", &tail[..40]);
        // A short paste is shown whole.
        assert_eq!(super::shown_excerpt("just this"), "just this");
    }
}
