//! The support report: the catalogue's support checklist (model, message and code, request id, request
//! details, timestamp and timezone, other details) filled from the evidence, with what the paste did not
//! contain marked as such, ready to paste into a support chat. Keys were redacted before reading.

use std::fmt::Write as _;

use crate::catalogue::Entry;
use crate::evidence::Evidence;
use crate::text::StrExt;

const MISSING: &str = "(not in the paste)";
/// Spaces that pad a label to the values' column.
const LABEL_PAD: &str = "                  ";

/// The filled checklist as plain text.
pub fn render(primary: Option<&Entry>, ev: &Evidence, notes: &[String]) -> String {
    let d = ev.decisive();
    let mut out = String::with_capacity(1024);
    out.push_str("OpenAI API error report\n");
    out.push_str("(filled in by openai-error-explainer from a pasted error; API keys are redacted)\n\n");
    let mut row = |label: &str, value: Option<String>, hint: &str| {
        let value = value.filter(|v| !v.trim_ws().is_empty());
        // Labels are ASCII and padded to 18 columns, written without `format!`: the report is part of every
        // answer, and the formatting machinery was a tenth of the time of a one-line paste in wasm.
        out.push_str(label);
        out.push_str(&LABEL_PAD[label.len().min(LABEL_PAD.len())..]);
        match value {
            Some(v) => out.push_str(&one_line(&v)),
            None => {
                out.push_str(MISSING);
                if !hint.is_empty() {
                    out.push(' ');
                    out.push_str(hint);
                }
            }
        }
        out.push('\n');
    };
    row("Error:", primary.map(|e| format!("{} ({})", e.title, e.id)), "");
    row("HTTP status:", ev.status().map(|s| s.to_string()), "");
    row("Message:", d.and_then(|i| i.message.clone()), "");
    let code = d.and_then(|i| match (&i.code, &i.error_type) {
        (Some(c), Some(t)) => Some(format!("{c} (type {t})")),
        (Some(c), None) => Some(c.clone()),
        (None, Some(t)) => Some(format!("type {t}")),
        (None, None) => None,
    });
    row("Error code:", code, "");
    row("Exception:", d.and_then(|i| i.class.clone()), "");
    row("Request ID:", ev.request_id.clone(), "- it is in the x-request-id response header");
    row("Model:", ev.model.clone(), "- add the model you called");
    row("Organization:", ev.organization.clone(), "");
    row("Project:", ev.project.clone(), "");
    row("Endpoint:", ev.endpoint.clone(), "");
    let ts = ev.timestamp.as_ref().map(|t| {
        if has_timezone(t) {
            t.clone()
        } else {
            format!("{t} (timezone not in the paste: add it)")
        }
    });
    row("Timestamp:", ts, "- add when it happened, with your timezone");
    row("SDK:", ev.sdk.map(|s| s.as_str().to_string()), "- add the SDK and its version (pip show openai / npm ls openai)");
    if let Some(chain) = crate::layers::chain(ev) {
        row("Answered by:", Some(chain), "");
    }
    if let Some(vendor) = ev.foreign {
        row("Vendor:", Some(format!("{vendor} (not an OpenAI error: ask {vendor}'s support)")), "");
    }
    if ev.retries_seen > 0 {
        row("Retries seen:", Some(ev.retries_seen.to_string()), "");
    }
    if let Some(cause) = &ev.root_cause {
        row("Root cause:", Some(cause.text.clone()), "");
    }
    let r = &ev.rate;
    let mut rate = String::new();
    for (k, v) in [
        ("limit-requests", &r.limit_requests),
        ("remaining-requests", &r.remaining_requests),
        ("reset-requests", &r.reset_requests),
        ("limit-tokens", &r.limit_tokens),
        ("remaining-tokens", &r.remaining_tokens),
        ("reset-tokens", &r.reset_tokens),
    ] {
        if let Some(v) = v {
            let sep = if rate.is_empty() { "" } else { ", " };
            rate.push_str(&format!("{sep}{k} {v}"));
        }
    }
    if !rate.is_empty() {
        row("Rate limits:", Some(rate), "");
    }
    row("Request details:", None, "- add the request body and headers you sent (remove the key)");
    row("Other details:", None, "- how often it happens, what changed, what you tried");
    if !notes.is_empty() {
        out.push_str("\nNotes:\n");
        for n in notes {
            let _ = writeln!(out, "- {}", one_line(n));
        }
    }
    out
}

/// A value on one line, capped: a report row must not carry a whole HTML page.
fn one_line(s: &str) -> String {
    let mut flat = String::with_capacity(s.len());
    for word in s.words() {
        if !flat.is_empty() {
            flat.push(' ');
        }
        flat.push_str(word);
    }
    if flat.len() <= 600 {
        return flat;
    }
    let mut end = 600;
    while !flat.is_char_boundary(end) {
        end -= 1;
    }
    flat.truncate(end);
    flat + " …"
}

fn has_timezone(t: &str) -> bool {
    let tail = t.get(t.len().saturating_sub(6)..).unwrap_or(t);
    t.ends_with('Z') || t.ends_with("GMT") || t.ends_with("UTC") || (t.len() >= 22 && (tail.starts_with('+') || tail.starts_with('-')))
}
