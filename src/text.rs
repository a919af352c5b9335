//! The string operations the readers repeat on every line, made cheap in the wasm build.
//!
//! Substring search: natively std's, which takes a vector path on x86_64. In wasm every `str::find` builds a
//! Two-Way searcher (a factorisation of the needle) and runs it a byte at a time, which was a third of the wasm
//! build's time on the corpus (Node's profiler); there, with `simd128` (`.cargo/config.toml`), the search tests
//! sixteen positions at once: a position is a candidate when the needle's first and last bytes are both in
//! place, and only candidates are compared in full.
//!
//! Trimming and splitting into words, on both builds: `str::trim` decodes a character at a time through calls
//! the size-optimised wasm build does not inline (a tenth of its time); here ASCII whitespace is skipped a byte
//! at a time and std decides only when a non-ASCII character is reached.
//!
//! Results are std's in every case (tests here, and in tests/web.rs for the wasm build).

/// What the readers call instead of `str::contains`, `str::find`, `str::match_indices` with a `&str` needle,
/// `str::trim` and its one-sided forms, and `str::split_whitespace`.
pub trait StrExt {
    /// Whether `needle` occurs in `self`.
    fn contains_str(&self, needle: &str) -> bool;
    /// The byte offset of the first occurrence of `needle` in `self`.
    fn find_str(&self, needle: &str) -> Option<usize>;
    /// The offsets of the occurrences of `needle` that do not overlap, first to last, like `str::match_indices`.
    fn find_str_all<'a>(&'a self, needle: &'a str) -> impl Iterator<Item = usize> + 'a;
    /// `self` without leading whitespace (as `char::is_whitespace` defines it, like `str::trim_start`).
    fn trim_start_ws(&self) -> &str;
    /// `self` without trailing whitespace, like `str::trim_end`.
    fn trim_end_ws(&self) -> &str;
    /// `self` without whitespace at either end, like `str::trim`.
    fn trim_ws(&self) -> &str {
        self.trim_start_ws().trim_end_ws()
    }
    /// The words of `self` between runs of whitespace, like `str::split_whitespace` (front to back only).
    fn words(&self) -> impl Iterator<Item = &str> {
        let mut rest = self.trim_start_ws();
        core::iter::from_fn(move || {
            if rest.is_empty() {
                return None;
            }
            let (word, after) = rest.split_at(word_len(rest));
            rest = after.trim_start_ws();
            Some(word)
        })
    }
}

/// The largest character boundary of the UTF-8 text `b` at or below `i` (`b.len()` when `i` is past it): every
/// cut at a computed offset (a byte cap, a window) goes through here, so that none splits a character.
pub fn floor_boundary(b: &[u8], i: usize) -> usize {
    if i >= b.len() {
        return b.len();
    }
    let mut i = i;
    // Continuation bytes are 0b10xx_xxxx; a character has at most three.
    while i > 0 && b[i] & 0xc0 == 0x80 {
        i -= 1;
    }
    i
}

/// The ASCII characters `char::is_whitespace` accepts: tab, line feed, vertical tab, form feed, carriage return
/// and space.
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t'..=b'\r')
}

/// The length of the run of non-whitespace at the start of `s`.
fn word_len(s: &str) -> usize {
    let b = s.as_bytes();
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        if c < 0x80 {
            if is_ascii_space(c) {
                return i;
            }
            i += 1;
        } else {
            let Some(ch) = s[i..].chars().next() else { break };
            if ch.is_whitespace() {
                return i;
            }
            i += ch.len_utf8();
        }
    }
    b.len()
}

impl StrExt for str {
    // Natively std's `contains`, which has a vector path that std's `find` lacks.
    #[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
    #[inline]
    fn contains_str(&self, needle: &str) -> bool {
        self.contains(needle)
    }

    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    fn contains_str(&self, needle: &str) -> bool {
        self.find_str(needle).is_some()
    }

    #[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
    #[inline]
    fn find_str(&self, needle: &str) -> Option<usize> {
        self.find(needle)
    }

    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    fn find_str(&self, needle: &str) -> Option<usize> {
        simd::find(self.as_bytes(), needle.as_bytes())
    }

