//! Narrowing a paste to the lines around the OpenAI errors in it, so the readers and the redaction only see
//! those, whatever the input size: a whole CI log, or a 300-line framework traceback around one error line.
//!
//! One pass over the bytes looks up each two-byte window in a 64 Kbit table of anchor keys (`r:` of
//! `Error:`, `P/` of `HTTP/`, `nA` of `OpenAI`, …); only a hit costs more than a table lookup. A hit is
//! kept when its line is relevant (an OpenAI or connection-layer exception, an HTTP status of 400 or more,
//! an error body, a retry log line), and a few lines around it, plus any body that opens there, become
//! part of the excerpt. The pass needs no SIMD, so the wasm build scans as the native one does.

use super::{clients, exception};
use crate::text::StrExt;

/// Pastes up to this size are read whole (reading every line of a short paste costs less than narrowing it).
pub const WHOLE: usize = 2048;
/// A paste up to this size in which nothing is relevant is read whole too: it may be a bare message.
const WHOLE_IF_NOTHING: usize = 64 * 1024;
/// Lines kept before and after a relevant line.
const BEFORE: usize = 3;
const AFTER: usize = 12;
/// Lone log lines (retries, request logs) kept verbatim; earlier ones are only counted.
const LONE_LINES: usize = 32;
/// Regions around errors kept; earlier ones are only counted.
const CONTEXT_REGIONS: usize = 64;
/// A body opening in a kept region is followed at most this far.
const BODY_MAX: usize = 64 * 1024;

/// (anchor, offset of its two-byte key). Keys are chosen rare in ordinary log text: `yi` of `retrying`, not
/// `in`, which occurs twenty times as often in a typical log and sent each occurrence to the anchor check.
const ANCHORS: &[(&str, usize)] = &[
    ("Error:", 4),
    ("Exception:", 1),
    ("Timeout:", 0),
    ("HTTP/", 3),
    ("OpenAI", 3),
    ("error\"", 4),
    ("error'", 4),
    ("Retrying", 4),
    ("retrying", 4),
    ("x-request-id", 0),
    ("X-Request-Id", 0),
    ("[log_", 0),
    ("x-ratelimit-", 0),
    ("retry-after", 4),
    ("openai-organization", 5),
    ("openai-project", 5),
    // Other clients, wrappers and tools (issue #11). Keys chosen rare, or shared with an anchor above (a
    // shared key costs the scan nothing more).
    ("Error]:", 5),
    ("error:", 4),
    ("Error)", 4),
    ("status code", 3),
    ("HTTP 4", 3),
    ("HTTP 5", 3),
    ("HTTP status", 3),
    ("Too Many Requests", 4),
    ("<Response [", 0),
    ("Handshake status", 0),
    ("unexpected status", 3),
    ("Unexpected response code", 3),
    ("API Error", 1),
    ("API error", 1),
    ("API key", 1),
    ("current quota", 9),
    ("ECONN", 0),
    ("ETIMEDOUT", 1),
    ("</title>", 1),
];

/// The narrowed text, and where its lines came from.
pub struct Excerpt {
    pub text: String,
    /// (first line in `text`, first line in the original), 1-based, one pair per region.
    regions: Vec<(usize, usize)>,
    /// Retry log lines left out of `text` (only counted).
    pub retries_elided: u32,
    /// Failed-request log lines left out of `text` (only counted).
    pub errors_elided: usize,
}

impl Excerpt {
    /// The original line number of an excerpt line.
    pub fn original_line(&self, line: usize) -> usize {
        match self.regions.iter().rev().find(|(ex, _)| *ex <= line) {
            Some((ex, orig)) => orig + (line - ex),
            None => line,
        }
    }
}

/// One flag per two-byte window value: is it some anchor's key? (64 KiB, built once; a byte per entry makes
/// the scan's test a single load.)
fn key_table() -> &'static [bool; 1 << 16] {
    static TABLE: std::sync::OnceLock<Box<[bool; 1 << 16]>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = Box::new([false; 1 << 16]);
        for (anchor, at) in ANCHORS {
            let b = anchor.as_bytes();
            table[usize::from(u16::from_be_bytes([b[*at], b[at + 1]]))] = true;
        }
        table
    })
}

