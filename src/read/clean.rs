//! Making pasted lines readable: ANSI colour codes, CR, quote markers (`> ` from an issue, `| ` from a
//! container log) and log prefixes (timestamps, levels, logger names) come off before the readers look.

use std::borrow::Cow;

use super::literal::{self, Value};
use crate::text::StrExt;

/// The line without ANSI codes, line ending, quote markers or log prefix.
pub fn line(raw: &str) -> Cow<'_, str> {
    let mut s: Cow<str> = Cow::Borrowed(raw.trim_end_matches(['\n', '\r']));
    if s.contains('\x1b') {
        s = Cow::Owned(strip_ansi(&s));
    }
    let stripped = strip_prefixes(&s);
    if stripped.len() == s.len() {
        return s;
    }
    Cow::Owned(stripped.to_string())
}

// Byte by byte, copying the text between escapes whole: every byte that ends an escape is ASCII, so the cuts
// fall between characters. (A character at a time was a tenth of the wasm time of a coloured Node trace.)
fn strip_ansi(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while let Some(esc) = b[i..].iter().position(|&c| c == 0x1b).map(|p| p + i) {
        out.push_str(&s[i..esc]);
        i = esc + 1;
        match b.get(i) {
            Some(b'[') => {
                // CSI: parameters, then one final byte in @..~ (or the end of the line).
                let rest = &b[i + 1..];
                i += 1 + rest.iter().position(|c| (b'@'..=b'~').contains(c)).map_or(rest.len(), |p| p + 1);
            }
            Some(b']') => {
                // OSC: up to BEL or ESC \.
                i += 1;
                while let Some(&c) = b.get(i) {
                    i += 1;
                    if c == 0x07 {
                        break;
                    }
                    if c == 0x1b && b.get(i) == Some(&b'\\') {
                        i += 1;
                        break;
                    }
                }
            }
            // Any other escape: the character after it goes too.
            Some(_) => i += s[i..].chars().next().map_or(1, char::len_utf8),
            None => {}
        }
    }
    out.push_str(&s[i..]);
    out
}

/// Removes leading quote markers and one log prefix.
fn strip_prefixes(s: &str) -> &str {
    let mut rest = s;
    // Quote markers, possibly nested (`> > `).
    loop {
        let t = rest.trim_start_ws();
        match t.strip_prefix('>').or_else(|| t.strip_prefix('│')) {
            Some(after) if after.is_empty() || after.starts_with(' ') => rest = after.strip_prefix(' ').unwrap_or(after),
            _ => break,
        }
    }
    strip_log_prefix(rest)
}

const LEVELS: &[&str] = &["CRITICAL", "ERROR", "WARNING", "WARN", "INFO", "DEBUG", "TRACE", "FATAL"];

/// `2026-11-24T10:00:01Z ERROR worker-3 | text`, `[2026-11-24 10:00:01] text`, `app-1  | text`,
/// `ERROR:root:text` keep only `text`. Python's `INFO:openai._base_client:` and `ERROR:root:` are kept as
/// they are: readers match through them and the logger name says who spoke.
fn strip_log_prefix(s: &str) -> &str {
    let b = s.as_bytes();
    let mut i = 0;
    if b.first().is_some_and(|c| c.is_ascii_digit() || *c == b'[') {
        // A timestamp: digits and the punctuation dates and times use.
        let start = usize::from(b[0] == b'[');
        let mut j = start;
        while j < b.len() && (b[j].is_ascii_digit() || b"-:.T Z+,/".contains(&b[j])) {
            j += 1;
        }
        let digits = b[start..j].iter().filter(|c| c.is_ascii_digit()).count();
        if digits < 6 {
            return s;
        }
        if start == 1 {
            // `[date time - logger:line - LEVEL] text` (OPENAI_LOG) and `[date] text`.
            match s[j..].find(']') {
                Some(p) if p < 120 => j += p + 1,
                _ => return s,
            }
        }
        i = j;
        while i < b.len() && b[i] == b' ' {
            i += 1;
        }
        for level in LEVELS {
            if s[i..].starts_with(level) {
                i += level.len();
                break;
            }
        }
    }
    let rest = &s[i..];
    if i > 0 {
        if let Some(text) = loguru_or_logcat(rest) {
            return text;
        }
    }
    // A `source | ` column (docker compose, log shippers).
    let head = rest.as_bytes().get(..50).unwrap_or(rest.as_bytes());
    if let Some(p) = head.windows(2).position(|w| w == b"| ") {
        let head = rest[..p].trim_ws();
        if !head.is_empty() && head.chars().all(|c| c.is_ascii_alphanumeric() || "-_.[]:/ ".contains(c)) {
            return &rest[p + 2..];
        }
    }
    if i == 0 {
        return s;
    }
    rest.trim_start_matches([' ', ':', '-'])
}

