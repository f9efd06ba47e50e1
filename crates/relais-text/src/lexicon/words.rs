//! The table from a word to its id in the lexicon, built for the lookup of
//! every word of every comment (most of which the lexicon does not know).
//!
//! A general hash map hashes a word byte by byte and compares it with a
//! call to `memcmp`; here a word is read as two little-endian numbers (its
//! first and last eight bytes), which hash it in one multiplication and,
//! with its length, are the word for all words of up to 16 bytes. The
//! table is open-addressed and mostly empty, so a miss ends at once.

use std::ops::Range;

use crate::word_key::{Key, WHOLE, le_u64};

/// The key's slot in [`WordIds`]: the top bits of its hash.
fn slot(key: Key) -> usize {
    (key.hash() >> (64 - BITS)) as usize
}

/// log2 of the number of slots: room for 4096 words (half full), and a
/// size known at compile time, so that a slot's index needs no bounds check.
const BITS: u32 = 13;
const SLOTS: usize = 1 << BITS;

/// Words → ids 1, 2, 3… in the order given; 0 for any other word.
pub(super) struct WordIds {
    /// Open addressing with linear probing: an id, or 0 for an empty slot.
    slots: Box<[u16; SLOTS]>,
    /// By id (0 unused).
    keys: Vec<Key>,
    /// By id, for the words of more than 16 bytes, whose keys do not say
    /// every byte.
    words: Vec<Box<str>>,
}

impl WordIds {
    /// The table of `words`, which must be distinct: the `i`th gets id `i + 1`.
    pub fn new(words: &[&str]) -> Self {
        assert!(words.len() < SLOTS / 2, "too many words for the table");
        let mut table = Self {
            slots: Box::new([0; SLOTS]),
            keys: vec![Key::of(b"")],
            words: vec!["".into()],
        };
        for w in words {
            let id = table.keys.len() as u16;
            let key = Key::of(w.as_bytes());
            let mut slot = slot(key);
            while table.slots[slot] != 0 {
                slot = (slot + 1) % SLOTS;
            }
            table.slots[slot] = id;
            table.keys.push(key);
            table.words.push((*w).into());
        }
        table
    }

    /// The id of `word`, 0 if it is not in the table.
    // Out of line: the lookup of a short word in a text does not come here,
    // and the hot loop keeps its registers.
    #[inline(never)]
    pub fn get(&self, word: &[u8]) -> u16 {
        let key = Key::of(word);
        self.find(slot(key), |id| {
            self.keys[usize::from(id)] == key
                && (key.len <= WHOLE || *self.words[usize::from(id)].as_bytes() == *word)
        })
    }

    /// The id of the word at `span` in `text`, 0 if it is not in the table.
    /// A word of up to 8 bytes with 8 bytes of text from its start is read in
    /// one load, the bytes after it masked off.
    // Inline: called for every word of every text, the call itself would
    // cost as much as the lookup.
    #[inline]
    pub fn get_in(&self, text: &[u8], span: Range<usize>) -> u16 {
        let len = span.end.wrapping_sub(span.start);
        match text.get(span.start..span.start.wrapping_add(8)) {
            Some(eight) if (1..=8).contains(&len) => {
                let head = le_u64(eight) & u64::MAX >> (64 - 8 * len);
                let key = Key { head, tail: 0, len };
                // Up to 8 bytes, the head and the length say the word.
                self.find(slot(key), |id| {
                    let found = &self.keys[usize::from(id)];
                    found.head == head && found.len == len
                })
            }
            _ => self.get(&text[span]),
        }
    }

    /// The id of the word `same` finds, probing from `slot`.
    #[inline]
    fn find(&self, mut slot: usize, same: impl Fn(u16) -> bool) -> u16 {
        loop {
            let id = self.slots[slot];
            if id == 0 || same(id) {
                return id;
            }
            slot = (slot + 1) % SLOTS;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_finds_its_id_and_no_other_word_does() {
        let words = [
            "a",
            "de",
            "pas",
            "tres",
            "merci",
            "ascenseur",
            "ab",
            "ba",
            "abc",
            "abcdefgh",
            "abcdefghi",
            "abcdefghijklmnop",
            "abcdefghijklmnopq",
            "abcdefghXjklmnopq",
            "particulierement",
            "anticonstitutionnellement",
        ];
        let table = WordIds::new(&words);
        for (i, w) in words.iter().enumerate() {
            assert_eq!(usize::from(table.get(w.as_bytes())), i + 1, "{w}");
        }
        for w in [
            "",
            "b",
            "aa",
            "a\0",
            "de\0",
            "tre",
            "tresor",
            "abcdefg",
            "abcdefgh\0",
            "abcdefghij",
            "abcdefghijklmnoq",
            "abcdefghYjklmnopq",
            "anticonstitutionnellemenT",
            "é",
        ] {
            assert_eq!(table.get(w.as_bytes()), 0, "{w:?}");
        }
    }

    #[test]
    fn a_word_is_found_in_its_text_whatever_follows_it() {
        let table = WordIds::new(&["de", "merci", "dysfonctionnements"]);
        let text = b"de merci, dysfonctionnements de";
        let id = |a: usize, b: usize| table.get_in(text, a..b);
        assert_eq!((id(0, 2), id(3, 8), id(10, 28), id(29, 31)), (1, 2, 3, 1));
        assert_eq!((id(0, 1), id(3, 7), id(10, 27), id(3, 9)), (0, 0, 0, 0));
    }
}
