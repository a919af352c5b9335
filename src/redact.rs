//! Secrets out: vendor keys (`sk-…`, `sk-proj-…`, `sess-…`, `gsk_…`, `AIza…`, …), bearer tokens, bare JWTs and
//! the value of anything named like a secret (`OPENAI_API_KEY=`, `api_key = '…'`, `"api-key": …`,
//! `Ocp-Apim-Subscription-Key:`, `AzureKeyCredential("…")`, `…_TOKEN`, `…SECRET`) are masked.
//!
//! [`redact`] runs twice: on the paste before any reader sees it, and on every string of the answer after all
//! decoding (`explain` calls it where the answer is assembled), so a key that a reader rebuilt from ANSI codes,
//! `\n` or `%22` escapes or wrapped lines is caught on the way out. It is one left-to-right pass that yields its
//! spans in order, so the work is linear however many secrets a paste holds.
//!
//! A masked secret keeps its prefix and, when it is long enough, its last four characters (`sk-proj-****wxyz`):
//! enough to tell two keys apart, as the API's own "Incorrect API key provided" message does. Request ids
//! (`req_…`), organization (`org-…`) and project (`proj_…`) ids are not secrets and stay readable: support needs
//! them. Placeholders (`sk-...`, `Bearer undefined`, `$OPENAI_API_KEY`, `<your key>`) stay too.

use std::borrow::Cow;

/// Secrets shorter than this after their prefix are placeholders (`sk-...`, `sk-your-key`), not keys.
const MIN_KEY: usize = 20;
/// Named values shorter than this are not secrets (`token: "abc"`).
const MIN_VALUE: usize = 8;
/// Vendor key prefixes, kept visible; within a family the longest first.
const KEY_PREFIXES: &[&str] = &[
    "sk-svcacct-", "sk-admin-", "sk-proj-", "sk-or-v1-", "sk-ant-api03-", "sk-ant-", "sk-", "sess-", "gsk_", "xai-",
    "hf_", "AIza", "ghp_", "gho_", "github_pat_", "pplx-", "nvapi-",
];
/// Names whose value is a secret, matched as a suffix of the name, case-insensitively.
const SECRET_NAMES: &[&str] = &[
    "api_key", "apikey", "api-key", "_key", "-key", "token", "secret", "password", "passwd", "authorization",
    "keycredential",
];
/// Words before a token that are its scheme, not part of it.
const SCHEMES: &[&str] = &["bearer", "basic", "token", "apikey"];
/// A wrapped secret goes on for at most this many more lines.
const WRAP_LINES: usize = 3;

/// The text with every secret masked; borrowed when there was none.
pub fn redact(text: &str) -> Cow<'_, str> {
    let spans = spans(text.as_bytes());
    if spans.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (start, end, mask) in spans {
        // Spans start and end at ASCII bytes (key characters, quotes, line breaks), so these are char boundaries.
        out.push_str(&text[at..start]);
        out.push_str(&mask);
        at = end;
    }
    out.push_str(&text[at..]);
    Cow::Owned(out)
}

/// Redacts `s` in place (the answer's strings on their way out).
pub fn scrub(s: &mut String) {
    if let Cow::Owned(clean) = redact(s) {
        *s = clean;
    }
}

/// Key characters: what a vendor key or token is made of.
fn is_key_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'-' || b == b'_'
}

/// Token characters: key characters plus what JWTs, base64 and opaque tokens add.
fn is_token_char(b: u8) -> bool {
    is_key_char(b) || matches!(b, b'.' | b'~' | b'+' | b'/' | b'=')
}

fn run_end(b: &[u8], from: usize, allowed: fn(u8) -> bool) -> usize {
    let mut i = from;
    while i < b.len() && allowed(b[i]) {
        i += 1;
    }
    i
}

/// Where a secret may start, as two tables in the manner of a two-byte filter: `FIRST[x] & SECOND[y] != 0` for
/// the bytes `x y` at such a place. Each bit is one start: a separator before a named value (any second byte),
/// `**` of a mask, `be` of `Bearer`, `ey` of a JWT, and each of [`KEY_PREFIXES`]' first two bytes. Every other
/// place costs two table loads (a `match` per byte was a fifth of a short paste's time; `s`, `e` and `:` are
/// everywhere).
static FIRST: [u16; 256] = pair_tables().0;
static SECOND: [u16; 256] = pair_tables().1;

