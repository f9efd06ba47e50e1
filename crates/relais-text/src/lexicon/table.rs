//! The lexicon compiled for scanning: every word the rules look at (an
//! entry, a word inside a phrase, an amenity, a negation, an intensifier,
//! "mais"…) gets an id, and by id the lexicon holds its roles as bits and
//! its [`Entry`] (its valence, the phrases it starts), so that a text's word
//! is looked up once and the rules then test bits and compare ids instead
//! of strings.
//!
//! It owns the reading of `lexicon_fr.txt` (the first line of a term wins);
//! it applies no rule.

use std::collections::hash_map;
use std::sync::OnceLock;

use super::roles::{ROLE_WORDS, Roles};
use super::words::WordIds;
use crate::features::FnvMap;
use crate::normalize::fold;

/// A phrase of the lexicon: its words' ids and its valence.
pub(super) struct Phrase {
    /// `words[1]`, beside the phrase so that finding a word's phrases
    /// reads no other memory.
    second: u16,
    pub words: Box<[u16]>,
    pub valence: f32,
}

/// The hits a word may start.
#[derive(Default)]
pub(super) struct Entry {
    /// The word's own valence, when it is an entry.
    pub valence: Option<f32>,
    /// The phrases it starts, by second word, and for one second word
    /// longest first.
    phrases: Vec<Phrase>,
    /// A bit per second word of `phrases` (its id modulo 64): the word
    /// after this one is mostly none of them, and then no phrase is read.
    seconds: u64,
}

impl Entry {
    /// The longest of the phrases this word starts that `rest`, the text's
    /// words from this one on, starts with: its length and valence.
    #[inline]
    pub fn phrase(&self, rest: &[u16]) -> Option<(usize, f32)> {
        let next = *rest.get(1)?;
        if self.seconds & 1 << (next % 64) == 0 {
            return None;
        }
        // Longest first: the first phrase that matches is the longest (two
        // phrases of one length cannot both match, they would be the same).
        let from = self.phrases.partition_point(|p| p.second < next);
        self.phrases[from..]
            .iter()
            .take_while(|p| p.second == next)
            .find(|p| {
                p.words.len() <= rest.len()
                    && p.words[2..].iter().zip(&rest[2..]).all(|(a, b)| a == b)
            })
            .map(|p| (p.words.len(), p.valence))
    }
}

pub(super) struct Lexicon {
    ids: WordIds,
    /// By id; id 0 is every word the lexicon does not know. Ids 1 to
    /// `starters` are the words that may start a hit (an entry, the first
    /// word of a phrase, an amenity), so that a scan skips the others
    /// without reading their entry.
    pub entries: Vec<Entry>,
    /// By id, apart from `entries`: the rules read the roles of the words
    /// around every hit, and a dense array makes that one load.
    pub roles: Box<[Roles]>,
    starters: u16,
    /// The id of the word of [`Roles::BUT`], looked for in every text.
    pub but: u16,
    /// Emoji (variation selectors removed) → index in `emoji_valences`.
    emojis: FnvMap<Box<str>, u32>,
    pub emoji_valences: Vec<f32>,
    /// Entries of the file: words, phrases, emojis.
    pub entry_count: usize,
}

/// The id of a word the lexicon does not know.
pub(super) const UNKNOWN: u16 = 0;

impl Lexicon {
    /// The id of a word, [`UNKNOWN`] if the lexicon has nothing on it.
    #[cfg(test)]
    pub fn id(&self, word: &[u8]) -> u16 {
        self.ids.get(word)
    }

    /// The id of the word at `span` in `text`.
    #[inline]
    pub fn id_in(&self, text: &[u8], span: std::ops::Range<usize>) -> u16 {
        self.ids.get_in(text, span)
    }

    /// Whether the word of this id may start a hit.
    #[inline]
    pub fn may_start(&self, id: u16) -> bool {
        id.wrapping_sub(1) < self.starters
    }

