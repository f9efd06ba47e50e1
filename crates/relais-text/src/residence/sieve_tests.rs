//! The two quick rejections against the lookups they stand in front of:
//! the prefilter's gate must admit every word the matcher may follow a
//! name from, and the index's `may_know` must hold every word that has an
//! id or a typo candidate. Checked on every word of the corpus and on
//! words one edit from the vocabulary, in capitals and abbreviated.

use super::corpus_tests::residences;
use super::index::Index;
use super::prefilter::{Gate, may_name};
use super::tokens::tokenize;
use super::words;

/// The words of the corpus as written, then the vocabulary of `ix`, its
/// words one edit away and in capitals, and the abbreviations.
fn words_to_try(ix: &Index) -> Vec<String> {
    let corpus = crate::corpus::Corpus::shipped();
    let mut written: Vec<String> = corpus
        .comments
        .iter()
        .map(|c| c.text.as_str())
        .chain(corpus.posts.iter().map(|p| p.text.as_str()))
        .flat_map(|text| {
            let t = tokenize(text);
            (0..t.len())
                .map(|i| text[t.list[i].start..t.list[i].end].to_string())
                .collect::<Vec<_>>()
        })
        .collect();
    for id in 0..ix.by_first.len() {
        let w = ix.word(id as u32);
        written.extend(edits(w));
        written.push(w.to_uppercase());
        written.push(w.to_string());
    }
    written.extend(
        words::ABBREVIATIONS
            .iter()
            .map(|(short, _)| short.to_string()),
    );
    written
}

/// Whether the matcher may follow a name from the folded, expanded
/// form `w`, by the index's own lookups (what the gate must contain).
fn starts_a_name(ix: &Index, w: &str, number: bool) -> bool {
    let starts = |id: u32| !ix.by_first[id as usize].is_empty();
    if let Some(id) = ix.word_id(w) {
        return starts(id);
    }
    if number || words::is_function(w) {
        return false;
    }
    let (ids, n) = ix.typo_candidates(w);
    ids[..n].iter().any(|&id| starts(id))
}

/// Words one edit from `w`: each deletion, adjacent transposition,
/// and a substitution and an insertion of 'e' and 'x' at each place.
fn edits(w: &str) -> Vec<String> {
    let b = w.as_bytes();
    let mut out = Vec::new();
    for i in 0..=b.len() {
        for c in [b'e', b'x'] {
            let mut v = b.to_vec();
            v.insert(i, c);
            out.push(v);
            if i < b.len() {
                let mut v = b.to_vec();
                v[i] = c;
                out.push(v);
            }
        }
        if i < b.len() {
            let mut v = b.to_vec();
            v.remove(i);
            out.push(v);
        }
        if i + 1 < b.len() {
            let mut v = b.to_vec();
            v.swap(i, i + 1);
            out.push(v);
        }
    }
    out.into_iter()
        .filter_map(|v| String::from_utf8(v).ok())
        .collect()
}

#[test]
fn the_gate_admits_every_word_the_matcher_may_follow_a_name_from() {
    let ix = Index::build(&residences());
    let gate = Gate::new(&ix);
    let mut followed = 0;
    for w in &words_to_try(&ix) {
        let t = tokenize(w);
        if t.len() != 1 || !starts_a_name(&ix, t.form(0), t.list[0].number) {
            continue;
        }
        followed += 1;
        assert!(may_name(&gate, w), "{w}");
    }
    assert!(followed > 1000, "{followed}");
}

#[test]
fn the_index_knows_every_word_that_has_an_id_or_a_typo_candidate() {
    let ix = Index::build(&residences());
    let mut known = 0;
    for w in &words_to_try(&ix) {
        let t = tokenize(w);
        let form = (0..t.len()).map(|i| t.form(i)).next().unwrap_or_default();
        if ix.word_id(form).is_none() && ix.typo_candidates(form).1 == 0 {
            continue;
        }
        known += 1;
        assert!(ix.may_know(form), "{w}");
    }
    assert!(known > 1000, "{known}");
}

#[test]
fn words_with_letters_of_several_bytes_are_folded_before_the_gate() {
    let ix = Index::build(&residences());
    let gate = Gate::new(&ix);
    for text in [
        "Genêts",
        "GENÊTS",
        "Cèdres",
        "CÈDRES",
        "Fougères",
        "Belvédère",
        "Pinéa",
    ] {
        assert!(may_name(&gate, text), "{text}");
    }
    for text in [
        "Fenêtres",
        "Éclairage",
        "où ça ?",
        "l’été",
        "œuvre",
        "😡 vélo",
    ] {
        assert!(!may_name(&gate, text), "{text}");
    }
    // Unsure: a letter this pass does not fold, a hashtag, a long word.
    let long = format!("{}é", "a".repeat(60));
    for text in ["Ørsted", "#abc", long.as_str()] {
        assert!(may_name(&gate, text), "{text}");
    }
}
