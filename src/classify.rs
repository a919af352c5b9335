//! The classifier: [`Evidence`] plus the catalogue in, ranked [`Match`]es out, each with the reasons a user
//! can read ("status 429", "code insufficient_quota").
//!
//! Scores add up per signal. An entry must be *pinned* to match at all: by its code, type, a message
//! fragment or the exception class, or, in an OpenAI context, by the status alone where the entry says the
//! status decides (or it is an SDK class entry, which is what a status maps to). A status that contradicts
//! the entry's rules it out. The weights make the most specific entry lead: an API entry pinned by code or
//! message outranks the SDK class that merely carried it.

use crate::catalogue::{Entry, Kind, ENTRIES};
use crate::evidence::{Evidence, Incident};
use crate::fragments;

const STATUS: u32 = 25;
const STATUS_DECIDES: u32 = 35;
const CODE: u32 = 50;
/// A code the API also sends for more specific errors: below a message match, above the SDK class alone.
const SHARED_CODE: u32 = 38;
const TYPE: u32 = 15;
const MESSAGE: u32 = 40;
const MORE_MESSAGE: u32 = 5;
const CLASS: u32 = 30;
const EXACT_CLASS: u32 = 35;
const OWN_CLASS: u32 = 5;
/// Besides the decisive error, this many of the latest others are scored (at half weight).
const OTHERS: usize = 16;

/// One catalogue entry that fits the paste.
#[derive(Clone, Debug)]
pub struct Match {
    /// The entry.
    pub entry: &'static Entry,
    /// Higher is a better fit; only the order is meaningful.
    pub score: u32,
    /// Why it matched, in words a user can check against the paste.
    pub reasons: Vec<String>,
    /// Matched the decisive error (not only an earlier one in the paste).
    pub decisive: bool,
}

/// Ranks every catalogue entry that fits; the first is the answer. Empty when the paste is not an OpenAI
/// error (or shows another vendor's).
pub fn classify(ev: &Evidence) -> Vec<Match> {
    if ev.foreign.is_some() {
        return Vec::new();
    }
    let mut matches: Vec<Match> = Vec::new();
    let decisive = ev.decisive;
    // The decisive error, and the latest others: enough to list alternatives without scoring a whole log.
    let recent = ev.incidents.len().saturating_sub(OTHERS);
    for (idx, inc) in ev.incidents.iter().enumerate() {
        let is_decisive = Some(idx) == decisive;
        if !is_decisive && idx < recent {
            continue;
        }
        let fragments = fragments::found(&inc.text);
        for (e, entry) in ENTRIES.iter().enumerate().filter(|(_, e)| e.kind != Kind::Guide) {
            let found: Vec<usize> = fragments.iter().filter(|h| h.0 == e).map(|h| h.1).collect();
            let Some((score, mut reasons)) = score(entry, inc, ev, &found) else { continue };
            let score = if is_decisive {
                score
            } else {
                reasons.insert(0, format!("seen earlier in the paste (line {})", inc.line));
                score / 2
            };
            let better = |m: &Match| (is_decisive, score) > (m.decisive, m.score);
            match matches.iter_mut().find(|m| m.entry.id == entry.id) {
                Some(m) if !better(m) => {}
                Some(m) => *m = Match { entry, score, reasons, decisive: is_decisive },
                None => matches.push(Match { entry, score, reasons, decisive: is_decisive }),
            }
        }
    }
    // What fits the decisive error leads; what only fits earlier errors follows.
    crate::sort::sort_small(&mut matches, |a, b| {
        b.decisive
            .cmp(&a.decisive)
            .then_with(|| b.score.cmp(&a.score))
            .then_with(|| (a.entry.kind != Kind::Api).cmp(&(b.entry.kind != Kind::Api)))
            .then_with(|| a.entry.id.cmp(b.entry.id))
    });
    matches
}

