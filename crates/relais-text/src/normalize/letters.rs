//! The accented letters of French (those of `base_letter`) by their UTF-8
//! bytes, for the fast path: a table lookup instead of decoding the
//! character, asking whether it is a capital, lower-casing it and folding
//! it. All of them take two bytes; the tests check that this gives what
//! the character methods give, for every two-byte character.

use super::base_letter;

/// A letter as the fast path writes it: its base letter(s) in lower case
/// (one or two ASCII letters; none for a character it does not know) and
/// whether it is a capital.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Letter {
    pub(super) folded: [u8; 2],
    pub(super) len: u8,
    pub(super) upper: bool,
}

impl Letter {
    const NONE: Letter = Letter {
        folded: [0; 2],
        len: 0,
        upper: false,
    };

    /// The letter for `c`. A capital's base letter is a capital (É → "E"),
    /// and folding its lower case gives the same letters in lower case.
    const fn of(c: char) -> Letter {
        let Some(base) = base_letter(c) else {
            return Letter::NONE;
        };
        let base = base.as_bytes();
        let second = if base.len() > 1 { base[1] } else { 0 };
        Letter {
            folded: [base[0].to_ascii_lowercase(), second.to_ascii_lowercase()],
            len: base.len() as u8,
            upper: base[0].is_ascii_uppercase(),
        }
    }
}

/// U+00C0..=U+00FF, by their UTF-8 continuation byte (less 0x80).
const LATIN1: [Letter; 64] = {
    let mut table = [Letter::NONE; 64];
    let mut i = 0;
    while i < 64 {
        if let Some(c) = char::from_u32(0xc0 + i as u32) {
            table[i] = Letter::of(c);
        }
        i += 1;
    }
    table
};

const OE_CAPITAL: Letter = Letter::of('Œ');
const OE: Letter = Letter::of('œ');

/// The letter encoded by `lead` and `next`, the first two bytes of a
/// non-ASCII character (`len` 0 for a character this does not know).
#[inline(always)]
pub(super) fn letter(lead: u8, next: u8) -> Letter {
    match (lead, next) {
        (0xc3, _) => LATIN1[usize::from(next & 0x3f)],
        (0xc5, 0x92) => OE_CAPITAL,
        (0xc5, 0x93) => OE,
        _ => Letter::NONE,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the character methods say: the letter's folded lower case and
    /// whether it is a capital, as the general code folds it.
    fn expected(c: char) -> Option<(String, bool)> {
        let base = base_letter(c)?;
        let upper = c.is_uppercase();
        let lower = c.to_lowercase().next().unwrap_or(c);
        let folded = if upper { base_letter(lower)? } else { base };
        Some((folded.to_string(), upper))
    }

    #[test]
    fn every_two_byte_character_reads_as_the_character_methods_say() {
        for c in '\u{80}'..='\u{7ff}' {
            let mut buf = [0; 2];
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            let l = letter(bytes[0], bytes[1]);
            let got = (l.len > 0).then(|| {
                let folded = &l.folded[..usize::from(l.len)];
                (String::from_utf8(folded.to_vec()).unwrap(), l.upper)
            });
            assert_eq!(got, expected(c), "{c}");
        }
    }

    #[test]
    fn every_letter_of_base_letter_takes_two_bytes() {
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            if base_letter(c).is_some() {
                assert_eq!(c.len_utf8(), 2, "{c}");
            }
        }
    }
}
