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
    /// The key of a word of `n` bytes (`n` > 0) whose byte `i` (folded) is
    /// `at(i)`. A word of one byte is padded with 0 as its second byte
    /// and before its last: it is never filed under its end (no length
    /// bit below five is set in the tail table).
    #[inline]
    pub fn new(n: usize, at: impl Fn(usize) -> u8) -> Self {
        let (first, last) = (at(0), at(n - 1));
        let (second, before_last) = if n > 1 { (at(1), at(n - 2)) } else { (0, 0) };
        Self {
            head: slot(first, second),
            tail: slot(before_last, last),
            bit: length_bit(n),
        }
    }

    /// The key of a folded word; None for the empty word.
    pub fn of(w: &[u8]) -> Option<Self> {
        (!w.is_empty()).then(|| Self::new(w.len(), |i| w[i]))
    }
}

/// The bytes a word has, five bits of each, as a set.
///
/// Why it rules out a word one typo away without comparing it: an edit
/// takes at most one byte out of a word and puts at most one in, so each
/// of the two sets has at most one element the other lacks.
pub(super) fn letters(w: &[u8]) -> u32 {
    w.iter().fold(0, |set, &b| set | letter(b))
}

/// The element of [`letters`] a byte is.
#[inline]
pub(super) fn letter(b: u8) -> u32 {
    1 << (b & 31)
}

/// A word as a slot lists it: what rules it out without reading it.
#[derive(Debug, Clone, Copy)]
struct Listed {
    letters: u32,
    /// The word's index in [`NearSet::members`] above its length in the
    /// lowest byte (255 bytes and more share a length), in eight bytes
    /// with `letters`: a slot's words are read one after the other.
    word: u32,
}

impl Listed {
    fn new(id: usize, w: &[u8]) -> Self {
        let id = u32::try_from(id).ok().filter(|&id| id < 1 << 24);
        Self {
            letters: letters(w),
            word: id.expect("fewer than 16 million words") << 8 | w.len().min(255) as u32,
        }
    }

    fn id(&self) -> usize {
        (self.word >> 8) as usize
    }

    /// False when the word cannot be `w` (of `n` bytes, `letters`) or one
    /// typo from it.
    fn may_be_near(&self, n: usize, letters: u32) -> bool {
        ((self.word & 0xff) as usize).abs_diff(n.min(255)) <= 1
            && (letters & !self.letters).count_ones() <= 1
            && (self.letters & !letters).count_ones() <= 1
    }
}

/// Words filed by their first bytes, or by their last.
#[derive(Debug)]
struct Table {
    /// For each slot, the lengths a word filed there may have to be near
    /// one of its words: read for every word of a text, so kept apart.
    lengths: Box<[u32; SLOTS]>,
    /// For each slot, where its words are in `members`.
    spans: Box<[(u32, u32); SLOTS]>,
    members: Vec<Listed>,
}

impl Table {
    /// Files `entries` (slot, lengths, word) into a table; `spelling`
    /// gives a word's bytes.
    fn new<'a>(entries: &[(usize, u32, usize)], spelling: impl Fn(usize) -> &'a [u8]) -> Self {
        let mut by_slot: Vec<Vec<usize>> = vec![Vec::new(); SLOTS];
        let mut lengths = Box::new([0; SLOTS]);
        for &(s, bits, word) in entries {
            lengths[s] |= bits;
            if !by_slot[s].contains(&word) {
                by_slot[s].push(word);
            }
        }
        let mut spans = Box::new([(0, 0); SLOTS]);
        let mut members = Vec::new();
        for (s, words) in by_slot.into_iter().enumerate() {
            let start = members.len() as u32;
            members.extend(words.into_iter().map(|id| Listed::new(id, spelling(id))));
            spans[s] = (start, members.len() as u32);
        }
        Self {
            lengths,
            spans,
            members,
        }
    }

    fn may_hold(&self, s: usize, bit: u32) -> bool {
        self.lengths[s] & bit != 0
    }

    /// The words filed at `s`, when a word of length bit `bit` may be
    /// near one of them.
    fn filed(&self, s: usize, bit: u32) -> &[Listed] {
        if !self.may_hold(s, bit) {
            return &[];
        }
        let (start, end) = self.spans[s];
        &self.members[start as usize..end as usize]
    }
}

