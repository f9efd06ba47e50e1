//! French normalisation: what every classifier, rule and the residence
//! matcher read instead of the raw text.
//!
//! NFKC (styled Unicode letters become plain), lower case, typographic
//! apostrophes and dashes straightened, common SMS spellings expanded
//! ("pk" → "pourquoi", "tjrs" → "toujours"), and a second form with accents
//! folded for matching. Emojis are kept as tokens of their own: "😡" is a
//! signal. Nothing here knows a label.

use unicode_normalization::UnicodeNormalization;

use crate::features::FnvMap;

/// A text ready for the classifiers.
#[derive(Debug, Clone, PartialEq)]
pub struct Normalized {
    /// NFKC, lower case, apostrophes and dashes straightened, SMS expanded.
    pub lower: String,
    /// `lower` with accents folded (é → e, œ → oe), for matching.
    pub folded: String,
    /// Word tokens of `folded` (letters, digits), SMS expanded, in order.
    pub words: Vec<String>,
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

/// The SMS table with its keys folded, computed once (the first entry wins
/// when two fold to the same key).
fn sms_folded() -> &'static FnvMap<String, &'static str> {
    static TABLE: std::sync::OnceLock<FnvMap<String, &'static str>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = FnvMap::default();
        for (from, to) in SMS {
            table.entry(fold(from)).or_insert(*to);
        }
        table
    })
}

/// The base letter of the accented Latin letters French uses, without a
/// trip through NFKD (the common case, and the hot path of classification).
fn base_letter(c: char) -> Option<&'static str> {
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
fn is_emoji(c: char) -> bool {
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
                sms_folded().get(word.as_str())
            } else {
                sms_folded().get(fold(&word).as_str())
            };
            out.push_str(expanded.copied().unwrap_or(&word));
            word.clear();
        } else {
            out.push(c);
        }
    }
    out
}

/// Normalises one text.
pub fn normalize(text: &str) -> Normalized {
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
    let exclamations = nfkc.matches('!').count() as u32;
    let questions = nfkc.matches('?').count() as u32;
    let mut emojis: Vec<String> = nfkc
        .chars()
        .filter(|c| is_emoji(*c))
        .map(String::from)
        .collect();
    let lower_raw = nfkc.to_lowercase();
    for face in [":)", ":-)", ":(", ":-(", ";)", "<3"] {
        if lower_raw.contains(face) {
            emojis.push(face.to_string());
        }
    }
    let lower = expand_sms(&lower_raw);
    let folded = fold(&lower);
    let words = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect();
    Normalized {
        lower,
        folded,
        words,
        emojis,
        caps_ratio: if raw_words.len() >= 2 {
            shouted as f32 / raw_words.len() as f32
        } else {
            0.0
        },
        exclamations,
        questions,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sms_spellings_accents_and_styled_letters_are_normalised() {
        let n = normalize("PK l'ascenceur est tjrs en panne à la Rés. 𝗟𝗲𝘀 𝗚𝗲𝗻𝗲̂𝘁𝘀 😡!!");
        assert!(
            n.lower
                .starts_with("pourquoi l'ascenseur est toujours en panne"),
            "{}",
            n.lower
        );
        assert!(n.folded.contains("residence. les genets"), "{}", n.folded);
        assert_eq!(n.emojis, vec!["😡"]);
        assert_eq!(n.exclamations, 2);
        assert!(n.words.contains(&"ascenseur".to_string()));
    }

    #[test]
    fn shouting_is_measured_and_curly_apostrophes_straightened() {
        let n = normalize("TOUJOURS PAS D’EAU CHAUDE");
        assert!(n.caps_ratio > 0.9);
        assert!(n.lower.contains("d'eau"));
        assert_eq!(normalize("Ok merci").caps_ratio, 0.0);
    }

    #[test]
    fn words_inside_other_words_are_not_expanded() {
        let n = normalize("les gens de la cité");
        assert_eq!(n.words, vec!["les", "gens", "de", "la", "cite"]);
    }
}
