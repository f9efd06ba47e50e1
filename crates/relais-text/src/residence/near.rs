//! A small set of folded words that answers "is this word one of them, or
//! one typo from one of them?" in a few table reads, without hashing:
//! most words of a text are neither, and this runs on every word of every
//! comment. It only ever answers for the words it was given, exactly (a
//! "yes" is checked byte by byte), and knows nothing of residences.
//!
//! Why two tables find every word one typo away: a word one edit from a
//! word of five bytes or more keeps its first two bytes or its last two
//! (see `typo`), so each typo-able word is filed under its first two bytes
//! and under its last two, with the lengths a text word one edit away may
//! have; a word matched exactly keeps its first two bytes and its length.

use super::typo::{TYPO_MIN_LEN, one_edit, same};

/// Slots of a table: five bits of each of two bytes. Letters get a slot
/// of their own; other bytes share slots, which costs a comparison, never
/// a word.
const SLOTS: usize = 1 << 10;

fn slot(a: u8, b: u8) -> usize {
    (usize::from(a & 31) << 5) | usize::from(b & 31)
}

/// The length bit of a word: lengths of 31 bytes and more share one.
fn length_bit(n: usize) -> u32 {
    1 << n.min(31)
}

/// Where a word is looked up: its first two bytes, its last two, its
/// length. A caller that folds bytes as it reads can make it from four
/// bytes, without folding the whole word.
#[derive(Debug, Clone, Copy)]
pub(super) struct Key {
    head: usize,
    tail: usize,
    bit: u32,
}

impl Key {
    /// The key of a word of `n` bytes (`n` > 0) that starts with `first`,
    /// `second` and ends with `before_last`, `last`; a word of one byte
    /// gives 0 for `second` and `before_last`.
    pub fn new(n: usize, first: u8, second: u8, before_last: u8, last: u8) -> Self {
        Self {
            head: slot(first, second),
            // A word of one byte is never filed under its end: its length
            // bit is set in no tail slot.
            tail: slot(before_last, last),
            bit: length_bit(n),
        }
    }

    /// The key of a folded word; None for the empty word.
    pub fn of(w: &[u8]) -> Option<Self> {
        let n = w.len();
        let (&first, &last) = (w.first()?, w.last()?);
        if n == 1 {
            return Some(Self::new(1, first, 0, 0, first));
        }
        Some(Self::new(n, first, w[1], w[n - 2], last))
    }
}

/// One slot: the lengths a text word filed here may have to be near one
/// of the words, and where those words are in [`Table::members`].
#[derive(Debug, Clone, Copy, Default)]
struct Slot {
    lengths: u32,
    start: u16,
    end: u16,
}

/// The bytes a word has, five bits of each, as a set.
///
/// Why it rules out a word one typo away without comparing it: an edit
/// takes at most one byte out of a word and puts at most one in, so each
/// of the two sets has at most one element the other lacks.
fn letters(w: &[u8]) -> u32 {
    w.iter().fold(0, |set, &b| set | 1 << (b & 31))
}

/// A word as a slot lists it: what rules it out without reading it.
#[derive(Debug, Clone, Copy)]
struct Listed {
    len: usize,
    letters: u32,
    id: u16,
}

impl Listed {
    /// False when the word cannot be `w` (of `n` bytes, `letters`) or one
    /// typo from it.
    fn may_be_near(&self, n: usize, letters: u32) -> bool {
        self.len.abs_diff(n) <= 1
            && (letters & !self.letters).count_ones() <= 1
            && (self.letters & !letters).count_ones() <= 1
    }
}

/// Words filed by two of their bytes.
#[derive(Debug)]
struct Table {
    slots: Box<[Slot; SLOTS]>,
    /// The words of each slot.
    members: Vec<Listed>,
}

impl Table {
    /// Files `entries` (slot, lengths, word) into a table; `spelling`
    /// gives a word's bytes.
    fn new<'a>(entries: &[(usize, u32, u16)], spelling: impl Fn(u16) -> &'a [u8]) -> Self {
        let mut by_slot: Vec<Vec<u16>> = vec![Vec::new(); SLOTS];
        let mut slots = Box::new([Slot::default(); SLOTS]);
        for &(s, lengths, word) in entries {
            slots[s].lengths |= lengths;
            if !by_slot[s].contains(&word) {
                by_slot[s].push(word);
            }
        }
        let mut members = Vec::new();
        for (s, words) in by_slot.into_iter().enumerate() {
            slots[s].start = u16::try_from(members.len()).expect("a small set");
            members.extend(words.into_iter().map(|id| Listed {
                len: spelling(id).len(),
                letters: letters(spelling(id)),
                id,
            }));
            slots[s].end = u16::try_from(members.len()).expect("a small set");
        }
        Self { slots, members }
    }

    fn may_hold(&self, s: usize, bit: u32) -> bool {
        self.slots[s].lengths & bit != 0
    }

    /// The words filed at `s`.
    fn at(&self, s: usize) -> &[Listed] {
        let slot = self.slots[s];
        &self.members[usize::from(slot.start)..usize::from(slot.end)]
    }
}

