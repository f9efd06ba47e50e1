//! High-precision urgency rules: word patterns that make a comment `urgent`
//! whatever the model says (gas smell, fire, major leak, a person stuck,
//! break-in in progress, no heating in the cold, bare wires, sleeping rough
//! or fleeing violence), as taxonomy.md defines urgency.
//!
//! Precision matters more than recall: a rule fires only on a present,
//! unresolved danger, never on a negated ("plus d'odeur de gaz"), past or
//! repaired one, a drill or a question about what to do "en cas de". The
//! model handles the rest. Rules read the folded text, word by word, with
//! substring prefilters to stay cheap (found by the comment's one scan in
//! `cues`); each word is looked up once among the words the patterns name
//! (`vocabulary`), so that matching compares numbers. They know French,
//! not the corpus.

use std::cell::RefCell;
use std::sync::OnceLock;

use crate::automaton::Needle;
use crate::cues::CommentScan;
use crate::normalize::Normalized;

mod pattern;
mod table;
mod vocabulary;

use pattern::{NEGATION_WORDS, Slot, Token, Words, compile, find, may_match};
use table::{COLD_TEMPERATURE, COMMON_VETOES, SPECS};
use vocabulary::{Builder, Vocabulary};

/// A rule that makes a comment urgent.
#[derive(Debug, PartialEq, Eq)]
pub struct UrgencyRule {
    /// Stable identifier, e.g. "gas_smell".
    pub name: &'static str,
    /// Taxonomy category code the danger usually belongs to, when there is one.
    pub category_hint: Option<&'static str>,
}

/// A text's words and commas, each looked up in the vocabulary, and where
/// each sentence starts among them, reused from one text to the next.
#[derive(Default)]
struct Scratch {
    tokens: Vec<Token>,
    /// The pattern words each token matches, token after token.
    ids: Vec<u16>,
    sentence_starts: Vec<usize>,
    /// A bit per pattern word: whether a word of the text matches it.
    present: Vec<u64>,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::default();
}

/// The first rule that fires on this text, if any.
pub fn urgent(n: &Normalized) -> Option<&'static UrgencyRule> {
    urgent_scanned(n, CommentScan::of(&n.folded))
}

/// [`urgent`], when the text's scan (which holds the rules whose prefilter
/// it contains) is already made.
pub(crate) fn urgent_scanned(n: &Normalized, scan: CommentScan) -> Option<&'static UrgencyRule> {
    let candidate = scan.rules();
    if candidate == 0 {
        return None;
    }
    let tables = compiled();
    SCRATCH.with(|scratch| {
        let scratch = &mut *scratch.borrow_mut();
        split(n, tables, scratch);
        first_firing(n, candidate, tables, scratch)
    })
}

/// The first rule among the `candidate` ones (a bit per index in `SPECS`)
/// that fires on `n`, read into `scratch`.
fn first_firing(
    n: &Normalized,
    candidate: u64,
    tables: &Tables,
    scratch: &Scratch,
) -> Option<&'static UrgencyRule> {
    let all = Words {
        tokens: &scratch.tokens,
        ids: &scratch.ids,
    };
    let sentences = || {
        scratch
            .sentence_starts
            .windows(2)
            .map(|w| all.slice(w[0]..w[1]))
    };
    let may = |slots: &[Slot]| may_match(slots, &scratch.present);
    let mut common_veto = None;
    for (k, spec) in SPECS.iter().enumerate() {
        if candidate & (1 << k) == 0 {
            continue;
        }
        let c = &tables.specs[k];
        let triggered = c.triggers.iter().any(|[pattern, near, not_near]| {
            let near_may = near.is_empty() || may(near);
            let not_near_may = !not_near.is_empty() && may(not_near);
            may(pattern)
                && near_may
                && sentences().any(|s| {
                    find(s, pattern, true)
                        && (near.is_empty() || find(s, near, false))
                        && !(not_near_may && find(s, not_near, false))
                })
        });
        if !triggered {
            continue;
        }
        let in_all = |p: &[Slot]| may(p) && find(all, p, true);
        let in_context = c.context.iter().all(|group| {
            group.iter().any(|p| match p {
                Some(p) => in_all(p),
                None => cold_temperature(&n.folded),
            })
        });
        if !in_context || c.vetoes.iter().any(|p| in_all(p)) {
            continue;
        }
        if *common_veto.get_or_insert_with(|| tables.common_vetoes.iter().any(|p| in_all(p))) {
            return None;
        }
        return Some(&spec.rule);
    }
    None
}

