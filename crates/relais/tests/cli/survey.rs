//! `relais survey import`.

use crate::util::{TestDb, relais, runtime, write_file};

fn landlord() -> TestDb {
    let db = TestDb::sqlite();
    relais(&db.url, &["demo", "--seed", "2", "--until", "2026-03-31"]).ok();
    db
}

#[test]
fn survey_import_adds_then_changes_nothing_on_a_second_run() {
    let db = landlord();
    let dir = tempfile::tempdir().unwrap();
    let file = write_file(&dir, "enquete.csv", "scope;scope_id;year;question;score;respondents\nterritoire;agence-de-venissieux;2026;communication;71,5;210\nterritory;agence-de-villefranche;2026;overall;80;150\n".as_bytes());
    relais(&db.url, &["survey", "import", &file])
        .ok()
        .says(&["2 ajoutés", "0 inchangés"]);
    relais(&db.url, &["survey", "import", &file, "--json"])
        .ok()
        .json();
    let again = relais(&db.url, &["survey", "import", &file, "--json"])
        .ok()
        .json();
    assert_eq!(
        (again["added"].as_u64(), again["unchanged"].as_u64()),
        (Some(0), Some(2))
    );
}

#[test]
fn survey_import_names_the_line_of_an_unknown_territory_and_writes_nothing() {
    let db = landlord();
    let dir = tempfile::tempdir().unwrap();
    let file = write_file(&dir, "e.csv", b"scope,scope_id,year,question,score,respondents\nterritory,agence-de-venissieux,2026,communication,70,100\nterritory,atlantis,2026,communication,70,100\n");
    relais(&db.url, &["survey", "import", &file])
        .fails()
        .complains(&["e.csv", "ligne 3", "atlantis", "relais territory list"]);
    let out = relais(
        &db.url,
        &[
            "kpi",
            "--kpi",
            "survey_alignment",
            "--period",
            "2026",
            "--json",
        ],
    )
    .ok()
    .json();
    // Only the demo's own survey is there: the bad file changed nothing.
    assert_eq!(out[0]["n"], 8);
}

#[test]
fn survey_import_names_line_and_column_of_a_bad_score() {
    let db = landlord();
    let dir = tempfile::tempdir().unwrap();
    let file = write_file(&dir, "e.csv", b"scope,scope_id,year,question,score,respondents\nterritory,agence-de-venissieux,2026,communication,bien,100\n");
    relais(&db.url, &["survey", "import", &file])
        .fails()
        .complains(&["ligne/line 2", "score", "bien"]);
}

#[test]
fn survey_import_works_on_postgresql() {
    let Some(pg) = runtime().block_on(TestDb::postgres()) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let audit = dir.path().join("a.html").display().to_string();
    relais(
        &pg.url,
        &[
            "demo",
            "--seed",
            "2",
            "--until",
            "2026-03-31",
            "--audit",
            &audit,
        ],
    )
    .ok();
    let file = write_file(&dir, "e.csv", b"scope,scope_id,year,question,score,respondents\nterritory,agence-de-venissieux,2026,communication,70.5,100\n");
    relais(&pg.url, &["survey", "import", &file])
        .ok()
        .says(&["1 ajoutés"]);
    relais(&pg.url, &["survey", "import", &file])
        .ok()
        .says(&["1 inchangés"]);
    runtime().block_on(pg.cleanup());
}
