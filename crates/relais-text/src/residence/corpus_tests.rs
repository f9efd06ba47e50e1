//! The matcher against the hand-labelled corpus (`corpus/`): residence
//! accuracy, "none" counted as a class, at least 0.95 on comments and on
//! posts separately. A failing run prints how many links were false,
//! missed or wrong, and each error with its text.

use std::num::NonZeroU32;

use relais_core::residence::split_aliases;
use relais_core::{BuiltYear, Postcode, Residence, ResidenceId, TerritoryId};

use super::ResidenceMatcher;

const RESIDENCES: &str = include_str!("../../../../corpus/residences.csv");
const COMMENTS_A: &str = include_str!("../../../../corpus/comments_a.csv");
const COMMENTS_B: &str = include_str!("../../../../corpus/comments_b.csv");
const POSTS: &str = include_str!("../../../../corpus/posts.csv");

pub(super) fn residences() -> Vec<Residence> {
    let mut rows = csv::Reader::from_reader(RESIDENCES.as_bytes());
    rows.records()
        .map(|row| {
            let row = row.expect("residences.csv row");
            Residence {
                id: ResidenceId::parse(&row[0]).unwrap(),
                name: row[1].to_string(),
                aliases: split_aliases(&row[2]),
                street: row[3].to_string(),
                postcode: Postcode::parse(&row[4]).unwrap(),
                city: row[5].to_string(),
                agency: TerritoryId::from_name(&row[6]).unwrap(),
                homes: row[8].parse::<NonZeroU32>().unwrap(),
                built_year: row[9].parse().ok().and_then(|y| BuiltYear::new(y).ok()),
            }
        })
        .collect()
}

/// (id, text, residence id or "") of a corpus file.
fn labelled(csv_text: &str) -> Vec<(String, String, String)> {
    let mut rows = csv::Reader::from_reader(csv_text.as_bytes());
    let headers = rows.headers().unwrap().clone();
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let (id, text, residence) = (col("id"), col("text"), col("residence_id"));
    rows.records()
        .map(|row| {
            let row = row.unwrap();
            (
                row[id].to_string(),
                row[text].to_string(),
                row[residence].to_string(),
            )
        })
        .collect()
}

/// Accuracy over `rows`, printing the confusion summary and the errors.
fn accuracy(what: &str, matcher: &ResidenceMatcher, rows: &[(String, String, String)]) -> f64 {
    let (mut right, mut false_links, mut missed, mut wrong) = (0, 0, 0, 0);
    for (id, text, truth) in rows {
        let found = matcher
            .find(text)
            .map(|m| m.residence.as_str().to_string())
            .unwrap_or_default();
        if &found == truth {
            right += 1;
            continue;
        }
        let kind = match (truth.is_empty(), found.is_empty()) {
            (true, _) => {
                false_links += 1;
                "false link"
            }
            (_, true) => {
                missed += 1;
                "missed"
            }
            _ => {
                wrong += 1;
                "wrong"
            }
        };
        let short: String = text.chars().take(160).collect();
        eprintln!("{what} {id}: {kind}: expected {truth:?}, found {found:?}: {short}");
    }
    let acc = right as f64 / rows.len() as f64;
    eprintln!(
        "{what}: accuracy {acc:.4} ({right}/{}), false links {false_links}, missed {missed}, wrong residence {wrong}",
        rows.len()
    );
    acc
}

#[test]
fn residence_accuracy_on_the_labelled_comments_is_at_least_95_percent() {
    let matcher = ResidenceMatcher::new(&residences());
    let mut rows = labelled(COMMENTS_A);
    rows.extend(labelled(COMMENTS_B));
    assert!(rows.len() > 1800);
    assert!(accuracy("comments", &matcher, &rows) >= 0.95);
}

#[test]
fn residence_accuracy_on_the_labelled_posts_is_at_least_95_percent() {
    let matcher = ResidenceMatcher::new(&residences());
    let rows = labelled(POSTS);
    assert!(rows.len() > 800);
    assert!(accuracy("posts", &matcher, &rows) >= 0.95);
}
