//! Many short needles looked for in one pass over a line, for the readers' mark tables (vendors' hosts and
//! class names, wrappers' names, services' wording): a search per needle per line was most of the time of a
//! log where every line is read.
//!
//! `fragments.rs` uses it for the catalogue's message fragments too. Needles are bucketed by their first two bytes; the pass looks each
//! two-byte window up in a table and compares only the needles of a hit bucket. Comparisons are exact (case
//! matters), so each table keeps the spellings it needs.

/// An index over a fixed list of needles.
pub struct Needles {
    /// For each two-byte value, 1 + its bucket's index in `buckets`, or 0.
    table: Box<[u16; 1 << 16]>,
    /// Needle indexes (into the list the index was built from), per bucket.
    buckets: Vec<Vec<usize>>,
    needles: Vec<Box<str>>,
}

impl Needles {
    /// Builds the index; needles shorter than two bytes are left out.
    pub fn new<S: Into<Box<str>>>(needles: impl IntoIterator<Item = S>) -> Needles {
        let needles: Vec<Box<str>> = needles.into_iter().map(Into::into).collect();
        let mut table = Box::new([0u16; 1 << 16]);
        let mut buckets: Vec<Vec<usize>> = Vec::new();
        for (n, needle) in needles.iter().enumerate() {
            let b = needle.as_bytes();
            if b.len() < 2 {
                continue;
            }
            let k = usize::from(u16::from_be_bytes([b[0], b[1]]));
            if table[k] == 0 {
                buckets.push(Vec::new());
                table[k] = buckets.len() as u16;
            }
            buckets[usize::from(table[k]) - 1].push(n);
        }
        Needles { table, buckets, needles }
    }

    /// Calls `found` with the index and byte offset of every needle occurrence in `hay`, in the order they
    /// occur.
    pub fn each(&self, hay: &str, mut found: impl FnMut(usize, usize)) {
        let b = hay.as_bytes();
        for (i, w) in b.windows(2).enumerate() {
            let slot = self.table[usize::from(u16::from_be_bytes([w[0], w[1]]))];
            if slot == 0 {
                continue;
            }
            for &n in &self.buckets[usize::from(slot) - 1] {
                if b[i..].starts_with(self.needles[n].as_bytes()) {
                    found(n, i);
                }
            }
        }
    }

    /// Whether any needle occurs in `hay` (the pass stops at the first).
    pub fn is_some_in(&self, hay: &str) -> bool {
        let b = hay.as_bytes();
        b.windows(2).enumerate().any(|(i, w)| {
            let slot = self.table[usize::from(u16::from_be_bytes([w[0], w[1]]))];
            slot != 0 && self.buckets[usize::from(slot) - 1].iter().any(|&n| b[i..].starts_with(self.needles[n].as_bytes()))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_what_a_search_per_needle_finds() {
        let list = vec!["api.openai.com", "api.groq.com", "anthropic", "an", "x"];
        let ix = Needles::new(list.clone());
        let hay = "POST https://api.groq.com/v1 then anthropic and api.openai.com";
        let mut got = Vec::new();
        ix.each(hay, |n, _| got.push(n));
        got.sort_unstable();
        got.dedup();
        let want: Vec<usize> = (0..list.len()).filter(|&n| list[n].len() >= 2 && hay.contains(list[n])).collect();
        assert_eq!(got, want);
        assert!(ix.is_some_in(hay));
        assert!(!Needles::new(vec!["zz"]).is_some_in(hay));
    }
}
