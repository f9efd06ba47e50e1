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
        // Row 0 is the dead end, where every step stays; node `k` is row
        // `k + 1`.
        let row = |k: usize| u32::try_from((k + 1) * stride).expect("fewer than 2^32 transitions");
        // A power of two long, so that a step can mask its index into the
        // table rather than check it (the rows past the nodes are never
        // read).
        let mut next = vec![0u32; ((trie.len() + 1) * stride).next_power_of_two()];
        for (k, node) in trie.iter().enumerate() {
            for &(b, child) in &node.0 {
                next[row(k) as usize + usize::from(classes[usize::from(b)])] = row(child);
            }
        }
        // Each node's prefix entries from the root down to it: its parent's
        // and its own (a child is numbered after its parent).
        let mut nodes = vec![Node::default(); trie.len() + 1];
        let mut prefixes: Vec<u16> = Vec::new();
        let mut parent = vec![None; trie.len()];
        for (k, node) in trie.iter().enumerate() {
            for &(_, child) in &node.0 {
                parent[child] = Some(k);
            }
        }
        for (k, node) in trie.iter().enumerate() {
            let from = prefixes.len();
            if let Some(p) = parent[k] {
                let (a, b) = nodes[p + 1].prefixes;
                prefixes.extend_from_within(a as usize..b as usize);
            }
            prefixes.extend(node.2);
            nodes[k + 1] = Node {
                prefixes: (from as u32, prefixes.len() as u32),
                exact: node.1,
            };
        }
        Vocabulary {
            classes,
            shift: stride.trailing_zeros(),
            next: next.into(),
            root: row(0),
            nodes: nodes.into(),
            prefixes: prefixes.into(),
            len: self.entries.len(),
        }
    }
}

/// The numbered words as a byte automaton over their trie: a word is looked
/// up in one table read per byte, then the entries of the node it reached
/// are copied at once.
pub(super) struct Vocabulary {
    classes: [u8; 256],
    /// `log2` of the stride.
    shift: u32,
    /// The row of each row's child by each byte class, rows numbered times
    /// the stride, row 0 the dead end; a power of two long.
    next: Box<[u32]>,
    /// The row of the empty word.
    root: u32,
    /// What each row matches.
    nodes: Box<[Node]>,
    /// The prefix entries of the nodes, node after node.
    prefixes: Box<[u16]>,
    len: usize,
}

/// What the words of a trie node match.
#[derive(Clone, Copy, Default)]
struct Node {
    /// The prefix entries from the root to the node, shortest first, in
    /// `Vocabulary::prefixes`.
    prefixes: (u32, u32),
    /// The whole-word entry of the node.
    exact: Option<u16>,
}

impl Vocabulary {
    /// Number of words numbered.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Pushes onto `ids` the number of each entry `word` matches: the
    /// prefixes it starts with, shortest first, then itself. Returns the
    /// number of the word itself, if numbered.
    #[inline]
    pub fn lookup(&self, word: &[u8], ids: &mut Vec<u16>) -> Option<u16> {
        let next = &self.next[..];
        let mask = next.len() - 1;
        let mut row = self.root as usize;
        let mut whole = true;
        for &b in word {
            // A row plus a class is within the table, a power of two long:
            // the mask changes nothing but spares the bounds check.
            let to = next[(row + usize::from(self.classes[usize::from(b)])) & mask];
            if to == 0 {
                // No entry starts so: the prefixes met so far are all.
                whole = false;
                break;
            }
            row = to as usize;
        }
        let node = self.nodes[row >> self.shift];
        // Few (most often none): a loop costs less than a copy's call.
        for &id in &self.prefixes[node.prefixes.0 as usize..node.prefixes.1 as usize] {
            ids.push(id);
        }
        let exact = node.exact.filter(|_| whole);
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
