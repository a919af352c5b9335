//! What the answer says about the layers a paste came through: the wrappers (`via`), the service that
//! answered (`provider`), and that service's own fix where it differs from OpenAI's (OpenRouter's credits
//! page, not OpenAI billing). Reads the evidence only; the readers found the layers.

use crate::catalogue::Entry;
use crate::evidence::Evidence;

/// (service, statuses the advice is for (empty: any), the advice).
const ADVICE: &[(&str, &[u16], &str)] = &[
    ("OpenRouter", &[402], "Credits here are OpenRouter's, not OpenAI's: add credits at https://openrouter.ai/settings/credits, or lower max_tokens so the request fits the balance."),
    ("OpenRouter", &[429], "OpenRouter limits free models and each key on its own terms, and passes on the upstream provider's limits: see https://openrouter.ai/docs/api-reference/limits, or pick another provider or model."),
    ("OpenRouter", &[401, 403], "Use an OpenRouter key (sk-or-…) with base_url https://openrouter.ai/api/v1; an OpenAI key does not work there, nor an OpenRouter key at api.openai.com."),
    ("DeepSeek", &[402], "Insufficient Balance is DeepSeek's account balance: top it up at https://platform.deepseek.com/top_up; OpenAI billing has nothing to do with it."),
    ("DeepSeek", &[401], "Use a DeepSeek key from https://platform.deepseek.com/api_keys with base_url https://api.deepseek.com."),
    ("Groq", &[413, 429], "Groq's limits are per model and per minute (https://console.groq.com/settings/limits): a request larger than the model's tokens-per-minute limit never fits, so shorten it or choose a model with a higher limit."),
    ("Moonshot", &[429], "Moonshot limits how many requests run at once by account tier: send fewer at a time, or recharge to reach a higher tier (https://platform.moonshot.ai)."),
    ("Ollama", &[404], "A local Ollama answered 404: the base URL must end in /v1 (http://localhost:11434/v1) and the model must be pulled first (ollama pull <model>)."),
    ("LM Studio", &[404], "LM Studio answered 404: the base URL must end in /v1 (http://localhost:1234/v1) and the model must be loaded."),
    ("vLLM", &[404], "vLLM answered 404: the base URL must end in /v1 and the model name must be the one the server was started with (GET /v1/models lists it)."),
    ("Ollama", &[], "This is a local Ollama server: keys, quotas and OpenAI billing do not apply; check that it runs (ollama serve) and that the model is pulled."),
    ("LM Studio", &[], "This is a local LM Studio server: check that its server is started and a model is loaded."),
    ("LiteLLM proxy", &[], "A LiteLLM proxy answered: its own logs show the upstream provider's error and which key or model it used."),
];

/// "LiteLLM → OpenRouter": the wrapper layers, then the service that answered.
pub fn chain(ev: &Evidence) -> Option<String> {
    let mut parts: Vec<&str> = ev.via.clone();
    if let Some(p) = ev.provider {
        parts.push(p);
    }
    if parts.is_empty() || parts == ["OpenAI"] {
        return None;
    }
    Some(parts.join(" → "))
}

/// Notes on the layers for the answer: the chain, and the answering service's own fix.
pub fn notes(_entry: &Entry, ev: &Evidence, notes: &mut Vec<String>) {
    if let Some(chain) = chain(ev) {
        let other = ev.provider.filter(|p| *p != "OpenAI");
        notes.push(match other {
            Some("Cloudflare") => format!(
                "Cloudflare answered{}, with its own error page: it fronts the API and could not get an answer from the \
                 servers behind it in time. This is on the service's side; retry later.",
                if ev.via.is_empty() { String::new() } else { format!(" (via {})", ev.via.join(" → ")) }
            ),
            Some(p) if ev.via.is_empty() => format!("The answer came from {p}, an OpenAI-compatible service, not from OpenAI itself."),
            Some(p) => format!("The error came via {chain}: {p} answered, not OpenAI itself."),
            None => format!("The error came via {chain}: the message inside is the OpenAI API's."),
        });
    }
    let status = ev.status();
    if let Some(p) = ev.provider {
        let fits = |statuses: &[u16]| statuses.is_empty() || status.is_some_and(|s| statuses.contains(&s));
        if let Some((_, _, advice)) = ADVICE.iter().find(|(name, statuses, _)| *name == p && fits(statuses)) {
            notes.push((*advice).to_string());
        }
    }
    if ev.key_unset {
        notes.push("The request went out as `Authorization: Bearer undefined`: the API key was never set in this process \
             (OPENAI_API_KEY is empty where the code runs, or the apiKey option got an unset variable)."
            .into());
    }
}
