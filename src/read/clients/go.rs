//! Go clients: go-openai (`error, status code: 429, status: 429 Too Many Requests, message: …`), the
//! official openai-go (`POST "https://api.openai.com/v1/…": 429 Too Many Requests {…}`), other Go code
//! (`unexpected status code: 429: …`), and the `net/http` failures under them (`Post "https://…": dial tcp:
//! lookup api.openai.com: no such host`), which `exception.rs` reads as connection causes.

use super::{ClassShape, LineShape};

pub const CLASSES: &[ClassShape] = &[];

pub const LINES: &[LineShape] = &[
    LineShape { marker: "error, status code: ", client: "go-openai", openai: true },
    LineShape { marker: "POST \"https://api.openai.com/", client: "openai-go", openai: true },
    LineShape { marker: "unexpected status code: ", client: "a Go client", openai: false },
    LineShape { marker: "POST \"http", client: "a Go client", openai: false },
    // `fmt.Println(resp)` of an `*http.Response`: `&{429 Too Many Requests 429 HTTP/2.0 …`.
    LineShape { marker: "&{", client: "Go net/http", openai: false },
];
