//! Turns the catalogue (`src/catalogue/{api,sdk,guides}/*.md`) into a Rust table at build time.
//!
//! Each file is checked (front matter keys, id = file name, no duplicate ids, required sections) and its
//! Markdown is rendered to HTML here, so neither the CLI nor the wasm carries a Markdown parser. A malformed
//! entry stops the build with `file:line: what is wrong`. The format is documented in
//! `src/catalogue/README.md`.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::{env, fs, process};

use pulldown_cmark::{html, Event, Options, Parser};

const DIRS: [(&str, &str); 3] = [("api", "api"), ("sdk", "sdk"), ("guides", "guide")];
const REQUIRED_SECTIONS: [&str; 3] = ["Why this happens", "What to do", "Example"];

fn main() {
    println!("cargo:rerun-if-changed=src/catalogue");
    let root = Path::new("src/catalogue");
    let mut entries = Vec::new();
    let mut errors = Vec::new();
    for (dir, kind) in DIRS {
        let mut files: Vec<PathBuf> = match fs::read_dir(root.join(dir)) {
            Ok(rd) => rd
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "md"))
                .collect(),
            Err(e) => {
                errors.push(format!("{}: {e}", root.join(dir).display()));
                continue;
            }
        };
        files.sort();
        for path in files {
            println!("cargo:rerun-if-changed={}", path.display());
            match fs::read_to_string(&path) {
                Ok(text) => match parse_entry(&path, &text, kind) {
                    Ok(entry) => entries.push(entry),
                    Err(e) => errors.push(e),
                },
                Err(e) => errors.push(format!("{}: {e}", path.display())),
            }
        }
    }
    let mut seen = BTreeSet::new();
    for e in &entries {
        if !seen.insert(e.id.clone()) {
            errors.push(format!("{}:2: duplicate id `{}`", e.file, e.id));
        }
    }
    if !errors.is_empty() {
        for e in &errors {
            eprintln!("catalogue error: {e}");
        }
        process::exit(1);
    }
    let out = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("catalogue.rs");
    fs::write(&out, generate(&entries)).expect("writing the generated catalogue");
    let prose = out.with_file_name("catalogue_prose.rs");
    fs::write(prose, generate_prose(&entries)).expect("writing the generated catalogue prose");
}

#[derive(Default)]
struct Draft {
    file: String,
    id: String,
    title: String,
    kind: String,
    status: Option<(u16, u16)>,
    retry: String,
    cause: String,
    solution: String,
    status_decides: bool,
    no_status: bool,
    needs_azure: bool,
    needs_openai: bool,
    code_shared: bool,
    links: Vec<(String, String)>,
    codes: Vec<String>,
    types: Vec<String>,
    messages: Vec<String>,
    classes: Vec<String>,
    why_md: String,
    steps_md: String,
    why_html: String,
    steps_html: String,
    more_html: String,
    example: String,
}

