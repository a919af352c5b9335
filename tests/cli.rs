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

/// Runs the CLI with `args` and environment changes (`None` removes a variable), stdin empty.
fn run_env(args: &[&str], env: &[(&str, Option<&str>)]) -> Output {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_openai-error-explainer"));
    cmd.args(args).stdin(std::process::Stdio::null());
    for (k, v) in env {
        match v {
            Some(v) => cmd.env(k, v),
            None => cmd.env_remove(k),
        };
    }
    cmd.output().expect("the binary runs")
}

/// Files in a fresh temporary directory: (dir, paths).
fn files(named: &[(&str, &str)]) -> (std::path::PathBuf, Vec<String>) {
    let dir = std::env::temp_dir().join(format!("oee-cli-{}-{}", std::process::id(), named[0].0));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let paths = named
        .iter()
        .map(|(name, text)| {
            let p = dir.join(name);
            std::fs::write(&p, text).expect("write");
            p.to_string_lossy().into_owned()
        })
        .collect();
    (dir, paths)
}

const LOG_PREFIX: &str = "2026-11-24 10:00:00 INFO worker: batch ok\n";

#[test]
fn several_files_each_answer_headed_by_its_name_exit_0_if_any_matched() {
    let (_dir, p) = files(&[("a-quota.log", &format!("{}{QUOTA}", LOG_PREFIX.repeat(5))), ("b-plain.log", "all good\n")]);
    let o = run(&[&p[0], &p[1]], b"");
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(0), "{out}");
    let a = out.find(&format!("==> {} <==", p[0])).expect("first header");
    let b = out.find(&format!("==> {} <==", p[1])).expect("second header");
    assert!(a < out.find("429-quota-exceeded").unwrap() && out.find("429-quota-exceeded").unwrap() < b, "{out}");
    assert!(out[b..].contains("No known OpenAI API error"), "{out}");
    // None matched: 1. One unreadable: said on stderr, the others still explained, exit 2.
    assert_eq!(run(&[&p[1], &p[1]], b"").status.code(), Some(1));
    let o = run(&[&p[0], "/no/such/file"], b"");
    assert_eq!(o.status.code(), Some(2));
    assert!(stdout(&o).contains("429-quota-exceeded"));
    assert!(String::from_utf8_lossy(&o.stderr).contains("reading /no/such/file"));
    // --json: one line per file, each with its name.
    let o = run(&["--json", &p[0], &p[1]], b"");
    let lines: Vec<serde_json::Value> =
        stdout(&o).lines().map(|l| serde_json::from_str(l).expect("a JSON line")).collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["file"], p[0].as_str());
    assert_eq!(lines[0]["matches"][0]["id"], "429-quota-exceeded");
    assert_eq!(lines[1]["matches"].as_array().map(Vec::len), Some(0));
}

#[test]
fn quiet_prints_nothing_and_answers_with_the_exit_status() {
    let o = run(&["-q"], QUOTA.as_bytes());
    assert_eq!((o.status.code(), o.stdout.len()), (Some(0), 0));
    let o = run(&["--quiet", "-"], b"hello\n");
    assert_eq!((o.status.code(), o.stdout.len()), (Some(1), 0));
}

#[test]
fn colour_always_never_and_the_environment() {
    let (_dir, p) = files(&[("colour.log", QUOTA)]);
    let has_escape = |o: &Output| o.stdout.contains(&0x1b);
    assert!(has_escape(&run_env(&["--color=always", &p[0]], &[("NO_COLOR", Some("1"))])), "always wins");
    assert!(!has_escape(&run_env(&["--color=never", &p[0]], &[])));
    // Not a terminal (a pipe): auto is off, whatever TERM says.
    assert!(!has_escape(&run_env(&[&p[0]], &[("TERM", Some("xterm-256color")), ("NO_COLOR", None)])));
    assert!(!has_escape(&run_env(&["--color", "auto", &p[0]], &[("NO_COLOR", Some(""))])));
    let o = run_env(&["--color=sometimes", &p[0]], &[]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn conflicting_options_are_a_usage_error() {
    let (_dir, p) = files(&[("conflict.log", QUOTA)]);
    for args in [
        &["--json", "--report"][..],
        &["--list", &p[0]],
        &["--format", "github", "--json"],
        &["--explain", "429-rate-limit", &p[0]],
        &["-q", "--list"],
    ] {
        let o = run(args, QUOTA.as_bytes());
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(o.stdout.is_empty(), "{args:?}");
        assert!(String::from_utf8_lossy(&o.stderr).contains("usage:"), "{args:?}");
    }
}

#[test]
fn github_format_is_an_escaped_error_annotation_on_the_decisive_line() {
    let log = format!("{}{QUOTA}", LOG_PREFIX.repeat(40));
    let (_dir, p) = files(&[("ci, run: 7.log", &log)]);
    let o = run(&["--format", "github", &p[0]], b"");
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    assert_eq!(out.lines().count(), 1, "one workflow command per matched input:\n{out}");
    let line = out.trim_end();
    let (head, message) = line.split_once("::").and_then(|(_, rest)| rest.split_once("::")).expect("::error ...::...");
    assert!(line.starts_with("::error file="), "{line}");
    // In properties `:` and `,` are escaped, in the message only `%`, CR and LF.
    let file = p[0].replace('%', "%25").replace(':', "%3A").replace(',', "%2C");
    assert!(head.contains(&format!("file={file},")), "{head}");
    assert!(head.contains(",line=43,"), "the decisive line (after 40 log lines and the traceback's 2): {head}");
    assert!(head.contains("title=429-quota-exceeded%3A You exceeded your current quota (HTTP 429)"), "{head}");
    assert!(!message.contains('\n') && message.contains("%0A"), "{message}");
    assert!(message.starts_with("Cause: ") && message.contains("%0ASolution: "), "{message}");
    // No match: no annotation, exit 1. Standard input: no file property.
    let o = run(&["--format=github"], b"hello\n");
    assert_eq!((o.status.code(), o.stdout.len()), (Some(1), 0));
    let out = stdout(&run(&["--format=github"], QUOTA.as_bytes()));
    assert!(out.starts_with("::error line=3,title="), "{out}");
}

#[test]
fn explain_prints_one_entry_in_full_and_an_unknown_id_is_a_usage_error() {
    let o = run(&["--explain", "429-quota-exceeded"], b"");
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    let e = openai_error_explainer::entry("429-quota-exceeded").expect("the entry");
    assert!(out.starts_with("429-quota-exceeded You exceeded your current quota (api, HTTP 429)"), "{out}");
    for part in ["Cause", "Solution", "Why this happens", "What to do", "Links", "Example"] {
        assert!(out.contains(part), "no {part}:\n{out}");
    }
    assert!(out.contains(e.prose().cause));
    assert!(out.contains(e.prose().links[0].url));
    let o = run(&["--explain", "no-such-id"], b"");
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--list"), "says how to see the ids");
}
