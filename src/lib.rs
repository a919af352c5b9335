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

/// The text of raw bytes, so that no input is an error: valid UTF-8 (the usual case) is checked by the fast path
/// and borrowed; anything else is repaired, each bad sequence becoming U+FFFD.
///
/// The same text as `String::from_utf8_lossy`, made with `from_utf8` alone: the wasm build links that anyway, and
/// std's lossy decoder would add a kilobyte to it.
pub fn decode(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
    let mut rest = match std::str::from_utf8(bytes) {
        Ok(s) => return std::borrow::Cow::Borrowed(s),
        Err(_) => bytes,
    };
    let mut text = String::with_capacity(bytes.len() + 16);
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                text.push_str(s);
                break;
            }
            Err(e) => {
                let (good, bad) = rest.split_at(e.valid_up_to());
                text.push_str(std::str::from_utf8(good).unwrap_or_default());
                text.push('\u{FFFD}');
                // No length: the input ends inside a sequence, which is one replacement in all.
                let Some(skip) = e.error_len() else { break };
                rest = &bad[skip..];
            }
        }
    }
    std::borrow::Cow::Owned(text)
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

#[cfg(test)]
mod tests {
    #[test]
    fn decode_repairs_bytes_exactly_as_std_does() {
        // Pieces of valid and broken sequences (lone continuation bytes, truncated 2-, 3- and 4-byte forms,
        // overlong and surrogate encodings) glued at random.
        let pieces: [&[u8]; 12] = [
            b"ok ", "é".as_bytes(), "€".as_bytes(), "𝄞".as_bytes(), &[0x80], &[0xc3], &[0xe2, 0x82], &[0xf0, 0x9d, 0x84],
            &[0xc0, 0xaf], &[0xed, 0xa0, 0x80], &[0xff], &[0xfe, 0x41],
        ];
        let mut x = 1u32;
        for _ in 0..2000 {
            let mut bytes = Vec::new();
            for _ in 0..(x >> 28) {
                x = x.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
                bytes.extend_from_slice(pieces[(x >> 20) as usize % pieces.len()]);
            }
            x = x.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
            assert_eq!(super::decode(&bytes), String::from_utf8_lossy(&bytes), "{bytes:x?}");
        }
    }
}
