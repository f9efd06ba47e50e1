//! `relais audit`, and the audit `relais demo` writes.

use crate::kpi::demo_db;
use crate::util::relais;

#[test]
fn audit_writes_one_self_contained_french_report() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("rapport.html");
    relais(demo_db(), &["audit", "--out", out.to_str().unwrap()])
        .ok()
        .says(&["Audit écrit", "rapport.html"]);
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("lang=\"fr\""));
    assert!(
        html.contains("Brévenne Habitat")
            && html.contains("Pourquoi un locataire s'abonnerait-il ?")
    );
    assert!(html.contains("<svg") && html.contains("@media print"));
    for forbidden in ["http://", "https://", "<script", "src="] {
        assert!(!html.contains(forbidden), "{forbidden}");
    }
}

#[test]
fn audit_in_english_on_a_chosen_period() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.html");
    relais(
        demo_db(),
        &[
            "--lang",
            "en",
            "audit",
            "--period",
            "2026-Q1",
            "--out",
            out.to_str().unwrap(),
        ],
    )
    .ok();
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(
        html.contains("lang=\"en\"")
            && html.contains("Why would a tenant follow?")
            && html.contains("2026-Q1")
    );
}

#[test]
fn the_demo_writes_its_audit_next_to_the_database() {
    // demo_db() ran `relais demo` on a file in a temporary folder.
    let file = demo_db()
        .trim_start_matches("sqlite://")
        .split('?')
        .next()
        .unwrap()
        .to_string();
    let audit = std::path::Path::new(&file)
        .parent()
        .unwrap()
        .join("audit-demo.html");
    let html = std::fs::read_to_string(&audit).unwrap();
    assert!(
        html.contains("Recommandations"),
        "the demo's audit at {}",
        audit.display()
    );
    // The demo's survey makes the satisfaction section real.
    assert!(html.contains("Score « communication »"));
}

#[test]
fn audit_pdf_without_chromium_says_how_to_get_it() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("r.html");
    let pdf = dir.path().join("r.pdf");
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_relais"))
        .args([
            "--db",
            demo_db(),
            "audit",
            "--out",
            out.to_str().unwrap(),
            "--pdf",
            pdf.to_str().unwrap(),
        ])
        .env("PATH", dir.path())
        .output()
        .unwrap();
    assert!(!run.status.success());
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(stderr.contains("apt-get install chromium"), "{stderr}");
    assert!(out.is_file(), "the HTML is written even without Chromium");
}

#[test]
fn field_scans_reach_the_kpi_and_the_audit() {
    use relais_store::{DailyCount, LinkStore, SqlStore};
    let db = crate::util::TestDb::sqlite();
    relais(&db.url, &["demo", "--seed", "2", "--until", "2026-03-31"]).ok();
    relais(&db.url, &["link", "allow-domain", "brevenne-habitat.fr"]).ok();
    let made = relais(
        &db.url,
        &[
            "link",
            "bulk",
            "--agency",
            "agence-de-venissieux",
            "--target",
            "https://www.brevenne-habitat.fr/",
            "--action",
            "Fête des voisins",
            "--json",
        ],
    )
    .ok()
    .json();
    let codes: Vec<String> = made
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["code"].as_str().unwrap().to_string())
        .collect();
    assert!(codes.len() > 1);
    // What `relais serve` would have written after scans in the halls.
    let counts: Vec<DailyCount> = codes
        .iter()
        .enumerate()
        .map(|(i, code)| DailyCount {
            code: code.clone(),
            day: "2026-03-10".into(),
            scans: 10 + i as i64,
            uniques: 5,
            bots: 3,
        })
        .collect();
    let expected: i64 = counts.iter().map(|c| c.scans).sum();
    crate::util::runtime().block_on(async {
        let store = SqlStore::open(&db.url).await.unwrap();
        store.add_link_counts(&counts).await.unwrap();
        store.close().await;
    });
    let rows = relais(
        &db.url,
        &[
            "kpi",
            "--kpi",
            "field_scans",
            "--period",
            "2026-03",
            "--json",
        ],
    )
    .ok()
    .json();
    let total = rows
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["unit"] == "scans")
        .unwrap();
    assert_eq!(
        total["value"].as_f64().unwrap(),
        expected as f64,
        "bots are not scans"
    );
    assert_eq!(total["n"].as_u64().unwrap(), codes.len() as u64);
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("r.html");
    relais(
        &db.url,
        &[
            "audit",
            "--period",
            "2026-03",
            "--out",
            out.to_str().unwrap(),
        ],
    )
    .ok();
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(html.contains("Scans par résidence") && html.contains("Fête des voisins"));
}

#[test]
fn audit_pdf_is_printed_by_chromium_when_it_is_installed() {
    let has_chromium = std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default())
        .any(|p| p.join("chromium").is_file());
    if !has_chromium {
        assert!(
            std::env::var_os("RELAIS_REQUIRE_CHROMIUM").is_none(),
            "RELAIS_REQUIRE_CHROMIUM is set but chromium is missing"
        );
        eprintln!("chromium not installed: PDF test not run");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("rapport.html");
    let pdf = dir.path().join("rapport.pdf");
    relais(
        demo_db(),
        &[
            "audit",
            "--out",
            out.to_str().unwrap(),
            "--pdf",
            pdf.to_str().unwrap(),
        ],
    )
    .ok()
    .says(&["PDF écrit"]);
    let bytes = std::fs::read(&pdf).unwrap();
    assert!(
        bytes.starts_with(b"%PDF") && bytes.len() > 50_000,
        "{} bytes",
        bytes.len()
    );
}
