//! Exceptions as Python and Node print them: `openai.RateLimitError: Error code: 429 - {…}` (1.x to 3.37),
//! `… Error code: 429 - You exceeded …` (3.38+), `openai.error.RateLimitError: …` (0.x), `RateLimitError: 429
//! …` (Node), plus the chained exceptions underneath a connection error (httpx, httpcore, ssl, requests,
//! undici) that carry its real cause, and the stack frames that tell which SDK printed it. Class names are
//! found however they are printed (`X [Alias]: …`, `Ns\X: …`, `Ns::X (…)`, Ruby's `…': msg (Ns::X)`, a
//! `repr()`, `<class 'openai.X'>`); a class that is no OpenAI SDK's goes to the wrappers and the clients.

use super::needles::Needles;
use super::{clients, wrappers, State};
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
            "failed to resolve", "no such host", "could not resolve host",
        ],
    ),
    (CauseKind::Refused, &["failed to connect to", "connection refused", "econnrefused", "errno 111", "winerror 10061", "actively refused"]),
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
        &["readtimeout", "connecttimeout", "writetimeout", "pooltimeout", "timed out", "etimedout", "und_err_connect_timeout", "timeouterror", "i/o timeout",
          "context deadline exceeded", "operation timed out"],
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
    let cause_line = !status_error && (found.is_some() || cause_words().is_some_in(line));
    if cause_line && line.len() <= 8192 {
        note_root_cause(line, st);
    }
    if wrappers::read_line(line, found, st) {
        return;
    }
    let Some((class, message)) = found else {
        if !clients::read_line(line, st) {
            bare_status_message(line, st);
        }
        return;
    };
    let bare = class.rsplit('.').next().unwrap_or(class);
    let openai = class.starts_with("openai.") || (!class.contains('.') && SDK_CLASSES.contains(&bare));
    // Errors of Python itself that come from using the SDK wrongly (0.x code on 1.x, httpx 0.28).
    let misuse = !openai
        && (message.contains_str("module 'openai'") || message.contains_str("keyword argument 'proxies'"));
    if !(openai || misuse) {
        if class.starts_with("anthropic.") || class.starts_with("@anthropic-ai") {
            st.foreign_answer.get_or_insert("Anthropic");
            return;
        }
        // A client's exception under an SDK error (`cause: FetchError: …`) is its cause, not a new error.
        let cause = line.trim_start_ws().starts_with("cause:") || line.contains_str("[cause]") || line.contains_str("Caused by");
        let under_sdk_error = cause && st.ev.incidents.last().is_some_and(|i| i.source == Some(Source::Exception) && st.line - i.line <= 80);
        if under_sdk_error || clients::read_exception(class, message, line, st) || clients::read_line(line, st) {
            return;
        }
        // Java prints a chain on one line: `java.util.concurrent.CompletionException: retrofit2.…HttpException: HTTP 429`.
        if let Some((inner, inner_message)) = exception(message).filter(|(c, _)| c.contains('.')) {
            if clients::read_exception(inner, inner_message, line, st) {
                return;
            }
        }
        if class == "Error" {
            bare_status_message(line, st);
        }
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
    let status = status.or_else(|| repr_status(line));
    let inc = st.incident(Source::Exception, line);
    inc.class = Some(class.to_string());
    inc.status = status;
    if !message.is_empty() {
        inc.message = Some(message.to_string());
    }
}

/// Words that say a line may name a connection failure's cause, in one index (this runs on every line).
fn cause_words() -> &'static Needles {
    static WORDS: std::sync::OnceLock<Needles> = std::sync::OnceLock::new();
    WORDS.get_or_init(|| {
        Needles::new(vec!["ause", "reason", "code: 'E", "dial tcp", "curl: (", "ECONN", "ETIMEDOUT", "ENOTFOUND", "Errno"])
    })
}

/// The status in a 0.x repr: `AuthenticationError(message='…', http_status=401, request_id=None)`.
fn repr_status(line: &str) -> Option<u16> {
    let p = line.find_str("http_status=")?;
    let digits: String = line[p + 12..].chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
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
    // `Error: '429 Too Many Requests'`, `Error: HTTP 429 …`: a status said some other way.
    let (status, message) = match status {
        Some(s) => (Some(s), message),
        None => (clients::status_in(rest.trim_start_matches(['\'', '"'])), rest),
    };
    if let Some(status) = status.filter(|s| *s >= 400) {
        let inc = st.incident(Source::Exception, line);
        inc.status = Some(status);
        inc.message = (!message.is_empty()).then(|| message.to_string());
    }
}

