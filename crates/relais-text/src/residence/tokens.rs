//! The words of a text as the residence matcher reads them: folded (lower
//! case, accents removed, styled Unicode letters made plain), abbreviations
//! expanded ("bd" → "boulevard"), each with its place in the original text,
//! how it was written (capitals, hashtag) and what separates it from the
//! word before (nothing, a comma, or the end of a clause).
//!
//! Hashtags are cut into words at their capitals ("#TerrassesDeLIsère" →
//! "terrasses de l isere"). One pass, no regular expression: this runs on
//! every comment. It must not decide anything about residences.

use super::fold::{Counts, ascii_word, fold_run, fold_word, is_word_char, word_end};
use super::words;

/// What separates a token from the one before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Gap {
    /// Spaces, a hyphen or an apostrophe: the words may belong to one name.
    None,
    /// A comma or a semicolon.
    Comma,
    /// Anything else: a full stop, a colon, a bracket, an emoji, a new line.
    Strong,
}

/// One word of a text.
#[derive(Debug, Clone)]
pub(super) struct Token {
    /// Byte span in the original text.
    pub start: usize,
    pub end: usize,
    /// Byte span of the folded, expanded form in [`Tokens::folded`].
    form: (u32, u32),
    pub gap: Gap,
    /// The separator before is a lone hyphen ("L'Isle-d'Abeau").
    pub hyphen_before: bool,
    /// A new line (or the start of the text) comes before.
    pub line_start: bool,
    /// Starts with a capital and is not all capitals.
    pub titlecase: bool,
    /// Two letters or more, all capitals.
    pub upper: bool,
    /// Digits only.
    pub number: bool,
    /// Part of a hashtag.
    pub hashtag: bool,
}

/// The tokens of one text.
#[derive(Debug, Default)]
pub(super) struct Tokens {
    folded: String,
    pub list: Vec<Token>,
    /// Hashtags written as one word ("#villageolympique"): their folded form.
    pub glued_hashtags: Vec<(usize, String)>,
    /// Most words are capitalised ("Fête Des Voisins Au Parc"): capitals
    /// then say nothing about names.
    pub title_text: bool,
}

impl Tokens {
    /// The folded, expanded form of token `i`.
    pub fn form(&self, i: usize) -> &str {
        let (a, b) = self.list[i].form;
        &self.folded[a as usize..b as usize]
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    /// True when token `i` opens a sentence (so its capital says nothing).
    pub fn sentence_start(&self, i: usize) -> bool {
        i == 0 || self.list[i].gap == Gap::Strong
    }
}

/// Splits `text` into tokens.
pub(super) fn tokenize(text: &str) -> Tokens {
    let mut t = Tokens {
        folded: String::with_capacity(text.len()),
        list: Vec::with_capacity(text.len() / 5 + 1),
        ..Tokens::default()
    };
    let mut sep = Separator::start();
    // A full stop after an abbreviation ("rés.", "bd.") or an initial
    // ("L. Michel") does not end a clause.
    let mut last_abbrev = false;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < text.len() {
        if bytes[i] == b' ' {
            sep.chars += 1; // what `Separator::add` does with a space
            last_abbrev = false;
            i += 1;
            continue;
        }
        let a = t.folded.len();
        if let Some((end, counts)) = ascii_word(&mut t.folded, text, i) {
            // Most words: ASCII letters and digits only.
            last_abbrev = push_token(&mut t, i, end, a, counts, &sep, false);
            sep = Separator::default();
            i = end;
            continue;
        }
        let c = if bytes[i] < 0x80 {
            char::from(bytes[i])
        } else {
            text[i..].chars().next().unwrap_or(' ')
        };
        if is_word_char(c) {
            let (end, counts) = fold_run(&mut t.folded, text, i).unwrap_or_else(|| {
                let end = word_end(text, i);
                (end, fold_word(&mut t.folded, &text[i..end]))
            });
            last_abbrev = push_token(&mut t, i, end, a, counts, &sep, false);
            sep = Separator::default();
            i = end;
            continue;
        }
        if c == '#' && i + 1 < text.len() {
            let end = word_end(text, i + 1);
            if end > i + 1 {
                push_hashtag(&mut t, text, i + 1, end, &sep);
                sep = Separator::default();
                last_abbrev = false;
                i = end;
                continue;
            }
        }
        sep.add(c, last_abbrev);
        last_abbrev = false;
        i += c.len_utf8();
    }
    let (mut words, mut titled) = (0, 0);
    for k in 0..t.list.len() {
        let tok = &t.list[k];
        if !tok.hashtag && tok.end - tok.start >= 4 && !tok.number {
            words += 1;
            titled += usize::from(tok.titlecase);
        }
    }
    t.title_text = words >= 4 && titled * 5 > words * 3;
    t
}

/// The characters between two words.
#[derive(Default)]
struct Separator {
    gap: Option<Gap>,
    chars: u32,
    hyphen: bool,
    newline: bool,
}

impl Separator {
    fn start() -> Self {
        Separator {
            newline: true,
            ..Separator::default()
        }
    }

