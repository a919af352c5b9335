//! Every value of the API's `ResponseErrorCode` (what `response.error.code` holds when a Response fails; the
//! OpenAPI description lists twenty) leads to a catalogue entry, or is listed here as not covered with the
//! reason. A failed Response is read like an HTTP error, so each code is checked through the explainer
//! itself, in the `response.failed` event a stream ends with.

use openai_error_explainer::{catalogue, explain};

/// (code, the entry it leads to, or why it has none).
const CODES: &[(&str, Result<&str, &str>)] = &[
    ("server_error", Ok("500-server-error")),
    ("rate_limit_exceeded", Ok("429-rate-limit")),
    ("invalid_prompt", Ok("400-content-policy-violation")),
    ("data_residency_mismatch", Err("the project's data-residency region and the request disagree; no public message text to explain it from")),
    ("bio_policy", Err("its meaning is not documented (by its name a biology-safety refusal); an entry would be guessing")),
    ("vector_store_timeout", Err("file_search timed out reading a vector store; no entry yet, and the message alone says to retry")),
    ("invalid_image", Ok("400-invalid-image-url")),
    ("invalid_image_format", Ok("400-invalid-image-url")),
    ("invalid_base64_image", Ok("400-invalid-image-url")),
    ("invalid_image_url", Ok("400-invalid-image-url")),
    ("image_too_large", Ok("400-invalid-image-url")),
    ("image_too_small", Ok("400-invalid-image-url")),
    ("image_parse_error", Ok("400-invalid-image-url")),
    ("image_content_policy_violation", Ok("400-content-policy-violation")),
    ("invalid_image_mode", Ok("400-invalid-image-url")),
    ("image_file_too_large", Ok("400-invalid-image-url")),
    ("unsupported_image_media_type", Ok("400-invalid-image-url")),
    ("empty_image_file", Ok("400-invalid-image-url")),
    ("failed_to_download_image", Ok("400-invalid-image-url")),
    ("image_file_not_found", Ok("400-invalid-image-url")),
];

fn failed_event(code: &str) -> String {
    format!(
        "event: response.failed\ndata: {{\"type\":\"response.failed\",\"sequence_number\":4,\"response\":{{\"id\":\
         \"resp_0e5a1c2b3d4f5a6b\",\"object\":\"response\",\"status\":\"failed\",\"error\":{{\"code\":\"{code}\",\
         \"message\":\"The response could not be completed.\"}},\"model\":\"gpt-4.1\",\"output\":[]}}}}\n"
    )
}

#[test]
fn every_response_error_code_leads_to_an_entry_or_says_why_not() {
    assert_eq!(CODES.len(), 20, "the 2026-08 ResponseErrorCode list has twenty values");
    let mut wrong = Vec::new();
    for (code, expected) in CODES {
        let answer = explain(&failed_event(code));
        assert_eq!(answer.evidence.decisive().and_then(|i| i.code.as_deref()), Some(*code), "{code}: not read from the event");
        let first = answer.matches.first().map(|m| m.entry.id);
        match expected {
            Ok(id) if first != Some(*id) => wrong.push(format!("{code}: expected {id}, got {first:?}")),
            Ok(_) => {}
            Err(why) => {
                assert!(!why.is_empty());
                // Listed as uncovered: no entry may claim it without this list being updated.
                let claimed: Vec<&str> =
                    catalogue().iter().filter(|e| e.signals.codes.contains(code)).map(|e| e.id).collect();
                if !claimed.is_empty() {
                    wrong.push(format!("{code}: listed as not covered, but {claimed:?} claim it"));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
