//! Wrappers: libraries and tools that catch the client's error and raise or print their own around it.
//! Each is a layer to peel: the layer is recorded in `Evidence.via` (outermost first), the error inside is
//! read as if it stood alone, and the wrapper's own class stands for the openai SDK class it mirrors.
//!
//! - LiteLLM: `litellm.RateLimitError: RateLimitError: OpenAIException - <inner>`; the `<Provider>Exception`
//!   word names the service that answered.
//! - Vercel AI SDK: `AI_APICallError: <message>` (or `APICallError [AI_APICallError]: …`), `AI_RetryError:
//!   Failed after 3 attempts. Last error: <inner>`, `AI_LoadAPIKeyError`, `Cannot connect to API: …`.
//! - LangChain: `langchain_openai` / `@langchain/openai` frames, its own classes (`InsufficientQuotaError`),
//!   and the `Troubleshooting URL: …/errors/MODEL_RATE_LIMIT/` tail that names the error's kind.
//! - Coding tools: `[API Error: 400 …]`, `API error (400): …`, `exceeded retry limit, last status: 429`,
//!   Continue's `HTTP 429 Too Many Requests from https://…`.

use super::clients::{bare_class, equivalent, status_in};
use std::sync::OnceLock;

use super::needles::Needles;
use super::{provider, State};
use crate::evidence::Source;
use crate::text::StrExt;

/// Every layer name the readers can put in `Evidence.via` (the corpus checks labels against it).
pub const LAYERS: &[&str] = &[
    "LiteLLM", "LangChain", "LangChain.js", "Vercel AI SDK", "LlamaIndex", "AutoGen", "CrewAI", "Semantic Kernel", "Spring AI",
    "LangChain4j", "Codex", "n8n", "Cline", "Roo Code", "a coding assistant (Gemini CLI / Qwen Code)", "Helicone",
];

/// Lines of tools that print the error inside their own words: (marker, the tool, where its error starts).
/// (marker, the tool, whether the tool talks to OpenAI unless told otherwise).
const TOOL_LINES: &[(&str, &str, bool)] = &[
    ("[API Error: ", "a coding assistant (Gemini CLI / Qwen Code)", false),
    ("exceeded retry limit, last status", "Codex", true),
    ("unexpected status 4", "Codex", true),
    ("unexpected status 5", "Codex", true),
    ("API Request Failed", "Cline", false),
    ("OpenAI completion error: ", "Roo Code", true),
];

/// Marks of a wrapper anywhere in the paste (frames, headers, dumps): (mark, layer). LiteLLM's comes first.
const MARKS_TABLE: &[(&str, &str)] = &[
    ("litellm", "LiteLLM"),
    ("langchain_", "LangChain"),
    ("langchain.", "LangChain"),
    ("@langchain/", "LangChain.js"),
    ("node_modules/langchain", "LangChain.js"),
    ("js.langchain.com", "LangChain.js"),
    ("site-packages/langchain", "LangChain"),
    ("python.langchain.com", "LangChain"),
    ("@ai-sdk/", "Vercel AI SDK"),
    ("vercel.ai.error", "Vercel AI SDK"),
    ("attempts. Last error: ", "Vercel AI SDK"),
    ("hconeai.com", "Helicone"),
    ("helicone.ai", "Helicone"),
    ("llama_index", "LlamaIndex"),
    ("llama-index", "LlamaIndex"),
    ("autogen", "AutoGen"),
    ("AutoGen", "AutoGen"),
    ("crewai", "CrewAI"),
    ("CrewAI", "CrewAI"),
    ("LiteLLM", "LiteLLM"),
    ("semantic_kernel", "Semantic Kernel"),
    ("Microsoft.SemanticKernel", "Semantic Kernel"),
    ("org.springframework.ai", "Spring AI"),
    ("dev.langchain4j", "LangChain4j"),
];

/// Where LangChain.js's marks sit in [`MARKS_TABLE`].
const JS_LANGCHAIN: (usize, usize) = (4, 5);

/// n8n's own words for an HTTP error of the node it ran, and the status each stands for.
const N8N: &[(&str, u16)] = &[
    ("Bad request - please check your parameters", 400),
    ("Authorization failed - please check your credentials", 401),
    ("Forbidden - perhaps check your credentials", 403),
    ("The resource you are requesting could not be found", 404),
    ("The service is receiving too many requests from you", 429),
    ("The service was not able to process your request", 500),
    ("Bad gateway - the service failed to handle your request", 502),
    ("Service unavailable - try again later", 503),
];

/// Adds a layer to `via`, once, in the order the paste shows them.
pub fn push_via(st: &mut State, layer: &'static str) {
    if !st.ev.via.contains(&layer) && st.ev.via.len() < 8 {
        st.ev.via.push(layer);
    }
    // A wrapper of LLM clients: the call went to an OpenAI-compatible API unless another vendor shows.
    st.ev.openai_context = true;
}

