//! Every labelled paste in `tests/corpus/` (real SDK output captured against a loopback stub, curl output,
//! hand-derived messy variants, negatives) must get its expected first match, and every expected id must be
//! among the matches. See `tests/corpus/README.md` for the layout and how to add a case.

use std::path::Path;

use openai_error_explainer::{entry, explain};
use serde_json::Value;

fn labels() -> serde_json::Map<String, Value> {
    let text = std::fs::read_to_string("tests/corpus/labels.json").expect("tests/corpus/labels.json");
    match serde_json::from_str(&text).expect("labels.json is JSON") {
        Value::Object(map) => map,
        _ => panic!("labels.json must be an object keyed by case path"),
    }
}

#[test]
fn every_corpus_case_gets_its_expected_answer() {
    let labels = labels();
    assert!(labels.len() >= 100, "the corpus has only {} cases", labels.len());
    let mut wrong = Vec::new();
    for (path, label) in &labels {
        let bytes = std::fs::read(Path::new("tests/corpus/cases").join(path)).unwrap_or_else(|e| panic!("{path}: {e}"));
        let answer = explain(&String::from_utf8_lossy(&bytes));
        let got: Vec<&str> = answer.matches.iter().map(|m| m.entry.id).collect();
        let primary = label["primary"].as_str();
        if got.first().copied() != primary {
            wrong.push(format!("{path}: primary {:?}, expected {:?} (ranked {:?})", got.first(), primary, &got[..got.len().min(4)]));
            continue;
        }
        for id in label["all"].as_array().into_iter().flatten().filter_map(Value::as_str) {
            if !got.contains(&id) {
                wrong.push(format!("{path}: {id} expected among the matches {got:?}"));
            }
        }
    }
    let total = labels.len();
    assert!(wrong.is_empty(), "{} of {total} corpus cases wrong:\n{}", wrong.len(), wrong.join("\n"));
}

#[test]
fn labels_name_real_entries_and_every_entry_has_three_shapes() {
    let labels = labels();
    let mut shapes: std::collections::BTreeMap<&str, std::collections::BTreeSet<&str>> = Default::default();
    let mut primaries = std::collections::BTreeSet::new();
    for (path, label) in &labels {
        let shape = path.split('/').next().unwrap_or_default();
        for id in label["all"].as_array().into_iter().flatten().filter_map(Value::as_str).chain(label["primary"].as_str()) {
            assert!(entry(id).is_some(), "{path}: unknown id {id}");
            shapes.entry(id).or_default().insert(shape);
        }
        primaries.extend(label["primary"].as_str());
    }
    let thin: Vec<String> = openai_error_explainer::catalogue()
        .iter()
        .filter(|e| e.kind != openai_error_explainer::Kind::Guide)
        .filter(|e| shapes.get(e.id).map_or(0, |s| s.len()) < 3 || !primaries.contains(e.id))
        .map(|e| format!("{} (shapes {:?}, primary somewhere: {})", e.id, shapes.get(e.id), primaries.contains(e.id)))
        .collect();
    assert!(thin.is_empty(), "entries need cases in three shapes and to be the first answer at least once: {thin:?}");
}