/// Finds `dotted.ClassName: message` in a line (after a log prefix, `Uncaught `, `[`), returning both. Class
/// names may be namespaced the PHP (`OpenAI\\Exceptions\\ErrorException`) or Ruby (`Faraday::ServerError`) way;
/// a repr (`RateLimitError('…')`, 0.x's `AuthenticationError(message='…', http_status=401, …)`) and
/// `<class 'openai.BadRequestError'>` count too.
fn exception(line: &str) -> Option<(&str, &str)> {
    if let Some(found) = class_repr(line).or_else(|| ruby_raise(line)) {
        return Some(found);
    }
    let b = line.as_bytes();
    let mut from = 0;
    while let Some(p) = line[from..].find([':', '(']).map(|p| p + from) {
        // `::` inside a Ruby class name is not the end of one.
        if b[p] == b':' && (b.get(p + 1) == Some(&b':') || (p > 0 && b[p - 1] == b':')) {
            from = p + 1;
            continue;
        }
        let paren = b[p] == b'(';
        let mut before = if paren { line[..p].trim_end_matches(' ') } else { &line[..p] };
        // Node prints an error's name and then its `code` or own name in brackets: `RateLimitError
        // [RateLimitQuotaExhaustedError]: …`, `APICallError [AI_APICallError]: …`.
        if !paren && before.ends_with(']') {
            if let Some(open) = before.rfind(" [") {
                before = &before[..open];
            }
        }
        let start = class_start(before);
        let class = &before[start..];
        let bare = class.rsplit(['.', '\\', ':']).next().unwrap_or_default();
        let looks_like_class = bare.starts_with(|c: char| c.is_ascii_uppercase())
            && ["Error", "Exception", "Timeout", "TryAgain", "APIRemovedInV1"].iter().any(|s| bare.ends_with(s));
        let after = &line[p + 1..];
        // `Faraday::UnauthorizedError (the server responded with status 401)`: Rails' way.
        let namespaced = class.contains("::") || class.contains('\\');
        if looks_like_class && paren && namespaced && before.len() < p {
            return Some((class, after.trim_end_matches([')', ':', ' ']).trim_ws()));
        }
        if looks_like_class && !paren && (after.is_empty() || after.starts_with(' ')) {
            return Some((class, after.trim_ws()));
        }
        from = p + 1;
    }
    None
}

/// Where the class name ending `before` starts: ASCII letters, digits, `_`, `.`, `\\` and `::`.
fn class_start(before: &str) -> usize {
    let b = before.as_bytes();
    let mut i = b.len();
    while i > 0 {
        let c = b[i - 1];
        if c.is_ascii_alphanumeric() || c == b'_' || c == b'.' || c == b'\\' {
            i -= 1;
        } else if c == b':' && i >= 2 && b[i - 2] == b':' {
            i -= 2;
        } else {
            break;
        }
    }
    // Class names are ASCII, so `i` is a character boundary (the byte before it is not a name byte).
    let s = &before[i..];
    i + (s.len() - s.trim_start_matches([':', '\\', '.']).len())
}

/// `RateLimitError('msg')`, `RateLimitError(message='msg', http_status=429, …)` and `<class 'openai.X'>`,
/// for the SDKs' own classes only.
fn class_repr(line: &str) -> Option<(&str, &str)> {
    let t = line.trim_start_ws();
    if let Some(rest) = t.strip_prefix("<class '") {
        let end = rest.find('\'')?;
        let class = &rest[..end];
        return class.starts_with("openai.").then_some((class, ""));
    }
    let open = t.find('(')?;
    let class = &t[..open];
    let bare = class.rsplit('.').next().unwrap_or(class);
    let sdk = SDK_CLASSES.contains(&bare) || ZERO_CLASSES.contains(&bare);
    if !sdk || !(class == bare || class.starts_with("openai.")) {
        return None;
    }
    let rest = &t[open + 1..];
    let inner = rest.strip_prefix("message=").unwrap_or(rest);
    let quote = inner.chars().next().filter(|c| matches!(c, '\'' | '"'))?;
    let body = &inner[1..];
    let end = body.rfind(quote).unwrap_or(body.len());
    let class = if rest.starts_with("message=") && !class.contains('.') {
        // 0.x names its classes this way; the classifier knows them by their dotted name.
        ZERO_DOTTED.iter().find(|d| d.ends_with(bare) && d[..d.len() - bare.len()].ends_with('.')).copied().unwrap_or(class)
    } else {
        class
    };
    Some((class, &body[..end]))
}