/// The excerpt of a paste, or `None` when it should be read whole (it is short, or shows nothing relevant
/// and may be a bare message).
pub fn excerpt(text: &str) -> Option<Excerpt> {
    if text.len() <= WHOLE {
        return None;
    }
    let b = text.as_bytes();
    let table = key_table();
    // Byte ranges of kept regions (merged as they come: hits arrive in order), and whether each is a lone
    // log line.
    let mut ranges: Vec<(usize, usize, bool)> = Vec::new();
    let mut i = 0;
    // (start of the line last looked on past an irrelevant anchor, how many times).
    let mut looked_on = (usize::MAX, 0u8);
    while i + 1 < b.len() {
        match next_key(b, table, i) {
            Some(p) => i = p,
            None => break,
        }
        let key = [b[i], b[i + 1]];
        let hit = ANCHORS.iter().find(|(a, at)| {
            let a = a.as_bytes();
            a[*at..*at + 2] == key && i >= *at && b.get(i - at..i - at + a.len()) == Some(a)
        });
        let Some((anchor, at)) = hit else {
            i += 1;
            continue;
        };
        let (ls, le) = line_bounds(b, i);
        let keep = if ranges.last().is_some_and(|r| r.1 > le) {
            Keep::No
        } else {
            relevance(anchor, &text[i - at + anchor.len()..le], &text[ls..le])
        };
        let (start, end, lone) = match keep {
            // Another anchor later on the line may still make it relevant: look on, a few times per line
            // at most, so that a long line of anchors costs no more than a few passes over it.
            Keep::No if looked_on.0 != ls || looked_on.1 < 4 => {
                looked_on = if looked_on.0 == ls { (ls, looked_on.1 + 1) } else { (ls, 1) };
                i += anchor.len() - at;
                continue;
            }
            Keep::No => {
                i = le.max(i + 1);
                continue;
            }
            // A log line that opens an object (`OpenAI:DEBUG:response … {`) keeps the object too: a cut one
            // would swallow whatever the excerpt puts after it.
            Keep::Line => (ls, follow_body(b, le, ls), true),
            Keep::Context => {
                let start = lines_back(b, ls, BEFORE);
                (start, follow_body(b, lines_forward(b, le, AFTER), start), false)
            }
        };
        match ranges.last_mut() {
            Some(last) if start <= last.1 => {
                last.1 = last.1.max(end);
                last.2 &= lone;
            }
            _ => ranges.push((start, end, lone)),
        }
        i = le.max(i + 1);
    }
    // Logs with thousands of retries or failures: the latest are read, the rest only counted.
    let lone_total = ranges.iter().filter(|r| r.2).count();
    let context_total = ranges.len() - lone_total;
    let (mut lone_seen, mut context_seen) = (0, 0);
    let (mut retries_elided, mut errors_elided) = (0u32, 0usize);
    ranges.retain(|&(s, e, lone)| {
        let line = &text[s..e];
        if lone {
            lone_seen += 1;
            if lone_seen + LONE_LINES > lone_total {
                return true;
            }
            retries_elided += line.find_str_all("etrying").count() as u32;
            errors_elided += usize::from(line.contains_str("HTTP/") || line.contains_str("failed with status"));
        } else {
            context_seen += 1;
            if context_seen + CONTEXT_REGIONS > context_total {
                return true;
            }
            errors_elided += 1;
        }
        false
    });
    let mut out = String::new();
    let mut regions = Vec::new();
    let (mut counted_to, mut orig_line, mut ex_line) = (0usize, 1usize, 1usize);
    for (s, e, _) in ranges {
        orig_line += count_lines(&b[counted_to..s]);
        counted_to = s;
        regions.push((ex_line, orig_line));
        let chunk = &text[s..e];
        out.push_str(chunk);
        if !chunk.ends_with('\n') {
            out.push('\n');
        }
        ex_line += count_lines(chunk.as_bytes()) + usize::from(!chunk.ends_with('\n'));
    }
    if out.is_empty() && text.len() <= WHOLE_IF_NOTHING {
        return None;
    }
    Some(Excerpt { text: out, regions, retries_elided, errors_elided })
}

