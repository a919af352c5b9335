//! Log lines the SDKs and their HTTP clients write around a failure: httpx's `HTTP Request: POST … "HTTP/1.1
//! 429 Too Many Requests"`, openai-python's `Retrying request to …`, openai-node's `[log_…] post … failed
//! with status 429 … - retrying`, openai 0.x's `response_code=429`, and the timestamps at line starts.

use super::State;
use crate::evidence::Source;
use crate::text::StrExt;

pub fn read_line(line: &str, st: &mut State) {
    let maybe = ["HTTP Request: ", "etry", "failed with status ", "response_code="];
    if !maybe.iter().any(|m| line.contains_str(m)) {
        return;
    }
    if let Some(p) = line.find_str("HTTP Request: ") {
        let rest = &line[p + 14..];
        let mut words = rest.words();
        if let (Some(method), Some(url)) = (words.next(), words.next()) {
            note_endpoint(method, url, st);
        }
        let status = rest.find_str("\"HTTP/").and_then(|q| rest[q + 1..].words().nth(1)).and_then(number);
        if let Some(status) = status.filter(|s| *s >= 400) {
            st.incident(Source::Log, line).status = Some(status);
        }
        return;
    }
    if line.contains_str("Retrying request") || line.contains_str("- retrying,") || line.contains_str("failed - retrying") {
        st.ev.retries_seen += 1;
    }
    // openai-node: `[log_08286f, x-request-id: "req_…"] post https://… failed with status 429 in 13ms`
    if let Some(p) = line.find_str("failed with status ") {
        if let Some(id) = line.find_str("x-request-id: ").map(|q| &line[q + 14..]) {
            let id: String = id.trim_start_matches('"').chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
            if !id.is_empty() {
                st.ev.request_id = Some(id);
            }
        }
        let mut before = line[..p].split_whitespace().rev();
        if let (Some(url), Some(method)) = (before.next(), before.next()) {
            note_endpoint(&method.to_ascii_uppercase(), url, st);
        }
        if let Some(status) = line[p + 19..].words().next().and_then(number).filter(|s| *s >= 400) {
            st.incident(Source::Log, line).status = Some(status);
        }
        return;
    }
    // openai 0.x: `message='OpenAI API response' path=… response_code=429`
    if let Some(p) = line.find_str("response_code=") {
        if let Some(status) = number(&line[p + 14..]).filter(|s| *s >= 400) {
            st.incident(Source::Log, line).status = Some(status);
        }
    }
}

fn number(s: &str) -> Option<u16> {
    let digits: String = s.trim_start_matches('"').chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

fn note_endpoint(method: &str, url: &str, st: &mut State) {
    let url = url.trim_matches(['"', '\'']);
    if url.contains_str("openai") {
        st.ev.openai_context = true;
        st.ev.azure |= url.contains_str("azure");
    }
    if url.starts_with("http") || url.starts_with('/') {
        st.ev.endpoint = Some(format!("{method} {url}"));
    }
}

/// Remembers a timestamp at the start of the line (`2026-11-24T10:00:01.123Z`, `2026-11-24 10:00:01,123`,
/// `[2026-11-24 15:32:40 - …]`), so the report can give the decisive error's time.
pub fn read_timestamp(raw: &str, st: &mut State) {
    let t = raw.trim_start_matches(['>', ' ', '[']);
    let b = t.as_bytes();
    let is_date = b.len() >= 10
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[5..7].iter().all(u8::is_ascii_digit)
        && b[7] == b'-';
    if !is_date {
        return;
    }
    let end = t
        .char_indices()
        .find(|&(i, c)| !(c.is_ascii_digit() || "-:.,TZ+".contains(c) || (c == ' ' && i == 10)))
        .map_or(t.len(), |(i, _)| i);
    let ts = t[..end].trim_end_matches([',', '.', ' ']);
    if ts.len() >= 10 {
        st.last_timestamp = Some((st.line, ts.to_string()));
    }
}
