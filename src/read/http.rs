//! HTTP as pasted: status lines (`HTTP/1.1 429 …`, `HTTP/2 429`, curl -v's `< `, devtools' `Status Code:`),
//! request lines and hosts (`> POST /v1/chat/completions`), response headers as lines or inside printed
//! dicts and objects, and what an error body's shape says about who sent it.

use super::literal::Value;
use super::State;
use crate::evidence::{Evidence, Source};
use crate::text::StrExt;

/// Reason phrases that make a bare `429 Too Many Requests` line a status line.
const REASONS: &[&str] = &[
    "Bad Request", "Unauthorized", "Payment Required", "Forbidden", "Not Found", "Method Not Allowed",
    "Request Timeout", "Conflict", "Payload Too Large", "Request Entity Too Large", "Unsupported Media Type", "Unprocessable",
    "Too Many Requests", "Internal Server Error", "Bad Gateway", "Service Unavailable", "Gateway Timeout",
];

pub fn read_line(line: &str, st: &mut State) {
    let t = line.trim_start_ws().trim_start_matches(['<', '>', '*']).trim_start_ws();
    if let Some(rest) = t.strip_prefix("HTTP/") {
        // `HTTP/1.1 429 Too Many Requests`, `HTTP/2 429`
        let status = rest.words().nth(1).and_then(status_code);
        if let Some(status) = status.filter(|s| *s >= 400) {
            st.incident(Source::Http, line).status = Some(status);
        }
        return;
    }
    let status_text = t.strip_prefix("Status Code:");
    if let Some(rest) = status_text {
        if let Some(status) = rest.words().next().and_then(status_code).filter(|s| *s >= 400) {
            st.incident(Source::Http, line).status = Some(status);
        }
        return;
    }
    if let Some((code, reason)) = t.split_once(' ') {
        if REASONS.iter().any(|r| reason.starts_with(r)) {
            if let Some(status) = status_code(code).filter(|s| *s >= 400) {
                st.incident(Source::Http, line).status = Some(status);
                return;
            }
        }
    }
    for method in ["POST ", "GET ", "DELETE "] {
        if let Some(rest) = t.strip_prefix(method) {
            if let Some(path) = rest.words().next().filter(|p| p.contains_str("/v1/") || p.starts_with("/openai/")) {
                st.ev.endpoint.get_or_insert_with(|| format!("{}{path}", method));
            }
        }
    }
    if let Some((name, value)) = t.split_once(':') {
        if !name.contains(' ') && !value.trim_ws().is_empty() {
            header(name.trim_ws(), value.trim_ws().trim_matches(['"', '\'', ',']), &mut st.ev);
        }
    }
}

fn status_code(s: &str) -> Option<u16> {
    s.trim_matches(|c: char| !c.is_ascii_digit()).parse().ok().filter(|c| (100..=599).contains(c))
}

/// Records a response header the support report or the classifier can use.
pub fn header(name: &str, value: &str, ev: &mut Evidence) {
    // Every `word: value` line comes here; only names we know are worth a lowercase copy.
    const KNOWN: &[&str] = &[
        "x-request-id", "apim-request-id", "x-ms-region", "cf-ray", "server", "openai-organization", "openai-project",
        "openai-processing-ms", "openai-version", "x-ratelimit-limit-requests", "x-ratelimit-remaining-requests",
        "x-ratelimit-reset-requests", "x-ratelimit-limit-tokens", "x-ratelimit-remaining-tokens",
        "x-ratelimit-reset-tokens", "x-rate-limit-reset-tokens", "retry-after", "retry-after-ms", "date", "host",
    ];
    if !KNOWN.iter().any(|k| k.eq_ignore_ascii_case(name)) {
        return;
    }
    let name = name.to_ascii_lowercase();
    let v = || Some(value.to_string());
    match name.as_str() {
        "x-request-id" => ev.request_id = v(),
        "apim-request-id" => {
            ev.azure = true;
            ev.request_id.get_or_insert_with(|| value.to_string());
        }
        "x-ms-region" => ev.azure = true,
        "cf-ray" => ev.cloudflare = true,
        "server" if value.eq_ignore_ascii_case("cloudflare") => ev.cloudflare = true,
        "openai-organization" => ev.organization = v(),
        "openai-project" => ev.project = v(),
        "x-ratelimit-limit-requests" => ev.rate.limit_requests = v(),
        "x-ratelimit-remaining-requests" => ev.rate.remaining_requests = v(),
        "x-ratelimit-reset-requests" => ev.rate.reset_requests = v(),
        "x-ratelimit-limit-tokens" => ev.rate.limit_tokens = v(),
        "x-ratelimit-remaining-tokens" => ev.rate.remaining_tokens = v(),
        "x-ratelimit-reset-tokens" | "x-rate-limit-reset-tokens" => ev.rate.reset_tokens = v(),
        "retry-after" => {
            if let Some((ms, "")) = super::decimal_millis(value) {
                ev.retry_after_ms.get_or_insert(ms);
            }
        }
        "retry-after-ms" => {
            if let Some((thousandths, "")) = super::decimal_millis(value) {
                ev.retry_after_ms = Some(thousandths / 1000);
            }
        }
        "date" if value.ends_with("GMT") => {
            ev.timestamp.get_or_insert_with(|| value.to_string());
        }
        "host" if value.contains_str("openai") => {
            ev.openai_context = true;
            ev.azure |= value.contains_str("azure");
            return;
        }
        _ => return,
    }
    if name.starts_with("openai-") || name.starts_with("x-ratelimit") || name == "x-request-id" {
        ev.openai_context |= name != "x-request-id" || value.starts_with("req_");
    }
    if ev.azure {
        ev.openai_context = true;
    }
}

/// Headers printed as a dict or object (openai 0.x appends them to the message; Node v4 prints them).
pub fn harvest_headers(value: &Value, st: &mut State) {
    if let Value::Map(items) = value {
        for (k, v) in items {
            if let Some(text) = v.text() {
                header(k, text, &mut st.ev);
            }
        }
    }
}
