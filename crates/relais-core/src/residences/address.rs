//! Street addresses from RPLS fields: the readable form shown to users and the
//! normalised key dwellings are grouped by, plus the stable hash that names a residence.
//!
//! Owns the street-type table (RUE, AV, BD, ALL…), the INDREP words (bis, ter…), the
//! casing rules and FNV-1a. Changing the key or the hash changes every RPLS residence id,
//! so re-imports would no longer match: do it only with a migration of stored ids. It
//! must not invent spelling: accents are added only to the street-type words of the
//! table, never to names ("EGLISE" stays "Eglise").

use unicode_normalization::UnicodeNormalization;

/// RPLS street-type codes and full words (accent-free, upper case) → readable word.
const STREET_TYPES: &[(&str, &str)] = &[
    ("ALL", "allée"),
    ("ALLEE", "allée"),
    ("AV", "avenue"),
    ("AVE", "avenue"),
    ("AVENUE", "avenue"),
    ("BD", "boulevard"),
    ("BLD", "boulevard"),
    ("BOULEVARD", "boulevard"),
    ("CAR", "carrefour"),
    ("CHE", "chemin"),
    ("CHEM", "chemin"),
    ("CHEMIN", "chemin"),
    ("CHS", "chaussée"),
    ("CITE", "cité"),
    ("CRS", "cours"),
    ("COURS", "cours"),
    ("CTE", "cité"),
    ("DOM", "domaine"),
    ("ESP", "esplanade"),
    ("FBG", "faubourg"),
    ("FG", "faubourg"),
    ("HAM", "hameau"),
    ("IMP", "impasse"),
    ("IMPASSE", "impasse"),
    ("LD", "lieu-dit"),
    ("LOT", "lotissement"),
    ("MTE", "montée"),
    ("PARC", "parc"),
    ("PAS", "passage"),
    ("PASS", "passage"),
    ("PL", "place"),
    ("PLACE", "place"),
    ("PROM", "promenade"),
    ("PRV", "parvis"),
    ("QU", "quai"),
    ("QUA", "quartier"),
    ("QUAI", "quai"),
    ("R", "rue"),
    ("RES", "résidence"),
    ("RPT", "rond-point"),
    ("RTE", "route"),
    ("ROUTE", "route"),
    ("RUE", "rue"),
    ("SEN", "sentier"),
    ("SQ", "square"),
    ("SQUARE", "square"),
    ("TRA", "traverse"),
    ("VLA", "villa"),
    ("VOIE", "voie"),
    ("ZA", "ZA"),
    ("ZAC", "ZAC"),
    ("ZI", "ZI"),
];

/// INDREP codes and words → the word written after the number.
const REPEATS: &[(&str, &str)] = &[
    ("B", "bis"),
    ("BIS", "bis"),
    ("T", "ter"),
    ("TER", "ter"),
    ("Q", "quater"),
    ("QUATER", "quater"),
    ("C", "quinquies"),
    ("QUINQUIES", "quinquies"),
];

const PARTICLES: &[&str] = &[
    "AU", "AUX", "D", "DE", "DES", "DU", "EN", "ET", "L", "LA", "LE", "LES", "SOUS", "SUR",
];

const ROMAN: &[&str] = &[
    "II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII",
    "XVIII", "XIX", "XX", "XXI", "XXIII",
];

/// The address fields of one dwelling, trimmed; `number` already parsed.
#[derive(Debug, Clone, Copy)]
pub(crate) struct StreetParts<'a> {
    pub number: Option<u32>,
    pub repeat: &'a str,
    pub kind: &'a str,
    pub name: &'a str,
}

impl<'a> StreetParts<'a> {
    /// A missing street type is taken from the name's first word when that word is one
    /// ("RUE DES LILAS" with no TYPVOIE), so both spellings group together.
    pub fn split_type_from_name(mut self) -> Self {
        if self.kind.is_empty()
            && let Some((first, rest)) = self.name.split_once(' ')
            && street_type(first).is_some()
            && !rest.trim().is_empty()
        {
            self.kind = first;
            self.name = rest.trim_start();
        }
        self
    }

    /// "12 bis allée des Cedres": number, repeat word, type word, name in title case.
    pub fn readable(&self) -> String {
        let number = self.number.map(|n| n.to_string()).unwrap_or_default();
        let repeat = repeat_word(self.repeat).map_or_else(|| self.repeat.to_owned(), str::to_owned);
        let kind = street_type(self.kind).map_or_else(|| self.kind.to_owned(), str::to_owned);
        let lead = [number, repeat, kind]
            .into_iter()
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>();
        let name = title_case(self.name, lead.is_empty());
        let mut all = lead;
        all.push(name);
        all.retain(|p| !p.is_empty());
        all.join(" ")
    }

    /// The accent-free, upper-case key two dwellings share when they are at the same
    /// address: codes are replaced by their words, so "ALL" and "ALLEE" agree.
    pub fn key(&self) -> String {
        let number = self.number.map(|n| n.to_string()).unwrap_or_default();
        let repeat = repeat_word(self.repeat).map_or_else(|| fold(self.repeat), fold);
        let kind = street_type(self.kind).map_or_else(|| fold(self.kind), fold);
        [number, repeat, kind, fold(self.name)].join("|")
    }
}

