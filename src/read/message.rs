//! Facts inside error messages and nearby code: the model, organization and project a message names, the
//! figures of a rate-limit message (`Limit 30000, Used 29000, Requested 2000`, `try again in 9.8s`), a
//! request id quoted in prose, and whether the paste shows OpenAI at all.

use super::State;
use crate::text::StrExt;

const OPENAI_MARKS: &[&str] = &[
    "api.openai.com", "platform.openai.com", "help.openai.com", "OPENAI_API_KEY", "openai.azure.com",
    "openai._base_client", "from openai import", "import openai", "AzureOpenAI", "Azure OpenAI", "OpenAI API",
    "azure-openai", "openai-",
];

/// What any line says about who is involved (OpenAI, Azure, Cloudflare; other services are `provider.rs`'s) and, on code
/// lines, the model requested.
pub fn read_line(line: &str, st: &mut State) {
    let ev = &mut st.ev;
    // Each list is tried only when a cheap test says one of its marks could be there.
    let maybe_openai = line.contains_str("penai") || line.contains_str("PENAI") || line.contains_str("penAI");
    if maybe_openai && OPENAI_MARKS.iter().any(|m| line.contains_str(m)) {
        ev.openai_context = true;
        ev.azure |= line.contains_str("azure") || line.contains_str("Azure");
    }
    if line.contains_str("loudflare") {
        ev.cloudflare = true;
    }
    if ev.model.is_none() {
        ev.model = model_in_code(line);
    }
}

/// `model="gpt-4o"`, `model='gpt-4o'`, `"model": "gpt-4o"`, `model: 'gpt-4o'` (Python, JSON, JavaScript).
fn model_in_code(line: &str) -> Option<String> {
    for p in line.find_str_all("model") {
        let rest = line[p + 5..].trim_start_matches(['"', '\'']).trim_start_ws();
        let Some(rest) = rest.strip_prefix(['=', ':']) else { continue };
        let rest = rest.trim_start_ws();
        let Some(quote) = rest.chars().next().filter(|c| matches!(c, '"' | '\'')) else { continue };
        let name: String = rest[1..].chars().take_while(|c| *c != quote).take(80).collect();
        if !name.is_empty() && !name.contains(' ') {
            return Some(name);
        }
    }
    None
}

/// Facts inside an error message: model, organization, project, rate-limit figures, when to retry, a
/// request id quoted in prose. Called on messages only (exception lines, bodies, log errors, bare text).
pub fn read_message(line: &str, st: &mut State) {
    super::provider::read_message(line, st);
    let ev = &mut st.ev;
    // Each fact is looked for only when a vectorised `contains` says its words are there at all.
    if line.contains_str(" model `") {
        if let Some(m) = quoted_after(line, "The model `").or_else(|| quoted_after(line, "access to model `")) {
            ev.model = Some(m);
        }
    }
    if line.contains_str("Project `") {
        ev.project = quoted_after(line, "Project `").or(ev.project.take());
    }
    if line.contains_str(" for ") {
        for lead in ["Rate limit reached for ", "Request too large for "] {
            if let Some(rest) = line.find_str(lead).map(|p| &line[p + lead.len()..]) {
                if let Some(model) = rest.words().next() {
                    ev.model = Some(model.to_string());
                }
            }
        }
    }
    if line.contains_str("in organization ") {
        if let Some(org) = word_after(line, "in organization ") {
            ev.organization.get_or_insert(org);
        }
    }
    if line.contains_str("Limit ") {
        if let Some(p) = line.find_str(" per ") {
            // `on tokens per min (TPM): Limit 30000, …`
            let start = line[..p].find_str_all(" on ").last().map_or(p, |s| s + 4);
            let end = line[p..].find(':').map_or(line.len(), |e| p + e);
            ev.rate.window = Some(line[start..end].trim_ws().to_string());
            ev.rate.limit = number_after(line, "Limit ");
            ev.rate.used = number_after(line, "Used ");
            ev.rate.requested = number_after(line, "Requested ");
        }
    }
    if line.contains_str("ry again in ") || line.contains_str("retry after ") {
        for lead in ["try again in ", "Try again in ", "retry after "] {
            if let Some(ms) = line.find_str(lead).and_then(|p| duration_ms(&line[p + lead.len()..])) {
                ev.retry_after_ms.get_or_insert(ms);
            }
        }
    }
    if ev.request_id.is_none() && (line.contains_str("request ID ") || line.contains_str("Request ID: ")) {
        ev.request_id = word_after(line, "request ID ").or_else(|| word_after(line, "Request ID: "));
    }
}

