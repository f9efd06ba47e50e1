//! `relais ambassador list | consent | withdraw`.

use crate::util::{TestDb, relais};

#[test]
fn ambassadors_are_named_only_once_their_consent_is_recorded() {
    let db = TestDb::sqlite();
    relais(&db.url, &["demo", "--seed", "3", "--until", "2026-06-30"]).ok();
    let list = relais(&db.url, &["ambassador", "list", "--json"])
        .ok()
        .json();
    let people = list.as_array().unwrap();
    assert!(!people.is_empty(), "the demo has ambassador candidates");
    assert!(
        people
            .iter()
            .all(|p| p["consent"] == false && p["shown_as"].is_null())
    );
    assert!(
        people
            .iter()
            .all(|p| p["positive_interactions"].as_u64().unwrap() >= 3
                && p["months"].as_u64().unwrap() >= 2)
    );
    let who = people[0]["pseudonym"].as_str().unwrap().to_string();
    relais(
        &db.url,
        &[
            "ambassador",
            "consent",
            &who,
            "--as",
            "Fatima B.",
            "--by",
            "com@brevenne.fr",
        ],
    )
    .ok()
    .says(&["Fatima B."]);
    let list = relais(&db.url, &["ambassador", "list", "--json"])
        .ok()
        .json();
    let named: Vec<_> = list
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["consent"] == true)
        .collect();
    assert_eq!(named.len(), 1);
    assert_eq!(named[0]["shown_as"], "Fatima B.");
    relais(&db.url, &["ambassador", "list"])
        .ok()
        .says(&["Fatima B.", "consentement recueilli"]);
    relais(
        &db.url,
        &["ambassador", "withdraw", &who, "--by", "com@brevenne.fr"],
    )
    .ok();
    let list = relais(&db.url, &["ambassador", "list", "--json"])
        .ok()
        .json();
    assert!(
        list.as_array()
            .unwrap()
            .iter()
            .all(|p| p["consent"] == false)
    );
}

#[test]
fn consent_for_an_unknown_person_is_refused() {
    let db = TestDb::sqlite();
    relais(&db.url, &["demo", "--seed", "2", "--until", "2026-03-31"]).ok();
    relais(
        &db.url,
        &[
            "ambassador",
            "consent",
            "p_000000000000000000000000",
            "--as",
            "X",
            "--by",
            "a@b.fr",
        ],
    )
    .fails()
    .complains(&["personne inconnue"]);
}

#[test]
fn erasing_a_person_erases_their_consent() {
    let db = TestDb::sqlite();
    relais(&db.url, &["demo", "--seed", "3", "--until", "2026-06-30"]).ok();
    let list = relais(&db.url, &["ambassador", "list", "--json"])
        .ok()
        .json();
    let who = list[0]["pseudonym"].as_str().unwrap().to_string();
    relais(
        &db.url,
        &[
            "ambassador",
            "consent",
            &who,
            "--as",
            "Jean",
            "--by",
            "a@b.fr",
        ],
    )
    .ok();
    relais(&db.url, &["person", "erase", &who]).ok();
    let list = relais(&db.url, &["ambassador", "list", "--json"])
        .ok()
        .json();
    assert!(
        list.as_array()
            .unwrap()
            .iter()
            .all(|p| p["pseudonym"] != who.as_str())
    );
}
