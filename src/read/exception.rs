//! Exceptions as Python and Node print them: `openai.RateLimitError: Error code: 429 - {…}` (1.x to 3.37),
//! `… Error code: 429 - You exceeded …` (3.38+), `openai.error.RateLimitError: …` (0.x), `RateLimitError: 429
//! …` (Node), plus the chained exceptions underneath a connection error (httpx, httpcore, ssl, requests,
//! undici) that carry its real cause, and the stack frames that tell which SDK printed it.

use super::State;
use crate::evidence::{CauseKind, RootCause, Sdk, Source};
use crate::text::StrExt;

/// Class names the Node SDK (and Python's, bare) uses; a bare `Name:` is an OpenAI exception only if listed.
const SDK_CLASSES: &[&str] = &[
    "BadRequestError", "AuthenticationError", "PermissionDeniedError", "NotFoundError", "ConflictError",
    "UnprocessableEntityError", "RateLimitError", "InternalServerError", "APIError", "APIStatusError",
    "APIConnectionError", "APIConnectionTimeoutError", "APITimeoutError", "APIUserAbortError", "OpenAIError",
    "LengthFinishReasonError", "ContentFilterFinishReasonError", "APIRemovedInV1",
];

/// Text that names what really failed under a connection error; the first kind that matches wins, so the
/// specific ones (TLS, proxy, DNS) come before the ones their messages also mention.
const CAUSES: &[(CauseKind, &[&str])] = &[
    (
        CauseKind::Tls,
        &[
            "certificate_verify_failed", "certificate verify failed", "sslerror", "[ssl", "ssl:",
            "self signed certificate", "self-signed certificate", "unable to get local issuer",
            "unable_to_verify_leaf_signature", "self_signed_cert_in_chain", "unable to verify the first certificate",
            "wrong_version_number", "tlsv1 alert", "err_tls",
        ],
    ),
    (CauseKind::Proxy, &["proxyerror", "tunnel connection failed", "proxy authentication", "cannot connect to proxy", "proxyagent"]),
    (
        CauseKind::Dns,
        &[
            "name or service not known", "nodename nor servname", "getaddrinfo", "enotfound", "eai_again",
            "temporary failure in name resolution", "no address associated with hostname", "nameresolutionerror",
            "failed to resolve",
        ],
    ),
    (CauseKind::Refused, &["connection refused", "econnrefused", "errno 111", "winerror 10061", "actively refused"]),
    (
        CauseKind::Reset,
        &[
            "connection reset", "econnreset", "remoteprotocolerror", "server disconnected", "peer closed connection",
            "premature close", "socket hang up", "connection aborted", "broken pipe", "other side closed",
            "incomplete chunked read",
        ],
    ),
    (
        CauseKind::Timeout,
        &["readtimeout", "connecttimeout", "writetimeout", "pooltimeout", "timed out", "etimedout", "und_err_connect_timeout", "timeouterror"],
    ),
];

pub fn read_line(line: &str, st: &mut State) {
    note_frames(line, st);
    let found = exception(line);
    // Causes are named on exception lines (`httpcore.ConnectError: …`), in 0.x's `(Caused by …)`, and in
    // Node's `[cause]:` / `reason:` / `code: 'ECONNRESET'` dumps; an SDK status error (`openai.RateLimitError:
    // Error code: 429 - {…}`) names none, and its long body is not worth searching.
    let status_error = found.is_some_and(|(class, message)| {
        class.starts_with("openai.") && !class.contains_str("Connection") && !class.contains_str("Timeout")
            && split_status(message).0.is_some()
    });
    let cause_line = !status_error
        && (found.is_some() || line.contains_str("ause") || line.contains_str("reason") || line.contains_str("code: 'E"));
    if cause_line && line.len() <= 8192 {
        note_root_cause(line, st);
    }
    let Some((class, message)) = found else {
        return bare_status_message(line, st);
    };
    let bare = class.rsplit('.').next().unwrap_or(class);
    let openai = class.starts_with("openai.") || (!class.contains('.') && SDK_CLASSES.contains(&bare));
    // Errors of Python itself that come from using the SDK wrongly (0.x code on 1.x, httpx 0.28).
    let misuse = !openai
        && (message.contains_str("module 'openai'") || message.contains_str("keyword argument 'proxies'"));
    if !(openai || misuse) {
        return;
    }
    if class.starts_with("openai.error.") {
        st.ev.sdk = Some(Sdk::Python0);
    }
    if class.starts_with("openai.") {
        st.ev.openai_context = true;
    }
    let (status, message, sdk) = split_status(message);
    if let Some(sdk) = sdk {
        if class.contains('.') {
            st.ev.sdk = Some(sdk);
        }
    }
    let inc = st.incident(Source::Exception, line);
    inc.class = Some(class.to_string());
    inc.status = status;
    if !message.is_empty() {
        inc.message = Some(message.to_string());
    }
}

