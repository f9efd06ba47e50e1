//! How the residence matcher folds a word: lower case, accents removed,
//! styled Unicode letters made plain, counting its letters, capitals and
//! digits on the way. The tokenizer and the prefilter both fold here, so
//! that they read a word alike. ASCII and the Latin letters of French take
//! a fast path; any other letter goes through `normalize::fold`. Nothing
//! here knows where a word starts or what it means.

use crate::normalize;

/// Letters, digits and combining marks, not the modifier apostrophe.
pub(super) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    if NO_WORD_CHAR.iter().any(|range| range.contains(&c)) {
        return false;
    }
    c.is_alphanumeric() && c != '\u{2bc}' || unicode_normalization::char::is_combining_mark(c)
}

/// Blocks of characters comments use often that hold no letter, digit or
/// combining mark (checked in the tests): the typographic apostrophe,
/// quotes and dashes, the symbols and emojis. Answered before reading the
/// Unicode tables, which cost a few hundred instructions for these.
const NO_WORD_CHAR: [std::ops::RangeInclusive<char>; 3] = [
    '\u{2000}'..='\u{206f}',
    // Up to the circled digits of the dingbats (❶), which are numbers.
    '\u{2600}'..='\u{2775}',
    '\u{1f300}'..='\u{1faff}',
];

/// The end of the word that starts at `from`.
pub(super) fn word_end(text: &str, from: usize) -> usize {
    let b = text.as_bytes();
    let mut i = from;
    while i < b.len() {
        if b[i] < 0x80 {
            if !b[i].is_ascii_alphanumeric() {
                return i;
            }
            i += 1;
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            if !is_word_char(c) {
                return i;
            }
            i += c.len_utf8();
        }
    }
    i
}

/// What the tokenizer needs to know of a word's characters.
#[derive(Debug, Default, PartialEq)]
pub(super) struct Counts {
    /// Whether the first letter is a capital.
    pub first_upper: Option<bool>,
    pub letters: u32,
    pub uppers: u32,
    pub digits: u32,
}

impl Counts {
    fn letter(&mut self, upper: bool) {
        self.letters += 1;
        self.uppers += u32::from(upper);
        self.first_upper.get_or_insert(upper);
    }

    /// Adds the counts of the characters that follow.
    fn then(&mut self, next: Counts) {
        self.first_upper = self.first_upper.or(next.first_upper);
        self.letters += next.letters;
        self.uppers += next.uppers;
        self.digits += next.digits;
    }
}

/// Folds the word that starts at `start` onto `out` as [`fold_word`]
/// would, when its letters are ASCII or Latin letters that [`fold_latin`]
/// folds, as in most French words: no character decoded but those, no
/// Unicode table read. Returns the word's end and counts; None, with `out`
/// as it was, for a word with another letter.
pub(super) fn fold_run(out: &mut String, text: &str, start: usize) -> Option<(usize, Counts)> {
    let bytes = text.as_bytes();
    let a = out.len();
    let (mut i, mut n) = ascii_run(bytes, start);
    push_ascii(out, &text[start..i], n.uppers > 0);
    while let Some(&b) = bytes.get(i).filter(|b| !b.is_ascii()) {
        if b == 0xc3 {
            // From À to ÿ: a table, no decoding.
            let k = bytes[i + 1] & 0x3f;
            match LATIN1[usize::from(k)] {
                LATIN1_NOT_A_LETTER => break,
                LATIN1_OTHER => {
                    out.truncate(a);
                    return None;
                }
                LATIN1_AE => out.push_str("ae"),
                letter => out.push(char::from(letter)),
            }
            n.letter(k < LATIN1_FIRST_SMALL);
            i += 2;
        } else {
            let c = text[i..].chars().next()?;
            match fold_latin(c) {
                Some(plain) => {
                    n.letter(c.is_uppercase());
                    out.push_str(plain);
                    i += c.len_utf8();
                }
                None if is_word_char(c) => {
                    out.truncate(a);
                    return None;
                }
                None => break,
            }
        }
        let (end, run) = ascii_run(bytes, i);
        push_ascii(out, &text[i..end], run.uppers > 0);
        n.then(run);
        i = end;
    }
    Some((i, n))
}

