//! From a normalised text to a sparse feature vector for the linear models:
//! stemmed words (stop words out, negations and intensifiers kept), word
//! bigrams, character trigrams of the folded text (robust to typos and SMS),
//! emojis, shape (shouting, "!!!", "?"), and the context a post comes with
//! (network, author kind). Features are hashed into a fixed space and the
//! vector is L2-normalised, so no vocabulary is stored.

use std::cell::RefCell;

use crate::normalize::Normalized;

mod vector;
mod words;

/// Size of the hashed feature space.
pub const DIM: u32 = 1 << 17;

/// A sparse, L2-normalised feature vector: (index, value), indices sorted.
pub type Features = Vec<(u32, f32)>;

/// FNV-1a for maps keyed by strings (the lexicon's tables, the word
/// cache's words of more than 16 bytes): short keys, fixed or bounded
/// tables, no need for SipHash's resistance to chosen collisions.
#[derive(Default)]
pub(crate) struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { FNV_OFFSET } else { self.0 };
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(FNV_PRIME);
        }
        self.0 = h;
    }
}

/// A hash map keyed by short strings, hashed with [`Fnv`].
pub(crate) type FnvMap<K, V> = std::collections::HashMap<K, V, std::hash::BuildHasherDefault<Fnv>>;

/// Buffers reused from one text to the next on a thread.
#[derive(Default)]
struct Scratch {
    features: Vec<(u32, f32)>,
    words: words::Words,
    /// The words joined by spaces, with a space at each end, for a text
    /// whose words are not all ASCII.
    text: String,
    /// `features` sorted by index.
    sorted: Vec<(u32, f32)>,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0100_0000_01b3;

/// FNV-1a fed byte by byte, so that a feature's hash can be computed from
/// slices without first joining them into a string.
#[derive(Clone, Copy)]
struct FeatureHash(u64);

impl FeatureHash {
    /// The state after a namespace and its separator.
    fn new(ns: &str) -> Self {
        let mut h = Self(FNV_OFFSET);
        h.feed(ns.as_bytes());
        h.feed(&[0]);
        h
    }

    fn feed(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(FNV_PRIME);
        }
    }

    fn index(self) -> u32 {
        ((self.0 >> 32) ^ self.0) as u32 % DIM
    }
}

/// FNV-1a over a namespace and a string.
fn hash(ns: &str, s: &str) -> u32 {
    let mut h = FeatureHash::new(ns);
    h.feed(s.as_bytes());
    h.index()
}

/// The features of one text. `context` adds tokens such as the network or
/// the author kind (`"net:facebook"`).
pub fn features(n: &Normalized, context: &[&str], extra: &[&str]) -> Features {
    let mut out = Features::new();
    features_into(n, context, extra, &mut out);
    out
}

/// [`features`] into `out`, reusing its buffer.
pub fn features_into(n: &Normalized, context: &[&str], extra: &[&str], out: &mut Features) {
    SCRATCH.with(|scratch| {
        let scratch = &mut *scratch.borrow_mut();
        let v = &mut scratch.features;
        v.clear();
        let words = &mut scratch.words;
        words.clear();
        words.push_all(n, v);
        v.extend_from_slice(&words.bigrams);
        if words.ascii {
            v.extend_from_slice(&words.trigrams);
        } else {
            // Character trigrams of " word word ", within and across words.
            let text = &mut scratch.text;
            text.clear();
            text.push(' ');
            for (i, w) in n.words().enumerate() {
                if i > 0 {
                    text.push(' ');
                }
                text.push_str(w);
            }
            text.push(' ');
            push_trigrams(text, v);
        }
        for e in &n.emojis {
            v.push((hash("e", e), 1.0));
        }
        if n.caps_ratio > 0.5 {
            v.push((hash("s", "caps"), 1.0));
        }
        if n.exclamations >= 2 {
            v.push((hash("s", "bang"), 1.0));
        }
        if n.questions > 0 {
            v.push((hash("s", "question"), 1.0));
        }
        let len = match n.word_count() {
            0..=3 => "len:tiny",
            4..=12 => "len:short",
            13..=40 => "len:mid",
            _ => "len:long",
        };
        v.push((hash("s", len), 0.5));
        for c in context {
            v.push((hash("x", c), 1.0));
        }
        for x in extra {
            v.push((hash("r", x), 2.0));
        }
        vector::finish(v, &mut scratch.sorted, out);
    });
}

/// Pushes the character trigrams of `text`, words joined by a space with a
/// space at each end, when a word is not ASCII (see `words` for the rest):
/// a sliding window of three characters, unless it holds a one-letter word
/// alone.
fn push_trigrams(text: &str, v: &mut Vec<(u32, f32)>) {
    let trigram = FeatureHash::new("c");
    let mut starts = text.char_indices().map(|(i, _)| i).chain([text.len()]);
    if let (Some(mut a), Some(mut b), Some(mut c)) = (starts.next(), starts.next(), starts.next()) {
        for d in starts {
            let g = &text[a..d];
            // Words hold letters and digits only: the one white space is
            // the separator, so this is `g.trim()`, without Unicode tables.
            if g.trim_matches(' ').len() >= 2 {
                let mut h = trigram;
                h.feed(g.as_bytes());
                v.push((h.index(), words::TRIGRAM));
            }
            (a, b, c) = (b, c, d);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::normalize;

    #[test]
    fn features_are_sorted_unique_and_normalised() {
        let f = features(
            &normalize("L'ascenseur est en panne, l'ascenseur !!"),
            &["net:facebook"],
            &[],
        );
        assert!(f.windows(2).all(|w| w[0].0 < w[1].0));
        let norm: f32 = f.iter().map(|(_, x)| x * x).sum();
        assert!((norm - 1.0).abs() < 1e-4);
    }

    #[test]
    fn word_by_word_trigrams_are_the_windows_of_the_whole_text() {
        for text in [
            "a",
            "il a un chat",
            "l'ascenseur du 12 bât C, au 3e",
            "x y z",
            "chauffage coupé depuis 3 jours",
        ] {
            let n = normalize(text);
            let mut words = words::Words::default();
            words.clear();
            let mut v = Vec::new();
            words.push_all(&n, &mut v);
            assert!(words.ascii);
            let mut plain = Vec::new();
            let joined = n.words().collect::<Vec<_>>().join(" ");
            push_trigrams(&format!(" {joined} "), &mut plain);
            assert_eq!(words.trigrams, plain, "{text}");
        }
    }

    #[test]
    fn cached_words_give_the_features_of_the_first_time() {
        for text in ["Ça fuit au 3ème, ça FUIT !!", "Ελληνικά mots et ß", ""] {
            let n = normalize(text);
            assert_eq!(features(&n, &[], &["x"]), features(&n, &[], &["x"]));
        }
    }

    #[test]
    fn a_typo_keeps_most_character_ngrams() {
        let a = features(&normalize("ascenseur"), &[], &[]);
        let b = features(&normalize("ascenceur"), &[], &[]);
        let shared = a
            .iter()
            .filter(|(i, _)| b.iter().any(|(j, _)| i == j))
            .count();
        assert!(shared * 2 > a.len(), "{shared} of {}", a.len());
    }
}
