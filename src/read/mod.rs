//! Readers: pasted text in, [`Evidence`] out. They report what they saw and where; they never decide which
//! catalogue entry fits (that is `classify`'s job).
//!
//! One pass over the lines (a large log has been narrowed by [`excerpt`] first, so every line is worth
//! reading): each is cleaned (ANSI colours, CR, quote markers, log prefixes) and handed to each reader. Bodies
//! (`{...}` JSON, Python dicts, Node objects) are parsed where they start and may span lines; the lines they
//! cover are not read again, so the whole pass stays linear in the input.

mod clean;
mod exception;
mod excerpt;
mod http;
pub mod literal;
mod log;
mod message;

pub use excerpt::{excerpt, Excerpt};
pub use message::{decimal_millis, duration_ms};

use crate::evidence::{Evidence, Incident, Source};
use literal::Value;
use crate::text::StrExt;

/// How far (in lines) a body may be from the status line or exception it belongs to.
const BODY_REACH: usize = 80;
/// At most twice this many incidents are kept; older ones are dropped in batches.
const KEEP_INCIDENTS: usize = 256;
/// At most this much of an incident's text is kept for matching message fragments.
const TEXT_CAP: usize = 4096;
/// A paste with no recognisable error is matched as a bare message only up to this size.
const BARE_MESSAGE_CAP: usize = 64 * 1024;

/// Reads everything the paste says about the failed call.
pub fn read(text: &str) -> Evidence {
    let mut st = State::default();
    let prefixed = clean::detect_prefix_mode(text);
    let mut offset = 0usize;
    let mut n = 0usize;
    let mut skip_until = 0usize;
    // After an exception line, the lines that follow belong to its message until a frame or a new
    // traceback starts (0.x messages and 1.x HTML bodies span lines); they join its text for matching.
    let mut continues_message = false;
    for raw in text.split_inclusive('\n') {
        let start = offset;
        offset += raw.len();
        n += 1;
        if continues_message {
            continues_message = st.continue_message(raw);
        }
        if start < skip_until {
            continue;
        }
        let before = st.ev.errors_seen;
        st.line = n;
        log::read_timestamp(raw, &mut st);
        let line = clean::line(raw);
        let line = line.as_ref();
        http::read_line(line, &mut st);
        exception::read_line(line, &mut st);
        log::read_line(line, &mut st);
        message::read_line(line, &mut st);
        if let Some(end) = bodies(text, start, raw, line, prefixed, &mut st) {
            skip_until = end;
        }
        if st.ev.errors_seen > before {
            continues_message = st.ev.incidents.last().is_some_and(|i| i.source == Some(Source::Exception));
        }
    }
    st.finish(text)
}

/// Parses the bodies a line starts and returns the byte offset the last one reached, when it ran past
/// this line.
fn bodies(text: &str, start: usize, raw: &str, line: &str, prefixed: bool, st: &mut State) -> Option<usize> {
    let trimmed = line.trim_ws();
    // A body that opens on this line and continues below: pretty JSON, Node's `at … {` object dump.
    let opens_block = trimmed == "{" || (trimmed.ends_with('{') && !trimmed.contains('}'));
    let mut reached = None;
    let mut from = 0usize;
    let mut parsed = 0;
    while let Some(pos) = line[from..].find('{').map(|p| p + from) {
        if parsed == 4 {
            break;
        }
        let after = &line[pos + 1..];
        if after.starts_with('\\') {
            // A body printed as an escaped string (a bytes repr, JSON inside a JSON log field): read it
            // unescaped.
            st.absorb(&literal::parse(&unescape(&line[pos..])).0);
            break;
        }
        let next = after.trim_start_ws().chars().next();
        let starts_body = matches!(next, Some('"' | '\'')) || (opens_block && pos + 1 >= line.trim_end_ws().len());
        if !starts_body {
            from = pos + 1;
            continue;
        }
        parsed += 1;
        if opens_block && pos + 1 >= line.trim_end_ws().len() {
            // Multi-line: parse the original text from here.
            let (value, used) = if prefixed {
                clean::parse_prefixed(text, start)
            } else {
                let raw_pos = raw.rfind('{').map_or(start, |p| start + p);
                let (v, used) = literal::parse(&text[raw_pos..]);
                (v, raw_pos + used)
            };
            st.absorb(&value);
            reached = Some(used);
            break;
        }
        let (value, used) = literal::parse(&line[pos..]);
        st.absorb(&value);
        from = pos + used.max(1);
        if from >= line.len() {
            break;
        }
    }
    reached
}

