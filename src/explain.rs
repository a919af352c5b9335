//! The answer: ranked matches, the evidence, whether to retry (and after how long), notes that the evidence
//! adds to the entry's text, and the support report. Also the JSON every front end receives.

use crate::catalogue::{Entry, Kind, Retry};
use crate::classify::{classify, Match};
use crate::evidence::{CauseKind, Evidence, Sdk};
use crate::json::{self, array, Obj};
use crate::{layers, read, redact, report};
use crate::text::StrExt;

/// What the explainer says about one paste.
#[derive(Debug)]
pub struct Explanation {
    /// Best first; empty when nothing matched.
    pub matches: Vec<Match>,
    /// What the paste said (keys already redacted).
    pub evidence: Evidence,
    /// Retry verdict for the first match.
    pub retry: Option<Verdict>,
    /// What this paste adds to the entry's text: the real cause of a connection error, wasted retries.
    pub notes: Vec<String>,
    /// The support checklist, filled in.
    pub report: String,
}

/// Whether to retry, and when.
#[derive(Debug, PartialEq)]
pub struct Verdict {
    pub retry: Retry,
    /// Milliseconds to wait, when the paste says.
    pub after_ms: Option<u64>,
    /// One sentence a user can act on.
    pub why: String,
}

/// Reads, classifies and explains a paste. Never panics on any input.
pub fn explain(text: &str) -> Explanation {
    // A whole log is narrowed to the lines around its OpenAI errors first; nothing else reads the rest.
    let excerpt = read::excerpt(text);
    let narrowed = excerpt.as_ref().map_or(text, |e| e.text.as_str());
    let key_unset = read::shows_unset_key(narrowed);
    let text = redact::redact(narrowed);
    let mut evidence = read::read(&text);
    evidence.key_unset = key_unset;
    if let Some(ex) = &excerpt {
        for inc in &mut evidence.incidents {
            inc.line = ex.original_line(inc.line);
        }
        evidence.retries_seen += ex.retries_elided;
        evidence.errors_seen += ex.errors_elided;
    }
    let mut matches = classify(&evidence);
    scrub_evidence(&mut evidence);
    let primary = matches.first().map(|m| m.entry);
    let retry = primary.and_then(|e| verdict(e, &evidence));
    let mut notes = notes(primary, &evidence);
    for s in matches.iter_mut().flat_map(|m| m.reasons.iter_mut()).chain(notes.iter_mut()) {
        redact::scrub(s);
    }
    let mut report = report::render(primary, &evidence, &notes);
    redact::scrub(&mut report);
    Explanation { matches, evidence, retry, notes, report }
}

/// Redacts every string the evidence hands on, after the readers decoded escapes and joined lines: the paste was
/// redacted before reading, and this catches what decoding rebuilt. (The incidents' lowercased `text` is only
/// matched against, never shown.)
fn scrub_evidence(ev: &mut Evidence) {
    for inc in &mut ev.incidents {
        for s in [&mut inc.class, &mut inc.message, &mut inc.error_type, &mut inc.code, &mut inc.param].into_iter().flatten() {
            redact::scrub(s);
        }
    }
    let r = &mut ev.rate;
    let fields = [
        &mut ev.request_id, &mut ev.organization, &mut ev.project, &mut ev.model, &mut ev.endpoint, &mut ev.timestamp,
        &mut r.limit_requests, &mut r.remaining_requests, &mut r.reset_requests, &mut r.limit_tokens,
        &mut r.remaining_tokens, &mut r.reset_tokens, &mut r.window,
    ];
    for s in fields.into_iter().flatten() {
        redact::scrub(s);
    }
    if let Some(cause) = &mut ev.root_cause {
        redact::scrub(&mut cause.text);
    }
}

