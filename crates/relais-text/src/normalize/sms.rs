//! The SMS spellings of `SMS`, indexed for the look-up every word of every
//! text makes as it ends. Words are bucketed by length and first letter:
//! most words (no key of their length starts with their letter) are turned
//! away by one bit of a mask, the rest compare bytes with a key or two. No
//! hashing, no allocation. This owns the look-up only; which words are
//! looked up is the passes' business.

use std::sync::OnceLock;

use super::{SMS, fold};

/// The folded SMS keys and their expansions, in buckets.
pub(super) struct Sms {
    /// Folded key and expansion, grouped by (length, first letter).
    entries: Vec<(String, &'static str)>,
    /// Per key length, per first letter `a..=z`: the range of `entries`
    /// holding the keys of that length starting with that letter.
    buckets: Vec<[(u8, u8); 26]>,
    /// Per key length, the first letters of the keys of that length, a bit
    /// per letter from `a`: the buckets that are not empty.
    firsts: Vec<u32>,
}

impl Sms {
    /// The index, built once.
    pub(super) fn get() -> &'static Sms {
        static INDEX: OnceLock<Sms> = OnceLock::new();
        INDEX.get_or_init(Sms::build)
    }

    /// Keys are folded; when two fold to the same key, the first listed
    /// wins.
    fn build() -> Sms {
        let mut entries: Vec<(String, &'static str)> = Vec::with_capacity(SMS.len());
        for (from, to) in SMS {
            let key = fold(from);
            if !entries.iter().any(|(k, _)| *k == key) {
                entries.push((key, to));
            }
        }
        // Every key is a word of lower-case ASCII letters: one starting
        // elsewhere would sit in no bucket and never be found.
        assert!(
            entries
                .iter()
                .all(|(k, _)| !k.is_empty() && k.bytes().all(|b| b.is_ascii_lowercase())),
            "SMS keys are lower-case ASCII words"
        );
        entries.sort_by_key(|(k, _)| (k.len(), k.as_bytes()[0]));
        let longest = entries.iter().map(|(k, _)| k.len()).max().unwrap_or(0);
        let mut buckets = vec![[(0u8, 0u8); 26]; longest + 1];
        for (i, (k, _)) in entries.iter().enumerate() {
            let i = u8::try_from(i).expect("fewer than 256 SMS keys");
            let bucket = &mut buckets[k.len()][usize::from(k.as_bytes()[0] - b'a')];
            if bucket.0 == bucket.1 {
                *bucket = (i, i);
            }
            bucket.1 = i + 1;
        }
        let firsts = buckets
            .iter()
            .map(|row| {
                (0..26)
                    .filter(|&l| row[l].0 < row[l].1)
                    .fold(0, |m, l| m | 1 << l)
            })
            .collect();
        Sms {
            entries,
            buckets,
            firsts,
        }
    }

    /// Whether a word of `len` bytes starting with `first` may be an SMS
    /// spelling: whether its bucket holds keys. `expand` finds the word
    /// only if this says it may.
    #[inline(always)]
    pub(super) fn may_expand(&self, len: usize, first: u8) -> bool {
        let letter = u32::from(first.wrapping_sub(b'a'));
        letter < 26 && self.firsts.get(len).is_some_and(|m| m >> letter & 1 != 0)
    }

    /// The expansion of the word `bytes` (folded), if it is an SMS spelling.
    #[inline]
    pub(super) fn expand(&self, bytes: &[u8]) -> Option<&'static str> {
        let row = self.buckets.get(bytes.len())?;
        let &(a, b) = row.get(usize::from(bytes.first()?.wrapping_sub(b'a')))?;
        // Keys in a bucket have the word's length and first letter: compare
        // the rest, byte by byte (they are short; memcmp costs more).
        self.entries[usize::from(a)..usize::from(b)]
            .iter()
            .find(|(k, _)| k.as_bytes()[1..].iter().eq(&bytes[1..]))
            .map(|&(_, to)| to)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_is_found_and_the_first_listed_wins() {
        let sms = Sms::get();
        for (from, _) in SMS {
            let key = fold(from);
            let first = SMS.iter().find(|(f, _)| fold(f) == key).map(|(_, t)| *t);
            assert_eq!(sms.expand(key.as_bytes()), first, "{from}");
            assert!(sms.may_expand(key.len(), key.as_bytes()[0]), "{from}");
        }
        assert_eq!(sms.expand(b"bat"), Some("batiment"));
    }

    #[test]
    fn other_words_are_not_found() {
        let sms = Sms::get();
        for word in [
            "",
            "p",
            "pkk",
            "k",
            "de",
            "pas",
            "cest",
            "3",
            "é",
            "ré",
            "ascenceurs",
            "pk2",
        ] {
            assert_eq!(sms.expand(word.as_bytes()), None, "{word}");
            if let Some(&first) = word.as_bytes().first() {
                let bucket = SMS.iter().any(|(from, _)| {
                    let key = fold(from);
                    key.len() == word.len() && key.as_bytes()[0] == first
                });
                assert_eq!(sms.may_expand(word.len(), first), bucket, "{word}");
            }
        }
        // A key that is a prefix of the word, or the word of a key.
        assert_eq!(sms.expand(b"tjrsx"), None);
        assert_eq!(sms.expand(b"tj"), None);
    }
}
