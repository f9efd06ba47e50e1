//! `relais demo`.

use crate::util::{TestDb, dump, relais, runtime};

#[test]
fn demo_seed_7_twice_into_two_files_gives_identical_data() {
    let (a, b) = (TestDb::sqlite(), TestDb::sqlite());
    relais(&a.url, &["demo", "--seed", "7"]).ok();
    relais(&b.url, &["demo", "--seed", "7"]).ok();
    let status_a = relais(&a.url, &["status", "--json"]).ok().json();
    let status_b = relais(&b.url, &["status", "--json"]).ok().json();
    assert_eq!(status_a["counts"], status_b["counts"]);
    let (da, db) = (dump(&a.url), dump(&b.url));
    for (ta, tb) in da.iter().zip(&db) {
        assert_eq!(ta.table, tb.table);
        assert!(
            ta.rows == tb.rows,
            "table {} differs between two runs",
            ta.table
        );
    }
    assert_eq!(da.len(), db.len());
}

#[test]
fn demo_prints_what_was_created_and_what_to_run_next() {
    let db = TestDb::sqlite();
    relais(&db.url, &["demo"]).ok().says(&[
        "Brévenne Habitat",
        "Résidences",
        "60",
        "Et maintenant",
        "relais status",
    ]);
}

#[test]
fn demo_json_counts_match_the_issue() {
    let db = TestDb::sqlite();
    let out = relais(
        &db.url,
        &["demo", "--seed", "3", "--until", "2026-06-30", "--json"],
    )
    .ok()
    .json();
    assert_eq!(out["seed"], 3);
    assert_eq!(out["until"], "2026-06-30");
    assert_eq!(out["created"]["residences"], 60);
    assert_eq!(out["created"]["territories"], 11);
    assert_eq!(out["created"]["accounts"], 7);
    let status = relais(&db.url, &["status", "--json"]).ok().json();
    let comments = status["counts"]["comments"].as_i64().unwrap();
    assert!((17_000..=23_000).contains(&comments), "{comments} comments");
    assert!(status["counts"]["replies"].as_i64().unwrap() > 1_000);
}

#[test]
fn another_until_date_moves_the_whole_demo() {
    let db = TestDb::sqlite();
    relais(&db.url, &["demo", "--until", "2025-12-31"])
        .ok()
        .says(&["31/12/2025"]);
    relais(&db.url, &["demo", "--until", "31/12/2025"]).fails();
}

#[test]
fn demo_again_replaces_the_demo_instead_of_adding_to_it() {
    let db = TestDb::sqlite();
    relais(&db.url, &["demo", "--seed", "2"]).ok();
    let first = relais(&db.url, &["status", "--json"]).ok().json();
    relais(&db.url, &["demo", "--seed", "2"]).ok();
    let second = relais(&db.url, &["status", "--json"]).ok().json();
    assert_eq!(first["counts"], second["counts"]);
}

#[test]
fn demo_over_a_real_landlord_is_refused_and_changes_nothing() {
    let db = TestDb::sqlite();
    let file = crate::util::testdata("relais_residences.csv");
    relais(&db.url, &["residence", "import", file.to_str().unwrap()]).ok();
    let before = dump(&db.url);
    relais(&db.url, &["demo"])
        .fails()
        .complains(&["rien n'a été modifié"]);
    assert_eq!(dump(&db.url), before);
}

#[test]
fn demo_gives_the_same_counts_on_postgresql_as_on_sqlite() {
    let Some(pg) = runtime().block_on(TestDb::postgres()) else {
        return;
    };
    let lite = TestDb::sqlite();
    let dir = tempfile::tempdir().unwrap();
    let audit = dir.path().join("audit.html").display().to_string();
    relais(&pg.url, &["demo", "--seed", "7", "--audit", &audit]).ok();
    relais(&lite.url, &["demo", "--seed", "7"]).ok();
    let a = relais(&pg.url, &["status", "--json"]).ok().json();
    let b = relais(&lite.url, &["status", "--json"]).ok().json();
    assert_eq!(a["backend"], "PostgreSQL");
    assert_eq!(a["counts"], b["counts"]);
    // Two runs on PostgreSQL give identical tables too.
    let first = dump(&pg.url);
    relais(&pg.url, &["demo", "--seed", "7", "--audit", &audit]).ok();
    assert!(
        first == dump(&pg.url),
        "a second demo run changed PostgreSQL data"
    );
    runtime().block_on(pg.cleanup());
}
