//! Secrets out: API keys (`sk-…`, `sk-proj-…`, `sk-svcacct-…`, `sk-admin-…`), bearer tokens and the values of
//! `OPENAI_API_KEY=`, `api_key=`, `apiKey:` and `api-key:` are masked before anything else reads the paste,
//! so no output (human, JSON, report, page) can carry one.
//!
//! A masked key keeps its prefix and last four characters (`sk-proj-****wxyz`): enough to tell two keys
//! apart, as the API's own "Incorrect API key provided" message does. A key cut by a line wrap is masked
//! whole.

use std::borrow::Cow;
use crate::text::StrExt;

/// Keys shorter than this after `sk-` are placeholders (`sk-...`, `sk-your-key`), not secrets.
const MIN_KEY: usize = 20;
/// Prefixes kept visible, longest first.
const KEY_PREFIXES: &[&str] = &["sk-svcacct-", "sk-admin-", "sk-proj-", "sk-or-v1-", "sk-ant-api03-", "sk-"];
/// Assignments and headers whose value is a secret whatever its shape.
const SECRET_NAMES: &[&str] = &[
    "OPENAI_API_KEY", "AZURE_OPENAI_API_KEY", "api_key", "apiKey", "api-key", "Api-Key", "Authorization",
    "authorization",
];

/// The text with every secret masked; borrowed when there was none.
pub fn redact(text: &str) -> Cow<'_, str> {
    let mut spans: Vec<(usize, usize, String)> = Vec::new();
    find_keys(text, &mut spans);
    find_assignments(text, &mut spans);
    if spans.is_empty() {
        return Cow::Borrowed(text);
    }
    crate::sort::sort_small(&mut spans, |a, b| a.0.cmp(&b.0));
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (start, end, mask) in spans {
        if start < at {
            continue;
        }
        out.push_str(&text[at..start]);
        out.push_str(&mask);
        at = end;
    }
    out.push_str(&text[at..]);
    Cow::Owned(out)
}

fn is_key_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'-' || b == b'_'
}

/// The end of a key-character run starting at `from`.
fn run_end(b: &[u8], from: usize) -> usize {
    let mut i = from;
    while i < b.len() && is_key_char(b[i]) {
        i += 1;
    }
    i
}

/// A key cut by a line wrap goes on at the start of the next line: include that run too.
fn continue_across_wrap(b: &[u8], end: usize) -> usize {
    let mut j = end;
    if b.get(j) == Some(&b'\r') {
        j += 1;
    }
    if b.get(j) != Some(&b'\n') {
        return end;
    }
    let next = run_end(b, j + 1);
    let run = next - (j + 1);
    let stops = b.get(next).is_none_or(|c| c.is_ascii_whitespace() || b"'\",;)".contains(c));
    if run >= 8 && stops {
        next
    } else {
        end
    }
}

fn mask(token: &str) -> String {
    let prefix = KEY_PREFIXES.iter().find(|p| token.starts_with(*p)).copied().unwrap_or("");
    let tail: String = token.chars().rev().take_while(|c| *c != '\n' && *c != '\r').take(4).collect();
    let tail: String = tail.chars().rev().collect();
    format!("{prefix}****{tail}")
}

fn find_keys(text: &str, spans: &mut Vec<(usize, usize, String)>) {
    // `contains` is a vectorised scan; the loop below only runs on texts that have a candidate at all.
    if !text.contains_str("sk-") {
        return;
    }
    let b = text.as_bytes();
    let mut from = 0;
    while let Some(p) = text[from..].find_str("sk-").map(|p| p + from) {
        from = p + 3;
        if p > 0 && is_key_char(b[p - 1]) {
            continue;
        }
        let end = run_end(b, p + 3);
        // Short of MIN_KEY it is a placeholder or the API's own masked form (`sk-abc12***…`). (A long run
        // followed by `*` is still a key: found by fuzzing.)
        if end - p - 3 < MIN_KEY {
            continue;
        }
        let end = continue_across_wrap(b, end);
        spans.push((p, end, mask(&text[p..end])));
        from = end;
    }
}

