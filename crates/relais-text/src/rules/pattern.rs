//! The rules' pattern engine: a pattern compiled into slots of numbered
//! words (`vocabulary`), and matching it against a text's words, each
//! already looked up. It knows no rule; `table` holds them.

use super::vocabulary::Builder;

/// A word or comma of a text: the numbers of the pattern words it matches
/// (`Words::ids[from..to]`) and what it is to a negation.
#[derive(Clone, Copy)]
pub(super) struct Token {
    pub from: u32,
    pub to: u32,
    pub flags: u8,
}

/// Bits of `Token::flags`.
pub(super) mod flag {
    /// ",": a negation does not reach across it.
    pub const COMMA: u8 = 1;
    /// "pas", "plus", "jamais", "rien", "aucun", "aucune", "sans", "ni".
    pub const NEGATOR: u8 = 2;
    /// "personne", a negator when "n" or "ne" follows.
    pub const PERSONNE: u8 = 4;
    /// "ne", "n".
    pub const NE: u8 = 8;
    /// "pas", "plus", "jamais": a negation after "ne".
    pub const AFTER: u8 = 16;
}

/// The words that make a negation, with their flags.
pub(super) const NEGATION_WORDS: &[(&str, u8)] = &[
    (",", flag::COMMA),
    ("pas", flag::NEGATOR | flag::AFTER),
    ("plus", flag::NEGATOR | flag::AFTER),
    ("jamais", flag::NEGATOR | flag::AFTER),
    ("rien", flag::NEGATOR),
    ("aucun", flag::NEGATOR),
    ("aucune", flag::NEGATOR),
    ("sans", flag::NEGATOR),
    ("ni", flag::NEGATOR),
    ("personne", flag::PERSONNE),
    ("ne", flag::NE),
    ("n", flag::NE),
];

/// A text's words and commas (each comma is a "," token, so that a
/// negation does not reach across it: "ne peut pas descendre, l'ascenseur
/// est en panne"). A sentence is a sub-slice.
#[derive(Clone, Copy)]
pub(super) struct Words<'a> {
    pub tokens: &'a [Token],
    pub ids: &'a [u16],
}

impl<'a> Words<'a> {
    fn len(&self) -> usize {
        self.tokens.len()
    }

    /// The pattern words the `k`th token matches.
    fn ids_at(&self, k: usize) -> &'a [u16] {
        let t = self.tokens[k];
        &self.ids[t.from as usize..t.to as usize]
    }

    fn flags(&self, k: usize) -> u8 {
        self.tokens[k].flags
    }

    /// Words `range` of these.
    pub fn slice(&self, range: std::ops::Range<usize>) -> Self {
        Self {
            tokens: &self.tokens[range],
            ids: self.ids,
        }
    }
}

/// A set of pattern word numbers: bits from the `base`th group of 64 on.
#[derive(Default)]
pub(super) struct WordSet {
    base: usize,
    bits: Vec<u64>,
}

impl WordSet {
    fn of(ids: &[u16]) -> Self {
        let Some(low) = ids.iter().map(|&id| usize::from(id) >> 6).min() else {
            return Self::default();
        };
        let high = ids
            .iter()
            .map(|&id| usize::from(id) >> 6)
            .max()
            .unwrap_or(low);
        let mut bits = vec![0u64; high - low + 1];
        for &id in ids {
            bits[(usize::from(id) >> 6) - low] |= 1 << (id & 63);
        }
        Self { base: low, bits }
    }

    fn contains(&self, id: u16) -> bool {
        let group = (usize::from(id) >> 6).wrapping_sub(self.base);
        self.bits
            .get(group)
            .is_some_and(|bits| bits >> (id & 63) & 1 != 0)
    }

    /// True when one of `ids` is in the set.
    fn any(&self, ids: &[u16]) -> bool {
        ids.iter().any(|&id| self.contains(id))
    }

    /// True when the set meets `present`, a bit set of every number.
    fn meets(&self, present: &[u64]) -> bool {
        self.bits
            .iter()
            .zip(&present[self.base.min(present.len())..])
            .any(|(a, b)| a & b != 0)
    }
}

/// A compiled pattern slot: a gap, or alternatives of words and of word
/// sequences.
pub(super) enum Slot {
    Gap(usize),
    Alternatives {
        /// The one-word alternatives.
        words: WordSet,
        /// The alternatives of several words.
        sequences: Vec<Vec<u16>>,
        /// The words an alternative starts with: a text without any of
        /// them cannot match the slot.
        starts: WordSet,
    },
}

