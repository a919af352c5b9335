//! A tolerant parser for the object literals that error pastes carry: JSON bodies, the Python dict reprs the
//! 1.x SDK prints (`{'error': {'code': None}}`), and the JavaScript objects Node prints (`{ status: 429,
//! headers: {...}, error: [Object] }`).
//!
//! It never fails: it returns whatever it understood before the text stopped making sense (truncated pastes
//! are normal). It is iterative, with an explicit stack, so deep nesting cannot overflow; below
//! [`MAX_DEPTH`] containers are skipped rather than built. Work is linear in the bytes it looks at, and it
//! looks at no more than [`MAX_BYTES`].

use crate::text::StrExt;

/// Containers nested deeper than this are skipped, not built.
pub const MAX_DEPTH: usize = 32;
/// The parser stops after this many bytes.
pub const MAX_BYTES: usize = 256 * 1024;

/// A parsed value. Numbers keep their text; words such as `None`, `null`, `undefined` or `[Object]` are `Word`.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Str(String),
    Num(String),
    Word(String),
    List(Vec<Value>),
    Map(Vec<(String, Value)>),
}

impl Value {
    /// The value under `key` in a map (keys compare case-insensitively: header names vary in case).
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Map(items) => items.iter().find(|(k, _)| k.eq_ignore_ascii_case(key)).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The value as text, if it is a string or a number; `None`, `null` and friends are no text.
    pub fn text(&self) -> Option<&str> {
        match self {
            Value::Str(s) | Value::Num(s) => Some(s),
            _ => None,
        }
    }
}

enum Frame {
    List(Vec<Value>),
    Map(Vec<(String, Value)>, Option<String>),
}

/// Parses the literal that starts at the first byte of `text` (which should be `{` or `[`).
/// Returns the value and how many bytes were consumed.
pub fn parse(text: &str) -> (Value, usize) {
    let bytes = text.as_bytes();
    // Cut at a character, so that every offset handed back is a boundary of `text`.
    let limit = crate::text::floor_boundary(bytes, MAX_BYTES);
    let mut stack: Vec<Frame> = Vec::new();
    let mut skipped_depth = 0usize;
    let mut i = 0usize;
    let mut done: Option<Value> = None;
    while i < limit {
        let b = bytes[i];
        let value: Option<Value> = match b {
            b'{' | b'[' => {
                if stack.len() >= MAX_DEPTH || skipped_depth > 0 {
                    skipped_depth += 1;
                } else if b == b'{' {
                    stack.push(Frame::Map(Vec::new(), None));
                } else {
                    stack.push(Frame::List(Vec::new()));
                }
                i += 1;
                None
            }
            b'}' | b']' => {
                i += 1;
                if skipped_depth > 0 {
                    skipped_depth -= 1;
                    (skipped_depth == 0).then(|| Value::Word("…".into()))
                } else {
                    match stack.pop() {
                        Some(Frame::Map(items, _)) => Some(Value::Map(items)),
                        Some(Frame::List(items)) => Some(Value::List(items)),
                        None => break,
                    }
                }
            }
            b'"' | b'\'' | b'`' => {
                let (s, used) = string(&bytes[i..limit], b);
                i += used;
                (skipped_depth == 0).then_some(Value::Str(s))
            }
            // `=>` too: Ruby's hashes and PHP's arrays (`{"error" => {"message" => …}}`).
            b',' | b':' | b'=' => {
                i += if b == b'=' && bytes.get(i + 1) == Some(&b'>') { 2 } else { 1 };
                None
            }
            _ if b.is_ascii_whitespace() => {
                i += 1;
                None
            }
            _ => {
                let start = i;
                while i < limit && !matches!(bytes[i], b',' | b':' | b'}' | b']' | b'{' | b'[' | b'\n' | b'=') {
                    i += 1;
                }
                if i == start {
                    i += 1;
                }
                let word = text.get(start..i).unwrap_or("").trim_ws();
                (skipped_depth == 0 && !word.is_empty()).then(|| {
                    if word.starts_with(|c: char| c.is_ascii_digit() || c == '-') {
                        Value::Num(word.to_string())
                    } else {
                        Value::Word(word.to_string())
                    }
                })
            }
        };
        let Some(value) = value else { continue };
        match stack.last_mut() {
            None => {
                done = Some(value);
                break;
            }
            Some(Frame::List(items)) => items.push(value),
            Some(Frame::Map(items, pending)) => match pending.take() {
                // A key followed by `:` or `=` then its value. A word right before `{` is a class name in
                // Node output (`Headers {}`), so a pending key survives a word that is followed by a map.
                Some(key) => items.push((key, value)),
                None => {
                    if let Value::Str(k) | Value::Word(k) | Value::Num(k) = value {
                        *pending = Some(k);
                    }
                }
            },
        }
    }
    // Truncated: close what is open so the caller still sees it.
    while let Some(frame) = stack.pop() {
        let value = match frame {
            Frame::Map(items, _) => Value::Map(items),
            Frame::List(items) => Value::List(items),
        };
        match stack.last_mut() {
            None => done = Some(value),
            Some(Frame::List(items)) => items.push(value),
            Some(Frame::Map(items, pending)) => {
                if let Some(key) = pending.take() {
                    items.push((key, value));
                }
            }
        }
    }
    (done.unwrap_or(Value::Map(Vec::new())), i)
}