/// One word of the set.
#[derive(Debug)]
struct Member {
    bytes: Box<[u8]>,
    /// Also found one typo away.
    typo: bool,
}

/// A set of words, found exactly or one typo away.
#[derive(Debug)]
pub(super) struct NearSet {
    members: Vec<Member>,
    head: Table,
    tail: Table,
}

impl Default for NearSet {
    fn default() -> Self {
        Self::new([])
    }
}

impl NearSet {
    /// The set of `words` (folded); those marked `true` are also found one
    /// typo away when they have [`TYPO_MIN_LEN`] bytes or more.
    pub fn new<'a>(words: impl IntoIterator<Item = (&'a str, bool)>) -> Self {
        let mut members: Vec<Member> = Vec::new();
        let (mut head, mut tail) = (Vec::new(), Vec::new());
        for (w, typo) in words {
            let b = w.as_bytes();
            let n = b.len();
            let typo = typo && n >= TYPO_MIN_LEN;
            let Some(key) = Key::of(b) else {
                continue;
            };
            if members.iter().any(|m| &*m.bytes == b && m.typo == typo) {
                continue;
            }
            let id = u16::try_from(members.len()).expect("a small set");
            head.push((key.head, key.bit, id));
            if typo {
                let lengths = length_bit(n - 1) | length_bit(n) | length_bit(n + 1);
                head.push((key.head, lengths, id));
                tail.push((key.tail, lengths, id));
            }
            members.push(Member {
                bytes: b.into(),
                typo,
            });
        }
        let spelling = |id: u16| &*members[usize::from(id)].bytes;
        let (head, tail) = (Table::new(&head, spelling), Table::new(&tail, spelling));
        Self {
            members,
            head,
            tail,
        }
    }

    /// False when no word with key `k` is in the set: two table reads.
    #[inline]
    pub fn may_hold(&self, k: Key) -> bool {
        self.head.may_hold(k.head, k.bit) || self.tail.may_hold(k.tail, k.bit)
    }

    /// True when `w`, whose key is `k`, is a word of the set, or one typo
    /// from a word marked for typos.
    pub fn holds(&self, k: Key, w: &[u8]) -> bool {
        let (n, set) = (w.len(), letters(w));
        let near = |l: &Listed| {
            if !l.may_be_near(n, set) {
                return false;
            }
            let m = &self.members[usize::from(l.id)];
            (m.typo && one_edit(w, &m.bytes)) || same(&m.bytes, w)
        };
        (self.head.may_hold(k.head, k.bit) && self.head.at(k.head).iter().any(near))
            || (self.tail.may_hold(k.tail, k.bit) && self.tail.at(k.tail).iter().any(near))
    }

    /// True when `w` is a word of the set, or one typo from a word marked
    /// for typos.
    #[inline]
    pub fn contains(&self, w: &[u8]) -> bool {
        Key::of(w).is_some_and(|k| self.may_hold(k) && self.holds(k, w))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set() -> NearSet {
        NearSet::new([
            ("genets", true),
            ("vo", true),
            ("isle", true),
            ("claude", true),
            ("ferry", false),
            ("r", false),
        ])
    }

    #[test]
    fn words_of_the_set_are_found_exactly() {
        let s = set();
        for w in ["genets", "vo", "isle", "claude", "ferry", "r"] {
            assert!(s.contains(w.as_bytes()), "{w}");
        }
        for w in ["", "v", "vos", "genetxx", "rr", "fer"] {
            assert!(!s.contains(w.as_bytes()), "{w}");
        }
    }

    #[test]
    fn typos_are_found_at_either_end_and_only_for_long_typo_words() {
        let s = set();
        // Edits at the start, in the middle, at the end; insertions,
        // deletions, transpositions.
        for w in [
            "xenets", "egnets", "genits", "genet", "genetss", "egenets", "gneets", "genest",
            "chaude", "clude", "claudes",
        ] {
            assert!(s.contains(w.as_bytes()), "{w}");
        }
        // Short words are exact only; "ferry" is not marked for typos.
        for w in ["isla", "vi", "ferri", "fery", "genxts ", "gnetes", "aclued"] {
            assert!(!s.contains(w.as_bytes()), "{w}");
        }
    }

    #[test]
    fn any_byte_is_filed_even_outside_the_alphabet() {
        let s = NearSet::new([("éclair", true), ("12bis", false)]);
        assert!(s.contains("éclair".as_bytes()));
        assert!(s.contains("éclairs".as_bytes()));
        assert!(s.contains(b"12bis"));
        // 'p' and '0' share a slot: the comparison tells them apart.
        assert!(!s.contains(b"p2bis"));
        let long = "x".repeat(40);
        let s = NearSet::new([(long.as_str(), true)]);
        assert!(s.contains(format!("{long}y").as_bytes()));
        assert!(!s.contains("x".repeat(33).as_bytes()));
    }
}
