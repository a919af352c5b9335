//! The catalogue of known errors: one Markdown file per entry under `api/`, `sdk/` and `guides/`, turned into
//! the static [`ENTRIES`] table by `build.rs` (see `README.md` beside this file for the format).
//!
//! This module only holds data and lookups; deciding which entry fits a paste is `classify`'s job.

/// What an entry describes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// An error the API returns, pinned by its code or message.
    Api,
    /// An SDK exception class or an SDK-side failure.
    Sdk,
    /// Reference text (support checklist, error handling); never matched.
    Guide,
}

impl Kind {
    /// The name used in the JSON contract and the front matter.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Api => "api",
            Kind::Sdk => "sdk",
            Kind::Guide => "guide",
        }
    }
}

/// Whether trying the same request again can succeed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Retry {
    /// Retrying right away can work.
    Now,
    /// Retrying after a wait can work; the evidence may say how long.
    Wait,
    /// The same request fails again however long you wait.
    Never,
}

impl Retry {
    /// The name used in the JSON contract and the front matter.
    pub fn as_str(self) -> &'static str {
        match self {
            Retry::Now => "now",
            Retry::Wait => "wait",
            Retry::Never => "never",
        }
    }
}

/// An official page that helps with an entry.
#[cfg(feature = "prose")]
#[derive(Debug, serde::Serialize)]
pub struct Link {
    /// What the page is, in a few words.
    pub label: &'static str,
    /// Always `https://`.
    pub url: &'static str,
}

/// What in a paste points at an entry (the catalogue JSON's `signals`, field for field).
#[derive(Debug, serde::Serialize)]
pub struct Signals {
    /// `error.code` values.
    pub codes: &'static [&'static str],
    /// `error.type` values.
    pub types: &'static [&'static str],
    /// Message fragments as written in the entry, matched case-insensitively (ASCII).
    pub messages: &'static [&'static str],
    /// Exception classes: bare names match any OpenAI SDK's class of that name, dotted ones match exactly.
    pub classes: &'static [&'static str],
}

/// One catalogue entry: what the classifier needs. The prose (rendered HTML, examples) is in [`Prose`].
#[derive(Debug)]
pub struct Entry {
    /// The stable id, equal to the file name.
    pub id: &'static str,
    /// The heading shown to the user.
    pub title: &'static str,
    /// API error, SDK error or guide.
    pub kind: Kind,
    /// The HTTP status or status range, inclusive.
    pub status: Option<(u16, u16)>,
    /// Whether retrying can help; `None` for guides.
    pub retry: Option<Retry>,
    /// In an OpenAI context, the status alone is enough to point here.
    pub status_decides: bool,
    /// `status: none`: errors of this entry carry no HTTP status, so a paste that shows one rules it out.
    pub no_status: bool,
    /// Only for pastes that show Azure OpenAI (its error shapes are too generic to match elsewhere).
    pub needs_azure: bool,
    /// Only for pastes that show OpenAI (an SDK class, an OpenAI host or header): its signals, such as a
    /// `502 Bad Gateway` page, are common to every web server.
    pub needs_openai: bool,
    /// `code-shared: yes`: the API sends this entry's codes for other, more specific errors too (the
    /// organization-verification error comes as `unsupported_value`, an image download timeout as
    /// `invalid_value`), so a code alone weighs less than another entry's matching message.
    pub code_shared: bool,
    /// What points at this entry.
    pub signals: Signals,
}

/// An entry's text, with its Markdown already rendered to HTML. Only with the `prose` feature (on by
/// default): the wasm build leaves it out to stay small, and the npm package carries it as a JS module.
#[cfg(feature = "prose")]
#[derive(Debug)]
pub struct Prose {
    /// One line: why it happens.
    pub cause: &'static str,
    /// One line: what to do.
    pub solution: &'static str,
    /// Official pages.
    pub links: &'static [Link],
    /// "Why this happens", rendered.
    pub why_html: &'static str,
    /// "What to do", rendered.
    pub steps_html: &'static str,
    /// Any further sections, rendered with `<h3>` headings.
    pub more_html: &'static str,
    /// A realistic paste that this entry must be the first match for.
    pub example: &'static str,
    /// "Why this happens" as Markdown, for terminals.
    pub why_md: &'static str,
    /// "What to do" as Markdown, for terminals.
    pub steps_md: &'static str,
}

impl Entry {
    /// The entry's text.
    #[cfg(feature = "prose")]
    pub fn prose(&self) -> &'static Prose {
        let i = ENTRIES.iter().position(|e| e.id == self.id).expect("every entry is in ENTRIES");
        &PROSE[i]
    }

    /// The status as text: `429`, or `500-599` for a range.
    pub fn status_text(&self) -> Option<String> {
        self.status.map(|(lo, hi)| if lo == hi { lo.to_string() } else { format!("{lo}-{hi}") })
    }

    /// Whether `status` falls in this entry's status range.
    pub fn has_status(&self, status: u16) -> bool {
        self.status.is_some_and(|(lo, hi)| (lo..=hi).contains(&status))
    }
}

include!(concat!(env!("OUT_DIR"), "/catalogue.rs"));

#[cfg(feature = "prose")]
include!(concat!(env!("OUT_DIR"), "/catalogue_prose.rs"));

/// The entry with this id.
pub fn entry(id: &str) -> Option<&'static Entry> {
    ENTRIES.iter().find(|e| e.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_every_stable_id_exists() {
        let stable = [
            "401-invalid-authentication",
            "401-incorrect-api-key",
            "401-no-organization",
            "403-unsupported-region",
            "429-rate-limit",
            "429-quota-exceeded",
            "500-server-error",
            "503-overloaded",
            "APIConnectionError",
            "APITimeoutError",
            "AuthenticationError",
            "BadRequestError",
            "ConflictError",
            "InternalServerError",
            "NotFoundError",
            "PermissionDeniedError",
            "RateLimitError",
            "UnprocessableEntityError",
        ];
        for id in stable {
            assert!(entry(id).is_some(), "stable id {id} is missing from the catalogue");
        }
        let mut ids: Vec<&str> = ENTRIES.iter().map(|e| e.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), ENTRIES.len());
    }

    #[test]
    fn api_ids_start_with_their_status() {
        for e in ENTRIES.iter().filter(|e| e.kind == Kind::Api) {
            // A range (`400-404`: an error the API sends with either status) starts with its first status.
            let status = e.status.map(|(lo, _)| lo.to_string()).unwrap_or_default();
            assert!(e.id.starts_with(&format!("{status}-")) || status.is_empty(), "{} should start with its status {status}", e.id);
        }
    }
}
