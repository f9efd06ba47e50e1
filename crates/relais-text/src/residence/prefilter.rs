//! A quick look at a text before tokenizing it: most comments name no
//! residence. This pass folds each word as the tokenizer does, without
//! keeping the text, notes which words of the residences' names and
//! streets it may be (exactly or one typo away), and says "no" when no
//! name or street has all its words noted: the matcher could not follow
//! one. It answers "maybe" whenever it is unsure (a hashtag, a letter it
//! does not fold itself, a very long word, too many words noted): only a
//! "no" skips the matcher, and a "no" is always right (see [`Gate`]).

use super::fold::{LATIN1, LATIN1_AE, LATIN1_NOT_A_LETTER, LATIN1_OTHER, fold_latin, is_word_char};
use super::index::{Index, Kind};
use super::near::{Key, NearSet, letter, letters};
use super::words;

/// What the pass looks a text's words up in.
///
/// Why a "no" is always right: the matcher links a text to a residence
/// only through a hashtag (this pass says "maybe" at any '#') or by
/// following a name or a street word by word (`scan::follow`). It follows
/// a word at a token whose folded, expanded form is that word, or one
/// typo from it when the form is not a vocabulary word, a number or an
/// article (`scan::lex`); a street also needs its type written before it
/// (`scan::street`). So each word of the name, and the street's type, is
/// some token's form or one typo from it. The gate holds the vocabulary
/// (marked for typos as the typo index marks it), the street types, and
/// each abbreviation tagged with all that its expansion may be: a text
/// word notes every tag it may be, and the text may name a residence only
/// when some name or street has all its tags noted.
#[derive(Debug)]
pub(super) struct Gate {
    words: NearSet,
    /// For each vocabulary word (its id is its tag), what each name or
    /// street that starts with it needs besides: the tags of its other
    /// words and of its street type.
    needs: Vec<Vec<Box<[u32]>>>,
}

impl Gate {
    pub fn new(ix: &Index) -> Self {
        let vocabulary = ix.by_first.len();
        let mut types: Vec<&str> = Vec::new();
        let mut needs = vec![Vec::new(); vocabulary];
        for v in &ix.variants {
            let mut need = v.words[1..].to_vec();
            if let Kind::Street { street_type, .. } = &v.kind {
                let k = types
                    .iter()
                    .position(|t| t == street_type)
                    .unwrap_or_else(|| {
                        types.push(street_type);
                        types.len() - 1
                    });
                need.push((vocabulary + k) as u32);
            }
            needs[v.words[0] as usize].push(need.into_boxed_slice());
        }
        let plain: Vec<(&str, bool, u32)> = (0..vocabulary as u32)
            .map(|id| (ix.word(id), !words::is_function(ix.word(id)), id))
            .chain(
                (vocabulary as u32..)
                    .zip(&types)
                    .map(|(tag, t)| (*t, false, tag)),
            )
            .collect();
        let unabbreviated = NearSet::new(plain.iter().copied());
        let abbreviations: Vec<(&str, bool, u32)> = words::ABBREVIATIONS
            .iter()
            .flat_map(|&(short, full)| {
                let tags = unabbreviated.tags_of(full.as_bytes());
                tags.into_iter().map(move |tag| (short, false, tag))
            })
            .collect();
        Self {
            words: NearSet::new(plain.into_iter().chain(abbreviations)),
            needs,
        }
    }

    /// Notes the tags of the folded word `w`, whose key is `k` and letter
    /// set `set` (`near::letters`); None when there are too many to keep.
    #[inline]
    fn note(&self, k: Key, w: &[u8], set: u32, noted: &mut Noted) -> Option<()> {
        self.words.try_tags(k, w, set, |tag| noted.note(tag))
    }

    /// [`Gate::note`] for a word of ASCII letters and digits in any case:
    /// its key is made from four bytes, and the word is folded only when
    /// the key may be the gate's. None when unsure.
    #[inline]
    fn note_ascii(&self, raw: &[u8], noted: &mut Noted) -> Option<()> {
        if raw.is_empty() {
            return Some(());
        }
        let key = Key::new(raw.len(), |i| class(raw[i]));
        if !self.words.may_hold(key) {
            return Some(());
        }
        self.note_folded(key, raw, noted)
    }

    /// [`Gate::note`] for the ASCII word `raw` once folded.
    #[inline(never)]
    fn note_folded(&self, key: Key, raw: &[u8], noted: &mut Noted) -> Option<()> {
        let mut folded = [0; MAX_WORD];
        let folded = folded.get_mut(..raw.len())?;
        let mut set = 0;
        for (f, &b) in folded.iter_mut().zip(raw) {
            *f = class(b);
            set |= letter(*f);
        }
        self.note(key, folded, set, noted)
    }

    /// True when some name or street has all its tags noted.
    #[inline(never)]
    fn completes(&self, noted: &Noted) -> bool {
        noted.tags().iter().any(|&first| {
            self.needs.get(first as usize).is_some_and(|needs| {
                needs
                    .iter()
                    .any(|need| need.iter().all(|tag| noted.tags().contains(tag)))
            })
        })
    }
}

/// Most tags one text notes; more answer "maybe".
const MAX_NOTED: usize = 32;

/// The tags a text's words noted, each once.
struct Noted {
    tags: [u32; MAX_NOTED],
    len: usize,
}

impl Noted {
    fn new() -> Self {
        Self {
            tags: [0; MAX_NOTED],
            len: 0,
        }
    }

    /// None when there is no room left.
    fn note(&mut self, tag: u32) -> Option<()> {
        if !self.tags().contains(&tag) {
            *self.tags.get_mut(self.len)? = tag;
            self.len += 1;
        }
        Some(())
    }

