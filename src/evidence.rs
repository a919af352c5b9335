//! What a paste told us, and nothing more: the readers fill it, the classifier and the report read it.
//!
//! An [`Incident`] is one error the paste shows (an exception line, an HTTP status with its body, a log line
//! with a failing status). A paste often shows several (retries, then the final failure); the readers mark
//! the decisive one. Facts that belong to the whole paste (request id, rate-limit headers, root cause of a
//! connection error) sit on [`Evidence`] itself.

/// Where an incident was seen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// An exception line from a Python or Node traceback.
    Exception,
    /// An HTTP status line, with the body that followed it.
    Http,
    /// A JSON or dict body on its own.
    Body,
    /// A log line reporting a failed request.
    Log,
    /// Nothing structured: the pasted text itself.
    Text,
}

impl Source {
    /// The name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Source::Exception => "exception",
            Source::Http => "http",
            Source::Body => "body",
            Source::Log => "log",
            Source::Text => "text",
        }
    }
}

/// One error seen in the paste.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Incident {
    /// 1-based line number where it starts.
    pub line: usize,
    /// What kind of text it came from.
    pub source: Option<Source>,
    /// HTTP status.
    pub status: Option<u16>,
    /// Exception class as written: `openai.RateLimitError`, `openai.error.Timeout`, `RateLimitError`.
    pub class: Option<String>,
    /// `error.message`, or the exception's message.
    pub message: Option<String>,
    /// `error.type`.
    pub error_type: Option<String>,
    /// `error.code`.
    pub code: Option<String>,
    /// `error.param`.
    pub param: Option<String>,
    /// The OpenAI SDK class this client's or wrapper's error class stands for (`RateLimitException` in Java,
    /// `litellm.RateLimitError`, Vercel's `Cannot connect to API`): what the classifier can match a class on.
    pub equivalent: Option<&'static str>,
    /// The text the incident was read from, lowercased and capped: message fragments are matched here.
    pub text: String,
}

/// Which SDK (and version range) produced the paste.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sdk {
    /// `openai.error.*`: openai-python 0.x.
    Python0,
    /// `openai.X: Error code: N - {dict}`: openai-python 1.0 to 3.37.
    Python1,
    /// `openai.X: Error code: N - message`: openai-python 3.38 and later.
    Python338,
    /// `openai.X` with no telling message shape.
    Python,
    /// openai-node v4 (prints response headers and `request_id`).
    Node4,
    /// openai-node v5 or later (`requestID`, `headers: Headers {}`).
    Node5,
    /// openai-node, version unknown.
    Node,
    /// Another client or HTTP tool, by name: `go-openai`, `openai-java`, `openai-node v3`, `curl`.
    Client(&'static str),
}

impl Sdk {
    /// A short human name.
    pub fn as_str(self) -> &'static str {
        match self {
            Sdk::Python0 => "openai-python 0.x",
            Sdk::Python1 => "openai-python 1.0-3.37",
            Sdk::Python338 => "openai-python 3.38+",
            Sdk::Python => "openai-python",
            Sdk::Node4 => "openai-node v4",
            Sdk::Node5 => "openai-node v5+",
            Sdk::Node => "openai-node",
            Sdk::Client(name) => name,
        }
    }
}

/// The class of failure under a connection error.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CauseKind {
    /// TLS: certificate verification, SSL errors (often a corporate inspection proxy).
    Tls,
    /// A proxy refused or failed the tunnel.
    Proxy,
    /// The host name did not resolve.
    Dns,
    /// Nothing listens at that address (wrong base URL, local server down).
    Refused,
    /// The connection was cut mid-way.
    Reset,
    /// The network or server went silent for too long.
    Timeout,
}

impl CauseKind {
    /// A short name for JSON and the report.
    pub fn as_str(self) -> &'static str {
        match self {
            CauseKind::Tls => "tls",
            CauseKind::Proxy => "proxy",
            CauseKind::Dns => "dns",
            CauseKind::Refused => "refused",
            CauseKind::Reset => "reset",
            CauseKind::Timeout => "timeout",
        }
    }
}