const fn pair_tables() -> ([u16; 256], [u16; 256]) {
    let mut first = [0u16; 256];
    let mut second = [0u16; 256];
    let mut c = 0;
    while c < 256 {
        second[c] |= 1; // a separator: any byte may follow
        c += 1;
    }
    first[b'=' as usize] |= 1;
    first[b':' as usize] |= 1;
    first[b'(' as usize] |= 1;
    let pairs: [(&[u8], &[u8], u16); 3] = [(b"*", b"*", 2), (b"bB", b"eE", 4), (b"e", b"y", 8)];
    let mut p = 0;
    while p < pairs.len() {
        let (xs, ys, bit) = pairs[p];
        let mut i = 0;
        while i < xs.len() {
            first[xs[i] as usize] |= bit;
            i += 1;
        }
        let mut j = 0;
        while j < ys.len() {
            second[ys[j] as usize] |= bit;
            j += 1;
        }
        p += 1;
    }
    let mut k = 0;
    while k < KEY_PREFIXES.len() {
        let b = KEY_PREFIXES[k].as_bytes();
        first[b[0] as usize] |= 16;
        second[b[1] as usize] |= 16;
        k += 1;
    }
    (first, second)
}

/// Every secret in `b`, in order and without overlaps: (start, end, replacement).
fn spans(b: &[u8]) -> Vec<(usize, usize, String)> {
    let mut spans = Vec::new();
    let mut i = 0;
    while i < b.len() {
        // (A secret needs at least two bytes, so the last byte alone never starts one.)
        let hit_at = |w: &[u8]| FIRST[usize::from(w[0])] & SECOND[usize::from(w[1])];
        let Some(p) = b[i..].windows(2).position(|w| hit_at(w) != 0) else { break };
        i += p;
        let hit = hit_at(&b[i..i + 2]);
        let found = if hit & 1 != 0 {
            named_value(b, i)
        } else if hit & 2 != 0 {
            mask_continued(b, i)
        } else if hit & 4 != 0 {
            bearer(b, i)
        } else if hit & 8 != 0 {
            jwt(b, i)
        } else {
            prefixed_key(b, i)
        };
        match found {
            Some(found) => {
                i = found.last().map_or(i + 1, |s| s.1.max(i + 1));
                spans.extend(found);
            }
            None => i += 1,
        }
    }
    spans
}

type Found = Option<Vec<(usize, usize, String)>>;

/// A vendor key starting at `p`.
fn prefixed_key(b: &[u8], p: usize) -> Found {
    let prefix = KEY_PREFIXES.iter().find(|k| b[p..].starts_with(k.as_bytes()))?;
    let body = p + prefix.len();
    let segments = gather(b, body, is_key_char);
    let len: usize = segments.iter().map(|s| s.1 - s.0).sum();
    if len < MIN_KEY {
        return None;
    }
    // `sk-` inside a word (`risk-…`) is not a key, unless an escape or colour code ends just before it
    // (`\nsk-…`, `%22sk-…`, `ESC[31msk-…`) or the characters look random.
    let glued = p > 0 && is_key_char(b[p - 1]);
    if glued && !after_escape(b, p) && !looks_random(&b[segments[0].0..segments[0].1]) {
        return None;
    }
    Some(masks(b, prefix, p, &segments))
}

