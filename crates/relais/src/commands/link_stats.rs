//! `relais link stats`: scans, unique scanners and bots grouped by link,
//! residence, action, agency, direction or day, with scans per 100 homes.

use std::collections::BTreeMap;

use relais_core::Lang;
use relais_links::stats::{GroupBy, group};
use relais_store::{LinkScope, LinkStore, SqlStore, Store};

use super::{open, store_err};
use crate::cli::{LinkStatsArgs, StatsBy};
use crate::output::{json, number};

pub async fn run(db: &str, lang: Lang, args: LinkStatsArgs) -> anyhow::Result<()> {
    let by = match args.by {
        StatsBy::Link => GroupBy::Link,
        StatsBy::Residence => GroupBy::Residence,
        StatsBy::Action => GroupBy::Action,
        StatsBy::Agency => GroupBy::Agency,
        StatsBy::Territory => GroupBy::Territory,
        StatsBy::Day => GroupBy::Day,
    };
    let store = open(db, lang).await?;
    let err = store_err(lang);
    let links = store.links().await.map_err(&err)?;
    let counts = store
        .link_counts(args.since.as_deref())
        .await
        .map_err(&err)?;
    let residences = store.residences().await.map_err(&err)?;
    let territories = store.territories().await.map_err(&err)?;
    store.close().await;
    let rows = group(by, &links, &counts, &residences, &territories);
    if args.json {
        return json(&rows);
    }
    if links.is_empty() {
        println!(
            "{}",
            lang.pick(
                "Aucun lien. Créez-en : relais link create --target URL --residence ID --action \"…\"",
                "No link. Create one: relais link create --target URL --residence ID --action \"…\""
            )
        );
        return Ok(());
    }
    let head = match lang {
        Lang::Fr => [
            "",
            "scans",
            "uniques",
            "robots",
            "logements",
            "scans/100 lgts",
        ],
        Lang::En => ["", "scans", "uniques", "bots", "homes", "scans/100 homes"],
    };
    let mut table: Vec<[String; 6]> = vec![head.map(String::from)];
    for r in &rows {
        let label = if matches!(
            by,
            GroupBy::Day | GroupBy::Residence | GroupBy::Agency | GroupBy::Territory
        ) {
            r.label.clone()
        } else {
            format!("{} [{}]", r.label, r.key)
        };
        table.push([
            label,
            number(r.scans, lang),
            number(r.uniques, lang),
            number(r.bots, lang),
            r.homes.map_or("—".into(), |h| number(h as i64, lang)),
            r.scans_per_100_homes.map_or("—".into(), |v| {
                let s = format!("{v:.1}");
                if lang == Lang::Fr {
                    s.replace('.', ",")
                } else {
                    s
                }
            }),
        ]);
    }
    let widths: Vec<usize> = (0..6)
        .map(|i| {
            table
                .iter()
                .map(|row| row[i].chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    for row in &table {
        let mut line = format!(
            "{}{}",
            row[0],
            " ".repeat(widths[0] - row[0].chars().count())
        );
        for i in 1..6 {
            line.push_str(&format!(
                "  {}{}",
                " ".repeat(widths[i] - row[i].chars().count()),
                row[i]
            ));
        }
        println!("{}", line.trim_end());
    }
    println!(
        "{}",
        lang.pick(
            "Uniques : scanners distincts de chaque jour, additionnés. Robots : aperçus de liens et robots, comptés à part.",
            "Uniques: distinct scanners of each day, added up. Bots: link previews and crawlers, counted apart."
        )
    );
    Ok(())
}

/// The id a link is about.
pub fn scope_id(scope: &LinkScope) -> &str {
    match scope {
        LinkScope::Residence(r) => r.as_str(),
        LinkScope::Territory(t) => t.as_str(),
    }
}

/// Residence and territory names by id.
pub async fn place_names(store: &SqlStore, lang: Lang) -> anyhow::Result<BTreeMap<String, String>> {
    let err = store_err(lang);
    let mut names: BTreeMap<String, String> = store
        .residences()
        .await
        .map_err(&err)?
        .into_iter()
        .map(|r| (r.id.to_string(), r.name))
        .collect();
    names.extend(
        store
            .territories()
            .await
            .map_err(&err)?
            .into_iter()
            .map(|t| (t.id.to_string(), t.name)),
    );
    Ok(names)
}