/// The first position at or after `from` where a two-byte window is an anchor key: the hot loop on large
/// input (one table load per byte; the table's type bounds the index, so there is no check).
fn next_key(b: &[u8], table: &[bool; 1 << 16], from: usize) -> Option<usize> {
    let rest = b.get(from..)?;
    let is_key = |x: u8, y: u8| table[usize::from(u16::from_be_bytes([x, y]))];
    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    let at = {
        // Sixteen windows a step: the vector test lets through every key and a few others, the table decides.
        let mut at = 0;
        while at + 17 <= rest.len() {
            let mut maybe = simd::maybe_keys(rest, at);
            while maybe != 0 {
                let i = at + maybe.trailing_zeros() as usize;
                if is_key(rest[i], rest[i + 1]) {
                    return Some(from + i);
                }
                maybe &= maybe - 1;
            }
            at += 16;
        }
        at
    };
    #[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
    let at = {
        // Four windows a step, tested with one branch.
        let mut at = 0;
        for w in rest.windows(5).step_by(4) {
            if is_key(w[0], w[1]) | is_key(w[1], w[2]) | is_key(w[2], w[3]) | is_key(w[3], w[4]) {
                break;
            }
            at += 4;
        }
        at
    };
    let p = rest[at..].windows(2).position(|w| is_key(w[0], w[1]))?;
    Some(from + at + p)
}

/// The key test sixteen windows at a time, for the wasm build, in the manner of Hyperscan's Teddy: each key gets
/// one of eight bits; four 16-entry tables give, for a byte's low or high nibble in the first or second place of
/// a window, the bits of the keys that allow it. A window whose four lookups share a bit may be a key; every
/// key passes. Wasm's `swizzle` does sixteen lookups in one instruction.
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
mod simd {
    use core::arch::wasm32::{u8x16_bitmask, u8x16_ne, u8x16_shr, u8x16_splat, u8x16_swizzle, v128, v128_and, v128_load};

    use super::ANCHORS;

    /// For each nibble value, the bits of the keys that allow it: first byte's low nibble, its high nibble, then
    /// the same for the second byte.
    const TABLES: [v128; 4] = {
        let mut t = [[0u8; 16]; 4];
        let mut k = 0;
        while k < ANCHORS.len() {
            let (anchor, at) = ANCHORS[k];
            let (x, y) = (anchor.as_bytes()[at], anchor.as_bytes()[at + 1]);
            let bit = 1 << (k % 8);
            t[0][(x & 15) as usize] |= bit;
            t[1][(x >> 4) as usize] |= bit;
            t[2][(y & 15) as usize] |= bit;
            t[3][(y >> 4) as usize] |= bit;
            k += 1;
        }
        // SAFETY: any sixteen bytes are a valid v128.
        unsafe { core::mem::transmute::<[[u8; 16]; 4], [v128; 4]>(t) }
    };

    /// The windows starting at `at..at + 16` that may be keys, as bits. Needs `at + 17 <= b.len()`.
    pub fn maybe_keys(b: &[u8], at: usize) -> u16 {
        assert!(at + 17 <= b.len());
        // SAFETY: the assertion keeps both 16-byte loads inside `b`; v128_load needs no alignment.
        let (first, second) =
            unsafe { (v128_load(b.as_ptr().add(at).cast::<v128>()), v128_load(b.as_ptr().add(at + 1).cast::<v128>())) };
        let low = u8x16_splat(15);
        let bits = |v: v128, t: usize| {
            v128_and(u8x16_swizzle(TABLES[t], v128_and(v, low)), u8x16_swizzle(TABLES[t + 1], u8x16_shr(v, 4)))
        };
        u8x16_bitmask(u8x16_ne(v128_and(bits(first, 0), bits(second, 2)), u8x16_splat(0)))
    }
}

/// Newlines in `b`, eight bytes at a time: wasm has no vector unit to count them with, and the native build
/// does as well with this as with an auto-vectorised loop.
fn count_lines(b: &[u8]) -> usize {
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    let mut words = b.chunks_exact(8);
    let mut n = 0;
    for w in words.by_ref() {
        let Ok(w) = <[u8; 8]>::try_from(w) else { continue };
        let x = u64::from_le_bytes(w) ^ 0x0a0a_0a0a_0a0a_0a0a;
        // A byte's top bit ends up set exactly when the byte is not zero, i.e. was not a newline.
        let nonzero = ((x & LOW7) + LOW7) | x;
        n += (!nonzero & !LOW7).count_ones() as usize;
    }
    n + words.remainder().iter().filter(|&&c| c == b'\n').count()
}

