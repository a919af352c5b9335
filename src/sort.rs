//! Sorting the short lists the core sorts (a few dozen matches, a handful of key spans or fragment hits).
//! An insertion sort is all they need; the standard library's sorts would add some 12 KB of code to the
//! `.wasm`, a quarter of its budget.

use std::cmp::Ordering;

/// Sorts `v` in place by `cmp`, keeping equal elements in their order.
pub fn sort_small<T>(v: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && cmp(&v[j - 1], &v[j]) == Ordering::Greater {
            v.swap(j - 1, j);
            j -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_and_keeps_equal_elements_in_order() {
        let mut v = [(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        sort_small(&mut v, |a, b| a.0.cmp(&b.0));
        assert_eq!(v, [(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]);
    }
}
