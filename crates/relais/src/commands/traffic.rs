//! `relais traffic import FILE… --site NAME`: each access log parsed on
//! every core (relais-traffic), then its daily aggregates written in one
//! transaction; a file already imported (same bytes) changes nothing. Then
//! one summary per file, with the first malformed lines and their numbers.
//! The exit status is non-zero if any file was rejected.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::Read;
use std::path::PathBuf;

use anyhow::bail;
use chrono::{Months, Utc};
use relais_core::Lang;
use relais_store::{SqlStore, TrafficImport, TrafficOutcome, TrafficRow, TrafficStore};
use relais_traffic::{Channel, Format, Malformed, Options, Summary};
use serde::Serialize;
use sha2::{Digest, Sha256};

use super::{open, store_err};
use crate::cli::{TrafficFormatArg, TrafficImportArgs};
use crate::output::{json, number, rows};

/// One file's part of the summary: counts only, nothing personal.
#[derive(Debug, Serialize)]
pub(super) struct FileReport {
    file: String,
    /// `imported`, `unchanged` (already imported) or `rejected`.
    status: &'static str,
    format: Option<Format>,
    lines: u64,
    malformed: u64,
    malformed_examples: Vec<Malformed>,
    bots: u64,
    assets: u64,
    other: u64,
    pageviews: u64,
    visits: u64,
    first_day: Option<String>,
    last_day: Option<String>,
    visits_by_source: BTreeMap<Channel, u64>,
    pageviews_by_source: BTreeMap<Channel, u64>,
    hits_by_referrer: BTreeMap<Channel, u64>,
    #[serde(flatten)]
    outcome: TrafficOutcome,
    error: Option<String>,
}

impl FileReport {
    fn new(file: String, s: &Summary, status: &'static str, outcome: TrafficOutcome) -> Self {
        let days = s.days();
        FileReport {
            file,
            status,
            format: Some(s.format),
            lines: s.lines,
            malformed: s.malformed,
            malformed_examples: s.malformed_examples.clone(),
            bots: s.bots,
            assets: s.assets,
            other: s.other,
            pageviews: s.pageviews,
            visits: s.visits,
            first_day: days.as_ref().map(|d| d.0.clone()),
            last_day: days.map(|d| d.1),
            visits_by_source: s.visits_by_channel(),
            pageviews_by_source: s.pageviews_by_channel(),
            hits_by_referrer: s.hits_by_referrer.clone(),
            outcome,
            error: None,
        }
    }

    /// The report of Matomo exports imported together.
    pub(super) fn matomo(
        file: String,
        outcome: TrafficOutcome,
        visits_by_source: BTreeMap<Channel, u64>,
        first_day: Option<String>,
        last_day: Option<String>,
    ) -> Self {
        let status = if outcome.already_imported {
            "unchanged"
        } else {
            "imported"
        };
        let mut r = FileReport::new(file, &empty(), status, outcome);
        r.format = None;
        r.visits = visits_by_source.values().sum();
        r.visits_by_source = visits_by_source;
        r.first_day = first_day;
        r.last_day = last_day;
        r
    }

    fn rejected(file: String, error: String) -> Self {
        let mut r = FileReport::new(file, &empty(), "rejected", TrafficOutcome::default());
        r.format = None;
        r.error = Some(error);
        r
    }
}

fn empty() -> Summary {
    relais_traffic::parse(&b""[..], &Options::default()).expect("an empty log parses")
}

/// A reader that hashes what goes through it (the file's digest, computed
/// by the parser's reading thread, so the file is read once).
struct Hashing<R> {
    inner: R,
    hash: Sha256,
}

impl<R: Read> Read for Hashing<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.hash.update(&buf[..n]);
        Ok(n)
    }
}

