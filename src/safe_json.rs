//! How the JSON contract is written: serde_json with a formatter that escapes more than JSON needs, so that
//! the output is safe wherever it ends up. The types that cross the contract derive `Serialize` where they are
//! defined (`explain.rs` holds the answer's own shape); this module only decides the bytes.
//!
//! Escaped beyond JSON's own rules (quotes, backslash, C0 controls), always as `\uXXXX`:
//! - `<`, `>`, `&`: JSON pasted into a `<script>` block or an HTML attribute cannot end it;
//! - U+2028 and U+2029: line separators that end a JavaScript string literal in older engines;
//! - DEL and the C1 controls (U+0080-U+009F): a terminal acts on some of them (U+009B is CSI);
//! - the bidirectional overrides and isolates (U+202A-U+202E, U+2066-U+2069): they reorder what a reader sees
//!   ("Trojan Source"), so a pasted key or id could be shown as something else.

use std::io;

use serde::{Serialize, Serializer};
use serde_json::ser::{CharEscape, CompactFormatter, Formatter};

/// The JSON of `value`, compact, with the extra escapes above.
pub fn to_string<T: Serialize + ?Sized>(value: &T, capacity: usize) -> String {
    let mut ser = serde_json::Serializer::with_formatter(Vec::with_capacity(capacity), Safe);
    // Writing into a Vec cannot fail, and the contract's types have string keys only.
    if value.serialize(&mut ser).is_err() {
        return String::new();
    }
    let bytes = ser.into_inner();
    // SAFETY: serde_json writes UTF-8 (serde_json::to_string relies on the same), and every escape written below
    // is ASCII that replaces whole characters of a `&str`.
    unsafe { String::from_utf8_unchecked(bytes) }
}

/// serde_json's compact output, plus the escapes in the module docs.
struct Safe;

/// Whether byte `b` can start something [`Safe`] escapes (0xC2 starts the C1 controls, 0xE2 the separators and
/// bidi controls; no other byte of a multi-byte character is special).
const SPECIAL: [bool; 256] = {
    let mut t = [false; 256];
    t[b'<' as usize] = true;
    t[b'>' as usize] = true;
    t[b'&' as usize] = true;
    t[0x7f] = true;
    t[0xC2] = true;
    t[0xE2] = true;
    t
};

/// The character at `i` if it is one to escape, and its length in bytes.
fn escaped(b: &[u8], i: usize) -> Option<(u32, usize)> {
    let next = |k: usize| b.get(i + k).copied().unwrap_or(0);
    match b[i] {
        c @ (b'<' | b'>' | b'&' | 0x7f) => Some((u32::from(c), 1)),
        // U+0080-U+009F.
        0xC2 if (0x80..=0x9F).contains(&next(1)) => Some((u32::from(next(1)), 2)),
        // U+2028-U+202E.
        0xE2 if next(1) == 0x80 && (0xA8..=0xAE).contains(&next(2)) => Some((0x2000 + u32::from(next(2) - 0x80), 3)),
        // U+2066-U+2069.
        0xE2 if next(1) == 0x81 && (0xA6..=0xA9).contains(&next(2)) => Some((0x2040 + u32::from(next(2) - 0x80), 3)),
        _ => None,
    }
}

impl Formatter for Safe {
    fn write_string_fragment<W: ?Sized + io::Write>(&mut self, w: &mut W, fragment: &str) -> io::Result<()> {
        let b = fragment.as_bytes();
        let mut run = 0;
        let mut i = 0;
        while i < b.len() {
            if !SPECIAL[usize::from(b[i])] {
                i += 1;
                continue;
            }
            let Some((c, len)) = escaped(b, i) else {
                i += 1;
                continue;
            };
            w.write_all(&b[run..i])?;
            const HEX: &[u8; 16] = b"0123456789abcdef";
            let h = |shift: u32| HEX[((c >> shift) & 0xF) as usize];
            w.write_all(&[b'\\', b'u', h(12), h(8), h(4), h(0)])?;
            i += len;
            run = i;
        }
        w.write_all(&b[run..])
    }

