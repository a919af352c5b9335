//! The answer: ranked matches, the evidence, whether to retry (and after how long), notes that the evidence
//! adds to the entry's text, and the support report. Also the JSON every front end receives.

use serde::Serialize;

use crate::catalogue::{Entry, Kind, Retry};
use crate::classify::{classify, Match};
use crate::evidence::{CauseKind, Evidence, RateLimits, RootCause, Sdk};
use crate::safe_json::{self, seconds};
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

/// Whether to retry, and when (the contract's `retry`).
#[derive(Debug, PartialEq, Serialize)]
pub struct Verdict {
    #[serde(rename = "verdict")]
    pub retry: Retry,
    /// Milliseconds to wait, when the paste says.
    #[serde(rename = "after_seconds", serialize_with = "seconds")]
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
        0..=119_999 => format!("{} s", safe_json::millis_as_seconds(ms)),
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
        let answer = Answer {
            matches: self.matches.iter().map(MatchJson::from).collect(),
            evidence: EvidenceJson::from(&self.evidence),
            retry: self.retry.as_ref(),
            notes: &self.notes,
            report: &self.report,
        };
        // Room for a typical answer up front: growing from nothing took a dozen copies per answer.
        safe_json::to_string(&answer, 1024 + self.report.len())
    }
}

// The contract's shapes. Field order is the order in the JSON; README.md documents every field.

#[derive(Serialize)]
struct Answer<'a> {
    matches: Vec<MatchJson<'a>>,
    evidence: EvidenceJson<'a>,
    retry: Option<&'a Verdict>,
    notes: &'a [String],
    report: &'a str,
}

#[derive(Serialize)]
struct MatchJson<'a> {
    id: &'static str,
    title: &'static str,
    kind: Kind,
    status: Option<String>,
    score: u32,
    reasons: &'a [String],
}

impl<'a> From<&'a Match> for MatchJson<'a> {
    fn from(m: &'a Match) -> Self {
        let e = m.entry;
        MatchJson { id: e.id, title: e.title, kind: e.kind, status: e.status_text(), score: m.score, reasons: &m.reasons }
    }
}

/// The evidence as the contract shows it: the decisive incident's fields, then what belongs to the whole paste.
#[derive(Serialize)]
struct EvidenceJson<'a> {
    status: Option<u16>,
    error_type: Option<&'a str>,
    error_code: Option<&'a str>,
    error_param: Option<&'a str>,
    error_message: Option<&'a str>,
    exception: Option<&'a str>,
    sdk: Option<Sdk>,
    root_cause: Option<&'a RootCause>,
    request_id: Option<&'a str>,
    organization: Option<&'a str>,
    project: Option<&'a str>,
    model: Option<&'a str>,
    endpoint: Option<&'a str>,
    rate_limits: &'a RateLimits,
    #[serde(serialize_with = "seconds")]
    retry_after_seconds: Option<u64>,
    timestamp: Option<&'a str>,
    retries_seen: u32,
    errors_seen: usize,
    decisive_line: Option<usize>,
    azure: bool,
    provider: Option<&'static str>,
    via: &'a [&'static str],
    foreign: Option<&'static str>,
}

impl<'a> From<&'a Evidence> for EvidenceJson<'a> {
    fn from(ev: &'a Evidence) -> Self {
        let d = ev.decisive();
        let field = |f: fn(&'a crate::evidence::Incident) -> &'a Option<String>| d.and_then(|i| f(i).as_deref());
        EvidenceJson {
            status: ev.status(),
            error_type: field(|i| &i.error_type),
            error_code: field(|i| &i.code),
            error_param: field(|i| &i.param),
            error_message: field(|i| &i.message),
            exception: field(|i| &i.class),
            sdk: ev.sdk,
            root_cause: ev.root_cause.as_ref(),
            request_id: ev.request_id.as_deref(),
            organization: ev.organization.as_deref(),
            project: ev.project.as_deref(),
            model: ev.model.as_deref(),
            endpoint: ev.endpoint.as_deref(),
            rate_limits: &ev.rate,
            retry_after_seconds: ev.retry_after_ms,
            timestamp: ev.timestamp.as_deref(),
            retries_seen: ev.retries_seen,
            errors_seen: ev.errors_seen,
            decisive_line: d.map(|i| i.line),
            azure: ev.azure,
            provider: ev.provider,
            via: &ev.via,
            foreign: ev.foreign,
        }
    }
}

/// One catalogue entry as the catalogue JSON shows it; with the `prose` feature it carries the text too (cause,
/// solution, links, rendered sections, example), which is what `--list --json` prints and the npm package ships.
#[derive(Serialize)]
pub(crate) struct EntryJson {
    id: &'static str,
    title: &'static str,
    kind: Kind,
    status: Option<String>,
    retry: Option<Retry>,
    signals: &'static crate::catalogue::Signals,
    #[cfg(feature = "prose")]
    cause: &'static str,
    #[cfg(feature = "prose")]
    solution: &'static str,
    #[cfg(feature = "prose")]
    links: &'static [crate::catalogue::Link],
    #[cfg(feature = "prose")]
    why_html: &'static str,
    #[cfg(feature = "prose")]
    steps_html: &'static str,
    #[cfg(feature = "prose")]
    more_html: &'static str,
    #[cfg(feature = "prose")]
    example: &'static str,
}

impl From<&'static Entry> for EntryJson {
    fn from(e: &'static Entry) -> Self {
        #[cfg(feature = "prose")]
        let p = e.prose();
        EntryJson {
            id: e.id,
            title: e.title,
            kind: e.kind,
            status: e.status_text(),
            retry: e.retry,
            signals: &e.signals,
            #[cfg(feature = "prose")]
            cause: p.cause,
            #[cfg(feature = "prose")]
            solution: p.solution,
            #[cfg(feature = "prose")]
            links: p.links,
            #[cfg(feature = "prose")]
            why_html: p.why_html,
            #[cfg(feature = "prose")]
            steps_html: p.steps_html,
            #[cfg(feature = "prose")]
            more_html: p.more_html,
            #[cfg(feature = "prose")]
            example: p.example,
        }
    }
}

/// One catalogue entry as JSON (see [`EntryJson`]).
pub fn entry_json(e: &'static Entry) -> String {
    safe_json::to_string(&EntryJson::from(e), 512)
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
