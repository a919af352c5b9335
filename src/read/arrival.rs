//! How the text arrived, for the manglings that cross lines or change characters (the per-line ones, such
//! as ANSI codes and log prefixes, are `clean.rs`'s): smart quotes from a chat or a word processor, Markdown
//! escapes, a traceback held in one JSON-escaped string, a body escaped twice, a `repr()` glued to the
//! `Traceback` that follows it, and TUI frames (`⎿`, `└`, `│`) around JSON the terminal hard-wrapped.
//!
//! Each fix runs only when a cheap test says its mark is there, so an ordinary paste is borrowed untouched.

use std::borrow::Cow;

use crate::text::StrExt;

/// Characters TUIs draw at the start of a line around output.
const FRAMES: &[char] = &['⎿', '└', '├', '╰', '╭', '┃', '│', '■', '⚠', '✕', '✗', '●', '⏺', '❯', '╎'];
/// Lines a hard-wrapped string may be continued on.
const WRAP_REACH: usize = 40;

/// The text with the manglings undone, or the text itself when there are none.
pub fn normalize(text: &str) -> Cow<'_, str> {
    let mut s = Cow::Borrowed(text);
    if text.contains(['“', '”', '‘', '’']) {
        s = Cow::Owned(s.replace(['“', '”'], "\"").replace(['‘', '’'], "'"));
    }
    if s.contains_str("\\_") {
        s = Cow::Owned(s.replace("\\_", "_"));
    }
    if s.contains_str("Traceback (most recent call last):") {
        if let Some(fixed) = unglue_tracebacks(&s) {
            s = Cow::Owned(fixed);
        }
    }
    if s.contains_str("{\\\"") || s.contains_str("\\n") {
        if let Some(fixed) = unescape_lines(&s) {
            s = Cow::Owned(fixed);
        }
    }
    if s.contains(FRAMES) {
        if let Some(fixed) = unframe(&s) {
            s = Cow::Owned(fixed);
        }
    }
    s
}

/// `RateLimitError('…')Traceback (most recent call last):` → the repr, then the traceback on its own line.
fn unglue_tracebacks(s: &str) -> Option<String> {
    const HEAD: &str = "Traceback (most recent call last):";
    let glued = s.find_str_all(HEAD).any(|p| p > 0 && !s.as_bytes()[p - 1].is_ascii_whitespace());
    if !glued {
        return None;
    }
    let mut out = String::with_capacity(s.len() + 16);
    let mut last = 0;
    for p in s.find_str_all(HEAD) {
        if p > 0 && !s.as_bytes()[p - 1].is_ascii_whitespace() {
            out.push_str(&s[last..p]);
            out.push('\n');
            last = p;
        }
    }
    out.push_str(&s[last..]);
    Some(out)
}

/// Lines that are escaped text: a traceback or stack in one string (`Traceback (most recent call last):\n
/// File \"…`), or a body escaped twice (`{\"error\": {\"message\": …}}`).
fn unescape_lines(s: &str) -> Option<String> {
    let mut changed = false;
    let mut out = String::with_capacity(s.len());
    for line in s.split_inclusive('\n') {
        let escaped_trace = line.contains_str("Traceback (most recent call last):\\n") || line.contains_str("\\n    at ");
        // Escaped twice: the first body opens with `{\"`; a body holding an escaped string (`"raw": "{\"…`)
        // opens with `{"` and is left alone.
        let first = line.find('{');
        let escaped_body = first.is_some_and(|p| line[p + 1..].starts_with("\\\"") || line[p + 1..].starts_with("\\\\\""));
        if !(escaped_trace || escaped_body) {
            out.push_str(line);
            continue;
        }
        changed = true;
        let mut l = line.to_string();
        for _ in 0..3 {
            if !(l.contains_str("\\\"") || l.contains_str("\\n")) {
                break;
            }
            l = unescape_once(&l);
        }
        out.push_str(&l);
    }
    changed.then_some(out)
}