/// After a timestamp: loguru's `| ERROR    | module:function:42 - text` and logcat's `4321-4398  Tag
/// com.example.app  E  text`.
fn loguru_or_logcat(rest: &str) -> Option<&str> {
    if let Some(after) = rest.strip_prefix("| ") {
        let bar = after.find(" | ").filter(|p| *p < 12)?;
        let tail = &after[bar + 3..];
        let dash = tail.find(" - ").filter(|p| *p < 120)?;
        return Some(&tail[dash + 3..]);
    }
    let head = &rest.as_bytes()[..rest.len().min(200)];
    let level = head.windows(4).position(|w| w[0] == b' ' && b"VDIWEFA".contains(&w[1]) && w[2] == b' ' && w[3] == b' ')?;
    // Before the level: the tag and the package, words without spaces inside.
    (rest[..level].split_ascii_whitespace().count() <= 2).then(|| rest[level + 2..].trim_start_matches(' '))
}

/// Whether most of the paste's first lines carry a prefix, so bodies spanning lines need cleaning too.
pub fn detect_prefix_mode(text: &str) -> bool {
    let sample: Vec<&str> = text.lines().filter(|l| !l.trim_ws().is_empty()).take(50).collect();
    let prefixed = sample.iter().filter(|l| line(l).len() + 1 < l.trim_end_ws().len()).count();
    sample.len() >= 2 && prefixed * 5 >= sample.len() * 3
}

/// Parses a body that starts on the line at `start` when every line carries a prefix: the lines are cleaned
/// into a buffer that doubles until the body closes or the buffer holds as much as the parser reads, so the
/// work stays proportional to the body.
/// Returns the value and the byte offset in `text` after the last line used.
pub fn parse_prefixed(text: &str, start: usize) -> (Value, usize) {
    let rest = &text[start..];
    let mut take = 16usize;
    loop {
        let mut buf = String::new();
        let mut raw_ends = Vec::new();
        let mut raw_end = start;
        for raw in rest.split_inclusive('\n').take(take) {
            raw_end += raw.len();
            buf.push_str(&line(raw));
            buf.push('\n');
            raw_ends.push((buf.len(), raw_end));
        }
        let body_at = buf.find('{').unwrap_or(0);
        let (value, used) = literal::parse(&buf[body_at..]);
        let used = body_at + used;
        let exhausted = raw_ends.len() < take;
        // The parser looks at no more than MAX_BYTES: once the buffer holds that much, more lines cannot help
        // (doubling on regardless re-cleaned thousands of long lines per body: 20 s for 100 MB).
        let full = buf.len() >= body_at + literal::MAX_BYTES;
        if used < buf.len().min(body_at + literal::MAX_BYTES) || exhausted || full || take >= 4096 {
            let end = raw_ends.iter().find(|(b, _)| *b >= used).map_or(raw_end, |(_, r)| *r);
            return (value, end);
        }
        take *= 2;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ansi_and_quote_markers_come_off() {
        assert_eq!(line("> \x1b[31mopenai.RateLimitError\x1b[0m: x\r\n"), "openai.RateLimitError: x");
        assert_eq!(line("> > {"), "{");
        assert_eq!(line("\x1b]0;title\x07<b> and \x1b]8;;url\x1b\\link"), "<b> and link");
        // Other escapes take the character after them, however long; cut-off escapes take the rest.
        assert_eq!(line("é\x1bé€ \x1b(B€"), "é€ B€");
        assert_eq!(line("ok \x1b[31"), "ok ");
        assert_eq!(line("ok \x1b]8;;é \x1bx"), "ok ");
        assert_eq!(line("ok \x1b"), "ok ");
    }

    #[test]
    fn log_prefixes_come_off() {
        assert_eq!(line("2026-11-24T10:00:01.123Z ERROR worker-3 | openai.APIError: x"), "openai.APIError: x");
        assert_eq!(line("[2026-11-24 15:32:40 - openai._base_client:1071 - INFO] Retrying"), "Retrying");
        assert_eq!(line("app-1  | Traceback (most recent call last):"), "Traceback (most recent call last):");
        assert_eq!(line("2026-11-24T10:00:01.1234567Z   File \"x.py\""), "File \"x.py\"");
    }

    #[test]
    fn loguru_and_logcat_prefixes_come_off() {
        assert_eq!(line("2026-11-24 10:00:01.123 | ERROR    | app.llm:complete:42 - openai.RateLimitError: x"), "openai.RateLimitError: x");
        assert_eq!(
            line("2026-11-24 10:00:01.123  4321-4398  OpenAIRepo              com.example.chat                     E  Request failed: HTTP 401"),
            "Request failed: HTTP 401"
        );
    }

    #[test]
    fn ordinary_lines_stay() {
        assert_eq!(line("  File \"app.py\", line 3, in <module>"), "  File \"app.py\", line 3, in <module>");
        assert_eq!(line("429 Too Many Requests"), "429 Too Many Requests");
        assert_eq!(line("INFO:openai._base_client:Retrying request"), "INFO:openai._base_client:Retrying request");
    }

    #[test]
    fn prefixed_body_spanning_lines_is_parsed() {
        let text = "t | {\nt |   \"error\": {\nt |     \"code\": \"insufficient_quota\"\nt |   }\nt | }\nafter\n";
        let (v, end) = parse_prefixed(text, 0);
        assert_eq!(v.get("error").and_then(|e| e.get("code")).and_then(Value::text), Some("insufficient_quota"));
        assert_eq!(&text[end..], "after\n");
    }
}
