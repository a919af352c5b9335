//! The `openai-error-explainer` binary from the outside: exit codes, the JSON contract, the report, the list,
//! odd input bytes, and no secret or terminal escape from the paste in any output.

mod common;

use common::run;
use std::process::Output;

const QUOTA: &str = "Traceback (most recent call last):\n  File \"app.py\", line 4, in <module>\nopenai.RateLimitError: Error code: 429 - {'error': {'message': 'You exceeded your current quota, please check your plan and billing details.', 'type': 'insufficient_quota', 'param': None, 'code': 'insufficient_quota'}}\n";
const KEY: &str = "sk-proj-Zq3xVb7NmK2pLw9RtY4uHc6JdF8gS1aE0oIi5TnMbQeWrXy";

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("output is UTF-8")
}

#[test]
fn a_match_exits_0_and_names_the_entry_first() {
    let o = run(&[], QUOTA.as_bytes());
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).starts_with("429-quota-exceeded You exceeded your current quota"), "{}", stdout(&o));
}

#[test]
fn no_match_exits_1_with_advice() {
    let o = run(&[], b"Traceback (most recent call last):\nKeyError: 'choices'\n");
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("No known OpenAI API error"));
}

#[test]
fn usage_and_io_errors_exit_2_with_a_message() {
    let o = run(&["--frobnicate"], b"");
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("unknown option --frobnicate"));
    let o = run(&["/no/such/file"], b"");
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("reading /no/such/file"));
}

#[test]
fn json_follows_the_contract() {
    let o = run(&["--json", "-"], QUOTA.as_bytes());
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("--json prints JSON");
    let first = &v["matches"][0];
    assert_eq!(first["id"], "429-quota-exceeded");
    assert_eq!(first["kind"], "api");
    assert_eq!(first["status"], "429");
    assert!(first["score"].as_f64().is_some_and(|s| s > 0.0));
    assert!(first["reasons"].as_array().is_some_and(|r| r.iter().any(|x| x == "code insufficient_quota")));
    assert!(v["matches"].as_array().unwrap().iter().any(|m| m["id"] == "RateLimitError"));
    assert_eq!(v["evidence"]["status"], 429);
    assert_eq!(v["evidence"]["error_code"], "insufficient_quota");
    assert_eq!(v["retry"]["verdict"], "never");
    assert!(v["report"].as_str().is_some_and(|r| r.contains("Request ID:")));
}

#[test]
fn report_marks_what_the_paste_lacks() {
    let o = run(&["--report"], QUOTA.as_bytes());
    let r = stdout(&o);
    assert!(r.contains("insufficient_quota (type insufficient_quota)"), "{r}");
    assert!(r.contains("Request ID:       (not in the paste)"), "{r}");
}

#[test]
fn list_names_every_entry() {
    let o = run(&["--list"], b"");
    let out = stdout(&o);
    assert_eq!(out.lines().count(), openai_error_explainer::catalogue().len());
    assert!(out.lines().any(|l| l.starts_with("429-quota-exceeded")));
}

#[test]
fn invalid_utf8_and_nul_bytes_are_read_not_refused() {
    let mut input = b"\xff\xfe\x00openai.RateLimitError: Error code: 429 - ".to_vec();
    input.extend_from_slice(b"{'error': {'message': 'Rate limit reached for gpt-4o in organization org-x on requests per min (RPM): Limit 3, Used 3, Requested 1.', 'type': 'requests', 'param': None, 'code': 'rate_limit_exceeded'}}\n\x80");
    let o = run(&["--json"], &input);
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    assert_eq!(v["matches"][0]["id"], "429-rate-limit");
}

#[test]
fn keys_and_escapes_from_the_paste_never_reach_any_output() {
    let paste = format!(
        "OPENAI_API_KEY={KEY}\nopenai.AuthenticationError: Error code: 401 - {{'error': {{'message': 'Incorrect API key provided: {KEY}\x1b]0;pwned\x07\x1b[2J. You can find your API key at https://platform.openai.com/account/api-keys.', 'type': 'invalid_request_error', 'param': None, 'code': 'invalid_api_key'}}}}\n"
    );
    for args in [&[][..], &["--json"], &["--report"]] {
        let o = run(args, paste.as_bytes());
        let out = stdout(&o);
        assert_eq!(o.status.code(), Some(0), "{args:?}");
        assert!(!out.contains(&KEY[8..30]), "{args:?} leaked the key:\n{out}");
        assert!(out.contains("sk-proj-****"), "{args:?} should show the masked key:\n{out}");
        assert!(!out.contains('\x1b') && !out.contains('\x07'), "{args:?} printed a control character");
    }
}

#[test]
fn a_certificate_failure_under_a_connection_error_is_named_and_not_worth_retrying() {
    let paste = "httpcore.ConnectError: [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: unable to get local issuer certificate (_ssl.c:1006)\n\nThe above exception was the direct cause of the following exception:\n\nopenai.APIConnectionError: Connection error.\n";
    let v: serde_json::Value = serde_json::from_str(&stdout(&run(&["--json"], paste.as_bytes()))).expect("JSON");
    assert_eq!(v["matches"][0]["id"], "APIConnectionError");
    assert_eq!(v["evidence"]["root_cause"]["kind"], "tls");
    assert_eq!(v["retry"]["verdict"], "never");
    assert!(v["notes"][0].as_str().is_some_and(|n| n.contains("CERTIFICATE_VERIFY_FAILED")), "{}", v["notes"]);
}
