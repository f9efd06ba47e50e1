//! A quick look at a text before tokenizing it: most comments name no
//! residence, and have no word that could start a name or a street, even
//! one typo away. This pass folds each word as the tokenizer does, without
//! keeping anything, and answers "maybe" whenever it is unsure (a hashtag,
//! a letter it does not fold itself, a very long word): only a "no" skips
//! the matcher, and a "no" is always right (see [`Gate`]).

use super::fold::{fold_latin, is_word_char};
use super::index::Index;
use super::near::{Key, NearSet};
use super::words;

/// The words a text word must be, exactly or one typo away, for the
/// matcher to have anything to follow from it.
///
/// Why a "no" is always right: the matcher follows a name or a street from
/// a word only when the word's folded, expanded form is a word that starts
/// one, or, when it is not a vocabulary word, a number or an article, one
/// typo from such a word of five letters or more that is not an article
/// (`scan::lex`). The gate holds those starting words, marked for typos as
/// the typo index marks them, so it contains every such form. A short
/// abbreviation ("rés.") is looked up before its expansion: the gate also
/// holds, exactly, each abbreviation whose expansion it contains.
#[derive(Debug)]
pub(super) struct Gate {
    starts: NearSet,
}

impl Gate {
    pub fn new(ix: &Index) -> Self {
        let starts: Vec<(&str, bool)> = ix
            .starting_words()
            .map(|w| (w, !words::is_function(w)))
            .collect();
        let expanded = NearSet::new(starts.iter().copied());
        let abbreviations = words::ABBREVIATIONS
            .iter()
            .filter(|(_, full)| expanded.contains(full.as_bytes()))
            .map(|&(short, _)| (short, false));
        Self {
            starts: NearSet::new(starts.iter().copied().chain(abbreviations)),
        }
    }
}

/// Longest word this pass folds; a longer one answers "maybe".
const MAX_WORD: usize = 48;

/// What an ASCII byte is to this pass: its folded form when it is a letter
/// or a digit (above [`NON_ASCII`]), or one of the three values below.
static CLASS: [u8; 256] = classes();

/// Ends the word being read.
const SEPARATOR: u8 = 0;
/// Starts a hashtag.
const HASH: u8 = 1;
/// Starts a character of several bytes.
const NON_ASCII: u8 = 2;

const fn classes() -> [u8; 256] {
    let mut t = [NON_ASCII; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_alphanumeric() {
            c.to_ascii_lowercase()
        } else if c == b'#' {
            HASH
        } else {
            SEPARATOR
        };
        b += 1;
    }
    t
}

fn class(b: u8) -> u8 {
    CLASS[usize::from(b)]
}

/// False when no word of `text` can start a residence's name or street.
pub(super) fn may_name(gate: &Gate, text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match class(bytes[i]) {
            SEPARATOR => {
                i += 1;
                continue;
            }
            HASH => return true, // hashtags are cut at their capitals: tokenize them
            _ => {}
        }
        // Most words are ASCII letters and digits, checked as they are
        // written; a word with a letter of several bytes is folded first.
        let start = i;
        while i < bytes.len() && class(bytes[i]) > NON_ASCII {
            i += 1;
        }
        if i == bytes.len() || class(bytes[i]) != NON_ASCII {
            if gate.admits_ascii(&bytes[start..i]) {
                return true;
            }
            continue;
        }
        match fold(text, start) {
            Some((end, word)) => {
                if gate.starts.contains(word.as_slice()) {
                    return true;
                }
                i = end;
            }
            None => return true,
        }
    }
    false
}

impl Gate {
    /// False when the word `raw`, ASCII letters and digits in any case,
    /// cannot start a name: its key is made from four bytes, and the word
    /// is folded only when the key may be the gate's.
    fn admits_ascii(&self, raw: &[u8]) -> bool {
        let n = raw.len();
        let key = match raw {
            [] => return false,
            &[a] => Key::new(1, class(a), 0, 0, class(a)),
            &[a, b, ..] => Key::new(n, class(a), class(b), class(raw[n - 2]), class(raw[n - 1])),
        };
        if !self.starts.may_hold(key) {
            return false;
        }
        if n > MAX_WORD {
            return true;
        }
        let mut folded = [0; MAX_WORD];
        for (f, &b) in folded.iter_mut().zip(raw) {
            *f = class(b);
        }
        self.starts.holds(key, &folded[..n])
    }
}

/// A word folded by [`fold`].
struct Word {
    bytes: [u8; MAX_WORD],
    len: usize,
}

impl Default for Word {
    fn default() -> Self {
        Self {
            bytes: [0; MAX_WORD],
            len: 0,
        }
    }
}

impl Word {
    /// Appends folded bytes; None when the word is too long for this pass.
    fn push(&mut self, folded: &[u8]) -> Option<()> {
        let end = self.len + folded.len();
        self.bytes.get_mut(self.len..end)?.copy_from_slice(folded);
        self.len = end;
        Some(())
    }

    fn as_slice(&self) -> &[u8] {
        &self.bytes[..self.len]
    }
}

/// Folds the word that starts at `start` as the tokenizer does, when it
/// has a letter of several bytes; returns where the pass goes on and the
/// word. None when unsure: a letter this pass does not fold, a long word.
fn fold(text: &str, start: usize) -> Option<(usize, Word)> {
    let mut word = Word::default();
    let mut i = start;
    for c in text[start..].chars() {
        if c.is_ascii_alphanumeric() {
            word.push(&[c.to_ascii_lowercase() as u8])?;
        } else if let Some(plain) = fold_latin(c) {
            word.push(plain.as_bytes())?;
        } else if is_word_char(c) {
            return None;
        } else if c.is_ascii() {
            return Some((i, word)); // the pass reads it: it may be a '#'
        } else {
            return Some((i + c.len_utf8(), word));
        }
        i += c.len_utf8();
    }
    Some((i, word))
}
