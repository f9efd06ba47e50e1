//! From a normalised text to a sparse feature vector for the linear models:
//! stemmed words (stop words out, negations and intensifiers kept), word
//! bigrams, character trigrams of the folded text (robust to typos and SMS),
//! emojis, shape (shouting, "!!!", "?"), and the context a post comes with
//! (network, author kind). Features are hashed into a fixed space and the
//! vector is L2-normalised, so no vocabulary is stored.

use std::cell::RefCell;

use rust_stemmers::{Algorithm, Stemmer};

use crate::normalize::Normalized;

/// Size of the hashed feature space.
pub const DIM: u32 = 1 << 17;

/// A sparse, L2-normalised feature vector: (index, value), indices sorted.
pub type Features = Vec<(u32, f32)>;

thread_local! {
    static STEMMER: Stemmer = Stemmer::create(Algorithm::French);
    /// Stems already computed on this thread: comments repeat their words.
    static STEMS: RefCell<std::collections::HashMap<String, String>> = RefCell::new(std::collections::HashMap::new());
    static SCRATCH: RefCell<Vec<(u32, f32)>> = const { RefCell::new(Vec::new()) };
}

/// FNV-1a over a namespace and string parts (joined by a space).
fn hash_parts(ns: &str, parts: &[&str]) -> u32 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |b: u8| {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    };
    ns.bytes().for_each(&mut feed);
    feed(0);
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            feed(b' ');
        }
        part.bytes().for_each(&mut feed);
    }
    ((h >> 32) ^ h) as u32 % DIM
}

fn hash(ns: &str, s: &str) -> u32 {
    hash_parts(ns, &[s])
}

/// The Snowball stem of a folded word (`#num` for numbers), cached.
fn stem(word: &str) -> String {
    if word.chars().any(|c| c.is_ascii_digit()) {
        return "#num".to_string();
    }
    STEMS.with(|cache| {
        let mut cache = cache.borrow_mut();
        if let Some(s) = cache.get(word) {
            return s.clone();
        }
        let s = STEMMER.with(|st| st.stem(word).into_owned());
        // Bounded: a long-running server must not grow without limit.
        if cache.len() > 200_000 {
            cache.clear();
        }
        cache.insert(word.to_string(), s.clone());
        s
    })
}

/// The features of one text. `context` adds tokens such as the network or
/// the author kind (`"net:facebook"`).
pub fn features(n: &Normalized, context: &[&str], extra: &[&str]) -> Features {
    SCRATCH.with(|scratch| {
        let mut v = scratch.borrow_mut();
        v.clear();
        let stems: Vec<String> = n.words.iter().map(|w| stem(w)).collect();
        for (w, s) in n.words.iter().zip(&stems) {
            if !crate::lexicon::STOP_WORDS.contains(&w.as_str()) {
                v.push((hash("w", s), 1.0));
            }
        }
        for pair in stems.windows(2) {
            v.push((hash_parts("b", &[&pair[0], &pair[1]]), 0.7));
        }
        // Character n-grams inside word boundaries, hashed from slices.
        let text = format!(" {} ", n.words.join(" "));
        let bounds: Vec<usize> = text
            .char_indices()
            .map(|(i, _)| i)
            .chain([text.len()])
            .collect();
        for size in 3..=3 {
            for start in 0..bounds.len().saturating_sub(size) {
                let g = &text[bounds[start]..bounds[start + size]];
                if g.trim().len() >= 2 {
                    v.push((hash("c", g), 0.2));
                }
            }
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
        let len = match n.words.len() {
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
        v.sort_unstable_by_key(|(i, _)| *i);
        let mut out: Features = Vec::with_capacity(v.len());
        for &(i, x) in v.iter() {
            match out.last_mut() {
                Some((j, y)) if *j == i => *y += x,
                _ => out.push((i, x)),
            }
        }
        let norm = out.iter().map(|(_, x)| x * x).sum::<f32>().sqrt();
        if norm > 0.0 {
            for (_, x) in &mut out {
                *x /= norm;
            }
        }
        out
    })
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
