//! The rules that turn lexicon hits into signals: one pass looks each word
//! up, a scan finds the hits (longest phrase first), then each hit is scaled
//! by the words around it in its clause and summed.
//!
//! Classification runs this for every comment, so nothing is allocated per
//! text: the word ids and hits live in per-thread buffers. The order of the
//! floating-point operations is part of the output (the models read these
//! numbers): keep it when changing a rule.

use std::cell::RefCell;
use std::ops::Range;

use super::SentimentSignals;
use super::roles::Roles;
use super::table::{Lexicon, lexicon};
use crate::normalize::Normalized;

const LACK: f32 = -1.2;
const NEGATION_SCALAR: f32 = -0.74;
const BOOST: f32 = 1.3;
const DAMPEN: f32 = 0.6;

/// What the lexicon finds in one text: its signals and the features built
/// from its hits.
#[derive(Default)]
pub(super) struct Analysis {
    pub signals: SentimentSignals,
    /// A hit of valence ≥ 2.5 (≤ -2.5) not negated.
    pub strong_pos: bool,
    pub strong_neg: bool,
    /// A negative (positive) hit negated.
    pub neg_negated: bool,
    pub pos_negated: bool,
    /// An amenity (or a hit of no valence) negated: "pas de chauffage".
    pub lack: bool,
    /// An emoji of valence > 0.5 (< -0.5).
    pub emoji_pos: bool,
    pub emoji_neg: bool,
}

#[derive(Debug, Clone, Copy)]
struct Hit {
    start: usize,
    end: usize,
    raw: f32,
}

/// Buffers reused from one text to the next on a thread.
#[derive(Default)]
struct Scratch {
    /// The id of each word of the text.
    ids: Vec<u16>,
    hits: Vec<Hit>,
    /// (emoji index, times seen) for the text's known emojis.
    emojis: Vec<(u32, u32)>,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::default();
}

pub(super) fn analyse(n: &Normalized) -> Analysis {
    SCRATCH.with(|scratch| {
        let scratch = &mut *scratch.borrow_mut();
        let lex = lexicon();
        lookup(lex, n, &mut scratch.ids);
        let text = Text {
            n,
            lex,
            ids: &scratch.ids,
        };
        text.scan(&mut scratch.hits);
        let mut a = Analysis::default();
        let (mut positive, mut negative) = (0.0f32, 0.0f32);
        let mut add = |v: f32| {
            if v > 0.0 {
                positive += v;
            } else {
                negative -= v;
            }
        };
        text.score_hits(&scratch.hits, &mut a, &mut add);
        scratch.emojis.clear();
        for e in &n.emojis {
            let Some(index) = lex.emoji(e.trim_end_matches('\u{fe0f}')) else {
                continue;
            };
            if seen(&mut scratch.emojis, index) > 3 {
                continue; // "👏👏👏👏👏" says no more than three
            }
            let v = lex.emoji_valences[index as usize];
            add(v);
            a.emoji_pos |= v > 0.5;
            a.emoji_neg |= v < -0.5;
        }
        let mut sum = positive - negative;
        if sum != 0.0 {
            sum += sum.signum() * n.exclamations.min(4) as f32 * 0.292;
        }
        a.signals.positive = positive;
        a.signals.negative = negative;
        a.signals.score = sum / (sum * sum + 15.0).sqrt();
        a
    })
}

/// The ids of the text's words into `ids`.
fn lookup(lex: &Lexicon, n: &Normalized, ids: &mut Vec<u16>) {
    // Spans of bytes, not `words()`: the spans are char boundaries already,
    // and checking them again costs as much as the lookup. Sized first, so
    // that the loop only writes.
    let folded = n.folded.as_bytes();
    ids.clear();
    ids.resize(n.spans().len(), 0);
    for (id, &(a, b)) in ids.iter_mut().zip(n.spans()) {
        *id = lex.id_in(folded, a as usize..b as usize);
    }
}

/// Counts one more sighting of `index` and returns how many so far.
fn seen(counts: &mut Vec<(u32, u32)>, index: u32) -> u32 {
    if let Some((_, count)) = counts.iter_mut().find(|(i, _)| *i == index) {
        *count += 1;
        return *count;
    }
    counts.push((index, 1));
    1
}

/// A text's words as the lexicon knows them.
struct Text<'a> {
    n: &'a Normalized,
    lex: &'a Lexicon,
    ids: &'a [u16],
}

