//! What a parsed body says: the error object (OpenAI's four fields, Azure's, a Realtime `error` event), the
//! status, headers, request id and model, wherever the body's wrappers put them: axios's `response: {
//! status, data: { error } }`, the Vercel AI SDK's `statusCode` and `responseBody` (a JSON string),
//! OpenRouter's upstream error in `metadata.raw` (a JSON string too), an error serialised as JSON (`{"name",
//! "message", "stack"}`, Jupyter's `ename`/`evalue`), node-fetch's `{"type": "system", "errno": …}`.

use super::literal::{self, Value};
use super::{exception, http, lower_capped, provider, State};
use crate::evidence::{RootCause, Source};
use crate::text::StrExt;

/// Envelopes an error object may sit in, outermost first.
const ENVELOPES: &[&str] = &["response", "data", "body", "responseBody", "cause", "lastError", "errors"];
/// Keys that hold a status.
const STATUS_KEYS: &[&str] = &["status", "statusCode", "status_code", "http_status"];
/// How deep envelopes and JSON strings are followed.
const MAX_DEPTH: usize = 4;

/// Takes what `value` says; `outer_status` is a status an enclosing envelope gave.
pub fn absorb(st: &mut State, value: &Value, outer_status: Option<u16>, depth: usize) {
    if depth > MAX_DEPTH {
        return;
    }
    if let Value::List(items) = value {
        // Google answers `[{"error": …}]`.
        for item in items.iter().take(4) {
            absorb(st, item, outer_status, depth + 1);
        }
        return;
    }
    http::harvest_headers(value, st);
    if let Some(headers) = value.get("headers") {
        http::harvest_headers(headers, st);
    }
    for key in ["request_id", "requestID"] {
        if let Some(id) = value.get(key).and_then(Value::text) {
            st.ev.request_id.get_or_insert_with(|| id.to_string());
        }
    }
    if let Some(model) = value.get("model").and_then(Value::text) {
        st.ev.model.get_or_insert_with(|| model.to_string());
    }
    if fetch_error(st, value) {
        return;
    }
    // An error serialised as JSON is read as its exception line; its status and body may follow.
    let serialised = serialised_error(st, value);
    let status = status_of(value).or(outer_status);
    let sse_error = st.sse_error_line.is_some_and(|l| st.line - l <= 2) && value.get("error").is_none();
    let err = match value.get("error") {
        _ if sse_error => value,
        Some(e @ Value::Map(_)) => e,
        Some(Value::Str(s)) if looks_like_body(s) => return absorb(st, &literal::parse(s.trim_ws()).0, status, depth + 1),
        _ if value.get("message").is_some() && (value.get("code").is_some() || value.get("type").is_some()) => value,
        // vLLM's (and others') `{"object": "error", "message": …}`.
        _ if value.get("message").is_some() && value.get("object").and_then(Value::text) == Some("error") => value,
        _ => {
            for key in ENVELOPES {
                match value.get(key) {
                    Some(inner @ (Value::Map(_) | Value::List(_))) => return absorb(st, inner, status, depth + 1),
                    Some(Value::Str(s)) if looks_like_body(s) => {
                        return absorb(st, &literal::parse(s.trim_ws()).0, status, depth + 1);
                    }
                    _ => {}
                }
            }
            // A dump with a status and no error object (axios's `data: { error: [Object] }`).
            let dump = ["statusText", "statusCode", "status_code", "http_status"].iter().any(|k| value.get(k).is_some());
            if depth > 0 || dump || serialised {
                if let Some(status) = status {
                    attach_status(st, status);
                }
            }
            return;
        }
    };
    provider::note_body(value, err, st);
    let metadata = err.get("metadata");
    if metadata.and_then(|m| m.get("provider_name")).is_some() {
        provider::note(st, "OpenRouter", provider::Rank::Answer);
    }
    let status = status.or_else(|| {
        // OpenRouter and Google put the status in the error's numeric `code`.
        err.get("status").or_else(|| err.get("code").filter(|c| matches!(c, Value::Num(_)))).and_then(Value::text).and_then(|s| s.parse().ok())
    });
    let status = status.filter(|s| (400..=599).contains(s));
    let field = |k: &str| err.get(k).and_then(Value::text).map(str::to_string);
    let (message, error_type, code, param) = (field("message").or_else(|| field("details")), field("type"), field("code"), field("param"));
    if let Some(inner) = err.get("innererror") {
        if inner.get("code").is_some() {
            st.ev.azure = true;
        }
    }
    // A body belongs to the status line or exception just above it, unless that already has one.
    let fresh = !matches!(st.recent_incident(), Some(i) if i.code.is_none() && i.error_type.is_none());
    let text = message.clone().unwrap_or_default();
    let inc = if fresh { st.incident(Source::Body, &text) } else { st.ev.incidents.last_mut().expect("recent") };
    if !fresh && !text.is_empty() {
        inc.text = lower_capped(&format!("{} {}", inc.text, text));
    }
    inc.status = inc.status.or(status);
    inc.message = message.or(inc.message.take());
    inc.error_type = error_type.or(inc.error_type.take());
    inc.code = code.or(inc.code.take());
    inc.param = param.or(inc.param.take());
    // A Realtime `error` event has no HTTP status: its error type says which SDK class it would be.
    if value.get("type").and_then(Value::text) == Some("error") && value.get("event_id").is_some() && inc.status.is_none() {
        inc.equivalent = match inc.error_type.as_deref() {
            Some("invalid_request_error") => Some("BadRequestError"),
            Some("server_error") => Some("InternalServerError"),
            Some("rate_limit_error" | "tokens" | "requests") => Some("RateLimitError"),
            _ => inc.equivalent,
        };
    }
    if let Some(m) = inc.message.clone() {
        super::message::read_message(&m, st);
    }
    // OpenRouter: the upstream's own error, as a JSON string.
    if let Some(raw) = metadata.and_then(|m| m.get("raw")).and_then(Value::text).filter(|r| looks_like_body(r)) {
        absorb(st, &literal::parse(raw.trim_ws()).0, None, depth + 1);
    }
}

