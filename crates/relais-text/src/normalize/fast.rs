//! The fast path of normalisation, for the texts most comments are: ASCII,
//! the accented letters French uses, typographic punctuation and emojis.
//!
//! One pass lower-cases the text and measures its shape (shouting, `!`,
//! `?`, emojis); a second expands SMS spellings and folds accents straight
//! into `folded`, with no string built in between. Any other character
//! sends the text to the general path, which gives the same result on the
//! texts this one accepts: they are their own NFKC but for the characters
//! mapped here, and their case mapping is one character to one.

use std::cell::RefCell;

use unicode_normalization::UnicodeNormalization;

use super::{Normalized, base_letter, caps_ratio, is_emoji, push_faces, sms_folded};

thread_local! {
    /// The lower-case text, reused from one text to the next.
    static LOWER: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Normalises `text` into `out` (all but the word spans) and returns true,
/// or returns false, leaving `out` in any state, when a character needs the
/// general path.
pub(super) fn normalize(text: &str, out: &mut Normalized) -> bool {
    LOWER.with(|lower| {
        let lower = &mut *lower.borrow_mut();
        lower.clear();
        out.emojis.clear();
        let Some(shape) = lower_case(text, lower, &mut out.emojis) else {
            return false;
        };
        push_faces(lower, &mut out.emojis);
        expand_and_fold(lower, &mut out.folded);
        out.caps_ratio = caps_ratio(shape.shouted, shape.words);
        out.exclamations = shape.exclamations;
        out.questions = shape.questions;
        true
    })
}

/// What the first pass measures of the original text.
#[derive(Default)]
struct Shape {
    /// Runs of two letters or more.
    words: usize,
    /// Of which all in capitals.
    shouted: usize,
    exclamations: u32,
    questions: u32,
}

impl Shape {
    /// Closes a run of `letters` letters, all capitals when `upper`.
    fn end_run(&mut self, letters: usize, upper: bool) {
        if letters >= 2 {
            self.words += 1;
            self.shouted += usize::from(upper);
        }
    }
}

/// Pushes the lower case of `text` to `lower` (apostrophes, dashes and
/// spaces straightened) and its emojis to `emojis`; None when a character
/// is not one the fast path knows.
fn lower_case(text: &str, lower: &mut String, emojis: &mut Vec<String>) -> Option<Shape> {
    let mut shape = Shape::default();
    let (mut letters, mut upper) = (0, true);
    for c in text.chars() {
        let is_upper = if c.is_ascii_alphabetic() {
            lower.push(c.to_ascii_lowercase());
            c.is_ascii_uppercase()
        } else if !c.is_ascii() && base_letter(c).is_some() {
            lower.extend(c.to_lowercase());
            c.is_uppercase()
        } else {
            shape.end_run(letters, upper);
            (letters, upper) = (0, true);
            push_other(c, lower, emojis, &mut shape)?;
            continue;
        };
        letters += 1;
        upper &= is_upper;
    }
    shape.end_run(letters, upper);
    Some(shape)
}

/// Pushes a character that is not a letter; None when the fast path does
/// not know it.
fn push_other(
    c: char,
    lower: &mut String,
    emojis: &mut Vec<String>,
    shape: &mut Shape,
) -> Option<()> {
    match c {
        '!' => shape.exclamations += 1,
        '?' => shape.questions += 1,
        _ => {}
    }
    match c {
        '`' | '\u{2019}' | '\u{2018}' | '\u{02bc}' => lower.push('\''),
        '\u{2013}' | '\u{2014}' | '\u{2212}' => lower.push('-'),
        // NFKC turns these into plain spaces and dots.
        '\u{a0}' | '\u{202f}' => lower.push(' '),
        '\u{2026}' => lower.push_str("..."),
        c if c.is_ascii() || c == '\u{fe0f}' => lower.push(c),
        c if is_plain_symbol(c) => {
            if is_emoji(c) {
                emojis.push(c.to_string());
            }
            lower.push(c);
        }
        _ => return None,
    }
    Some(())
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

/// A letter or digit of the lower-case text.
fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || (!c.is_ascii() && base_letter(c).is_some())
}

/// Writes `lower` to `folded` with SMS spellings expanded (a word followed
/// by an apostrophe, as the "c" of "c'est", is left alone) and accents
/// folded; the variation selector U+FE0F, a combining mark, is dropped.
fn expand_and_fold(lower: &str, folded: &mut String) {
    folded.clear();
    let mut word_start = None;
    let mut chars = lower.chars().peekable();
    while let Some(c) = chars.next() {
        if !is_word_char(c) {
            if c != '\u{fe0f}' {
                folded.push(c);
            }
            continue;
        }
        let start = *word_start.get_or_insert(folded.len());
        match base_letter(c) {
            Some(base) => folded.push_str(base),
            None => folded.push(c),
        }
        let next = chars.peek().copied();
        if next.is_some_and(is_word_char) {
            continue;
        }
        word_start = None;
        if next != Some('\'')
            && let Some(to) = sms_folded().get(&folded[start..])
        {
            folded.truncate(start);
            folded.push_str(to);
        }
    }
}
