//! Small text helpers shared by the domain: accent folding and slugs.
//!
//! Matching-grade French normalisation belongs to the text classifiers; this
//! module only does what ids and file parsers need.

use unicode_normalization::UnicodeNormalization;

/// Removes diacritics (é → e, ç → c, œ → oe) after NFKD decomposition.
pub fn fold_accents(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.nfkd() {
        match c {
            'œ' => out.push_str("oe"),
            'Œ' => out.push_str("OE"),
            'æ' => out.push_str("ae"),
            'Æ' => out.push_str("AE"),
            c if unicode_normalization::char::is_combining_mark(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// A URL-safe slug: folded, lower case, ASCII alphanumerics joined by `-`.
pub fn slug(s: &str) -> String {
    let folded = fold_accents(s).to_lowercase();
    let mut out = String::with_capacity(folded.len());
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_accents_handles_french_letters() {
        assert_eq!(
            fold_accents("Élodie à l'Œuvre, ça déçoit"),
            "Elodie a l'OEuvre, ca decoit"
        );
    }

    #[test]
    fn slug_collapses_punctuation() {
        assert_eq!(
            slug("  Résidence « Les Tilleuls » (bât. B) "),
            "residence-les-tilleuls-bat-b"
        );
    }
}
