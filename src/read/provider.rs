//! Which service answered: OpenAI, or an OpenAI-compatible service reached through an OpenAI client (Azure
//! OpenAI, OpenRouter, DeepSeek, Groq, Moonshot, a local Ollama, vLLM or LM Studio, a LiteLLM proxy), told by
//! its host, a wrapper's provider word (LiteLLM's `OpenrouterException`), a key prefix or a body's shape.
//! And the look-alike vendors (Google Gemini, Anthropic, Mistral, Cohere, Hugging Face, Stripe, GitHub) whose
//! errors read like OpenAI's, which rule OpenAI out.
//!
//! Not for deciding anything: a service is recorded with how sure the reading is, and `State::finish` keeps
//! the surest.

use std::sync::OnceLock;

use super::literal::Value;
use super::needles::Needles;
use super::State;
use crate::text::StrExt;

/// How a service was recognised; a higher rank outweighs a lower one.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
pub enum Rank {
    /// A key prefix (`sk-or-`), a header, a mention.
    Hint = 1,
    /// The host the request went to.
    Host = 2,
    /// The answer itself: a wrapper's provider word, a service's own wording.
    Answer = 3,
    /// The error body's shape, which outweighs the word a wrapper put around it (LiteLLM says
    /// `OpenAIException` for Azure OpenAI too).
    Body = 4,
}

/// An OpenAI-compatible service: its name, hosts, LiteLLM provider word, key prefixes.
struct Service {
    name: &'static str,
    hosts: &'static [&'static str],
    /// LiteLLM names the provider that answered in `<Word>Exception` (lowercased here).
    words: &'static [&'static str],
    keys: &'static [&'static str],
    /// Words of the service's own error messages (read in messages only).
    marks: &'static [&'static str],
}

const SERVICES: &[Service] = &[
    Service { name: "OpenAI", hosts: &["api.openai.com"], words: &["openaiexception", "text-completion-openaiexception"], keys: &[], marks: &["platform.openai.com/account", "help.openai.com", "platform.openai.com/docs"] },
    Service { name: "Azure OpenAI", hosts: &[".openai.azure.com", ".cognitiveservices.azure.com"], words: &["azureexception", "azure_aiexception"], keys: &[], marks: &["Azure OpenAI API version", "azure-openai error"] },
    Service { name: "OpenRouter", hosts: &["openrouter.ai"], words: &["openrouterexception"], keys: &["sk-or-"], marks: &["openrouter.ai/", "Provider returned error"] },
    Service { name: "DeepSeek", hosts: &["api.deepseek.com"], words: &["deepseekexception"], keys: &[], marks: &["Insufficient Balance", "platform.deepseek.com"] },
    Service { name: "Groq", hosts: &["api.groq.com"], words: &["groqexception"], keys: &["gsk_"], marks: &["service tier `on_demand`", "console.groq.com", "groq.com/docs"] },
    Service {
        name: "Moonshot",
        hosts: &["api.moonshot.cn", "api.moonshot.ai"],
        words: &["moonshotexception"],
        keys: &[],
        marks: &["engine_overloaded_error", "The engine is currently overloaded", "request reached max request", "request reached organization max", "rate_limit_reached_error"],
    },
    Service { name: "Together AI", hosts: &["api.together.xyz", "api.together.ai"], words: &["together_aiexception"], keys: &[], marks: &[] },
    Service { name: "Fireworks AI", hosts: &["api.fireworks.ai"], words: &["fireworks_aiexception"], keys: &[], marks: &[] },
    Service { name: "xAI", hosts: &["api.x.ai"], words: &["xaiexception"], keys: &["xai-"], marks: &[] },
    Service { name: "Ollama", hosts: &["localhost:11434", "127.0.0.1:11434", "0.0.0.0:11434", "ollama:11434", "host.docker.internal:11434"], words: &["ollamaexception", "ollama_chatexception"], keys: &[], marks: &["try pulling it first"] },
    Service { name: "LM Studio", hosts: &["localhost:1234/", "127.0.0.1:1234/"], words: &["lm_studioexception"], keys: &[], marks: &[] },
    Service { name: "vLLM", hosts: &[], words: &["hosted_vllmexception", "vllmexception"], keys: &[], marks: &[] },
    Service { name: "Alibaba DashScope", hosts: &["dashscope.aliyuncs.com", "dashscope-intl.aliyuncs.com"], words: &["dashscopeexception"], keys: &[], marks: &["InternalError.Algo", "DataInspectionFailed"] },
    Service { name: "SiliconFlow", hosts: &["api.siliconflow.cn", "api.siliconflow.com"], words: &[], keys: &[], marks: &[] },
    Service { name: "Zhipu AI", hosts: &["open.bigmodel.cn"], words: &["zhipuexception"], keys: &[], marks: &[] },
    Service { name: "Volcengine Ark", hosts: &["ark.cn-beijing.volces.com"], words: &["volcengineexception"], keys: &[], marks: &[] },
    Service { name: "Perplexity", hosts: &["api.perplexity.ai"], words: &["perplexityexception"], keys: &["pplx-"], marks: &[] },
    Service { name: "Cerebras", hosts: &["api.cerebras.ai"], words: &["cerebrasexception"], keys: &["csk-"], marks: &[] },
    Service { name: "NVIDIA NIM", hosts: &["integrate.api.nvidia.com"], words: &["nvidia_nimexception"], keys: &["nvapi-"], marks: &[] },
    Service { name: "DeepInfra", hosts: &["api.deepinfra.com"], words: &["deepinfraexception"], keys: &[], marks: &[] },
    Service { name: "text-generation-webui", hosts: &["localhost:5000/v1", "127.0.0.1:5000/v1", "text-generation-webui"], words: &[], keys: &[], marks: &[] },
    Service { name: "LiteLLM proxy", hosts: &["localhost:4000", "127.0.0.1:4000", "0.0.0.0:4000"], words: &["litellm_proxyexception"], keys: &[], marks: &[] },
];

