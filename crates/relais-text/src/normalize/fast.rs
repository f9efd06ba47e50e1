//! The fast path of normalisation, for the texts most comments are: ASCII,
//! the accented letters French uses, typographic punctuation and emojis.
//!
//! One pass over the text lower-cases it, folds accents, expands SMS
//! spellings and records the word spans as each word ends, writing straight
//! into `folded`. Its bulk takes eight bytes at a time: ASCII words and the
//! spaces and punctuation between them are classified, lower-cased and
//! copied without a branch per byte, and only word ends are looked at one
//! by one. The accented letters are read by table, the other characters
//! one at a time; `!`, `?` and emoticons are counted on the raw text
//! (`marks`). Any character it does not know sends the text to the general
//! path, which gives the same result on the texts this one accepts: they
//! are their own NFKC but for the characters mapped here, and their case
//! mapping is one character to one (the tests hold the two paths to that).

use unicode_normalization::UnicodeNormalization;

use super::chunk::{Chunk, between, first_place};
use super::letters::{Letter, letter};
use super::marks::Marks;
use super::sms::Sms;
use super::{Normalized, caps_ratio, is_emoji};

/// Normalises `text` into `out` and returns true, or returns false, leaving
/// `out` in any state, when a character needs the general path.
pub(super) fn normalize(text: &str, out: &mut Normalized) -> bool {
    // The pass writes bytes (whole chunks of them, cut back to what they
    // hold); they are UTF-8 again at the end.
    let mut folded = std::mem::take(&mut out.folded).into_bytes();
    folded.clear();
    let mut spans = std::mem::take(&mut out.spans);
    spans.clear();
    out.emojis.clear();
    let mut pass = Pass {
        sms: Sms::get(),
        folded,
        spans,
        word: NO_WORD,
        letters: 0,
        lower_case_seen: false,
        runs: 0,
        shouted: 0,
    };
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b.is_ascii() {
            let chunk = Chunk::at(bytes, i);
            let plain = chunk.plain_len();
            if plain > 0 {
                i = pass.bulk(i, &chunk, plain);
                continue;
            }
            pass.end_word(b == b'`');
            pass.folded.push(if b == b'`' { b'\'' } else { b });
            i += 1;
            continue;
        }
        // The text is UTF-8: a continuation byte follows a lead byte.
        let l = letter(b, bytes[i + 1]);
        if l.len > 0 {
            pass.letter(l);
            i += 2;
            continue;
        }
        let c = text[i..].chars().next().unwrap_or_default();
        i += c.len_utf8();
        match other_char(c) {
            None => return false,
            Some(Other::Ascii(lower)) => {
                pass.end_word(lower == "'");
                pass.folded.extend_from_slice(lower.as_bytes());
            }
            Some(Other::Nothing) => pass.end_word(false),
            Some(Other::Itself { emoji }) => {
                pass.end_word(false);
                if emoji {
                    out.emojis.push(c.to_string());
                }
                let mut utf8 = [0; 4];
                pass.folded
                    .extend_from_slice(c.encode_utf8(&mut utf8).as_bytes());
            }
        }
    }
    pass.end_word(false);
    let marks = Marks::of(bytes);
    marks.push_faces(&mut out.emojis);
    out.exclamations = marks.exclamations;
    out.questions = marks.questions;
    out.caps_ratio = caps_ratio(pass.shouted, pass.runs);
    out.folded = String::from_utf8(pass.folded).expect("the pass writes whole characters");
    out.spans = pass.spans;
    true
}

/// `Pass::word` when no word is being written.
const NO_WORD: usize = usize::MAX;

/// The pass over a text: what it has written so far, the word it is
/// writing and the runs of letters it has counted.
struct Pass {
    sms: &'static Sms,
    folded: Vec<u8>,
    spans: Vec<(u32, u32)>,
    /// Where the word being written started in `folded`, or `NO_WORD`.
    word: usize,
    /// Letters of the run of letters going on, and whether one is small.
    letters: usize,
    lower_case_seen: bool,
    /// Runs of two letters or more (the words of the shouting measure,
    /// which splits at digits too), and of those, the ones all in capitals.
    runs: usize,
    shouted: usize,
}

impl Pass {
    /// Takes the `plain` first bytes of `chunk`, at `i` in the text: copies
    /// them lower-cased, and ends the words that end among them. Returns
    /// where the pass goes on: past them, or past a word that was expanded
    /// (what followed it is dropped and read again).
    #[inline(always)]
    fn bulk(&mut self, i: usize, chunk: &Chunk, plain: usize) -> usize {
        let base = self.folded.len();
        self.folded.extend_from_slice(&chunk.lowered());
        self.folded.truncate(base + plain);
        let inside = between(0, plain);
        let alnum = chunk.alnum() & inside;
        // A byte's predecessor is a letter or digit (for the first, when a
        // word goes on from before the chunk).
        let after_alnum = (alnum << 8) | (u64::from(self.word != NO_WORD) << 7);
        let mut starts = alnum & !after_alnum;
        let mut ends = !alnum & after_alnum & inside;
        // Where the word being written starts in this chunk.
        let mut from = 0;
        loop {
            if self.word == NO_WORD {
                if starts == 0 {
                    return i + plain;
                }
                from = first_place(starts);
                starts &= starts - 1;
                self.word = base + from;
            } else {
                if ends == 0 {
                    self.count(chunk, from, plain);
                    return i + plain;
                }
                let to = first_place(ends);
                ends &= ends - 1;
                self.count(chunk, from, to);
                if self.finish_word(base + to, chunk.byte(to) == b'\'') {
                    return i + to;
                }
            }
        }
    }