fn verdict(entry: &Entry, ev: &Evidence) -> Option<Verdict> {
    let mut retry = entry.retry?;
    let wait = ev.retry_after_ms.or_else(|| {
        [&ev.rate.reset_requests, &ev.rate.reset_tokens].into_iter().flatten().filter_map(|r| read::duration_ms(r)).max()
    });
    let too_big = matches!((ev.rate.requested, ev.rate.limit), (Some(r), Some(l)) if r > l);
    if too_big {
        retry = Retry::Never;
    }
    // Under a connection error, a certificate, proxy, name or address problem fails the same way every time.
    let local = ev.root_cause.as_ref().map(|c| c.kind).filter(|k| {
        entry.id == "APIConnectionError" && matches!(k, CauseKind::Tls | CauseKind::Proxy | CauseKind::Dns | CauseKind::Refused)
    });
    if local.is_some() {
        retry = Retry::Never;
    }
    let why = match retry {
        Retry::Never if too_big => "The request alone is larger than the limit: it fails every time until it is smaller \
             or the limit is raised."
            .to_string(),
        Retry::Never if local.is_some() => "This connection fails the same way on every try until the cause below is \
             fixed on your side."
            .to_string(),
        Retry::Never => "Retrying sends the same request into the same wall: fix the cause first.".to_string(),
        Retry::Now => "A transient failure: retrying right away can work.".to_string(),
        Retry::Wait => match wait {
            Some(ms) => format!("Retry after waiting at least {}, with exponential backoff after that.", human_wait(ms)),
            None => "Retry after a short wait, with exponential backoff (1 s, 2 s, 4 s … with jitter).".to_string(),
        },
    };
    Some(Verdict { retry, after_ms: if retry == Retry::Wait { wait } else { None }, why })
}

/// `0.02 s`, `9.816 s`, `6 min`, `24 h`.
fn human_wait(ms: u64) -> String {
    match ms {
        0..=119_999 => format!("{} s", json::millis_as_seconds(ms)),
        120_000..=7_199_999 => format!("{} min", (ms + 30_000) / 60_000),
        _ => format!("{} h", (ms + 1_800_000) / 3_600_000),
    }
}

fn notes(primary: Option<&Entry>, ev: &Evidence) -> Vec<String> {
    let mut notes = Vec::new();
    let Some(entry) = primary else { return notes };
    if let Some(cause) = &ev.root_cause {
        let connection = matches!(entry.id, "APIConnectionError" | "APITimeoutError");
        if connection {
            // What the cause means in a few words; the fixes for each kind are the entry's own text.
            let what = match cause.kind {
                CauseKind::Tls => "TLS certificate verification failed (often a proxy that inspects HTTPS)",
                CauseKind::Proxy => "the proxy failed the connection",
                CauseKind::Dns => "the host name did not resolve (base_url, DNS, VPN)",
                CauseKind::Refused => "nothing accepts connections at that address (base_url, local proxy or server)",
                CauseKind::Reset => "the connection was cut mid-way (network, proxy, firewall)",
                CauseKind::Timeout => "the network or the server went silent longer than the client waits",
            };
            notes.push(format!("Underlying cause: {what}: {}", cause.text));
        }
    }
    if ev.retries_seen > 0 {
        let wasted = entry.retry == Some(Retry::Never);
        notes.push(format!(
            "The SDK already retried {} time{} before giving up{}.",
            ev.retries_seen,
            if ev.retries_seen == 1 { "" } else { "s" },
            if wasted { "; for this error every retry only added delay" } else { "" }
        ));
    }
    if let (Some(req), Some(limit)) = (ev.rate.requested, ev.rate.limit) {
        let window = ev.rate.window.as_deref().unwrap_or("this limit");
        if req > limit {
            notes.push(format!(
                "This request asks for {req} against a limit of {limit} ({window}): it can never fit. Shrink the \
                 input or max_tokens, or move to a higher usage tier."
            ));
        } else if let Some(used) = ev.rate.used {
            notes.push(format!(
                "{used} already used + {req} requested > {limit} allowed ({window}): wait for the window to \
                 free up, then retry."
            ));
        }
    }
    if entry.id == "429-quota-exceeded" {
        if let (Some(left), Some(limit)) = (&ev.rate.remaining_requests, &ev.rate.limit_requests) {
            if left != "0" {
                notes.push(format!(
                    "Not a speed problem: the rate-limit headers show {left} of {limit} requests left in the current window."
                ));
            }
        }
        if let Some(org) = &ev.organization {
            notes.push(format!(
                "The request was billed to organization {org} (the openai-organization header): make sure that is \
                 the one with credit. A key's default organization can be an old personal one."
            ));
        }
    }
    if ev.sdk == Some(Sdk::Python0) && entry.kind == Kind::Sdk {
        notes.push(
            "This paste comes from openai-python 0.x, which is no longer maintained; its classes live in \
             openai.error."
                .into(),
        );
    }
    if let Some(msg) = ev.decisive().and_then(|i| i.message.as_deref()) {
        if msg.contains_str("sk-or-") {
            notes.push("The key starts with sk-or-: that is an OpenRouter key. Use it with OpenRouter's base_url, or \
                 use an OpenAI key."
                .into());
        }
    }
    if let Some(note) = ev.decisive().and_then(failing_item) {
        notes.push(note);
    }
    layers::notes(entry, ev, &mut notes);
    if ev.azure && entry.kind == Kind::Sdk {
        notes.push("This is Azure OpenAI: keys, endpoints, deployments and quotas are managed in the Azure portal, not \
             on platform.openai.com."
            .into());
    }
    notes
}

