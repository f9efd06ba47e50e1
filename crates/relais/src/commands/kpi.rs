//! `relais kpi`: the KPIs of kpis.md on a slice and period, as a table for
//! people, JSON rows for machines, or CSV for a spreadsheet.

use anyhow::{Context, anyhow};
use relais_core::Lang;
use relais_kpi::format;
use relais_kpi::{CATALOGUE, Dim, Facts, Kpi, Period, Query, Row};
use relais_store::Store;

use super::{open, store_err};
use crate::cli::KpiArgs;
use crate::output::{json, number};

/// Reads the facts of the database at `db`.
pub async fn facts(db: &str, lang: Lang) -> anyhow::Result<Facts> {
    let store = open(db, lang).await?;
    let facts = store.kpi_facts().await.map_err(store_err(lang))?;
    store.close().await;
    Ok(facts)
}

/// The period asked for, or the twelve months ending with the latest data.
pub fn period(raw: Option<&str>, facts: &Facts, lang: Lang) -> anyhow::Result<Period> {
    match raw {
        Some(p) => Period::parse(p).map_err(|e| anyhow!("{e}")),
        None => facts.last_day().map(Period::twelve_months_to).ok_or_else(|| {
            anyhow!(lang.pick(
                "la base ne contient aucune publication : importez des exports (relais import) ou lancez relais demo",
                "the database holds no post: import exports (relais import) or run relais demo",
            ))
        }),
    }
}

fn kpis(codes: &[String], lang: Lang) -> anyhow::Result<Vec<&'static Kpi>> {
    codes
        .iter()
        .map(|c| {
            Kpi::find(c.trim()).ok_or_else(|| {
                let known: Vec<&str> = CATALOGUE.iter().map(|k| k.code).collect();
                anyhow!(
                    "{} « {c} » ; {} {}",
                    lang.pick("indicateur inconnu", "unknown KPI"),
                    lang.pick("indicateurs connus :", "known KPIs:"),
                    known.join(", ")
                )
            })
        })
        .collect()
}

pub async fn run(db: &str, lang: Lang, args: KpiArgs) -> anyhow::Result<()> {
    let wanted = kpis(&args.kpis, lang)?;
    let dims = Dim::parse_list(&args.slice).map_err(|e| anyhow!("{e}"))?;
    let facts = facts(db, lang).await?;
    let period = period(args.period.as_deref(), &facts, lang)?;
    let query = Query {
        kpis: wanted,
        dims,
        period,
        lang,
    };
    let rows = relais_kpi::compute(&facts, &query);
    if args.json {
        return json(&rows);
    }
    if args.csv {
        return csv(&rows);
    }
    print_table(&rows, lang);
    Ok(())
}

fn slice_text(row: &Row) -> String {
    if row.slice.is_empty() {
        return "—".into();
    }
    row.slice
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join(" ")
}

fn print_table(rows: &[Row], lang: Lang) {
    let mut current: Option<(&str, Option<&str>)> = None;
    for row in rows {
        if current != Some((row.kpi, row.unit)) {
            current = Some((row.kpi, row.unit));
            let kpi = Kpi::find(row.kpi).expect("rows come from the catalogue");
            let unit = row
                .unit
                .map(|u| format::unit_name(u, lang))
                .filter(|u| !u.is_empty());
            println!(
                "\n{}{} — {}",
                kpi.name(lang),
                unit.map(|u| format!(" ({u})")).unwrap_or_default(),
                row.period
            );
        }
        let detail = if row.available {
            let sig = match (row.significant, row.slice.is_empty()) {
                (Some(true), true) => lang.pick("  significatif", "  significant"),
                (Some(true), false) => {
                    lang.pick("  ≠ reste (significatif)", "  ≠ rest (significant)")
                }
                _ => "",
            };
            format!(
                "n = {}  {}{sig}",
                number(row.n as i64, lang),
                format::interval(row, lang)
            )
        } else {
            row.reason.clone().unwrap_or_default()
        };
        println!(
            "  {:<36} {:>16}  {detail}",
            slice_text(row),
            format::value(row, lang)
        );
    }
}

fn csv(rows: &[Row]) -> anyhow::Result<()> {
    let mut w = csv::Writer::from_writer(std::io::stdout());
    w.write_record([
        "kpi",
        "slice",
        "period",
        "unit",
        "value",
        "n",
        "interval_low",
        "interval_high",
        "available",
        "significant",
        "reason",
    ])?;
    for r in rows {
        let f = |v: Option<f64>| v.map(|v| v.to_string()).unwrap_or_default();
        w.write_record([
            r.kpi.to_string(),
            r.slice
                .iter()
                .map(|(k, v)| format!("{k}={v}"))
                .collect::<Vec<_>>()
                .join(";"),
            r.period.clone(),
            r.unit.unwrap_or_default().to_string(),
            f(r.value),
            r.n.to_string(),
            f(r.interval.map(|i| i[0])),
            f(r.interval.map(|i| i[1])),
            r.available.to_string(),
            r.significant.map(|s| s.to_string()).unwrap_or_default(),
            r.reason.clone().unwrap_or_default(),
        ])?;
    }
    w.flush().context("writing CSV")?;
    Ok(())
}
