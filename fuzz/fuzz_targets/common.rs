//! The invariants every fuzz target checks on an explanation: the JSON parses, every match id is in the
//! catalogue, no secret-shaped text survives, and the output stays proportional to the input.

use openai_error_explainer::{entry, explain};

/// A key as redaction defines one: `sk-` not preceded by a key character, then at least 20 key characters.
fn has_live_key(s: &str) -> bool {
    let b = s.as_bytes();
    let key = |c: u8| c.is_ascii_alphanumeric() || c == b'-' || c == b'_';
    s.match_indices("sk-").any(|(p, _)| {
        (p == 0 || !key(b[p - 1])) && b[p + 3..].iter().take_while(|&&c| key(c)).count() >= 20
    })
}

pub fn check(text: &str) {
    let answer = explain(text);
    let json = answer.to_json();
    let v: serde_json::Value = serde_json::from_str(&json).expect("to_json is valid JSON");
    for m in v["matches"].as_array().expect("matches") {
        let id = m["id"].as_str().expect("id");
        assert!(entry(id).is_some(), "match id {id} is not in the catalogue");
    }
    if has_live_key(text) {
        assert!(!has_live_key(&json), "a key survived into the JSON");
        assert!(!has_live_key(&answer.report), "a key survived into the report");
    }
    // Linear bound on output: a fixed skeleton plus a bounded amount per input byte.
    assert!(json.len() <= 64 * 1024 + 16 * text.len(), "output {} bytes for {} bytes of input", json.len(), text.len());
}
