//! The secrets table (`tests/secrets/table.json`, written by `gen_table.py` beside it) through every output of
//! the CLI and the library: no secret may come out of the human answer, `--json`, `--report`, `explain()` or
//! `report()`, and the ids support needs (request, organization, project) must stay readable. The npm package and
//! the page are checked against the same table by their own tests.

mod common;

use openai_error_explainer::{explain, report};
use serde_json::Value;

/// A secret comes out when any ten consecutive characters of it appear (the prefix and last four are shown on
/// purpose).
fn leaked<'a>(out: &str, secret: &'a str) -> Option<&'a str> {
    let chars: Vec<(usize, char)> = secret.char_indices().collect();
    (0..chars.len().saturating_sub(9)).map(|i| {
        let end = chars.get(i + 10).map_or(secret.len(), |c| c.0);
        &secret[chars[i].0..end]
    })
    .find(|w| out.contains(w))
}

#[test]
fn no_secret_in_the_table_comes_out_of_any_output() {
    let text = std::fs::read_to_string("tests/secrets/table.json").expect("tests/secrets/table.json");
    let Value::Array(rows) = serde_json::from_str(&text).expect("JSON") else { panic!("an array of rows") };
    assert!(rows.len() >= 70, "only {} secret shapes", rows.len());
    let mut failures = Vec::new();
    for row in &rows {
        let name = row["name"].as_str().expect("name");
        let paste = row["paste"].as_str().expect("paste");
        let answer = explain(paste);
        let outputs = [
            ("explain()", answer.to_json()),
            ("report()", report(paste)),
            ("cli", String::from_utf8_lossy(&common::run(&[], paste.as_bytes()).stdout).into_owned()),
            ("cli --json", String::from_utf8_lossy(&common::run(&["--json"], paste.as_bytes()).stdout).into_owned()),
            ("cli --report", String::from_utf8_lossy(&common::run(&["--report"], paste.as_bytes()).stdout).into_owned()),
        ];
        for (what, out) in &outputs {
            for secret in row["secrets"].as_array().into_iter().flatten().filter_map(Value::as_str) {
                if let Some(w) = leaked(out, secret) {
                    failures.push(format!("{name}: {what} shows {w:?}"));
                }
            }
        }
        for keep in row["keep"].as_array().into_iter().flatten().filter_map(Value::as_str) {
            if !outputs[0].1.contains(keep) {
                failures.push(format!("{name}: {keep} should stay readable in the JSON"));
            }
        }
    }
    assert!(failures.is_empty(), "{} problems:\n{}", failures.len(), failures.join("\n"));
}