/// The path the API quotes: `Invalid 'tools[0].function.name': …`, `Invalid type for 'input[1].content': …`,
/// `Missing required parameter: 'tools[1].container'.`, `Unknown parameter: 'input[3].status'.`
pub fn param_in_message(msg: &str) -> Option<String> {
    let start = msg.find_str("Invalid '").map(|p| p + 9).or_else(|| msg.find_str(" for '").map(|p| p + 6)).or_else(|| msg.find_str("parameter: '").map(|p| p + 12))?;
    let rest = &msg[start..];
    let path = &rest[..rest.find('\'')?];
    (!path.is_empty() && !path.contains(' ')).then(|| path.to_string())
}

fn quoted_after(line: &str, lead: &str) -> Option<String> {
    let rest = &line[line.find_str(lead)? + lead.len()..];
    let end = rest.find('`')?;
    (end > 0 && end < 120).then(|| rest[..end].to_string())
}

fn word_after(line: &str, lead: &str) -> Option<String> {
    let rest = &line[line.find_str(lead)? + lead.len()..];
    let word: String = rest.chars().take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '*' | '…')).collect();
    let word = word.trim_end_matches(['.', '…']).to_string();
    (word.len() >= 4).then_some(word)
}

fn number_after(line: &str, lead: &str) -> Option<u64> {
    let rest = &line[line.find_str(lead)? + lead.len()..];
    rest.chars().take_while(char::is_ascii_digit).collect::<String>().parse().ok()
}

/// `9.816s`, `20ms`, `1m30s`, `6m0s`, `2 seconds`, `86400 seconds` → milliseconds.
pub fn duration_ms(s: &str) -> Option<u64> {
    let mut rest = s.trim_start_ws();
    let mut total = 0u64;
    let mut any = false;
    while let Some((value, after)) = decimal_millis(rest) {
        let after = after.trim_start_ws();
        let unit: &str = &after[..after.bytes().take_while(u8::is_ascii_alphabetic).count()];
        // `value` is the number times 1000, so a factor of 1 here means seconds.
        let scaled = match unit {
            "ms" => value / 1000,
            "s" | "sec" | "secs" | "second" | "seconds" => value,
            "m" | "min" | "mins" | "minute" | "minutes" => value.saturating_mul(60),
            "h" | "hour" | "hours" => value.saturating_mul(3600),
            _ => return None,
        };
        total = total.saturating_add(scaled);
        any = true;
        rest = &after[unit.len()..];
    }
    any.then_some(total)
}

/// A decimal number at the start of `s` as thousandths (`9.816` → 9816), and the text after it.
pub fn decimal_millis(s: &str) -> Option<(u64, &str)> {
    let int_len = s.bytes().take_while(u8::is_ascii_digit).count();
    if int_len == 0 || int_len > 15 {
        return None;
    }
    let mut value: u64 = s[..int_len].parse().ok()?;
    value *= 1000;
    let mut rest = &s[int_len..];
    if let Some(frac) = rest.strip_prefix('.') {
        let frac_len = frac.bytes().take_while(u8::is_ascii_digit).count();
        let mut scale = 100;
        for d in frac.bytes().take(frac_len.min(3)) {
            value += u64::from(d - b'0') * scale;
            scale /= 10;
        }
        rest = &frac[frac_len..];
    }
    Some((value, rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_in_the_shapes_the_api_uses() {
        assert_eq!(duration_ms("9.816s. Visit"), Some(9816));
        assert_eq!(duration_ms("20ms"), Some(20));
        assert_eq!(duration_ms("6m0s"), Some(360_000));
        assert_eq!(duration_ms("1m30.5s"), Some(90_500));
        assert_eq!(duration_ms("2 seconds."), Some(2000));
        assert_eq!(duration_ms("a moment"), None);
    }
}
