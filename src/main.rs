//! The `openai-error-explainer` command: reads a paste from a file or standard input and prints the
//! explanation (readable, `--json`, or `--report`), or the catalogue (`--list`). Argument parsing, colour
//! and exit codes only; everything else is the library.
//!
//! Exit status: 0 when something matched, 1 when nothing did, 2 for a usage or I/O error.

use std::io::{self, IsTerminal, Read, Write};
use std::process::ExitCode;

use openai_error_explainer::{catalogue, catalogue_json, decode, explain, Explanation};

const USAGE: &str = "usage: openai-error-explainer [--json | --report | --list [--json]] [FILE | -]

Explains a failed OpenAI API call from what you paste: an SDK traceback (Python or Node), an HTTP
response (curl -i, devtools), a log excerpt or just the error message. Reads FILE, or standard input
when FILE is - or missing. API keys are redacted from everything it prints.

  --json     the explanation as JSON (matches, evidence, retry, notes, report)
  --report   the support report only: the checklist support asks for, filled from the paste
  --list     the catalogue: every id and title (with --json: every entry in full, as JSON)
  -h, --help this text
  --version  the version

Exit status: 0 matched, 1 no match, 2 usage or I/O error.";

enum Mode {
    Human,
    Json,
    Report,
    List,
}

fn main() -> ExitCode {
    match run() {
        Ok(code) => code,
        Err(msg) => {
            eprintln!("openai-error-explainer: {msg}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<ExitCode, String> {
    let mut mode = Mode::Human;
    let mut json = false;
    let mut path: Option<String> = None;
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--json" => json = true,
            "--report" => mode = Mode::Report,
            "--list" => mode = Mode::List,
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(ExitCode::SUCCESS);
            }
            "--version" => {
                println!("openai-error-explainer {}", openai_error_explainer::VERSION);
                return Ok(ExitCode::SUCCESS);
            }
            a if a.starts_with('-') && a != "-" => return Err(format!("unknown option {a}\n\n{USAGE}")),
            a if path.is_some() => return Err(format!("one input at a time (got {a} too)\n\n{USAGE}")),
            a => path = Some(a.to_string()),
        }
    }
    if let (Mode::List, true) = (&mode, json) {
        return write(&(catalogue_json() + "\n")).map(|_| ExitCode::SUCCESS);
    }
    if let Mode::List = mode {
        let mut out = String::new();
        for e in catalogue() {
            out.push_str(&format!("{:<34} {:<6} {}\n", e.id, e.kind.as_str(), e.title));
        }
        return write(&out).map(|_| ExitCode::SUCCESS);
    }
    if json && matches!(mode, Mode::Human) {
        mode = Mode::Json;
    }
    let bytes = read_input(path.as_deref())?;
    let text = decode(&bytes);
    let answer = explain(&text);
    let out = match mode {
        Mode::Json => answer.to_json() + "\n",
        Mode::Report => printable(&answer.report),
        _ => human(&answer, io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()),
    };
    write(&out)?;
    Ok(if answer.matches.is_empty() { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

fn read_input(path: Option<&str>) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    match path {
        None | Some("-") => {
            if io::stdin().is_terminal() {
                eprintln!("Paste the error, then press Ctrl-D (Ctrl-Z then Enter on Windows):");
            }
            io::stdin().read_to_end(&mut bytes).map_err(|e| format!("reading standard input: {e}"))?;
        }
        Some(p) => bytes = std::fs::read(p).map_err(|e| format!("reading {p}: {e}"))?,
    }
    Ok(bytes)
}

fn write(s: &str) -> Result<(), String> {
    let mut out = io::stdout().lock();
    match out.write_all(s.as_bytes()).and_then(|_| out.flush()) {
        // A closed pipe (`| head`) is not an error worth reporting.
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(format!("writing output: {e}")),
        _ => Ok(()),
    }
}

/// Text from the paste with control characters (terminal escapes) and bidi overrides shown, not obeyed.
fn printable(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\n' | '\t' => c.to_string(),
            c if c.is_control() || ('\u{202a}'..='\u{202e}').contains(&c) || ('\u{2066}'..='\u{2069}').contains(&c) => {
                format!("<U+{:04X}>", c as u32)
            }
            c => c.to_string(),
        })
        .collect()
}