/// Ruby's uncaught exception: `…/raise_error.rb:16:in `on_complete': the server responded with status 400
/// (Faraday::BadRequestError)`.
fn ruby_raise(line: &str) -> Option<(&str, &str)> {
    let t = line.trim_end_ws();
    let open = t.strip_suffix(')')?.rfind(" (")?;
    let class = &t[open + 2..t.len() - 1];
    if !class.contains("::") || !class.ends_with("Error") || class.contains(' ') {
        return None;
    }
    let start = t[..open].find("': ").map_or(0, |p| p + 3);
    Some((class, t[start..open].trim_ws()))
}

/// openai-python 0.x's classes (with the ones 1.x shares), as they print bare and in full.
const ZERO_CLASSES: &[&str] = &["InvalidRequestError", "ServiceUnavailableError", "Timeout", "TryAgain", "PermissionError"];
const ZERO_DOTTED: &[&str] = &[
    "openai.error.AuthenticationError", "openai.error.RateLimitError", "openai.error.InvalidRequestError",
    "openai.error.APIError", "openai.error.ServiceUnavailableError", "openai.error.Timeout", "openai.error.TryAgain",
    "openai.error.PermissionError", "openai.error.APIConnectionError",
];

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

pub(super) fn note_frames(line: &str, st: &mut State) {
    let t = line.trim_start_ws();
    // IPython writes frames as `File ~/…/openai/_base_client.py:1037, in …`, without quotes.
    let ipython = t.starts_with("File ~") || t.starts_with("File /") || t.starts_with("File C:") || t.starts_with("File c:");
    if t.starts_with("File \"") || ipython {
        st.saw_frames = true;
        if t.contains_str("api_requestor.py") {
            st.ev.sdk.get_or_insert(Sdk::Python0);
        }
    } else if t.starts_with("at ") && line.contains_str("openai") && !line.contains_str("@ai-sdk/openai") && !line.contains_str("@langchain/openai") {
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
    let frame = t.starts_with("File ") || t.starts_with("at ");
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

pub(super) fn cause_kind(line: &str) -> Option<CauseKind> {
    let lower = line.to_ascii_lowercase();
    CAUSES.iter().find(|(_, needles)| needles.iter().any(|n| lower.contains_str(n))).map(|(kind, _)| *kind)
}

/// Whether an exception line belongs to an OpenAI failure: an SDK class, a misuse of the SDK, a Node
/// `Error: 429 …` head, or a connection-layer failure that may sit under an `APIConnectionError`.
/// Used to narrow large logs, so the common case (a `KeyError` in the same log) is ruled out with a few
/// comparisons.
pub fn relevant(line: &str) -> bool {
    let Some((class, message)) = exception(line) else { return clients::relevant(line) };
    let (module, bare) = class.rsplit_once('.').unwrap_or(("", class));
    if class.starts_with("openai.") || (module.is_empty() && SDK_CLASSES.contains(&bare)) {
        return true;
    }
    // Other clients' and wrappers' exceptions, and another vendor's SDK (its name is the answer).
    if clients::class_shape(class).is_some() || class.starts_with("litellm.") || class.starts_with("AI_")
        || class.starts_with("anthropic.") || line.contains_str("[AI_") || clients::relevant(line)
    {
        return true;
    }
    if CONNECTION_MODULES.iter().any(|m| module.starts_with(m)) || CONNECTION_CLASSES.contains(&bare) {
        return true;
    }
    matches!(bare, "Error" | "TypeError" | "AttributeError")
        && (["openai", "'proxies'", "fetch failed", "ECONN", "ETIMEDOUT", "ENOTFOUND", "EAI_AGAIN"]
            .iter()
            .any(|m| message.contains_str(m))
            || split_status(message).0.is_some_and(|s| s >= 400)
            || clients::status_in(message.trim_start_matches(['\'', '"'])).is_some())
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