/// Another vendor: its name, the marks that show its answer (strong), and mentions (weak).
struct Vendor {
    name: &'static str,
    /// Marks of the vendor's own answer or SDK: seen, the error is the vendor's even if an OpenAI client
    /// carried it (Gemini's OpenAI-compatible endpoint answers in Google's shape).
    answer: &'static [&'static str],
    /// Mentions: the error is the vendor's only when nothing of OpenAI shows.
    mentions: &'static [&'static str],
}

const VENDORS: &[Vendor] = &[
    Vendor {
        name: "Google Gemini",
        answer: &[
            "RESOURCE_EXHAUSTED", "google.rpc.", "VertexAIException", "GeminiException", "Vertex_aiException",
            "vertex_ai_betaException", "generativelanguage.googleapis.com", "aiplatform.googleapis.com",
            "[GoogleGenerativeAI Error]", "google.api_core.exceptions", "google.genai.errors", "ai.google.dev",
            "PERMISSION_DENIED", "INVALID_ARGUMENT", "UNAUTHENTICATED", "langchain_google_genai", "Resource has been exhausted",
            "ResourceExhausted", "google.generativeai",
        ],
        mentions: &["googleapis.com", "gemini-"],
    },
    Vendor {
        name: "Anthropic",
        answer: &[
            "anthropic.RateLimitError", "anthropic.APIStatusError", "anthropic.BadRequestError",
            "anthropic.AuthenticationError", "anthropic.InternalServerError", "anthropic.APIConnectionError",
            "anthropic.NotFoundError", "anthropic.PermissionDeniedError", "anthropic.OverloadedError",
            "AnthropicException", "\"overloaded_error\"", "'overloaded_error'", "api.anthropic.com", "@anthropic-ai/sdk", "anthropic-version",
            "status.claude.com", "status.anthropic.com", "docs.anthropic.com", "console.anthropic.com",
        ],
        mentions: &["anthropic", "Anthropic", "claude-"],
    },
    Vendor { name: "Amazon Bedrock", answer: &["BedrockException", "bedrock-runtime", "ThrottlingException"], mentions: &["bedrock"] },
    Vendor { name: "Mistral", answer: &["api.mistral.ai", "MistralException", "mistralai.models", "mistralai.exceptions"], mentions: &["mistralai", "Mistral"] },
    Vendor { name: "Cohere", answer: &["api.cohere.ai", "api.cohere.com", "CohereException", "cohere.errors", "cohere.core.api_error"], mentions: &[] },
    Vendor {
        name: "Hugging Face",
        answer: &["huggingface_hub.errors", "HuggingfaceException", "api-inference.huggingface.co", "router.huggingface.co", "HfHubHTTPError"],
        mentions: &["huggingface.co"],
    },
    Vendor {
        name: "Stripe",
        answer: &["api.stripe.com", "stripe.error.", "stripe._error", "StripeInvalidRequest", "stripe.com/docs/error-codes", "node_modules/stripe/"],
        mentions: &[],
    },
    Vendor {
        name: "GitHub",
        answer: &["api.github.com", "docs.github.com/rest", "\"documentation_url\"", "API rate limit exceeded for", "@octokit/"],
        mentions: &[],
    },
    Vendor {
        name: "Azure Resource Manager",
        answer: &["management.azure.com", "Deploying Azure resources", "Microsoft.Resources/deployments"],
        mentions: &[],
    },
];

