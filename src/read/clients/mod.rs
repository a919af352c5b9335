//! The error formats of OpenAI clients other than openai-python and openai-node v4+ (which `exception.rs`
//! reads), and of the HTTP tools people call the API with: Go, the JVM, .NET, PHP, Ruby, Perl, Swift, Rust,
//! curl, openai-node v3 (axios). Each family is a table of shapes in its own file: the exception classes it
//! raises ([`ClassShape`]) and the lines it prints ([`LineShape`]); adding a client is a few rows.
//!
//! What a shape yields is the same for every family: the client's name, the HTTP status (from the text, or
//! from the class name: `RateLimitException` is a 429 in any language), and the openai SDK class the client's
//! class stands for, so the classifier can treat them alike.

mod go;
mod jvm;
mod native;
mod node;
mod scripting;
mod status;

pub use status::{equivalent, status_in};

use super::State;
use crate::evidence::{Sdk, Source};
use crate::text::StrExt;

/// An exception class family: classes starting with `prefix` (or equal to it).
pub struct ClassShape {
    pub prefix: &'static str,
    /// The client's name, for the evidence's `sdk`.
    pub client: &'static str,
    /// The class is OpenAI's own client's, so the paste is an OpenAI (or OpenAI-compatible) call.
    pub openai: bool,
    /// A framework around the client (Semantic Kernel, Spring AI): recorded as a layer in `via`.
    pub via: Option<&'static str>,
}

/// A line a client prints on failure, found by a marker in it.
pub struct LineShape {
    pub marker: &'static str,
    pub client: &'static str,
    pub openai: bool,
}

const CLASS_TABLES: &[&[ClassShape]] = &[jvm::CLASSES, native::CLASSES, scripting::CLASSES, go::CLASSES, node::CLASSES];
const LINE_TABLES: &[&[LineShape]] = &[go::LINES, scripting::LINES, native::LINES, node::LINES];

/// The family of an exception class, if it is one of the clients'.
pub fn class_shape(class: &str) -> Option<&'static ClassShape> {
    CLASS_TABLES.iter().flat_map(|t| t.iter()).find(|s| class.starts_with(s.prefix))
}

/// An exception of a known client: records an incident with the status the message or the class gives.
/// Returns false when the class is no client's.
pub fn read_exception(class: &str, message: &str, line: &str, st: &mut State) -> bool {
    let Some(shape) = class_shape(class) else { return false };
    if let Some(via) = shape.via {
        super::wrappers::push_via(st, via);
    }
    st.ev.sdk.get_or_insert(Sdk::Client(shape.client));
    if shape.openai {
        st.ev.openai_context = true;
    }
    let bare = bare_class(class);
    let (eq, class_status) = equivalent(bare);
    let status = status_in(message).or(class_status);
    // A generic HTTP error class (`HttpException`) stands for nothing more than its status does.
    let eq = eq.filter(|e| !(*e == "APIStatusError" && status.is_some()));
    // `OpenAI HTTP Error: {body}` then Faraday's `… (Faraday::BadRequestError)`: the class names the error the body
    // above described.
    if let Some(inc) = status.and_then(|s| same_error(st, s)) {
        inc.class = Some(class.to_string());
        inc.equivalent = eq;
        return true;
    }
    let inc = st.incident(Source::Exception, line);
    inc.class = Some(class.to_string());
    inc.equivalent = eq;
    inc.status = status;
    if !message.is_empty() {
        inc.message = Some(message.to_string());
    }
    true
}

/// The last segment of a dotted, `\`-separated or `::`-separated class name.
pub fn bare_class(class: &str) -> &str {
    let cut = class.rfind(['.', '\\', ':']).map_or(0, |p| p + 1);
    &class[cut..]
}

