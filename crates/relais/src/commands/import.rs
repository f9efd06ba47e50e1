//! `relais import FILE…`: each file recognised by its content, planned
//! against what the database knows, and written in its own transaction;
//! then one summary table. The exit status is non-zero if any file was
//! rejected.

use std::time::Duration;

use anyhow::bail;
use indicatif::{ProgressBar, ProgressStyle};
use relais_core::{InstallationSecret, Lang, Timestamp};
use relais_import::{Known, Options, commented_posts, digest, parse, plan};
use relais_store::{ImportOutcome, SqlStore, Store};
use serde::Serialize;

use super::{open, store_err};
use crate::cli::ImportArgs;
use crate::output::json;

/// One file's line of the summary.
#[derive(Debug, Serialize)]
struct FileReport {
    file: String,
    /// `imported`, `unchanged` (already imported), `checked` (dry run) or `rejected`.
    status: &'static str,
    format: Option<String>,
    network: Option<String>,
    account: Option<String>,
    rows: u64,
    skipped_rows: u64,
    #[serde(flatten)]
    outcome: ImportOutcome,
    warnings: Vec<String>,
    error: Option<String>,
}

impl FileReport {
    fn rejected(file: String, error: String) -> Self {
        Self {
            file,
            status: "rejected",
            format: None,
            network: None,
            account: None,
            rows: 0,
            skipped_rows: 0,
            outcome: ImportOutcome::default(),
            warnings: Vec::new(),
            error: Some(error),
        }
    }
}

pub(super) fn fresh_secret() -> anyhow::Result<InstallationSecret> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|e| anyhow::anyhow!("random bytes: {e}"))?;
    Ok(InstallationSecret::from_bytes(bytes))
}

pub async fn run(db: &str, lang: Lang, args: ImportArgs) -> anyhow::Result<()> {
    let store = open(db, lang).await?;
    // A dry run writes nothing, not even the installation's secret: its
    // pseudonyms are never shown, so a throwaway key does.
    let secret = if args.dry_run {
        fresh_secret()?
    } else {
        store
            .installation_secret(fresh_secret()?)
            .await
            .map_err(store_err(lang))?
    };
    let options = Options { tz: args.tz };
    let bar = ProgressBar::new(args.files.len() as u64);
    bar.set_style(
        ProgressStyle::with_template("{spinner} [{bar:30}] {pos}/{len} {wide_msg}")
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
    );
    bar.enable_steady_tick(Duration::from_millis(120));
    let mut reports = Vec::new();
    for path in &args.files {
        let file = path.display().to_string();
        bar.set_message(file.clone());
        let report = match import_one(&store, lang, &file, &secret, &options, &args).await {
            Ok(r) => r,
            Err(e) => FileReport::rejected(file, e),
        };
        reports.push(report);
        bar.inc(1);
    }
    bar.finish_and_clear();
    store.close().await;
    let rejected = reports.iter().filter(|r| r.status == "rejected").count();
    if args.json {
        json(&reports)?;
    } else {
        print_summary(lang, &reports, args.dry_run);
    }
    if rejected > 0 {
        match lang {
            Lang::Fr => bail!("{rejected} fichier(s) refusé(s) ; les autres sont importés."),
            Lang::En => bail!("{rejected} file(s) rejected; the others are imported."),
        }
    }
    Ok(())
}