/// What a line's marks stand for.
#[derive(Clone, Copy)]
enum Mark {
    Host(usize),
    Key(usize),
    Answer(usize),
    Mention(usize),
    Url,
    ResponseRepr,
    AccessLog,
    SelfNamedServer,
}

/// Every mark a line is searched for, in one index (a search per mark per line was most of the time of a log
/// where every line is read).
fn line_marks() -> &'static (Needles, Vec<Mark>) {
    static MARKS: OnceLock<(Needles, Vec<Mark>)> = OnceLock::new();
    MARKS.get_or_init(|| {
        let mut needles = Vec::new();
        let mut marks = Vec::new();
        let mut add = |n: &'static str, m: Mark| {
            needles.push(n);
            marks.push(m);
        };
        for (i, s) in SERVICES.iter().enumerate() {
            s.hosts.iter().for_each(|h| add(h, Mark::Host(i)));
            s.keys.iter().for_each(|k| add(k, Mark::Key(i)));
        }
        for (i, v) in VENDORS.iter().enumerate() {
            v.answer.iter().for_each(|a| add(a, Mark::Answer(i)));
            v.mentions.iter().for_each(|m| add(m, Mark::Mention(i)));
        }
        add("://", Mark::Url);
        add("<Response [", Mark::ResponseRepr);
        add("HTTP/1.1\" ", Mark::AccessLog);
        add("HTTP/2\" ", Mark::AccessLog);
        add("<center>nginx", Mark::SelfNamedServer);
        add("<address>Apache", Mark::SelfNamedServer);
        (Needles::new(needles), marks)
    })
}

/// What any line says about the service that answered or another vendor, in one pass over it.
pub fn read_line(line: &str, st: &mut State) {
    let (ix, marks) = line_marks();
    let mut urls = false;
    ix.each(line, |n, at| match marks[n] {
        Mark::Host(s) => note(st, SERVICES[s].name, Rank::Host),
        Mark::Key(s) if at == 0 || !line.as_bytes()[at - 1].is_ascii_alphanumeric() => note(st, SERVICES[s].name, Rank::Hint),
        Mark::Key(_) => {}
        Mark::Answer(v) => {
            st.foreign_answer.get_or_insert(VENDORS[v].name);
        }
        Mark::Mention(v) => {
            st.ev.foreign.get_or_insert(VENDORS[v].name);
        }
        Mark::Url => urls = true,
        Mark::ResponseRepr => {
            // httpx's and requests' response repr in a locals panel: `<Response [429]>`, `<Response [401 Unauthorized]>`.
            let rest = &line[at + 11..];
            if let Some(status) = rest.get(..3).and_then(|d| d.parse().ok()).filter(|s| (400..=599).contains(s)) {
                st.side_status.get_or_insert(status);
            }
        }
        // A server's own access log (`"POST /chat HTTP/1.1" 429 Too Many Requests`): the statuses are its own.
        Mark::AccessLog => {
            let before = line[..at].trim_end_matches(' ');
            let path_start = before.rfind(' ').map_or(0, |p| p + 1);
            if before[path_start..].starts_with('/') {
                st.other_host = true;
            }
        }
        // A web server that names itself on its error page is no LLM service's edge (theirs is Cloudflare's).
        Mark::SelfNamedServer => st.other_host = true,
    });
    if urls {
        note_hosts(line, st);
    }
}

