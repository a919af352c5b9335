//! Hostile and degenerate input, through the library and the CLI: every one gets a clear answer (exit 0 or 1),
//! no panic, bounded work, and nothing from the paste comes out as a control character or a live key.
//! (Timing lives in the benchmarks; here the bound is structural: the inputs are large enough that
//! quadratic work would not finish within the test harness's patience.)

mod common;

use openai_error_explainer::explain;

fn cli(input: &[u8], args: &[&str]) -> (i32, Vec<u8>) {
    let out = common::run(args, input);
    (out.status.code().unwrap_or(-1), out.stdout)
}

fn no_controls(out: &[u8]) {
    let text = String::from_utf8_lossy(out);
    let bad = text.chars().find(|c| c.is_control() && !matches!(c, '\n' | '\t'));
    assert!(bad.is_none(), "control character {bad:?} in output");
    assert!(!text.contains('\u{202e}'), "a right-to-left override reached the output");
}

#[test]
fn empty_and_blank_pastes_say_nothing_matched() {
    for input in ["", "   ", "\n\n\t\n", "\r\n"] {
        assert!(explain(input).matches.is_empty(), "{input:?}");
        let (code, out) = cli(input.as_bytes(), &[]);
        assert_eq!(code, 1);
        assert!(String::from_utf8_lossy(&out).contains("No known OpenAI API error"));
    }
}