    fn tags(&self) -> &[u32] {
        &self.tags[..self.len]
    }
}

/// Longest word this pass folds; a longer one whose key may be the gate's
/// answers "maybe".
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

/// False when `text` names no residence.
pub(super) fn may_name(gate: &Gate, text: &str) -> bool {
    read(gate, text, &mut Noted::new()).is_none_or(|completed| completed)
}

/// Notes the tags of the words of `text` until some name or street has
/// all its tags noted (true); None when unsure.
fn read(gate: &Gate, text: &str, noted: &mut Noted) -> Option<bool> {
    let bytes = text.as_bytes();
    let class_at = |i: usize| bytes.get(i).map(|&b| class(b));
    let mut i = 0;
    loop {
        while class_at(i) == Some(SEPARATOR) {
            i += 1;
        }
        match class_at(i) {
            None => return Some(false),
            Some(HASH) => return None, // hashtags are cut at their capitals: tokenize them
            Some(_) => {}
        }
        let before = noted.len;
        // Most words are ASCII letters and digits, looked up as they are
        // written; a word with a letter of several bytes is folded first.
        let start = i;
        while class_at(i).is_some_and(|c| c > NON_ASCII) {
            i += 1;
        }
        if class_at(i) == Some(NON_ASCII) {
            i = read_letters(gate, text, start, i, noted)?;
        } else {
            gate.note_ascii(&bytes[start..i], noted)?;
        }
        if noted.len > before && gate.completes(noted) {
            return Some(true);
        }
    }
}

/// Reads the word that starts at `start` and has ASCII letters up to `i`,
/// where a character of several bytes follows; returns where the pass
/// goes on. None when unsure. Out of the loop of [`read`], which it would
/// slow down: one word in eight.
#[inline(never)]
fn read_letters(
    gate: &Gate,
    text: &str,
    start: usize,
    i: usize,
    noted: &mut Noted,
) -> Option<usize> {
    let mut word = Word {
        bytes: [0; MAX_WORD],
        len: 0,
    };
    match fold(text, start, i, &mut word)? {
        // An ASCII word before a character that is no letter ("l’", "ok😡").
        Folded::Before(end) => {
            gate.note_ascii(&text.as_bytes()[start..i], noted)?;
            Some(end)
        }
        Folded::Word(end) => {
            let w = &word.bytes[..word.len];
            if let Some(k) = Key::of(w).filter(|&k| gate.words.may_hold(k)) {
                gate.note(k, w, letters(w), noted)?;
            }
            Some(end)
        }
    }
}

/// A word folded by [`fold`].
struct Word {
    bytes: [u8; MAX_WORD],
    len: usize,
}

impl Word {
    /// Appends a folded byte; None when the word is too long for this pass.
    fn push(&mut self, folded: u8) -> Option<()> {
        *self.bytes.get_mut(self.len)? = folded;
        self.len += 1;
        Some(())
    }
}

/// What [`fold`] read.
enum Folded {
    /// The word has no letter of several bytes: a character that is none
    /// ends it, and the pass goes on after it (here).
    Before(usize),
    /// The word, folded, ends here.
    Word(usize),
}

/// Folds onto `word`, as the tokenizer does, the word that starts at
/// `start` with ASCII letters and digits up to `ascii`, where a character
/// of several bytes follows. None when unsure: a letter this pass does
/// not fold, a long word.
fn fold(text: &str, start: usize, ascii: usize, word: &mut Word) -> Option<Folded> {
    let bytes = text.as_bytes();
    let mut i = ascii;
    while let Some(&b) = bytes.get(i) {
        if b.is_ascii() {
            match class(b) {
                // The pass reads the separator: it may be a '#'.
                SEPARATOR | HASH => break,
                folded => word.push(folded)?,
            }
            i += 1;
            continue;
        }
        let (plain, len): (&[u8], usize) = if b == 0xc3 {
            // From À to ÿ: a table, no decoding.
            match LATIN1[usize::from(bytes[i + 1] & 0x3f)] {
                LATIN1_AE => (b"ae", 2),
                LATIN1_NOT_A_LETTER => (&[], 0),
                LATIN1_OTHER => return None,
                letter => (&[letter][..], 2),
            }
        } else {
            let c = text[i..].chars().next()?;
            match c {
                // An emoji's variation selector: a combining mark the
                // tokenizer folds into nothing.
                '\u{fe0f}' => (&[], c.len_utf8()),
                c => match fold_latin(c) {
                    Some(plain) => (plain.as_bytes(), c.len_utf8()),
                    None if is_word_char(c) => return None,
                    None => (&[], 0),
                },
            }
        };
        if len == 0 {
            // Not a letter: the word ends before it, the pass goes on after.
            let after = i + text[i..].chars().next()?.len_utf8();
            if i == ascii {
                return Some(Folded::Before(after));
            }
            return Some(Folded::Word(after));
        }
        if i == ascii {
            // The first letter of several bytes: the ASCII ones before it.
            for &b in &bytes[start..ascii] {
                word.push(class(b))?;
            }
        }
        for &b in plain {
            word.push(b)?;
        }
        i += len;
    }
    Some(Folded::Word(i))
}

#[cfg(test)]
impl Gate {
    /// The tags the words of `text` note; None when unsure.
    pub fn noted(&self, text: &str) -> Option<Vec<u32>> {
        let mut noted = Noted::new();
        read(self, text, &mut noted)?;
        Some(noted.tags().to_vec())
    }

    /// The tag of a street type.
    pub fn street_type(&self, ix: &Index, street_type: &str) -> Option<u32> {
        let tags = self.words.tags_of(street_type.as_bytes());
        tags.into_iter().find(|&t| t as usize >= ix.by_first.len())
    }
}
