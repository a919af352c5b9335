//! What every client's text shares: an HTTP status written next to a word that says it is one (`status code:
//! 429`, `HTTP 429`, `Status: 404 (Not Found)`, `429 Too Many Requests`, `Error code: 429`), and exception
//! class names that say which error they are in any language (`RateLimitException`, `TooManyRequestsError`,
//! `UnauthorizedException`).


/// Reason phrases after a status (`429 Too Many Requests`), and .NET's enum names (`401 (PermissionDenied)`).
const REASONS: &[&str] = &[
    "bad request", "unauthorized", "payment required", "forbidden", "not found", "method not allowed",
    "request timeout", "conflict", "payload too large", "request entity too large", "unsupported media type",
    "unprocessable", "too many requests", "internal server error", "bad gateway", "service unavailable",
    "gateway timeout", "(badrequest)", "(unauthorized)", "(permissiondenied)", "(forbidden)", "(notfound)",
    "(toomanyrequests)", "(internalservererror)", "(serviceunavailable)", "(paymentrequired)",
    "client error", "server error", "a timeout occurred", "web server is returning", "origin",
];

/// Words right before a status that say it is one (compared lowercased, after `:`, `(`, `=`, spaces).
const LEADS: &[&str] = &[
    "status code", "status", "statuscode", "status_code", "http_status", "http", "error code", "code",
    "api error", "returned error", "error", "failed with", "responded with", "response code",
];

/// The first HTTP error status (400-599) the text gives as one.
pub fn status_in(text: &str) -> Option<u16> {
    let b = text.as_bytes();
    let mut i = 0;
    // Only the start of a long text: a status is said near the head of a message, not inside its body.
    let end = b.len().min(600);
    while i + 3 <= end {
        if !(b[i] == b'4' || b[i] == b'5') || !b[i + 1].is_ascii_digit() || !b[i + 2].is_ascii_digit() {
            i += 1;
            continue;
        }
        let before_ok = i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'.' || b[i - 1] == b'-');
        // `429.` ends a sentence; `4.503` and `4290` are other numbers.
        let after_ok = match b.get(i + 3) {
            None => true,
            Some(b'.') => !b.get(i + 4).is_some_and(u8::is_ascii_digit),
            Some(c) => !c.is_ascii_alphanumeric(),
        };
        if before_ok && after_ok && (led(&text[..i]) || reasoned(&text[i + 3..]) || i == 0) {
            return text[i..i + 3].parse().ok();
        }
        i += 3;
    }
    None
}

/// The text before a number ends with a lead word.
fn led(before: &str) -> bool {
    let t = before.trim_end_matches([' ', ':', '(', '=', '"', '\'', '[']);
    if t.len() == before.len() && !before.is_empty() {
        return false;
    }
    let mut cut = t.len().saturating_sub(16);
    while !t.is_char_boundary(cut) {
        cut += 1;
    }
    let tail = t[cut..].to_ascii_lowercase();
    LEADS.iter().any(|l| tail.ends_with(l))
}

/// The text after a number starts with a reason phrase.
fn reasoned(after: &str) -> bool {
    let t = after.trim_start_matches([' ', ':', '-']);
    let head = &t.as_bytes()[..t.len().min(28)];
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    REASONS.iter().any(|r| head.starts_with(r))
}

/// The openai SDK class a class name stands for, and the status it implies: the stem of the name decides
/// (`RateLimitException`, `litellm.RateLimitError`, `Faraday::TooManyRequestsError`, `UnauthorizedException`).
pub fn equivalent(bare: &str) -> (Option<&'static str>, Option<u16>) {
    let stem = bare.trim_end_matches("Exception").trim_end_matches("Error");
    let stem = stem.strip_prefix("OpenAI").unwrap_or(stem).to_ascii_lowercase();
    let found: (&str, Option<u16>) = match stem.as_str() {
        "badrequest" | "invalidrequest" | "contextwindowexceeded" | "contextoverflow" | "contentpolicyviolation" | "unsupportedparams" => {
            ("BadRequestError", Some(400))
        }
        "authentication" | "unauthorized" | "invalidapikey" => ("AuthenticationError", Some(401)),
        "permissiondenied" | "forbidden" | "permission" => ("PermissionDeniedError", Some(403)),
        "notfound" | "resourcenotfound" => ("NotFoundError", Some(404)),
        "conflict" => ("ConflictError", Some(409)),
        "unprocessableentity" => ("UnprocessableEntityError", Some(422)),
        "ratelimit" | "toomanyrequests" | "insufficientquota" | "ratelimitexceeded" => ("RateLimitError", Some(429)),
        "internalserver" | "serviceunavailable" | "server" => ("InternalServerError", None),
        "timeout" | "apitimeout" | "requesttimeout" | "apiconnectiontimeout" => ("APITimeoutError", None),
        "apiconnection" | "connection" | "io" | "connect" | "fetch" => ("APIConnectionError", None),
        "apistatus" | "apiresponsevalidation" | "service" | "http" | "api" => ("APIStatusError", None),
        _ => return (None, None),
    };
    (Some(found.0), found.1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_said_as_statuses() {
        assert_eq!(status_in("error, status code: 429, status: 429 Too Many Requests"), Some(429));
        assert_eq!(status_in("HTTP 429 (insufficient_quota: insufficient_quota)"), Some(429));
        assert_eq!(status_in("Status: 404 (Not Found)"), Some(404));
        assert_eq!(status_in("the server responded with status 401"), Some(401));
        assert_eq!(status_in("429: {\"error\": {}}"), Some(429));
        assert_eq!(status_in("Handshake status 404 Not Found"), Some(404));
        assert_eq!(status_in("The requested URL returned error: 429"), Some(429));
        assert_eq!(status_in("exceeded retry limit, last status: 429 Too Many Requests"), Some(429));
        assert_eq!(status_in("api.openai.com | 524: A timeout occurred"), Some(524));
    }

    #[test]
    fn text_before_a_number_may_be_any_characters() {
        // Regression (a rich locals panel): the lead window started inside a box-drawing character.
        assert_eq!(status_in("│ │ http_error_msg = '429 Client Error'"), Some(429));
        assert_eq!(status_in("€€€€€€€ status 401"), Some(401));
    }

    #[test]
    fn numbers_that_are_not_statuses() {
        assert_eq!(status_in("Limit 30000, Used 429, Requested 500."), None);
        assert_eq!(status_in("line 429 of file.py"), None);
        assert_eq!(status_in("took 4.503s"), None);
        assert_eq!(status_in("port 4000"), None);
    }

    #[test]
    fn class_names_in_any_language() {
        assert_eq!(equivalent("RateLimitException"), (Some("RateLimitError"), Some(429)));
        assert_eq!(equivalent("TooManyRequestsError"), (Some("RateLimitError"), Some(429)));
        assert_eq!(equivalent("UnauthorizedException"), (Some("AuthenticationError"), Some(401)));
        assert_eq!(equivalent("OpenAIIoException"), (Some("APIConnectionError"), None));
        assert_eq!(equivalent("NullPointerException"), (None, None));
    }
}