fn parse_entry(path: &Path, text: &str, kind: &str) -> Result<Draft, String> {
    let file = path.display().to_string();
    let at = |line: usize, msg: String| format!("{file}:{line}: {msg}");
    let text = text.replace("\r\n", "\n");
    let mut lines = text.lines().enumerate();
    if lines.next().map(|(_, l)| l) != Some("---") {
        return Err(at(1, "expected `---` opening the front matter".into()));
    }
    let mut d = Draft { file: file.clone(), kind: kind.to_string(), ..Draft::default() };
    let mut body_start = None;
    for (i, line) in lines.by_ref() {
        let n = i + 1;
        if line == "---" {
            body_start = Some(n);
            break;
        }
        let Some((key, value)) = line.split_once(':') else {
            return Err(at(n, format!("expected `key: value`, found `{line}`")));
        };
        let value = value.trim().to_string();
        if value.is_empty() {
            return Err(at(n, format!("`{key}` has no value")));
        }
        let single = |slot: &mut String| {
            if slot.is_empty() {
                *slot = value.clone();
                Ok(())
            } else {
                Err(at(n, format!("`{key}` given twice")))
            }
        };
        match key.trim() {
            "id" => single(&mut d.id)?,
            "title" => single(&mut d.title)?,
            "kind" => {
                if value != kind {
                    return Err(at(n, format!("kind `{value}` but the file is in the `{kind}` folder")));
                }
            }
            "status" if value == "none" => d.no_status = true,
            "status" => d.status = Some(parse_status(&value).ok_or_else(|| at(n, format!("bad status `{value}`")))?),
            "retry" => match value.as_str() {
                "now" | "wait" | "never" => single(&mut d.retry)?,
                _ => return Err(at(n, format!("retry must be now, wait or never, not `{value}`"))),
            },
            "cause" => single(&mut d.cause)?,
            "solution" => single(&mut d.solution)?,
            "status-decides" => d.status_decides = value == "yes",
            "code-shared" => d.code_shared = value == "yes",
            "needs" => match value.as_str() {
                "azure" => d.needs_azure = true,
                "openai" => d.needs_openai = true,
                _ => return Err(at(n, format!("needs must be `azure` or `openai`, not `{value}`"))),
            },
            "link" => {
                let Some((label, url)) = value.split_once(" | ") else {
                    return Err(at(n, "link must be `Label | https://…`".into()));
                };
                if !url.trim().starts_with("https://") {
                    return Err(at(n, format!("link `{url}` is not https")));
                }
                d.links.push((label.trim().to_string(), url.trim().to_string()));
            }
            "code" => d.codes.push(value),
            "type" => d.types.push(value),
            "message" => d.messages.push(value),
            "class" => d.classes.push(value),
            other => return Err(at(n, format!("unknown key `{other}`"))),
        }
    }
    let Some(body_start) = body_start else {
        return Err(at(1, "front matter is not closed by `---`".into()));
    };
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
    if d.id != stem {
        return Err(at(2, format!("id `{}` does not match the file name `{stem}`", d.id)));
    }
    if d.title.is_empty() {
        return Err(at(2, "missing `title`".into()));
    }
    let matched = kind != "guide";
    if matched && (d.retry.is_empty() || d.cause.is_empty() || d.solution.is_empty()) {
        return Err(at(2, "api and sdk entries need `retry`, `cause` and `solution`".into()));
    }
    if matched && d.codes.is_empty() && d.messages.is_empty() && d.classes.is_empty() && !d.status_decides {
        return Err(at(2, "no match signal: give a code, message or class".into()));
    }
    let body: Vec<&str> = text.lines().skip(body_start).collect();
    let sections = split_sections(&body);
    if matched {
        let names: Vec<&str> = sections.iter().map(|s| s.0.as_str()).collect();
        let required_in_order: Vec<&str> =
            names.iter().copied().filter(|n| REQUIRED_SECTIONS.contains(n)).collect();
        if required_in_order != REQUIRED_SECTIONS {
            return Err(at(
                body_start + 1,
                format!("sections must include {REQUIRED_SECTIONS:?} in that order; found {names:?}"),
            ));
        }
    }
    for (name, md) in &sections {
        match name.as_str() {
            "Why this happens" if matched => {
                d.why_html = render(md);
                d.why_md = md.trim().to_string();
            }
            "What to do" if matched => {
                d.steps_html = render(md);
                d.steps_md = md.trim().to_string();
            }
            "Example" if matched => {
                d.example = first_code_block(md)
                    .ok_or_else(|| at(body_start, "the Example section needs a fenced code block".into()))?;
            }
            _ => {
                let _ = write!(d.more_html, "<h3>{}</h3>\n{}", escape(name), render(md));
            }
        }
    }
    Ok(d)
}

fn parse_status(v: &str) -> Option<(u16, u16)> {
    let (lo, hi) = v.split_once('-').unwrap_or((v, v));
    let (lo, hi) = (lo.trim().parse().ok()?, hi.trim().parse().ok()?);
    (100..=599).contains(&lo).then_some((lo, hi)).filter(|_| hi >= lo && hi <= 599)
}

