//! A small JSON writer for the CLI's `--json` and the wasm boundary. Writing JSON is a few dozen lines;
//! serde_json would add about 15 KB gzipped to the .wasm for the same output.

use std::fmt::Write as _;

/// Builds one JSON object; nested values are written with the same builder.
pub struct Obj {
    buf: String,
    first: bool,
}

impl Obj {
    pub fn new() -> Obj {
        Obj { buf: String::from("{"), first: true }
    }

    fn key(&mut self, key: &str) {
        if !self.first {
            self.buf.push(',');
        }
        self.first = false;
        string(&mut self.buf, key);
        self.buf.push(':');
    }

    /// A string field.
    pub fn str(mut self, key: &str, value: &str) -> Obj {
        self.key(key);
        string(&mut self.buf, value);
        self
    }

    /// A string field, or `null`.
    pub fn opt_str(mut self, key: &str, value: Option<&str>) -> Obj {
        self.key(key);
        match value {
            Some(v) => string(&mut self.buf, v),
            None => self.buf.push_str("null"),
        }
        self
    }

    /// An integer field, or `null`.
    pub fn int(mut self, key: &str, value: Option<u64>) -> Obj {
        self.key(key);
        match value {
            Some(v) => {
                let _ = write!(self.buf, "{v}");
            }
            None => self.buf.push_str("null"),
        }
        self
    }

    /// Milliseconds written as a number of seconds (`9816` → `9.816`), or `null`.
    pub fn seconds(mut self, key: &str, ms: Option<u64>) -> Obj {
        self.key(key);
        match ms {
            Some(ms) => self.buf.push_str(&millis_as_seconds(ms)),
            None => self.buf.push_str("null"),
        }
        self
    }

    /// A boolean field.
    pub fn bool(mut self, key: &str, value: bool) -> Obj {
        self.key(key);
        self.buf.push_str(if value { "true" } else { "false" });
        self
    }

    /// A field holding JSON written elsewhere (an object or array from this module).
    pub fn raw(mut self, key: &str, json: &str) -> Obj {
        self.key(key);
        self.buf.push_str(json);
        self
    }

    /// An array of strings.
    pub fn strs<'a>(self, key: &str, values: impl IntoIterator<Item = &'a str>) -> Obj {
        let items: Vec<String> = values.into_iter().map(|v| {
            let mut s = String::new();
            string(&mut s, v);
            s
        }).collect();
        self.raw(key, &array(items))
    }

    pub fn end(mut self) -> String {
        self.buf.push('}');
        self.buf
    }
}

/// `9816` → `9.816`, `2000` → `2`, `20` → `0.02`: exact decimal text, no float arithmetic.
pub fn millis_as_seconds(ms: u64) -> String {
    let frac = ms % 1000;
    if frac == 0 {
        return (ms / 1000).to_string();
    }
    let digits = format!("{frac:03}");
    format!("{}.{}", ms / 1000, digits.trim_end_matches('0'))
}

/// An array from already-written JSON values.
pub fn array(items: impl IntoIterator<Item = String>) -> String {
    let items: Vec<String> = items.into_iter().collect();
    format!("[{}]", items.join(","))
}

/// Writes `s` as a JSON string. Characters that could end a `<script>` block or confuse a terminal are
/// escaped too, so the output is safe wherever it is pasted.
pub fn string(buf: &mut String, s: &str) {
    buf.push('"');
    for c in s.chars() {
        match c {
            '"' => buf.push_str("\\\""),
            '\\' => buf.push_str("\\\\"),
            '\n' => buf.push_str("\\n"),
            '\r' => buf.push_str("\\r"),
            '\t' => buf.push_str("\\t"),
            '<' => buf.push_str("\\u003c"),
            '>' => buf.push_str("\\u003e"),
            '&' => buf.push_str("\\u0026"),
            '\u{2028}' => buf.push_str("\\u2028"),
            '\u{2029}' => buf.push_str("\\u2029"),
            c if (c as u32) < 0x20 || c == '\u{7f}' => {
                let _ = write!(buf, "\\u{:04x}", c as u32);
            }
            c => buf.push(c),
        }
    }
    buf.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_what_json_and_html_need() {
        let mut s = String::new();
        string(&mut s, "a\"b\\c\n</script>\u{1b}");
        assert_eq!(s, r#""a\"b\\c\n\u003c/script\u003e\u001b""#);
    }

    #[test]
    fn numbers_and_nulls() {
        let j = Obj::new().int("a", Some(3)).seconds("b", Some(250)).seconds("c", None).opt_str("d", None).end();
        assert_eq!(j, r#"{"a":3,"b":0.25,"c":null,"d":null}"#);
        assert_eq!(millis_as_seconds(9816), "9.816");
        assert_eq!(millis_as_seconds(86_400_000), "86400");
    }
}