/// "Failing item: tools[3].function.name: must match ^[a-zA-Z0-9_-]+$.", when the error
/// names a path into the request and, where the message says, the rule it broke. Built with plain string
/// pushes: this runs in the wasm, where every format string costs bytes.
fn failing_item(inc: &crate::evidence::Incident) -> Option<String> {
    let path = inc.param.as_deref().filter(|p| (p.contains('[') || p.contains('.')) && p.len() <= 200)?;
    let msg = inc.message.as_deref().unwrap_or_default();
    let mut note = String::from("Failing item: ");
    note.push_str(path);
    // What the rule says runs to the closing quote (a pattern), the end of the number (a length), or the end
    // of the sentence after the path (`…'input[1].content': expected one of …, but got null instead.`).
    let (rule, rest, unit) = if let Some(p) = msg.find_str("the pattern '") {
        ("must match ", &msg[p + 13..], "")
    } else if let Some(p) = msg.find_str("maximum length ") {
        ("may be at most ", &msg[p + 15..], " characters long")
    } else if let Some(p) = msg.find_str("': ") {
        ("", &msg[p + 3..], "")
    } else {
        ("", "", "")
    };
    let stop = |b: u8| if unit.is_empty() { (rule.is_empty() && b == b'.') || b == b'\'' } else { !b.is_ascii_digit() };
    let text = &rest[..rest.bytes().position(stop).unwrap_or(rest.len())];
    if !text.is_empty() && text.len() <= 200 {
        note.push_str(": ");
        note.push_str(rule);
        note.push_str(text);
        note.push_str(unit);
    }
    note.push('.');
    Some(note)
}

impl Explanation {
    /// The JSON contract: `{"matches": [...], "evidence": {...}, "retry": {...}, "notes": [...], "report": "..."}`.
    pub fn to_json(&self) -> String {
        let matches = array(self.matches.iter().map(|m| {
            Obj::new()
                .str("id", m.entry.id)
                .str("title", m.entry.title)
                .str("kind", m.entry.kind.as_str())
                .opt_str("status", m.entry.status_text().as_deref())
                .int("score", Some(u64::from(m.score)))
                .strs("reasons", m.reasons.iter().map(String::as_str))
                .end()
        }));
        let retry = match &self.retry {
            Some(v) => Obj::new()
                .str("verdict", v.retry.as_str())
                .seconds("after_seconds", v.after_ms)
                .str("why", &v.why)
                .end(),
            None => "null".to_string(),
        };
        Obj::new()
            .raw("matches", &matches)
            .raw("evidence", &evidence_json(&self.evidence))
            .raw("retry", &retry)
            .strs("notes", self.notes.iter().map(String::as_str))
            .str("report", &self.report)
            .end()
    }
}