/// The words of `n` and each comma as a "," token, in order, each looked up
/// in the vocabulary, and the sentences they make (cut at `.`, `!`, `?`, a
/// new line and `;`).
fn split(n: &Normalized, tables: &Tables, out: &mut Scratch) {
    out.tokens.clear();
    out.ids.clear();
    out.sentence_starts.clear();
    out.sentence_starts.push(0);
    let bytes = n.folded.as_bytes();
    let mut at = 0;
    for &(a, b) in n.spans() {
        let (a, b) = (a as usize, b as usize);
        out.between_words(&bytes[at..a], tables);
        out.push(&bytes[a..b], tables);
        at = b;
    }
    out.between_words(&bytes[at..], tables);
    out.sentence_starts.push(out.tokens.len());
    out.present.clear();
    out.present.resize(tables.words.len().div_ceil(64), 0);
    for &id in &out.ids {
        out.present[usize::from(id) >> 6] |= 1 << (id & 63);
    }
}

impl Scratch {
    /// Pushes the token of `word`.
    fn push(&mut self, word: &[u8], tables: &Tables) {
        let from = self.ids.len() as u32;
        let exact = tables.words.lookup(word, &mut self.ids);
        self.tokens.push(Token {
            from,
            to: self.ids.len() as u32,
            flags: exact.map_or(0, |id| tables.negation_flags[usize::from(id)]),
        });
    }

    /// Pushes the commas of `gap` (the bytes between two words) and the
    /// sentences it ends.
    fn between_words(&mut self, gap: &[u8], tables: &Tables) {
        for &c in gap {
            match c {
                b',' => self.push(b",", tables),
                b'.' | b'!' | b'?' | b'\n' | b';' => self.sentence_starts.push(self.tokens.len()),
                _ => {}
            }
        }
    }
}

/// A rule's patterns, compiled once.
struct Compiled {
    /// (pattern, near, not near) for each trigger.
    triggers: Vec<[Vec<Slot>; 3]>,
    /// `None` stands for a cold temperature.
    context: Vec<Vec<Option<Vec<Slot>>>>,
    vetoes: Vec<Vec<Slot>>,
}

/// Every rule compiled (in `SPECS` order), with what reading a text needs.
struct Tables {
    specs: Vec<Compiled>,
    common_vetoes: Vec<Vec<Slot>>,
    /// The words the patterns name.
    words: Vocabulary,
    /// The negation flags of each word of `words` (see `pattern::flag`).
    negation_flags: Vec<u8>,
}

/// Every rule's prefilter substrings (at least one must be in a text for
/// the rule to be tried), the bit of each its rule's index in `SPECS`.
pub(crate) fn prefilter_needles() -> impl Iterator<Item = Needle<'static>> {
    assert!(SPECS.len() <= 32, "a scan holds 32 rules");
    SPECS.iter().enumerate().flat_map(|(k, spec)| {
        spec.prefilter.iter().map(move |p| Needle {
            bytes: p.as_bytes(),
            word_start: false,
            bits: 1 << k,
        })
    })
}

/// The compiled rule table, built once.
fn compiled() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| {
        let mut words = Builder::default();
        let mut compile = |p: &'static str| compile(p, &mut words);
        let specs = SPECS
            .iter()
            .map(|spec| Compiled {
                triggers: spec
                    .triggers
                    .iter()
                    .map(|tr| [compile(tr.pattern), compile(tr.near), compile(tr.not_near)])
                    .collect(),
                context: spec
                    .context
                    .iter()
                    .map(|g| {
                        g.iter()
                            .map(|p| (*p != COLD_TEMPERATURE).then(|| compile(p)))
                            .collect()
                    })
                    .collect(),
                vetoes: spec.vetoes.iter().map(|p| compile(p)).collect(),
            })
            .collect();
        let common_vetoes = COMMON_VETOES.iter().map(|p| compile(p)).collect();
        let negations: Vec<(u16, u8)> = NEGATION_WORDS
            .iter()
            .map(|&(w, f)| (words.id(w, false), f))
            .collect();
        let words = words.build();
        let mut negation_flags = vec![0; words.len()];
        for (id, f) in negations {
            negation_flags[usize::from(id)] |= f;
        }
        Tables {
            specs,
            common_vetoes,
            words,
            negation_flags,
        }
    })
}

/// "12°", "14 degres" (16 or less: a cold home) or "-5" (below zero).
fn cold_temperature(folded: &str) -> bool {
    let bytes = folded.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        let value: u32 = folded[start..i].parse().unwrap_or(u32::MAX);
        let minus = start >= 1
            && bytes[start - 1] == b'-'
            && (start == 1 || matches!(bytes[start - 2], b' ' | b'(' | b'\n' | b','));
        let rest = folded[i..].trim_start();
        let unit = rest.starts_with('°') || rest.starts_with("degre");
        if (minus && value > 0 && value <= 40) || (unit && value <= 16) {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests;