    /// The index of an emoji in `emoji_valences`.
    pub fn emoji(&self, emoji: &str) -> Option<u32> {
        self.emojis.get(emoji).copied()
    }
}

/// The lexicon as it is read: words get their ids as they come.
#[derive(Default)]
struct Builder {
    ids: FnvMap<String, u16>,
    /// By id, from 1.
    words: Vec<String>,
    entries: Vec<Entry>,
    roles: Vec<Roles>,
}

impl Builder {
    fn intern(&mut self, word: &str) -> u16 {
        if let Some(&id) = self.ids.get(word) {
            return id;
        }
        let id = u16::try_from(self.entries.len() + 1).expect("fewer than 65535 words");
        self.entries.push(Entry::default());
        self.roles.push(Roles::default());
        self.words.push(word.to_string());
        self.ids.insert(word.to_string(), id);
        id
    }

    fn entry(&mut self, id: u16) -> &mut Entry {
        &mut self.entries[usize::from(id) - 1]
    }

    fn add_role(&mut self, word: &str, role: Roles) {
        let id = self.intern(word);
        let roles = &mut self.roles[usize::from(id) - 1];
        *roles = roles.with(role);
    }

    /// The words' ids, entries and roles, numbered again so that the words
    /// that may start a hit come first, and the number of those.
    fn finish(self) -> (WordIds, Vec<Entry>, Box<[Roles]>, u16) {
        let starts = |k: usize| {
            let e = &self.entries[k];
            e.valence.is_some() || !e.phrases.is_empty() || self.roles[k].any(Roles::AMENITY)
        };
        let mut order: Vec<usize> = (0..self.entries.len()).collect();
        order.sort_by_key(|&k| !starts(k));
        let mut new_id = vec![UNKNOWN; self.entries.len() + 1];
        for (k, &old) in order.iter().enumerate() {
            new_id[old + 1] = (k + 1) as u16;
        }
        let starters = (0..self.entries.len()).filter(|&k| starts(k)).count() as u16;
        let roles = std::iter::once(Roles::default())
            .chain(order.iter().map(|&k| self.roles[k]))
            .collect();
        let mut old: Vec<Option<Entry>> = self.entries.into_iter().map(Some).collect();
        let mut entries = vec![Entry::default()];
        for &k in &order {
            let mut e = old[k].take().expect("each entry once");
            for p in &mut e.phrases {
                for w in &mut p.words {
                    *w = new_id[usize::from(*w)];
                }
                p.second = p.words[1];
                e.seconds |= 1 << (p.second % 64);
            }
            e.phrases
                .sort_by_key(|p| (p.second, std::cmp::Reverse(p.words.len())));
            entries.push(e);
        }
        let words: Vec<&str> = order.iter().map(|&k| self.words[k].as_str()).collect();
        (WordIds::new(&words), entries, roles, starters)
    }
}

/// The words of a lexicon term, as the text's word tokens would be.
fn tokens(s: &str) -> Vec<String> {
    fold(&s.to_lowercase())
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

pub(super) fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| build(include_str!("../lexicon_fr.txt")))
}