pub async fn import(db: &str, lang: Lang, args: TrafficImportArgs) -> anyhow::Result<()> {
    let store = open(db, lang).await?;
    let mut site_hosts = args.site_hosts.clone();
    if site_hosts.is_empty() && args.site.contains('.') && !args.site.contains('/') {
        site_hosts.push(args.site.clone());
    }
    let options = Options {
        format: match args.format {
            TrafficFormatArg::Auto => Format::Auto,
            TrafficFormatArg::Combined => Format::Combined,
            TrafficFormatArg::Vcombined => Format::VCombined,
            TrafficFormatArg::Common => Format::Common,
        },
        site_hosts,
        short_link_hosts: args.short_link_hosts.clone(),
        short_link_paths: args.short_link_paths.clone(),
    };
    let today = Utc::now()
        .with_timezone(&chrono_tz::Europe::Paris)
        .date_naive();
    let keep_from = today
        .checked_sub_months(Months::new(args.retention_months))
        .map(|d| d.format("%Y-%m-%d").to_string());
    let mut reports = Vec::new();
    // Matomo's exports are read together (the summary with the referrers);
    // every other file is an access log.
    let (exports, logs): (Vec<&PathBuf>, Vec<&PathBuf>) = args
        .files
        .iter()
        .partition(|p| super::traffic_matomo_csv::is_export(p));
    if !exports.is_empty() {
        let names = exports
            .iter()
            .map(|p| p.display().to_string())
            .collect::<Vec<_>>()
            .join(", ");
        reports.push(
            match super::traffic_matomo_csv::import(
                &store,
                lang,
                &exports,
                &args,
                keep_from.clone(),
            )
            .await
            {
                Ok(r) => r,
                Err(e) => FileReport::rejected(names, e),
            },
        );
    }
    for path in logs {
        let file = path.display().to_string();
        let report = match import_one(&store, lang, path, &options, &args, keep_from.clone()).await
        {
            Ok(r) => r,
            Err(e) => FileReport::rejected(file, e),
        };
        reports.push(report);
    }
    store.close().await;
    if args.json {
        json(&reports)?;
    } else {
        for r in &reports {
            print_report(lang, r);
        }
    }
    let rejected = reports.iter().filter(|r| r.status == "rejected").count();
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
    path: &PathBuf,
    options: &Options,
    args: &TrafficImportArgs,
    keep_from: Option<String>,
) -> Result<FileReport, String> {
    let file = path.display().to_string();
    let opened = File::open(path).map_err(|e| match lang {
        Lang::Fr => format!("{file} : lecture impossible ({e}) ; vérifiez le chemin et les droits"),
        Lang::En => format!("{file}: cannot read ({e}); check the path and permissions"),
    })?;
    let options = options.clone();
    let parsed = tokio::task::spawn_blocking(move || {
        let mut reader = Hashing {
            inner: opened,
            hash: Sha256::new(),
        };
        let summary = relais_traffic::parse(&mut reader, &options)?;
        Ok::<_, relais_traffic::Error>((summary, hex::encode(reader.hash.finalize())))
    })
    .await
    .map_err(|e| format!("{file}: {e}"))?;
    let (summary, digest) = parsed.map_err(|e| match lang {
        Lang::Fr => format!("{file} : illisible ({e}) ; est-ce bien un journal d'accès, entier ?"),
        Lang::En => format!("{file}: unreadable ({e}); is it a whole access log?"),
    })?;
    if summary.lines > 0 && summary.malformed == summary.lines {
        let first = summary.malformed_examples.first();
        let (line, text) = first.map_or((1, ""), |m| (m.line, m.text.as_str()));
        let format = summary.format.name();
        return Err(match lang {
            Lang::Fr => format!(
                "{file}, ligne {line} : aucune ligne n'est au format {format} (« {text} ») ; \
                 essayez --format combined, vcombined ou common"
            ),
            Lang::En => format!(
                "{file}, line {line}: no line is in the {format} format (`{text}`); \
                 try --format combined, vcombined or common"
            ),
        });
    }
    let import = TrafficImport {
        digest,
        site: args.site.clone(),
        file_name: path
            .file_name()
            .map_or(file.clone(), |n| n.to_string_lossy().into_owned()),
        format: summary.format.name().to_string(),
        imported_at: Utc::now().timestamp(),
        lines: summary.lines as i64,
        malformed: summary.malformed as i64,
        bots: summary.bots as i64,
        pageviews: summary.pageviews as i64,
        visits: summary.visits as i64,
        keep_from,
        replace_days: None,
        rows: summary
            .rows
            .iter()
            .map(|r| TrafficRow {
                day: r.day_string(),
                source: r.channel.code().to_string(),
                campaign: r.campaign.clone(),
                landing: r.landing.clone(),
                pageviews: r.pageviews as i64,
                visits: r.visits as i64,
            })
            .collect(),
    };
    let outcome = store
        .import_traffic(&import)
        .await
        .map_err(|e| format!("{file}: {}", store_err(lang)(e)))?;
    let status = if outcome.already_imported {
        "unchanged"
    } else {
        "imported"
    };
    Ok(FileReport::new(file, &summary, status, outcome))
}

fn print_report(lang: Lang, r: &FileReport) {
    let n = |v: u64| number(v as i64, lang);
    let status = match (r.status, lang) {
        ("imported", Lang::Fr) => "importé",
        ("unchanged", Lang::Fr) => "déjà importé, rien n'a changé",
        ("rejected", Lang::Fr) => "refusé",
        ("unchanged", Lang::En) => "already imported, nothing changed",
        (s, _) => s,
    };
    let sep = lang.pick(" :", ":");
    match r.format {
        Some(f) => println!(
            "{}{sep} {status} ({} {})",
            r.file,
            lang.pick("format", "format"),
            f.name()
        ),
        None => println!("{}{sep} {status}", r.file),
    }
    if let Some(e) = &r.error {
        println!("  {e}");
        return;
    }
    let fr = lang == Lang::Fr;
    let t = |f: &'static str, e: &'static str| if fr { f } else { e };
    let mut lines = vec![
        (t("lignes", "lines"), n(r.lines)),
        (t("lignes illisibles", "malformed lines"), n(r.malformed)),
        (t("robots", "robots"), n(r.bots)),
        (t("fichiers statiques", "static assets"), n(r.assets)),
        (
            t("pages vues (personnes)", "page views (people)"),
            n(r.pageviews),
        ),
        (t("visites", "visits"), n(r.visits)),
    ];
    if let (Some(a), Some(b)) = (&r.first_day, &r.last_day) {
        lines.push((t("période", "period"), format!("{a} → {b}")));
    }
    rows(&lines);
    let mut by_source: Vec<_> = r.visits_by_source.iter().collect();
    by_source.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    println!("  {}", t("Visites par source :", "Visits by source:"));
    let labels: Vec<(&str, String)> = by_source
        .iter()
        .map(|(c, v)| (c.label(fr), n(**v)))
        .collect();
    rows(&labels);
    if !r.malformed_examples.is_empty() {
        println!(
            "  {}",
            t("Premières lignes illisibles :", "First malformed lines:")
        );
        for m in &r.malformed_examples {
            match lang {
                Lang::Fr => println!("    ligne {} : {}", m.line, m.text),
                Lang::En => println!("    line {}: {}", m.line, m.text),
            }
        }
    }
}
