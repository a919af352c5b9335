//! The held-out third of the real pastes (`tests/corpus/heldout/cases/`, labelled in `heldout/labels*.json`): set aside before any rule was tuned on the
//! batch it came from, and scored here without failing, so the number stays an honest estimate of how the
//! explainer does on pastes nobody tuned for. `./build.sh test` prints it; `cargo test --test heldout --
//! --nocapture` does too. Only a malformed label fails.

use std::path::Path;

use openai_error_explainer::{entry, explain};
use serde_json::Value;

#[test]
fn heldout_score_is_reported() {
    let dir = Path::new("tests/corpus/heldout");
    // `labels.json`, or one `labels-<batch>.json` per batch set aside.
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with("labels") && n.ends_with(".json")))
        .collect();
    files.sort();
    let mut labels = serde_json::Map::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let Value::Object(map) = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", file.display())) else {
            panic!("{} must be an object keyed by case path", file.display())
        };
        labels.extend(map);
    }
    if labels.is_empty() {
        println!("held-out: no labelled cases in tests/corpus/heldout/ yet");
        return;
    }
    let (mut right, mut wrong) = (0usize, Vec::new());
    for (path, label) in &labels {
        let primary = label["primary"].as_str();
        if let Some(id) = primary {
            assert!(entry(id).is_some(), "{path}: unknown id {id}");
        }
        let bytes = std::fs::read(dir.join("cases").join(path)).unwrap_or_else(|e| panic!("{path}: {e}"));
        let answer = explain(&String::from_utf8_lossy(&bytes));
        let got = answer.matches.first().map(|m| m.entry.id);
        if got == primary {
            right += 1;
        } else {
            wrong.push(format!("  {path}: got {got:?}, expected {primary:?}"));
        }
    }
    let total = labels.len();
    println!("held-out: {right} of {total} right ({:.1} %)", 100.0 * right as f64 / total.max(1) as f64);
    for w in &wrong {
        println!("{w}");
    }
}