    // The contract's only fractions are seconds to the millisecond ([`seconds`]): written as the exact decimal
    // (`9.816`, `0.02`) rather than through serde_json's shortest-float printer, which would be 1.75 KB of the
    // 64 KiB .wasm (gzipped) for the same digits. Any other float would be rounded to the millisecond too.
    fn write_f64<W: ?Sized + io::Write>(&mut self, w: &mut W, value: f64) -> io::Result<()> {
        let ms = value.abs() * 1000.0 + 0.5;
        // NaN fails this too; serde_json never passes it (a non-finite number is written as null before this).
        if !(ms < 9.0e18) {
            return w.write_all(b"null");
        }
        if value < 0.0 && ms >= 1.0 {
            w.write_all(b"-")?;
        }
        w.write_all(millis_as_seconds(ms as u64).as_bytes())
    }

    // serde_json writes `\b` and `\f`; the contract has always written every control as `\uXXXX` but for
    // `\n`, `\r` and `\t`.
    fn write_char_escape<W: ?Sized + io::Write>(&mut self, w: &mut W, escape: CharEscape) -> io::Result<()> {
        match escape {
            CharEscape::Backspace => w.write_all(b"\\u0008"),
            CharEscape::FormFeed => w.write_all(b"\\u000c"),
            other => CompactFormatter.write_char_escape(w, other),
        }
    }
}

/// Milliseconds in the contract: a number of seconds (`9816` → `9.816`, `2000` → `2`).
pub fn seconds<S: Serializer>(ms: &Option<u64>, s: S) -> Result<S::Ok, S::Error> {
    match *ms {
        None => s.serialize_none(),
        Some(ms) if ms % 1000 == 0 => s.serialize_u64(ms / 1000),
        // Exact for any count below 2^53 ms; Safe::write_f64 prints it back to the millisecond.
        Some(ms) => s.serialize_f64(ms as f64 / 1000.0),
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

/// Serialises an enum of this crate by its `as_str` name, the one place each name is spelled.
macro_rules! by_name {
    ($($t:ty),*) => {$(
        impl Serialize for $t {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }
    )*};
}
by_name!(crate::Kind, crate::Retry, crate::evidence::CauseKind, crate::evidence::Sdk);

#[cfg(test)]
mod tests {
    use super::*;

    fn json(s: &str) -> String {
        to_string(s, 0)
    }

    #[test]
    fn escapes_what_json_html_and_terminals_need() {
        assert_eq!(json("a\"b\\c\n</script>\u{1b}\u{8}\u{c} é\u{2028}€"), r#""a\"b\\c\n\u003c/script\u003e\u001b\u0008\u000c é\u2028€""#);
    }

    #[test]
    fn escapes_c1_and_bidi_controls_and_nothing_near_them() {
        assert_eq!(json("\u{7f}\u{80}\u{9b}[31m\u{9f}\u{a0}¿"), "\"\\u007f\\u0080\\u009b[31m\\u009f\u{a0}¿\"");
        assert_eq!(json("id\u{202e}gpj.exe\u{2066}x\u{2069}\u{202a}\u{2029}"), r#""id\u202egpj.exe\u2066x\u2069\u202a\u2029""#);
        // Neighbours of the escaped ranges stay as they are.
        assert_eq!(json("\u{2027}\u{202f}\u{2065}\u{206a}\u{2060}…"), "\"\u{2027}\u{202f}\u{2065}\u{206a}\u{2060}…\"");
        // A string ending in the middle of nothing special, and an escape at each end.
        assert_eq!(json("<\u{202e}"), r#""\u003c\u202e""#);
    }

    #[test]
    fn milliseconds_as_exact_seconds() {
        #[derive(Serialize)]
        struct T(#[serde(serialize_with = "seconds")] Option<u64>);
        let all: Vec<String> = [Some(9816), Some(2000), Some(20), Some(250), Some(86_400_000), Some(1), None]
            .into_iter()
            .map(|ms| to_string(&T(ms), 0))
            .collect();
        assert_eq!(all, ["9.816", "2", "0.02", "0.25", "86400", "0.001", "null"]);
        assert_eq!(millis_as_seconds(9816), "9.816");
        assert_eq!(millis_as_seconds(86_400_000), "86400");
        // Millisecond counts up to a day print as the exact decimal.
        for ms in (0..100_000u64).chain((0..86_400_000).step_by(9973)) {
            assert_eq!(to_string(&T(Some(ms)), 0), millis_as_seconds(ms));
        }
    }
}