/// [`fold_run`] for a word of ASCII letters and digits only, most words;
/// None, with `out` as it was, for any other.
#[inline]
pub(super) fn ascii_word(out: &mut String, text: &str, start: usize) -> Option<(usize, Counts)> {
    let bytes = text.as_bytes();
    let (end, n) = ascii_run(bytes, start);
    if end == start || !bytes.get(end).is_none_or(u8::is_ascii) {
        return None;
    }
    push_ascii(out, &text[start..end], n.uppers > 0);
    Some((end, n))
}

/// Appends ASCII letters and digits lower-cased, when they have capitals.
fn push_ascii(out: &mut String, ascii: &str, capitals: bool) {
    let from = out.len();
    out.push_str(ascii);
    if capitals {
        out[from..].make_ascii_lowercase();
    }
}

/// Appends `word` folded to `out`, and counts its letters and digits.
pub(super) fn fold_word(out: &mut String, word: &str) -> Counts {
    let mut n = Counts::default();
    for c in word.chars() {
        if c.is_ascii() {
            if c.is_ascii_alphabetic() {
                n.letter(c.is_ascii_uppercase());
            } else {
                n.digits += u32::from(c.is_ascii_digit());
            }
            out.push(c.to_ascii_lowercase());
            continue;
        }
        if c.is_alphabetic() {
            n.letter(c.is_uppercase());
        } else if c.is_ascii_digit() {
            n.digits += 1;
        }
        push_folded(out, c);
    }
    n
}

/// What an ASCII byte is in a word: nothing (0), a digit, a lower-case
/// letter or a capital (bits below), read in one table load per byte.
static ASCII: [u8; 256] = ascii_classes();

const DIGIT: u8 = 1;
const LETTER: u8 = 2;
const CAPITAL: u8 = 4;

const fn ascii_classes() -> [u8; 256] {
    let mut t = [0; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_digit() {
            DIGIT
        } else if c.is_ascii_uppercase() {
            LETTER | CAPITAL
        } else if c.is_ascii_lowercase() {
            LETTER
        } else {
            0
        };
        b += 1;
    }
    t
}

/// The end of the ASCII letters and digits from `from`, counted as
/// [`fold_word`] counts them.
fn ascii_run(bytes: &[u8], from: usize) -> (usize, Counts) {
    let (mut i, mut letters, mut uppers) = (from, 0u32, 0u32);
    while let Some(&b) = bytes.get(i) {
        let class = ASCII[usize::from(b)];
        if class == 0 {
            break;
        }
        letters += u32::from(class & LETTER != 0);
        uppers += u32::from(class & CAPITAL != 0);
        i += 1;
    }
    let run = &bytes[from..i];
    let counts = Counts {
        first_upper: run
            .iter()
            .map(|&b| ASCII[usize::from(b)])
            .find(|class| class & LETTER != 0)
            .map(|class| class & CAPITAL != 0),
        letters,
        uppers,
        digits: run.len() as u32 - letters,
    };
    (i, counts)
}

/// The folded form of the accented letters the tokenizer folds itself (in
/// either case); None for any other character.
pub(super) const fn fold_latin(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => "a",
        'ç' | 'Ç' => "c",
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => "i",
        'ñ' | 'Ñ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' => "o",
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => "u",
        'ý' | 'ÿ' | 'Ý' => "y",
        'œ' | 'Œ' => "oe",
        'æ' | 'Æ' => "ae",
        _ => return None,
    })
}

/// What each character from U+00C0 to U+00FF, written 0xC3 then
/// `0x80 | k` in UTF-8, folds into, by `k`: its folded letter (the French
/// accented letters), or one of the three values below. Read instead of
/// decoding the character and matching it.
pub(super) static LATIN1: [u8; 64] = latin1();

/// The letters before this `k` are capitals (À to Þ), the others small
/// letters (ß to ÿ).
const LATIN1_FIRST_SMALL: u8 = 0x1f;

/// Æ and æ: "ae".
pub(super) const LATIN1_AE: u8 = 1;
/// × and ÷: not letters.
pub(super) const LATIN1_NOT_A_LETTER: u8 = 2;
/// Ð, Ø, Þ, ß and their small letters: letters `fold_latin` leaves to
/// `normalize::fold`.
pub(super) const LATIN1_OTHER: u8 = 3;