struct Style {
    on: bool,
}

impl Style {
    fn paint(&self, code: &str, s: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
}

fn human(a: &Explanation, colour: bool) -> String {
    let st = Style { on: colour };
    let mut o = String::new();
    let Some(first) = a.matches.first() else {
        o.push_str("No known OpenAI API error found in this text.\n\n");
        let ev = &a.evidence;
        if let Some(s) = ev.status() {
            o.push_str(&format!("Recognised: HTTP status {s}.\n"));
        }
        if let Some(vendor) = ev.foreign {
            let article = if vendor.starts_with(['A', 'E', 'I', 'O', 'U']) { "an" } else { "a" };
            o.push_str(&format!("This is {article} {vendor} error, not an OpenAI one.\n"));
        }
        o.push_str(
            "Paste the whole traceback or HTTP response: the last exception line (openai.SomeError: …), the status \
             line and the JSON body are what identify an OpenAI error.\n",
        );
        return printable(&o);
    };
    let e = first.entry;
    let status = e.status_text().map(|s| format!(" (HTTP {s})")).unwrap_or_default();
    o.push_str(&format!("{} {}{}\n", st.paint("1;31", e.id), st.paint("1", e.title), status));
    o.push_str(&format!("  {}\n\n", st.paint("2", &format!("matched on: {}", printable(&first.reasons.join(", "))))));
    let p = e.prose();
    o.push_str(&format!("{} {}\n", st.paint("1", "Cause    "), p.cause));
    o.push_str(&format!("{} {}\n", st.paint("1", "Solution "), p.solution));
    if let Some(v) = &a.retry {
        o.push_str(&format!("{} {}: {}\n", st.paint("1", "Retry    "), v.retry.as_str(), v.why));
    }
    if !a.notes.is_empty() {
        o.push_str(&format!("\n{}\n", st.paint("1", "From your paste")));
        for n in &a.notes {
            o.push_str(&format!("  - {}\n", printable(n)));
        }
    }
    o.push_str(&format!("\n{}\n{}\n", st.paint("1", "Why this happens"), indent(p.why_md)));
    o.push_str(&format!("\n{}\n{}\n", st.paint("1", "What to do"), indent(p.steps_md)));
    if !p.links.is_empty() {
        o.push_str(&format!("\n{}\n", st.paint("1", "Links")));
        for l in p.links {
            o.push_str(&format!("  {}: {}\n", l.label, l.url));
        }
    }
    let ev = &a.evidence;
    let d = ev.decisive();
    let facts: Vec<String> = [
        ("status", ev.status().map(|s| s.to_string())),
        ("message", d.and_then(|i| i.message.as_ref()).map(|m| m.chars().take(300).collect())),
        ("code", d.and_then(|i| i.code.clone())),
        ("type", d.and_then(|i| i.error_type.clone())),
        ("exception", d.and_then(|i| i.class.clone())),
        ("request id", ev.request_id.clone()),
        ("model", ev.model.clone()),
        ("organization", ev.organization.clone()),
        ("sdk", ev.sdk.map(|s| s.as_str().to_string())),
        ("retry after", ev.retry_after_ms.map(|ms| format!("{} ms", ms))),
        ("timestamp", ev.timestamp.clone()),
    ]
    .into_iter()
    .filter_map(|(k, v)| v.map(|v| format!("{k}: {}", printable(&v))))
    .collect();
    if !facts.is_empty() {
        o.push_str(&format!("\n{}\n  {}\n", st.paint("1", "Evidence"), facts.join(" · ")));
    }
    if a.matches.len() > 1 {
        o.push_str(&format!("\n{}\n", st.paint("1", "Also fits")));
        for m in &a.matches[1..] {
            o.push_str(&format!("  {} (score {}): {}\n", m.entry.id, m.score, printable(&m.reasons.join(", "))));
        }
    }
    o.push_str(&format!("\n{}\n", st.paint("2", "Support report: run again with --report")));
    // Everything taken from the paste went through `printable` above; the only escapes left are `paint`'s.
    o
}

fn indent(md: &str) -> String {
    md.lines().map(|l| format!("  {l}")).collect::<Vec<_>>().join("\n")
}