fn build(file: &str) -> Lexicon {
    let mut b = Builder::default();
    let mut emojis = FnvMap::default();
    let mut emoji_valences = Vec::new();
    let mut entry_count = 0;
    for line in file.lines() {
        let Some((term, value)) = line.split_once('\t') else {
            continue;
        };
        let Ok(value) = value.trim().parse::<f32>() else {
            continue;
        };
        if line.starts_with('#') {
            continue;
        }
        let words = if term.chars().any(char::is_alphabetic) {
            tokens(term)
        } else {
            Vec::new()
        };
        match words.len() {
            0 => {
                let emoji: Box<str> = term.replace('\u{fe0f}', "").into();
                if let hash_map::Entry::Vacant(slot) = emojis.entry(emoji) {
                    slot.insert(emoji_valences.len() as u32);
                    emoji_valences.push(value);
                    entry_count += 1;
                }
            }
            1 => {
                let id = b.intern(&words[0]);
                let entry = b.entry(id);
                if entry.valence.is_none() {
                    entry.valence = Some(value);
                    entry_count += 1;
                }
            }
            _ => {
                let ids: Box<[u16]> = words.iter().map(|w| b.intern(w)).collect();
                let list = &mut b.entry(ids[0]).phrases;
                if !list.iter().any(|p| p.words == ids) {
                    list.push(Phrase {
                        second: ids[1],
                        words: ids,
                        valence: value,
                    });
                    entry_count += 1;
                }
            }
        }
    }
    for (words, role) in ROLE_WORDS {
        for w in *words {
            b.add_role(w, *role);
        }
    }
    let (ids, entries, roles, starters) = b.finish();
    let but = roles.iter().position(|r| r.any(Roles::BUT));
    Lexicon {
        but: but.expect("a word for \"mais\"") as u16,
        ids,
        entries,
        roles,
        starters,
        emojis,
        emoji_valences,
        entry_count,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_line_of_a_term_wins() {
        let lex = build("a\t1\na\t2\na b\t-1\na b\t2\n# c\t1\n🙂\t1\n🙂\u{fe0f}\t-2\n");
        let a = &lex.entries[lex.id(b"a") as usize];
        assert_eq!(a.valence, Some(1.0));
        assert_eq!(a.phrases.len(), 1);
        assert_eq!(a.phrases[0].valence, -1.0);
        assert_eq!(lex.entries[lex.id(b"c") as usize].valence, None);
        assert_eq!(lex.emoji_valences, [1.0]);
        assert_eq!(lex.entry_count, 3);
        assert_eq!(lex.id(b"zzz"), UNKNOWN);
    }

    #[test]
    fn a_word_gives_the_longest_of_its_phrases_that_the_text_goes_on_with() {
        let lex = build("x b\t1\na b\t-1\na b c\t3\na c\t2\na d e f\t4\n");
        assert!(lex.may_start(lex.id(b"a")) && lex.may_start(lex.id(b"x")));
        assert!(!lex.may_start(lex.id(b"b")) && !lex.may_start(UNKNOWN));
        let a = &lex.entries[lex.id(b"a") as usize];
        let phrase = |text: &str| {
            let ids: Vec<u16> = text.split(' ').map(|w| lex.id(w.as_bytes())).collect();
            a.phrase(&ids)
        };
        assert_eq!(phrase("a b c"), Some((3, 3.0)));
        assert_eq!(phrase("a b c d"), Some((3, 3.0)));
        assert_eq!(phrase("a b"), Some((2, -1.0)));
        assert_eq!(phrase("a b d"), Some((2, -1.0)));
        assert_eq!(phrase("a c b"), Some((2, 2.0)));
        assert_eq!(phrase("a d e f"), Some((4, 4.0)));
        assert_eq!(phrase("a d e"), None);
        assert_eq!(phrase("a x"), None);
        assert_eq!(phrase("a"), None);
    }

    #[test]
    fn rule_words_carry_their_roles() {
        let lex = lexicon();
        let roles = |w: &str| lex.roles[lex.id(w.as_bytes()) as usize];
        assert!(roles("plus").any(Roles::PLUS) && roles("plus").any(Roles::NE_CLOSER));
        assert!(!roles("plus").any(Roles::NEGATOR));
        assert!(roles("sans").any(Roles::NEGATOR) && !roles("sans").any(Roles::NE_CLOSER));
        assert!(roles("eau").any(Roles::AMENITY));
        assert_eq!(roles("immeuble"), Roles::default());
        for w in ["eau", "merci", "sale", "pas"] {
            assert!(lex.may_start(lex.id(w.as_bytes())), "{w}");
        }
        for w in ["mais", "plutot", "peu", "immeuble"] {
            assert!(!lex.may_start(lex.id(w.as_bytes())), "{w}");
        }
    }
}
