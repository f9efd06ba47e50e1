//! `relais audit`: writes the presence audit as one self-contained HTML
//! file, and prints it to PDF through Debian's headless Chromium on demand.

use std::path::{Path, PathBuf};

use anyhow::Context;
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

fn print_pdf(html: &Path, pdf: &Path, lang: Lang) -> anyhow::Result<()> {
    let page = std::fs::read_to_string(html)?;
    crate::chromium::print(
        lang,
        &page,
        pdf,
        crate::chromium::Print::Pdf,
        (
            "ou imprimez le fichier HTML depuis votre navigateur",
            "or print the HTML file from your browser",
        ),
    )
}
