//! The fast path of normalisation, for the texts most comments are: ASCII,
//! the accented letters French uses, typographic punctuation and emojis.
//!
//! One pass over the text lower-cases each character, folds its accents,
//! expands SMS spellings as each word ends, and measures the shape
//! (shouting, `!`, `?`, emojis, emoticons), writing straight into
//! `folded`. Any other character sends the text to the general path,
//! which gives the same result on the texts this one accepts: they are
//! their own NFKC but for the characters mapped here, and their case
//! mapping is one character to one.

use unicode_normalization::UnicodeNormalization;

use super::{FACES, Normalized, base_letter, caps_ratio, is_emoji, sms_folded};

/// Normalises `text` into `out` (all but the word spans) and returns true,
/// or returns false, leaving `out` in any state, when a character needs the
/// general path.
pub(super) fn normalize(text: &str, out: &mut Normalized) -> bool {
    out.folded.clear();
    out.emojis.clear();
    let mut pass = Pass::default();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let c = match bytes[i] {
            b if b.is_ascii() => char::from(b),
            _ => text[i..].chars().next().unwrap_or_default(),
        };
        i += c.len_utf8();
        if pass.push(c, out).is_none() {
            return false;
        }
    }
    pass.end_word(false, &mut out.folded);
    pass.end_run();
    for (k, face) in FACES.iter().enumerate() {
        if pass.faces & (1 << k) != 0 {
            out.emojis.push(face.to_string());
        }
    }
    out.caps_ratio = caps_ratio(pass.shouted, pass.runs);
    out.exclamations = pass.exclamations;
    out.questions = pass.questions;
    true
}

/// The state of the pass over a text.
#[derive(Default)]
struct Pass {
    /// Where the word being written started in `folded`.
    word: Option<usize>,
    /// Letters of the run of letters going on, and whether all are capitals.
    letters: usize,
    lower_case_seen: bool,
    /// Runs of two letters or more, and of those, the ones all in capitals.
    runs: usize,
    shouted: usize,
    exclamations: u32,
    questions: u32,
    /// The last two characters of the lower-case text, for emoticons.
    last: [char; 2],
    /// The emoticons seen, a bit per entry of `FACES`.
    faces: u8,
}

impl Pass {
    /// Takes one character of the text; None when the fast path does not
    /// know it.
    fn push(&mut self, c: char, out: &mut Normalized) -> Option<()> {
        if c.is_ascii_alphanumeric() {
            if c.is_ascii_alphabetic() {
                self.letter(c.is_ascii_uppercase());
            } else {
                self.end_run();
            }
            self.word_char(c.to_ascii_lowercase(), c.to_ascii_lowercase(), out);
            return Some(());
        }
        if let Some(base) = base_letter(c) {
            let upper = c.is_uppercase();
            self.letter(upper);
            let lower = c.to_lowercase().next().unwrap_or(c);
            // The base letter of a capital is a capital: fold the lower case.
            let folded = if upper { base_letter(lower)? } else { base };
            self.word_char_str(lower, folded, out);
            return Some(());
        }
        self.end_run();
        self.other(c, out)
    }

    fn letter(&mut self, upper: bool) {
        self.letters += 1;
        self.lower_case_seen |= !upper;
    }

    /// Closes a run of letters of the original (a word of the shouting
    /// measure, which splits at digits too).
    fn end_run(&mut self) {
        if self.letters >= 2 {
            self.runs += 1;
            self.shouted += usize::from(!self.lower_case_seen);
        }
        (self.letters, self.lower_case_seen) = (0, false);
    }

    /// Writes a letter or digit of a word, ASCII once folded.
    fn word_char(&mut self, lower: char, folded: char, out: &mut Normalized) {
        self.see(lower);
        self.word.get_or_insert(out.folded.len());
        out.folded.push(folded);
    }

    /// Writes an accented letter of a word, `folded` being its base letter(s).
    fn word_char_str(&mut self, lower: char, folded: &str, out: &mut Normalized) {
        self.see(lower);
        self.word.get_or_insert(out.folded.len());
        out.folded.push_str(folded);
    }

    /// Ends the word being written, if any, expanding it when it is an SMS
    /// spelling and no apostrophe follows (the "c" of "c'est" stays).
    fn end_word(&mut self, apostrophe: bool, folded: &mut String) {
        if let Some(start) = self.word.take()
            && !apostrophe
            && let Some(to) = sms_folded().get(&folded[start..])
        {
            folded.truncate(start);
            folded.push_str(to);
        }
    }

    /// Remembers a character of the lower-case text, for emoticons.
    fn see(&mut self, c: char) {
        let face = match (self.last, c) {
            ([_, ':'], ')') => 0,
            ([':', '-'], ')') => 1,
            ([_, ':'], '(') => 2,
            ([':', '-'], '(') => 3,
            ([_, ';'], ')') => 4,
            ([_, '<'], '3') => 5,
            _ => 8,
        };
        if face < 8 {
            self.faces |= 1 << face;
        }
        self.last = [self.last[1], c];
    }

    /// Takes a character that is neither a letter nor a digit.
    fn other(&mut self, c: char, out: &mut Normalized) -> Option<()> {
        match c {
            '!' => self.exclamations += 1,
            '?' => self.questions += 1,
            _ => {}
        }
        let lower = match c {
            '`' | '\u{2019}' | '\u{2018}' | '\u{02bc}' => '\'',
            '\u{2013}' | '\u{2014}' | '\u{2212}' => '-',
            // NFKC turns these into plain spaces and dots.
            '\u{a0}' | '\u{202f}' => ' ',
            '\u{2026}' => '.',
            c if c.is_ascii() || c == '\u{fe0f}' => c,
            c if is_plain_symbol(c) => {
                if is_emoji(c) {
                    out.emojis.push(c.to_string());
                }
                c
            }
            _ => return None,
        };
        self.end_word(lower == '\'', &mut out.folded);
        let times = if c == '\u{2026}' { 3 } else { 1 };
        for _ in 0..times {
            self.see(lower);
            // U+FE0F is a combining mark: folding drops it.
            if lower != '\u{fe0f}' {
                out.folded.push(lower);
            }
        }
        Some(())
    }
}

/// A character no step changes: not a letter or digit, no case, its own
/// NFKC and NFKD, not a combining mark (emojis, €, °, «).
fn is_plain_symbol(c: char) -> bool {
    use unicode_normalization::char::{canonical_combining_class, is_combining_mark};
    let mut lowered = c.to_lowercase();
    let mut decomposed = std::iter::once(c).nfkd();
    !c.is_alphanumeric()
        && lowered.next() == Some(c)
        && lowered.next().is_none()
        && canonical_combining_class(c) == 0
        && !is_combining_mark(c)
        && unicode_normalization::is_nfkc_quick(std::iter::once(c))
            == unicode_normalization::IsNormalized::Yes
        && decomposed.next() == Some(c)
        && decomposed.next().is_none()
}