fn find_assignments(text: &str, spans: &mut Vec<(usize, usize, String)>) {
    let b = text.as_bytes();
    for name in SECRET_NAMES.iter().filter(|n| text.contains_str(n)) {
        let mut from = 0;
        while let Some(p) = text[from..].find_str(name).map(|p| p + from) {
            from = p + name.len();
            if p > 0 && (b[p - 1].is_ascii_alphanumeric() || b[p - 1] == b'_') {
                continue;
            }
            // `NAME=value`, `NAME: value`, `"name": "value"`, `name='value'`, `Authorization: Bearer value`.
            let mut i = from;
            while i < b.len() && matches!(b[i], b'"' | b'\'' | b' ' | b'\t') {
                i += 1;
            }
            if i >= b.len() || !matches!(b[i], b'=' | b':') {
                continue;
            }
            i += 1;
            while i < b.len() && matches!(b[i], b'"' | b'\'' | b' ' | b'\t') {
                i += 1;
            }
            for scheme in ["Bearer ", "bearer ", "Basic "] {
                if text[i..].starts_with(scheme) {
                    i += scheme.len();
                }
            }
            let end = run_end(b, i);
            let masked_already = b.get(end) == Some(&b'*') && end - i < MIN_KEY;
            if end - i < 8 || masked_already || text[i..end].starts_with("sk-") && end - i - 3 < MIN_KEY {
                continue;
            }
            let end = continue_across_wrap(b, end);
            spans.push((i, end, mask(&text[i..end])));
        }
    }
    // `Bearer token` anywhere else (curl -v's `> authorization: Bearer …` is caught above).
    if !text.contains_str("Bearer ") {
        return;
    }
    let mut from = 0;
    while let Some(p) = text[from..].find_str("Bearer ").map(|p| p + from + 7) {
        from = p;
        let end = run_end(b, p);
        let masked_already = b.get(end) == Some(&b'*') && end - p < MIN_KEY;
        if end - p >= 16 && !masked_already {
            spans.push((p, end, mask(&text[p..end])));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_shapes_are_masked_with_prefix_and_last_four() {
        let cases = [
            ("key sk-proj-AbCdEfGhIjKlMnOpQrStUvWxYz0123456789 end", "key sk-proj-****6789 end"),
            ("sk-svcacct-AbCdEfGhIjKlMnOpQrStUvWx", "sk-svcacct-****UvWx"),
            ("OPENAI_API_KEY=abcdefghijklmnop1234", "OPENAI_API_KEY=****1234"),
            ("api_key='zyxwvutsrqponmlk9876'", "api_key='****9876'"),
            ("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.abcdefgh", "Authorization: Bearer ****9.abcdefgh"),
        ];
        for (input, _) in cases {
            let out = redact(input);
            assert!(!out.contains_str("AbCdEfGhIjKlMnOp"), "{out}");
            assert!(!out.contains_str("abcdefghijklmnop"), "{out}");
            assert!(!out.contains_str("zyxwvutsrqponmlk"), "{out}");
        }
        assert_eq!(redact(cases[0].0), cases[0].1);
        assert_eq!(redact(cases[1].0), cases[1].1);
        assert_eq!(redact(cases[2].0), cases[2].1);
        assert_eq!(redact(cases[3].0), cases[3].1);
    }

    #[test]
    fn a_long_key_followed_by_stars_is_still_a_key() {
        // Regression (fuzzing): the `*` rule for the API's masked form let a whole key through.
        let out = redact("provided: sk-piiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiroj-*****<<< API key");
        assert!(!out.contains_str("iiiiiiiiiiiiiiii"), "{out}");
    }

    #[test]
    fn already_masked_and_placeholder_keys_stay() {
        let masked = "Incorrect API key provided: sk-abc12***************wxyz. You can find";
        assert_eq!(redact(masked), masked);
        assert_eq!(redact("set api_key=sk-... first"), "set api_key=sk-... first");
        assert_eq!(redact("the task-force"), "the task-force");
    }

    #[test]
    fn a_key_split_by_a_line_wrap_is_masked_whole() {
        let out = redact("key: sk-proj-AbCdEfGhIjKlMnOpQrStUvWx\nYz0123456789AbCd more");
        assert!(!out.contains_str("Yz0123456789"), "{out}");
        assert!(out.ends_with(" more"));
    }
}
