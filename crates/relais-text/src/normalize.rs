//! French normalisation: what every classifier, rule and the residence
//! matcher read instead of the raw text.
//!
//! NFKC (styled Unicode letters become plain), lower case, typographic
//! apostrophes and dashes straightened, common SMS spellings expanded
//! ("pk" → "pourquoi", "tjrs" → "toujours"), and a second form with accents
//! folded for matching. Emojis are kept as tokens of their own: "😡" is a
//! signal. Nothing here knows a label.

use unicode_normalization::UnicodeNormalization;

mod chunk;
mod fast;
mod letters;
mod marks;
mod sms;
#[cfg(test)]
mod tests;

/// A text ready for the classifiers.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Normalized {
    /// NFKC, lower case, apostrophes and dashes straightened, SMS expanded,
    /// accents folded (é → e, œ → oe), for matching.
    pub folded: String,
    /// Byte spans in `folded` of its word tokens (letters, digits), in order.
    spans: Vec<(u32, u32)>,
    /// Emojis and emoticons, in order.
    pub emojis: Vec<String>,
    /// Share of words (of two letters or more) written all in capitals
    /// in the original: shouting.
    pub caps_ratio: f32,
    /// Number of `!` in the original.
    pub exclamations: u32,
    /// Number of `?` in the original.
    pub questions: u32,
}

impl Normalized {
    /// The word tokens of `folded` (letters, digits), SMS expanded, in order.
    pub fn words(&self) -> impl ExactSizeIterator<Item = &str> + Clone {
        self.spans
            .iter()
            .map(|&(a, b)| &self.folded[a as usize..b as usize])
    }

    /// The `i`th word.
    pub fn word(&self, i: usize) -> &str {
        let (a, b) = self.spans[i];
        &self.folded[a as usize..b as usize]
    }

    /// Number of words.
    pub fn word_count(&self) -> usize {
        self.spans.len()
    }

    /// Byte spans of the words in `folded`.
    pub(crate) fn spans(&self) -> &[(u32, u32)] {
        &self.spans
    }
}

/// SMS and chat spellings, folded form → standard folded form.
const SMS: &[(&str, &str)] = &[
    ("pk", "pourquoi"),
    ("pq", "pourquoi"),
    ("pkoi", "pourquoi"),
    ("qd", "quand"),
    ("qnd", "quand"),
    ("c", "c'est"),
    ("cc", "coucou"),
    ("bcp", "beaucoup"),
    ("tjrs", "toujours"),
    ("tjs", "toujours"),
    ("tt", "tout"),
    ("ts", "tous"),
    ("svp", "s'il vous plait"),
    ("stp", "s'il te plait"),
    ("slt", "salut"),
    ("bjr", "bonjour"),
    ("bsr", "bonsoir"),
    ("mrc", "merci"),
    ("mci", "merci"),
    ("jsp", "je ne sais pas"),
    ("jpp", "je n'en peux plus"),
    ("rdv", "rendez-vous"),
    ("dc", "donc"),
    ("ds", "dans"),
    ("pr", "pour"),
    ("ptn", "putain"),
    ("mtn", "maintenant"),
    ("auj", "aujourd'hui"),
    ("ajd", "aujourd'hui"),
    ("koi", "quoi"),
    ("ke", "que"),
    ("ki", "qui"),
    ("kan", "quand"),
    ("g", "j'ai"),
    ("chui", "je suis"),
    ("chuis", "je suis"),
    ("jsuis", "je suis"),
    ("oqp", "occupe"),
    ("pb", "probleme"),
    ("pbm", "probleme"),
    ("pblm", "probleme"),
    ("ascenceur", "ascenseur"),
    ("asc", "ascenseur"),
    ("appart", "appartement"),
    ("apart", "appartement"),
    ("bat", "batiment"),
    ("bât", "batiment"),
    ("bâtiment", "batiment"),
    ("res", "residence"),
    ("rés", "residence"),
];

/// The base letter of the accented Latin letters French uses, without a
/// trip through NFKD (the common case, and the hot path of classification).
pub(crate) const fn base_letter(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'â' | 'ä' | 'á' | 'ã' | 'å' => "a",
        'À' | 'Â' | 'Ä' | 'Á' | 'Ã' | 'Å' => "A",
        'é' | 'è' | 'ê' | 'ë' => "e",
        'É' | 'È' | 'Ê' | 'Ë' => "E",
        'î' | 'ï' | 'í' | 'ì' => "i",
        'Î' | 'Ï' | 'Í' | 'Ì' => "I",
        'ô' | 'ö' | 'ó' | 'ò' | 'õ' => "o",
        'Ô' | 'Ö' | 'Ó' | 'Ò' | 'Õ' => "O",
        'ù' | 'û' | 'ü' | 'ú' => "u",
        'Ù' | 'Û' | 'Ü' | 'Ú' => "U",
        'ç' => "c",
        'Ç' => "C",
        'ÿ' => "y",
        'ñ' => "n",
        'œ' => "oe",
        'Œ' => "OE",
        'æ' => "ae",
        'Æ' => "AE",
        _ => return None,
    })
}

