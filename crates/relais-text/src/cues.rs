//! The domain lexicon: cue words of each category, theme and audience of
//! `taxonomy.md`, written for relais (folded, matched at word starts so
//! "ascenseur" also covers "ascenseurs"). Each hit becomes a feature
//! (`cue:lift`), which lets the linear models generalise from few examples
//! to words they have not seen in training.
//!
//! The words are in `table`; one `automaton` pass finds them all. A
//! comment's pass also looks for the urgency rules' prefilters
//! (`CommentScan`), so a comment is read once for both.

use std::sync::OnceLock;

use crate::automaton::{Automaton, Needle};

mod table;

use table::{AUDIENCE_CUES, COMMENT_CUES, Cues, POST_CUES};

/// The cue words of a table as needles: a word's bit is its label's index
/// plus `shift`, and a word that starts with a letter or digit must start a
/// word of the text.
fn needles(table: &'static [Cues], shift: u32) -> impl Iterator<Item = Needle<'static>> {
    assert!(table.len() <= 32, "a table's labels fit in 32 bits");
    table.iter().enumerate().flat_map(move |(i, (_, words))| {
        words.iter().map(move |w| Needle {
            bytes: w.as_bytes(),
            word_start: w.as_bytes().first().is_some_and(u8::is_ascii_alphanumeric),
            bits: 1 << (i as u32 + shift),
        })
    })
}

/// Pushes, in table order, the `name` of each label of `table` whose bit is
/// set in `found`.
fn push_labels(
    table: &'static [Cues],
    found: u64,
    out: &mut Vec<&'static str>,
    name: fn(&'static str) -> &'static str,
) {
    for (i, (label, _)) in table.iter().enumerate() {
        if found & (1 << i) != 0 {
            out.push(name(label));
        }
    }
}

/// What one pass over a comment's folded text finds: its cue labels, and
/// the urgency rules whose prefilter it holds. Labelling a comment needs
/// both, so one automaton looks for the cue words and the prefilters
/// together.
#[derive(Clone, Copy)]
pub(crate) struct CommentScan {
    /// A bit per label of `COMMENT_CUES` (low half) and per rule (high half).
    found: u64,
}

impl CommentScan {
    pub(crate) fn of(folded: &str) -> Self {
        static AUTOMATON: OnceLock<Automaton> = OnceLock::new();
        let automaton = AUTOMATON.get_or_init(|| {
            let rules = crate::rules::prefilter_needles().map(|n| Needle {
                bits: n.bits << 32,
                ..n
            });
            Automaton::new(&needles(COMMENT_CUES, 0).chain(rules).collect::<Vec<_>>())
        });
        Self {
            found: automaton.scan(folded.as_bytes()),
        }
    }

    /// Pushes the comment's cue features (`cue:lift`…) onto `out`.
    pub(crate) fn cues_into(self, out: &mut Vec<&'static str>) {
        push_labels(COMMENT_CUES, self.found, out, |l| l);
    }

    /// A bit per rule (its index in the rule table) whose prefilter the
    /// comment holds.
    pub(crate) fn rules(self) -> u64 {
        self.found >> 32
    }
}

/// Cue features of a comment (`cue:lift`…).
pub fn comment_cues(folded: &str) -> Vec<&'static str> {
    let mut out = Vec::new();
    comment_cues_into(folded, &mut out);
    out
}

/// [`comment_cues`], pushed onto `out`.
pub fn comment_cues_into(folded: &str, out: &mut Vec<&'static str>) {
    CommentScan::of(folded).cues_into(out);
}

/// Cue features of a post (themes and audiences).
pub fn post_cues(folded: &str) -> Vec<&'static str> {
    static AUTOMATON: OnceLock<Automaton> = OnceLock::new();
    let found = AUTOMATON
        .get_or_init(|| {
            let all: Vec<Needle> = needles(POST_CUES, 0)
                .chain(needles(AUDIENCE_CUES, 32))
                .collect();
            Automaton::new(&all)
        })
        .scan(folded.as_bytes());
    let mut out = Vec::new();
    push_labels(POST_CUES, found, &mut out, |l| l);
    push_labels(AUDIENCE_CUES, found >> 32, &mut out, audience_name);
    out
}

fn audience_name(l: &'static str) -> &'static str {
    match l {
        "tenants" => "aud:tenants",
        "partners" => "aud:partners",
        "candidates" => "aud:candidates",
        _ => "aud:applicants",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::normalize;

    #[test]
    fn cues_match_at_word_starts_only() {
        let n = normalize("Les ascenseurs sont encore en panne");
        assert!(comment_cues(&n.folded).contains(&"lift"));
        // "rat" inside "rattrapage" is no rat.
        let n = normalize("le rattrapage des charges");
        let c = comment_cues(&n.folded);
        assert!(
            !c.contains(&"pests") && c.contains(&"rent_charges"),
            "{c:?}"
        );
    }

    #[test]
    fn one_scan_finds_the_cues_and_the_rules_to_try() {
        let n = normalize("Odeur de gaz près de l'ascenseur, 10€ ?");
        let scan = CommentScan::of(&n.folded);
        let mut cues = Vec::new();
        scan.cues_into(&mut cues);
        assert_eq!(cues, ["lift", "rent_charges", "question"]);
        let gas = crate::rules::prefilter_needles()
            .find(|n| n.bytes == b"gaz")
            .map(|n| n.bits);
        assert_eq!(Some(scan.rules() & gas.unwrap()), gas);
        assert_eq!(CommentScan::of("").rules(), 0);
    }

    #[test]
    fn posts_have_themes_then_audiences() {
        let n =
            normalize("Chers locataires, la collecte des encombrants : recrutement d'un gardien");
        assert_eq!(
            post_cues(&n.folded),
            ["practical", "employer", "aud:tenants", "aud:candidates"]
        );
    }
}
