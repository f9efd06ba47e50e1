//! Finding the words of a vocabulary one typo away from a word of a text,
//! without comparing it with every word: a word one edit away keeps its
//! first two letters or its last two (the edit touches at most two
//! neighbouring letters, and the words have five letters or more), so the
//! vocabulary is bucketed by (first two letters, length) and (last two,
//! length), and a bit array says which buckets exist before any hash
//! lookup. Most words of a text cost six bit tests.

use super::index::FxMap;

/// A word may be matched with one typo when it has at least this many letters.
pub(super) const TYPO_MIN_LEN: usize = 5;

const BLOOM_BITS: usize = 1 << 16;

#[derive(Debug, Default)]
pub(super) struct TypoIndex {
    buckets: FxMap<u32, Vec<u32>>,
    bloom: Vec<u64>,
}

fn key(suffix: bool, a: u8, b: u8, len: usize) -> u32 {
    (u32::from(suffix) << 31) | (u32::from(a) << 16) | (u32::from(b) << 8) | len.min(127) as u32
}

fn bit(key: u32) -> usize {
    (key.wrapping_mul(0x9e37_79b1) >> 16) as usize % BLOOM_BITS
}

impl TypoIndex {
    /// Adds word `id`, spelt `w` (folded), if it is long enough.
    pub fn insert(&mut self, id: u32, w: &str) {
        let b = w.as_bytes();
        let n = b.len();
        if n < TYPO_MIN_LEN {
            return;
        }
        if self.bloom.is_empty() {
            self.bloom = vec![0; BLOOM_BITS / 64];
        }
        for k in [key(false, b[0], b[1], n), key(true, b[n - 2], b[n - 1], n)] {
            self.buckets.entry(k).or_default().push(id);
            let i = bit(k);
            self.bloom[i / 64] |= 1 << (i % 64);
        }
    }

    /// Words one typo away from `w` (at most two); `spelling` gives a
    /// word's text from its id.
    pub fn candidates<'a>(&self, w: &str, spelling: impl Fn(u32) -> &'a str) -> ([u32; 2], usize) {
        let mut out = ([0u32; 2], 0usize);
        let b = w.as_bytes();
        let n = b.len();
        if n + 1 < TYPO_MIN_LEN || self.bloom.is_empty() {
            return out;
        }
        for len in (n - 1).max(TYPO_MIN_LEN)..=n + 1 {
            for k in [
                key(false, b[0], b[1], len),
                key(true, b[n - 2], b[n - 1], len),
            ] {
                let i = bit(k);
                if self.bloom[i / 64] & (1 << (i % 64)) == 0 {
                    continue;
                }
                for &id in self.buckets.get(&k).map_or(&[][..], Vec::as_slice) {
                    if out.1 < 2
                        && !out.0[..out.1].contains(&id)
                        && one_edit(b, spelling(id).as_bytes())
                    {
                        out.0[out.1] = id;
                        out.1 += 1;
                    }
                }
            }
        }
        out
    }
}

/// True when `a` and `b` differ by exactly one substitution, insertion,
/// deletion or transposition of two adjacent letters.
pub(super) fn one_edit(a: &[u8], b: &[u8]) -> bool {
    if a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let p = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    match a.len().cmp(&b.len()) {
        std::cmp::Ordering::Equal => {
            p < a.len()
                && (same(&a[p + 1..], &b[p + 1..])
                    || (p + 1 < a.len()
                        && a[p] == b[p + 1]
                        && a[p + 1] == b[p]
                        && same(&a[p + 2..], &b[p + 2..])))
        }
        std::cmp::Ordering::Greater => same(&a[p + 1..], &b[p..]),
        std::cmp::Ordering::Less => same(&a[p..], &b[p + 1..]),
    }
}

/// `a == b` for the short words compared here, without the call to
/// `memcmp` that slice equality makes (most words differ in a byte or two).
pub(super) fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x == y)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_edit_is_a_substitution_insertion_deletion_or_transposition() {
        for (a, b) in [
            ("genets", "genits"),
            ("genets", "genet"),
            ("genet", "genets"),
            ("genets", "gneets"),
            ("alpins", "lapins"),
        ] {
            assert!(one_edit(a.as_bytes(), b.as_bytes()), "{a} {b}");
        }
        for (a, b) in [
            ("genets", "genets"),
            ("genets", "gents_"),
            ("genets", "gaanets"),
            ("abcdef", "badcef"),
        ] {
            assert!(!one_edit(a.as_bytes(), b.as_bytes()), "{a} {b}");
        }
    }

    #[test]
    fn candidates_are_found_by_their_first_or_last_letters() {
        let words = ["malissol", "baltiss", "arlequin"];
        let mut ix = TypoIndex::default();
        for (id, w) in words.iter().enumerate() {
            ix.insert(id as u32, w);
        }
        let spelling = |id: u32| words[id as usize];
        assert_eq!(ix.candidates("malisol", spelling).1, 1);
        assert_eq!(ix.candidates("nalissol", spelling).1, 1);
        assert_eq!(ix.candidates("malissok", spelling).1, 1);
        assert_eq!(ix.candidates("arlequain", spelling), ([2, 0], 1));
        assert_eq!(ix.candidates("ascenseur", spelling).1, 0);
    }
}