/// The evidence under construction, with what the readers need to know about where they are.
#[derive(Default)]
pub(crate) struct State {
    pub ev: Evidence,
    /// The line being read (1-based).
    pub line: usize,
    /// The last timestamp seen, with its line.
    pub last_timestamp: Option<(usize, String)>,
    /// Timestamps at each incident's line, for picking the decisive one's.
    pub incident_timestamps: Vec<Option<String>>,
    /// The paste shows a traceback (Python) or stack (Node) frame.
    pub saw_frames: bool,
}

impl State {
    /// Starts a new incident at the current line.
    pub fn incident(&mut self, source: Source, text: &str) -> &mut Incident {
        self.ev.errors_seen += 1;
        message::read_message(text, self);
        if self.ev.incidents.len() >= 2 * KEEP_INCIDENTS {
            // A log with thousands of failures: the decisive one is among the latest.
            self.ev.incidents.drain(..KEEP_INCIDENTS);
            self.incident_timestamps.drain(..KEEP_INCIDENTS);
        }
        self.ev.incidents.push(Incident {
            line: self.line,
            source: Some(source),
            text: lower_capped(text),
            ..Incident::default()
        });
        self.incident_timestamps.push(self.last_timestamp.as_ref().map(|(_, t)| t.clone()));
        self.ev.incidents.last_mut().expect("just pushed")
    }

    /// Adds a line that continues the latest exception's message to its text; false when the message ended.
    fn continue_message(&mut self, raw: &str) -> bool {
        let line = clean::line(raw);
        let t = line.trim_start_ws();
        let ends = t.starts_with("Traceback (")
            || t.starts_with("During handling")
            || t.starts_with("The above exception")
            || t.starts_with("at ")
            || t.starts_with("File \"");
        let Some(inc) = self.ev.incidents.last_mut() else { return false };
        if ends || inc.text.len() >= TEXT_CAP {
            return false;
        }
        inc.text.push(' ');
        inc.text.push_str(&lower_capped(t));
        true
    }

    /// The latest incident, if it is close enough above the current line for a body to belong to it.
    fn recent_incident(&mut self) -> Option<&mut Incident> {
        let line = self.line;
        self.ev.incidents.last_mut().filter(|i| line.saturating_sub(i.line) <= BODY_REACH)
    }

    /// Takes what a parsed body says: the error object, status, headers, request id, model.
    pub fn absorb(&mut self, value: &Value) {
        http::harvest_headers(value, self);
        if let Some(headers) = value.get("headers") {
            http::harvest_headers(headers, self);
        }
        for key in ["request_id", "requestID"] {
            if let Some(id) = value.get(key).and_then(Value::text) {
                self.ev.request_id.get_or_insert_with(|| id.to_string());
            }
        }
        if let Some(model) = value.get("model").and_then(Value::text) {
            self.ev.model.get_or_insert_with(|| model.to_string());
        }
        // A failed Response (`response.failed` event, or a Response object printed whole) carries its error
        // inside: it is read like an HTTP error body.
        let failed = value.get("response").filter(|r| matches!(r.get("error"), Some(Value::Map(_))));
        let err = match value.get("error").or_else(|| failed.and_then(|r| r.get("error"))) {
            Some(e @ Value::Map(_)) => e,
            _ if value.get("message").is_some() && (value.get("code").is_some() || value.get("type").is_some()) => {
                value
            }
            _ => return,
        };
        http::note_vendor(value, err, &mut self.ev);
        let status = value
            .get("status")
            .or_else(|| err.get("status"))
            .and_then(Value::text)
            .and_then(|s| s.parse::<u16>().ok())
            .filter(|s| (400..=599).contains(s));
        let field = |k: &str| err.get(k).and_then(Value::text).map(str::to_string);
        let (message, error_type, code, param) = (field("message"), field("type"), field("code"), field("param"));
        if let Some(inner) = err.get("innererror") {
            if inner.get("code").is_some() {
                self.ev.azure = true;
            }
        }
        // A body belongs to the status line or exception just above it, unless that already has one.
        let fresh = !matches!(self.recent_incident(), Some(i) if i.code.is_none() && i.error_type.is_none());
        let text = message.clone().unwrap_or_default();
        let inc = if fresh { self.incident(Source::Body, &text) } else { self.ev.incidents.last_mut().expect("recent") };
        if !fresh && !text.is_empty() {
            inc.text = lower_capped(&format!("{} {}", inc.text, text));
        }
        inc.status = inc.status.or(status);
        inc.message = message.or(inc.message.take());
        inc.error_type = error_type.or(inc.error_type.take());
        inc.code = code.or(inc.code.take());
        inc.param = param.or(inc.param.take());
        if let Some(m) = inc.message.clone() {
            message::read_message(&m, self);
        }
        // OpenRouter hands on the upstream provider's error as a JSON string (`metadata.raw`), under its own
        // "Provider returned error": the inner error is the real one.
        if let Some(raw) = err.get("metadata").and_then(|m| m.get("raw")).and_then(Value::text) {
            if raw.starts_with('{') {
                self.absorb(&literal::parse(raw).0);
            }
        }
    }

