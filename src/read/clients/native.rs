//! Clients of compiled languages that print their errors as values: .NET (`System.ClientModel.
//! ClientResultException: HTTP 429 (insufficient_quota: …)`, `Azure.RequestFailedException` with its
//! `Status: 404 (Not Found)` and `ErrorCode:` lines, Semantic Kernel's `HttpOperationException`), Swift
//! (MacPaw's `APIErrorResponse(error: …)`) and Rust (`async-openai`'s `ApiError(ApiError { … })`).

use super::{ClassShape, LineShape};
use crate::evidence::Source;
use crate::read::State;
use crate::text::StrExt;

pub const CLASSES: &[ClassShape] = &[
    ClassShape { prefix: "System.ClientModel.", client: "openai-dotnet", openai: false, via: None },
    ClassShape { prefix: "OpenAI.", client: "openai-dotnet", openai: true, via: None },
    ClassShape { prefix: "Azure.RequestFailedException", client: "Azure SDK for .NET", openai: false, via: None },
    ClassShape { prefix: "Azure.AI.OpenAI.", client: "Azure.AI.OpenAI", openai: true, via: None },
    ClassShape { prefix: "Microsoft.SemanticKernel.", client: "Semantic Kernel", openai: false, via: Some("Semantic Kernel") },
    ClassShape { prefix: "Betalgo.", client: "Betalgo.OpenAI", openai: true, via: None },
];

pub const LINES: &[LineShape] = &[
    // Alamofire (under most Swift clients): `Response status code was unacceptable: 429.`
    LineShape { marker: "status code was unacceptable: ", client: "Alamofire (Swift)", openai: false },
    // .NET's HttpClient: `Response status code does not indicate success: 401 (Unauthorized).`
    LineShape { marker: "status code does not indicate success: ", client: ".NET HttpClient", openai: false },
    // Clients that say `OpenAI API error (400 Bad Request): …` (Rust's and others').
    LineShape { marker: "API error (", client: "an OpenAI-compatible client", openai: false },
];

/// The lines .NET's `RequestFailedException` and `ClientResultException` print under the exception line
/// (`Status: 429 (Too Many Requests)`, `ErrorCode: DeploymentNotFound`), and Swift's and Rust's printed error
/// values (`message: "…", type: Some("…"), code: Some("…")`).
pub fn read_line(line: &str, st: &mut State) {
    let t = line.trim_start_ws();
    if let Some(rest) = t.strip_prefix("Status: ") {
        if let Some(status) = super::status_in(rest) {
            let reach = st.line;
            match st.ev.incidents.last_mut().filter(|i| reach.saturating_sub(i.line) <= 12 && i.status.is_none()) {
                Some(inc) => inc.status = Some(status),
                None => st.incident(Source::Exception, line).status = Some(status),
            }
        }
        return;
    }
    if let Some(code) = t.strip_prefix("ErrorCode: ").map(str::trim_ws).filter(|c| !c.is_empty()) {
        if let Some(inc) = st.ev.incidents.last_mut() {
            inc.code.get_or_insert_with(|| code.to_string());
        }
        // Azure OpenAI's codes are the status as text or names such as `DeploymentNotFound`.
        if code.bytes().all(|b| b.is_ascii_digit()) || code == "DeploymentNotFound" || code == "content_filter" {
            st.ev.azure = true;
        }
        return;
    }
    // Printed values: `APIErrorResponse(error: OpenAI.APIError(message: "…", type: "…", …))` (Swift),
    // `ApiError(ApiError { message: "…", type: Some("…"), … })` (Rust).
    if !line.contains_str("rror") {
        return;
    }
    let swift = line.contains_str("APIErrorResponse(");
    let rust = line.contains_str("ApiError {") || line.contains_str("OpenAIError::");
    if !(swift || rust) || !line.contains_str("message: ") {
        return;
    }
    st.ev.openai_context = true;
    let client = if swift { "MacPaw OpenAI (Swift)" } else { "async-openai (Rust)" };
    st.ev.sdk.get_or_insert(crate::evidence::Sdk::Client(client));
    let message = field(line, "message");
    let (error_type, code, param) = (field(line, "type"), field(line, "code"), field(line, "param"));
    let inc = st.incident(Source::Exception, line);
    inc.message = message;
    inc.error_type = error_type;
    inc.code = code;
    inc.param = param;
}

/// `key: "v"`, `key: Some("v")`, `key: Optional("v")` in a printed value.
fn field(line: &str, key: &str) -> Option<String> {
    for p in line.find_str_all(key) {
        let before_ok = p == 0 || !line.as_bytes()[p - 1].is_ascii_alphanumeric();
        let rest = line[p + key.len()..].strip_prefix(": ");
        let Some(rest) = rest.filter(|_| before_ok) else { continue };
        let rest = rest.strip_prefix("Some(").or_else(|| rest.strip_prefix("Optional(")).unwrap_or(rest);
        let rest = rest.strip_prefix('"')?;
        // The value runs to the first quote not escaped by a backslash.
        let b = rest.as_bytes();
        let mut end = 0;
        while end < b.len() && !(b[end] == b'"' && (end == 0 || b[end - 1] != b'\\')) {
            end += 1;
        }
        return Some(rest[..end].replace("\\\"", "\"")).filter(|v| !v.is_empty());
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rust_and_swift_values() {
        let mut st = State::default();
        read_line(r#"Error: ApiError(ApiError { message: "You exceeded your current quota.", type: Some("insufficient_quota"), param: None, code: Some("insufficient_quota") })"#, &mut st);
        let inc = st.ev.incidents.last().expect("incident");
        assert_eq!(inc.code.as_deref(), Some("insufficient_quota"));
        assert_eq!(inc.param, None);
        assert_eq!(inc.message.as_deref(), Some("You exceeded your current quota."));
    }

    #[test]
    fn status_lines_belong_to_the_exception_above() {
        let mut st = State::default();
        st.line = 1;
        st.incident(Source::Exception, "Azure.RequestFailedException: x");
        st.line = 2;
        read_line("Status: 404 (Not Found)", &mut st);
        read_line("ErrorCode: DeploymentNotFound", &mut st);
        let inc = st.ev.incidents.last().expect("incident");
        assert_eq!((inc.status, inc.code.as_deref()), (Some(404), Some("DeploymentNotFound")));
        assert_eq!(st.ev.incidents.len(), 1);
    }
}