#[test]
fn one_hundred_megabytes_on_one_line() {
    let mut input = "status=200 path=/x {'k': 'v'} Error code ".repeat(100 * 1024 * 1024 / 42).into_bytes();
    input.extend_from_slice(b"\nopenai.RateLimitError: Error code: 429 - {'error': {'message': 'Rate limit reached for gpt-4o', 'type': 'requests', 'param': None, 'code': 'rate_limit_exceeded'}}\n");
    let (code, out) = cli(&input, &["--json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_slice(&out).expect("JSON");
    assert_eq!(v["matches"][0]["id"], "429-rate-limit");
    assert_eq!(v["evidence"]["decisive_line"], 2);
}

#[test]
fn a_million_short_lines() {
    let mut input = "x\n".repeat(1_000_000);
    input.push_str("HTTP/2 401\r\n\r\n{\"error\": {\"message\": \"Incorrect API key provided: sk-abc***wxyz.\", \"type\": \"invalid_request_error\", \"param\": null, \"code\": \"invalid_api_key\"}}\n");
    let answer = explain(&input);
    assert_eq!(answer.matches[0].entry.id, "401-incorrect-api-key");
    assert_eq!(answer.evidence.decisive().map(|i| i.line), Some(1_000_001));
}

#[test]
fn two_hundred_thousand_levels_of_nesting() {
    let deep_dict = format!("openai.BadRequestError: Error code: 400 - {}", "{'a': ".repeat(200_000));
    let deep_json = format!("{}{}", "[".repeat(200_000), "]".repeat(200_000));
    let deep_js = format!("RateLimitError: 429 x\n    at f (node_modules/openai/core.mjs:1:1) {{\n{}", "{ a: ".repeat(200_000));
    for input in [deep_dict, deep_json, deep_js] {
        let answer = explain(&input);
        // The first and last still get their answer from what came before the nesting.
        let _ = answer.to_json();
    }
    assert_eq!(explain(&format!("openai.BadRequestError: Error code: 400 - {}", "{'a': ".repeat(200_000))).matches[0].entry.id, "BadRequestError");
}

#[test]
fn invalid_utf8_nul_and_unterminated_quotes() {
    let cases: &[&[u8]] = &[
        b"\xc3\x28\xa0\xa1\xf0\x28\x8c\xbc openai.APIConnectionError: Connection error.\x00\x00",
        b"openai.RateLimitError: Error code: 429 - {'error': {'message': 'unterminated",
        b"{\"error\": {\"message\": \"no end",
        b"((((((((((([[[[[[[[{{{{{{{\"'\"'\"'",
        b"\x00\x00\x00\x00",
    ];
    for input in cases {
        let (code, out) = cli(input, &[]);
        assert!(code == 0 || code == 1, "exit {code} for {input:?}");
        no_controls(&out);
        let (_, json) = cli(input, &["--json"]);
        serde_json::from_slice::<serde_json::Value>(&json).expect("JSON even for broken input");
    }
}

#[test]
fn terminal_escapes_html_and_bidi_overrides_in_messages_are_inert() {
    let paste = "openai.BadRequestError: Error code: 400 - {'error': {'message': \"\x1b[2J\x1b]0;owned\x07<script>alert(1)</script><img src=x onerror=alert(1)> \u{202e}gnp.exe\", 'type': 'invalid_request_error', 'param': None, 'code': None}}\n";
    for args in [&[][..], &["--report"]] {
        let (code, out) = cli(paste.as_bytes(), args);
        assert_eq!(code, 0);
        no_controls(&out);
    }
    let (_, json) = cli(paste.as_bytes(), &["--json"]);
    let text = String::from_utf8(json).expect("UTF-8");
    assert!(!text.contains("<script>"), "JSON escapes < so it can sit inside HTML");
    let v: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    let message = v["evidence"]["error_message"].as_str().unwrap_or_default();
    assert!(message.contains("<script>alert(1)</script>"), "{message:?}");
}

/// `--json` carries C1 controls (U+009B is a terminal's CSI) and bidi overrides and isolates from the paste as
/// `\u` escapes: the output holds none of them raw, and a JSON parser gets them back unchanged.
#[test]
fn json_writes_c1_and_bidi_controls_as_escapes() {
    let odd = "\u{9b}31m \u{85} \u{202a}\u{202b}\u{202c}\u{202d}\u{202e}gnp.exe \u{2066}\u{2067}\u{2068}\u{2069}";
    let paste = format!(
        "openai.BadRequestError: Error code: 400 - {{'error': {{'message': \"Invalid file {odd}\", 'type': \
         'invalid_request_error', 'param': None, 'code': None}}}}\n"
    );
    let (code, out) = cli(paste.as_bytes(), &["--json"]);
    assert_eq!(code, 0);
    let text = String::from_utf8(out).expect("UTF-8");
    let raw = text.chars().find(|&c| {
        ('\u{80}'..='\u{9f}').contains(&c) || ('\u{202a}'..='\u{202e}').contains(&c) || ('\u{2066}'..='\u{2069}').contains(&c)
    });
    assert_eq!(raw, None, "a C1 or bidi control written raw:\n{text}");
    assert!(text.contains(r"\u009b31m \u0085 \u202a\u202b\u202c\u202d\u202egnp.exe \u2066\u2067\u2068\u2069"), "{text}");
    let v: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    let message = v["evidence"]["error_message"].as_str().unwrap_or_default();
    assert!(message.contains(odd), "{message:?}");
}

#[test]
fn thousands_of_partial_tracebacks_and_fragments() {
    let partial = "Traceback (most recent call last):\n  File \"x.py\", line 1\nopenai.RateLimitError: Error code: 429 - {'error': {'message': 'Rate limit reached for\n".repeat(20_000);
    let answer = explain(&partial);
    assert_eq!(answer.matches[0].entry.id, "429-rate-limit");
    assert_eq!(answer.evidence.errors_seen, 20_000);
    let fragments = "{\"error\": {\"message\": \"x\", \"type\": null, {'a': [1, {'b': None}, \n".repeat(50_000);
    let _ = explain(&fragments).to_json();
}

/// Inputs the fuzzers found (tests/fuzz-regressions/, one file per finding): each once panicked or let a key
/// through. They must explain cleanly, with JSON that parses and no live key.
#[test]
fn fuzz_findings_stay_fixed() {
    let dir = std::path::Path::new("tests/fuzz-regressions");
    let mut n = 0;
    for file in std::fs::read_dir(dir).expect("tests/fuzz-regressions").flatten() {
        let bytes = std::fs::read(file.path()).expect("read");
        let answer = explain(&String::from_utf8_lossy(&bytes));
        let json = answer.to_json();
        serde_json::from_str::<serde_json::Value>(&json).expect("JSON");
        assert!(!json.contains("iiiiiiiiiiiiiiiiiiii"), "{}: a key survived", file.path().display());
        n += 1;
    }
    assert!(n >= 2);
}

/// Multi-byte filler the caps must not cut inside: CJK, emoji, combining marks, two-byte Latin.
const MULTIBYTE: [&str; 4] = ["エラーが発生しました。再試行します。", "🚀🔥✅", "e\u{301}a\u{308}o\u{302}", "éàüñ"];

#[test]
fn a_truncated_body_then_a_japanese_log_is_not_cut_inside_a_character() {
    // Regression: the excerpt follows an unclosed body for 64 KiB and cut there, inside a character.
    for filler in MULTIBYTE {
        for shift in 0..4 {
            let mut text = "INFO starting\n".repeat(200) + &"x".repeat(shift);
            text.push_str("\nopenai.RateLimitError: Error code: 429 - {'error': {'message': 'You exceeded your current quota, please check\n");
            while text.len() < 200_000 {
                text.push_str("2026-12-01 10:00:00 INFO ");
                text.push_str(&filler.repeat(20));
                text.push('\n');
            }
            let answer = explain(&text);
            assert_eq!(answer.matches.first().map(|m| m.entry.id), Some("429-quota-exceeded"), "{filler} {shift}");
            let (code, _) = cli(text.as_bytes(), &["--json"]);
            assert_eq!(code, 0);
        }
    }
}

#[test]
fn a_one_line_dict_longer_than_the_parser_cap_is_not_cut_inside_a_character() {
    // Regression: the literal parser stops after 256 KiB, which fell inside a character of the message.
    for filler in MULTIBYTE {
        for shift in 0..4 {
            let message = "x".repeat(shift) + &filler.repeat(300_000 / filler.len());
            let text = format!("openai.BadRequestError: Error code: 400 - {{'error': {{'message': '{message}', 'type': 'invalid_request_error', 'param': None, 'code': None}}}}");
            let answer = explain(&text);
            assert_eq!(answer.matches.first().map(|m| m.entry.id), Some("BadRequestError"), "{filler} {shift}");
            let (code, _) = cli(text.as_bytes(), &["--report"]);
            assert_eq!(code, 0);
        }
    }
}

#[test]
fn a_panic_never_prints_the_paste() {
    let paste = "openai.AuthenticationError: Error code: 401 - Incorrect API key provided: sk-proj-Zq9xYw8vUt7sRq6pOn5mLk4jIh3g";
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_openai-error-explainer"))
        .env("OPENAI_ERROR_EXPLAINER_PANIC_FOR_TESTS", "1")
        .arg("-")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write;
            child.stdin.take().expect("stdin").write_all(paste.as_bytes())?;
            child.wait_with_output()
        })
        .expect("the binary runs");
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("internal error"), "{stderr}");
    assert!(!stderr.contains("Zq9xYw8v") && !stderr.contains("Incorrect API key"), "the paste reached stderr: {stderr}");
}
