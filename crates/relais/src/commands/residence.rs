//! `relais residence import` and `relais residence list`.
//!
//! An import reads the whole file, checks every row, and writes in one
//! transaction: a file with one bad line changes nothing.

use std::collections::BTreeMap;

use anyhow::{Context, anyhow};
use relais_core::Lang;
use relais_core::residences::{ParsedResidences, Placement, ResidenceFileFormat, parse, to_domain};
use relais_store::{ResidenceImportSummary, Store};
use serde::Serialize;

use super::{open, store_err};
use crate::cli::ResidenceImportArgs;
use crate::output::{json, number};

#[derive(Serialize)]
struct ImportReport<'a> {
    file: String,
    dry_run: bool,
    parsed: &'a ParsedResidences,
    changes: ResidenceImportSummary,
}

pub async fn import(db: &str, lang: Lang, args: ResidenceImportArgs) -> anyhow::Result<()> {
    let file = args.file.display().to_string();
    let bytes = std::fs::read(&args.file).with_context(|| match lang {
        Lang::Fr => format!("impossible de lire le fichier {file}"),
        Lang::En => format!("cannot read file {file}"),
    })?;
    let parsed = parse(&bytes, &file).map_err(|e| anyhow!(message(lang, &e)))?;
    let placement = Placement {
        agency: args.agency.as_deref(),
        territory: args.territory.as_deref(),
    };
    let (territories, residences) =
        to_domain(&parsed, &file, placement).map_err(|e| anyhow!(message(lang, &e)))?;
    for w in &parsed.warnings {
        eprintln!("{} {w}", lang.pick("attention :", "warning:"));
    }
    let store = open(db, lang).await?;
    let changes = if args.dry_run {
        preview(&store, &territories, &residences)
            .await
            .map_err(store_err(lang))?
    } else {
        store
            .import_residences(&territories, &residences)
            .await
            .map_err(store_err(lang))?
    };
    store.close().await;
    if args.json {
        return json(&ImportReport {
            file,
            dry_run: args.dry_run,
            parsed: &parsed,
            changes,
        });
    }
    print_report(lang, &file, &parsed, &changes, args.dry_run);
    Ok(())
}

fn message(lang: Lang, e: &relais_core::residences::ResidenceFileError) -> String {
    let text = match lang {
        Lang::Fr => e.message_fr(),
        Lang::En => e.message_en(),
    };
    format!(
        "{text} {}",
        lang.pick("Rien n'a été importé.", "Nothing was imported.")
    )
}

/// What an import would change, computed without writing.
async fn preview(
    store: &relais_store::SqlStore,
    territories: &[relais_core::Territory],
    residences: &[relais_core::Residence],
) -> Result<ResidenceImportSummary, relais_store::StoreError> {
    let known_t = store.territories().await?;
    let known_r: BTreeMap<_, _> = store
        .residences()
        .await?
        .into_iter()
        .map(|r| (r.id.clone(), r))
        .collect();
    let mut s = ResidenceImportSummary {
        territories_created: territories
            .iter()
            .filter(|t| !known_t.iter().any(|k| k.id == t.id))
            .count() as u64,
        ..Default::default()
    };
    for r in residences {
        match known_r.get(&r.id) {
            None => s.residences_created += 1,
            Some(old) if old == r => s.residences_unchanged += 1,
            Some(_) => s.residences_updated += 1,
        }
    }
    Ok(s)
}

/// "3-5, 9": line numbers as ranges.
fn ranges(lines: &[u64]) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let start = lines[i];
        let mut end = start;
        while i + 1 < lines.len() && lines[i + 1] == end + 1 {
            i += 1;
            end = lines[i];
        }
        out.push(if start == end {
            start.to_string()
        } else {
            format!("{start}-{end}")
        });
        i += 1;
    }
    out.join(", ")
}

const SHOWN_GROUPS: usize = 30;

fn print_report(
    lang: Lang,
    file: &str,
    parsed: &ParsedResidences,
    c: &ResidenceImportSummary,
    dry_run: bool,
) {
    let n = |v: u64| number(i64::try_from(v).unwrap_or(i64::MAX), lang);
    let format = match parsed.format {
        ResidenceFileFormat::RelaisCsv => {
            lang.pick("CSV de résidences relais", "relais residences CSV")
        }
        ResidenceFileFormat::Rpls => lang.pick("export RPLS", "RPLS export"),
    };
    println!("{file} : {format} ({})", parsed.encoding);
    if let Some(g) = &parsed.grouping {
        match lang {
            Lang::Fr => println!(
                "{} logements regroupés par adresse en {} résidences :",
                n(g.dwellings),
                n(g.residences)
            ),
            Lang::En => println!(
                "{} dwellings grouped by address into {} residences:",
                n(g.dwellings),
                n(g.residences)
            ),
        }
        for group in g.groups.iter().take(SHOWN_GROUPS) {
            println!(
                "  {}  {}  {} {} ({} {})",
                group.residence_id,
                group.address,
                n(group.dwellings),
                lang.pick("logements", "dwellings"),
                lang.pick("lignes", "lines"),
                ranges(&group.lines)
            );
        }
        if g.groups.len() > SHOWN_GROUPS {
            match lang {
                Lang::Fr => println!(
                    "  … et {} autres (--json pour tout voir)",
                    g.groups.len() - SHOWN_GROUPS
                ),
                Lang::En => println!(
                    "  … and {} more (--json shows all)",
                    g.groups.len() - SHOWN_GROUPS
                ),
            }
        }
    }
    let verb = if dry_run {
        lang.pick("Simulation, rien n'est écrit", "Dry run, nothing written")
    } else {
        lang.pick("Importé", "Imported")
    };
    match lang {
        Lang::Fr => println!(
            "{verb} : {} résidence(s) nouvelle(s), {} modifiée(s), {} inchangée(s) ; {} territoire(s) créé(s).",
            n(c.residences_created),
            n(c.residences_updated),
            n(c.residences_unchanged),
            n(c.territories_created)
        ),
        Lang::En => println!(
            "{verb}: {} new residence(s), {} updated, {} unchanged; {} territory(ies) created.",
            n(c.residences_created),
            n(c.residences_updated),
            n(c.residences_unchanged),
            n(c.territories_created)
        ),
    }
}

pub async fn list(db: &str, lang: Lang, as_json: bool) -> anyhow::Result<()> {
    let store = open(db, lang).await?;
    let residences = store.residences().await.map_err(store_err(lang))?;
    store.close().await;
    if as_json {
        return json(&residences);
    }
    if residences.is_empty() {
        println!(
            "{}",
            lang.pick(
                "Aucune résidence. Importez-les : relais residence import FICHIER",
                "No residence. Import them: relais residence import FILE"
            )
        );
        return Ok(());
    }
    for r in &residences {
        let year = r
            .built_year
            .map(|y| y.get().to_string())
            .unwrap_or_else(|| "—".into());
        println!(
            "{}  {}  {}, {} {}  {} {}  {}  [{}]",
            r.id,
            r.name,
            r.street,
            r.postcode.as_str(),
            r.city,
            r.homes,
            lang.pick("logements", "homes"),
            year,
            r.agency
        );
    }
    println!(
        "{} {}",
        number(residences.len() as i64, lang),
        lang.pick("résidences", "residences")
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::ranges;

    #[test]
    fn lines_are_shown_as_ranges() {
        assert_eq!(ranges(&[3, 4, 5, 9, 11, 12]), "3-5, 9, 11-12");
        assert_eq!(ranges(&[]), "");
    }
}