/// The bytes of a string read from valid UTF-8, split only at ASCII characters and at a character boundary
/// ([`MAX_BYTES`] is cut at one), so they are valid UTF-8 too.
fn text(out: Vec<u8>) -> String {
    String::from_utf8(out).unwrap_or_default()
}

/// Reads a quoted string starting at `bytes[0]` (the quote). Handles the escapes JSON and Python repr use.
fn string(bytes: &[u8], quote: u8) -> (String, usize) {
    let mut out = Vec::new();
    let mut i = 1;
    loop {
        // Ordinary bytes are copied in runs, up to the next quote, escape or line break.
        let rest = &bytes[i..];
        let run = rest.iter().position(|&b| b == quote || b == b'\\' || b == b'\n').unwrap_or(rest.len());
        out.extend_from_slice(&rest[..run]);
        i += run;
        match bytes.get(i) {
            None => break,
            Some(&b) if b == quote => return (text(out), i + 1),
            // A line break ends a string that never closed (a truncated or mangled paste).
            Some(b'\n') => return (text(out), i),
            // A backslash, as the last byte: kept as it is.
            Some(_) if i + 1 == bytes.len() => {
                out.push(b'\\');
                i += 1;
            }
            Some(_) => {
                i += 1;
                match bytes[i] {
                    b'n' => out.push(b'\n'),
                    b't' => out.push(b'\t'),
                    b'r' => out.push(b'\r'),
                    b'u' if i + 4 < bytes.len() => {
                        let hex = std::str::from_utf8(&bytes[i + 1..i + 5]).ok();
                        match hex.and_then(|h| u32::from_str_radix(h, 16).ok()).and_then(char::from_u32) {
                            Some(c) => {
                                let mut buf = [0u8; 4];
                                out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                                i += 4;
                            }
                            None => out.push(b'u'),
                        }
                    }
                    other => out.push(other),
                }
                i += 1;
            }
        }
    }
    (text(out), i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field<'a>(v: &'a Value, path: &[&str]) -> Option<&'a Value> {
        path.iter().try_fold(v, |v, k| v.get(k))
    }

    #[test]
    fn python_dict_repr_with_none_and_escaped_quotes() {
        let text = r#"{'error': {'message': "Rate limit reached for gpt-4o in organization org-abc on tokens per min (TPM): Limit 30000, Used 29000, Requested 2000. Please try again in 2s.", 'type': 'tokens', 'param': None, 'code': 'rate_limit_exceeded'}} trailing"#;
        let (v, used) = parse(text);
        assert_eq!(field(&v, &["error", "code"]).and_then(Value::text), Some("rate_limit_exceeded"));
        assert_eq!(field(&v, &["error", "param"]), Some(&Value::Word("None".into())));
        assert!(field(&v, &["error", "message"]).and_then(Value::text).unwrap().contains("Please try again in 2s"));
        assert_eq!(&text[used..], " trailing");
    }

    #[test]
    fn json_with_unicode_escape() {
        let (v, _) = parse(r#"{"error":{"message":"caf\u00e9 \"x\"","type":null,"code":"invalid_api_key"}}"#);
        assert_eq!(field(&v, &["error", "message"]).and_then(Value::text), Some("café \"x\""));
        assert_eq!(field(&v, &["error", "type"]), Some(&Value::Word("null".into())));
    }

    #[test]
    fn node_object_with_bare_keys_and_class_names() {
        let text = "{\n  status: 429,\n  headers: Headers {},\n  requestID: 'req_123',\n  error: { message: 'x', code: 'insufficient_quota' },\n  code: 'insufficient_quota'\n}";
        let (v, _) = parse(text);
        assert_eq!(field(&v, &["status"]).and_then(Value::text), Some("429"));
        assert_eq!(field(&v, &["requestID"]).and_then(Value::text), Some("req_123"));
        assert_eq!(field(&v, &["error", "code"]).and_then(Value::text), Some("insufficient_quota"));
    }

    #[test]
    fn ruby_and_php_hashes_with_arrows() {
        let (v, _) = parse(r#"{"error" => {"message" => "you must provide a model parameter", "param" => nil, "code" => nil}}"#);
        assert_eq!(field(&v, &["error", "message"]).and_then(Value::text), Some("you must provide a model parameter"));
        let (v, _) = parse("['error' => ['code' => 'insufficient_quota']]");
        assert!(matches!(v, Value::List(_)));
    }

    #[test]
    fn truncated_input_keeps_what_was_read() {
        let (v, _) = parse("{'error': {'message': 'You exceeded your current quota, please', 'type': 'insuff");
        assert_eq!(
            field(&v, &["error", "message"]).and_then(Value::text),
            Some("You exceeded your current quota, please")
        );
    }

    #[test]
    fn deep_nesting_is_skipped_not_recursed() {
        let deep = format!("{}{}", "[".repeat(200_000), "]".repeat(200_000));
        let (v, used) = parse(&deep);
        assert!(matches!(v, Value::List(_)));
        assert_eq!(used, deep.len().min(MAX_BYTES));
    }
}
