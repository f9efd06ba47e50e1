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
    /// The words that may start a hit.
    starts: Vec<u32>,
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
        lookup(lex, n, &mut scratch.ids, &mut scratch.starts);
        let text = Text {
            n,
            lex,
            ids: &scratch.ids,
        };
        text.scan(&scratch.starts, &mut scratch.hits);
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

/// The ids of the text's words into `ids`, and the words that may start a
/// hit into `starts`.
fn lookup(lex: &Lexicon, n: &Normalized, ids: &mut Vec<u16>, starts: &mut Vec<u32>) {
    // Spans of bytes, not `words()`: the spans are char boundaries already,
    // and checking them again costs as much as the lookup.
    let folded = n.folded.as_bytes();
    ids.clear();
    starts.clear();
    for (i, &(a, b)) in n.spans().iter().enumerate() {
        let id = lex.id(&folded[a as usize..b as usize]);
        ids.push(id);
        if lex.may_start(id) {
            starts.push(i as u32);
        }
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
        self.lex.entries[usize::from(self.ids[k])].roles
    }

    /// The hits of the text into `hits`: at each word that may start one
    /// (`starts`), the longest phrase it starts, else the word itself, else
    /// an amenity (of no valence). A hit's words start no other.
    fn scan(&self, starts: &[u32], hits: &mut Vec<Hit>) {
        hits.clear();
        let mut free = 0;
        for &i in starts {
            let i = i as usize;
            if i < free {
                continue;
            }
            let entry = &self.lex.entries[usize::from(self.ids[i])];
            let found = entry
                .phrase(&self.ids[i..])
                .or_else(|| entry.valence.map(|v| (1, v)));
            match found {
                Some((len, raw)) => {
                    hits.push(Hit {
                        start: i,
                        end: i + len,
                        raw,
                    });
                    free = i + len;
                }
                None if entry.roles.any(Roles::AMENITY) => hits.push(Hit {
                    start: i,
                    end: i + 1,
                    raw: 0.0,
                }),
                None => {}
            }
        }
        // An intensifier right before another hit modifies it instead of
        // counting on its own ("super sympa", "bien sale"). In place: the
        // test of hit k reads hit k + 1, not yet moved.
        let mut kept = 0;
        for k in 0..hits.len() {
            let h = hits[k];
            let next_adjacent = hits
                .get(k + 1)
                .is_some_and(|n| n.start == h.end && n.raw != 0.0);
            if h.end - h.start == 1 && self.roles(h.start).any(Roles::BOOSTER) && next_adjacent {
                continue;
            }
            hits[kept] = h;
            kept += 1;
        }
        hits.truncate(kept);
    }

    /// Scales each hit by its context, passes its value to `add` in order,
    /// and records in `a` what the hits show.
    fn score_hits(&self, hits: &[Hit], a: &mut Analysis, add: &mut impl FnMut(f32)) {
        if hits.is_empty() {
            return;
        }
        let but = (0..self.ids.len())
            .rev()
            .find(|&k| self.roles(k).any(Roles::BUT));
        let shouting = self.n.caps_ratio >= 0.5;
        for h in hits {
            let mut value = h.raw;
            let before = self.window(h.start, 2);
            if h.raw == 0.0 {
                // an amenity: only its absence counts
            } else if before.clone().any(|k| self.roles(k).any(Roles::BOOSTER)) {
                value *= BOOST;
                a.signals.intensified += 1;
            } else if before.clone().any(|k| self.roles(k).any(Roles::DAMPENER)) {
                value *= DAMPEN;
            }
            let negated = self.negated(h);
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

    /// Indices of the (up to) `n` words before `start` in its clause.
    fn window(&self, start: usize, n: usize) -> Range<usize> {
        let mut from = start;
        while from > 0 && start - from < n && !self.clause_break_before(from) {
            from -= 1;
        }
        from..start
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

    fn negated(&self, h: &Hit) -> bool {
        if (h.start..h.end).any(|k| self.roles(k).any(Roles::NEGATOR.with(Roles::PLUS))) {
            return false; // the entry already says it ("pas mal", "toujours rien")
        }
        if self.window(h.start, 3).any(|k| self.is_negator(k)) {
            return true;
        }
        // "ne … pas" around the word: "je ne suis pas", "n'est jamais propre".
        let ne_before = self
            .window(h.start, 2)
            .any(|k| self.roles(k).any(Roles::NE));
        ne_before
            && (h.end..(h.end + 2).min(self.ids.len()))
                .take_while(|&k| (h.start + 1..=k).all(|j| !self.clause_break_before(j)))
                .any(|k| self.roles(k).any(Roles::NE_CLOSER))
    }
}