    fn raise(&mut self, g: Gap) {
        self.gap = Some(self.gap.map_or(g, |old| old.max(g)));
    }

    fn add(&mut self, c: char, after_abbreviation: bool) {
        self.chars += 1;
        match c {
            '\n' | '\r' => {
                self.newline = true;
                self.raise(Gap::Strong);
            }
            c if c.is_whitespace() => {}
            '-' | '\u{2010}' | '\u{2011}' => self.hyphen = self.chars == 1,
            '\'' | '\u{2019}' | '\u{2018}' | '\u{2bc}' | '`' | '\u{b4}' | '°' | '@' | '_' => {}
            ',' | ';' => self.raise(Gap::Comma),
            '.' if after_abbreviation && self.chars == 1 => {}
            '\u{fe0f}' | '\u{200d}' => {}
            _ => self.raise(Gap::Strong),
        }
    }
}

/// Pushes one word; returns whether it was an abbreviation (so that the
/// full stop after "rés." or "bd." does not end a clause).
fn push_word(
    t: &mut Tokens,
    text: &str,
    start: usize,
    end: usize,
    sep: &Separator,
    hashtag: bool,
) -> bool {
    let a = t.folded.len();
    let counts = fold_word(&mut t.folded, &text[start..end]);
    push_token(t, start, end, a, counts, sep, hashtag)
}

/// Pushes the word at `start..end`, already folded in `t.folded[a..]`;
/// returns whether it was an abbreviation.
#[inline(always)]
fn push_token(
    t: &mut Tokens,
    start: usize,
    end: usize,
    a: usize,
    counts: Counts,
    sep: &Separator,
    hashtag: bool,
) -> bool {
    let Counts {
        first_upper,
        letters,
        uppers,
        digits,
    } = counts;
    let raw = &t.folded[a..];
    let abbrev = match if raw.len() <= 5 {
        words::expand(raw)
    } else {
        None
    } {
        Some(full) => {
            t.folded.truncate(a);
            t.folded.push_str(full);
            true
        }
        None => letters == 1 && digits == 0,
    };
    let upper = letters >= 2 && uppers == letters;
    t.list.push(Token {
        start,
        end,
        form: (a as u32, t.folded.len() as u32),
        gap: sep.gap.unwrap_or(Gap::None),
        hyphen_before: sep.hyphen && sep.chars == 1,
        line_start: sep.newline,
        titlecase: first_upper == Some(true) && !upper,
        upper,
        number: letters == 0 && digits > 0,
        hashtag,
    });
    abbrev
}

/// Pushes a hashtag's words, cut at capitals and digits.
fn push_hashtag(t: &mut Tokens, text: &str, start: usize, end: usize, sep: &Separator) {
    #[derive(PartialEq, Clone, Copy)]
    enum Class {
        Lower,
        Upper,
        Digit,
    }
    let class = |c: char| {
        if c.is_numeric() {
            Class::Digit
        } else if c.is_uppercase() {
            Class::Upper
        } else {
            Class::Lower
        }
    };
    let chars: Vec<(usize, char)> = text[start..end]
        .char_indices()
        .filter(|(_, c)| !unicode_normalization::char::is_combining_mark(*c))
        .map(|(k, c)| (start + k, c))
        .collect();
    let first = t.list.len();
    let mut piece = start;
    for k in 1..chars.len() {
        let (prev, cur) = (class(chars[k - 1].1), class(chars[k].1));
        let next = chars.get(k + 1).map(|(_, c)| class(*c));
        let cut = (prev == Class::Lower && cur == Class::Upper)
            || (prev == Class::Upper && cur == Class::Upper && next == Some(Class::Lower))
            || ((prev == Class::Digit) != (cur == Class::Digit));
        if cut {
            let here = chars[k].0;
            let s = if t.list.len() == first {
                sep
            } else {
                &Separator::default()
            };
            push_word(t, text, piece, here, s, true);
            piece = here;
        }
    }
    let s = if t.list.len() == first {
        sep
    } else {
        &Separator::default()
    };
    push_word(t, text, piece, end, s, true);
    let letters: Vec<usize> = (first..t.list.len())
        .filter(|&k| !t.list[k].number)
        .collect();
    if letters.len() == 1 {
        let k = letters[0];
        let glued = t.form(k).to_string();
        t.glued_hashtags.push((k, glued));
    }
}
