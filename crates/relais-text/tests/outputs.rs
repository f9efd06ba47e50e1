//! Every label the shipped classifier and the residence matcher give on the
//! whole shipped corpus (train and test splits, comments and posts),
//! snapshotted with the exact bits of each confidence. A speed-up must leave
//! this file unchanged; a deliberate change to the models is looked at and
//! blessed: `RELAIS_BLESS=1 cargo test -p relais-text --test outputs`.

use std::fmt::Write;
use std::path::PathBuf;

use relais_text::classify::{Classifier, Scored};
use relais_text::corpus::Corpus;
use relais_text::residence::ResidenceMatcher;

fn scored<T: std::fmt::Debug>(s: &Scored<T>) -> String {
    format!("{:?}={:08x}", s.value, s.confidence.to_bits())
}

fn outputs() -> String {
    let corpus = Corpus::shipped();
    let classifier = Classifier::shipped();
    let residences = relais_text::corpus::residences();
    let matcher = ResidenceMatcher::new(&residences);
    let residence = |text: &str| match matcher.find(text) {
        Some(m) => format!(
            "{}={:016x}@{:?}",
            m.residence.as_str(),
            m.confidence.to_bits(),
            m.matched
        ),
        None => "-".to_string(),
    };
    let mut out = String::new();
    for c in &corpus.comments {
        let l = classifier.comment(&c.text);
        writeln!(
            out,
            "{} {} {} {} {} {:?} {}",
            c.id,
            scored(&l.category),
            scored(&l.urgency),
            scored(&l.sentiment),
            scored(&l.author_kind),
            l.rule,
            residence(&c.text)
        )
        .unwrap();
    }
    for p in &corpus.posts {
        let l = classifier.post(&p.text, &p.network, &p.author_kind);
        let secondary: Vec<String> = l.secondary_themes.iter().map(scored).collect();
        writeln!(
            out,
            "{} {} [{}] {} {}",
            p.id,
            scored(&l.theme),
            secondary.join(","),
            scored(&l.audience),
            residence(&p.text)
        )
        .unwrap();
    }
    out
}

#[test]
fn every_label_on_the_corpus_matches_its_snapshot() {
    let actual = outputs();
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots/outputs.txt");
    if std::env::var_os("RELAIS_BLESS").is_some() {
        std::fs::write(&path, &actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    if expected != actual {
        let line = expected
            .lines()
            .zip(actual.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(0);
        panic!(
            "the labels differ from the snapshot from line {}:\n  expected: {}\n  actual:   {}\nIf the models were meant to change, bless: RELAIS_BLESS=1 cargo test -p relais-text --test outputs",
            line + 1,
            expected.lines().nth(line).unwrap_or("<end>"),
            actual.lines().nth(line).unwrap_or("<end>")
        );
    }
}
