//! Matomo's CSV/TSV exports given to `relais traffic import`: the
//! `VisitsSummary.get` export with the `Referrers.getSocials` and/or
//! `Referrers.getCampaigns` ones make one import, in one transaction, as the
//! API path does (what is neither social nor campaign is "other source").
//! The same files again change nothing.

use std::collections::BTreeMap;
use std::path::PathBuf;

use chrono::Utc;
use relais_core::Lang;
use relais_store::{SqlStore, TrafficImport, TrafficRow, TrafficStore};
use relais_traffic::matomo::{self, Table};
use relais_traffic::matomo_csv::{self, MatomoCsv};
use sha2::{Digest, Sha256};

use super::store_err;
use super::traffic::FileReport;
use crate::cli::TrafficImportArgs;

/// Is the file a Matomo export (read from its first bytes)?
pub fn is_export(path: &PathBuf) -> bool {
    use std::io::Read;
    let mut head = [0u8; 4096];
    std::fs::File::open(path)
        .and_then(|mut f| f.read(&mut head))
        .is_ok_and(|n| matomo_csv::is_matomo_csv(&head[..n]))
}

pub async fn import(
    store: &SqlStore,
    lang: Lang,
    files: &[&PathBuf],
    args: &TrafficImportArgs,
    keep_from: Option<String>,
) -> Result<FileReport, String> {
    let names: Vec<String> = files.iter().map(|p| p.display().to_string()).collect();
    let (mut socials, mut campaigns, mut summary) = (Table::new(), Table::new(), BTreeMap::new());
    let mut digest = Sha256::new();
    digest.update(format!("matomo-csv\n{}\n", args.site));
    let (mut has_summary, mut has_referrers) = (false, false);
    for (path, name) in files.iter().zip(&names) {
        let bytes = std::fs::read(path).map_err(|e| match lang {
            Lang::Fr => format!("{name} : lecture impossible ({e})"),
            Lang::En => format!("{name}: cannot read ({e})"),
        })?;
        digest.update((bytes.len() as u64).to_le_bytes());
        digest.update(&bytes);
        match matomo_csv::parse(&bytes).map_err(|e| match lang {
            Lang::Fr => format!("{name}, ligne {} : {} (export Matomo)", e.line, e.message),
            Lang::En => format!("{name}, line {}: {} (Matomo export)", e.line, e.message),
        })? {
            MatomoCsv::Socials(t) => {
                has_referrers = true;
                socials.extend(t);
            }
            MatomoCsv::Campaigns(t) => {
                has_referrers = true;
                campaigns.extend(t);
            }
            MatomoCsv::Summary(s) => {
                has_summary = true;
                summary.extend(s);
            }
        }
    }
    let all = names.join(", ");
    if !has_summary || !has_referrers {
        return Err(match lang {
            Lang::Fr => format!(
                "{all} : il faut ensemble l'export « Visites – vue d'ensemble » (VisitsSummary.get) et celui des réseaux sociaux (Referrers.getSocials) ou des campagnes, pour la même période"
            ),
            Lang::En => format!(
                "{all}: give together the visits overview export (VisitsSummary.get) and the social networks' (Referrers.getSocials) or campaigns' one, for the same period"
            ),
        });
    }
    let found = matomo::rows(&socials, &campaigns, &summary);
    let first = summary.keys().next().cloned();
    let last = summary.keys().next_back().cloned();
    let import = TrafficImport {
        digest: hex::encode(digest.finalize()),
        site: args.site.clone(),
        file_name: all.clone(),
        format: "matomo-csv".into(),
        imported_at: Utc::now().timestamp(),
        lines: 0,
        malformed: 0,
        bots: 0,
        pageviews: found.iter().map(|r| r.actions as i64).sum(),
        visits: found.iter().map(|r| r.visits as i64).sum(),
        keep_from,
        replace_days: first.clone().zip(last.clone()),
        rows: found
            .iter()
            .map(|r| TrafficRow {
                day: r.day.clone(),
                source: r.channel.code().into(),
                campaign: r.campaign.clone(),
                landing: String::new(),
                pageviews: r.actions as i64,
                visits: r.visits as i64,
            })
            .collect(),
    };
    let outcome = store
        .import_traffic(&import)
        .await
        .map_err(|e| format!("{all}: {}", store_err(lang)(e)))?;
    let mut by_source = BTreeMap::new();
    for r in &found {
        *by_source.entry(r.channel).or_default() += r.visits;
    }
    Ok(FileReport::matomo(all, outcome, by_source, first, last))
}
