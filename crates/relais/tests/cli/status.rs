//! `relais status`.

use crate::util::{TestDb, relais};

#[test]
fn status_of_a_new_database_says_how_to_start() {
    let db = TestDb::sqlite();
    relais(&db.url, &["status"])
        .ok()
        .says(&["SQLite", "relais demo"]);
}

#[test]
fn status_speaks_english_when_asked() {
    let db = TestDb::sqlite();
    relais(&db.url, &["--lang", "en", "status"])
        .ok()
        .says(&["No organisation yet", "Residences"]);
}

#[test]
fn status_json_names_the_organisation_and_counts_everything() {
    let db = TestDb::sqlite();
    relais(&db.url, &["demo", "--seed", "5"]).ok();
    let s = relais(&db.url, &["status", "--json"]).ok().json();
    assert_eq!(s["organisations"][0]["name"], "Brévenne Habitat");
    assert_eq!(s["organisations"][0]["family"], "ESH");
    assert_eq!(s["demo_seed"], 5);
    for key in [
        "directions",
        "agencies",
        "residences",
        "accounts",
        "posts",
        "metric_snapshots",
        "comments",
        "replies",
        "labels",
    ] {
        assert!(s["counts"][key].as_i64().unwrap() > 0, "{key} is zero");
    }
    assert_eq!(s["counts"]["directions"], 3);
    assert_eq!(s["counts"]["agencies"], 8);
}

#[test]
fn status_counts_surveys_groups_consents_links_and_traffic() {
    let db = crate::util::TestDb::sqlite();
    crate::util::relais(&db.url, &["demo", "--seed", "2", "--until", "2026-03-31"]).ok();
    let c = crate::util::relais(&db.url, &["status", "--json"])
        .ok()
        .json()["counts"]
        .clone();
    // The demo's survey: 8 agencies × 2 years × 2 questions.
    assert_eq!(c["survey_results"], 32);
    for key in [
        "groups",
        "ambassador_consents",
        "links",
        "link_days",
        "traffic_imports",
        "traffic_days",
    ] {
        assert_eq!(c[key], 0, "{key}");
    }
    crate::util::relais(&db.url, &["status"])
        .ok()
        .says(&["Résultats d'enquête de satisfaction", "Liens courts"]);
}