/// Removes diacritics after NFKD (keeps the base letters).
pub fn fold(s: &str) -> String {
    if s.is_ascii() {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c);
        } else if let Some(base) = base_letter(c) {
            out.push_str(base);
        } else {
            for d in std::iter::once(c).nfkd() {
                match d {
                    'œ' => out.push_str("oe"),
                    'æ' => out.push_str("ae"),
                    d if unicode_normalization::char::is_combining_mark(d) => {}
                    d => out.push(d),
                }
            }
        }
    }
    out
}

/// True for characters that are pictographs (emojis) rather than letters.
pub(crate) fn is_emoji(c: char) -> bool {
    matches!(c as u32,
        0x1F300..=0x1FAFF | 0x2600..=0x27BF | 0x1F000..=0x1F2FF | 0x2B00..=0x2BFF)
}

fn straighten(c: char) -> char {
    match c {
        '\u{2019}' | '\u{2018}' | '\u{02bc}' | '`' | '\u{b4}' => '\'',
        '\u{2013}' | '\u{2014}' | '\u{2212}' => '-',
        '\u{a0}' | '\u{202f}' => ' ',
        c => c,
    }
}

/// Expands SMS spellings in `lower`, word by word (a word followed by an
/// apostrophe, as the "c" of "c'est", is left alone).
fn expand_sms(lower: &str) -> String {
    let mut out = String::with_capacity(lower.len() + 16);
    let mut word = String::new();
    let mut chars = lower.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_alphanumeric() {
            word.push(c);
            if chars.peek().is_some_and(|n| n.is_alphanumeric()) {
                continue;
            }
            let before_apostrophe = chars.peek() == Some(&'\'');
            let expanded = if before_apostrophe {
                None
            } else if word.is_ascii() {
                sms::Sms::get().expand(word.as_bytes())
            } else {
                sms::Sms::get().expand(fold(&word).as_bytes())
            };
            out.push_str(expanded.unwrap_or(&word));
            word.clear();
        } else {
            out.push(c);
        }
    }
    out
}

/// Emoticons kept as emojis, in the order they are listed.
const FACES: [&str; 6] = [":)", ":-)", ":(", ":-(", ";)", "<3"];

/// Normalises one text.
pub fn normalize(text: &str) -> Normalized {
    let mut out = Normalized::default();
    normalize_into(text, &mut out);
    out
}

/// Normalises one text into `out`, reusing its buffers.
pub fn normalize_into(text: &str, out: &mut Normalized) {
    if !fast::normalize(text, out) {
        normalize_any(text, out);
        word_spans(&out.folded, &mut out.spans);
    }
}

/// The general path: any Unicode text, through NFKC and full case mapping.
fn normalize_any(text: &str, out: &mut Normalized) {
    // Most texts are already in NFKC: check quickly before rebuilding.
    let nfkc: String = match unicode_normalization::is_nfkc_quick(text.chars()) {
        unicode_normalization::IsNormalized::Yes => text.chars().map(straighten).collect(),
        _ => text.nfkc().map(straighten).collect(),
    };
    let raw_words: Vec<&str> = nfkc
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() >= 2)
        .collect();
    let shouted = raw_words
        .iter()
        .filter(|w| w.chars().all(|c| c.is_uppercase()))
        .count();
    out.exclamations = nfkc.matches('!').count() as u32;
    out.questions = nfkc.matches('?').count() as u32;
    out.emojis.clear();
    out.emojis
        .extend(nfkc.chars().filter(|c| is_emoji(*c)).map(String::from));
    let lower_raw = nfkc.to_lowercase();
    push_faces(&lower_raw, &mut out.emojis);
    out.folded = fold(&expand_sms(&lower_raw));
    out.caps_ratio = caps_ratio(shouted, raw_words.len());
}

/// Adds the emoticons `lower` holds to `emojis`.
fn push_faces(lower: &str, emojis: &mut Vec<String>) {
    if !lower.bytes().any(|b| matches!(b, b':' | b';' | b'<')) {
        return;
    }
    for face in FACES {
        if lower.contains(face) {
            emojis.push(face.to_string());
        }
    }
}

/// Shouting: the share of words of two letters or more all in capitals,
/// when there are two such words or more.
fn caps_ratio(shouted: usize, words: usize) -> f32 {
    if words >= 2 {
        shouted as f32 / words as f32
    } else {
        0.0
    }
}

/// The byte spans of the word tokens of `folded`: runs of letters and
/// digits.
fn word_spans(folded: &str, spans: &mut Vec<(u32, u32)>) {
    spans.clear();
    let mut start = None;
    for (i, c) in folded.char_indices() {
        let alnum = if c.is_ascii() {
            c.is_ascii_alphanumeric()
        } else {
            c.is_alphanumeric()
        };
        match (alnum, start) {
            (true, None) => start = Some(i),
            (false, Some(a)) => {
                spans.push((a as u32, i as u32));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(a) = start {
        spans.push((a as u32, folded.len() as u32));
    }
}
