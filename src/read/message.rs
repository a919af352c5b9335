//! Facts inside error messages and nearby code: the model, organization and project a message names, the
//! figures of a rate-limit message (`Limit 30000, Used 29000, Requested 2000`, `try again in 9.8s`), a
//! request id quoted in prose, and which vendor's hosts the paste mentions.

use super::State;

const OPENAI_MARKS: &[&str] = &[
    "api.openai.com", "platform.openai.com", "help.openai.com", "OPENAI_API_KEY", "openai.azure.com",
    "openai._base_client", "from openai import", "import openai", "AzureOpenAI", "Azure OpenAI",
];
const FOREIGN_MARKS: &[&str] = &[
    "anthropic", "Anthropic", "googleapis.com", "api.mistral.ai", "api.cohere", "api.groq.com", "bedrock-runtime",
];

/// What any line says about who is involved (OpenAI, Azure, Cloudflare, another vendor) and, on code
/// lines, the model requested.
pub fn read_line(line: &str, st: &mut State) {
    let ev = &mut st.ev;
    // Each list is tried only when a cheap test says one of its marks could be there.
    let maybe_openai = line.contains("penai") || line.contains("PENAI") || line.contains("penAI");
    if maybe_openai && OPENAI_MARKS.iter().any(|m| line.contains(m)) {
        ev.openai_context = true;
        ev.azure |= line.contains("azure") || line.contains("Azure");
    }
    if line.contains("loudflare") {
        ev.cloudflare = true;
    }
    let maybe_foreign = line.contains("nthropic") || line.contains("api.") || line.contains("bedrock");
    if maybe_foreign && FOREIGN_MARKS.iter().any(|m| line.contains(m)) {
        ev.foreign = true;
    }
    if ev.model.is_none() && line.contains("model") {
        for lead in ["model=\"", "model='", "\"model\": \"", "\"model\":\"", "model: '", "model: \""] {
            if let Some(rest) = line.find(lead).map(|p| &line[p + lead.len()..]) {
                let name: String = rest.chars().take_while(|c| !matches!(c, '"' | '\'')).take(80).collect();
                if !name.is_empty() && !name.contains(' ') {
                    ev.model = Some(name);
                    break;
                }
            }
        }
    }
}

/// Facts inside an error message: model, organization, project, rate-limit figures, when to retry, a
/// request id quoted in prose. Called on messages only (exception lines, bodies, log errors, bare text).
pub fn read_message(line: &str, st: &mut State) {
    let ev = &mut st.ev;
    if let Some(m) = quoted_after(line, "The model `").or_else(|| quoted_after(line, "access to model `")) {
        ev.model = Some(m);
    }
    if let Some(p) = quoted_after(line, "Project `") {
        ev.project = Some(p);
    }
    for lead in ["Rate limit reached for ", "Request too large for "] {
        if let Some(rest) = line.find(lead).map(|p| &line[p + lead.len()..]) {
            if let Some(model) = rest.split_whitespace().next() {
                ev.model = Some(model.to_string());
            }
        }
    }
    if let Some(org) = word_after(line, "in organization ") {
        ev.organization.get_or_insert(org);
    }
    if let Some(p) = line.find(" per ").filter(|_| line.contains("Limit ")) {
        // `on tokens per min (TPM): Limit 30000, …`
        let start = line[..p].rfind(" on ").map_or(p, |s| s + 4);
        let end = line[p..].find(':').map_or(line.len(), |e| p + e);
        ev.rate.window = Some(line[start..end].trim().to_string());
        ev.rate.limit = number_after(line, "Limit ");
        ev.rate.used = number_after(line, "Used ");
        ev.rate.requested = number_after(line, "Requested ");
    }
    for lead in ["try again in ", "Try again in ", "retry after "] {
        if let Some(secs) = line.find(lead).and_then(|p| duration_seconds(&line[p + lead.len()..])) {
            ev.retry_after_seconds.get_or_insert(secs);
        }
    }
    if ev.request_id.is_none() {
        ev.request_id = word_after(line, "request ID ").or_else(|| word_after(line, "Request ID: "));
    }
}

fn quoted_after(line: &str, lead: &str) -> Option<String> {
    let rest = &line[line.find(lead)? + lead.len()..];
    let end = rest.find('`')?;
    (end > 0 && end < 120).then(|| rest[..end].to_string())
}

fn word_after(line: &str, lead: &str) -> Option<String> {
    let rest = &line[line.find(lead)? + lead.len()..];
    let word: String = rest.chars().take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '*' | '…')).collect();
    let word = word.trim_end_matches(['.', '…']).to_string();
    (word.len() >= 4).then_some(word)
}

fn number_after(line: &str, lead: &str) -> Option<u64> {
    let rest = &line[line.find(lead)? + lead.len()..];
    rest.chars().take_while(char::is_ascii_digit).collect::<String>().parse().ok()
}

/// `9.816s`, `20ms`, `1m30s`, `6m0s`, `2 seconds`, `86400 seconds` → seconds.
pub fn duration_seconds(s: &str) -> Option<f64> {
    let s = s.trim_start();
    let mut total = 0.0;
    let mut rest = s;
    let mut any = false;
    loop {
        let num: String = rest.chars().take_while(|c| c.is_ascii_digit() || *c == '.').collect();
        let digits = num.trim_end_matches('.');
        if digits.is_empty() {
            break;
        }
        let value: f64 = digits.parse().ok()?;
        rest = rest[num.len()..].trim_start();
        let unit: String = rest.chars().take_while(char::is_ascii_alphabetic).collect();
        let factor = match unit.as_str() {
            "ms" => 0.001,
            "s" | "sec" | "secs" | "second" | "seconds" => 1.0,
            "m" | "min" | "mins" | "minute" | "minutes" => 60.0,
            "h" | "hour" | "hours" => 3600.0,
            _ => return None,
        };
        total += value * factor;
        any = true;
        rest = &rest[unit.len()..];
    }
    any.then_some(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_in_the_shapes_the_api_uses() {
        assert_eq!(duration_seconds("9.816s. Visit"), Some(9.816));
        assert_eq!(duration_seconds("20ms"), Some(0.02));
        assert_eq!(duration_seconds("6m0s"), Some(360.0));
        assert_eq!(duration_seconds("2 seconds."), Some(2.0));
        assert_eq!(duration_seconds("a moment"), None);
    }
}
