//! Substring search for the readers' many short needles over short lines.
//!
//! Natively this is std's `str::contains` and `str::find`, which take a vector path on x86_64. In wasm std has
//! no such path: every call builds a Two-Way searcher (a factorisation of the needle) and runs it byte by byte,
//! which was a third of the wasm build's time on the corpus (Node's profiler). The wasm build is compiled with
//! `simd128` (`.cargo/config.toml`), and there the search tests sixteen positions at once: a position is a
//! candidate when the needle's first and last bytes are both in place, and only candidates are compared in
//! full. No set-up per call, and the readers' needles rarely have both ends in place by chance.

/// What the readers call instead of `str::contains` / `str::find` with a `&str` needle.
pub trait FindStr {
    /// Whether `needle` occurs in `self`.
    fn contains_str(&self, needle: &str) -> bool;
    /// The byte offset of the first occurrence of `needle` in `self`.
    fn find_str(&self, needle: &str) -> Option<usize>;
    /// The offsets of the occurrences of `needle` that do not overlap, first to last, like `str::match_indices`.
    fn find_str_all<'a>(&'a self, needle: &'a str) -> impl Iterator<Item = usize> + 'a;
}

impl FindStr for str {
    #[inline]
    fn contains_str(&self, needle: &str) -> bool {
        self.find_str(needle).is_some()
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

    #[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
    #[inline]
    fn find_str(&self, needle: &str) -> Option<usize> {
        self.find(needle)
    }

    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    fn find_str(&self, needle: &str) -> Option<usize> {
        simd::find(self.as_bytes(), needle.as_bytes())
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
    use super::FindStr;

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
