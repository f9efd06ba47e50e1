//! `relais traffic import` and `relais traffic report`.

use std::path::Path;

use crate::util::{TestDb, dump, relais, write_file};

const SITE: &str = "www.habitat-exemple.fr";
const LINE: &str = "203.0.113.9 - - [05/Jan/2026:10:00:00 +0100] \"GET /logements?utm_source=fb&utm_campaign=Hiver HTTP/1.1\" 200 512 \"https://l.facebook.com/\" \"Mozilla/5.0 (iPhone) [FBAN/FBIOS;FBAV/452.0]\"\n";

fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../relais-traffic/testdata")
        .join(name)
        .display()
        .to_string()
}

fn truth() -> serde_json::Value {
    serde_json::from_slice(&std::fs::read(fixture("generated.truth.json")).unwrap()).unwrap()
}

#[test]
fn a_generated_log_imports_with_its_true_visits_per_network_and_once_only() {
    let db = TestDb::sqlite();
    let log = fixture("generated.log.gz");
    let args = [
        "traffic",
        "import",
        &log,
        "--site",
        SITE,
        "--short-link-path",
        "/qr/",
        "--json",
    ];
    let out = relais(&db.url, &args).ok().json();
    let file = &out[0];
    let truth = truth();
    assert_eq!(file["status"], "imported");
    assert_eq!(file["format"], "combined");
    for key in [
        "lines",
        "malformed",
        "bots",
        "assets",
        "pageviews",
        "visits",
    ] {
        assert_eq!(file[key], truth[key], "{key}");
    }
    assert_eq!(file["visits_by_source"], truth["visits_by_channel"]);
    assert_eq!(file["hits_by_referrer"], truth["hits_by_referrer"]);

    let before = dump(&db.url);
    let again = relais(&db.url, &args).ok().json();
    assert_eq!(again[0]["status"], "unchanged");
    assert_eq!(again[0]["rows_written"], 0);
    assert_eq!(dump(&db.url), before);

    let report = relais(&db.url, &["traffic", "report", "--by", "network", "--json"])
        .ok()
        .json();
    let rows = report["rows"].as_array().unwrap();
    let facebook = rows.iter().find(|r| r["key"] == "facebook").unwrap();
    assert_eq!(facebook["visits"], truth["visits_by_channel"]["facebook"]);
    assert_eq!(facebook["label"], "Facebook");
    let total: i64 = rows.iter().map(|r| r["visits"].as_i64().unwrap()).sum();
    assert_eq!(total, truth["visits"].as_i64().unwrap());
}

#[test]
fn malformed_lines_are_counted_and_shown_with_their_numbers_in_french() {
    let db = TestDb::sqlite();
    let dir = tempfile::tempdir().unwrap();
    let text = format!("{LINE}ceci n'est pas une ligne\n{LINE}");
    let log = write_file(&dir, "access.log", text.as_bytes());
    relais(&db.url, &["traffic", "import", &log, "--site", SITE])
        .ok()
        .says(&[
            "importé (format combined)",
            "lignes illisibles",
            "ligne 2 : ceci n'est pas une ligne",
            "Facebook",
        ]);
}

#[test]
fn a_file_in_another_format_is_rejected_naming_the_file_the_line_and_the_fix() {
    let db = TestDb::sqlite();
    let dir = tempfile::tempdir().unwrap();
    let good = write_file(&dir, "good.log", LINE.as_bytes());
    let bad = write_file(&dir, "bad.log", b"2026-01-05 10:00:00 GET /\n");
    relais(
        &db.url,
        &[
            "--lang",
            "en",
            "traffic",
            "import",
            &bad,
            &good,
            "--site",
            SITE,
            "--format",
            "combined",
            "--retention-months",
            "1200",
        ],
    )
    .fails()
    .says(&[
        "bad.log, line 1: no line is in the combined format",
        "--format",
        "good.log: imported",
    ])
    .complains(&["1 file(s) rejected"]);
    let report = relais(
        &db.url,
        &["traffic", "report", "--by", "campaign", "--json"],
    )
    .ok()
    .json();
    assert_eq!(report["rows"][0]["key"], "hiver");
}

#[test]
fn a_report_for_a_period_without_visits_says_what_to_do_and_a_bad_period_is_refused() {
    let db = TestDb::sqlite();
    relais(&db.url, &["traffic", "report", "--period", "2025"])
        .fails()
        .complains(&["relais traffic import"]);
    relais(
        &db.url,
        &["--lang", "en", "traffic", "report", "--period", "yesterday"],
    )
    .fails()
    .complains(&["--period `yesterday`", "2026-01-01..2026-03-31"]);
}

#[test]
fn a_missing_file_is_named() {
    let db = TestDb::sqlite();
    relais(
        &db.url,
        &[
            "traffic",
            "import",
            "/nonexistent/access.log",
            "--site",
            SITE,
        ],
    )
    .fails()
    .says(&["/nonexistent/access.log : lecture impossible"]);
}

#[test]
fn vcombined_and_common_logs_are_detected_and_internal_navigation_is_not_a_source() {
    let db = TestDb::sqlite();
    let dir = tempfile::tempdir().unwrap();
    let v = "www.bailleur.fr:443 203.0.113.9 - - [05/Jan/2026:10:00:00 +0100] \"GET /contact HTTP/2.0\" 200 10 \"https://bailleur.fr/\" \"Mozilla/5.0 (Android 14)\"\n\
             www.bailleur.fr:443 203.0.113.7 - - [05/Jan/2026:10:00:00 +0100] \"GET / HTTP/2.0\" 200 10 \"https://lnkd.in/x\" \"Mozilla/5.0 (Android 14)\"\n";
    let c = "203.0.113.9 - - [06/Jan/2026:10:00:00 +0100] \"GET /logements HTTP/1.1\" 200 10\n";
    let vlog = write_file(&dir, "vhost.log", v.as_bytes());
    let clog = write_file(&dir, "common.log", c.as_bytes());
    let out = relais(
        &db.url,
        &[
            "traffic",
            "import",
            &vlog,
            &clog,
            "--site",
            "bailleur",
            "--site-host",
            "www.bailleur.fr",
            "--retention-months",
            "1200",
            "--json",
        ],
    )
    .ok()
    .json();
    assert_eq!(out[0]["format"], "vcombined");
    assert_eq!(out[1]["format"], "common");
    assert_eq!(
        out[0]["visits_by_source"],
        serde_json::json!({"direct": 1, "linkedin": 1})
    );
    assert_eq!(out[1]["visits_by_source"], serde_json::json!({"direct": 1}));
    let days = relais(
        &db.url,
        &[
            "traffic", "report", "--by", "day", "--site", "bailleur", "--json",
        ],
    )
    .ok()
    .json();
    assert_eq!(days["rows"][0]["key"], "2026-01-05");
    assert_eq!(days["rows"][1]["visits"], 1);
}