/// What a wrapper mark found on a line stands for.
#[derive(Clone, Copy)]
enum Found {
    Layer(usize),
    N8n(usize),
    LiteLlmShape,
    Troubleshooting,
}

/// Every wrapper mark, in one index.
fn marks() -> &'static (Needles, Vec<Found>) {
    static MARKS: OnceLock<(Needles, Vec<Found>)> = OnceLock::new();
    MARKS.get_or_init(|| {
        let mut needles = Vec::new();
        let mut found = Vec::new();
        for (i, (mark, _)) in MARKS_TABLE.iter().enumerate() {
            needles.push(*mark);
            found.push(Found::Layer(i));
        }
        for (i, (words, _)) in N8N.iter().enumerate() {
            needles.push(*words);
            found.push(Found::N8n(i));
        }
        for shape in ["Exception - ", "Exception BadRequestError", "Error - "] {
            needles.push(shape);
            found.push(Found::LiteLlmShape);
        }
        needles.push("/errors/");
        found.push(Found::Troubleshooting);
        (Needles::new(needles), found)
    })
}

/// Wrapper marks on any line: they add a layer (and what the layer's words say) but read no error.
pub fn note_marks(line: &str, st: &mut State) {
    let (ix, kinds) = marks();
    // One bit per mark of MARKS_TABLE (fewer than 32).
    let mut layers = 0u32;
    let (mut n8n, mut litellm_shape, mut troubleshooting) = (None, false, None);
    ix.each(line, |n, at| match kinds[n] {
        Found::Layer(i) => layers |= 1 << i,
        Found::N8n(i) => n8n = Some(i),
        Found::LiteLlmShape => litellm_shape = true,
        Found::Troubleshooting => troubleshooting = Some(at),
    });
    for (_, (mark, layer)) in MARKS_TABLE.iter().enumerate().filter(|(i, _)| layers & (1 << i) != 0) {
        // `langchain.` and `langchain_` are Python's; `js.langchain.com` and `node_modules/langchain` are not.
        let js = matches!(*mark, "langchain." | "langchain_") && layers & (1 << JS_LANGCHAIN.0 | 1 << JS_LANGCHAIN.1) != 0;
        if js {
            continue;
        }
        push_via(st, layer);
        if *layer == "LiteLLM" {
            provider_word(line, st);
        }
    }
    if let Some(i) = n8n {
        push_via(st, "n8n");
        let status = N8N[i].1;
        match st.ev.incidents.last_mut() {
            Some(inc) if inc.status.is_none() => inc.status = Some(status),
            Some(_) => {}
            None => {
                let inc = st.incident(Source::Exception, line);
                inc.status = Some(status);
                inc.message = Some(line.trim_ws().trim_matches('"').to_string());
            }
        }
    }
    // LiteLLM's `<Provider>Exception - …` / `<Provider>Exception <Class> - …`, even where its name is not printed.
    if litellm_shape && provider_word(line, st) {
        push_via(st, "LiteLLM");
    }
    if let Some(p) = troubleshooting {
        // LangChain's troubleshooting pages are named after the error's kind.
        let kind = &line[p + 8..];
        let status = [("MODEL_RATE_LIMIT", 429), ("MODEL_AUTHENTICATION", 401), ("MODEL_NOT_FOUND", 404)]
            .iter()
            .find(|(k, _)| kind.starts_with(k))
            .map(|(_, s)| *s);
        if let (Some(status), Some(inc)) = (status, st.ev.incidents.last_mut()) {
            inc.status.get_or_insert(status);
        }
    }
}

/// LiteLLM's `<Provider>Exception` word in a line: the service that answered.
fn provider_word(line: &str, st: &mut State) -> bool {
    for p in line.find_str_all("Exception") {
        let start = line[..p]
            .char_indices()
            .rfind(|&(_, c)| !(c.is_ascii_alphanumeric() || c == '_'))
            .map_or(0, |(s, c)| s + c.len_utf8());
        let word = &line[start..p + 9];
        if word.len() > 9 && provider::from_word(word, st) {
            return true;
        }
    }
    false
}

