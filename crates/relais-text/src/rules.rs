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

use std::sync::OnceLock;

use crate::normalize::Normalized;

mod table;

use table::{COLD_TEMPERATURE, COMMON_VETOES, SPECS};

/// A rule that makes a comment urgent.
#[derive(Debug, PartialEq, Eq)]
pub struct UrgencyRule {
    /// Stable identifier, e.g. "gas_smell".
    pub name: &'static str,
    /// Taxonomy category code the danger usually belongs to, when there is one.
    pub category_hint: Option<&'static str>,
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
    let mut candidates = SPECS
        .iter()
        .enumerate()
        .filter(|(k, _)| candidate & (1 << k) != 0)
        .peekable();
    candidates.peek()?;
    let sentences: Vec<Vec<&str>> = folded
        .split(['.', '!', '?', '\n', ';'])
        .map(words_and_commas)
        .filter(|s| !s.is_empty())
        .collect();
    let all: Vec<&str> = sentences.concat();
    let starts = FirstBytes::of_words(&all);
    let find = |words: &[&str], slots: &[Slot], guard: bool| {
        slots.iter().all(|slot| slot.may_match(&starts)) && find(words, slots, guard)
    };
    let mut common_veto = None;
    for (k, spec) in candidates {
        let c = &table[k];
        let triggered = c.triggers.iter().any(|[pattern, near, not_near]| {
            sentences.iter().any(|s| {
                find(s, pattern, true)
                    && (near.is_empty() || find(s, near, false))
                    && (not_near.is_empty() || !find(s, not_near, false))
            })
        });
        if !triggered {
            continue;
        }
        let in_context = c.context.iter().all(|group| {
            group.iter().any(|p| match p {
                Some(p) => find(&all, p, true),
                None => cold_temperature(folded),
            })
        });
        if !in_context || c.vetoes.iter().any(|p| find(&all, p, true)) {
            continue;
        }
        if *common_veto.get_or_insert_with(|| common_vetoes.iter().any(|p| find(&all, p, true))) {
            return None;
        }
        return Some(&spec.rule);
    }
    None
}

/// Words of a sentence, with each comma kept as a "," token so that a
/// negation does not reach across it ("ne peut pas descendre, l'ascenseur
/// est en panne").
fn words_and_commas(sentence: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for (k, clause) in sentence.split(',').enumerate() {
        if k > 0 {
            out.push(",");
        }
        out.extend(
            clause
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty()),
        );
    }
    out
}

/// A compiled pattern slot: a gap, or alternatives of word sequences.
enum Slot {
    Gap(usize),
    Alternatives(Vec<Vec<Part>>, FirstBytes),
}

/// The bytes an alternative's first word can start with, so that most
/// words are turned away without comparing them to every alternative.
struct FirstBytes {
    bits: [u64; 4],
    /// Some alternative starts with an empty word or prefix.
    any: bool,
}

impl FirstBytes {
    fn of(alts: &[Vec<Part>]) -> Self {
        let mut out = Self {
            bits: [0; 4],
            any: false,
        };
        for alt in alts {
            let word = match alt.first() {
                Some(Part::Exact(w) | Part::Prefix(w)) => w,
                None => "",
            };
            match word.as_bytes().first() {
                Some(&b) => out.bits[usize::from(b >> 6)] |= 1 << (b & 63),
                None => out.any = true,
            }
        }
        out
    }

    /// The first bytes of `words`.
    fn of_words(words: &[&str]) -> Self {
        let mut out = Self {
            bits: [0; 4],
            any: false,
        };
        for b in words.iter().filter_map(|w| w.as_bytes().first()) {
            out.bits[usize::from(b >> 6)] |= 1 << (b & 63);
        }
        out
    }

    /// False when no alternative can match a word.
    fn admits(&self, word: &str) -> bool {
        self.any
            || word
                .as_bytes()
                .first()
                .is_some_and(|&b| self.bits[usize::from(b >> 6)] & (1 << (b & 63)) != 0)
    }
}

impl Slot {
    /// False when no word of a text whose words start with `starts` can
    /// match this slot (every slot of a pattern must match a word).
    fn may_match(&self, starts: &FirstBytes) -> bool {
        match self {
            Slot::Gap(_) => true,
            Slot::Alternatives(_, first) => {
                first.any || first.bits.iter().zip(starts.bits).any(|(a, b)| a & b != 0)
            }
        }
    }
}

enum Part {
    Exact(&'static str),
    Prefix(&'static str),
}

fn compile(pattern: &'static str) -> Vec<Slot> {
    pattern
        .split_whitespace()
        .map(|slot| match slot {
            "_" => Slot::Gap(3),
            "__" => Slot::Gap(6),
            _ => {
                let alts: Vec<Vec<Part>> = slot
                    .split('|')
                    .map(|alt| {
                        alt.split('+')
                            .map(|w| w.strip_suffix('*').map_or(Part::Exact(w), Part::Prefix))
                            .collect()
                    })
                    .collect();
                let first = FirstBytes::of(&alts);
                Slot::Alternatives(alts, first)
            }
        })
        .collect()
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

/// True when the pattern matches somewhere in `words`; with `guard`, a match
/// right after a negation ("pas d'odeur de gaz", "ne sent plus le gaz") does
/// not count. An empty pattern matches nothing.
fn find(words: &[&str], slots: &[Slot], guard: bool) -> bool {
    !slots.is_empty()
        && (0..words.len()).any(|start| {
            match_at(words, start, slots).is_some() && !(guard && negated(words, start))
        })
}

fn match_at(words: &[&str], start: usize, slots: &[Slot]) -> Option<usize> {
    let Some((slot, rest)) = slots.split_first() else {
        return Some(start);
    };
    match slot {
        Slot::Gap(max) => (0..=*max)
            .take_while(|skip| start + skip <= words.len())
            .find_map(|skip| match_at(words, start + skip, rest)),
        Slot::Alternatives(_, first) if !first.admits(words.get(start)?) => None,
        Slot::Alternatives(alts, _) => alts.iter().find_map(|alt| {
            let mut pos = start;
            for part in alt {
                let w = words.get(pos)?;
                let ok = match part {
                    Part::Prefix(prefix) => w.starts_with(prefix),
                    Part::Exact(exact) => w == exact,
                };
                if !ok {
                    return None;
                }
                pos += 1;
            }
            match_at(words, pos, rest)
        }),
    }
}

fn negated(words: &[&str], start: usize) -> bool {
    let clause_start = words[..start]
        .iter()
        .rposition(|w| *w == ",")
        .map_or(0, |k| k + 1);
    let before = start.saturating_sub(3).max(clause_start)..start;
    let negator = |k: usize| {
        matches!(
            words[k],
            "pas" | "plus" | "jamais" | "rien" | "aucun" | "aucune" | "sans" | "ni"
        ) || (words[k] == "personne" && words.get(k + 1).is_some_and(|n| *n == "n" || *n == "ne"))
    };
    if before.clone().any(negator) {
        return true;
    }
    let ne_before = (start.saturating_sub(2).max(clause_start)..start)
        .any(|k| words[k] == "ne" || words[k] == "n");
    let neg_after = (start + 1..(start + 3).min(words.len()))
        .any(|k| matches!(words[k], "pas" | "plus" | "jamais"));
    ne_before && neg_after
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