/// URLs whose host is no LLM service, nor local: another site, whose errors are not the API's.
fn note_hosts(line: &str, st: &mut State) {
    for p in line.find_str_all("://").take(8) {
        let host: String = line[p + 3..].chars().take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':')).collect();
        let llm = SERVICES.iter().any(|s| s.hosts.iter().any(|h| h.contains(host.as_str()) || host.contains(h.trim_end_matches('/'))))
            || ["openai", "localhost", "127.0.0.1", "0.0.0.0", "azure", "platform.", "help.", "github.com/openai"].iter().any(|m| host.contains(m));
        let docs = host.ends_with("github.com") || host.contains("stackoverflow") || host.contains("httpstatuses") || host.contains("mozilla.org");
        if !host.is_empty() && !llm && !docs {
            st.other_host = true;
        }
    }
}

/// Records a service seen with `rank`; the surest reading is kept (the first of equal ones).
pub fn note(st: &mut State, name: &'static str, rank: Rank) {
    if st.provider.is_none_or(|(r, _)| rank > r) {
        st.provider = Some((rank, name));
    }
    if name == "Azure OpenAI" {
        st.ev.azure = true;
    }
    st.ev.openai_context = true;
}

const OPENAI_SENTENCES: &[&str] = &[
    "You exceeded your current quota", "Incorrect API key provided", "You didn't provide an API key",
    "That model is currently overloaded", "The server had an error while processing your request", "That model does not exist",
];

/// Words of a service's own error messages (`service tier `on_demand`` is Groq's, `platform.openai.com/account`
/// OpenAI's), then OpenAI's own sentences, which only hint: others copy some of them (Gemini's quota error).
pub fn read_message(message: &str, st: &mut State) {
    static WORDS: OnceLock<(Needles, Vec<Option<usize>>)> = OnceLock::new();
    let (ix, owners) = WORDS.get_or_init(|| {
        let mut needles = Vec::new();
        let mut owners = Vec::new();
        for (i, s) in SERVICES.iter().enumerate() {
            for m in s.marks {
                needles.push(*m);
                owners.push(Some(i));
            }
        }
        for m in OPENAI_SENTENCES {
            needles.push(*m);
            owners.push(None);
        }
        (Needles::new(needles), owners)
    });
    let mut service = None;
    let mut sentence = false;
    ix.each(message, |n, _| match owners[n] {
        Some(s) => service = Some(service.map_or(s, |t: usize| t.min(s))),
        None => sentence = true,
    });
    match service {
        Some(s) => note(st, SERVICES[s].name, Rank::Answer),
        None if sentence => note(st, "OpenAI", Rank::Hint),
        None => {}
    }
}

/// A gateway's own error page: `<title>api.openai.com | 524: A timeout occurred</title>` (Cloudflare), and the
/// status its title gives.
pub fn read_title(line: &str, st: &mut State) {
    let Some(p) = line.find_str("<title>") else { return };
    let title = &line[p + 7..];
    let title = &title[..title.find_str("</title>").unwrap_or(title.len())];
    let after_bar = title.rsplit('|').next().unwrap_or(title).trim_ws();
    // Cloudflare's `host | 522: Connection timed out`: the status before a colon.
    let cf = after_bar.get(..4).filter(|h| h.ends_with(':')).and_then(|h| h[..3].parse::<u16>().ok()).filter(|s| (400..=599).contains(s));
    if let Some(status) = cf.or_else(|| super::clients::status_in(after_bar)) {
        st.side_status.get_or_insert(status);
        // `host | 502: Bad gateway` is Cloudflare's error page title.
        if title.contains_str(" | ") {
            st.gateway_page = true;
            st.ev.cloudflare = true;
        }
    }
}

/// LiteLLM's `<Provider>Exception` word: the service (or the other vendor) that answered.
pub fn from_word(word: &str, st: &mut State) -> bool {
    let lower = word.to_ascii_lowercase();
    if let Some(s) = SERVICES.iter().find(|s| s.words.contains(&lower.as_str())) {
        note(st, s.name, Rank::Answer);
        return true;
    }
    if let Some(v) = VENDORS.iter().find(|v| v.answer.iter().any(|m| m.eq_ignore_ascii_case(word))) {
        st.foreign_answer.get_or_insert(v.name);
        return true;
    }
    false
}

