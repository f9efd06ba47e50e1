//! The index the matcher builds once per landlord: every way of naming each
//! residence (name and aliases without their article or "résidence", the
//! street of its address) as a sequence of content words, the words
//! interned, and buckets that find a word one typo away without comparing
//! a text's words with the whole vocabulary.
//!
//! It decides which names need context (`Variant::common`,
//! `Variant::designator_only`) but never reads a text.

use std::collections::HashMap;
use std::hash::{BuildHasher, BuildHasherDefault, Hasher};

use relais_core::Residence;

use super::near::NearSet;
use super::tokens::{Tokens, tokenize};
use super::typo::TypoIndex;
use super::words;

/// A small fast hash for short keys (FxHash). The keys are our own folded
/// words, not attacker-chosen at scale, so a keyed hash buys nothing here.
#[derive(Default, Clone, Copy)]
pub(super) struct Fx(u64);

impl Hasher for Fx {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut b = [0u8; 8];
            b[..chunk.len()].copy_from_slice(chunk);
            self.write_u64(u64::from_le_bytes(b));
        }
    }

    fn write_u16(&mut self, i: u16) {
        self.write_u64(u64::from(i));
    }

    fn write_u8(&mut self, i: u8) {
        self.write_u64(u64::from(i));
    }

    fn write_u32(&mut self, i: u32) {
        self.write_u64(u64::from(i));
    }

    fn write_u64(&mut self, i: u64) {
        self.0 = (self.0.rotate_left(5) ^ i).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn write_usize(&mut self, i: usize) {
        self.write_u64(i as u64);
    }
}

pub(super) type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<Fx>>;

/// How a variant names its residence.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Kind {
    /// A name or an alias.
    Name,
    /// A short alias written in capitals ("VO"); only matches in capitals.
    Acronym,
    /// The street of the address: type ("rue", canonical) and number.
    Street {
        street_type: String,
        number: Option<String>,
    },
}

/// One way of naming one residence.
#[derive(Debug, Clone)]
pub(super) struct Variant {
    pub residence: u32,
    /// Content words (interned), in order; articles and prepositions
    /// between them are free.
    pub words: Vec<u32>,
    pub kind: Kind,
    /// One everyday word ("Les Roches"), or a town: needs context.
    pub common: bool,
    /// Only ever written after "résidence" ("rés. Jaurès"): needs it.
    pub designator_only: bool,
}

/// The whole index.
#[derive(Debug, Default)]
pub(super) struct Index {
    words: FxMap<String, u32>,
    /// Variants by their first content word.
    pub by_first: Vec<Vec<u32>>,
    pub variants: Vec<Variant>,
    /// Name or alias glued into one word ("villageolympique") → residences.
    pub glued: FxMap<String, Vec<u32>>,
    /// The towns of the residences, content words joined by spaces: a
    /// name one typo from a town ("Rive-de-Gier" for "Les Rives du Gier")
    /// is the town. With their first words, to check cheaply.
    cities: FxMap<String, ()>,
    city_starts: FxMap<String, ()>,
    typos: TypoIndex,
    /// The vocabulary, found exactly or one typo away (typo-able words as
    /// in `typos`): turns away in a few table reads the words that have
    /// neither an id nor a typo candidate, most words of a text.
    near: NearSet,
    /// One bit per hash of a vocabulary word: most words of a text are
    /// not in the vocabulary, and a bit test is cheaper than a lookup.
    bloom: Vec<u64>,
    word_text: Vec<String>,
}

/// The folded, expanded words of a phrase ("Rés. du Parc" → res..., parc).
fn phrase_words(phrase: &str) -> Vec<String> {
    let t = tokenize(phrase);
    (0..t.len()).map(|i| t.form(i).to_string()).collect()
}

impl Index {
    pub fn build(residences: &[Residence]) -> Self {
        let mut ix = Index::default();
        let cities: Vec<Vec<String>> = residences
            .iter()
            .map(|r| {
                phrase_words(&r.city)
                    .into_iter()
                    .filter(|w| !words::is_function(w))
                    .collect()
            })
            .collect();
        for c in cities.iter().filter(|c| !c.is_empty()) {
            ix.cities.insert(c.join(" "), ());
            ix.city_starts.insert(c[0].clone(), ());
        }
        for (ri, r) in residences.iter().enumerate() {
            let ri = ri as u32;
            let mut cores: Vec<(Vec<String>, bool, bool)> = Vec::new(); // words, acronym, after designator
            for phrase in std::iter::once(&r.name).chain(&r.aliases) {
                let toks = phrase_words(phrase);
                let letters: usize = phrase.chars().filter(|c| c.is_alphabetic()).count();
                if toks.len() == 1 && letters <= 3 {
                    cores.push((toks.clone(), true, false));
                    continue;
                }
                let (core, designated) = strip_designation(&toks);
                ix.add_glued(ri, &toks);
                ix.add_glued(ri, &core);
                let content: Vec<String> = core
                    .into_iter()
                    .filter(|w| !words::is_function(w))
                    .collect();
                if content.is_empty() {
                    continue;
                }
                if designated {
                    // "Résidence du Parc" as a whole, so that it wins over
                    // "Le Parc" where the text writes it in full.
                    let full: Vec<String> = toks
                        .iter()
                        .filter(|w| !words::is_function(w))
                        .cloned()
                        .collect();
                    cores.push((full, false, false));
                }
                cores.push((content, false, designated));
            }
            for (k, (content, acronym, designated)) in cores.iter().enumerate() {
                if cores[..k]
                    .iter()
                    .any(|(c, a, _)| c == content && a == acronym)
                {
                    continue;
                }
                let bare_too = cores.iter().any(|(c, a, d)| c == content && !a && !d);
                let one = content.len() == 1;
                let common = (one && words::is_common(&content[0])) || cities.contains(content);
                let variant = Variant {
                    residence: ri,
                    words: content.iter().map(|w| ix.intern(w)).collect(),
                    kind: if *acronym { Kind::Acronym } else { Kind::Name },
                    common,
                    designator_only: *designated && one && !bare_too,
                };
                ix.push(variant);
            }
            if let Some(street) = parse_street(&phrase_words(&r.street)) {
                let (street_type, number, name) = street;
                let variant = Variant {
                    residence: ri,
                    words: name.iter().map(|w| ix.intern(w)).collect(),
                    kind: Kind::Street {
                        street_type,
                        number,
                    },
                    common: false,
                    designator_only: false,
                };
                ix.push(variant);
            }
        }
        ix.near = NearSet::new(
            (0..)
                .zip(&ix.word_text)
                .map(|(id, w)| (w.as_str(), !words::is_function(w), id)),
        );
        ix
    }

