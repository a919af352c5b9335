//! The layers a paste came through, as the front ends show them: the other vendor named (and nothing
//! matched), the chain of wrappers and the service that answered in the notes and the support report, and
//! the JSON evidence's `provider`, `via` and `foreign`.

mod common;

use openai_error_explainer::explain;

const GEMINI: &str = "openai.RateLimitError: Error code: 429 - [{'error': {'code': 429, 'message': 'You exceeded your \
    current quota, please check your plan and billing details. For more information on this error, head to: \
    https://ai.google.dev/gemini-api/docs/rate-limits.', 'status': 'RESOURCE_EXHAUSTED'}}]";

#[test]
fn another_vendors_error_is_named_and_not_matched() {
    let out = common::run(&[], GEMINI.as_bytes());
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(text.contains("This is a Google Gemini error, not an OpenAI one."), "{text}");
    let json = common::run(&["--json"], GEMINI.as_bytes());
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).expect("json");
    assert_eq!(v["evidence"]["foreign"], "Google Gemini");
    assert_eq!(v["matches"].as_array().map(Vec::len), Some(0));
}

#[test]
fn the_chain_and_the_answering_services_own_fix_are_in_the_answer() {
    let paste = "litellm.APIError: APIError: OpenrouterException - {\"error\":{\"message\":\"This request requires more \
        credits, or fewer max_tokens. You requested up to 4096 tokens, but can only afford 1000.\",\"code\":402}}";
    let a = explain(paste);
    assert_eq!(a.evidence.via, ["LiteLLM"]);
    assert_eq!(a.evidence.provider, Some("OpenRouter"));
    let notes = a.notes.join("\n");
    assert!(notes.contains("via LiteLLM → OpenRouter"), "{notes}");
    assert!(notes.contains("https://openrouter.ai/settings/credits"), "{notes}");
    assert!(a.report.contains("Answered by:      LiteLLM → OpenRouter"), "{}", a.report);
    let json: serde_json::Value = serde_json::from_str(&a.to_json()).expect("json");
    assert_eq!(json["evidence"]["provider"], "OpenRouter");
    assert_eq!(json["evidence"]["via"], serde_json::json!(["LiteLLM"]));
    assert_eq!(json["evidence"]["foreign"], serde_json::Value::Null);
}

#[test]
fn a_plain_openai_error_names_no_extra_layers() {
    let a = explain("openai.AuthenticationError: Error code: 401 - {'error': {'message': 'Incorrect API key provided: \
        sk-proj-****ABCD.', 'type': 'invalid_request_error', 'param': None, 'code': 'invalid_api_key'}}");
    assert_eq!(a.matches[0].entry.id, "401-incorrect-api-key");
    assert!(a.evidence.via.is_empty());
    assert_eq!(a.evidence.foreign, None);
    assert!(!a.report.contains("Answered by:"), "{}", a.report);
}

#[test]
fn a_request_sent_without_a_key_says_so() {
    let paste = "Error: Request failed with status code 401\n    at createError (/app/node_modules/axios/lib/core/createError.js:16:15) {\n  config: {\n    headers: {\n      'User-Agent': 'OpenAI/NodeJS/3.3.0',\n      Authorization: 'Bearer undefined'\n    },\n    url: 'https://api.openai.com/v1/chat/completions'\n  }\n}\n";
    let a = explain(paste);
    assert_eq!(a.matches[0].entry.id, "AuthenticationError");
    assert!(a.notes.iter().any(|n| n.contains("Bearer undefined")), "{:?}", a.notes);
    assert_eq!(a.evidence.sdk.map(|s| s.as_str()), Some("openai-node v3"));
}
