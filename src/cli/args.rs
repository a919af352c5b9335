//! The arguments: what to do, on which inputs, in which form; and whether to colour. Conflicting options are
//! refused here with a message, so `main.rs` never has to guess what was meant.

/// How an explanation is printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// For people: entry, cause, fix, retry verdict, notes, steps, links, evidence.
    Human,
    /// The JSON contract.
    Json,
    /// The support report alone.
    Report,
    /// GitHub Actions workflow commands (`::error file=…,line=…::…`).
    Github,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Colour {
    Auto,
    Always,
    Never,
}

#[derive(Debug, PartialEq, Eq)]
pub enum Command {
    /// Explain each input (`-` or none: standard input).
    Explain { format: Format, inputs: Vec<String> },
    /// The catalogue: ids and titles, or (with `--json`) every entry in full.
    List { json: bool },
    /// One catalogue entry in full.
    Entry(String),
    Help,
    Version,
}

#[derive(Debug, PartialEq, Eq)]
pub struct Args {
    pub command: Command,
    pub colour: Colour,
    /// Print nothing; the exit status is the answer.
    pub quiet: bool,
}

/// Reads the arguments (without the program name). The error is a message for a usage error.
pub fn parse<I: IntoIterator<Item = String>>(args: I) -> Result<Args, String> {
    let mut format: Option<(Format, &'static str)> = None;
    let mut list = false;
    let mut json = false;
    let mut entry: Option<String> = None;
    let mut colour = Colour::Auto;
    let mut quiet = false;
    let mut inputs = Vec::new();
    let mut only_inputs = false;
    let mut it = args.into_iter();
    let set = |f: Format, name: &'static str, format: &mut Option<(Format, &'static str)>| match format {
        Some((g, other)) if *g != f => Err(format!("{other} and {name} cannot be used together")),
        _ => {
            *format = Some((f, name));
            Ok(())
        }
    };
    while let Some(arg) = it.next() {
        if only_inputs || arg == "-" || !arg.starts_with('-') {
            inputs.push(arg);
            continue;
        }
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n.to_string(), Some(v.to_string())),
            _ => (arg.clone(), None),
        };
        let mut value = |what: &str| -> Result<String, String> {
            inline.clone().or_else(|| it.next()).ok_or_else(|| format!("{name} needs {what}"))
        };
        match name.as_str() {
            "--" => only_inputs = true,
            "--json" => json = true,
            "--report" => set(Format::Report, "--report", &mut format)?,
            "--format" => match value("a format: text, json, report or github")?.as_str() {
                "text" | "human" => set(Format::Human, "--format text", &mut format)?,
                "json" => json = true,
                "report" => set(Format::Report, "--format report", &mut format)?,
                "github" => set(Format::Github, "--format github", &mut format)?,
                other => return Err(format!("unknown format '{other}' (text, json, report or github)")),
            },
            "--list" => list = true,
            "--explain" => entry = Some(value("an entry id (see --list)")?),
            "--color" | "--colour" => {
                colour = match value("auto, always or never")?.as_str() {
                    "auto" => Colour::Auto,
                    "always" => Colour::Always,
                    "never" => Colour::Never,
                    other => return Err(format!("{name}={other}: say auto, always or never")),
                }
            }
            "-q" | "--quiet" => quiet = true,
            "-h" | "--help" => return Ok(Args { command: Command::Help, colour, quiet }),
            "--version" => return Ok(Args { command: Command::Version, colour, quiet }),
            _ => return Err(format!("unknown option {arg}")),
        }
        if inline.is_some() && !matches!(name.as_str(), "--format" | "--explain" | "--color" | "--colour") {
            return Err(format!("{name} takes no value"));
        }
    }
    if json {
        set(Format::Json, "--json", &mut format)?;
    }
    let command = match (list, entry) {
        (true, Some(_)) => return Err("--list and --explain cannot be used together".into()),
        (true, None) => {
            if let Some(input) = inputs.first() {
                return Err(format!("--list reads no input (got {input})"));
            }
            match format {
                None | Some((Format::Json, _)) => Command::List { json },
                Some((_, name)) => return Err(format!("--list and {name} cannot be used together")),
            }
        }
        (false, Some(id)) => {
            if let Some(input) = inputs.first() {
                return Err(format!("--explain reads no input (got {input})"));
            }
            if let Some((_, name)) = format {
                return Err(format!("--explain and {name} cannot be used together"));
            }
            Command::Entry(id)
        }
        (false, None) => Command::Explain { format: format.map_or(Format::Human, |f| f.0), inputs },
    };
    if quiet && !matches!(command, Command::Explain { .. }) {
        return Err("-q only goes with explaining (its answer is the exit status)".into());
    }
    Ok(Args { command, colour, quiet })
}