/// What an error body's shape says: OpenAI's four-field object, Azure's code-and-message, vLLM's
/// `"object": "error"`, Anthropic's `{"type": "error"}` envelope, Google's `status: RESOURCE_EXHAUSTED`.
pub fn note_body(body: &Value, err: &Value, st: &mut State) {
    let has = |k: &str| err.get(k).is_some();
    if has("message") && has("type") && has("param") && has("code") {
        st.ev.openai_context = true;
    }
    let code = err.get("code").and_then(Value::text).unwrap_or_default();
    let azure_code = !has("type") && (code.len() == 3 && code.bytes().all(|b| b.is_ascii_digit()) || code == "DeploymentNotFound");
    // OpenRouter and DeepSeek send a numeric code too, but with their own marks; Azure's is a string.
    let numeric = matches!(err.get("code"), Some(Value::Num(_)));
    if (azure_code && !numeric) || has("innererror") {
        note(st, "Azure OpenAI", Rank::Body);
    }
    // OpenRouter's error carries the status as a number in `code`, with no type (Google's has a status too).
    if matches!(err.get("code"), Some(Value::Num(_))) && !has("type") && !has("status") && has("message") {
        note(st, "OpenRouter", Rank::Host);
    }
    // Cloudflare's own JSON errors in front of the API: `"type": "cf_bad_gateway"`.
    if err.get("type").and_then(Value::text).is_some_and(|t| t.starts_with("cf_")) {
        st.ev.cloudflare = true;
        note(st, "Cloudflare", Rank::Body);
    }
    if body.get("object").and_then(Value::text) == Some("error") {
        note(st, "vLLM", Rank::Body);
    }
    // Realtime error events have the same envelope, with OpenAI's code, param and event id.
    let anthropic = body.get("type").and_then(Value::text) == Some("error")
        && err.get("type").and_then(Value::text).is_some_and(|t| t.ends_with("_error"))
        && !has("code")
        && !has("param")
        && body.get("event_id").is_none();
    let google = err
        .get("status")
        .and_then(Value::text)
        .is_some_and(|s| s.len() > 3 && s.bytes().all(|b| b.is_ascii_uppercase() || b == b'_'));
    // Azure Resource Manager's own DeploymentNotFound (a template deployment, not a model deployment).
    let message = err.get("message").and_then(Value::text).unwrap_or_default();
    if code == "DeploymentNotFound" && message.starts_with("Deployment '") && message.ends_with("could not be found.") {
        st.foreign_answer.get_or_insert("Azure Resource Manager");
    }
    if anthropic {
        st.foreign_answer.get_or_insert("Anthropic");
    } else if google {
        st.foreign_answer.get_or_insert("Google Gemini");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(lines: &[&str]) -> State {
        let mut st = State::default();
        for l in lines {
            read_line(l, &mut st);
        }
        st
    }

    #[test]
    fn hosts_name_the_service_and_the_surest_reading_wins() {
        let st = read(&["POST https://openrouter.ai/api/v1/chat/completions"]);
        assert_eq!(st.provider, Some((Rank::Host, "OpenRouter")));
        let mut st = read(&["base_url='http://localhost:11434/v1'"]);
        assert_eq!(st.provider.map(|p| p.1), Some("Ollama"));
        assert!(from_word("DeepseekException", &mut st));
        assert_eq!(st.provider, Some((Rank::Answer, "DeepSeek")));
    }

    #[test]
    fn key_prefixes_only_at_a_word_start() {
        assert_eq!(read(&["api_key='sk-or-v1-****abcd'"]).provider.map(|p| p.1), Some("OpenRouter"));
        assert_eq!(read(&["task-or-other"]).provider, None);
    }

    #[test]
    fn another_vendors_answer_and_mentions() {
        let st = read(&["'status': 'RESOURCE_EXHAUSTED'"]);
        assert_eq!(st.foreign_answer, Some("Google Gemini"));
        let st = read(&["model = 'claude-3-5-sonnet'"]);
        assert_eq!((st.foreign_answer, st.ev.foreign), (None, Some("Anthropic")));
    }
}