/// The byte range of the line holding `i`, without its newline.
fn line_bounds(b: &[u8], i: usize) -> (usize, usize) {
    let start = b[..i].iter().rposition(|&c| c == b'\n').map_or(0, |p| p + 1);
    let end = b[i..].iter().position(|&c| c == b'\n').map_or(b.len(), |p| i + p);
    (start, end)
}

fn lines_back(b: &[u8], mut start: usize, n: usize) -> usize {
    for _ in 0..n {
        if start == 0 {
            break;
        }
        start = b[..start - 1].iter().rposition(|&c| c == b'\n').map_or(0, |p| p + 1);
    }
    start
}

fn lines_forward(b: &[u8], mut end: usize, n: usize) -> usize {
    for _ in 0..=n {
        if end >= b.len() {
            return b.len();
        }
        end = b[end + 1..].iter().position(|&c| c == b'\n').map_or(b.len(), |p| end + 1 + p);
    }
    end.min(b.len())
}

/// Extends a region while a `{` opened in it is still open (a pretty-printed body or a Node error dump),
/// up to [`BODY_MAX`] bytes.
fn follow_body(b: &[u8], end: usize, start: usize) -> usize {
    let mut depth: i64 = 0;
    for &c in &b[start..end] {
        match c {
            b'{' => depth += 1,
            b'}' => depth -= 1,
            _ => {}
        }
    }
    if depth <= 0 {
        return end;
    }
    let limit = crate::text::floor_boundary(b, end + BODY_MAX);
    for (j, &c) in b[end..limit].iter().enumerate() {
        match c {
            b'{' => depth += 1,
            b'}' => depth -= 1,
            _ => {}
        }
        if depth <= 0 {
            return line_bounds(b, end + j).1;
        }
    }
    limit
}

/// How much of the text around a line with an anchor to keep.
enum Keep {
    /// Nothing: the anchor was in unrelated text (a `KeyError`, an HTTP 200).
    No,
    /// The line alone: a log line that is complete in itself (retries, httpx and SDK request logs).
    Line,
    /// The line, a few lines around it and any body opening there: an exception, a status line, a body.
    Context,
}

