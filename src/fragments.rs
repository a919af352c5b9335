//! Which catalogue message fragments occur in a text, found in one pass instead of one search per
//! fragment: the classifier asks this for every incident, and there are some sixty fragments.
//!
//! The index is the readers' [`Needles`] (fragments bucketed by their first two bytes). Texts are lowercased
//! already, like the fragments.

use std::sync::OnceLock;

use crate::catalogue::ENTRIES;
use crate::read::needles::Needles;

struct Index {
    needles: Needles,
    /// (entry index in ENTRIES, fragment index in its `messages`) of each needle.
    owners: Vec<(usize, usize)>,
}

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut owners = Vec::new();
        let mut frags = Vec::new();
        for (e, entry) in ENTRIES.iter().enumerate() {
            for (f, frag) in entry.signals.messages.iter().enumerate() {
                // Lowercased here, once, rather than stored twice in the binary.
                frags.push(frag.to_ascii_lowercase());
                owners.push((e, f));
            }
        }
        Index { needles: Needles::new(frags), owners }
    })
}

/// (entry index, fragment index) of every fragment found in `lower`, each once, in catalogue order.
pub fn found(lower: &str) -> Vec<(usize, usize)> {
    let ix = index();
    let mut hits = Vec::new();
    ix.needles.each(lower, |n, _| {
        if !hits.contains(&ix.owners[n]) {
            hits.push(ix.owners[n]);
        }
    });
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
