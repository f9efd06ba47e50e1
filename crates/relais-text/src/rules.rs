//! High-precision urgency rules: word patterns that make a comment `urgent`
//! whatever the model says (gas smell, fire, major leak, a person stuck,
//! break-in in progress, no heating in the cold, bare wires, sleeping rough
//! or fleeing violence), as taxonomy.md defines urgency.
//!
//! Precision matters more than recall: a rule fires only on a present,
//! unresolved danger, never on a negated ("plus d'odeur de gaz"), past or
//! repaired one, a drill or a question about what to do "en cas de". The
//! model handles the rest. Rules read the folded text, word by word, with
//! substring prefilters to stay cheap; they know French, not the corpus.

use std::cell::RefCell;
use std::sync::OnceLock;

use crate::normalize::Normalized;

mod pattern;
mod table;

use pattern::{Letters, Slot, Words, compile, find, may_match};
use table::{COLD_TEMPERATURE, COMMON_VETOES, SPECS};

/// A rule that makes a comment urgent.
#[derive(Debug, PartialEq, Eq)]
pub struct UrgencyRule {
    /// Stable identifier, e.g. "gas_smell".
    pub name: &'static str,
    /// Taxonomy category code the danger usually belongs to, when there is one.
    pub category_hint: Option<&'static str>,
}

/// A text's words and commas as spans of its folded text, and where each
/// sentence starts among them, reused from one text to the next.
#[derive(Default)]
struct Scratch {
    spans: Vec<(u32, u32)>,
    /// The bit of each word's first byte.
    firsts: Vec<Letters>,
    sentence_starts: Vec<usize>,
    /// The bits of the first bytes of each sentence's words.
    sentence_letters: Vec<Letters>,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::default();
}

/// The first rule that fires on this text, if any.
pub fn urgent(n: &Normalized) -> Option<&'static UrgencyRule> {
    let folded = n.folded.as_str();
    let (table, common_vetoes, prefilters) = compiled();
    // Which rules have a prefilter in the text: one pass for all of them.
    let mut candidate = 0u64;
    for m in prefilters.ac.find_overlapping_iter(folded) {
        candidate |= 1 << prefilters.rule_of[m.pattern().as_usize()];
    }
    if candidate == 0 {
        return None;
    }
    SCRATCH.with(|scratch| {
        let scratch = &mut *scratch.borrow_mut();
        split(n, scratch);
        let all = Words {
            text: folded,
            spans: &scratch.spans,
            firsts: &scratch.firsts,
        };
        // Each sentence with the bits of its words' first bytes.
        let sentences = || {
            scratch
                .sentence_starts
                .windows(2)
                .zip(&scratch.sentence_letters)
                .map(|(w, &letters)| (all.slice(w[0]..w[1]), letters))
        };
        let starts = sentences().fold(Letters::default(), |a, (_, b)| a.or(b));
        let may = |slots: &[Slot]| may_match(slots, starts);
        let mut common_veto = None;
        for (k, spec) in SPECS.iter().enumerate() {
            if candidate & (1 << k) == 0 {
                continue;
            }
            let c = &table[k];
            let triggered = c.triggers.iter().any(|[pattern, near, not_near]| {
                let near_may = near.is_empty() || may(near);
                let not_near_may = !not_near.is_empty() && may(not_near);
                may(pattern)
                    && near_may
                    && sentences().any(|(s, letters)| {
                        may_match(pattern, letters)
                            && (near.is_empty() || may_match(near, letters))
                            && find(s, pattern, true)
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
                    None => cold_temperature(folded),
                })
            });
            if !in_context || c.vetoes.iter().any(|p| in_all(p)) {
                continue;
            }
            if *common_veto.get_or_insert_with(|| common_vetoes.iter().any(|p| in_all(p))) {
                return None;
            }
            return Some(&spec.rule);
        }
        None
    })
}

/// The words of `n` and each comma as a "," token, in order, and the
/// sentences they make (cut at `.`, `!`, `?`, a new line and `;`).
fn split(n: &Normalized, out: &mut Scratch) {
    out.spans.clear();
    out.sentence_starts.clear();
    out.sentence_starts.push(0);
    let bytes = n.folded.as_bytes();
    let gap = |from: usize, to: usize, out: &mut Scratch| {
        for (k, c) in bytes[from..to].iter().enumerate() {
            match c {
                b',' => out.spans.push(((from + k) as u32, (from + k + 1) as u32)),
                b'.' | b'!' | b'?' | b'\n' | b';' => out.sentence_starts.push(out.spans.len()),
                _ => {}
            }
        }
    };
    let mut at = 0;
    for &(a, b) in n.spans() {
        gap(at, a as usize, out);
        out.spans.push((a, b));
        at = b as usize;
    }
    gap(at, bytes.len(), out);
    out.sentence_starts.push(out.spans.len());
    out.firsts.clear();
    out.firsts.extend(
        out.spans
            .iter()
            .map(|&(a, _)| Letters::of_byte(bytes[a as usize])),
    );
    out.sentence_letters.clear();
    for w in out.sentence_starts.windows(2) {
        let letters = out.firsts[w[0]..w[1]]
            .iter()
            .fold(Letters::default(), |a, &b| a.or(b));
        out.sentence_letters.push(letters);
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

/// Every rule's prefilter substrings in one automaton.
struct Prefilters {
    ac: aho_corasick::AhoCorasick,
    /// For each pattern, the index of its rule in `SPECS`.
    rule_of: Vec<usize>,
}

type Tables = (Vec<Compiled>, Vec<Vec<Slot>>, Prefilters);

/// The compiled rule table (in `SPECS` order), the common vetoes and the
/// prefilters.
fn compiled() -> &'static Tables {
    static TABLE: OnceLock<Tables> = OnceLock::new();
    TABLE.get_or_init(|| {
        assert!(SPECS.len() <= 64, "the prefilters' bit set holds 64 rules");
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
        let (patterns, rule_of): (Vec<&str>, Vec<usize>) = SPECS
            .iter()
            .enumerate()
            .flat_map(|(k, spec)| spec.prefilter.iter().map(move |p| (*p, k)))
            .unzip();
        let prefilters = Prefilters {
            ac: aho_corasick::AhoCorasick::builder()
                .kind(Some(aho_corasick::AhoCorasickKind::DFA))
                .build(&patterns)
                .expect("rule prefilters build an automaton"),
            rule_of,
        };
        (
            specs,
            COMMON_VETOES.iter().map(|p| compile(p)).collect(),
            prefilters,
        )
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
