//! A quick look at a text before tokenizing it: most comments name no
//! residence, and have no word that could start a name or a street, even
//! one typo away. This pass folds each word as the tokenizer does, without
//! keeping anything, and answers "maybe" whenever it is unsure (a hashtag,
//! a letter it does not fold itself, a very long word): only a "no" skips
//! the matcher, and a "no" is always right.

use super::index::Index;
use super::scan::may_start;
use super::tokens::is_word_char;
use super::typo::TYPO_MIN_LEN;
use super::words;

/// Bits of the gate.
const GATE_BITS: usize = 1 << 16;

/// What a word must share with a word that starts a name or a street, as
/// a bit array: its first two letters and length (written exactly), or its
/// first or last two letters and a length one off at most (one typo
/// away). Most words of a text find no bit set and are turned away with
/// three bit tests; the others are looked up.
#[derive(Debug)]
pub(super) struct Gate {
    bits: Vec<u64>,
}

/// The gate's bit for a kind of key, two letters and a length.
fn gate_bit(kind: u8, a: u8, b: u8, len: usize) -> usize {
    let key =
        (u32::from(kind) << 24) | (u32::from(a) << 16) | (u32::from(b) << 8) | len.min(255) as u32;
    (key.wrapping_mul(0x9e37_79b1) >> 16) as usize % GATE_BITS
}

impl Gate {
    pub fn new(ix: &Index) -> Self {
        let mut gate = Self {
            bits: vec![0; GATE_BITS / 64],
        };
        for id in 0..ix.by_first.len() {
            if ix.by_first[id].is_empty() {
                continue;
            }
            let w = ix.word(id as u32).as_bytes();
            let n = w.len();
            gate.set(gate_bit(0, w[0], *w.get(1).unwrap_or(&0), n));
            if n >= TYPO_MIN_LEN && !words::is_function(ix.word(id as u32)) {
                for len in n - 1..=n + 1 {
                    gate.set(gate_bit(1, w[0], w[1], len));
                    gate.set(gate_bit(2, w[n - 2], w[n - 1], len));
                }
            }
        }
        gate
    }

    fn set(&mut self, bit: usize) {
        self.bits[bit / 64] |= 1 << (bit % 64);
    }

    fn has(&self, bit: usize) -> bool {
        self.bits[bit / 64] & (1 << (bit % 64)) != 0
    }

    /// False when the folded form `w` cannot start a name or a street.
    fn admits(&self, w: &[u8]) -> bool {
        let n = w.len();
        if self.has(gate_bit(0, w[0], *w.get(1).unwrap_or(&0), n)) {
            return true;
        }
        n + 1 >= TYPO_MIN_LEN
            && (self.has(gate_bit(1, w[0], w[1], n))
                || self.has(gate_bit(2, w[n - 2], w[n - 1], n)))
    }
}

/// Longest word this pass folds; a longer one answers "maybe".
const MAX_WORD: usize = 48;

/// False when no word of `text` can start a residence's name or street.
pub(super) fn may_name(ix: &Index, gate: &Gate, text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut word = Word::default();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_alphanumeric() {
            if !word.push_byte(b.to_ascii_lowercase()) {
                return true;
            }
            i += 1;
            continue;
        }
        if b == b'#' {
            return true; // hashtags are cut at their capitals: tokenize them
        }
        if b.is_ascii() {
            if word.end(ix, gate) {
                return true;
            }
            i += 1;
            continue;
        }
        let c = text[i..].chars().next().unwrap_or(' ');
        i += c.len_utf8();
        match fold_latin(c) {
            Some(plain) => {
                if !word.push(plain.as_bytes()) {
                    return true;
                }
            }
            None if is_word_char(c) => return true,
            None => {
                if word.end(ix, gate) {
                    return true;
                }
            }
        }
    }
    word.end(ix, gate)
}

/// The word being read, folded.
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
    /// Appends folded bytes; false when the word is too long for this pass.
    fn push(&mut self, folded: &[u8]) -> bool {
        let end = self.len + folded.len();
        if end > MAX_WORD {
            return false;
        }
        self.bytes[self.len..end].copy_from_slice(folded);
        self.len = end;
        true
    }

    fn push_byte(&mut self, b: u8) -> bool {
        if self.len == MAX_WORD {
            return false;
        }
        self.bytes[self.len] = b;
        self.len += 1;
        true
    }

    /// Ends the word, if one is being read: true when it may start a name.
    fn end(&mut self, ix: &Index, gate: &Gate) -> bool {
        if self.len == 0 {
            return false;
        }
        let raw = &self.bytes[..std::mem::take(&mut self.len)];
        // A long word is not an abbreviation: its bytes are its form.
        if raw.len() > 5 && !gate.admits(raw) {
            return false;
        }
        // Only ASCII is written: the folded letters and the ASCII bytes.
        let raw = std::str::from_utf8(raw).unwrap_or_default();
        let form = if raw.len() <= 5 {
            words::expand(raw).unwrap_or(raw)
        } else {
            raw
        };
        gate.admits(form.as_bytes()) && may_start(ix, form, raw.bytes().all(|b| b.is_ascii_digit()))
    }
}

/// The folded form of the accented letters the tokenizer folds itself (in
/// either case); None for any other character.
fn fold_latin(c: char) -> Option<&'static str> {
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