fn looks_like_body(s: &str) -> bool {
    let t = s.trim_start_ws();
    (t.starts_with('{') || t.starts_with('[')) && t.contains_str("rror")
}

fn status_of(value: &Value) -> Option<u16> {
    STATUS_KEYS
        .iter()
        .find_map(|k| value.get(k).and_then(Value::text).and_then(|s| s.parse::<u16>().ok()))
        .filter(|s| (400..=599).contains(s))
}

/// Gives a status to the incident just above, or starts one.
fn attach_status(st: &mut State, status: u16) {
    match st.recent_incident() {
        Some(inc) if inc.status.is_none() => inc.status = Some(status),
        Some(inc) if inc.status == Some(status) => {}
        _ => st.incident(Source::Body, "").status = Some(status),
    }
}

/// An error serialised as JSON: `{"name": "RateLimitError", "message": "…", "stack": "…"}` (VS Code's
/// notebook export, `JSON.stringify` of a Node error), `{"ename": …, "evalue": …, "traceback": […]}` (a
/// notebook's output). Read as the exception line it stands for; its stack's frames are read too.
fn serialised_error(st: &mut State, value: &Value) -> bool {
    let (name, message) = match (value.get("name").or_else(|| value.get("ename")), value.get("message").or_else(|| value.get("evalue"))) {
        (Some(Value::Str(n)), Some(Value::Str(m))) if n.ends_with("Error") || n.ends_with("Exception") => (n, m),
        _ => return false,
    };
    if let Some(Value::Str(stack)) = value.get("stack") {
        for l in stack.lines().take(400) {
            exception::note_frames(&super::clean::line(l), st);
        }
    }
    if let Some(Value::List(lines)) = value.get("traceback") {
        for l in lines.iter().filter_map(Value::text).flat_map(str::lines).take(400) {
            exception::note_frames(&super::clean::line(l), st);
        }
    }
    let first = message.lines().next().unwrap_or_default();
    exception::read_line(&format!("{name}: {first}"), st);
    // The message's own body (`Error code: 429 - {…}`) is read as a body would be.
    if let Some(p) = message.find("{'").or_else(|| message.find("{\"")) {
        absorb(st, &literal::parse(&message[p..]).0, None, 1);
    }
    true
}

