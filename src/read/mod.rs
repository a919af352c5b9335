//! Readers: pasted text in, [`Evidence`] out. They report what they saw and where; they never decide which
//! catalogue entry fits (that is `classify`'s job).
//!
//! One pass over the lines (a large log has been narrowed by [`excerpt`] first, so every line is worth
//! reading): each is cleaned (ANSI colours, CR, quote markers, log prefixes) and handed to each reader. Bodies
//! (`{...}` JSON, Python dicts, Node objects) are parsed where they start and may span lines; the lines they
//! cover are not read again (only the marks of who answered and through what), so the whole pass stays
//! linear in the input. Before the pass, `arrival` undoes what crossed lines on the way (TUI frames around
//! hard-wrapped JSON, escaping, smart quotes); after it, `State::finish` settles the layers: which service
//! answered, whether another vendor's error rules OpenAI out, and whether a paste that shows nothing but an
//! HTTP error status is read as the API's.

mod arrival;
mod body;
mod clean;
mod clients;
mod exception;
mod excerpt;
mod http;
pub mod literal;
mod log;
mod message;
pub(crate) mod needles;
mod provider;
mod wrappers;

pub use excerpt::{excerpt, Excerpt};
pub use wrappers::LAYERS;
pub use message::{decimal_millis, duration_ms};

use crate::evidence::{CauseKind, Evidence, Incident, Source};
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

/// Whether the paste shows a request sent with an unset key (`Authorization: Bearer undefined`). Asked of the
/// text before redaction, which masks whatever follows `Bearer`.
pub fn shows_unset_key(text: &str) -> bool {
    ["Bearer undefined", "Bearer null", "Bearer None", "Bearer ${"].iter().any(|m| text.contains_str(m))
}

/// Reads everything the paste says about the failed call.
pub fn read(text: &str) -> Evidence {
    let normalized = arrival::normalize(text);
    let text = normalized.as_ref();
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
            // Inside a body read already: only the marks of who answered and through what.
            let line = clean::line(raw);
            provider::read_line(&line, &mut st);
            provider::read_title(&line, &mut st);
            wrappers::note_marks(&line, &mut st);
            clients::read_marks(&line, &mut st);
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
        provider::read_line(line, &mut st);
        provider::read_title(line, &mut st);
        wrappers::note_marks(line, &mut st);
        clients::read_extras(line, &mut st);
        if line.trim_ws() == "event: error" {
            // The streaming protocol of the OpenAI API (and of the services that copy it).
            st.sse_error_line = Some(n);
            st.ev.openai_context = true;
        }
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
    /// The service that answered, with how it was recognised (the surest reading is kept).
    pub provider: Option<(provider::Rank, &'static str)>,
    /// Another vendor's answer (its body shape, SDK class, host): rules OpenAI out even under an OpenAI client.
    pub foreign_answer: Option<&'static str>,
    /// A status said on the side: a gateway error page's `<title>`, a `<Response [429]>` repr in a locals
    /// panel. It is the answer's only when no error in the paste gives one.
    pub side_status: Option<u16>,
    /// The paste names a host that is no LLM service (another site's URL): a bare status is then not the API's.
    pub other_host: bool,
    /// The paste shows a gateway's own error page (`<title>host | 502: Bad gateway</title>`).
    pub gateway_page: bool,
    /// The line of a server-sent `event: error`: the `data:` body below it is an error, whatever its shape.
    pub sse_error_line: Option<usize>,
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

    /// Takes what a parsed body says: the error object, status, headers, request id, model (see `body.rs`).
    pub fn absorb(&mut self, value: &Value) {
        body::absorb(self, value, None, 0);
    }

    fn finish(mut self, text: &str) -> Evidence {
        if let Some(status) = self.side_status {
            if !self.ev.incidents.iter().any(|i| i.status.is_some()) {
                self.line = 1;
                self.incident(Source::Http, "").status = Some(status);
            }
        }
        if self.gateway_page && self.ev.cloudflare {
            // Cloudflare's own error page: Cloudflare answered, in front of the API.
            provider::note(&mut self, "Cloudflare", provider::Rank::Answer);
        }
        let nothing_else = !self.other_host && self.foreign_answer.is_none() && self.ev.foreign.is_none();
        if self.ev.incidents.is_empty() && (self.ev.openai_context || nothing_else) {
            // A connection failure printed by a tool (curl, Go's net/http) with no exception of an SDK: it is
            // what the SDK calls a connection error.
            // (Not a database's or a queue's port: those are other services' connection errors.)
            const OTHER_PORTS: &[&str] = &[":5432", ":3306", ":6379", ":27017", ":9200", ":5672", ":11211", ":2181", ":9092"];
            let cause = self.ev.root_cause.clone().filter(|c| !OTHER_PORTS.iter().any(|p| c.text.contains_str(p)));
            if let Some(cause) = cause {
                self.line = 1;
                let inc = self.incident(Source::Text, &cause.text);
                inc.message = Some(cause.text.clone());
                // A timeout the text calls one ("timed out", "deadline exceeded") is what the SDKs raise as a
                // timeout; a connect failure (`connect ETIMEDOUT`) is a connection error.
                let lower = cause.text.to_ascii_lowercase();
                let timeout = cause.kind == CauseKind::Timeout && !lower.contains_str("connect etimedout");
                inc.equivalent = Some(if timeout { "APITimeoutError" } else { "APIConnectionError" });
            }
        }
        if self.ev.incidents.is_empty() && !text.trim_ws().is_empty() && text.len() <= BARE_MESSAGE_CAP {
            // Nothing structured: the paste may be the message alone.
            let cleaned: String = text.lines().map(|l| clean::line(l).into_owned() + "\n").collect();
            self.line = 1;
            let inc = self.incident(Source::Text, &cleaned);
            inc.message = Some(cleaned.trim_ws().to_string());
            // `OpenAI validation error: 429 You exceeded …`: a message that says its status.
            inc.status = clients::status_in(cleaned.trim_ws());
        }
        // A paste that shows nothing but an HTTP client's or tool's error status (no other site, no other vendor)
        // is read as the API's: it was pasted here to be explained as one.
        // (Not a websocket handshake: every streaming service has one.)
        let only_status = !self.ev.openai_context
            && self.ev.sdk != Some(crate::evidence::Sdk::Client("websocket-client"))
            && !self.other_host
            && self.foreign_answer.is_none()
            && self.ev.foreign.is_none()
            && self.ev.incidents.iter().any(|i| i.status.is_some_and(|s| s >= 400));
        if only_status {
            self.ev.openai_context = true;
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
        // Another vendor's own answer rules OpenAI out; a mere mention only when nothing shows OpenAI.
        let mentioned = ev.foreign.take().filter(|_| !ev.openai_context);
        ev.foreign = self.foreign_answer.or(mentioned);
        // With nothing else named, an OpenAI context means OpenAI (or Azure OpenAI) answered.
        let default = if ev.azure { Some("Azure OpenAI") } else { ev.openai_context.then_some("OpenAI") };
        ev.provider = if ev.foreign.is_some() { None } else { self.provider.map(|p| p.1).or(default) };
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
