//! The `openai-error-explainer` command: reads pastes from files or standard input and prints each explanation
//! (readable, `--json`, `--report`, or GitHub Actions annotations), a catalogue entry in full (`--explain`), or
//! the catalogue (`--list`). Running the parts in `cli/` and the library: no logic of its own beyond that.
//!
//! Exit status: 0 when something matched (in any input), 1 when nothing did, 2 for a usage or I/O error.

mod cli;

use std::io::{self, IsTerminal, Read, Write};
use std::process::ExitCode;

use cli::args::{self, Colour, Command, Format};
use openai_error_explainer::{catalogue, catalogue_json, decode, entry, explain, Explanation};

const USAGE: &str = "usage: openai-error-explainer [--json | --report | --format FORMAT] [-q] [--color WHEN] [FILE ...]
       openai-error-explainer --explain ID
       openai-error-explainer --list [--json]

Explains a failed OpenAI API call from what you paste: an SDK traceback (Python or Node), an HTTP
response (curl -i, devtools), a log excerpt or just the error message. Reads each FILE (each answer
headed by its name), or standard input when FILE is - or missing. API keys are redacted from
everything it prints.

  --json             the explanation as JSON (matches, evidence, retry, notes, report); one line per FILE
  --report           the support report only: the checklist support asks for, filled from the paste
  --format FORMAT    text (the default), json, report, or github: GitHub Actions annotations
                     (::error file=...,line=...), shown on the workflow run's page
  -q, --quiet        print nothing: the exit status says whether anything matched
  --color WHEN       auto (the default: on a terminal, unless TERM=dumb or NO_COLOR is set), always, never
  --explain ID       one catalogue entry in full (its why, what to do, links and an example)
  --list             the catalogue: every id and title (with --json: every entry in full, as JSON)
  -h, --help         this text
  --version          the version

Exit status: 0 matched (in any FILE), 1 no match, 2 usage or I/O error.";

fn main() -> ExitCode {
    // A panic message can quote the paste (std's slicing errors print 256 bytes of the string, keys and all):
    // say where it happened, never what the text was.
    std::panic::set_hook(Box::new(|info| {
        let at = info.location().map(|l| format!(" at {}:{}", l.file(), l.line())).unwrap_or_default();
        eprintln!(
            "openai-error-explainer: internal error{at}. This is a bug: please report it with the smallest input \
             that shows it (remove any keys first)."
        );
    }));
    let args = match args::parse(std::env::args().skip(1)) {
        Ok(a) => a,
        Err(msg) => {
            eprintln!("openai-error-explainer: {msg}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match run(args) {
        Ok(code) => code,
        Err(msg) => {
            eprintln!("openai-error-explainer: {msg}");
            ExitCode::from(2)
        }
    }
}

fn run(a: args::Args) -> Result<ExitCode, String> {
    let colour = colour(a.colour);
    match a.command {
        Command::Help => write(&format!("{USAGE}\n")).map(|_| ExitCode::SUCCESS),
        Command::Version => write(&format!("openai-error-explainer {}\n", openai_error_explainer::VERSION)).map(|_| ExitCode::SUCCESS),
        Command::List { json: true } => write(&(catalogue_json() + "\n")).map(|_| ExitCode::SUCCESS),
        Command::List { json: false } => {
            let mut out = String::new();
            for e in catalogue() {
                out.push_str(&format!("{:<34} {:<6} {}\n", e.id, e.kind.as_str(), e.title));
            }
            write(&out).map(|_| ExitCode::SUCCESS)
        }
        Command::Entry(id) => match entry(&id) {
            Some(e) => {
                let st = Style { on: colour };
                write(&cli::entry::full(e, |s| st.paint("1", s))).map(|_| ExitCode::SUCCESS)
            }
            None => Err(format!(
                "no catalogue entry '{}': `openai-error-explainer --list` shows every id",
                printable(&id)
            )),
        },
        Command::Explain { format, inputs } => explain_inputs(format, &inputs, colour, a.quiet),
    }
}

fn colour(choice: Colour) -> bool {
    let term = std::env::var("TERM").ok();
    let no_color = std::env::var("NO_COLOR").ok();
    args::use_colour(choice, io::stdout().is_terminal(), term.as_deref(), no_color.as_deref())
}

/// Explains every input in turn. An input that cannot be read is reported and the rest are still explained;
/// the exit status is then 2.
fn explain_inputs(format: Format, inputs: &[String], colour: bool, quiet: bool) -> Result<ExitCode, String> {
    let stdin = [String::from("-")];
    let inputs = if inputs.is_empty() { &stdin[..] } else { inputs };
    let several = inputs.len() > 1;
    let (mut matched, mut failed) = (false, false);
    for (n, input) in inputs.iter().enumerate() {
        let bytes = match read_input(input) {
            Ok(b) => b,
            Err(msg) => {
                eprintln!("openai-error-explainer: {msg}");
                failed = true;
                continue;
            }
        };
        let text = decode(&bytes);
        if std::env::var_os("OPENAI_ERROR_EXPLAINER_PANIC_FOR_TESTS").is_some() {
            // Only for tests/hostile.rs, which checks that the panic hook above keeps the paste out of stderr.
            panic!("deliberate panic quoting the paste: {text}");
        }
        let answer = explain(&text);
        matched |= !answer.matches.is_empty();
        if quiet {
            continue;
        }
        let name = (input != "-").then_some(input.as_str());
        let mut out = String::new();
        if several && format != Format::Github && format != Format::Json {
            let st = Style { on: colour };
            if n > 0 {
                out.push('\n');
            }
            out.push_str(&format!("{}\n", st.paint("1;4", &format!("==> {} <==", printable(name.unwrap_or("(standard input)"))))));
        }
        out.push_str(&match format {
            Format::Json if several => json_with_file(&answer, name),
            Format::Json => answer.to_json() + "\n",
            Format::Report => printable(&answer.report),
            Format::Github => cli::github::annotation(&answer, name, printable).unwrap_or_default(),
            Format::Human => human(&answer, colour),
        });
        write(&out)?;
    }
    Ok(match (failed, matched) {
        (true, _) => ExitCode::from(2),
        (false, true) => ExitCode::SUCCESS,
        (false, false) => ExitCode::from(1),
    })
}

/// One JSON line per input when there are several: the explanation with the input's name first.
fn json_with_file(a: &Explanation, name: Option<&str>) -> String {
    let json = a.to_json();
    let file = name.map_or("null".to_string(), json_string);
    match json.strip_prefix('{') {
        Some(rest) => format!("{{\"file\":{file},{rest}\n"),
        None => json + "\n",
    }
}

fn json_string(s: &str) -> String {
    let mut o = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => o.push_str("\\\""),
            '\\' => o.push_str("\\\\"),
            c if (c as u32) < 0x20 => o.push_str(&format!("\\u{:04x}", c as u32)),
            c => o.push(c),
        }
    }
    o.push('"');
    o
}

fn read_input(path: &str) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    match path {
        "-" => {
            if io::stdin().is_terminal() {
                eprintln!("Paste the error, then press Ctrl-D (Ctrl-Z then Enter on Windows):");
            }
            io::stdin().read_to_end(&mut bytes).map_err(|e| format!("reading standard input: {e}"))?;
        }
        p => bytes = std::fs::read(p).map_err(|e| format!("reading {}: {e}", printable(p)))?,
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