    fn finish(mut self, text: &str) -> Evidence {
        if self.ev.incidents.is_empty() && !text.trim_ws().is_empty() && text.len() <= BARE_MESSAGE_CAP {
            // Nothing structured: the paste may be the message alone.
            let cleaned: String = text.lines().map(|l| clean::line(l).into_owned() + "\n").collect();
            self.line = 1;
            let inc = self.incident(Source::Text, &cleaned);
            inc.message = Some(cleaned.trim_ws().to_string());
        }
        let ev = &mut self.ev;
        // The API quotes the failing parameter in its message; bodies that were cut, and SDKs that print the
        // message alone, leave `param` to be read from there.
        for inc in ev.incidents.iter_mut().filter(|i| i.param.is_none()) {
            inc.param = inc.message.as_deref().and_then(message::param_in_message);
        }
        let last = |pred: &dyn Fn(&Incident) -> bool| ev.incidents.iter().rposition(pred);
        ev.decisive = last(&|i| i.source == Some(Source::Exception))
            .or_else(|| last(&|i| i.code.is_some() || i.message.is_some()))
            .or_else(|| last(&|i| i.status.is_some_and(|s| s >= 400)))
            .or_else(|| ev.incidents.len().checked_sub(1));
        let decisive_ts = ev.decisive.and_then(|i| self.incident_timestamps.get(i).cloned().flatten());
        ev.timestamp = decisive_ts.or(ev.timestamp.take()).or(self.last_timestamp.map(|(_, t)| t));
        if ev.foreign && ev.openai_context {
            ev.foreign = false;
        }
        self.ev
    }
}

/// One level of string escapes undone: `\n`, `\t`, `\"`, `\'`, `\\`. Escapes are ASCII, so working on bytes
/// keeps every other character whole.
fn unescape(s: &str) -> String {
    let mut out = Vec::with_capacity(s.len());
    let mut bytes = s.bytes();
    while let Some(b) = bytes.next() {
        if b != b'\\' {
            out.push(b);
            continue;
        }
        let next = bytes.next();
        let unescaped = match next {
            Some(b'n') => b'\n',
            Some(b't') => b'\t',
            Some(e @ (b'"' | b'\'' | b'\\')) => e,
            _ => b'\\',
        };
        out.push(unescaped);
        if let (b'\\', Some(other)) = (unescaped, next.filter(|n| *n != b'\\')) {
            out.push(other);
        }
    }
    String::from_utf8(out).unwrap_or_default()
}

/// Text cut to [`TEXT_CAP`] bytes at a character boundary, then lowercased (cutting first keeps a 100 MB
/// line from being copied whole).
fn lower_capped(s: &str) -> String {
    let mut end = s.len().min(TEXT_CAP);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s[..end].to_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaped_bodies_are_read() {
        assert_eq!(unescape(r#"{\n  \"error\": {\"message\": \"Unknown parameter: \'x\'.\"}}"#), "{\n  \"error\": {\"message\": \"Unknown parameter: 'x'.\"}}");
        let ev = read(r#"ERROR - Error from LLM API: b'{\n  "error": {\n    "message": "Unknown parameter: \'reasoning\'.",\n    "type": "invalid_request_error",\n    "param": "reasoning",\n    "code": "unknown_parameter"\n  }\n}'"#);
        let inc = ev.decisive().expect("an incident");
        assert_eq!(inc.code.as_deref(), Some("unknown_parameter"));
        assert_eq!(inc.param.as_deref(), Some("reasoning"));
    }

    #[test]
    fn a_failed_response_is_read_like_an_error_body() {
        let ev = read(r#"data: {"type":"response.failed","response":{"id":"resp_1","status":"failed","error":{"code":"server_error","message":"An error occurred while processing your request."}}}"#);
        assert_eq!(ev.decisive().and_then(|i| i.code.as_deref()), Some("server_error"));
        // A completed response's `error: null` is no error.
        let ok = read(r#"data: {"type":"response.completed","response":{"id":"resp_1","status":"completed","error":null}}"#);
        assert!(ok.decisive().is_none_or(|i| i.code.is_none()));
    }

    #[test]
    fn openrouter_passes_on_the_upstream_error() {
        let ev = read(r#"{"error":{"message":"Provider returned error","code":400,"metadata":{"raw":"{\"error\":{\"message\":\"Missing required parameter: 'tools[0].name'.\",\"type\":\"invalid_request_error\",\"param\":\"tools[0].name\",\"code\":\"missing_required_parameter\"}}","provider_name":"OpenAI"}}}"#);
        assert_eq!(ev.decisive().and_then(|i| i.code.as_deref()), Some("missing_required_parameter"));
    }
}
