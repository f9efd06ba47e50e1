//! `relais traffic matomo --url URL --site-id N --token-stdin --period …`:
//! daily visits from social networks (`Referrers.getSocials`), campaigns
//! (`Referrers.getCampaigns`) and in all (`VisitsSummary.get`) pulled from
//! Matomo's Reporting API, then stored like an access log's aggregates (no
//! landing page), replacing the period's days of that site in one
//! transaction. The token is read from standard input and sent as a POST
//! field, never in a URL, and never stored or printed.

use std::collections::BTreeMap;
use std::io::Read;
use std::time::Duration;

use anyhow::{anyhow, bail};
use chrono::{Months, Utc};
use relais_core::Lang;
use relais_store::{TrafficImport, TrafficOutcome, TrafficRow, TrafficStore};
use relais_traffic::Channel;
use relais_traffic::matomo::{self, MatomoError};
use serde::Serialize;
use sha2::{Digest, Sha256};

use super::traffic_report::period;
use super::{open, store_err};
use crate::cli::TrafficMatomoArgs;
use crate::output::{json, number, rows};

#[derive(Debug, Serialize)]
struct Pulled {
    site: String,
    from: String,
    to: String,
    /// `imported` or `unchanged` (Matomo answered the same as last time).
    status: &'static str,
    visits: u64,
    visits_by_source: BTreeMap<Channel, u64>,
    #[serde(flatten)]
    outcome: TrafficOutcome,
}

pub async fn run(db: &str, lang: Lang, args: TrafficMatomoArgs) -> anyhow::Result<()> {
    let say = |fr: String, en: String| anyhow!(if lang == Lang::Fr { fr } else { en });
    let (from, to) = period(&args.period).ok_or_else(|| {
        say(
            format!(
                "--period « {} » : attendu un jour, un mois (2026-01), une année ou DEBUT..FIN",
                args.period
            ),
            format!(
                "--period `{}`: expected a day, a month (2026-01), a year or FROM..TO",
                args.period
            ),
        )
    })?;
    let mut token = String::new();
    std::io::stdin().read_to_string(&mut token)?;
    let token = token.trim().to_string();
    if token.is_empty() {
        bail!(
            "{}",
            lang.pick(
                "aucun jeton reçu sur l'entrée standard : echo \"$JETON\" | relais traffic matomo …",
                "no token on standard input: echo \"$TOKEN\" | relais traffic matomo …"
            )
        );
    }
    let endpoint = if args.url.ends_with(".php") {
        args.url.clone()
    } else {
        format!("{}/index.php", args.url.trim_end_matches('/'))
    };
    // reqwest is built without a default TLS provider: give it ring's once.
    let _ = rustls::crypto::ring::default_provider().install_default();
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(120))
        .build()?;
    let (from, to) = (from.to_string(), to.to_string());
    let mut bodies = Vec::new();
    for method in [
        "Referrers.getSocials",
        "Referrers.getCampaigns",
        "VisitsSummary.get",
    ] {
        let form = [
            ("module", "API"),
            ("method", method),
            ("format", "JSON"),
            ("idSite", &args.site_id.to_string()),
            ("period", "day"),
            ("date", &format!("{from},{to}")),
            ("filter_limit", "-1"),
            ("token_auth", &token),
        ];
        let failed = |e: String| {
            say(
                format!("Matomo {endpoint}, {method} : échec ({e}) ; vérifiez --url et le réseau"),
                format!("Matomo {endpoint}, {method}: failed ({e}); check --url and the network"),
            )
        };
        let answer = client
            .post(&endpoint)
            .form(&form)
            .send()
            .await
            .map_err(|e| failed(e.to_string()))?;
        let status = answer.status();
        let body = answer.bytes().await.map_err(|e| failed(e.to_string()))?;
        if !status.is_success() {
            return Err(failed(format!("HTTP {status}")));
        }
        bodies.push(body.to_vec());
    }
    let refused = |e: MatomoError| {
        say(
            format!("Matomo {endpoint} : {e} ; vérifiez --site-id et le jeton"),
            format!("Matomo {endpoint}: {e}; check --site-id and the token"),
        )
    };
    let socials = matomo::table(&bodies[0]).map_err(refused)?;
    let campaigns = matomo::table(&bodies[1]).map_err(refused)?;
    let totals = matomo::summary(&bodies[2]).map_err(refused)?;
    let found = matomo::rows(&socials, &campaigns, &totals);

    let site = args
        .site
        .unwrap_or_else(|| format!("matomo-{}", args.site_id));
    let mut digest = Sha256::new();
    digest.update(format!("matomo\n{site}\n{}\n{from}\n{to}\n", args.site_id));
    for b in &bodies {
        digest.update((b.len() as u64).to_le_bytes());
        digest.update(b);
    }
    let today = Utc::now()
        .with_timezone(&chrono_tz::Europe::Paris)
        .date_naive();
    let mut by_source = BTreeMap::new();
    for r in &found {
        *by_source.entry(r.channel).or_default() += r.visits;
    }
    let import = TrafficImport {
        digest: hex::encode(digest.finalize()),
        site: site.clone(),
        file_name: format!("{endpoint}?idSite={}", args.site_id),
        format: "matomo".into(),
        imported_at: Utc::now().timestamp(),
        lines: 0,
        malformed: 0,
        bots: 0,
        pageviews: found.iter().map(|r| r.actions as i64).sum(),
        visits: found.iter().map(|r| r.visits as i64).sum(),
        keep_from: today
            .checked_sub_months(Months::new(args.retention_months))
            .map(|d| d.format("%Y-%m-%d").to_string()),
        replace_days: Some((from.clone(), to.clone())),
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
    let store = open(db, lang).await?;
    let outcome = store
        .import_traffic(&import)
        .await
        .map_err(store_err(lang))?;
    store.close().await;
    let pulled = Pulled {
        site,
        from,
        to,
        status: if outcome.already_imported {
            "unchanged"
        } else {
            "imported"
        },
        visits: found.iter().map(|r| r.visits).sum(),
        visits_by_source: by_source,
        outcome,
    };
    if args.json {
        return json(&pulled);
    }
    let fr = lang == Lang::Fr;
    let status = match (pulled.status, fr) {
        ("unchanged", true) => "déjà importé, rien n'a changé",
        ("unchanged", false) => "already imported, nothing changed",
        (_, true) => "importé",
        (_, false) => "imported",
    };
    println!(
        "Matomo {} → {} ({} → {}) : {status}",
        endpoint, pulled.site, pulled.from, pulled.to
    );
    let mut lines: Vec<(&str, String)> = vec![(
        lang.pick("visites", "visits"),
        number(pulled.visits as i64, lang),
    )];
    let mut sources: Vec<_> = pulled.visits_by_source.iter().collect();
    sources.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    lines.extend(
        sources
            .iter()
            .map(|(c, v)| (c.label(fr), number(**v as i64, lang))),
    );
    rows(&lines);
    Ok(())
}
