//! Every catalogue entry's Example section is a realistic paste; the classifier must rank the entry first
//! for it. This keeps examples and match signals from drifting apart (as rustc's error index doctests its
//! examples).

use openai_error_explainer::{catalogue, explain, Kind};

#[test]
fn every_entry_is_the_first_match_for_its_own_example() {
    let mut wrong = Vec::new();
    for e in catalogue().iter().filter(|e| e.kind != Kind::Guide) {
        let answer = explain(e.prose().example);
        let got = answer.matches.first().map(|m| m.entry.id);
        if got != Some(e.id) {
            let ranked: Vec<String> = answer.matches.iter().take(3).map(|m| format!("{} {}", m.entry.id, m.score)).collect();
            wrong.push(format!("{}: got {:?} [{}]", e.id, got, ranked.join(", ")));
        }
    }
    assert!(wrong.is_empty(), "examples that do not lead to their own entry:\n{}", wrong.join("\n"));
}
