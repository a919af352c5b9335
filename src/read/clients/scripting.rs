//! Clients of scripting languages: openai-php (`OpenAI\Exceptions\ErrorException: …`), Guzzle under it
//! (`Client error: … resulted in a `429 Too Many Requests` response`), ruby-openai and the Faraday errors
//! it raises (`Faraday::TooManyRequestsError: the server responded with status 429`), Perl's `OpenAI::API`
//! (`429 Too Many Requests at …/API.pm line 48.`), and curl's own failure line (Emacs packages and shell
//! scripts: `curl: (22) The requested URL returned error: 429`).

use super::{ClassShape, LineShape};

pub const CLASSES: &[ClassShape] = &[
    ClassShape { prefix: "OpenAI\\", client: "openai-php", openai: true, via: None },
    ClassShape { prefix: "GuzzleHttp\\", client: "Guzzle", openai: false, via: None },
    ClassShape { prefix: "Faraday::", client: "ruby-openai (Faraday)", openai: false, via: None },
    ClassShape { prefix: "OpenAI::", client: "ruby-openai", openai: true, via: None },
    ClassShape { prefix: "RubyLLM::", client: "ruby_llm", openai: false, via: None },
    ClassShape { prefix: "WebSocketBadStatusException", client: "websocket-client", openai: false, via: None },
    ClassShape { prefix: "websocket._exceptions.", client: "websocket-client", openai: false, via: None },
];

pub const LINES: &[LineShape] = &[
    LineShape { marker: ".pm line ", client: "Perl (OpenAI::API)", openai: false },
    // Emacs packages and shell scripts run curl with `--fail` against the API.
    LineShape { marker: "curl: (22)", client: "curl", openai: true },
    // Emacs' request.el: `[error] request--callback: peculiar error: 401`.
    LineShape { marker: "peculiar error: ", client: "request.el (Emacs)", openai: false },
    // httpx's `raise_for_status()`: `Client error '400 Bad Request' for url 'https://…'`.
    LineShape { marker: "Client error '", client: "httpx", openai: false },
    // Faraday's message alone: `the server responded with status 400 for POST https://…`.
    LineShape { marker: "the server responded with status ", client: "Faraday", openai: false },
    LineShape { marker: "Server error '", client: "httpx", openai: false },
    LineShape { marker: "Client Error: ", client: "requests", openai: false },
    LineShape { marker: "Server Error: ", client: "requests", openai: false },
    LineShape { marker: "Handshake status ", client: "websocket-client", openai: false },
];
