//! A byte automaton that finds, in one pass over a text, which of many
//! needles occur in it, every occurrence counted (overlapping), some needles
//! only at the start of a word. It answers with the union of the needles'
//! bits, which is all the cues and the rules' prefilters ask of a text. It
//! knows no needle: `cues` and `rules` give theirs.
//!
//! The automaton is a DFA built by subset construction over byte classes:
//! "at a word start" is one more symbol (any byte that is not an ASCII
//! letter or digit, and the start of the text), so the scan checks no
//! boundary. States are numbered times the stride, so a step is one table
//! read, and those that complete a needle come last, so a step tests one
//! comparison to know whether to read an output.

use std::collections::HashMap;
use std::collections::hash_map::Entry;

/// A string to look for and the bits it sets when found.
pub(crate) struct Needle<'a> {
    pub bytes: &'a [u8],
    /// Counts only where the byte before is not an ASCII letter or digit (or
    /// at the start of the text).
    pub word_start: bool,
    pub bits: u64,
}

pub(crate) struct Automaton {
    /// The class of each byte.
    classes: [u8; 256],
    /// `log2` of the stride (the number of classes rounded up to a power
    /// of two).
    shift: u32,
    /// Next state of each state and class, the state times the stride.
    next: Box<[u32]>,
    /// States from this one on complete a needle.
    first_output: u32,
    /// The bits of the states from `first_output` on.
    outputs: Box<[u64]>,
    /// The state at the start of a text, where a word starts.
    start: u32,
}

/// What a needle expects next: a byte, or any byte that ends a word.
#[derive(Clone, Copy)]
enum Symbol {
    Byte(u8),
    Boundary,
}

fn is_boundary(b: u8) -> bool {
    !b.is_ascii_alphanumeric()
}

impl Symbol {
    fn accepts(self, b: u8) -> bool {
        match self {
            Symbol::Byte(x) => x == b,
            Symbol::Boundary => is_boundary(b),
        }
    }
}

/// A set of needle positions (needle, symbols matched so far), sorted, with
/// the bits of the needles just completed: one DFA state.
type StateKey = (Vec<(u32, u32)>, u64);

impl Automaton {
    pub fn new(needles: &[Needle]) -> Self {
        let symbols: Vec<Vec<Symbol>> = needles
            .iter()
            .map(|n| {
                assert!(!n.bytes.is_empty(), "a needle has a byte");
                let boundary = n.word_start.then_some(Symbol::Boundary);
                boundary
                    .into_iter()
                    .chain(n.bytes.iter().map(|&b| Symbol::Byte(b)))
                    .collect()
            })
            .collect();
        let (classes, representatives) = byte_classes(needles);
        let stride = representatives.len().next_power_of_two();
        // Positions entered from nowhere on each class: a needle starting.
        let starting: Vec<Vec<(u32, u32)>> = representatives
            .iter()
            .map(|&b| {
                (0..symbols.len() as u32)
                    .filter(|&n| symbols[n as usize][0].accepts(b))
                    .map(|n| (n, 1))
                    .collect()
            })
            .collect();
        let step = |from: &[(u32, u32)], class: usize| -> StateKey {
            let b = representatives[class];
            let mut to: Vec<(u32, u32)> = from
                .iter()
                .filter(|&&(n, i)| symbols[n as usize][i as usize].accepts(b))
                .map(|&(n, i)| (n, i + 1))
                .chain(starting[class].iter().copied())
                .collect();
            let mut bits = 0;
            to.retain(|&(n, i)| {
                let done = i as usize == symbols[n as usize].len();
                if done {
                    bits |= needles[n as usize].bits;
                }
                !done
            });
            to.sort_unstable();
            (to, bits)
        };
        // The text's start is a word start: the needles at word starts have
        // their boundary behind them.
        let initial: Vec<(u32, u32)> = (0..symbols.len() as u32)
            .filter(|&n| needles[n as usize].word_start)
            .map(|n| (n, 1))
            .collect();
        let mut ids: HashMap<StateKey, usize> = HashMap::new();
        let mut states: Vec<StateKey> = vec![(initial.clone(), 0)];
        ids.insert((initial, 0), 0);
        let mut edges: Vec<usize> = Vec::new();
        let mut k = 0;
        while k < states.len() {
            for class in 0..representatives.len() {
                let key = step(&states[k].0, class);
                let id = match ids.entry(key) {
                    Entry::Occupied(e) => *e.get(),
                    Entry::Vacant(e) => {
                        states.push(e.key().clone());
                        *e.insert(states.len() - 1)
                    }
                };
                edges.push(id);
            }
            k += 1;
        }
        // Number the states that output last, keeping the order otherwise.
        let mut order: Vec<usize> = (0..states.len()).collect();
        order.sort_by_key(|&s| states[s].1 != 0);
        let mut new_id = vec![0u32; states.len()];
        for (new, &old) in order.iter().enumerate() {
            new_id[old] = (new * stride) as u32;
        }
        let mut next = vec![0u32; states.len() * stride];
        for (old, row) in edges.chunks(representatives.len()).enumerate() {
            let at = new_id[old] as usize;
            for (class, &to) in row.iter().enumerate() {
                next[at + class] = new_id[to];
            }
        }
        let silent = order.iter().take_while(|&&s| states[s].1 == 0).count();
        Automaton {
            classes,
            shift: stride.trailing_zeros(),
            next: next.into(),
            first_output: (silent * stride) as u32,
            outputs: order[silent..].iter().map(|&s| states[s].1).collect(),
            start: new_id[0],
        }
    }

    /// The union of the bits of the needles found in `text`.
    pub fn scan(&self, text: &[u8]) -> u64 {
        let mut state = self.start;
        let mut found = 0;
        for &b in text {
            state = self.next[(state + u32::from(self.classes[usize::from(b)])) as usize];
            if state >= self.first_output {
                found |= self.outputs[((state - self.first_output) >> self.shift) as usize];
            }
        }
        found
    }

    /// Number of states (for tests and sizing).
    #[cfg(test)]
    fn len(&self) -> usize {
        self.next.len() >> self.shift
    }
}

/// The class of each byte and a byte of each class: a byte some needle
/// names has a class of its own; the others share one class per side of
/// the word boundary.
fn byte_classes(needles: &[Needle]) -> ([u8; 256], Vec<u8>) {
    let mut named = [false; 256];
    for n in needles {
        for &b in n.bytes {
            named[usize::from(b)] = true;
        }
    }
    let mut classes = [0u8; 256];
    let mut representatives = Vec::new();
    let mut shared = [None, None];
    for b in 0..=255u8 {
        let class = if named[usize::from(b)] {
            representatives.push(b);
            representatives.len() - 1
        } else {
            *shared[usize::from(is_boundary(b))].get_or_insert_with(|| {
                representatives.push(b);
                representatives.len() - 1
            })
        };
        classes[usize::from(b)] = u8::try_from(class).expect("at most 256 classes");
    }
    (classes, representatives)
}

#[cfg(test)]
mod tests;