/// Splits the body at `## ` headings that are not inside a code fence.
fn split_sections(body: &[&str]) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    let mut in_fence = false;
    for line in body {
        if line.trim_start().starts_with("```") {
            in_fence = !in_fence;
        }
        if !in_fence && line.starts_with("## ") {
            out.push((line[3..].trim().to_string(), String::new()));
        } else if let Some(last) = out.last_mut() {
            last.1.push_str(line);
            last.1.push('\n');
        }
    }
    out
}

fn first_code_block(md: &str) -> Option<String> {
    let start = md.find("```")?;
    let after = &md[start..];
    let body_start = after.find('\n')? + 1;
    let end = after[body_start..].find("\n```")?;
    Some(after[body_start..body_start + end + 1].to_string())
}

fn render(md: &str) -> String {
    let opts = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    // Raw HTML in an entry is shown as text: nothing in the catalogue becomes markup by accident.
    let events = Parser::new_ext(md, opts).map(|ev| match ev {
        Event::Html(s) | Event::InlineHtml(s) => Event::Text(s),
        other => other,
    });
    let mut out = String::new();
    html::push_html(&mut out, events);
    // Official links open outside the page (which may be framed by a documentation site).
    out.replace("<a href=\"", "<a rel=\"noopener noreferrer\" target=\"_blank\" href=\"")
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

fn generate(entries: &[Draft]) -> String {
    let mut s = String::from("// Generated by build.rs from src/catalogue/**/*.md; do not edit.\n");
    s.push_str("pub static ENTRIES: &[Entry] = &[\n");
    let strs = |v: &[String]| format!("&[{}]", v.iter().map(|x| format!("{x:?}")).collect::<Vec<_>>().join(", "));
    for d in entries {
        let kind = match d.kind.as_str() {
            "api" => "Kind::Api",
            "sdk" => "Kind::Sdk",
            _ => "Kind::Guide",
        };
        let retry = match d.retry.as_str() {
            "now" => "Some(Retry::Now)",
            "wait" => "Some(Retry::Wait)",
            "never" => "Some(Retry::Never)",
            _ => "None",
        };
        let status = match d.status {
            Some((lo, hi)) => format!("Some(({lo}, {hi}))"),
            None => "None".into(),
        };
        let _ = writeln!(
            s,
            "    Entry {{ id: {:?}, title: {:?}, kind: {kind}, status: {status}, retry: {retry}, \
             status_decides: {}, no_status: {}, needs_azure: {}, needs_openai: {}, code_shared: {}, \
             signals: Signals {{ codes: {}, types: {}, messages: {}, classes: {} }} }},",
            d.id,
            d.title,
            d.status_decides,
            d.no_status,
            d.needs_azure,
            d.needs_openai,
            d.code_shared,
            strs(&d.codes),
            strs(&d.types),
            strs(&d.messages),
            strs(&d.classes),
        );
    }
    s.push_str("];\n");
    s
}

/// The prose of each entry, in the same order as ENTRIES: only in builds with the `prose` feature (the CLI,
/// the tests); the wasm leaves it out and the npm package ships it as a JavaScript module instead.
fn generate_prose(entries: &[Draft]) -> String {
    let mut s = String::from("// Generated by build.rs from src/catalogue/**/*.md; do not edit.\n");
    s.push_str("pub static PROSE: &[Prose] = &[\n");
    for d in entries {
        let links = d
            .links
            .iter()
            .map(|(l, u)| format!("Link {{ label: {l:?}, url: {u:?} }}"))
            .collect::<Vec<_>>()
            .join(", ");
        let _ = writeln!(
            s,
            "    Prose {{ cause: {:?}, solution: {:?}, links: &[{links}], why_html: {:?}, steps_html: {:?}, \
             more_html: {:?}, example: {:?}, why_md: {:?}, steps_md: {:?} }},",
            d.cause, d.solution, d.why_html, d.steps_html, d.more_html, d.example, d.why_md, d.steps_md,
        );
    }
    s.push_str("];\n");
    s
}