    /// Counts the letters at places `from..to` of `chunk`, all letters or
    /// digits, in the runs of letters.
    #[inline(always)]
    fn count(&mut self, chunk: &Chunk, from: usize, to: usize) {
        if chunk.has_digit(from, to) {
            for place in from..to {
                let b = chunk.byte(place);
                if b.is_ascii_digit() {
                    self.end_run();
                } else {
                    self.letters += 1;
                    self.lower_case_seen |= b.is_ascii_lowercase();
                }
            }
        } else {
            self.letters += to - from;
            self.lower_case_seen |= chunk.has_small_letter(from, to);
        }
    }

    /// Writes an accented letter, of the word going on or a new one.
    fn letter(&mut self, l: Letter) {
        if self.word == NO_WORD {
            self.word = self.folded.len();
        }
        self.letters += 1;
        self.lower_case_seen |= !l.upper;
        self.folded.push(l.folded[0]);
        if l.len == 2 {
            self.folded.push(l.folded[1]);
        }
    }

    /// Closes the run of letters going on.
    #[inline(always)]
    fn end_run(&mut self) {
        if self.letters >= 2 {
            self.runs += 1;
            self.shouted += usize::from(!self.lower_case_seen);
        }
        (self.letters, self.lower_case_seen) = (0, false);
    }

    /// Ends the word going on, if any, at the end of `folded`; `apostrophe`
    /// when the character that ends it becomes one.
    fn end_word(&mut self, apostrophe: bool) {
        if self.word != NO_WORD {
            self.finish_word(self.folded.len(), apostrophe);
        }
    }

    /// Ends the word going on at `end` in `folded`, expanding it when it is
    /// an SMS spelling and no apostrophe follows (the "c" of "c'est"
    /// stays), and records its spans. Returns whether it was expanded, in
    /// which case `folded` now ends with the expansion.
    #[inline(always)]
    fn finish_word(&mut self, end: usize, apostrophe: bool) -> bool {
        self.end_run();
        let start = std::mem::replace(&mut self.word, NO_WORD);
        if !apostrophe
            && self.sms.may_expand(end - start, self.folded[start])
            && let Some(to) = self.sms.expand(&self.folded[start..end])
        {
            self.expand(start, to);
            return true;
        }
        push_span(&mut self.spans, start, end);
        false
    }

    /// Writes `to` in place of the word at `start..` of `folded`, and its
    /// spans.
    #[cold]
    fn expand(&mut self, start: usize, to: &str) {
        self.folded.truncate(start);
        self.folded.extend_from_slice(to.as_bytes());
        let mut from = None;
        for (k, b) in to.bytes().enumerate() {
            match (b.is_ascii_alphanumeric(), from) {
                (true, None) => from = Some(start + k),
                (false, Some(a)) => {
                    push_span(&mut self.spans, a, start + k);
                    from = None;
                }
                _ => {}
            }
        }
        if let Some(a) = from {
            push_span(&mut self.spans, a, self.folded.len());
        }
    }
}

/// What the pass writes for a non-ASCII character that is not a letter.
enum Other {
    /// ASCII: a straightened apostrophe, dash or space, the dots of "…".
    Ascii(&'static str),
    /// Nothing: U+FE0F, a combining mark, which folding drops.
    Nothing,
    /// The character itself: a symbol, maybe an emoji.
    Itself { emoji: bool },
}

/// How the pass writes `c`, a non-ASCII character that is not a letter;
/// None when the fast path does not know it.
#[cold]
fn other_char(c: char) -> Option<Other> {
    Some(match c {
        '\u{2019}' | '\u{2018}' | '\u{02bc}' => Other::Ascii("'"),
        '\u{2013}' | '\u{2014}' | '\u{2212}' => Other::Ascii("-"),
        // NFKC turns these into plain spaces and dots.
        '\u{a0}' | '\u{202f}' => Other::Ascii(" "),
        '\u{2026}' => Other::Ascii("..."),
        '\u{fe0f}' => Other::Nothing,
        c if is_pictograph(c) || is_plain_symbol(c) => Other::Itself { emoji: is_emoji(c) },
        _ => return None,
    })
}

/// Records the word at `start..end` of `folded`, joined to the previous one
/// when nothing separates them (a dropped U+FE0F), as the word tokens of
/// `folded` are its runs of letters and digits.
fn push_span(spans: &mut Vec<(u32, u32)>, start: usize, end: usize) {
    match spans.last_mut() {
        Some(last) if last.1 == start as u32 => last.1 = end as u32,
        _ => spans.push((start as u32, end as u32)),
    }
}

/// The pictographs most emojis are, all plain symbols (a test checks it),
/// known so without asking the Unicode tables.
fn is_pictograph(c: char) -> bool {
    matches!(c as u32, 0x1f300..=0x1faff)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pictographs_are_plain_symbols() {
        let pictographs = (0..=0x10ffff)
            .filter_map(char::from_u32)
            .filter(|&c| is_pictograph(c));
        for c in pictographs {
            assert!(is_plain_symbol(c), "{c} U+{:04X}", c as u32);
        }
    }
}
