//! The rules' pattern engine: a pattern compiled into slots, and matching it
//! against a text's words. It knows no rule; `table` holds them.

/// A text's words and commas (each comma is a "," token, so that a
/// negation does not reach across it: "ne peut pas descendre, l'ascenseur
/// est en panne"), as spans of its folded text, with the bit of each one's
/// first byte. A sentence is a sub-slice.
#[derive(Clone, Copy)]
pub(super) struct Words<'a> {
    pub text: &'a str,
    pub spans: &'a [(u32, u32)],
    pub firsts: &'a [Letters],
}

impl<'a> Words<'a> {
    fn len(&self) -> usize {
        self.spans.len()
    }

    fn word(&self, k: usize) -> &'a str {
        let (a, b) = self.spans[k];
        &self.text[a as usize..b as usize]
    }

    fn get(&self, k: usize) -> Option<&'a str> {
        (k < self.len()).then(|| self.word(k))
    }

    /// Words `range` of these.
    pub fn slice(&self, range: std::ops::Range<usize>) -> Self {
        Self {
            text: self.text,
            spans: &self.spans[range.clone()],
            firsts: &self.firsts[range],
        }
    }
}

/// A compiled pattern slot: a gap, or alternatives of word sequences.
pub(super) enum Slot {
    Gap(usize),
    Alternatives(Vec<Vec<Part>>, Letters),
}

/// A set of first bytes, one bit per lower-case letter and a few bits
/// shared by the other bytes: those an alternative's first word can start
/// with, so that most words are turned away without comparing them to
/// every alternative, or those the words of a text or a sentence start
/// with. Two bytes with the same bit are told apart by the comparison.
#[derive(Clone, Copy, Default)]
pub(super) struct Letters(u32);

impl Letters {
    /// Every byte.
    const ALL: Self = Self(u32::MAX);

    /// The bit of a byte.
    pub fn of_byte(b: u8) -> Self {
        match b {
            b'a'..=b'z' => Self(1 << (b - b'a')),
            _ => Self(1 << (26 + b % 6)),
        }
    }

    fn of(alts: &[Vec<Part>]) -> Self {
        let mut out = Self::default();
        for alt in alts {
            let word = match alt.first() {
                Some(Part::Exact(w) | Part::Prefix(w)) => w,
                None => "",
            };
            out = out.or(word
                .as_bytes()
                .first()
                .map_or(Self::ALL, |&b| Self::of_byte(b)));
        }
        out
    }

    pub fn or(self, other: Self) -> Self {
        Self(self.0 | other.0)
    }

    fn meets(self, other: Self) -> bool {
        self.0 & other.0 != 0
    }
}

impl Slot {
    /// False when no word of a text whose words start with `starts` can
    /// match this slot (every slot of a pattern must match a word).
    fn may_match(&self, starts: Letters) -> bool {
        match self {
            Slot::Gap(_) => true,
            Slot::Alternatives(_, first) => first.meets(starts),
        }
    }
}

/// False when a pattern cannot match in a text whose words start with
/// `starts`.
pub(super) fn may_match(slots: &[Slot], starts: Letters) -> bool {
    slots.iter().all(|slot| slot.may_match(starts))
}

pub(super) enum Part {
    Exact(&'static str),
    Prefix(&'static str),
}

/// Compiles a pattern of `table`'s syntax.
pub(super) fn compile(pattern: &'static str) -> Vec<Slot> {
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
                let first = Letters::of(&alts);
                Slot::Alternatives(alts, first)
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
        let admitted = match head {
            Slot::Gap(_) => true,
            Slot::Alternatives(_, first) => first.meets(words.firsts[start]),
        };
        admitted && match_at(words, start, slots).is_some() && !(guard && negated(words, start))
    })
}

fn match_at(words: Words, start: usize, slots: &[Slot]) -> Option<usize> {
    let Some((slot, rest)) = slots.split_first() else {
        return Some(start);
    };
    match slot {
        Slot::Gap(max) => (0..=*max)
            .take_while(|skip| start + skip <= words.len())
            .find_map(|skip| match_at(words, start + skip, rest)),
        Slot::Alternatives(_, first)
            if !words.firsts.get(start).is_some_and(|f| first.meets(*f)) =>
        {
            None
        }
        Slot::Alternatives(alts, _) => alts.iter().find_map(|alt| {
            let mut pos = start;
            for part in alt {
                let w = words.get(pos)?;
                let ok = match part {
                    Part::Prefix(prefix) => w.starts_with(prefix),
                    Part::Exact(exact) => w == *exact,
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

fn negated(words: Words, start: usize) -> bool {
    let clause_start = (0..start)
        .rposition(|k| words.word(k) == ",")
        .map_or(0, |k| k + 1);
    let before = start.saturating_sub(3).max(clause_start)..start;
    let negator = |k: usize| {
        matches!(
            words.word(k),
            "pas" | "plus" | "jamais" | "rien" | "aucun" | "aucune" | "sans" | "ni"
        ) || (words.word(k) == "personne"
            && words.get(k + 1).is_some_and(|n| n == "n" || n == "ne"))
    };
    if before.clone().any(negator) {
        return true;
    }
    let ne_before = (start.saturating_sub(2).max(clause_start)..start)
        .any(|k| matches!(words.word(k), "ne" | "n"));
    let neg_after = (start + 1..(start + 3).min(words.len()))
        .any(|k| matches!(words.word(k), "pas" | "plus" | "jamais"));
    ne_before && neg_after
}