/// How much to keep around a line, from the anchor that hit (`after` is the rest of the line).
fn relevance(anchor: &str, after: &str, line: &str) -> Keep {
    match anchor {
        "HTTP/" => {
            let status = after.words().nth(1).map(|s| s.trim_matches(|c: char| !c.is_ascii_digit()));
            match (status.and_then(|s| s.parse::<u16>().ok()).is_some_and(|s| s >= 400), line.contains_str("HTTP Request:")) {
                (false, _) => Keep::No,
                (true, true) => Keep::Line,
                (true, false) => Keep::Context,
            }
        }
        "error\"" | "error'" if after.trim_start_ws().starts_with(':') => Keep::Context,
        // A Realtime or SSE error event: `'type': 'error'`, `type: 'error',`.
        "error\"" | "error'" if line.contains_str("type") && after.trim_start_ws().starts_with([',', '}']) => Keep::Context,
        "Error:" | "Error]:" | "Error)" | "Exception:" | "Timeout:" | "OpenAI" if exception::relevant(line) => Keep::Context,
        "current quota" => Keep::Context,
        // A gateway's error page: `<title>api.openai.com | 524: A timeout occurred</title>`.
        "</title>" if line.contains_str(" | ") && clients::status_in(line.rsplit(" | ").next().unwrap_or(line)).is_some() => {
            Keep::Context
        }
        // A Node dump's `error: {` (bare keys).
        "error:" if after.trim_start_ws().starts_with('{') => Keep::Context,
        // node-fetch and undici's connection failures, even without the SDK's exception around them.
        "ECONN" | "ETIMEDOUT" if line.contains_str("connect") || line.contains_str("request to ") || line.contains_str("read ") => {
            Keep::Context
        }
        "error:" | "status code" | "HTTP 4" | "HTTP 5" | "HTTP status" | "Too Many Requests" | "Handshake status" | "unexpected status"
        | "<Response [" | "API Error" | "API error" | "Unexpected response code"
            if clients::status_in(line).is_some() || clients::relevant(line) || exception::relevant(line) =>
        {
            Keep::Context
        }
        "API key" if ["Incorrect", "provide", "missing", "invalid", "Invalid"].iter().any(|w| line.contains_str(w)) => Keep::Context,
        "OpenAI" | "Retrying" | "retrying" | "x-request-id" | "X-Request-Id" | "[log_" | "x-ratelimit-"
        | "retry-after" | "openai-organization" | "openai-project" => Keep::Line,
        _ => Keep::No,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_pastes_are_read_whole() {
        assert!(excerpt("openai.RateLimitError: Error code: 429").is_none());
    }

    #[test]
    fn a_large_log_narrows_to_the_error_with_its_original_line() {
        let filler = "2026-11-24T10:00:01Z INFO web status=200 path=/api/items KeyError: 'x'\n".repeat(30_000);
        let text = format!(
            "{filler}Traceback (most recent call last):\n  File \"a.py\", line 1\nopenai.RateLimitError: Error code: 429 - {{'error': {{'code': 'insufficient_quota'}}}}\n{filler}"
        );
        let ex = excerpt(&text).expect("large");
        assert!(ex.text.len() < 4096, "{} bytes kept", ex.text.len());
        let at = ex.text.lines().position(|l| l.starts_with("openai.RateLimitError")).expect("kept") + 1;
        assert_eq!(ex.original_line(at), 30_003);
    }

    #[test]
    fn other_clients_lines_are_found_in_a_large_log() {
        let filler = "2026-11-24T10:00:01Z INFO web status=200 path=/api/items KeyError: 'x'\n".repeat(5_000);
        for line in [
            "2026/11/24 10:00:01 error, status code: 429, status: 429 Too Many Requests, message: x",
            "raise_error.rb:16:in `on_complete': the server responded with status 400 (Faraday::BadRequestError)",
            "Response status code was unacceptable: 429.",
            "stream error: exceeded retry limit, last status: 429 Too Many Requests",
            "    cause: FetchError: request to https://api.openai.com/v1/chat/completions failed, reason: read ECONNRESET",
        ] {
            let ex = excerpt(&format!("{filler}{line}\n{filler}")).expect("large");
            assert!(ex.text.contains_str(line), "{line} not kept");
        }
    }

    #[test]
    fn an_irrelevant_anchor_does_not_hide_a_relevant_one_on_its_line() {
        let filler = "INFO ok\n".repeat(2_000);
        // The first `"error"` is a value, the second a key.
        let line = r#"{"type": "error", "event_id": "event_1", "error": {"type": "invalid_request_error", "code": "x"}}"#;
        let ex = excerpt(&format!("{filler}{line}\n{filler}")).expect("large");
        assert!(ex.text.contains_str(line));
    }

    #[test]
    fn a_pretty_body_below_a_status_line_is_kept_whole() {
        let filler = "INFO ok\n".repeat(200_000);
        let body = format!("HTTP/2 429\ncontent-type: application/json\n\n{{\n  \"error\": {{\n{}    \"code\": \"insufficient_quota\"\n  }}\n}}\n", "    \"x\": 1,\n".repeat(20));
        let ex = excerpt(&format!("{filler}{body}{filler}")).expect("large");
        assert!(ex.text.contains_str("\"code\": \"insufficient_quota\"\n  }\n}"), "{}", ex.text);
    }

    #[test]
    fn newlines_are_counted_exactly_whatever_the_bytes_around_them() {
        // Bytes one bit away from a newline (0x0b, 0x08, 0x8a, 0x4a) and carries across a word must not count.
        let alphabet = [b'\n', 0x0b, 0x08, 0x8a, 0x4a, 0x00, 0xff, 0x7f, 0x80, b'a'];
        let mut b = Vec::new();
        let mut x = 7u32;
        for _ in 0..4099 {
            x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            b.push(alphabet[(x >> 16) as usize % alphabet.len()]);
        }
        for start in 0..9 {
            for end in [start, start + 1, start + 15, b.len() - 3, b.len()] {
                let want = b[start..end].iter().filter(|&&c| c == b'\n').count();
                assert_eq!(count_lines(&b[start..end]), want, "{start}..{end}");
            }
        }
    }
}