/// A wrapper's exception (`litellm.X`, `AI_X`, LangChain's classes) or a tool's error line; true when the
/// line was read here.
pub fn read_line(line: &str, found: Option<(&str, &str)>, st: &mut State) -> bool {
    if let Some((class, message)) = found {
        let bare = bare_class(class);
        if class.starts_with("litellm.") {
            push_via(st, "LiteLLM");
            provider_word(message, st);
            return layer(class, inner_of_litellm(message), line, st);
        }
        if let Some(name) = vercel_class(line, class) {
            push_via(st, "Vercel AI SDK");
            let message = message.find_str("Last error: ").map_or(message, |p| &message[p + 12..]);
            return layer(name, message, line, st);
        }
        // LangChain's own classes: LangChain.js's for quota, langchain-openai's for context overflow.
        if bare == "InsufficientQuotaError" {
            push_via(st, "LangChain.js");
            return layer(class, message, line, st);
        }
        if matches!(bare, "OpenAIContextOverflowError" | "ContextOverflowError") {
            push_via(st, "LangChain");
            return layer(class, message, line, st);
        }
    }
    static TOOLS: OnceLock<Needles> = OnceLock::new();
    let tools = TOOLS.get_or_init(|| Needles::new(TOOL_LINES.iter().map(|t| t.0)));
    let mut first = None;
    tools.each(line, |n, _| {
        first.get_or_insert(n);
    });
    let Some((marker, tool, openai)) = first.map(|n| &TOOL_LINES[n]) else { return false };
    let at = line.find_str(marker).unwrap_or(0);
    let rest = &line[at..];
    let Some(status) = status_in(rest) else { return false };
    push_via(st, tool);
    st.ev.openai_context |= *openai;
    let inc = st.incident(Source::Exception, line);
    inc.status = Some(status);
    let message = rest[marker.len()..].trim_start_matches(|c: char| c.is_ascii_digit() || " ():".contains(c));
    inc.message = Some(message.trim_end_matches(']').trim_ws().to_string()).filter(|m| !m.is_empty());
    true
}

/// Whether a line is a coding tool's error line.
pub fn is_tool_line(line: &str) -> bool {
    TOOL_LINES.iter().any(|(m, _, _)| line.contains_str(m))
}

/// `AI_APICallError: …`, or `APICallError [AI_APICallError]: …` (the class printed before its name).
fn vercel_class<'a>(line: &'a str, class: &'a str) -> Option<&'a str> {
    if class.starts_with("AI_") {
        return Some(class);
    }
    let p = line.find_str("[AI_")?;
    let end = line[p..].find(']')?;
    Some(&line[p + 1..p + end])
}

/// The error inside LiteLLM's message: past the repeated class names and the provider word.
fn inner_of_litellm(message: &str) -> &str {
    let mut m = message.trim_ws();
    for _ in 0..4 {
        let word_end = m.find([' ', ':']).unwrap_or(m.len());
        let word = &m[..word_end];
        let is_class = word.ends_with("Error") || word.ends_with("Exception");
        if !is_class || word_end == m.len() {
            break;
        }
        m = m[word_end..].trim_start_matches([':', ' ', '-']);
    }
    m
}

/// Records the wrapper's exception as an incident: its class as written, the class it mirrors, the status
/// the inner error (or the class) gives.
fn layer(class: &str, inner: &str, line: &str, st: &mut State) -> bool {
    let bare = bare_class(class).trim_start_matches("AI_");
    let (mut eq, class_status) = equivalent(bare);
    if inner.starts_with("Cannot connect to API") {
        eq = Some("APIConnectionError");
    }
    let status = status_in(inner).or(class_status);
    let inc = st.incident(Source::Exception, line);
    inc.class = Some(class.to_string());
    inc.equivalent = eq;
    inc.status = status;
    inc.message = (!inner.is_empty()).then(|| inner.to_string());
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(line: &str, found: Option<(&str, &str)>) -> State {
        let mut st = State::default();
        assert!(read_line(line, found, &mut st), "{line}");
        st
    }

    #[test]
    fn litellm_is_peeled_and_names_the_provider() {
        let line = "litellm.RateLimitError: RateLimitError: OpenrouterException - {\"error\":{\"code\":429}}";
        let st = one(line, Some(("litellm.RateLimitError", "RateLimitError: OpenrouterException - {\"error\":{\"code\":429}}")));
        assert_eq!(st.ev.via, ["LiteLLM"]);
        assert_eq!(st.provider.map(|p| p.1), Some("OpenRouter"));
        let inc = st.ev.incidents.last().expect("incident");
        assert_eq!((inc.status, inc.equivalent), (Some(429), Some("RateLimitError")));
        assert_eq!(inc.message.as_deref(), Some("{\"error\":{\"code\":429}}"));
    }

    #[test]
    fn vercel_retry_error_keeps_the_last_error() {
        let line = "AI_RetryError: Failed after 3 attempts. Last error: Rate limit reached for gpt-4o";
        let st = one(line, Some(("AI_RetryError", "Failed after 3 attempts. Last error: Rate limit reached for gpt-4o")));
        assert_eq!(st.ev.via, ["Vercel AI SDK"]);
        assert_eq!(st.ev.incidents[0].message.as_deref(), Some("Rate limit reached for gpt-4o"));
    }

    #[test]
    fn coding_tool_lines() {
        let st = one("✕ [API Error: 401 Incorrect API key provided: sk-****abcd.]", None);
        assert_eq!(st.ev.incidents[0].status, Some(401));
        assert_eq!(st.ev.incidents[0].message.as_deref(), Some("Incorrect API key provided: sk-****abcd."));
        let st = one("stream error: exceeded retry limit, last status: 429 Too Many Requests", None);
        assert_eq!((st.ev.via.clone(), st.ev.incidents[0].status), (vec!["Codex"], Some(429)));
    }
}
