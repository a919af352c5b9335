//! Node clients other than openai-node v4+'s classes (which `exception.rs` reads): openai-node v3, which is
//! axios (`Error: Request failed with status code 429` and the axios dump; `OpenAI/NodeJS/3.x` in its
//! headers), node-fetch's `FetchError` under v4 (`cause: FetchError: request to https://… failed, reason:
//! read ECONNRESET`), and the one-line `Error: 401 … at APIError.generate (…)` that loggers print.

use super::{ClassShape, LineShape};
use crate::evidence::Sdk;
use crate::read::State;
use crate::text::StrExt;

pub const CLASSES: &[ClassShape] = &[
    ClassShape { prefix: "AxiosError", client: "axios", openai: false, via: None },
    ClassShape { prefix: "FetchError", client: "node-fetch", openai: false, via: None },
];

pub const LINES: &[LineShape] = &[LineShape { marker: "Request failed with status code ", client: "axios", openai: false }];

/// Marks of openai-node v3 (its user agent, its `dist/api.js`), of v4's error factory on one line, and of
/// Perl's `OpenAI::API` dumped with `Data::Dumper`.
pub fn read_line(line: &str, st: &mut State) {
    // One test for all three before the searches (this runs on every line).
    if !(line.contains_str("penAI") || line.contains_str("openai/dist/")) {
        return;
    }
    if line.contains_str("OpenAI/NodeJS/3") || line.contains_str("openai/dist/api.js") || line.contains_str("openai/dist/base.js") {
        st.ev.sdk = Some(Sdk::Client("openai-node v3"));
        st.ev.openai_context = true;
    }
    if line.contains_str("APIError.generate") || line.contains_str("OpenAI.makeStatusError") {
        st.ev.openai_context = true;
        if !matches!(st.ev.sdk, Some(Sdk::Node4 | Sdk::Node5)) {
            st.ev.sdk = Some(Sdk::Node);
        }
    }
    if line.contains_str("'OpenAI::API'") || line.contains_str("OpenAI::API::") {
        st.ev.sdk = Some(Sdk::Client("Perl (OpenAI::API)"));
        st.ev.openai_context = true;
    }
}