/// Whether to colour: `always` and `never` say so; `auto` colours a terminal, unless `TERM` is `dumb` or
/// `NO_COLOR` is set to something (an empty `NO_COLOR` does not count, as no-color.org says).
pub fn use_colour(choice: Colour, terminal: bool, term: Option<&str>, no_color: Option<&str>) -> bool {
    match choice {
        Colour::Always => true,
        Colour::Never => false,
        Colour::Auto => terminal && term != Some("dumb") && no_color.is_none_or(str::is_empty),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(args: &[&str]) -> Result<Args, String> {
        parse(args.iter().map(|s| s.to_string()))
    }

    fn explain(format: Format, inputs: &[&str]) -> Command {
        Command::Explain { format, inputs: inputs.iter().map(|s| s.to_string()).collect() }
    }

    #[test]
    fn forms_and_inputs() {
        assert_eq!(p(&[]).unwrap().command, explain(Format::Human, &[]));
        assert_eq!(p(&["a.log", "-", "b.log"]).unwrap().command, explain(Format::Human, &["a.log", "-", "b.log"]));
        assert_eq!(p(&["--json", "a"]).unwrap().command, explain(Format::Json, &["a"]));
        assert_eq!(p(&["--format", "github", "a"]).unwrap().command, explain(Format::Github, &["a"]));
        assert_eq!(p(&["--format=github"]).unwrap().command, explain(Format::Github, &[]));
        assert_eq!(p(&["--", "--json"]).unwrap().command, explain(Format::Human, &["--json"]));
        assert_eq!(p(&["--list", "--json"]).unwrap().command, Command::List { json: true });
        assert_eq!(p(&["--explain", "429-rate-limit"]).unwrap().command, Command::Entry("429-rate-limit".into()));
        assert_eq!(p(&["--explain=RateLimitError"]).unwrap().command, Command::Entry("RateLimitError".into()));
        assert!(p(&["-q", "x"]).unwrap().quiet);
        assert_eq!(p(&["--color=never"]).unwrap().colour, Colour::Never);
        assert_eq!(p(&["--colour", "always"]).unwrap().colour, Colour::Always);
    }

    #[test]
    fn conflicts_and_mistakes_are_refused() {
        for bad in [
            &["--json", "--report"][..],
            &["--report", "--json"],
            &["--format", "github", "--json"],
            &["--format", "github", "--report"],
            &["--list", "a.log"],
            &["--list", "--report"],
            &["--list", "--explain", "x"],
            &["--explain", "x", "a.log"],
            &["--explain", "x", "--json"],
            &["--explain"],
            &["--format", "xml"],
            &["--color=sometimes"],
            &["--json=yes"],
            &["-q", "--list"],
            &["--frobnicate"],
        ] {
            assert!(p(bad).is_err(), "{bad:?} was accepted");
        }
    }

    #[test]
    fn colour_follows_the_terminal_term_and_no_color() {
        use Colour::*;
        assert!(use_colour(Auto, true, Some("xterm-256color"), None));
        assert!(!use_colour(Auto, false, Some("xterm"), None));
        assert!(!use_colour(Auto, true, Some("dumb"), None));
        assert!(!use_colour(Auto, true, None, Some("1")));
        assert!(use_colour(Auto, true, None, Some("")), "an empty NO_COLOR does not count");
        assert!(use_colour(Always, false, Some("dumb"), Some("1")));
        assert!(!use_colour(Never, true, None, None));
    }
}
