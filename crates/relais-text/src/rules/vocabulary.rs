//! The words the rules' patterns name, each with a number, and what each
//! word of a text is among them: looked up once per word in a trie, so that
//! matching a pattern compares numbers, never strings. It knows no rule.

use std::collections::HashMap;

/// A word a pattern names: the word itself, or (`prefix`) any word it
/// starts.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct Entry {
    word: &'static str,
    prefix: bool,
}

/// Numbers the words of the patterns as they are compiled.
#[derive(Default)]
pub(super) struct Builder {
    entries: Vec<Entry>,
    ids: HashMap<Entry, u16>,
}

impl Builder {
    /// The number of `word` (a whole word, or with `prefix` any word it
    /// starts), given on first sight.
    pub fn id(&mut self, word: &'static str, prefix: bool) -> u16 {
        let entry = Entry { word, prefix };
        *self.ids.entry(entry).or_insert_with(|| {
            self.entries.push(entry);
            u16::try_from(self.entries.len() - 1).expect("fewer than 65536 pattern words")
        })
    }

    pub fn build(self) -> Vocabulary {
        // A trie with a child list per node: (children, exact, prefix).
        type TrieNode = (Vec<(u8, usize)>, Option<u16>, Option<u16>);
        let mut trie: Vec<TrieNode> = vec![Default::default()];
        for (id, entry) in self.entries.iter().enumerate() {
            let mut node = 0;
            for &b in entry.word.as_bytes() {
                node = match trie[node].0.iter().find(|e| e.0 == b) {
                    Some(&(_, child)) => child,
                    None => {
                        trie.push(Default::default());
                        let child = trie.len() - 1;
                        trie[node].0.push((b, child));
                        child
                    }
                };
            }
            match entry.prefix {
                true => trie[node].2 = Some(id as u16),
                false => trie[node].1 = Some(id as u16),
            }
        }
        // Byte classes: each byte a word has, and class 0 for the others.
        let mut classes = [0u8; 256];
        let mut count = 1;
        for entry in &self.entries {
            for &b in entry.word.as_bytes() {
                if classes[usize::from(b)] == 0 {
                    classes[usize::from(b)] = count;
                    count = count.checked_add(1).expect("fewer than 256 bytes in words");
                }
            }
        }
        let stride = usize::from(count).next_power_of_two();
        // Rows: the nodes without a prefix entry, those with one, then the
        // dead end, where every step stays.
        let mut order: Vec<usize> = (0..trie.len()).collect();
        order.sort_by_key(|&k| trie[k].2.is_some());
        let mut row = vec![0u32; trie.len()];
        for (r, &k) in order.iter().enumerate() {
            row[k] = (r * stride) as u32;
        }
        let dead = (trie.len() * stride) as u32;
        let mut next = vec![dead; (trie.len() + 1) * stride];
        for (k, node) in trie.iter().enumerate() {
            for &(b, child) in &node.0 {
                next[row[k] as usize + usize::from(classes[usize::from(b)])] = row[child];
            }
        }
        let plain = order.iter().take_while(|&&k| trie[k].2.is_none()).count();
        Vocabulary {
            classes,
            shift: stride.trailing_zeros(),
            next: next.into(),
            first_prefix: (plain * stride) as u32,
            dead,
            root: row[0],
            exact: order.iter().map(|&k| trie[k].1).collect(),
            prefix: order[plain..].iter().map(|&k| trie[k].2).collect(),
            len: self.entries.len(),
        }
    }
}

/// The numbered words as a byte automaton over their trie: a word is looked
/// up in one table read per byte. Rows are numbered times the stride; those
/// of a word that is a prefix entry come last, so a step tests one
/// comparison to know whether to read one.
pub(super) struct Vocabulary {
    classes: [u8; 256],
    /// `log2` of the stride.
    shift: u32,
    /// The row of each row's child by each byte class.
    next: Box<[u32]>,
    /// Rows from this one on are prefix entries (or the dead end).
    first_prefix: u32,
    /// The row of words no entry starts.
    dead: u32,
    /// The row of the empty word.
    root: u32,
    /// The whole-word entry of each row.
    exact: Box<[Option<u16>]>,
    /// The prefix entry of each row from `first_prefix` on.
    prefix: Box<[Option<u16>]>,
    len: usize,
}

impl Vocabulary {
    /// Number of words numbered.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Pushes onto `ids` the number of each entry `word` matches: the
    /// prefixes it starts with, shortest first, then itself. Returns the
    /// number of the word itself, if numbered.
    pub fn lookup(&self, word: &[u8], ids: &mut Vec<u16>) -> Option<u16> {
        let mut row = self.root;
        if row >= self.first_prefix {
            ids.extend(self.prefix[((row - self.first_prefix) >> self.shift) as usize]);
        }
        for &b in word {
            row = self.next[(row + u32::from(self.classes[usize::from(b)])) as usize];
            if row >= self.first_prefix {
                if row == self.dead {
                    return None;
                }
                ids.extend(self.prefix[((row - self.first_prefix) >> self.shift) as usize]);
            }
        }
        let exact = self.exact[(row >> self.shift) as usize];
        ids.extend(exact);
        exact
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lookup(v: &Vocabulary, word: &str) -> (Vec<u16>, Option<u16>) {
        let mut ids = vec![99];
        let exact = v.lookup(word.as_bytes(), &mut ids);
        (ids[1..].to_vec(), exact)
    }

    #[test]
    fn a_word_matches_its_prefixes_shortest_first_then_itself() {
        let mut b = Builder::default();
        let gaz = b.id("gaz", false);
        let gaz_start = b.id("gaz", true);
        let g = b.id("g", true);
        let gazon = b.id("gazon", false);
        assert_eq!(b.id("gaz", false), gaz, "numbered once");
        let v = b.build();
        assert_eq!(v.len(), 4);
        assert_eq!(lookup(&v, "gaz"), (vec![g, gaz_start, gaz], Some(gaz)));
        assert_eq!(
            lookup(&v, "gazon"),
            (vec![g, gaz_start, gazon], Some(gazon))
        );
        assert_eq!(lookup(&v, "gazons"), (vec![g, gaz_start], None));
        assert_eq!(lookup(&v, "ga"), (vec![g], None));
        assert_eq!(lookup(&v, "x"), (vec![], None));
        assert_eq!(lookup(&v, ""), (vec![], None));
        assert_eq!(lookup(&v, "gaz\u{e9}"), (vec![g, gaz_start], None));
    }

    #[test]
    fn the_empty_prefix_matches_every_word_and_bytes_are_compared() {
        let mut b = Builder::default();
        let any = b.id("", true);
        let ete = b.id("\u{e9}t\u{e9}", false);
        let v = b.build();
        assert_eq!(lookup(&v, ""), (vec![any], None));
        assert_eq!(lookup(&v, "\u{e9}t\u{e9}"), (vec![any, ete], Some(ete)));
        assert_eq!(lookup(&v, "ete"), (vec![any], None));
        assert_eq!(lookup(&v, "\u{e9}"), (vec![any], None));
    }
}