/// The value after `NAME=`, `NAME: `, `"NAME": "`, `NAME = '`, `NAME => '`, `NAME("` when NAME is a secret's name.
fn named_value(b: &[u8], sep: usize) -> Found {
    // The name ends before the separator, after any closing quotes, brackets and spaces.
    let mut ne = sep;
    let mut skipped = 0;
    while ne > 0 && matches!(b[ne - 1], b'"' | b'\'' | b'`' | b']' | b' ' | b'\t') && skipped < 4 {
        ne -= 1;
        skipped += 1;
    }
    // Every secret name ends in one of these letters: most separators are ruled out here.
    if ne == 0 || !matches!(b[ne - 1] | 0x20, b'y' | b'n' | b't' | b'd' | b'l') {
        return None;
    }
    let mut ns = ne;
    while ns > 0 && ne - ns < 64 && is_key_char(b[ns - 1]) {
        ns -= 1;
    }
    let name = &b[ns..ne];
    let secret = SECRET_NAMES.iter().any(|n| name.len() >= n.len() && name[name.len() - n.len()..].eq_ignore_ascii_case(n.as_bytes()));
    if !secret {
        return None;
    }
    let mut i = sep + 1;
    if b[sep] == b'=' && b.get(i) == Some(&b'>') {
        i += 1;
    }
    while i < b.len() && matches!(b[i], b'"' | b'\'' | b'`' | b' ' | b'\t' | b'[') {
        i += 1;
    }
    token_at(b, skip_scheme(b, i))
}

/// `Bearer <token>` anywhere, in any case.
fn bearer(b: &[u8], p: usize) -> Found {
    let word = b.get(p..p + 6)?;
    if !word.eq_ignore_ascii_case(b"bearer") || (p > 0 && b[p - 1].is_ascii_alphanumeric()) {
        return None;
    }
    let mut i = p + 6;
    if !matches!(b.get(i), Some(b' ' | b'\t')) {
        return None;
    }
    while matches!(b.get(i), Some(b' ' | b'\t')) {
        i += 1;
    }
    token_at(b, i)
}

/// A bare JWT: `eyJ…` header, `.`, payload, and usually `.` and a signature.
fn jwt(b: &[u8], p: usize) -> Found {
    if !b[p..].starts_with(b"eyJ") || (p > 0 && is_key_char(b[p - 1]) && !after_escape(b, p)) {
        return None;
    }
    let head = run_end(b, p, is_key_char);
    if head - p < 12 || b.get(head) != Some(&b'.') {
        return None;
    }
    let payload = run_end(b, head + 1, is_key_char);
    if payload - head - 1 < 8 {
        return None;
    }
    let end = if b.get(payload) == Some(&b'.') { run_end(b, payload + 1, is_key_char) } else { payload };
    Some(vec![(p, end, format!("eyJ****{}", tail(&b[p..end])))])
}

/// A mask followed by more key characters than the four a mask keeps: a reader glued the rest of a wrapped key
/// to its masked start. The extra characters go.
fn mask_continued(b: &[u8], p: usize) -> Found {
    if !b[p..].starts_with(b"****") || b.get(p + 4).is_some_and(|&c| c == b'*') || (p > 0 && b[p - 1] == b'*') {
        return None;
    }
    let end = run_end(b, p + 4, is_key_char);
    (end - (p + 4) > 4).then(|| vec![(p, end, format!("****{}", tail(&b[p + 4..end])))])
}

/// Steps over a scheme word (`Bearer `, `Basic `) in front of a token.
fn skip_scheme(b: &[u8], i: usize) -> usize {
    for s in SCHEMES {
        let n = s.len();
        if b.get(i..i + n).is_some_and(|w| w.eq_ignore_ascii_case(s.as_bytes())) && matches!(b.get(i + n), Some(b' ' | b'\t')) {
            return run_end(b, i + n, |c| c == b' ' || c == b'\t');
        }
    }
    i
}

/// The secret token starting at `i`, unless it is a placeholder, a number or already masked.
fn token_at(b: &[u8], i: usize) -> Found {
    let segments = gather(b, i, is_token_char);
    let first = &b[segments[0].0..segments[0].1];
    let len: usize = segments.iter().map(|s| s.1 - s.0).sum();
    let masked_already = first.windows(3).any(|w| w == b"***") || b.get(segments[0].1) == Some(&b'*');
    if len < MIN_VALUE || masked_already || first.iter().all(u8::is_ascii_digit) || placeholder(first) {
        return None;
    }
    let prefix = KEY_PREFIXES.iter().find(|k| first.starts_with(k.as_bytes())).copied().unwrap_or("");
    if !prefix.is_empty() && len - prefix.len() < MIN_KEY {
        return None;
    }
    Some(masks(b, prefix, i, &segments))
}

