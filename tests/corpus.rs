//! Every labelled paste in `tests/corpus/` (real SDK output captured against a loopback stub, curl output,
//! hand-derived messy variants, negatives) must get its expected first match, and every expected id must be
//! among the matches. See `tests/corpus/README.md` for the layout and how to add a case.

use std::path::Path;

use openai_error_explainer::{entry, explain};
use serde_json::Value;

/// `labels.json` plus every `labels.d/*.json` (one file per batch of cases, so that batches added side by side
/// do not touch the same file); a case labelled twice is an error.
fn labels() -> serde_json::Map<String, Value> {
    let mut files = vec![std::path::PathBuf::from("tests/corpus/labels.json")];
    if let Ok(dir) = std::fs::read_dir("tests/corpus/labels.d") {
        let mut more: Vec<_> = dir.filter_map(Result::ok).map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "json")).collect();
        more.sort();
        files.extend(more);
    }
    let mut all = serde_json::Map::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let Value::Object(map) = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", file.display())) else {
            panic!("{} must be an object keyed by case path", file.display())
        };
        for (k, v) in map {
            assert!(all.insert(k.clone(), v).is_none(), "{k} is labelled twice ({})", file.display());
        }
    }
    all
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
        wrong.extend(layers_wrong(path, label, &answer.evidence));
    }
    let total = labels.len();
    assert!(wrong.is_empty(), "{} of {total} corpus cases wrong:\n{}", wrong.len(), wrong.join("\n"));
}

/// The layers a label names against the evidence: `foreign` (the other vendor, or none) always; `provider`
/// when the label gives one; `via` for the layers the readers know (a label also names the application the
/// paste came from, which no paste needs to show), both ways: each known layer labelled is found, and each
/// layer found is labelled.
fn layers_wrong(path: &str, label: &Value, ev: &openai_error_explainer::evidence::Evidence) -> Vec<String> {
    let mut wrong = Vec::new();
    let foreign = label.get("foreign").and_then(Value::as_str);
    if foreign != ev.foreign {
        wrong.push(format!("{path}: foreign {:?}, expected {foreign:?}", ev.foreign));
    }
    if let Some(provider) = label.get("provider").and_then(Value::as_str) {
        if Some(provider) != ev.provider {
            wrong.push(format!("{path}: provider {:?}, expected {provider:?}", ev.provider));
        }
    }
    if let Some(via) = label.get("via").and_then(Value::as_array) {
        let via: Vec<&str> = via.iter().filter_map(Value::as_str).collect();
        let known = openai_error_explainer::read::LAYERS;
        for layer in via.iter().filter(|l| known.contains(l)) {
            if !ev.via.contains(layer) {
                wrong.push(format!("{path}: via {:?} lacks {layer}", ev.via));
            }
        }
        for layer in ev.via.iter().filter(|l| !via.contains(l)) {
            wrong.push(format!("{path}: via {:?} has {layer}, not in the label {via:?}", ev.via));
        }
    }
    wrong
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

/// A key as redaction defines one: `sk-` not preceded by a key character, then at least 20 key characters.
fn live_key(s: &str) -> Option<&str> {
    let b = s.as_bytes();
    let key = |c: u8| c.is_ascii_alphanumeric() || c == b'-' || c == b'_';
    s.match_indices("sk-").find_map(|(p, _)| {
        let run = b[p + 3..].iter().take_while(|&&c| key(c)).count();
        ((p == 0 || !key(b[p - 1])) && run >= 20).then(|| &s[p..p + 3 + run])
    })
}

#[test]
fn no_key_in_the_corpus_survives_into_any_output() {
    let mut with_keys = 0;
    for path in labels().keys() {
        let text = String::from_utf8_lossy(&std::fs::read(Path::new("tests/corpus/cases").join(path)).expect("case")).into_owned();
        if live_key(&text).is_none() {
            continue;
        }
        with_keys += 1;
        let answer = explain(&text);
        for (what, out) in [("json", answer.to_json()), ("report", answer.report.clone())] {
            assert!(live_key(&out).is_none(), "{path}: a key survived into the {what}: {:?}", live_key(&out));
        }
    }
    assert!(with_keys >= 5, "the corpus should carry full fake keys to test redaction ({with_keys} cases do)");
}
