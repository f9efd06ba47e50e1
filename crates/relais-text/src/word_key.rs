//! A word read as numbers, for the tables looked up with every word of
//! every text (the lexicon's ids, the features' per-thread cache): a
//! general hash map hashes a word byte by byte and compares it with a call
//! to `memcmp`; a key hashes in one multiplication and compares as three
//! numbers. It knows nothing of what the tables hold.

use std::hash::{Hash, Hasher};
use std::ops::Range;

/// A word's first 8 bytes and its last 8 bytes (both zero-padded), and its
/// length. Equal keys of words of up to 16 bytes are equal words.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) struct Key {
    pub head: u64,
    pub tail: u64,
    pub len: usize,
}

/// The longest word a [`Key`] says whole.
pub(crate) const WHOLE: usize = 16;

impl Key {
    pub fn of(word: &[u8]) -> Self {
        let len = word.len();
        let (head, tail) = if len > 8 {
            (le_u64(&word[..8]), le_u64(&word[len - 8..]))
        } else {
            (short(word), 0)
        };
        Self { head, tail, len }
    }

    /// The key of the word at `span` in `text`. A word of up to 8 bytes
    /// with 8 bytes of text from its start is read in one load, the bytes
    /// after it masked off: no branch on its length, which no predictor
    /// guesses.
    #[inline]
    pub fn in_text(text: &[u8], span: Range<usize>) -> Self {
        let len = span.end.wrapping_sub(span.start);
        match text.get(span.start..span.start.wrapping_add(8)) {
            Some(eight) if (1..=8).contains(&len) => Self {
                head: le_u64(eight) & u64::MAX >> (64 - 8 * len),
                tail: 0,
                len,
            },
            _ => Self::of(&text[span]),
        }
    }

    /// A hash of the key, well mixed in its top bits.
    pub fn hash(self) -> u64 {
        let mixed = self.head ^ self.tail.rotate_left(29) ^ self.len as u64;
        mixed.wrapping_mul(0x9e37_79b9_7f4a_7c15)
    }
}

/// Keys in a std `HashMap`, with [`KeyHasher`]: the key's own hash, once.
impl Hash for Key {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_u64(Key::hash(*self));
    }
}

/// The hasher for maps keyed by [`Key`]: it keeps the one number the key
/// writes.
#[derive(Default)]
pub(crate) struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        // Only keys are hashed here, and they write one u64; anything else
        // still gets a hash (FxHash's step), if a slow one.
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x517c_c1b7_2722_0a95);
        }
    }

    fn write_u64(&mut self, x: u64) {
        self.0 = x;
    }
}

pub(crate) fn le_u64(b: &[u8]) -> u64 {
    u64::from_le_bytes(b.try_into().expect("8 bytes"))
}

/// A word of at most 8 bytes as a little-endian number, zero-padded. Two
/// overlapping reads instead of a loop: the bytes they share are the same.
pub(crate) fn short(b: &[u8]) -> u64 {
    let n = b.len();
    match n {
        8 => le_u64(b),
        4..=7 => {
            let lo = u32::from_le_bytes(b[..4].try_into().expect("4 bytes"));
            let hi = u32::from_le_bytes(b[n - 4..].try_into().expect("4 bytes"));
            u64::from(lo) | u64::from(hi) << (8 * (n - 4))
        }
        2 | 3 => {
            let lo = u16::from_le_bytes(b[..2].try_into().expect("2 bytes"));
            let hi = u16::from_le_bytes(b[n - 2..].try_into().expect("2 bytes"));
            u64::from(lo) | u64::from(hi) << (8 * (n - 2))
        }
        1 => u64::from(b[0]),
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_words_are_read_whole_and_zero_padded() {
        for w in [
            "", "x", "xy", "xyz", "wxyz", "vwxyz", "uvwxyz", "tuvwxyz", "stuvwxyz",
        ] {
            let mut padded = [0u8; 8];
            padded[..w.len()].copy_from_slice(w.as_bytes());
            assert_eq!(short(w.as_bytes()), u64::from_le_bytes(padded), "{w}");
        }
    }

    #[test]
    fn a_word_read_in_its_text_has_the_key_of_the_word_alone() {
        let text = b"a de ascenseur bat c anticonstitutionnellement 12 xyz";
        let mut start = 0;
        for word in text.split(|b| *b == b' ') {
            let span = start..start + word.len();
            assert!(
                Key::in_text(text, span.clone()) == Key::of(word),
                "{span:?}"
            );
            start = span.end + 1;
        }
    }

    #[test]
    fn keys_of_words_up_to_sixteen_bytes_are_equal_only_for_equal_words() {
        let words = [
            "",
            "a",
            "a\0",
            "ab",
            "ba",
            "abcdefgh",
            "abcdefgh\0",
            "abcdefghi",
            "abcdefghijklmnop",
            "abcdefghijklmnoq",
            "bbcdefghijklmnop",
        ];
        for a in words {
            for b in words {
                assert_eq!(
                    Key::of(a.as_bytes()) == Key::of(b.as_bytes()),
                    a == b,
                    "{a:?} {b:?}"
                );
            }
        }
    }
}
