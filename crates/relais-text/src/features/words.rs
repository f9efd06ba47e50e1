//! What the features need of each word, computed once per thread and word
//! (comments repeat their words, and stemming and hashing are the slow
//! part): its stem, its word feature, the start of its bigrams and its
//! character trigrams. It must give exactly the features the plain
//! computation gives, in the same order: the models sum them in that order.
//!
//! Trigrams are the windows of three characters of " w1 w2 … ", except a
//! one-letter word alone (" a "). When every word is ASCII, those windows
//! are, in order, the windows of " w1 " (none for a one-letter word), then
//! the window across the space ("1 w", last letter, space, first letter),
//! then the windows of " w2 ", and so on: the windows of each word are kept
//! with it. A text with a word that is not ASCII (rare: `folded` has its
//! accents folded) takes the plain path, where a window is three
//! characters rather than three bytes.

use rust_stemmers::{Algorithm, Stemmer};
use std::cell::RefCell;

use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::ops::Range;

use super::{FeatureHash, FnvMap, hash};
use crate::normalize::Normalized;
use crate::word_key::{Key, KeyHasher, WHOLE};

/// A word's share of the features.
struct Word {
    stem: Box<str>,
    /// `hash("w", stem)`, or None for a stop word.
    feature: Option<u32>,
    /// The bigram hash fed with "stem ", to be fed with the next stem.
    bigram_head: FeatureHash,
    /// The trigrams of " word " when the word is ASCII.
    trigrams: Option<Trigrams>,
}

/// The words seen on a thread: by key up to [`WHOLE`] bytes (nearly all),
/// by the word itself beyond.
#[derive(Default)]
struct Cache {
    short: HashMap<Key, Word, BuildHasherDefault<KeyHasher>>,
    long: FnvMap<Box<str>, Word>,
}

impl Cache {
    /// The word at `span` in `text`.
    fn get(&self, text: &str, span: Range<usize>) -> Option<&Word> {
        if span.len() <= WHOLE {
            self.short.get(&Key::in_text(text.as_bytes(), span))
        } else {
            self.long.get(&text[span])
        }
    }

    fn insert(&mut self, word: &str, entry: Word) {
        // Bounded: a long-running server must not grow without limit.
        if self.short.len() + self.long.len() > 200_000 {
            self.short.clear();
            self.long.clear();
        }
        if word.len() <= WHOLE {
            self.short.insert(Key::of(word.as_bytes()), entry);
        } else {
            self.long.insert(word.into(), entry);
        }
    }
}

thread_local! {
    static STEMMER: Stemmer = Stemmer::create(Algorithm::French);
    static CACHE: RefCell<Cache> = RefCell::new(Cache::default());
}

/// The value of a bigram feature.
const BIGRAM: f32 = 0.7;

/// The value of a trigram feature.
pub(super) const TRIGRAM: f32 = 0.2;

/// The stem numbers are all stemmed to: "12", "3e" and "2024" are one
/// feature.
const NUMBER: &str = "#num";

/// A word's trigrams in blocks of [`BLOCK`], the last one padded: copied
/// a whole block at a time, so that how many a word has is no loop exit
/// for the processor to mispredict (a word of up to 14 letters is one
/// block).
struct Trigrams {
    len: usize,
    blocks: Box<[[(u32, f32); BLOCK]]>,
}

const BLOCK: usize = 16;

impl Trigrams {
    fn new(t: &[(u32, f32)]) -> Self {
        let blocks = t
            .chunks(BLOCK)
            .map(|chunk| {
                let mut block = [(0, 0.0); BLOCK];
                block[..chunk.len()].copy_from_slice(chunk);
                block
            })
            .collect();
        Self {
            len: t.len(),
            blocks,
        }
    }

    /// Appends the trigrams to `out`.
    fn push_onto(&self, out: &mut Vec<(u32, f32)>) {
        let len = out.len() + self.len;
        for block in &self.blocks {
            out.extend_from_slice(block);
        }
        out.truncate(len);
    }
}

impl Word {
    fn new(word: &str, stem: Box<str>) -> Self {
        Self {
            feature: word_feature(word, &stem),
            bigram_head: bigram_head(&stem),
            trigrams: word.is_ascii().then(|| {
                let mut t = Vec::with_capacity(word.len());
                push_word_trigrams(word, &mut t);
                Trigrams::new(&t)
            }),
            stem,
        }
    }
}

/// `hash("w", stem)`, or None for a stop word.
fn word_feature(word: &str, stem: &str) -> Option<u32> {
    (!crate::lexicon::STOP_WORDS.contains(&word)).then(|| hash("w", stem))
}

