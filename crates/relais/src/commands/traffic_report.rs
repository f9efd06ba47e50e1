//! `relais traffic report [--by network|campaign|landing|day] [--period …]`:
//! visits and page views from the stored daily aggregates.

use anyhow::{anyhow, bail};
use chrono::{Months, NaiveDate};
use relais_core::Lang;
use relais_store::{TrafficBy, TrafficQuery, TrafficStore};
use relais_traffic::Channel;
use serde::Serialize;

use super::{open, store_err};
use crate::cli::{TrafficByArg, TrafficReportArgs};
use crate::output::{json, number};

#[derive(Debug, Serialize)]
struct Line {
    key: String,
    label: String,
    visits: i64,
    pageviews: i64,
}

#[derive(Debug, Serialize)]
struct Report {
    by: TrafficBy,
    site: Option<String>,
    from: Option<String>,
    to: Option<String>,
    rows: Vec<Line>,
}

pub async fn run(db: &str, lang: Lang, args: TrafficReportArgs) -> anyhow::Result<()> {
    let (from, to) = match &args.period {
        Some(p) => {
            let (a, b) = period(p).ok_or_else(|| {
                anyhow!(
                    "{}",
                    match lang {
                        Lang::Fr => format!(
                            "--period « {p} » : attendu un jour (2026-01-05), un mois (2026-01), \
                             une année (2026) ou DEBUT..FIN (2026-01-01..2026-03-31)"
                        ),
                        Lang::En => format!(
                            "--period `{p}`: expected a day (2026-01-05), a month (2026-01), \
                             a year (2026) or FROM..TO (2026-01-01..2026-03-31)"
                        ),
                    }
                )
            })?;
            (Some(a.to_string()), Some(b.to_string()))
        }
        None => (None, None),
    };
    let by = match args.by {
        TrafficByArg::Network => TrafficBy::Network,
        TrafficByArg::Campaign => TrafficBy::Campaign,
        TrafficByArg::Landing => TrafficBy::Landing,
        TrafficByArg::Day => TrafficBy::Day,
    };
    let store = open(db, lang).await?;
    let query = TrafficQuery {
        by,
        site: args.site.clone(),
        from: from.clone(),
        to: to.clone(),
    };
    let found = store
        .traffic_report(&query)
        .await
        .map_err(store_err(lang))?;
    store.close().await;
    let fr = lang == Lang::Fr;
    let rows: Vec<Line> = found
        .into_iter()
        .map(|r| {
            let label = match (by, r.key.as_str()) {
                (TrafficBy::Network, code) => {
                    Channel::parse(code).map_or(code.to_string(), |c| c.label(fr).to_string())
                }
                (TrafficBy::Campaign, "") => lang.pick("(sans campagne)", "(no campaign)").into(),
                (_, key) => key.to_string(),
            };
            Line {
                key: r.key,
                label,
                visits: r.visits,
                pageviews: r.pageviews,
            }
        })
        .collect();
    let report = Report {
        by,
        site: args.site,
        from,
        to,
        rows,
    };
    if args.json {
        return json(&report);
    }
    if report.rows.is_empty() {
        bail!(
            "{}",
            lang.pick(
                "aucune visite enregistrée pour ce choix ; importez des journaux avec `relais traffic import`",
                "no visits stored for this choice; import logs with `relais traffic import`"
            )
        );
    }
    print_table(lang, &report.rows);
    Ok(())
}

fn print_table(lang: Lang, rows: &[Line]) {
    let total: i64 = rows.iter().map(|r| r.visits).sum();
    let (h1, h2, h3) = (
        "",
        lang.pick("visites", "visits"),
        lang.pick("pages vues", "page views"),
    );
    let width = rows
        .iter()
        .map(|r| r.label.chars().count())
        .max()
        .unwrap_or(0);
    println!("  {h1:width$}  {h2:>10}  {:>6}  {h3:>10}", "%");
    for r in rows {
        let share = if total > 0 {
            100.0 * r.visits as f64 / total as f64
        } else {
            0.0
        };
        println!(
            "  {:width$}  {:>10}  {:>6.1}  {:>10}",
            r.label,
            number(r.visits, lang),
            share,
            number(r.pageviews, lang),
            width = width
        );
    }
}

/// The first and last day of a period.
pub(crate) fn period(raw: &str) -> Option<(NaiveDate, NaiveDate)> {
    let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
    if let Some((a, b)) = raw.split_once("..") {
        let (a, b) = (day(a)?, day(b)?);
        return (a <= b).then_some((a, b));
    }
    if let Some(d) = day(raw) {
        return Some((d, d));
    }
    if let Some((y, m)) = raw.split_once('-') {
        let first = NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, 1)?;
        let last = first.checked_add_months(Months::new(1))?.pred_opt()?;
        return Some((first, last));
    }
    let year: i32 = raw.parse().ok()?;
    Some((
        NaiveDate::from_ymd_opt(year, 1, 1)?,
        NaiveDate::from_ymd_opt(year, 12, 31)?,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_are_days_months_years_or_ranges() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert_eq!(
            period("2026-01-05"),
            Some((d("2026-01-05"), d("2026-01-05")))
        );
        assert_eq!(period("2024-02"), Some((d("2024-02-01"), d("2024-02-29"))));
        assert_eq!(period("2026"), Some((d("2026-01-01"), d("2026-12-31"))));
        assert_eq!(
            period("2026-01-01..2026-03-31"),
            Some((d("2026-01-01"), d("2026-03-31")))
        );
        assert_eq!(period("2026-03-31..2026-01-01"), None);
        assert_eq!(period("hier"), None);
        assert_eq!(period("2026-13"), None);
    }
}
