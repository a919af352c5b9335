//! Which catalogue message fragments occur in a text, found in one pass instead of one search per
//! fragment: the classifier asks this for every incident, and there are some sixty fragments.
//!
//! Fragments are bucketed by their first two bytes; the pass looks each two-byte window up in a table and
//! compares only the fragments of a hit bucket. Texts are lowercased already, like the fragments.

use std::sync::OnceLock;

use crate::catalogue::ENTRIES;

struct Index {
    /// For each two-byte value, 1 + its bucket's index in `buckets`, or 0.
    table: Box<[u16; 1 << 16]>,
    /// (entry index in ENTRIES, fragment index in its `messages`, the fragment lowercased).
    buckets: Vec<Vec<(usize, usize, String)>>,
}

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut table = Box::new([0u16; 1 << 16]);
        let mut buckets: Vec<Vec<(usize, usize, String)>> = Vec::new();
        for (e, entry) in ENTRIES.iter().enumerate() {
            for (f, frag) in entry.signals.messages.iter().enumerate() {
                // Lowercased here, once, rather than stored twice in the binary.
                let frag = frag.to_ascii_lowercase();
                let b = frag.as_bytes();
                if b.len() < 2 {
                    continue;
                }
                let k = usize::from(u16::from_be_bytes([b[0], b[1]]));
                if table[k] == 0 {
                    buckets.push(Vec::new());
                    table[k] = buckets.len() as u16;
                }
                buckets[usize::from(table[k]) - 1].push((e, f, frag));
            }
        }
        Index { table, buckets }
    })
}

/// (entry index, fragment index) of every fragment found in `lower`, each once, in catalogue order.
pub fn found(lower: &str) -> Vec<(usize, usize)> {
    let ix = index();
    let b = lower.as_bytes();
    let mut hits = Vec::new();
    for (i, w) in b.windows(2).enumerate() {
        let slot = ix.table[usize::from(u16::from_be_bytes([w[0], w[1]]))];
        if slot == 0 {
            continue;
        }
        for (e, f, frag) in &ix.buckets[usize::from(slot) - 1] {
            let (e, f) = (*e, *f);
            if b[i..].starts_with(frag.as_bytes()) && !hits.contains(&(e, f)) {
                hits.push((e, f));
            }
        }
    }
    crate::sort::sort_small(&mut hits, Ord::cmp);
    hits
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_exactly_what_a_search_per_fragment_finds() {
        let text = "openai.ratelimiterror: error code: 429 - you exceeded your current quota, please check. \
                    rate limit reached for gpt-4o. connection error.";
        let mut naive = Vec::new();
        for (e, entry) in ENTRIES.iter().enumerate() {
            for (f, frag) in entry.signals.messages.iter().enumerate() {
                if text.contains(&frag.to_ascii_lowercase()) {
                    naive.push((e, f));
                }
            }
        }
        assert!(!naive.is_empty());
        assert_eq!(found(text), naive);
    }
}
