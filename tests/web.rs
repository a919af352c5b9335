//! The core compiled to wasm32 and run in headless Chromium (wasm-bindgen-test; `./build.sh test` sets the runner
//! and the driver). It checks what could differ from the native build: the catalogue built into the module, the
//! JSON the wasm skin hands to JavaScript, and that no input panics (a panic in the module is a trap).
#![cfg(target_arch = "wasm32")]

use openai_error_explainer::{catalogue, catalogue_json, entry, entry_json, explain, report, Kind, VERSION};
use serde_json::Value;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

const QUOTA: &str = "openai.RateLimitError: Error code: 429 - {'error': {'message': 'You exceeded your current \
     quota, please check your plan and billing details.', 'type': 'insufficient_quota', 'param': None, \
     'code': 'insufficient_quota'}}";

fn parse(json: &str) -> Value {
    serde_json::from_str(json).unwrap_or_else(|e| panic!("not JSON ({e}): {json}"))
}

#[wasm_bindgen_test]
fn every_entry_is_the_first_match_for_its_own_example() {
    let mut wrong = Vec::new();
    for e in catalogue().iter().filter(|e| e.kind != Kind::Guide) {
        let got = explain(e.prose().example).matches.first().map(|m| m.entry.id);
        if got != Some(e.id) {
            wrong.push(format!("{}: got {got:?}", e.id));
        }
    }
    assert!(wrong.is_empty(), "examples that do not lead to their own entry in wasm:\n{}", wrong.join("\n"));
}

#[wasm_bindgen_test]
fn the_explanation_json_has_the_contract_shape() {
    let v = parse(&explain(QUOTA).to_json());
    for key in ["matches", "evidence", "retry", "notes", "report"] {
        assert!(v.get(key).is_some(), "missing {key}");
    }
    assert_eq!(v["matches"][0]["id"], "429-quota-exceeded");
    assert_eq!(v["evidence"]["status"], 429);
    assert_eq!(v["evidence"]["error_code"], "insufficient_quota");
    assert_eq!(v["retry"]["verdict"], "never");
    assert_eq!(v["report"].as_str(), Some(report(QUOTA).as_str()));
}

#[wasm_bindgen_test]
fn numbers_in_the_json_are_the_same_as_natively() {
    // Float formatting and parsing go through core's wasm code paths here.
    let paste = "HTTP/1.1 429 Too Many Requests\nretry-after-ms: 1500\nx-ratelimit-reset-tokens: 6m0s\n\n\
         {\"error\": {\"message\": \"Rate limit reached for gpt-4o in organization org-x on tokens per min (TPM): \
         Limit 30000, Used 29000, Requested 2000.\", \"type\": \"tokens\", \"code\": \"rate_limit_exceeded\"}}";
    let v = parse(&explain(paste).to_json());
    assert_eq!(v["evidence"]["retry_after_seconds"], 1.5);
    assert_eq!(v["evidence"]["rate_limits"]["limit"], 30000);
    assert_eq!(v["evidence"]["rate_limits"]["used"], 29000);
    assert_eq!(v["evidence"]["rate_limits"]["requested"], 2000);
}

#[wasm_bindgen_test]
fn the_catalogue_json_lists_every_entry() {
    let v = parse(&catalogue_json());
    let list = v.as_array().expect("an array");
    assert_eq!(list.len(), catalogue().len());
    for (json, e) in list.iter().zip(catalogue()) {
        assert_eq!(json["id"], e.id);
        assert_eq!(parse(&entry_json(e)), *json);
    }
    assert!(entry("429-quota-exceeded").is_some());
    assert!(entry("no-such-entry").is_none());
}