const fn latin1() -> [u8; 64] {
    let mut t = [0; 64];
    let mut k = 0;
    while k < 64 {
        let c = char::from_u32(0xc0 + k as u32).expect("a character");
        t[k] = match fold_latin(c) {
            Some(plain) if plain.len() == 1 => plain.as_bytes()[0],
            Some(_) => LATIN1_AE,
            None if c == '×' || c == '÷' => LATIN1_NOT_A_LETTER,
            None => LATIN1_OTHER,
        };
        k += 1;
    }
    t
}

/// Appends `c` lower-cased and without accents.
fn push_folded(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    for l in c.to_lowercase() {
        let plain = match l {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
            'ç' => 'c',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ñ' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ý' | 'ÿ' => 'y',
            'œ' => {
                out.push_str("oe");
                continue;
            }
            'æ' => {
                out.push_str("ae");
                continue;
            }
            _ => {
                let mut buf = [0u8; 4];
                for f in normalize::fold(l.encode_utf8(&mut buf)).chars() {
                    out.extend(f.to_lowercase());
                }
                continue;
            }
        };
        out.push(plain);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Compares the fast path with the general one on the word at `start`.
    fn check(text: &str, start: usize) {
        let end = word_end(text, start);
        let mut general = String::from("x");
        let counts = fold_word(&mut general, &text[start..end]);
        let mut fast = String::from("x");
        match fold_run(&mut fast, text, start) {
            Some((e, c)) => {
                assert_eq!(
                    (e, &fast, c),
                    (end, &general, counts),
                    "{text:?} at {start}"
                );
            }
            None => {
                assert_eq!(fast, "x", "{text:?} at {start}");
                let other = text[start..end]
                    .chars()
                    .any(|c| !c.is_ascii() && fold_latin(c).is_none());
                assert!(other, "{text:?} at {start}");
            }
        }
    }

    #[test]
    fn the_fast_path_folds_as_the_general_one() {
        for text in [
            "Genêts",
            "GENÊTS!",
            "12bis",
            "À",
            "ŒUVRE cœur",
            "Ærø",
            "straße",
            "Ÿves",
            "e\u{301}te",
            "l\u{2019}été",
            "façade-sud",
            "Über",
            "ÉCOLE,",
            "naïve",
            "Ðe þorn",
            "x×y",
            "vélo😡",
            "𝐆𝐞𝐧𝐞𝐭𝐬",
        ] {
            for (start, _) in text.char_indices() {
                if text[start..].chars().next().is_some_and(is_word_char) {
                    check(text, start);
                }
            }
        }
    }

    #[test]
    fn the_blocks_said_to_hold_no_word_character_hold_none() {
        for c in NO_WORD_CHAR.into_iter().flatten() {
            let word = c.is_alphanumeric() || unicode_normalization::char::is_combining_mark(c);
            assert!(!word, "{c:?}");
        }
    }

    #[test]
    fn the_latin1_table_says_what_each_character_is() {
        for (k, &folded) in LATIN1.iter().enumerate() {
            let c = char::from_u32(0xc0 + k as u32).unwrap();
            let mut buf = [0; 4];
            assert_eq!(c.encode_utf8(&mut buf).as_bytes(), [0xc3, 0x80 | k as u8]);
            match folded {
                LATIN1_AE => assert_eq!(fold_latin(c), Some("ae")),
                LATIN1_NOT_A_LETTER => assert!(!is_word_char(c), "{c}"),
                LATIN1_OTHER => assert!(is_word_char(c) && fold_latin(c).is_none(), "{c}"),
                letter => assert_eq!(fold_latin(c), Some(&*char::from(letter).to_string())),
            }
            if folded != LATIN1_NOT_A_LETTER {
                assert_eq!(c.is_uppercase(), (k as u8) < LATIN1_FIRST_SMALL, "{c}");
            }
        }
    }

    #[test]
    fn the_fast_path_folds_every_word_of_the_corpus_as_the_general_one() {
        let corpus = crate::corpus::Corpus::shipped();
        for c in &corpus.comments {
            for (start, ch) in c.text.char_indices() {
                if is_word_char(ch) {
                    check(&c.text, start);
                }
            }
        }
    }
}