/// `Error code: 429 - …` printed without a class (framework logs), and Node's `Error: 429 …` stack head.
fn bare_status_message(line: &str, st: &mut State) {
    if !line.contains_str("Error") {
        return;
    }
    let t = line.trim_start_ws();
    let rest = t.strip_prefix("Error: ").or_else(|| t.find_str("Error code: ").map(|p| &t[p..]));
    let Some(rest) = rest else { return };
    let (status, message, _) = split_status(rest);
    if let Some(status) = status.filter(|s| *s >= 400) {
        let inc = st.incident(Source::Exception, line);
        inc.status = Some(status);
        inc.message = (!message.is_empty()).then(|| message.to_string());
    }
}

/// Finds `dotted.ClassName: message` in a line (after a log prefix, `Uncaught `, `[`), returning both.
fn exception(line: &str) -> Option<(&str, &str)> {
    let mut from = 0;
    while let Some(p) = line[from..].find(':').map(|p| p + from) {
        let before = &line[..p];
        // Class names are ASCII; the character before one may not be (found by fuzzing: `i + 1` split it).
        let start = before
            .char_indices()
            .rev()
            .find(|&(_, c)| !(c.is_ascii_alphanumeric() || c == '_' || c == '.'))
            .map_or(0, |(i, c)| i + c.len_utf8());
        let class = &before[start..];
        let bare = class.rsplit('.').next().unwrap_or_default();
        let looks_like_class = bare.starts_with(|c: char| c.is_ascii_uppercase())
            && ["Error", "Exception", "Timeout", "TryAgain", "APIRemovedInV1"].iter().any(|s| bare.ends_with(s));
        let after = &line[p + 1..];
        if looks_like_class && (after.is_empty() || after.starts_with(' ')) {
            return Some((class, after.trim_ws()));
        }
        from = p + 1;
    }
    None
}

/// Splits `Error code: 429 - rest` (Python 1.x+), `429 rest` (Node), `HTTP code 502 from API (…)` (0.x)
/// into the status, the message and what the shape says about the SDK version.
fn split_status(message: &str) -> (Option<u16>, &str, Option<Sdk>) {
    if let Some(rest) = message.strip_prefix("Error code: ") {
        let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
        let status = digits.parse().ok();
        let tail = rest[digits.len()..].trim_start_matches([' ', '-']).trim_ws();
        let sdk = if tail.is_empty() {
            Sdk::Python
        } else if tail.starts_with('{') || tail.starts_with("***") {
            Sdk::Python1
        } else {
            Sdk::Python338
        };
        return (status, tail, Some(sdk));
    }
    if let Some(rest) = message.strip_prefix("HTTP code ") {
        let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
        return (digits.parse().ok(), message, Some(Sdk::Python0));
    }
    let b = message.as_bytes();
    if b.len() >= 3 && b[..3].iter().all(u8::is_ascii_digit) && b.get(3).is_none_or(|c| *c == b' ') {
        let status = message[..3].parse().ok().filter(|s| (400..=599).contains(s));
        if status.is_some() {
            return (status, message[3..].trim_ws(), Some(Sdk::Node));
        }
    }
    if message.starts_with("<html") || message.starts_with("<!DOCTYPE") {
        return (None, message, Some(Sdk::Python1));
    }
    (None, message, None)
}

fn note_frames(line: &str, st: &mut State) {
    let t = line.trim_start_ws();
    if t.starts_with("File \"") {
        st.saw_frames = true;
        if t.contains_str("api_requestor.py") {
            st.ev.sdk.get_or_insert(Sdk::Python0);
        }
    } else if t.starts_with("at ") && line.contains_str("openai") {
        st.saw_frames = true;
        st.ev.openai_context = true;
        let v5 = line.contains_str("openai/core/error") || line.contains_str("openai/client.");
        let v4 = line.contains_str("openai/error.") || line.contains_str("openai/core.");
        match st.ev.sdk {
            Some(Sdk::Node4 | Sdk::Node5) => {}
            _ if v5 => st.ev.sdk = Some(Sdk::Node5),
            _ if v4 => st.ev.sdk = Some(Sdk::Node4),
            _ => st.ev.sdk = Some(Sdk::Node),
        }
    }
    let frame = t.starts_with("File \"") || t.starts_with("at ");
    // Windows paths too: `site-packages\openai\_base_client.py`.
    if frame && (line.contains_str("s/openai/") || line.contains_str("s\\openai\\")) {
        st.ev.openai_context = true;
    }
}