/// The first underlying failure in an exception chain.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct RootCause {
    /// What class of failure it is.
    pub kind: CauseKind,
    /// The line that said so, trimmed.
    pub text: String,
}

/// Rate-limit figures from headers and messages. Values keep the text they were given in (`6m0s`, `9.816s`).
/// The JSON contract's `evidence.rate_limits`, field for field.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize)]
pub struct RateLimits {
    pub limit_requests: Option<String>,
    pub remaining_requests: Option<String>,
    pub reset_requests: Option<String>,
    pub limit_tokens: Option<String>,
    pub remaining_tokens: Option<String>,
    pub reset_tokens: Option<String>,
    /// The window named in a rate-limit message: `tokens per min (TPM)`, `requests per day (RPD)`.
    pub window: Option<String>,
    /// From the message: `Limit 30000`.
    pub limit: Option<u64>,
    /// From the message: `Used 8554`.
    pub used: Option<u64>,
    /// From the message: `Requested 30601`.
    pub requested: Option<u64>,
}

/// Everything the readers found.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Evidence {
    /// The errors seen, in paste order (a very long log keeps only its latest few hundred).
    pub incidents: Vec<Incident>,
    /// How many errors the paste showed in all.
    pub errors_seen: usize,
    /// Index into `incidents` of the error that decides the answer.
    pub decisive: Option<usize>,
    /// The SDK that produced the paste, when it shows.
    pub sdk: Option<Sdk>,
    /// Under a connection error: what really failed.
    pub root_cause: Option<RootCause>,
    /// `x-request-id` (or Azure's `apim-request-id`).
    pub request_id: Option<String>,
    /// `openai-organization` or the org named in a message.
    pub organization: Option<String>,
    /// `openai-project` or the project named in a message.
    pub project: Option<String>,
    /// The model requested.
    pub model: Option<String>,
    /// The endpoint called, e.g. `POST https://api.openai.com/v1/chat/completions`.
    pub endpoint: Option<String>,
    /// Rate-limit figures.
    pub rate: RateLimits,
    /// How long to wait, in milliseconds: `retry-after-ms`, `retry-after` (seconds), or "try again in 9.8s"
    /// from a message. (Integers throughout: no float code in the wasm.)
    pub retry_after_ms: Option<u64>,
    /// The timestamp closest before the decisive error, as written.
    pub timestamp: Option<String>,
    /// How many times the SDK said it was retrying.
    pub retries_seen: u32,
    /// The paste shows an OpenAI SDK, endpoint or header: status alone may then decide.
    pub openai_context: bool,
    /// The paste shows Azure OpenAI (`apim-request-id`, `x-ms-region`, Azure error shapes).
    pub azure: bool,
    /// The paste shows Cloudflare, which fronts the OpenAI API (`server: cloudflare`, `cf-ray`, its error
    /// pages): an edge error there is OpenAI's edge.
    pub cloudflare: bool,
    /// The request carried no key (`Authorization: Bearer undefined`): the key variable was never set.
    pub key_unset: bool,
    /// The service that answered, when the paste shows it (its host, a wrapper's provider word, a key prefix,
    /// a header): `OpenAI`, `Azure OpenAI`, `OpenRouter`, `DeepSeek`, `Groq`, `Ollama`, …
    pub provider: Option<&'static str>,
    /// The wrapper layers the error came through, outermost first: `LiteLLM`, `Vercel AI SDK`, `LangChain`.
    pub via: Vec<&'static str>,
    /// Another vendor whose error this is (`Google Gemini`, `Anthropic`, `Stripe`): nothing is matched then.
    pub foreign: Option<&'static str>,
}

impl Evidence {
    /// The decisive incident, if any error was seen at all.
    pub fn decisive(&self) -> Option<&Incident> {
        self.decisive.and_then(|i| self.incidents.get(i))
    }

    /// The status of the decisive error, else of the last incident that had one.
    pub fn status(&self) -> Option<u16> {
        self.decisive()
            .and_then(|i| i.status)
            .or_else(|| self.incidents.iter().rev().find_map(|i| i.status))
    }
}