#[wasm_bindgen_test]
fn hostile_input_does_not_panic() {
    let long_line = "x".repeat(200_000);
    let nested = "{'error': ".repeat(5_000);
    let braces = "{[".repeat(20_000);
    let many_lines = "Error code: 429 - \n".repeat(5_000);
    let inputs = [
        "",
        "\0\0\0",
        "\u{feff}\u{202e}\u{2066}",
        "openai.",
        "Error code: ",
        "Error code: 4",
        "HTTP/1.1 ",
        "retry-after: 1e309\nHTTP/1.1 429",
        "retry-after: -5\nHTTP/1.1 429",
        "retry-after: NaN\nHTTP/1.1 429",
        "x-ratelimit-reset-tokens: 99999999999999999999h\nHTTP/1.1 429",
        "Limit 18446744073709551616, Used 1, Requested 2.",
        long_line.as_str(),
        nested.as_str(),
        braces.as_str(),
        many_lines.as_str(),
    ];
    for text in inputs {
        let answer = explain(text);
        parse(&answer.to_json());
    }
}

#[wasm_bindgen_test]
fn the_version_is_the_crates() {
    assert_eq!(VERSION, env!("CARGO_PKG_VERSION"));
}

/// The SIMD substring search of the wasm build (src/find.rs) finds what std finds: the first occurrence, at every
/// haystack length around the 16-byte blocks, needles of 1 to 40 bytes, matches at either end or nowhere, and
/// near misses that have the needle's first and last bytes in place.
#[wasm_bindgen_test]
fn the_simd_search_finds_what_std_finds() {
    use openai_error_explainer::text::StrExt;

    let alphabet = ["a", "b", "ab", "ba", "é", "€", "\n", "x-request-id", "ry again in "];
    let mut x = 7u32;
    let mut next = |n: usize| {
        x = x.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
        (x >> 8) as usize % n
    };
    for _ in 0..20_000 {
        let hay: String = (0..next(60)).map(|_| alphabet[next(alphabet.len())]).collect();
        let needle: String = match next(3) {
            // A piece of the haystack itself, so that it occurs at least once.
            0 if !hay.is_empty() => {
                let chars: Vec<char> = hay.chars().collect();
                let start = next(chars.len());
                chars[start..start + 1 + next((chars.len() - start).min(40))].iter().collect()
            }
            // The same first and last byte as a real occurrence, with the middle changed.
            1 if hay.len() > 3 => format!("a{}b", "ba".repeat(1 + next(10))),
            _ => (0..1 + next(6)).map(|_| alphabet[next(4)]).collect(),
        };
        assert_eq!(hay.find_str(&needle), hay.find(&needle), "{needle:?} in {hay:?}");
        assert_eq!(hay.contains_str(&needle), hay.contains(&needle[..]), "{needle:?} in {hay:?}");
        let all: Vec<usize> = hay.match_indices(&needle[..]).map(|(i, _)| i).collect();
        assert_eq!(hay.find_str_all(&needle).collect::<Vec<_>>(), all, "{needle:?} in {hay:?}");
    }
    assert_eq!("".find_str(""), Some(0));
    assert_eq!("abc".find_str(""), Some(0));
    assert_eq!("".find_str("a"), None);
}

/// The wasm build's vector scan for anchor keys (src/read/excerpt.rs) finds every anchor at every offset in a
/// 16-byte block and in the tail after the last block, among filler made of the keys' own bytes (many two-byte
/// keys that begin no anchor, and near misses that share the vector test's bits).
#[wasm_bindgen_test]
fn the_vector_key_scan_misses_no_anchor_at_any_offset() {
    let alphabet = b"PTX[inrxy-Acl \n";
    let mut x = 11u32;
    let mut next = |n: usize| {
        x = x.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
        (x >> 8) as usize % n
    };
    let mut filler = |len: usize| -> String { (0..len).map(|_| char::from(alphabet[next(alphabet.len())])).collect() };
    let anchors = ["Retrying", "retrying", "x-request-id", "X-Request-Id", "[log_", "x-ratelimit-", "retry-after",
        "openai-organization", "openai-project", "OpenAI"];
    for anchor in anchors {
        for offset in 0..40 {
            let (head, tail) = (filler(3000 + offset), filler(offset % 7 * 5));
            let text = format!("{head}\n{}{anchor} MARK\n{tail}", "q".repeat(offset));
            let kept = openai_error_explainer::read::excerpt(&text).map(|e| e.text);
            assert!(kept.as_deref().is_some_and(|t| t.contains("MARK")), "{anchor} at {offset}: {kept:?}");
        }
    }
}
