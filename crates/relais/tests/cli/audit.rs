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