/// The bigram hash fed with "stem ".
fn bigram_head(stem: &str) -> FeatureHash {
    let mut h = FeatureHash::new("b");
    h.feed(stem.as_bytes());
    h.feed(b" ");
    h
}

/// The words of a text, one after the other: what [`super::features_into`]
/// pushes for them.
#[derive(Default)]
pub(super) struct Words {
    /// The bigrams of the words so far, in order.
    pub(super) bigrams: Vec<(u32, f32)>,
    /// The bigram head of the previous word.
    head: Option<FeatureHash>,
    /// The trigrams of the whole text, in order, while every word is ASCII.
    pub(super) trigrams: Vec<(u32, f32)>,
    /// Whether every word so far is ASCII (so `trigrams` is complete).
    pub(super) ascii: bool,
    /// The last byte of the previous word.
    last: Option<u8>,
}

impl Words {
    pub(super) fn clear(&mut self) {
        self.bigrams.clear();
        self.head = None;
        self.trigrams.clear();
        self.ascii = true;
        self.last = None;
    }

    /// Adds a text's words: their word features onto `v`, their stems and
    /// trigrams here.
    pub(super) fn push_all(&mut self, n: &Normalized, v: &mut Vec<(u32, f32)>) {
        CACHE.with(|cache| {
            let cache = &mut *cache.borrow_mut();
            for &(a, b) in n.spans() {
                self.push(cache, &n.folded, a as usize..b as usize, v);
            }
        });
    }

    /// Adds the next word.
    // Out of line: inlined into `features_into` it cost more instructions
    // per comment (callgrind, examples/instructions).
    #[inline(never)]
    fn push(&mut self, cache: &mut Cache, text: &str, span: Range<usize>, v: &mut Vec<(u32, f32)>) {
        // Looked up first: a word with a digit is never in the cache.
        let word = &text[span.clone()];
        if let Some(entry) = cache.get(text, span) {
            self.add(entry, word, v);
            return;
        }
        if word.bytes().any(|b| b.is_ascii_digit()) {
            // Numbers are not cached: they are many and rarely repeated.
            if let Some(h) = word_feature(word, NUMBER) {
                v.push((h, 1.0));
            }
            self.push_stem(NUMBER, bigram_head(NUMBER));
            if self.ascii && word.is_ascii() {
                self.cross(word);
                push_word_trigrams(word, &mut self.trigrams);
            } else {
                self.ascii = false;
            }
            return;
        }
        let stem: Box<str> = STEMMER.with(|st| st.stem(word).into());
        let entry = Word::new(word, stem);
        self.add(&entry, word, v);
        cache.insert(word, entry);
    }

    fn add(&mut self, entry: &Word, word: &str, v: &mut Vec<(u32, f32)>) {
        if let Some(h) = entry.feature {
            v.push((h, 1.0));
        }
        self.push_stem(&entry.stem, entry.bigram_head);
        match &entry.trigrams {
            Some(t) if self.ascii => {
                self.cross(word);
                t.push_onto(&mut self.trigrams);
            }
            _ => self.ascii = false,
        }
    }

    /// Pushes the bigram of the previous word's stem and this one.
    fn push_stem(&mut self, stem: &str, bigram_head: FeatureHash) {
        if let Some(mut h) = self.head {
            h.feed(stem.as_bytes());
            self.bigrams.push((h.index(), BIGRAM));
        }
        self.head = Some(bigram_head);
    }

    /// Pushes the window across the space before an ASCII word: the
    /// previous word's last letter, the space, the word's first letter.
    fn cross(&mut self, word: &str) {
        let bytes = word.as_bytes();
        if let Some(last) = self.last {
            push_window(&[last, b' ', bytes[0]], &mut self.trigrams);
        }
        self.last = bytes.last().copied();
    }
}

/// Pushes the trigram of one window of three bytes.
fn push_window(g: &[u8], out: &mut Vec<(u32, f32)>) {
    let mut h = FeatureHash::new("c");
    h.feed(g);
    out.push((h.index(), TRIGRAM));
}

/// Pushes the trigrams of " word " for an ASCII word: none for one letter.
fn push_word_trigrams(word: &str, out: &mut Vec<(u32, f32)>) {
    if word.len() < 2 {
        return;
    }
    let bytes = word.as_bytes();
    push_window(&[b' ', bytes[0], bytes[1]], out);
    for g in bytes.windows(3) {
        push_window(g, out);
    }
    push_window(&[bytes[bytes.len() - 2], bytes[bytes.len() - 1], b' '], out);
}
