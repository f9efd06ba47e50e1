//! The report's HTML, snapshotted on the hand-built landlord in French and
//! English. A change to the report fails here until it is looked at and
//! blessed: `RELAIS_BLESS=1 cargo test -p relais-audit --test snapshot`.

use std::path::PathBuf;

use chrono::NaiveDate;
use relais_audit::{Audit, render};
use relais_core::Lang;
use relais_kpi::Period;
use relais_kpi::sample::{PERIOD, landlord};

fn report(lang: Lang) -> String {
    let facts = landlord();
    render(&Audit {
        facts: &facts,
        period: Period::parse(PERIOD).unwrap(),
        lang,
        written: NaiveDate::from_ymd_opt(2026, 4, 2).unwrap(),
    })
}

fn check(name: &str, actual: &str) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots")
        .join(name);
    if std::env::var_os("RELAIS_BLESS").is_some() {
        std::fs::write(&path, actual).unwrap();
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
            "{name} differs from the snapshot from line {}:\n  expected: {}\n  actual:   {}\nLook at the report, then bless it: RELAIS_BLESS=1 cargo test -p relais-audit --test snapshot",
            line + 1,
            expected.lines().nth(line).unwrap_or("<end>"),
            actual.lines().nth(line).unwrap_or("<end>")
        );
    }
}

#[test]
fn the_french_report_matches_its_snapshot() {
    check("hand.fr.html", &report(Lang::Fr));
}

#[test]
fn the_english_report_matches_its_snapshot() {
    check("hand.en.html", &report(Lang::En));
}

#[test]
fn the_report_is_self_contained() {
    let html = report(Lang::Fr);
    for forbidden in ["http://", "https://", "<script", "src=", "@import", "url("] {
        assert!(!html.contains(forbidden), "the report contains {forbidden}");
    }
}

#[test]
fn every_section_is_there_and_cites_kpis() {
    let html = report(Lang::Fr);
    for id in [
        "synthese",
        "reseaux",
        "pourquoi",
        "parole",
        "ecoute",
        "proximite",
        "terrain",
        "satisfaction",
        "collaborateurs",
        "ambassadeurs",
        "recommandations",
    ] {
        assert!(
            html.contains(&format!("<section id=\"{id}\">")),
            "section {id}"
        );
    }
    // The hand-built landlord has scans, visits and surveys: no "bring data" box for them.
    assert!(
        html.contains("Scans par résidence")
            && html.contains("Trafic issu des réseaux")
            && html.contains("Gisèle")
    );
    assert!(
        html.contains("ρ\u{a0}=\u{a0}-1,00"),
        "the Spearman value of the hand computation"
    );
    // Website landings in the period only: 12 visits from QR posters, none from December.
    assert!(
        html.contains("ont amené <strong>12</strong> visites") && !html.contains("/recrutement")
    );
}

#[test]
fn a_section_without_data_says_what_to_bring() {
    let mut facts = landlord();
    facts.scans.clear();
    facts.visits.clear();
    facts.surveys.clear();
    let html = render(&Audit {
        facts: &facts,
        period: Period::parse(PERIOD).unwrap(),
        lang: Lang::Fr,
        written: NaiveDate::from_ymd_opt(2026, 4, 2).unwrap(),
    });
    for hint in [
        "relais link bulk",
        "relais traffic import",
        "relais survey import",
    ] {
        assert!(html.contains(hint), "{hint}");
    }
}