    fn intern(&mut self, w: &str) -> u32 {
        if let Some(&id) = self.words.get(w) {
            return id;
        }
        let id = self.word_text.len() as u32;
        self.words.insert(w.to_string(), id);
        self.word_text.push(w.to_string());
        self.by_first.push(Vec::new());
        if !words::is_function(w) {
            self.typos.insert(id, w);
        }
        if self.bloom.is_empty() {
            self.bloom = vec![0; BLOOM_BITS / 64];
        }
        let h = bloom_bit(w);
        self.bloom[h / 64] |= 1 << (h % 64);
        id
    }

    fn push(&mut self, v: Variant) {
        let id = self.variants.len() as u32;
        self.by_first[v.words[0] as usize].push(id);
        self.variants.push(v);
    }

    fn add_glued(&mut self, residence: u32, toks: &[String]) {
        let key: String = toks.concat();
        if key.len() < 4 {
            return;
        }
        let start = toks.iter().position(|w| !words::is_article(w)).unwrap_or(0);
        for key in [key.clone(), toks[start..].concat()] {
            let entry = self.glued.entry(key).or_default();
            if !entry.contains(&residence) {
                entry.push(residence);
            }
        }
    }

    /// True when the words of tokens `first..=last` are a town's name.
    pub fn is_city(&self, t: &Tokens, first: usize, last: usize) -> bool {
        let mut content = (first..=last)
            .map(|k| t.form(k))
            .filter(|w| !words::is_function(w));
        let Some(head) = content.next() else {
            return false;
        };
        if !self.city_starts.contains_key(head) {
            return false;
        }
        let mut joined = head.to_string();
        for w in content {
            joined.push(' ');
            joined.push_str(w);
        }
        self.cities.contains_key(&joined)
    }

    /// True when a town of the landlord starts with the word `w`.
    pub fn is_city_start(&self, w: &str) -> bool {
        self.city_starts.contains_key(w)
    }

    /// The text of a vocabulary word.
    pub fn word(&self, id: u32) -> &str {
        &self.word_text[id as usize]
    }

    /// False when `w` is neither a vocabulary word nor one typo from one:
    /// then [`Index::word_id`] is None and [`Index::typo_candidates`] finds
    /// nothing.
    #[inline]
    pub fn may_know(&self, w: &str) -> bool {
        self.near.contains(w.as_bytes())
    }

    /// The id of a vocabulary word.
    pub fn word_id(&self, w: &str) -> Option<u32> {
        let h = bloom_bit(w);
        if self
            .bloom
            .get(h / 64)
            .is_none_or(|bits| bits & (1 << (h % 64)) == 0)
        {
            return None;
        }
        self.words.get(w).copied()
    }

    /// Words of the vocabulary one typo away from `w` (at most two).
    pub fn typo_candidates(&self, w: &str) -> ([u32; 2], usize) {
        self.typos.candidates(w, |id| self.word(id))
    }
}

const BLOOM_BITS: usize = 1 << 14;

fn bloom_bit(w: &str) -> usize {
    BuildHasherDefault::<Fx>::default().hash_one(w) as usize % BLOOM_BITS
}

/// Removes a leading article and a leading designator with its
/// prepositions ("résidence des Genêts" → "genets"); says whether a
/// designator was removed.
fn strip_designation(toks: &[String]) -> (Vec<String>, bool) {
    let mut i = 0;
    while i < toks.len() && words::is_article(&toks[i]) {
        i += 1;
    }
    let mut designated = false;
    if i < toks.len() && words::is_designator(&toks[i]) && toks.len() > i + 1 {
        designated = true;
        i += 1;
        while i < toks.len() && words::is_function(&toks[i]) {
            i += 1;
        }
    }
    (toks[i.min(toks.len())..].to_vec(), designated)
}

/// "4 rue Jules Ferry" → ("rue", Some("4"), [jules, ferry]). None when the
/// street has no known type: a bare name would match too much.
fn parse_street(toks: &[String]) -> Option<(String, Option<String>, Vec<String>)> {
    let mut i = 0;
    let mut number = None;
    if toks
        .first()
        .is_some_and(|w| w.bytes().all(|b| b.is_ascii_digit()))
    {
        number = Some(toks[0].trim_start_matches('0').to_string());
        i = 1;
        while i < toks.len() && matches!(toks[i].as_str(), "bis" | "ter" | "quater") {
            i += 1;
        }
    }
    let street_type = toks.get(i).filter(|w| words::is_street_type(w))?.clone();
    let name: Vec<String> = toks[i + 1..]
        .iter()
        .filter(|w| !words::is_function(w))
        .cloned()
        .collect();
    if name.is_empty() {
        return None;
    }
    Some((street_type, number, name))
}