/// How well `entry` fits one incident (`found`: indexes of the entry's message fragments in its text), or
/// `None` when it does not fit at all.
fn score(entry: &Entry, inc: &Incident, ev: &Evidence, found: &[usize]) -> Option<(u32, Vec<String>)> {
    let sdk_class = inc.class.as_deref().is_some_and(|c| c.starts_with("openai."));
    if entry.needs_azure && !(ev.azure || sdk_class) {
        return None;
    }
    if entry.no_status && inc.status.is_some() {
        return None;
    }
    if entry.needs_openai && !(ev.openai_context || ev.cloudflare) {
        return None;
    }
    let mut score = 0;
    let mut reasons = Vec::new();
    let mut pinned = false;
    let status = inc.status;
    // A status that contradicts the entry rules it out, unless both its code and its message say it is this
    // error (Groq sends "Request too large" with 413, OpenAI with 429).
    let mut contradicted = false;
    if let (Some(status), Some(_)) = (status, entry.status) {
        if !entry.has_status(status) {
            contradicted = true;
        }
    }
    if let (Some(status), Some(_), false) = (status, entry.status, contradicted) {
        score += STATUS;
        reasons.push(format!("status {status}"));
        if entry.status_decides && ev.openai_context {
            score += STATUS_DECIDES;
            pinned = true;
        } else if entry.kind == Kind::Sdk && ev.openai_context && narrowest_sdk_range(status) == entry.status {
            // The class the SDK raises for this status (a range such as APIStatusError's 400-599 is the
            // fallback for statuses without a class of their own).
            pinned = true;
        }
    }
    let sig = &entry.signals;
    if let Some(code) = inc.code.as_deref().filter(|c| sig.codes.iter().any(|s| same_code(s, c))) {
        score += if entry.code_shared { SHARED_CODE } else { CODE };
        reasons.push(format!("code {code}"));
        pinned = true;
    }
    if let Some(t) = inc.error_type.as_deref().filter(|t| sig.types.iter().any(|s| same_code(s, t))) {
        score += TYPE;
        reasons.push(format!("type {t}"));
        pinned = true;
    }
    if let Some(&first) = found.first() {
        score += MESSAGE + MORE_MESSAGE * (found.len() as u32 - 1);
        reasons.push(format!("message “{}”", sig.messages[first]));
        pinned = true;
    }
    if let Some(class) = inc.class.as_deref() {
        let bare = class.rsplit('.').next().unwrap_or(class);
        let old_sdk = class.starts_with("openai.error.");
        for c in sig.classes {
            let hit = if c.contains('.') {
                *c == class
            } else {
                *c == bare && !old_sdk && (class == bare || class.starts_with("openai."))
            };
            if hit {
                score += if c.contains('.') { EXACT_CLASS } else { CLASS };
                // Of the entries a class points at, the one named after it comes first.
                score += u32::from(entry.id == bare) * OWN_CLASS;
                reasons.push(format!("exception {class}"));
                pinned = true;
                break;
            }
        }
    }
    if contradicted {
        let code_hit = reasons.iter().any(|r| r.starts_with("code "));
        let message_hit = reasons.iter().any(|r| r.starts_with("message "));
        // In a bare message the status is only a word of it, and the message says which error it is.
        let bare_text = inc.source == Some(crate::evidence::Source::Text);
        if !(message_hit && (code_hit || bare_text)) {
            return None;
        }
        // What the message says outweighs an entry that only the status points at.
        score += STATUS;
        reasons.push(format!("status {} (another service's status for this error)", status.unwrap_or_default()));
    }
    // Another client's or a wrapper's class, by the openai SDK class it stands for.
    let class_hit = reasons.iter().any(|r| r.starts_with("exception "));
    if let (false, Some(eq)) = (class_hit, inc.equivalent) {
        if sig.classes.contains(&eq) {
            score += CLASS;
            score += u32::from(entry.id == eq) * OWN_CLASS;
            reasons.push(match inc.class.as_deref() {
                Some(class) => format!("exception {class} (the SDK's {eq})"),
                None => format!("a failure the SDK reports as {eq}"),
            });
            pinned = true;
        }
    }
    pinned.then_some((score, reasons))
}

/// Codes and types compare as written, or with the underscores Markdown ate (`insufficientquota`).
fn same_code(signal: &str, seen: &str) -> bool {
    signal == seen || (!seen.contains('_') && signal.len() == seen.len() + signal.matches('_').count() && signal.replace('_', "") == seen)
}

/// Of the SDK entries whose status range holds `status`, the narrowest range.
fn narrowest_sdk_range(status: u16) -> Option<(u16, u16)> {
    ENTRIES
        .iter()
        .filter(|e| e.kind == Kind::Sdk && e.has_status(status))
        .filter_map(|e| e.status)
        .min_by_key(|(lo, hi)| hi - lo)
}