async fn import_one(
    store: &SqlStore,
    lang: Lang,
    file: &str,
    secret: &InstallationSecret,
    options: &Options,
    args: &ImportArgs,
) -> Result<FileReport, String> {
    let bytes = std::fs::read(file).map_err(|e| match lang {
        Lang::Fr => format!("{file} : lecture impossible ({e})"),
        Lang::En => format!("{file}: cannot read ({e})"),
    })?;
    let msg = |e: relais_import::ImportError| match lang {
        Lang::Fr => e.message_fr(),
        Lang::En => e.message_en(),
    };
    let parsed = parse(file, &bytes, options).map_err(msg)?;
    let accounts = store.accounts().await.map_err(|e| e.message(lang))?;
    let post_accounts = store
        .post_accounts(&commented_posts(&parsed))
        .await
        .map_err(|e| e.message(lang))?;
    let known = Known {
        accounts: &accounts,
        post_accounts: &post_accounts,
    };
    let now = Timestamp::from_utc(chrono::Utc::now());
    let batch = plan(
        &parsed,
        file,
        &digest(&bytes),
        known,
        args.account.as_deref(),
        secret,
        now,
    )
    .map_err(msg)?;
    let outcome = store
        .import_batch(&batch, args.dry_run)
        .await
        .map_err(|e| e.message(lang))?;
    let status = match (outcome.already_imported, args.dry_run) {
        (true, _) => "unchanged",
        (false, true) => "checked",
        (false, false) => "imported",
    };
    Ok(FileReport {
        file: file.to_string(),
        status,
        format: Some(match lang {
            Lang::Fr => parsed.format.label_fr().to_string(),
            Lang::En => parsed.format.label_en().to_string(),
        }),
        network: Some(parsed.network.code().to_string()),
        account: batch.account.as_ref().map(|a| a.to_string()).or_else(|| {
            let mut ids: Vec<String> = batch.posts.iter().map(|p| p.account.to_string()).collect();
            ids.dedup();
            (ids.len() == 1).then(|| ids.remove(0))
        }),
        rows: parsed.rows,
        skipped_rows: parsed.skipped,
        outcome,
        warnings: parsed
            .warnings
            .iter()
            .map(|w| {
                let text = lang.pick(&w.fr, &w.en);
                match w.line {
                    Some(l) => format!("{} {l} : {text}", lang.pick("ligne", "line")),
                    None => text.to_string(),
                }
            })
            .collect(),
        error: None,
    })
}

fn print_summary(lang: Lang, reports: &[FileReport], dry_run: bool) {
    if dry_run {
        println!(
            "{}",
            lang.pick(
                "Simulation : rien n'est écrit.",
                "Dry run: nothing is written."
            )
        );
    }
    let head = match lang {
        Lang::Fr => [
            "Fichier",
            "Format",
            "Compte",
            "Publ. nouvelles",
            "Publ. mises à jour",
            "Mesures",
            "Commentaires",
            "Avert.",
            "État",
        ],
        Lang::En => [
            "File",
            "Format",
            "Account",
            "Posts new",
            "Posts updated",
            "Snapshots",
            "Comments",
            "Warn.",
            "Status",
        ],
    };
    let mut rows: Vec<[String; 9]> = vec![head.map(str::to_string)];
    for r in reports {
        let o = &r.outcome;
        let status = match (r.status, lang) {
            ("imported", Lang::Fr) => "importé",
            ("unchanged", Lang::Fr) => "déjà importé",
            ("checked", Lang::Fr) => "vérifié",
            ("rejected", Lang::Fr) => "REFUSÉ",
            (s, _) => s,
        };
        rows.push([
            short(&r.file),
            r.format.clone().unwrap_or_else(|| "—".into()),
            r.account.clone().unwrap_or_else(|| "—".into()),
            o.posts_new.to_string(),
            o.posts_updated.to_string(),
            (o.snapshots + o.daily_values).to_string(),
            (o.comments_new + o.comments_updated).to_string(),
            r.warnings.len().to_string(),
            status.to_string(),
        ]);
    }
    let widths: Vec<usize> = (0..9)
        .map(|c| rows.iter().map(|r| r[c].chars().count()).max().unwrap_or(0))
        .collect();
    for row in &rows {
        let line: Vec<String> = row
            .iter()
            .zip(&widths)
            .enumerate()
            .map(|(i, (cell, w))| {
                let pad = w - cell.chars().count();
                if (3..8).contains(&i) {
                    format!("{}{cell}", " ".repeat(pad))
                } else {
                    format!("{cell}{}", " ".repeat(pad))
                }
            })
            .collect();
        println!("{}", line.join("  ").trim_end());
    }
    for r in reports {
        for w in &r.warnings {
            eprintln!("{} {} : {w}", lang.pick("attention,", "warning,"), r.file);
        }
        if let Some(e) = &r.error {
            eprintln!("{} {e}", lang.pick("refusé :", "rejected:"));
        }
    }
}

/// The file's name without its folders, for the table.
fn short(path: &str) -> String {
    std::path::Path::new(path)
        .file_name()
        .map_or_else(|| path.to_string(), |n| n.to_string_lossy().into_owned())
}