    fn find_str_all<'a>(&'a self, needle: &'a str) -> impl Iterator<Item = usize> + 'a {
        let mut from = 0;
        core::iter::from_fn(move || {
            let at = from + self.get(from..)?.find_str(needle)?;
            // An empty needle matches between every two characters; step over one so that this ends.
            from = at + needle.len().max(self[at..].chars().next().map_or(1, char::len_utf8));
            Some(at)
        })
    }

    fn trim_start_ws(&self) -> &str {
        let b = self.as_bytes();
        let i = b.iter().position(|&c| !is_ascii_space(c)).unwrap_or(b.len());
        // A non-ASCII character may be whitespace too (U+00A0, U+3000, …): std goes on from there.
        if b.get(i).is_some_and(|&c| c >= 0x80) {
            self[i..].trim_start()
        } else {
            &self[i..]
        }
    }

    fn trim_end_ws(&self) -> &str {
        let b = self.as_bytes();
        let end = b.iter().rposition(|&c| !is_ascii_space(c)).map_or(0, |p| p + 1);
        if end > 0 && b[end - 1] >= 0x80 {
            self[..end].trim_end()
        } else {
            &self[..end]
        }
    }
}

#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
mod simd {
    use core::arch::wasm32::{u8x16_bitmask, u8x16_eq, u8x16_splat, v128, v128_and, v128_load};

    /// The first `i` where `needle` starts in `hay`. Offsets are byte offsets; as both are UTF-8, a match can
    /// only start on a character boundary, exactly as with `str::find`.
    pub fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
        let Some(last) = needle.len().checked_sub(1) else { return Some(0) };
        // The last position a match may start at.
        let end = hay.len().checked_sub(needle.len())?;
        if end < 15 {
            return (0..=end).find(|&i| hay[i..i + needle.len()] == *needle);
        }
        let (firsts, lasts) = (u8x16_splat(needle[0]), u8x16_splat(needle[last]));
        let mut i = 0;
        loop {
            // The block of 16 starts at `i`; the last one overlaps the one before it so as to end at `end`
            // (its repeated candidates were already rejected there).
            let block = i.min(end - 15);
            // SAFETY: `block + 15 <= end`, so both loads read 16 bytes inside `hay` (the second ends at
            // `end + last + 1 = hay.len()` at most), and v128_load has no alignment requirement.
            let (at_first, at_last) = unsafe {
                let p = hay.as_ptr().add(block);
                (v128_load(p.cast::<v128>()), v128_load(p.add(last).cast::<v128>()))
            };
            let mut candidates = u8x16_bitmask(v128_and(u8x16_eq(at_first, firsts), u8x16_eq(at_last, lasts)));
            while candidates != 0 {
                let k = block + candidates.trailing_zeros() as usize;
                if last == 0 || hay[k + 1..k + last] == needle[1..last] {
                    return Some(k);
                }
                candidates &= candidates - 1;
            }
            if block == end - 15 {
                return None;
            }
            i += 16;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::StrExt;

    #[test]
    fn trimming_and_words_are_std_s_including_unicode_whitespace() {
        let pieces =
            [" ", "\t", "\n", "\x0b", "\x0c", "\r", "\u{a0}", "\u{3000}", "\u{2028}", "\u{85}", "a", "é", "\x1c", "ab"];
        let mut x = 3u32;
        for _ in 0..20_000 {
            let mut s = String::new();
            x = x.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
            for _ in 0..(x >> 28) {
                x = x.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
                s.push_str(pieces[(x >> 16) as usize % pieces.len()]);
            }
            assert_eq!(s.trim_ws(), s.trim(), "{s:?}");
            assert_eq!(s.trim_start_ws(), s.trim_start(), "{s:?}");
            assert_eq!(s.trim_end_ws(), s.trim_end(), "{s:?}");
            assert_eq!(s.words().collect::<Vec<_>>(), s.split_whitespace().collect::<Vec<_>>(), "{s:?}");
        }
    }

    #[test]
    fn every_occurrence_is_found_like_match_indices() {
        for (hay, needle) in [
            ("retrying, retrying, retryingg", "retrying"),
            ("aaaa", "aa"),
            ("é model € model", "model"),
            ("nothing here", "model"),
            ("ab", ""),
            ("", ""),
        ] {
            let std: Vec<usize> = hay.match_indices(needle).map(|(i, _)| i).collect();
            assert_eq!(hay.find_str_all(needle).collect::<Vec<_>>(), std, "{needle:?} in {hay:?}");
        }
    }
}
