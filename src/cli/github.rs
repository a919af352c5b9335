//! `--format github`: an explanation as a GitHub Actions workflow command, so that a CI step that pipes its
//! log through the explainer shows the answer on the run's summary page, on the line of the log that decided it:
//!
//! ```text
//! ::error file=ci.log,line=212,title=429-quota-exceeded%3A You exceeded your current quota::The account …
//! ```
//!
//! Escaping follows the runner's rules (actions/toolkit, `command.ts`): in the message `%`, `\r` and `\n`
//! become `%25`, `%0D` and `%0A`; in a property `:` and `,` become `%3A` and `%2C` as well.

use openai_error_explainer::Explanation;

/// The message part of a command.
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// A property value (`file=`, `title=`).
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// The `::error` command for an answer, or None when nothing matched (there is nothing to point at). `file` is
/// the input's name (None for standard input); `clean` makes text from the paste safe to print.
pub fn annotation(a: &Explanation, file: Option<&str>, clean: impl Fn(&str) -> String) -> Option<String> {
    let first = a.matches.first()?;
    let e = first.entry;
    let p = e.prose();
    let status = e.status_text().map(|s| format!(" (HTTP {s})")).unwrap_or_default();
    let title = format!("{}: {}{}", e.id, e.title, status);
    let mut message = vec![format!("Cause: {}", p.cause), format!("Solution: {}", p.solution)];
    if let Some(v) = &a.retry {
        message.push(format!("Retry: {}: {}", v.retry.as_str(), v.why));
    }
    for n in &a.notes {
        message.push(format!("Note: {}", clean(n)));
    }
    if let Some(id) = &a.evidence.request_id {
        message.push(format!("Request ID: {}", clean(id)));
    }
    message.push(format!("Matched on: {}", clean(&first.reasons.join(", "))));
    let mut props = Vec::new();
    if let Some(f) = file {
        props.push(format!("file={}", escape_property(&clean(f))));
    }
    if let Some(line) = a.evidence.decisive().map(|i| i.line) {
        props.push(format!("line={line}"));
    }
    props.push(format!("title={}", escape_property(&title)));
    Some(format!("::error {}::{}\n", props.join(","), escape_data(&message.join("\n"))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_as_the_runner_unescapes() {
        assert_eq!(escape_data("100% done\r\nnext: a,b"), "100%25 done%0D%0Anext: a,b");
        assert_eq!(escape_property("429: quota, billing%\n"), "429%3A quota%2C billing%25%0A");
    }
}
