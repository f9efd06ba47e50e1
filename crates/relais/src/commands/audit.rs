//! `relais audit`: writes the presence audit as one self-contained HTML
//! file, and prints it to PDF through Debian's headless Chromium on demand.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, anyhow};
use relais_audit::Audit;
use relais_core::Lang;

use super::kpi::{facts, period};
use crate::cli::AuditArgs;

pub async fn run(db: &str, lang: Lang, args: AuditArgs) -> anyhow::Result<()> {
    let path = write(db, lang, args.period.as_deref(), &args.out).await?;
    println!(
        "{} {}",
        lang.pick("Audit écrit :", "Audit written:"),
        path.display()
    );
    if let Some(pdf) = &args.pdf {
        print_pdf(&path, pdf, lang)?;
        println!(
            "{} {}",
            lang.pick("PDF écrit :", "PDF written:"),
            pdf.display()
        );
    }
    Ok(())
}

/// Computes the audit of the database and writes it to `out`.
pub async fn write(
    db: &str,
    lang: Lang,
    raw_period: Option<&str>,
    out: &Path,
) -> anyhow::Result<PathBuf> {
    let started = std::time::Instant::now();
    let facts = facts(db, lang).await?;
    let loaded = started.elapsed();
    let period = period(raw_period, &facts, lang)?;
    let written = chrono::Local::now().date_naive();
    let html = relais_audit::render(&Audit {
        facts: &facts,
        period,
        lang,
        written,
    });
    tracing::info!(
        load_ms = loaded.as_millis() as u64,
        compute_and_render_ms = (started.elapsed() - loaded).as_millis() as u64,
        "audit computed"
    );
    std::fs::write(out, html)
        .with_context(|| format!("{} {}", lang.pick("écriture de", "writing"), out.display()))?;
    Ok(std::fs::canonicalize(out).unwrap_or_else(|_| out.to_path_buf()))
}

/// The Chromium binary, if one is installed.
pub fn chromium() -> Option<PathBuf> {
    ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .find_map(|name| {
            std::env::var_os("PATH").and_then(|paths| {
                std::env::split_paths(&paths)
                    .map(|p| p.join(name))
                    .find(|p| p.is_file())
            })
        })
}

fn print_pdf(html: &Path, pdf: &Path, lang: Lang) -> anyhow::Result<()> {
    let Some(chrome) = chromium() else {
        return Err(anyhow!(lang.pick(
            "Chromium est introuvable : installez-le (apt-get install chromium) pour le PDF, ou imprimez le fichier HTML depuis votre navigateur.",
            "Chromium not found: install it (apt-get install chromium) for the PDF, or print the HTML file from your browser.",
        )));
    };
    let profile = tempfile::tempdir()?;
    let pdf_abs = std::env::current_dir()?.join(pdf);
    let status = Command::new(chrome)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-pdf-header-footer",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(format!("--print-to-pdf={}", pdf_abs.display()))
        .arg(format!("file://{}", html.display()))
        .output()
        .context("chromium")?;
    if !status.status.success() || !pdf_abs.is_file() {
        return Err(anyhow!(
            "{} {}",
            lang.pick(
                "Chromium n'a pas pu imprimer le PDF :",
                "Chromium could not print the PDF:"
            ),
            String::from_utf8_lossy(&status.stderr)
                .lines()
                .last()
                .unwrap_or_default()
        ));
    }
    Ok(())
}