fn evidence_json(ev: &Evidence) -> String {
    let d = ev.decisive();
    let field = |f: fn(&crate::evidence::Incident) -> Option<&String>| d.and_then(f).map(String::as_str);
    let r = &ev.rate;
    let rate = Obj::new()
        .opt_str("limit_requests", r.limit_requests.as_deref())
        .opt_str("remaining_requests", r.remaining_requests.as_deref())
        .opt_str("reset_requests", r.reset_requests.as_deref())
        .opt_str("limit_tokens", r.limit_tokens.as_deref())
        .opt_str("remaining_tokens", r.remaining_tokens.as_deref())
        .opt_str("reset_tokens", r.reset_tokens.as_deref())
        .opt_str("window", r.window.as_deref())
        .int("limit", r.limit)
        .int("used", r.used)
        .int("requested", r.requested)
        .end();
    let root = match &ev.root_cause {
        Some(c) => Obj::new().str("kind", c.kind.as_str()).str("text", &c.text).end(),
        None => "null".into(),
    };
    Obj::new()
        .int("status", ev.status().map(u64::from))
        .opt_str("error_type", field(|i| i.error_type.as_ref()))
        .opt_str("error_code", field(|i| i.code.as_ref()))
        .opt_str("error_param", field(|i| i.param.as_ref()))
        .opt_str("error_message", field(|i| i.message.as_ref()))
        .opt_str("exception", field(|i| i.class.as_ref()))
        .opt_str("sdk", ev.sdk.map(Sdk::as_str))
        .raw("root_cause", &root)
        .opt_str("request_id", ev.request_id.as_deref())
        .opt_str("organization", ev.organization.as_deref())
        .opt_str("project", ev.project.as_deref())
        .opt_str("model", ev.model.as_deref())
        .opt_str("endpoint", ev.endpoint.as_deref())
        .raw("rate_limits", &rate)
        .seconds("retry_after_seconds", ev.retry_after_ms)
        .opt_str("timestamp", ev.timestamp.as_deref())
        .int("retries_seen", Some(u64::from(ev.retries_seen)))
        .int("errors_seen", Some(ev.errors_seen as u64))
        .int("decisive_line", d.map(|i| i.line as u64))
        .bool("azure", ev.azure)
        .opt_str("provider", ev.provider)
        .strs("via", ev.via.iter().copied())
        .opt_str("foreign", ev.foreign)
        .end()
}

/// One catalogue entry as JSON; with the `prose` feature it carries the text too (cause, solution, links,
/// rendered sections, example), which is what `--list --json` prints and the npm package ships.
pub fn entry_json(e: &Entry) -> String {
    let signals = Obj::new()
        .strs("codes", e.signals.codes.iter().copied())
        .strs("types", e.signals.types.iter().copied())
        .strs("messages", e.signals.messages.iter().copied())
        .strs("classes", e.signals.classes.iter().copied())
        .end();
    let obj = Obj::new()
        .str("id", e.id)
        .str("title", e.title)
        .str("kind", e.kind.as_str())
        .opt_str("status", e.status_text().as_deref())
        .opt_str("retry", e.retry.map(Retry::as_str))
        .raw("signals", &signals);
    #[cfg(feature = "prose")]
    let obj = {
        let p = e.prose();
        let links = array(p.links.iter().map(|l| Obj::new().str("label", l.label).str("url", l.url).end()));
        obj.str("cause", p.cause)
            .str("solution", p.solution)
            .raw("links", &links)
            .str("why_html", p.why_html)
            .str("steps_html", p.steps_html)
            .str("more_html", p.more_html)
            .str("example", p.example)
    };
    obj.end()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn note(text: &str) -> Option<String> {
        explain(text).notes.into_iter().find(|n| n.starts_with("Failing item"))
    }

    #[test]
    fn the_note_names_the_failing_item_and_its_rule() {
        assert_eq!(
            note("openai.BadRequestError: Error code: 400 - {'error': {'message': \"Invalid 'tools[3].function.name': string does not match pattern. Expected a string that matches the pattern '^[a-zA-Z0-9_-]+$'.\", 'type': 'invalid_request_error', 'param': 'tools[3].function.name', 'code': 'invalid_value'}}").as_deref(),
            Some("Failing item: tools[3].function.name: must match ^[a-zA-Z0-9_-]+$.")
        );
        // No body: the path is read from the message (Node prints the message alone).
        assert_eq!(
            note("BadRequestError: 400 Invalid 'input[0].content': string too long. Expected a string with maximum length 10485760, but got a string with length 62114761 instead.").as_deref(),
            Some("Failing item: input[0].content: may be at most 10485760 characters long.")
        );
        assert_eq!(
            note("BadRequestError: 400 Invalid type for 'messages.[17].content': expected one of a string or array of objects, but got null instead.").as_deref(),
            Some("Failing item: messages.[17].content: expected one of a string or array of objects, but got null instead.")
        );
        assert_eq!(note("Missing required parameter: 'tools[1].container'.").as_deref(), Some("Failing item: tools[1].container."));
        assert_eq!(note("Invalid schema for response_format 'x': In context=(). p").as_deref(), None);
        // A plain parameter name is in the message already: no note.
        assert_eq!(note("openai.BadRequestError: Error code: 400 - Unknown parameter: 'reasoning_effort'."), None);
    }
}