fn note_root_cause(line: &str, st: &mut State) {
    if st.ev.root_cause.is_some() {
        return;
    }
    if let Some(kind) = cause_kind(line) {
        st.ev.root_cause = Some(RootCause { kind, text: line.trim_ws().chars().take(400).collect() });
    }
}

fn cause_kind(line: &str) -> Option<CauseKind> {
    let lower = line.to_ascii_lowercase();
    CAUSES.iter().find(|(_, needles)| needles.iter().any(|n| lower.contains_str(n))).map(|(kind, _)| *kind)
}

/// Whether an exception line belongs to an OpenAI failure: an SDK class, a misuse of the SDK, a Node
/// `Error: 429 …` head, or a connection-layer failure that may sit under an `APIConnectionError`.
/// Used to narrow large logs, so the common case (a `KeyError` in the same log) is ruled out with a few
/// comparisons.
pub fn relevant(line: &str) -> bool {
    let Some((class, message)) = exception(line) else { return false };
    let (module, bare) = class.rsplit_once('.').unwrap_or(("", class));
    if class.starts_with("openai.") || (module.is_empty() && SDK_CLASSES.contains(&bare)) {
        return true;
    }
    if CONNECTION_MODULES.iter().any(|m| module.starts_with(m)) || CONNECTION_CLASSES.contains(&bare) {
        return true;
    }
    matches!(bare, "Error" | "TypeError" | "AttributeError")
        && (["openai", "'proxies'", "fetch failed", "ECONN", "ETIMEDOUT", "ENOTFOUND", "EAI_AGAIN"]
            .iter()
            .any(|m| message.contains_str(m))
            || split_status(message).0.is_some_and(|s| s >= 400))
}

/// Modules and classes of the exceptions that sit under a connection error.
const CONNECTION_MODULES: &[&str] = &["httpx", "httpcore", "ssl", "requests", "urllib3", "aiohttp", "socket", "undici"];
const CONNECTION_CLASSES: &[&str] = &[
    "ConnectError", "ConnectTimeout", "ReadTimeout", "WriteTimeout", "PoolTimeout", "RemoteProtocolError",
    "ProxyError", "SSLError", "SSLCertVerificationError", "ConnectionError", "ConnectionRefusedError",
    "ConnectionResetError", "TimeoutError", "FetchError", "ConnectTimeoutError", "SocketError", "gaierror",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_classes_behind_prefixes() {
        assert_eq!(exception("openai.RateLimitError: Error code: 429"), Some(("openai.RateLimitError", "Error code: 429")));
        assert_eq!(exception("Uncaught RateLimitError: 429 x"), Some(("RateLimitError", "429 x")));
        assert_eq!(exception("ERROR:root:openai.error.Timeout: Request timed out"), Some(("openai.error.Timeout", "Request timed out")));
        assert_eq!(exception("  File \"x.py\", line 3"), None);
        assert_eq!(exception("http://host:443/x"), None);
        // Regression (fuzzing): a multi-byte character right before a class name.
        assert_eq!(exception("é→RateLimitError: x"), Some(("RateLimitError", "x")));
        assert_eq!(exception("→: x"), None);
    }

    #[test]
    fn status_and_sdk_shape_from_the_message() {
        assert_eq!(split_status("Error code: 429 - {'error': {}}"), (Some(429), "{'error': {}}", Some(Sdk::Python1)));
        assert_eq!(split_status("Error code: 429 - You exceeded"), (Some(429), "You exceeded", Some(Sdk::Python338)));
        assert_eq!(split_status("Error code: 502"), (Some(502), "", Some(Sdk::Python)));
        assert_eq!(split_status("401 Incorrect API key"), (Some(401), "Incorrect API key", Some(Sdk::Node)));
        assert_eq!(split_status("2024 was a year").0, None);
    }
}