/// One level of backslash escapes: `\"` → `"`, `\\` → `\`, `\n` → a line break, `\t` → a tab.
fn unescape_once(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('"') => out.push('"'),
            Some('\\') => out.push('\\'),
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('\'') => out.push('\''),
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
}

/// Takes TUI frame characters off line starts (and a closing `│` off line ends), and joins the lines of a
/// string the terminal hard-wrapped inside a body, when the body then closes.
fn unframe(s: &str) -> Option<String> {
    let lines: Vec<&str> = s.lines().map(strip_frame).collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < lines.len() {
        let mut line = lines[i].to_string();
        i += 1;
        if let Some(mut state) = open_string_at_end(&line) {
            // Look ahead: join only if the body closes within reach.
            let mut joined = line.clone();
            let mut j = i;
            while j < lines.len() && j - i < WRAP_REACH {
                let next = lines[j].trim_start_ws();
                joined.push(' ');
                joined.push_str(next);
                j += 1;
                state = scan(next, state);
                if state.depth <= 0 {
                    line = joined;
                    i = j;
                    break;
                }
            }
        }
        out.push_str(&line);
        out.push('\n');
    }
    Some(out)
}

fn strip_frame(line: &str) -> &str {
    let t = line.trim_start_matches(|c: char| c == ' ' || FRAMES.contains(&c));
    let t = if t.len() < line.len() { t } else { line };
    t.trim_end_matches([' ', '│', '┃'])
}

/// Where a scan of a body stands at the end of a line.
#[derive(Clone, Copy)]
struct ScanState {
    depth: i32,
    quote: Option<char>,
}

/// A line that opens a JSON or dict body and ends inside one of its strings (a hard wrap), with the scan
/// state there.
fn open_string_at_end(line: &str) -> Option<ScanState> {
    let p = line.find("{\"").or_else(|| line.find("{'"))?;
    let st = scan(&line[p..], ScanState { depth: 0, quote: None });
    (st.depth > 0 && st.quote.is_some()).then_some(st)
}

fn scan(text: &str, mut st: ScanState) -> ScanState {
    let mut escaped = false;
    for c in text.chars() {
        match st.quote {
            Some(q) => {
                if escaped {
                    escaped = false;
                } else if c == '\\' {
                    escaped = true;
                } else if c == q {
                    st.quote = None;
                }
            }
            None => match c {
                '"' | '\'' => st.quote = Some(c),
                '{' | '[' => st.depth += 1,
                '}' | ']' => st.depth -= 1,
                _ => {}
            },
        }
    }
    st
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_text_is_borrowed() {
        assert!(matches!(normalize("openai.RateLimitError: Error code: 429\n"), Cow::Borrowed(_)));
    }

    #[test]
    fn smart_quotes_and_markdown_escapes() {
        assert_eq!(normalize("{“code”: ‘insufficient\\_quota’}"), "{\"code\": 'insufficient_quota'}");
    }

    #[test]
    fn a_glued_traceback_starts_its_own_line() {
        assert_eq!(normalize("RateLimitError('x')Traceback (most recent call last):\n"), "RateLimitError('x')\nTraceback (most recent call last):\n");
    }

    #[test]
    fn bodies_escaped_twice_are_unescaped_but_escaped_strings_inside_bodies_stay() {
        assert_eq!(normalize("data: {\\\"error\\\": {\\\"code\\\": \\\"x\\\"}}\n"), "data: {\"error\": {\"code\": \"x\"}}\n");
        let raw = "{\"error\":{\"metadata\":{\"raw\":\"{\\\"error\\\":1}\"}}}\n";
        assert_eq!(normalize(raw), raw);
    }

    #[test]
    fn tui_frames_come_off_and_hard_wrapped_json_is_joined() {
        let text = "  ⎿  API Error: 429 {\"error\":{\"message\":\"You exceeded your current quota, please check your plan and\n     billing details.\",\"code\":\"insufficient_quota\"}}\n";
        let out = normalize(text);
        assert!(out.contains_str("plan and billing details.\",\"code\""), "{out}");
        assert!(out.starts_with("API Error: 429"), "{out}");
    }
}
