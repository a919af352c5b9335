//! The invariants every fuzz target checks on an explanation: the JSON parses, every match id is in the
//! catalogue, no secret-shaped text survives into any output after all decoding (the redactor finds nothing left
//! to mask in any string of the JSON or in the report), and the output stays proportional to the input.

use openai_error_explainer::{entry, explain, redact::redact};

/// Every string in a JSON value, keys included.
fn strings<'a>(v: &'a serde_json::Value, out: &mut Vec<&'a str>) {
    match v {
        serde_json::Value::String(s) => out.push(s),
        serde_json::Value::Array(items) => items.iter().for_each(|i| strings(i, out)),
        serde_json::Value::Object(map) => map.iter().for_each(|(k, i)| {
            out.push(k);
            strings(i, out)
        }),
        _ => {}
    }
}

pub fn check(text: &str) {
    let answer = explain(text);
    let json = answer.to_json();
    let v: serde_json::Value = serde_json::from_str(&json).expect("to_json is valid JSON");
    for m in v["matches"].as_array().expect("matches") {
        let id = m["id"].as_str().expect("id");
        assert!(entry(id).is_some(), "match id {id} is not in the catalogue");
    }
    let mut out = vec![answer.report.as_str()];
    strings(&v, &mut out);
    for s in out {
        assert_eq!(redact(s), s, "secret-shaped text survived into an output");
    }
    // Linear bound on output: a fixed skeleton plus a bounded amount per input byte.
    assert!(json.len() <= 64 * 1024 + 16 * text.len(), "output {} bytes for {} bytes of input", json.len(), text.len());
}