/// Lines the clients print that are no `Class: message` (Go's `error, status code: 429, …`, openai-go's
/// `POST "https://…": 429 Too Many Requests`, Perl's `… at …/API.pm line 48.`, curl's `curl: (22) …`).
pub fn read_line(line: &str, st: &mut State) -> bool {
    // One cheap test before the tables: every shape names a 4xx or 5xx status.
    if !has_error_status_digits(line) {
        return false;
    }
    let Some(shape) = LINE_TABLES.iter().flat_map(|t| t.iter()).find(|s| line.contains_str(s.marker)) else { return false };
    let Some(at) = line.find_str(shape.marker) else { return false };
    let rest = &line[at + shape.marker.len()..];
    let Some(status) = status_in(rest).or_else(|| status_in(line)) else { return false };
    st.ev.sdk.get_or_insert(Sdk::Client(shape.client));
    if shape.openai {
        st.ev.openai_context = true;
    }
    let message = message_after_status(rest);
    if same_error(st, status).is_some() {
        return true;
    }
    let inc = st.incident(Source::Exception, line);
    inc.status = Some(status);
    inc.message = (!message.is_empty()).then(|| message.to_string());
    true
}

/// The same error printed twice (the body, then the client's line about it) is one error, not two: the body just
/// above, when its status is this one or unknown, takes the status and is returned.
fn same_error(st: &mut State, status: u16) -> Option<&mut crate::evidence::Incident> {
    let line_no = st.line;
    let inc = st.ev.incidents.last_mut().filter(|i| {
        i.source == Some(Source::Body) && line_no.saturating_sub(i.line) <= 12 && i.status.is_none_or(|s| s == status)
    })?;
    inc.status = Some(status);
    Some(inc)
}

/// Whether a line is one of the clients' or tools' error lines, for narrowing a large log.
pub fn relevant(line: &str) -> bool {
    // Every shape names a 4xx or 5xx status: without one, no marker needs looking for (this runs for every
    // `Error:` in a large log).
    if !has_error_status_digits(line) {
        return false;
    }
    let marked = LINE_TABLES.iter().flat_map(|t| t.iter()).find_map(|s| line.find_str(s.marker).map(|p| &line[p + s.marker.len()..]));
    match marked {
        Some(rest) => status_in(rest).or_else(|| status_in(line)).is_some(),
        None => super::wrappers::is_tool_line(line) && status_in(line).is_some(),
    }
}

/// Marks and values any line may carry: .NET's `Status:` lines, Swift's and Rust's printed errors,
/// openai-node v3's user agent, a request sent without a key.
pub fn read_extras(line: &str, st: &mut State) {
    native::read_line(line, st);
    node::read_line(line, st);
}

/// Three digits in a row that could be an error status (4xx, 5xx).
fn has_error_status_digits(line: &str) -> bool {
    line.as_bytes().windows(3).any(|w| (w[0] == b'4' || w[0] == b'5') && w[1].is_ascii_digit() && w[2].is_ascii_digit())
}

/// The marks alone (a user agent, an unset key), for lines inside a body already read.
pub fn read_marks(line: &str, st: &mut State) {
    node::read_line(line, st);
}

/// What follows the status and its reason phrase: `429 Too Many Requests, message: You exceeded …` → `You
/// exceeded …`.
fn message_after_status(rest: &str) -> &str {
    let rest = rest.find_str("message: ").map_or(rest, |p| &rest[p + 9..]);
    rest.trim_ws()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn class_families_and_what_their_names_say() {
        assert_eq!(class_shape("com.openai.errors.RateLimitException").map(|s| s.client), Some("openai-java"));
        assert_eq!(bare_class("OpenAI\\Exceptions\\ErrorException"), "ErrorException");
        assert_eq!(bare_class("Faraday::TooManyRequestsError"), "TooManyRequestsError");
        assert!(class_shape("java.lang.NullPointerException").is_none());
    }

    #[test]
    fn line_shapes_give_status_and_message() {
        let mut st = State::default();
        read_line("error, status code: 429, status: 429 Too Many Requests, message: You exceeded your current quota", &mut st);
        let inc = st.ev.incidents.last().expect("incident");
        assert_eq!(inc.status, Some(429));
        assert_eq!(inc.message.as_deref(), Some("You exceeded your current quota"));
        assert_eq!(st.ev.sdk, Some(Sdk::Client("go-openai")));
    }
}
