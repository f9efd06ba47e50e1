//! `relais import`.

use crate::util::{TestDb, dump, export, relais, runtime, write_file};

const X_CONTENT: &str = "x/account_analytics_content_2025-11-01_2025-11-30.csv";
const X_POST: &str = "1985248077493154500";

fn counts(db: &str) -> serde_json::Value {
    relais(db, &["status", "--json"]).ok().json()["counts"].clone()
}

#[test]
fn an_x_content_export_brings_its_account_posts_and_snapshots() {
    let db = TestDb::sqlite();
    relais(&db.url, &["import", &export(X_CONTENT)])
        .ok()
        .says(&["X, contenu (2024+)", "x:HabitatDuVal", "importé"]);
    let c = counts(&db.url);
    assert_eq!(c["accounts"], 1);
    assert!(c["posts"].as_i64().unwrap() >= 3, "{c}");
    assert!(c["metric_snapshots"].as_i64().unwrap() > c["posts"].as_i64().unwrap());
}

#[test]
fn importing_the_same_files_twice_leaves_the_database_unchanged() {
    let db = TestDb::sqlite();
    let files = [
        export(X_CONTENT),
        export("x/account_overview_analytics.csv"),
    ];
    relais(&db.url, &["import", &files[0], &files[1]]).ok();
    let before = dump(&db.url);
    let status = relais(&db.url, &["status", "--json"]).ok().json();
    let again = relais(&db.url, &["import", &files[0], &files[1], "--json"])
        .ok()
        .json();
    assert!(
        again
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["status"] == "unchanged"),
        "{again}"
    );
    assert_eq!(relais(&db.url, &["status", "--json"]).ok().json(), status);
    assert_eq!(dump(&db.url), before);
}

#[test]
fn a_broken_file_leaves_the_database_as_it_was_and_names_line_and_column() {
    let db = TestDb::sqlite();
    relais(&db.url, &["import", &export(X_CONTENT)]).ok();
    let before = dump(&db.url);
    relais(
        &db.url,
        &[
            "import",
            &export("x/account_analytics_content_mangled_id.csv"),
        ],
    )
    .fails()
    .complains(&["ligne 3", "Post id", "tableur", "refusé"]);
    assert_eq!(dump(&db.url), before);
}

#[test]
fn several_files_are_each_imported_on_their_own_and_one_refusal_fails_the_run() {
    let db = TestDb::sqlite();
    let run = relais(
        &db.url,
        &[
            "import",
            &export("x/account_overview_analytics_bad_number.csv"),
            &export(X_CONTENT),
            "--json",
        ],
    )
    .fails();
    let summary = run.json();
    let rows = summary.as_array().unwrap();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0]["status"], "rejected");
    assert!(rows[0]["error"].as_str().unwrap().contains("ligne"));
    assert_eq!(rows[1]["status"], "imported");
    assert!(rows[1]["posts_new"].as_i64().unwrap() >= 3);
    assert!(counts(&db.url)["posts"].as_i64().unwrap() >= 3);
}

#[test]
fn comments_on_known_posts_land_pseudonymised_with_landlord_replies_recognised() {
    let db = TestDb::sqlite();
    relais(&db.url, &["import", &export(X_CONTENT)]).ok();
    let dir = tempfile::tempdir().unwrap();
    let file = write_file(
        &dir,
        "comments.csv",
        format!(
            "network,post_id,comment_id,parent_id,author,author_name,created_at,text\n\
             x,{X_POST},1985300000000000001,,4242424242,@voisine38,2025-11-03T10:00:00+01:00,\"Toujours pas d'eau chaude au 3e, bât B\"\n\
             x,{X_POST},1985300000000000002,1985300000000000001,HabitatDuVal,,2025-11-03T11:00:00+01:00,Bonjour, écrivez-nous en message privé.\n"
        )
        .as_bytes(),
    );
    relais(&db.url, &["import", &file])
        .ok()
        .says(&["commentaires relais (CSV)"]);
    let c = counts(&db.url);
    assert_eq!(
        (c["comments"].as_i64(), c["replies"].as_i64()),
        (Some(1), Some(1))
    );
    let everything = format!("{:?}", dump(&db.url));
    assert!(
        !everything.contains("4242424242"),
        "a raw author id was stored"
    );
    assert!(
        everything.contains("@voisine38"),
        "the display name is kept"
    );
    // The same comments again: nothing new.
    let again = relais(&db.url, &["import", &file, "--json"]).ok().json();
    assert_eq!(again[0]["status"], "unchanged");
}

#[test]
fn comments_on_unknown_posts_are_refused_with_their_line() {
    let db = TestDb::sqlite();
    relais(&db.url, &["import", &export("comments/comments.csv")])
        .fails()
        .complains(&["comments.csv", "ligne 2", "post_id", "importez d'abord"]);
    assert_eq!(counts(&db.url)["comments"], 0);
}

#[test]
fn a_dry_run_reports_the_changes_and_writes_nothing() {
    let db = TestDb::sqlite();
    let before = dump(&db.url);
    let out = relais(
        &db.url,
        &["import", &export(X_CONTENT), "--dry-run", "--json"],
    )
    .ok()
    .json();
    assert_eq!(out[0]["status"], "checked");
    assert!(out[0]["posts_new"].as_i64().unwrap() >= 3);
    assert_eq!(dump(&db.url), before);
}

#[test]
fn a_file_that_does_not_name_its_account_asks_for_one() {
    let db = TestDb::sqlite();
    let overview = export("x/account_overview_analytics.csv");
    relais(&db.url, &["import", &overview])
        .fails()
        .complains(&["--account"]);
    relais(&db.url, &["import", &overview, "--account", "HabitatDuVal"])
        .ok()
        .says(&["x:HabitatDuVal"]);
}

#[test]
fn a_file_without_account_goes_to_the_only_page_of_its_network() {
    let db = TestDb::sqlite();
    relais(&db.url, &["import", &export(X_CONTENT)]).ok();
    relais(
        &db.url,
        &["import", &export("x/account_overview_analytics.csv")],
    )
    .ok()
    .says(&["x:HabitatDuVal"]);
}

#[test]
fn an_unknown_file_is_refused_with_what_its_header_looked_like() {
    let db = TestDb::sqlite();
    let dir = tempfile::tempdir().unwrap();
    let file = write_file(&dir, "notes.csv", b"colour,size\nred,3\n");
    relais(&db.url, &["--lang", "en", "import", &file])
        .fails()
        .complains(&["unknown format", "colour, size"]);
}

#[test]
fn imports_are_all_or_nothing_on_postgresql_too() {
    let Some(pg) = runtime().block_on(TestDb::postgres()) else {
        return;
    };
    relais(&pg.url, &["import", &export(X_CONTENT)]).ok();
    let before = dump(&pg.url);
    relais(&pg.url, &["import", &export("comments/comments.csv")]).fails();
    relais(&pg.url, &["import", &export(X_CONTENT)])
        .ok()
        .says(&["déjà importé"]);
    assert_eq!(dump(&pg.url), before);
    runtime().block_on(pg.cleanup());
}