/// node-fetch's error as JSON: `{"message": "request to https://… failed, reason: …", "type": "system",
/// "errno": "ETIMEDOUT", "code": "ETIMEDOUT"}`: a connection failure, not an API error body.
fn fetch_error(st: &mut State, value: &Value) -> bool {
    if value.get("type").and_then(Value::text) != Some("system") || value.get("errno").is_none() {
        return false;
    }
    let message = value.get("message").and_then(Value::text).unwrap_or_default().to_string();
    if message.contains_str("openai") {
        st.ev.openai_context = true;
    }
    if st.ev.root_cause.is_none() {
        let errno = value.get("errno").and_then(Value::text).unwrap_or_default();
        if let Some(kind) = exception::cause_kind(&format!("{message} {errno}")) {
            st.ev.root_cause = Some(RootCause { kind, text: message.chars().take(400).collect() });
        }
    }
    let inc = st.incident(Source::Body, &message);
    inc.class = Some("FetchError".into());
    inc.equivalent = Some("APIConnectionError");
    inc.message = Some(message);
    true
}

#[cfg(test)]
mod tests {
    use crate::read::read;

    #[test]
    fn an_axios_dump_gives_the_status_and_the_error_inside_its_envelopes() {
        let ev = read("Error: x\n    at settle (/app/node_modules/axios/lib/core/settle.js:17:12) {\n  response: {\n    status: 429,\n    statusText: 'Too Many Requests',\n    data: { error: { message: 'm', type: 'insufficient_quota', param: null, code: 'insufficient_quota' } }\n  }\n}\n");
        let inc = ev.decisive().expect("incident");
        assert_eq!((inc.status, inc.code.as_deref()), (Some(429), Some("insufficient_quota")));
    }

    #[test]
    fn a_dump_with_a_status_and_no_error_object_still_gives_the_status() {
        let ev = read("AI_APICallError: Bad Gateway\n    at x (/app/node_modules/@ai-sdk/provider-utils/dist/index.mjs:1:1) {\n  statusCode: 502,\n  responseBody: '<html>bad gateway</html>'\n}\n");
        assert_eq!(ev.status(), Some(502));
    }

    #[test]
    fn openrouters_upstream_error_in_metadata_raw_is_read() {
        let ev = read(r#"{"error":{"message":"Provider returned error","code":429,"metadata":{"raw":"{\"error\":{\"message\":\"m\",\"type\":\"tokens\",\"param\":null,\"code\":\"rate_limit_exceeded\"}}","provider_name":"OpenAI"}}}"#);
        assert!(ev.incidents.iter().any(|i| i.code.as_deref() == Some("rate_limit_exceeded")));
        assert_eq!(ev.provider, Some("OpenRouter"));
    }

    #[test]
    fn a_node_fetch_error_as_json_is_a_connection_failure() {
        let ev = read(r#"{"message":"request to https://api.openai.com/v1/chat/completions failed, reason: connect ETIMEDOUT 1.2.3.4:443","type":"system","errno":"ETIMEDOUT","code":"ETIMEDOUT"}"#);
        let inc = ev.decisive().expect("incident");
        assert_eq!((inc.equivalent, inc.code.as_deref()), (Some("APIConnectionError"), None));
        assert!(ev.root_cause.is_some());
    }

    #[test]
    fn an_error_serialised_as_json_is_its_exception_line() {
        let ev = read("{\"name\": \"RateLimitError\", \"message\": \"Error code: 429 - {'error': {'code': 'insufficient_quota'}}\", \"stack\": \"x\"}");
        let inc = ev.incidents.iter().find(|i| i.class.is_some()).expect("exception");
        assert_eq!((inc.class.as_deref(), inc.status), (Some("RateLimitError"), Some(429)));
        assert!(ev.incidents.iter().any(|i| i.code.as_deref() == Some("insufficient_quota")));
    }
}
