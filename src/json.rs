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
        // Room for a typical object up front: growing from one byte took a dozen copies per answer.
        let mut buf = String::with_capacity(256);
        buf.push('{');
        Obj { buf, first: true }
    }

    // Keys are this crate's own field names, which need no escaping.
    fn key(&mut self, key: &str) {
        debug_assert!(key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_'), "{key}");
        self.buf.push_str(if self.first { "\"" } else { ",\"" });
        self.first = false;
        self.buf.push_str(key);
        self.buf.push_str("\":");
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
    let mut out = String::from("[");
    for (i, item) in items.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&item);
    }
    out.push(']');
    out
}

/// The bytes `string` must look at: quotes, backslash, controls, `<`, `>`, `&`, and 0xE2 (U+2028/2029).
const SPECIAL: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 0x20 {
        t[i] = true;
        i += 1;
    }
    t[b'"' as usize] = true;
    t[b'\\' as usize] = true;
    t[b'<' as usize] = true;
    t[b'>' as usize] = true;
    t[b'&' as usize] = true;
    t[0x7f] = true;
    t[0xE2] = true;
    t
};

/// Writes `s` as a JSON string. Characters that could end a `<script>` block or confuse a terminal are
/// escaped too, so the output is safe wherever it is pasted.
pub fn string(buf: &mut String, s: &str) {
    buf.push('"');
    let b = s.as_bytes();
    let mut run = 0;
    for (i, &c) in b.iter().enumerate() {
        // Bytes that need nothing are copied in runs. 0xE2 starts U+2028 / U+2029 (line separators that end a
        // JavaScript string); no other byte of a multi-byte character is special.
        if !SPECIAL[usize::from(c)] {
            continue;
        }
        let escaped = match c {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            b'<' => "\\u003c",
            b'>' => "\\u003e",
            b'&' => "\\u0026",
            0xE2 if b.get(i + 1) == Some(&0x80) && matches!(b.get(i + 2), Some(0xA8 | 0xA9)) => {
                if b[i + 2] == 0xA8 {
                    "\\u2028"
                } else {
                    "\\u2029"
                }
            }
            c if c < 0x20 || c == 0x7f => "",
            _ => continue,
        };
        buf.push_str(&s[run..i]);
        run = i + if c == 0xE2 { 3 } else { 1 };
        if escaped.is_empty() {
            let _ = write!(buf, "\\u{:04x}", c);
        } else {
            buf.push_str(escaped);
        }
    }
    buf.push_str(&s[run..]);
    buf.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_what_json_and_html_need() {
        let mut s = String::new();
        string(&mut s, "a\"b\\c\n</script>\u{1b} é\u{2028}€");
        assert_eq!(s, r#""a\"b\\c\n\u003c/script\u003e\u001b é\u2028€""#);
    }

    #[test]
    fn numbers_and_nulls() {
        let j = Obj::new().int("a", Some(3)).seconds("b", Some(250)).seconds("c", None).opt_str("d", None).end();
        assert_eq!(j, r#"{"a":3,"b":0.25,"c":null,"d":null}"#);
        assert_eq!(millis_as_seconds(9816), "9.816");
        assert_eq!(millis_as_seconds(86_400_000), "86400");
    }
}