impl Text<'_> {
    fn roles(&self, k: usize) -> Roles {
        self.lex.roles[usize::from(self.ids[k])]
    }

    /// The hits of the text into `hits`: at each word that may start one,
    /// the longest phrase it starts, else the word itself, else an amenity
    /// (of no valence). A hit's words start no other.
    fn scan(&self, hits: &mut Vec<Hit>) {
        hits.clear();
        let ids = self.ids;
        let mut i = 0;
        while i < ids.len() {
            if !self.lex.may_start(ids[i]) {
                i += 1;
                continue;
            }
            let entry = &self.lex.entries[usize::from(ids[i])];
            let found = entry
                .phrase(&ids[i..])
                .or_else(|| entry.valence.map(|v| (1, v)));
            match found {
                Some((len, raw)) => {
                    self.push(hits, i, len, raw);
                    i += len;
                }
                None if self.roles(i).any(Roles::AMENITY) => {
                    self.push(hits, i, 1, 0.0);
                    i += 1;
                }
                None => i += 1,
            }
        }
    }

    /// Pushes the hit of the `len` words from `start`. An intensifier right
    /// before it modifies it instead of counting on its own ("super sympa",
    /// "bien sale"): the hit before, when it is one, goes.
    fn push(&self, hits: &mut Vec<Hit>, start: usize, len: usize, raw: f32) {
        if let Some(last) = hits.last()
            && raw != 0.0
            && last.end == start
            && last.end - last.start == 1
            && self.roles(last.start).any(Roles::BOOSTER)
        {
            hits.pop();
        }
        hits.push(Hit {
            start,
            end: start + len,
            raw,
        });
    }

    /// Scales each hit by its context, passes its value to `add` in order,
    /// and records in `a` what the hits show.
    fn score_hits(&self, hits: &[Hit], a: &mut Analysis, add: &mut impl FnMut(f32)) {
        if hits.is_empty() {
            return;
        }
        let but = self.ids.iter().rposition(|&id| id == self.lex.but);
        let shouting = self.n.caps_ratio >= 0.5;
        for h in hits {
            // The three words before the hit in its clause, and the roles
            // of the two nearest.
            let from3 = self.clause_start(h.start, 3);
            let near = self.roles_in(from3.max(h.start.saturating_sub(2))..h.start);
            let mut value = h.raw;
            if h.raw == 0.0 {
                // an amenity: only its absence counts
            } else if near.any(Roles::BOOSTER) {
                value *= BOOST;
                a.signals.intensified += 1;
            } else if near.any(Roles::DAMPENER) {
                value *= DAMPEN;
            }
            let negated = self.negated(h, from3, near);
            if negated {
                value = if h.raw == 0.0 {
                    LACK
                } else {
                    value * NEGATION_SCALAR
                };
                a.signals.negated += 1;
            } else if h.raw > 0.0
                && self.n.questions > 0
                && h.end - h.start == 1
                && self.roles(h.start).any(Roles::THANKS)
            {
                value *= 0.2; // "…, comment faire ? Merci": politeness, not praise
            }
            if let Some(m) = but {
                value *= if h.start < m { 0.5 } else { 1.5 };
            }
            if shouting {
                value *= 1.25;
            }
            add(value);
            a.strong_pos |= h.raw >= 2.5 && !negated;
            a.strong_neg |= h.raw <= -2.5 && !negated;
            a.neg_negated |= h.raw < 0.0 && negated;
            a.pos_negated |= h.raw > 0.0 && negated;
            a.lack |= h.raw == 0.0 && negated;
        }
        if shouting {
            a.signals.intensified += hits.len() as u32;
        }
    }

    /// All the roles of the words in `range`.
    fn roles_in(&self, range: Range<usize>) -> Roles {
        range.fold(Roles::default(), |all, k| all.with(self.roles(k)))
    }

    /// Whether a clause mark (`,` `.` `!` `(`…) stands between word `k - 1`
    /// and word `k`: negations and intensifiers do not reach across it.
    fn clause_break_before(&self, k: usize) -> bool {
        let spans = self.n.spans();
        let gap = &self.n.folded.as_bytes()[spans[k - 1].1 as usize..spans[k].0 as usize];
        gap.iter().any(|c| {
            matches!(
                c,
                b',' | b'.' | b';' | b':' | b'!' | b'?' | b'\n' | b'(' | b')'
            )
        })
    }

    /// The first of the (up to) `n` words before `start` in its clause.
    fn clause_start(&self, start: usize, n: usize) -> usize {
        let mut from = start;
        while from > 0 && start - from < n && !self.clause_break_before(from) {
            from -= 1;
        }
        from
    }

    fn is_negator(&self, k: usize) -> bool {
        let roles = self.roles(k);
        if roles.any(Roles::NEGATOR) {
            return true;
        }
        // "plus" negates after "ne"/"n'" or before "de" ("plus de chauffage"),
        // and compares otherwise ("plus propre").
        roles.any(Roles::PLUS)
            && ((k >= 1 && self.roles(k - 1).any(Roles::NE))
                || (k >= 2 && self.roles(k - 2).any(Roles::NE))
                || (k + 1 < self.ids.len() && self.roles(k + 1).any(Roles::DE)))
    }

    /// Whether a negation flips the hit, given the first of the three words
    /// before it in its clause and the roles of the two nearest.
    fn negated(&self, h: &Hit, from3: usize, near: Roles) -> bool {
        if self
            .roles_in(h.start..h.end)
            .any(Roles::NEGATOR.with(Roles::PLUS))
        {
            return false; // the entry already says it ("pas mal", "toujours rien")
        }
        if (from3..h.start).any(|k| self.is_negator(k)) {
            return true;
        }
        // "ne … pas" around the word: "je ne suis pas", "n'est jamais propre".
        near.any(Roles::NE)
            && (h.end..(h.end + 2).min(self.ids.len()))
                .take_while(|&k| (h.start + 1..=k).all(|j| !self.clause_break_before(j)))
                .any(|k| self.roles(k).any(Roles::NE_CLOSER))
    }
}