/// False when a pattern cannot match in a text whose words match the
/// pattern words `present` (a bit set of their numbers): every slot of a
/// pattern must match a word.
pub(super) fn may_match(slots: &[Slot], present: &[u64]) -> bool {
    slots.iter().all(|slot| match slot {
        Slot::Gap(_) => true,
        Slot::Alternatives { starts, .. } => starts.meets(present),
    })
}

/// Compiles a pattern of `table`'s syntax, numbering its words in `words`.
pub(super) fn compile(pattern: &'static str, words: &mut Builder) -> Vec<Slot> {
    pattern
        .split_whitespace()
        .map(|slot| match slot {
            "_" => Slot::Gap(3),
            "__" => Slot::Gap(6),
            _ => {
                let alts: Vec<Vec<u16>> = slot
                    .split('|')
                    .map(|alt| {
                        alt.split('+')
                            .map(|w| match w.strip_suffix('*') {
                                Some(prefix) => words.id(prefix, true),
                                None => words.id(w, false),
                            })
                            .collect()
                    })
                    .collect();
                let (single, sequences): (Vec<_>, Vec<_>) =
                    alts.into_iter().partition(|alt| alt.len() == 1);
                let single: Vec<u16> = single.into_iter().flatten().collect();
                let firsts: Vec<u16> = single
                    .iter()
                    .copied()
                    .chain(sequences.iter().map(|s| s[0]))
                    .collect();
                Slot::Alternatives {
                    words: WordSet::of(&single),
                    sequences,
                    starts: WordSet::of(&firsts),
                }
            }
        })
        .collect()
}

/// True when the pattern matches somewhere in `words`; with `guard`, a match
/// right after a negation ("pas d'odeur de gaz", "ne sent plus le gaz") does
/// not count. An empty pattern matches nothing.
pub(super) fn find(words: Words, slots: &[Slot], guard: bool) -> bool {
    let Some(head) = slots.first() else {
        return false;
    };
    (0..words.len()).any(|start| {
        // Most words start no alternative: turn them away before the call.
        let admitted = match head {
            Slot::Gap(_) => true,
            Slot::Alternatives { starts, .. } => starts.any(words.ids_at(start)),
        };
        admitted && match_at(words, start, slots) && !(guard && negated(words, start))
    })
}

/// True when `slots` match the words from `start` on.
fn match_at(words: Words, start: usize, slots: &[Slot]) -> bool {
    let Some((slot, rest)) = slots.split_first() else {
        return true;
    };
    match slot {
        Slot::Gap(max) => (0..=*max)
            .take_while(|skip| start + skip <= words.len())
            .any(|skip| match_at(words, start + skip, rest)),
        Slot::Alternatives {
            words: one,
            sequences,
            starts,
        } => {
            if start >= words.len() {
                return false;
            }
            let ids = words.ids_at(start);
            if !starts.any(ids) {
                return false;
            }
            (one.any(ids) && match_at(words, start + 1, rest))
                || sequences.iter().any(|seq| {
                    start + seq.len() <= words.len()
                        && seq
                            .iter()
                            .enumerate()
                            .all(|(k, &id)| words.ids_at(start + k).contains(&id))
                        && match_at(words, start + seq.len(), rest)
                })
        }
    }
}

/// True when the word at `start` follows a negator ("pas", "plus"…) by at
/// most three words, or "ne"/"n" by at most two with "pas", "plus" or
/// "jamais" right after it, within its clause (commas cut clauses).
fn negated(words: Words, start: usize) -> bool {
    let mut from = start.saturating_sub(3);
    if let Some(comma) = (from..start).rposition(|k| words.flags(k) & flag::COMMA != 0) {
        from += comma + 1;
    }
    let negator = |k: usize| {
        let f = words.flags(k);
        f & flag::NEGATOR != 0
            || (f & flag::PERSONNE != 0
                && k + 1 < words.len()
                && words.flags(k + 1) & flag::NE != 0)
    };
    if (from..start).any(negator) {
        return true;
    }
    let ne_before =
        (from.max(start.saturating_sub(2))..start).any(|k| words.flags(k) & flag::NE != 0);
    let neg_after =
        (start + 1..(start + 3).min(words.len())).any(|k| words.flags(k) & flag::AFTER != 0);
    ne_before && neg_after
}
