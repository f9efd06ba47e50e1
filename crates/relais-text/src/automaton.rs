//! A byte automaton that finds, in one pass over a text, which of many
//! needles occur in it, every occurrence counted (overlapping), some needles
//! only at the start of a word. It answers with the union of the needles'
//! bits, which is all the cues and the rules' prefilters ask of a text. It
//! knows no needle: `cues` and `rules` give theirs.
//!
//! The automaton is a DFA built by subset construction over byte classes.
//! A byte that is not an ASCII letter or digit, like the start of the text,
//! lets every needle at word starts begin with the next byte, so the scan
//! checks no boundary. States are numbered times the stride, so a step is
//! one table read, and those that complete a needle come first, so a step
//! tests one comparison to know whether to read an output.

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
    /// Next state of each state and class, the state times the stride; a
    /// power of two long.
    next: Box<[u32]>,
    /// States below this one complete a needle.
    silent: u32,
    /// The bits of the states below `silent`.
    outputs: Box<[u64]>,
    /// The state at the start of a text, where a word starts.
    start: u32,
}

fn is_boundary(b: u8) -> bool {
    !b.is_ascii_alphanumeric()
}

/// A DFA state: the needle positions in progress, sorted, with the bits of
/// the needles just completed. A position is a needle and how many of its
/// bytes are matched (see `Automaton::new`); `AFTER_BOUNDARY` stands for
/// every needle at word starts waiting for its first byte, so that the
/// hundreds of them count as one.
type StateKey = (Vec<u32>, u64);

const AFTER_BOUNDARY: u32 = u32::MAX;

impl Automaton {
    pub fn new(needles: &[Needle]) -> Self {
        // Position `first[n] + i - 1`: needle `n` with `i` bytes matched,
        // `i` from 1 to its length less one (a needle matched whole is an
        // output, not a position).
        let mut first = Vec::with_capacity(needles.len());
        let mut owner: Vec<usize> = Vec::new();
        for (n, needle) in needles.iter().enumerate() {
            assert!(!needle.bytes.is_empty(), "a needle has a byte");
            first.push(owner.len());
            owner.extend(std::iter::repeat_n(n, needle.bytes.len() - 1));
        }
        let (classes, representatives) = byte_classes(needles);
        let stride = representatives.len().next_power_of_two();
        // The needles each class starts, anywhere and after a boundary.
        let starting = |word_start: bool| -> Vec<Vec<usize>> {
            representatives
                .iter()
                .map(|&b| {
                    (0..needles.len())
                        .filter(|&n| {
                            needles[n].word_start == word_start && needles[n].bytes[0] == b
                        })
                        .collect()
                })
                .collect()
        };
        let (anywhere, at_word_start) = (starting(false), starting(true));
        let step = |from: &[u32], class: usize| -> StateKey {
            let b = representatives[class];
            let mut to = Vec::new();
            let mut bits = 0;
            // Needle `n` now has `i` bytes matched.
            let mut reach = |n: usize, i: usize| {
                if i == needles[n].bytes.len() {
                    bits |= needles[n].bits;
                } else {
                    to.push((first[n] + i - 1) as u32);
                }
            };
            for &p in from {
                if p == AFTER_BOUNDARY {
                    at_word_start[class].iter().for_each(|&n| reach(n, 1));
                } else {
                    let n = owner[p as usize];
                    let i = p as usize - first[n] + 1;
                    if needles[n].bytes[i] == b {
                        reach(n, i + 1);
                    }
                }
            }
            anywhere[class].iter().for_each(|&n| reach(n, 1));
            if is_boundary(b) {
                to.push(AFTER_BOUNDARY);
            }
            to.sort_unstable();
            (to, bits)
        };
        // The text's start is a word start.
        let initial = vec![AFTER_BOUNDARY];
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
        // Number the states that output first, keeping the order otherwise.
        let mut order: Vec<usize> = (0..states.len()).collect();
        order.sort_by_key(|&s| states[s].1 == 0);
        let mut new_id = vec![0u32; states.len()];
        for (new, &old) in order.iter().enumerate() {
            new_id[old] = u32::try_from(new * stride).expect("fewer than 2^32 transitions");
        }
        // A power of two long, so that a step can mask its index into the
        // table rather than check it (the rows past the states are never
        // read).
        let mut next = vec![0u32; (states.len() * stride).next_power_of_two()];
        for (old, row) in edges.chunks(representatives.len()).enumerate() {
            let at = new_id[old] as usize;
            for (class, &to) in row.iter().enumerate() {
                next[at + class] = new_id[to];
            }
        }
        let outputs: Box<[u64]> = order
            .iter()
            .map(|&s| states[s].1)
            .take_while(|&bits| bits != 0)
            .collect();
        Automaton {
            classes,
            shift: stride.trailing_zeros(),
            next: next.into(),
            silent: (outputs.len() * stride) as u32,
            outputs,
            start: new_id[0],
        }
    }

    /// The union of the bits of the needles found in `text`.
    pub fn scan(&self, text: &[u8]) -> u64 {
        let mut state = self.start;
        let mut found = 0;
        let next = &self.next[..];
        let mask = next.len() - 1;
        let mut step = |b: u8| {
            let at = (state + u32::from(self.classes[usize::from(b)])) as usize;
            // `at` is within the table (a state is a row of `stride`
            // entries, a class less than `stride`), whose length is a power
            // of two: the mask changes nothing but spares the bounds check.
            state = next[at & mask];
            if state < self.silent {
                found |= self.outputs[(state >> self.shift) as usize];
            }
        };
        // Four bytes a round: the loop's own test is paid once for them.
        let mut quads = text.chunks_exact(4);
        for q in &mut quads {
            step(q[0]);
            step(q[1]);
            step(q[2]);
            step(q[3]);
        }
        quads.remainder().iter().for_each(|&b| step(b));
        found
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