/// `undefined`, `your-api-key-here`, `process.env.OPENAI_API_KEY`: words and code, not secrets. (Real tokens
/// have digits, and no dots or underscores between words.)
fn placeholder(v: &[u8]) -> bool {
    if v.iter().any(u8::is_ascii_digit) || v.len() > 40 {
        return false;
    }
    let lower = v.iter().all(|c| !c.is_ascii_uppercase());
    let code = v.contains(&b'.') || v.contains(&b'_');
    let s = String::from_utf8_lossy(v).to_ascii_lowercase();
    let wordy = ["your", "here", "xxxx", "example", "placeholder", "changeme", "dummy"].iter().any(|w| s.contains(w));
    lower || code || wordy
}

/// Whether the characters look random, as generated keys do: digits and both cases.
fn looks_random(v: &[u8]) -> bool {
    v.iter().any(u8::is_ascii_digit) && v.iter().any(u8::is_ascii_uppercase) && v.iter().any(u8::is_ascii_lowercase)
}

/// Whether a run at the start of a line may be the rest of a wrapped secret rather than a word: it has a digit,
/// or both cases with two capitals side by side (`Traceback`, `RateLimitError` do not qualify).
fn random_enough(run: &[u8]) -> bool {
    let count = |f: fn(&u8) -> bool| run.iter().filter(|c| f(c)).count();
    count(u8::is_ascii_digit) > 0
        || count(u8::is_ascii_uppercase) >= 3
            && count(u8::is_ascii_lowercase) >= 3
            && run.windows(2).any(|w| w[0].is_ascii_uppercase() && w[1].is_ascii_uppercase())
}

/// Whether an escape ends right before `p`: `\n`, `\t`, `\u0022`, `%22`, or a colour code (`ESC[31m`, also
/// written out as `\x1b[31m` or `\033[31m`).
fn after_escape(b: &[u8], p: usize) -> bool {
    let hex = |c: u8| c.is_ascii_hexdigit();
    let back = |n: usize| p.checked_sub(n).map(|i| b[i]);
    if back(2) == Some(b'\\') && back(1).is_some_and(|c| c.is_ascii_alphabetic()) {
        return true;
    }
    if back(6) == Some(b'\\') && back(5) == Some(b'u') && b[p - 4..p].iter().all(|&c| hex(c)) {
        return true;
    }
    if back(3) == Some(b'%') && b[p - 2..p].iter().all(|&c| hex(c)) {
        return true;
    }
    // CSI: `[`, parameters, one final byte.
    if !back(1).is_some_and(|c| (0x40..=0x7e).contains(&c)) {
        return false;
    }
    let mut k = p - 1;
    while k > 0 && (b[k - 1].is_ascii_digit() || b[k - 1] == b';') {
        k -= 1;
    }
    k >= 2 && b[k - 1] == b'[' && (b[k - 2] == 0x1b || b[..k - 1].ends_with(b"x1b") || b[..k - 1].ends_with(b"033"))
}

/// The run of `allowed` bytes from `from`, and its continuations when a line wrap cut it: each further line
/// (after indentation, `> ` or `│` quote markers) that starts with a run which looks like more of the same
/// secret. Always at least one (possibly empty) segment.
fn gather(b: &[u8], from: usize, allowed: fn(u8) -> bool) -> Vec<(usize, usize)> {
    let mut segments = vec![(from, run_end(b, from, allowed))];
    for _ in 0..WRAP_LINES {
        let end = segments[segments.len() - 1].1;
        let mut j = end;
        if b.get(j) == Some(&b'\r') {
            j += 1;
        }
        if b.get(j) != Some(&b'\n') || end == from {
            break;
        }
        j += 1;
        loop {
            match b.get(j) {
                Some(b' ' | b'\t') => j += 1,
                Some(b'>' | b'|') if matches!(b.get(j + 1), Some(b' ' | b'\t')) => j += 2,
                // `│` (U+2502) and `⎿` (U+23BF), the frames terminals and TUIs draw.
                _ if b[j..].starts_with("│".as_bytes()) || b[j..].starts_with("⎿".as_bytes()) => j += 3,
                _ => break,
            }
        }
        let next = run_end(b, j, allowed);
        let run = &b[j..next];
        let stops = b.get(next).is_none_or(|c| c.is_ascii_whitespace() || b"'\"`,;.)}]*".contains(c));
        if run.len() < 4 || !stops || !random_enough(run) {
            break;
        }
        segments.push((j, next));
    }
    segments
}

