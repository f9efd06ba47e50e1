//! `relais kpi`, and the demo landlord they share.

use std::sync::OnceLock;

use crate::util::{TestDb, relais};

/// One demo landlord for the read-only tests of this binary (seed 3, until
/// 30 June 2026), built once.
pub fn demo_db() -> &'static str {
    static DB: OnceLock<TestDb> = OnceLock::new();
    &DB.get_or_init(|| {
        let db = TestDb::sqlite();
        relais(&db.url, &["demo", "--seed", "3", "--until", "2026-06-30"]).ok();
        db
    })
    .url
}

#[test]
fn kpi_json_rows_have_the_documented_shape() {
    let out = relais(
        demo_db(),
        &[
            "kpi",
            "--kpi",
            "engagement_rate_reach",
            "--slice",
            "network",
            "--period",
            "2026-01..2026-06",
            "--json",
        ],
    )
    .ok()
    .json();
    let rows = out.as_array().unwrap();
    assert_eq!(rows.len(), 4, "one row per network");
    for row in rows {
        assert_eq!(row["kpi"], "engagement_rate_reach");
        assert_eq!(row["period"], "2026-01..2026-06");
        for key in ["slice", "value", "n", "interval", "available", "reason"] {
            assert!(row.get(key).is_some(), "{key} in {row}");
        }
    }
    let ig = rows
        .iter()
        .find(|r| r["slice"]["network"] == "instagram")
        .unwrap();
    assert_eq!(ig["available"], true);
    assert!(ig["value"].as_f64().unwrap() > 0.0 && ig["n"].as_u64().unwrap() > 10);
    let iv = ig["interval"].as_array().unwrap();
    assert!(iv[0].as_f64() <= ig["value"].as_f64() && ig["value"].as_f64() <= iv[1].as_f64());
    // LinkedIn and X exports have no reach: not available, with the reason, never 0.
    let x = rows.iter().find(|r| r["slice"]["network"] == "x").unwrap();
    assert_eq!(x["available"], false);
    assert!(x["value"].is_null() && x["reason"].as_str().unwrap().contains("portée"));
}

#[test]
fn kpi_prints_every_kpi_of_the_catalogue_by_default() {
    let run = relais(demo_db(), &["kpi"]).ok();
    for name in [
        "Taux d'engagement (portée)",
        "Taux de réponse",
        "Délai médian de réponse",
        "Sentiment net",
        "Satisfaction et numérique",
        "Ambassadeurs",
        "Scans terrain",
    ] {
        assert!(run.stdout.contains(name), "{name}\n{}", run.stdout);
    }
}

#[test]
fn kpi_csv_has_a_header_and_one_line_per_row() {
    let run = relais(
        demo_db(),
        &[
            "kpi",
            "--kpi",
            "response_rate",
            "--slice",
            "agency",
            "--csv",
        ],
    )
    .ok();
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert!(lines[0].starts_with("kpi,slice,period,unit,value,n"));
    assert_eq!(lines.len(), 1 + 8, "header and the 8 agencies");
    assert!(lines[1].starts_with("response_rate,agency="));
}

#[test]
fn kpi_slices_compare_each_slice_with_the_rest() {
    let out = relais(
        demo_db(),
        &[
            "kpi",
            "--kpi",
            "tenant_voice_share",
            "--slice",
            "network",
            "--json",
        ],
    )
    .ok()
    .json();
    let rows = out.as_array().unwrap();
    assert!(
        rows.iter()
            .all(|r| r["significant"].is_boolean() && r["p_value"].is_number()),
        "{out}"
    );
}

#[test]
fn kpi_refuses_unknown_codes_slices_and_periods_clearly() {
    relais(demo_db(), &["kpi", "--kpi", "likes"])
        .fails()
        .complains(&["likes", "engagement_rate_reach"]);
    relais(demo_db(), &["kpi", "--slice", "colour"])
        .fails()
        .complains(&["colour", "network"]);
    relais(demo_db(), &["kpi", "--period", "2026-13"])
        .fails()
        .complains(&["2026-13", "2026-Q2"]);
}

#[test]
fn kpi_on_an_empty_database_says_what_to_do() {
    let db = TestDb::sqlite();
    relais(&db.url, &["kpi"])
        .fails()
        .complains(&["relais demo"]);
}

#[test]
fn kpi_gives_the_same_rows_on_postgresql_as_on_sqlite() {
    let Some(pg) = crate::util::runtime().block_on(TestDb::postgres()) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let audit = dir.path().join("a.html").display().to_string();
    relais(
        &pg.url,
        &[
            "demo",
            "--seed",
            "3",
            "--until",
            "2026-06-30",
            "--audit",
            &audit,
        ],
    )
    .ok();
    let args = [
        "kpi",
        "--slice",
        "network",
        "--period",
        "2026-01..2026-06",
        "--json",
    ];
    let a = relais(&pg.url, &args).ok().json();
    let b = relais(demo_db(), &args).ok().json();
    assert_eq!(a, b);
    crate::util::runtime().block_on(pg.cleanup());
}