/// One word of the set.
#[derive(Debug)]
struct Member {
    bytes: Box<[u8]>,
    /// Also found one typo away.
    typo: bool,
    /// What the word stands for, given by the caller.
    tag: u32,
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
    /// The set of `words` (folded), each with whether it is also found one
    /// typo away (when it has [`TYPO_MIN_LEN`] bytes or more) and a tag.
    pub fn new<'a>(words: impl IntoIterator<Item = (&'a str, bool, u32)>) -> Self {
        let mut members: Vec<Member> = Vec::new();
        let (mut head, mut tail) = (Vec::new(), Vec::new());
        for (w, typo, tag) in words {
            let b = w.as_bytes();
            let n = b.len();
            let typo = typo && n >= TYPO_MIN_LEN;
            let Some(key) = Key::of(b) else {
                continue;
            };
            if members
                .iter()
                .any(|m| &*m.bytes == b && m.typo == typo && m.tag == tag)
            {
                continue;
            }
            let id = members.len();
            head.push((key.head, key.bit, id));
            if typo {
                let lengths = length_bit(n - 1) | length_bit(n) | length_bit(n + 1);
                head.push((key.head, lengths, id));
                tail.push((key.tail, lengths, id));
            }
            members.push(Member {
                bytes: b.into(),
                typo,
                tag,
            });
        }
        let spelling = |id: usize| &*members[id].bytes;
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

    /// The words filed where a word with key `k` may be near them (the
    /// same word may be filed at two of them).
    #[inline]
    fn filed(&self, k: Key) -> [&[Listed]; 2] {
        [
            self.head.filed(k.head, k.bit),
            self.tail.filed(k.tail, k.bit),
        ]
    }

    /// True when the word listed as `l` is `w` (of `n` bytes, `letters`)
    /// or one typo from it.
    fn is_near(&self, l: &Listed, w: &[u8], n: usize, letters: u32) -> bool {
        if !l.may_be_near(n, letters) {
            return false;
        }
        let m = &self.members[l.id()];
        (m.typo && one_edit(w, &m.bytes)) || same(&m.bytes, w)
    }

    /// True when `w`, whose key is `k`, is a word of the set, or one typo
    /// from a word marked for typos.
    pub fn holds(&self, k: Key, w: &[u8]) -> bool {
        let (n, set) = (w.len(), letters(w));
        self.filed(k)
            .iter()
            .any(|listed| listed.iter().any(|l| self.is_near(l, w, n, set)))
    }

    /// Gives `f` the tag of each word of the set that `w`, whose key is
    /// `k`, is or is one typo from (a tag may come twice), until `f`
    /// returns None. `set` is `letters(w)`, which a caller that folds `w`
    /// makes as it goes.
    #[inline(always)]
    pub fn try_tags(
        &self,
        k: Key,
        w: &[u8],
        set: u32,
        mut f: impl FnMut(u32) -> Option<()>,
    ) -> Option<()> {
        let n = w.len();
        for listed in self.filed(k) {
            for l in listed {
                if self.is_near(l, w, n, set) {
                    f(self.members[l.id()].tag)?;
                }
            }
        }
        Some(())
    }

    /// True when `w` is a word of the set, or one typo from a word marked
    /// for typos.
    #[inline]
    pub fn contains(&self, w: &[u8]) -> bool {
        Key::of(w).is_some_and(|k| self.may_hold(k) && self.holds(k, w))
    }

    /// The tags [`NearSet::try_tags`] gives for `w`, each once.
    pub fn tags_of(&self, w: &[u8]) -> Vec<u32> {
        let mut tags = Vec::new();
        if let Some(k) = Key::of(w) {
            self.try_tags(k, w, letters(w), |tag| {
                if !tags.contains(&tag) {
                    tags.push(tag);
                }
                Some(())
            });
        }
        tags
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set_of(words: &[(&'static str, bool)]) -> NearSet {
        NearSet::new(words.iter().map(|&(w, typo)| (w, typo, 0)))
    }

    fn set() -> NearSet {
        set_of(&[
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
        let s = set_of(&[("éclair", true), ("12bis", false)]);
        assert!(s.contains("éclair".as_bytes()));
        assert!(s.contains("éclairs".as_bytes()));
        assert!(s.contains(b"12bis"));
        // 'p' and '0' share a slot: the comparison tells them apart.
        assert!(!s.contains(b"p2bis"));
        let long = "x".repeat(40);
        let s = NearSet::new([(long.as_str(), true, 0)]);
        assert!(s.contains(format!("{long}y").as_bytes()));
        assert!(!s.contains("x".repeat(33).as_bytes()));
    }
}