/// The last four characters of a long secret, or nothing for a short one (four would be too much of it).
fn tail(v: &[u8]) -> &str {
    if v.len() < 16 {
        return "";
    }
    std::str::from_utf8(&v[v.len() - 4..]).unwrap_or_default()
}

/// Replacements for a secret in segments: the prefix and `****` for the first, `****` for the others, and the
/// secret's last four characters after the last.
fn masks(b: &[u8], prefix: &str, start: usize, segments: &[(usize, usize)]) -> Vec<(usize, usize, String)> {
    let whole: Vec<u8> = segments.iter().flat_map(|s| b[s.0..s.1].iter().copied()).collect();
    let last = segments.len() - 1;
    segments
        .iter()
        .enumerate()
        .map(|(n, &(s, e))| {
            let s = if n == 0 { start } else { s };
            let lead = if n == 0 { prefix } else { "" };
            let end_tail = if n == last { tail(&whole) } else { "" };
            (s, e, format!("{lead}****{end_tail}"))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_shapes_are_masked_with_prefix_and_last_four() {
        assert_eq!(redact("key sk-proj-AbCdEfGhIjKlMnOpQrStUvWxYz0123456789 end"), "key sk-proj-****6789 end");
        assert_eq!(redact("sk-svcacct-AbCdEfGhIjKlMnOpQrStUvWx"), "sk-svcacct-****UvWx");
        assert_eq!(redact("OPENAI_API_KEY=abcdefghijklmnop1234"), "OPENAI_API_KEY=****1234");
        assert_eq!(redact("api_key='zyxwvutsrqponmlk9876'"), "api_key='****9876'");
        assert_eq!(
            redact("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.c2lnbmF0dXJlX2hlcmU"),
            "Authorization: Bearer ****lcmU"
        );
    }

    #[test]
    fn the_fast_gates_let_every_prefix_and_name_through() {
        for k in KEY_PREFIXES {
            let b = k.as_bytes();
            assert!(FIRST[usize::from(b[0])] & SECOND[usize::from(b[1])] != 0, "{k}");
        }
        for n in SECRET_NAMES {
            assert!(matches!(n.as_bytes()[n.len() - 1] | 0x20, b'y' | b'n' | b't' | b'd' | b'l'), "{n}");
        }
    }

    #[test]
    fn a_long_key_followed_by_stars_is_still_a_key() {
        // Regression (fuzzing): the `*` rule for the API's masked form let a whole key through.
        let out = redact("provided: sk-piiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiroj-*****<<< API key");
        assert!(!out.contains("iiiiiiiiiiiiiiii"), "{out}");
    }

    #[test]
    fn already_masked_placeholders_ids_and_words_stay() {
        for kept in [
            "Incorrect API key provided: sk-abc12***************wxyz. You can find",
            "set api_key=sk-... first",
            "the task-force and risk-management-framework-guidelines",
            "'Authorization': 'Bearer undefined'",
            "-H \"Authorization: Bearer $OPENAI_API_KEY\"",
            "OPENAI_API_KEY=<your key here>",
            "x-request-id: req_0123456789abcdef0123456789abcdef",
            "openai-organization: org-AbCdEf0123456789GhIjKl",
            "openai-project: proj_AbCdEf0123456789GhIjKl",
            "'max_tokens': 4096, 'completion_tokens': 1234567890",
            "'code': 'invalid_api_key'",
        ] {
            assert_eq!(redact(kept), kept);
        }
    }

    #[test]
    fn keys_after_escapes_and_colour_codes_are_masked() {
        for (before, key) in [
            ("\\n", "sk-proj-AbCdEfGhIjKlMnOpQrStUvWx0123"),
            ("\\t", "sk-AbCdEfGhIjKlMnOpQrStUvWx0123"),
            ("\\u0022", "sk-proj-AbCdEfGhIjKlMnOpQrStUvWx0123"),
            ("%22", "sk-proj-AbCdEfGhIjKlMnOpQrStUvWx0123"),
            ("%3D", "sk-proj-AbCdEfGhIjKlMnOpQrStUvWx0123"),
            ("\x1b[31m", "sk-proj-AbCdEfGhIjKlMnOpQrStUvWx0123"),
            ("\\x1b[1;31m", "sk-proj-AbCdEfGhIjKlMnOpQrStUvWx0123"),
            ("word", "sess-AbCdEfGhIjKlMnOpQrStUvWx0123"),
        ] {
            let text = format!("x{before}{key} y");
            let out = redact(&text);
            assert!(!out.contains("GhIjKlMnOp"), "{before:?}: {out}");
        }
    }

    #[test]
    fn a_key_wrapped_across_lines_is_masked_in_every_piece() {
        for text in [
            "key: sk-proj-AbCdEfGhIjKlMnOpQrStUvWx\nYz0123456789AbCd more",
            "key: sk-proj-Ab\n   CdEfGhIjKlMnOpQr0123\n   StUvWxYz4567 more",
            "> api_key = 'sk-proj-AbCdEfGhIjKlM\n> nOpQrStUvWx0123456789'",
            "│ OPENAI_API_KEY=AbCdEfGhIjKlMnOpQrSt\n│ UvWx0123456789AbCd │",
        ] {
            let out = redact(text);
            for piece in ["CdEfGhIjKl", "Yz01234567", "StUvWxYz", "nOpQrStUvWx0123", "UvWx012345678"] {
                assert!(!out.contains(piece), "{text:?} -> {out:?}");
            }
            assert_eq!(out.lines().count(), text.lines().count(), "{out:?}");
        }
        // A full key at the end of a line does not swallow the next line's first word.
        assert_eq!(redact("k=sk-proj-AbCdEfGhIjKlMnOpQrStUvWx01\nTraceback (most"), "k=sk-proj-****Wx01\nTraceback (most");
    }

    #[test]
    fn named_secrets_in_every_spelling() {
        for text in [
            "MY_OPENAI_API_KEY=Zq9xYw8vUt7sRq6pOn5m",
            "openai_api_key = \"Zq9xYw8vUt7sRq6pOn5m\"",
            "os.environ[\"AZURE_OPENAI_API_KEY\"] = \"0123456789abcdef0123456789abcdef\"",
            "api-key: 0123456789abcdef0123456789abcdef",
            "API-KEY: 0123456789abcdef0123456789abcdef",
            "Ocp-Apim-Subscription-Key: 0123456789abcdef0123456789abcdef",
            "credential = AzureKeyCredential(\"0123456789abcdef0123456789abcdef\")",
            "GITHUB_TOKEN=ghx_Zq9xYw8vUt7sRq6pOn5m",
            "CLIENT_SECRET: Zq9xYw8vUt7sRq6pOn5m",
            "'apiKey' => 'Zq9xYw8vUt7sRq6pOn5m'",
            "AUTHORIZATION:   bearer   Zq9xYw8vUt7sRq6pOn5m",
            "Authorization:Bearer Zq9xYw8vUt7sRq6pOn5m",
            "token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.Zq9xYw8vUt7sRq6pOn5m",
        ] {
            let out = redact(text);
            assert!(!out.contains("Zq9xYw8vUt7s") && !out.contains("0123456789abcdef0123"), "{text:?} -> {out:?}");
        }
    }

    #[test]
    fn a_mask_with_a_key_glued_to_it_loses_the_rest() {
        assert_eq!(redact("sk-proj-****AbCdEfGhIjKl0123 x"), "sk-proj-****0123 x");
        assert_eq!(redact("sk-abc12***************wxyz."), "sk-abc12***************wxyz.");
    }

    #[test]
    fn many_secrets_cost_linear_time() {
        // Regression: spans were sorted by insertion, so 10 MB of headers took 42 s.
        let line = "{\"headers\": {\"Authorization\": \"Bearer Zq9xYw8vUt7sRq6pOn5m0123\"}}\n";
        let text = line.repeat(50_000);
        let out = redact(&text);
        assert_eq!(out.matches("Bearer ****0123").count(), 50_000);
    }
}
