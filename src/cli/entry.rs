//! `--explain <id>`: one catalogue entry in full, as `rustc --explain` prints an error code: what it is, why it
//! happens, what to do, the links, and an example of a paste it answers.

use openai_error_explainer::Entry;

pub fn full(e: &Entry, bold: impl Fn(&str) -> String) -> String {
    let p = e.prose();
    let status = e.status_text().map(|s| format!(", HTTP {s}")).unwrap_or_default();
    let mut o = format!("{} {} ({}{})\n\n", bold(e.id), bold(e.title), e.kind.as_str(), status);
    o.push_str(&format!("{} {}\n{} {}\n", bold("Cause    "), p.cause, bold("Solution "), p.solution));
    if let Some(r) = e.retry {
        o.push_str(&format!("{} {}\n", bold("Retry    "), r.as_str()));
    }
    for (heading, md) in [("Why this happens", p.why_md), ("What to do", p.steps_md)] {
        if !md.trim().is_empty() {
            o.push_str(&format!("\n{}\n{}\n", bold(heading), indent(md)));
        }
    }
    if !p.links.is_empty() {
        o.push_str(&format!("\n{}\n", bold("Links")));
        for l in p.links {
            o.push_str(&format!("  {}: {}\n", l.label, l.url));
        }
    }
    if !p.example.trim().is_empty() {
        o.push_str(&format!("\n{}\n{}\n", bold("Example"), indent(p.example.trim_end())));
    }
    o
}

fn indent(text: &str) -> String {
    text.lines().map(|l| if l.is_empty() { String::new() } else { format!("  {l}") }).collect::<Vec<_>>().join("\n")
}