fn street_type(code: &str) -> Option<&'static str> {
    let code = fold(code);
    STREET_TYPES
        .iter()
        .find(|(c, _)| *c == code)
        .map(|(_, word)| *word)
}

fn repeat_word(code: &str) -> Option<&'static str> {
    let code = fold(code);
    REPEATS
        .iter()
        .find(|(c, _)| *c == code)
        .map(|(_, word)| *word)
}

/// Upper case without accents; anything not a letter or digit becomes one space.
pub(crate) fn fold(text: &str) -> String {
    let plain: String = text
        .nfd()
        .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
        .flat_map(char::to_uppercase)
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    plain.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Title case for an all-capitals name; a name already in mixed case was written by a
/// person and is kept (spaces tidied). Particles are lower case unless they start the
/// whole street.
pub(crate) fn title_case(name: &str, at_start: bool) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    if name.chars().any(char::is_lowercase) {
        return words.join(" ");
    }
    let mut out = Vec::with_capacity(words.len());
    for (i, word) in words.iter().enumerate() {
        let parts: Vec<String> = word
            .split('-')
            .enumerate()
            .map(|(j, part)| case_word(part, at_start && i == 0 && j == 0))
            .collect();
        out.push(parts.join("-"));
    }
    out.join(" ")
}

/// One word without spaces or hyphens: "L'EGLISE" → "l'Eglise", "DES" → "des".
fn case_word(word: &str, at_start: bool) -> String {
    if let Some(pos) = word.find(['\'', '’']) {
        let (elided, rest) = word.split_at(pos);
        let apostrophe = rest.chars().next().unwrap_or('\'');
        let rest = &rest[apostrophe.len_utf8()..];
        return format!(
            "{}{apostrophe}{}",
            case_word(elided, at_start),
            case_word(rest, false)
        );
    }
    let folded = fold(word);
    if word.chars().any(|c| c.is_ascii_digit()) || ROMAN.contains(&folded.as_str()) {
        word.to_owned()
    } else if PARTICLES.contains(&folded.as_str()) && !at_start {
        word.to_lowercase()
    } else {
        let mut chars = word.chars();
        chars.next().map_or_else(String::new, |first| {
            first
                .to_uppercase()
                .chain(chars.flat_map(char::to_lowercase))
                .collect()
        })
    }
}

/// FNV-1a, 64 bits: tiny, public and the same on every machine and Rust version.
pub(crate) fn fnv1a64(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts<'a>(
        number: Option<u32>,
        repeat: &'a str,
        kind: &'a str,
        name: &'a str,
    ) -> StreetParts<'a> {
        StreetParts {
            number,
            repeat,
            kind,
            name,
        }
        .split_type_from_name()
    }

    #[test]
    fn street_reads_like_a_french_address() {
        let cases = [
            (
                parts(Some(12), "B", "ALL", "DES CEDRES"),
                "12 bis allée des Cedres",
            ),
            (
                parts(Some(3), "", "RUE", "DE L'EGLISE"),
                "3 rue de l'Eglise",
            ),
            (
                parts(Some(7), "T", "che", "des Prés"),
                "7 ter chemin des Prés",
            ),
            (
                parts(None, "", "PL", "DU 19 MARS 1962"),
                "place du 19 Mars 1962",
            ),
            (
                parts(Some(1), "", "AV", "JEAN-BAPTISTE DE LA SALLE"),
                "1 avenue Jean-Baptiste de la Salle",
            ),
            (
                parts(Some(2), "", "BD", "LOUIS XIV"),
                "2 boulevard Louis XIV",
            ),
            (parts(None, "", "", "LE  CLOS   DU PARC"), "Le Clos du Parc"),
            (parts(Some(5), "", "", "RUE D'ARMOR"), "5 rue d'Armor"),
            (parts(Some(4), "A", "XYZ", "ÉCOLE"), "4 A XYZ École"),
        ];
        for (street, expected) in cases {
            assert_eq!(street.readable(), expected, "{street:?}");
        }
    }

    #[test]
    fn key_ignores_case_accents_codes_and_spacing() {
        let a = parts(Some(12), "B", "ALL", "DES CEDRES").key();
        for same in [
            parts(Some(12), "bis", "Allée", "des  Cèdres"),
            parts(Some(12), "B", "", "ALLEE DES CEDRES"),
        ] {
            assert_eq!(same.key(), a, "{same:?}");
        }
        for other in [
            parts(Some(12), "", "ALL", "DES CEDRES"),
            parts(Some(14), "B", "ALL", "DES CEDRES"),
        ] {
            assert_ne!(other.key(), a, "{other:?}");
        }
    }

    #[test]
    fn fnv1a64_matches_the_published_test_vectors() {
        assert_eq!(fnv1a64(""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a64("a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a64("foobar"), 0x85944171f73967e8);
    }
}
