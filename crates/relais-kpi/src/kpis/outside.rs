//! KPIs that read data from outside the networks: field scans of short links
//! and QR posters, website visits from the networks, and satisfaction
//! surveys. Each says which data to bring when there is none.

use std::collections::{BTreeMap, BTreeSet};

use chrono::Datelike;
use relais_core::AuthorKind;

use crate::engine::Cx;
use crate::facts::{Facts, SurveyScope};
use crate::period::Period;
use crate::row::Row;
use crate::slice::Dim;
use crate::stats;

pub(crate) fn field_scans(cx: &Cx) -> Vec<Row> {
    let scans: Vec<_> =
        cx.f.scans
            .iter()
            .filter(|s| cx.q.period.contains_day(s.day))
            .collect();
    if cx.f.scans.is_empty() {
        return vec![cx.row("field_scans", BTreeMap::new()).missing(0, cx.say(
            "aucun lien court ni QR code : créez-en avec relais link create ou relais link bulk",
            "no short link or QR code: create some with relais link create or relais link bulk",
        ))];
    }
    if let Some(rows) = cx.undefined_along(
        "field_scans",
        &[
            Dim::Network,
            Dim::Account,
            Dim::AuthorKind,
            Dim::Theme,
            Dim::Audience,
        ],
    ) {
        return rows;
    }
    let place = |s: &crate::facts::ScanFact, d: Dim| -> Option<String> {
        let agency = s.residence.map(|r| cx.f.residences[r].agency).or(s
            .territory
            .filter(|&t| cx.f.territories[t].direction.is_some()));
        match d {
            Dim::Residence => s.residence.map(|r| cx.f.residences[r].id.clone()),
            Dim::Agency => agency.map(|a| cx.f.territories[a].id.clone()),
            Dim::Territory => agency
                .or(s.territory)
                .map(|t| cx.f.territories[cx.f.direction_of(t)].id.clone()),
            Dim::Time(g) => Some(g.bucket(s.day)),
            _ => None,
        }
    };
    let mut groups: BTreeMap<Vec<String>, Vec<&crate::facts::ScanFact>> = BTreeMap::new();
    for s in &scans {
        if let Some(k) =
            cx.q.dims
                .iter()
                .map(|&d| place(s, d))
                .collect::<Option<Vec<_>>>()
        {
            groups.entry(k).or_default().push(s);
        }
    }
    if cx.q.dims.is_empty() {
        groups.entry(Vec::new()).or_default();
    }
    let mut rows = Vec::new();
    for (key, ss) in groups {
        let total: u64 = ss.iter().map(|s| s.scans).sum();
        let links: BTreeSet<&str> = ss.iter().map(|s| s.link.as_str()).collect();
        let actions: BTreeSet<&str> = ss.iter().map(|s| s.action.as_str()).collect();
        rows.push(
            cx.row("field_scans", cx.slice_of(&key))
                .unit("scans")
                .value(total as f64, links.len() as u64, None),
        );
        if !actions.is_empty() {
            rows.push(
                cx.row("field_scans", cx.slice_of(&key))
                    .unit("per_action")
                    .value(
                        total as f64 / actions.len() as f64,
                        actions.len() as u64,
                        None,
                    ),
            );
        }
        let residences: BTreeSet<usize> = ss.iter().filter_map(|s| s.residence).collect();
        let homes: u64 = residences
            .iter()
            .map(|&r| u64::from(cx.f.residences[r].homes))
            .sum();
        let on_residences: u64 = ss
            .iter()
            .filter(|s| s.residence.is_some())
            .map(|s| s.scans)
            .sum();
        let row = cx
            .row("field_scans", cx.slice_of(&key))
            .unit("per_100_homes");
        rows.push(if homes == 0 {
            row.missing(
                0,
                cx.say(
                    "aucun lien rattaché à une résidence",
                    "no link tied to a residence",
                ),
            )
        } else {
            row.value(
                on_residences as f64 * 100.0 / homes as f64,
                residences.len() as u64,
                None,
            )
        });
    }
    rows
}

pub(crate) fn social_web(cx: &Cx) -> Vec<Row> {
    if cx.f.visits.is_empty() {
        return vec![cx.row("social_web_share", BTreeMap::new()).missing(0, cx.say(
            "aucune donnée de trafic du site : relais traffic import (journaux d'accès) ou relais traffic matomo",
            "no website traffic data: relais traffic import (access logs) or relais traffic matomo",
        ))];
    }
    if let Some(rows) = cx.undefined_along(
        "social_web_share",
        &[
            Dim::Account,
            Dim::AuthorKind,
            Dim::Theme,
            Dim::Audience,
            Dim::Territory,
            Dim::Agency,
            Dim::Residence,
        ],
    ) {
        return rows;
    }
    let grain =
        cx.q.dims
            .iter()
            .find_map(|d| if let Dim::Time(g) = d { Some(*g) } else { None });
    let mut totals: BTreeMap<String, (u64, BTreeMap<Option<&str>, u64>)> = BTreeMap::new();
    for v in
        cx.f.visits
            .iter()
            .filter(|v| cx.q.period.contains_day(v.day))
    {
        let bucket = grain.map(|g| g.bucket(v.day)).unwrap_or_default();
        let t = totals.entry(bucket).or_default();
        t.0 += v.visits;
        *t.1.entry(v.network.as_deref()).or_default() += v.visits;
    }
    let mut rows = Vec::new();
    for (bucket, (all, per)) in totals {
        let mut slice = BTreeMap::new();
        if let Some(g) = grain {
            slice.insert(Dim::Time(g).name(), bucket.clone());
        }
        let social: u64 = per
            .iter()
            .filter(|(k, _)| k.is_some())
            .map(|(_, v)| v)
            .sum();
        let by_network = cx.q.dims.contains(&Dim::Network);
        if by_network {
            for (net, k) in per.iter().filter_map(|(n, k)| Some((n.as_ref()?, *k))) {
                let mut s = slice.clone();
                s.insert("network", net.to_string());
                rows.push(cx.row("social_web_share", s).value(
                    k as f64 / all as f64,
                    all,
                    stats::wilson(k, all),
                ));
            }
        } else {
            rows.push(cx.row("social_web_share", slice).value(
                social as f64 / all.max(1) as f64,
                all,
                stats::wilson(social, all),
            ));
        }
    }
    rows
}

/// One territory's survey communication score beside its tenants' engagement.
#[derive(Debug, Clone, PartialEq)]
pub struct SurveyPoint {
    pub territory: usize,
    pub year: i32,
    pub score: f64,
    pub respondents: u32,
    /// Tenant comments in the period per 100 homes of the territory.
    pub engagement: f64,
}

/// Is a survey question the communication one?
fn is_communication(q: &str) -> bool {
    let q = q.to_lowercase();
    q.contains("communication") || q.contains("information")
}

/// Per territory with a communication score (the latest year up to the
/// period's end; residences' scores averaged by respondents when the
/// territory has none): the score and tenant comments per 100 homes.
pub fn survey_points(f: &Facts, period: &Period) -> Vec<SurveyPoint> {
    let last_year = period.end.year();
    let mut score: BTreeMap<usize, (i32, f64, u32)> = BTreeMap::new();
    let mut from_residences: BTreeMap<(usize, i32), (f64, u32)> = BTreeMap::new();
    for s in f
        .surveys
        .iter()
        .filter(|s| s.year <= last_year && is_communication(&s.question))
    {
        match s.scope {
            SurveyScope::Territory(t) => {
                let e = score.entry(t).or_insert((s.year, s.score, s.respondents));
                if s.year > e.0 {
                    *e = (s.year, s.score, s.respondents);
                }
            }
            SurveyScope::Residence(r) => {
                let e = from_residences
                    .entry((f.residences[r].agency, s.year))
                    .or_default();
                e.0 += s.score * f64::from(s.respondents);
                e.1 += s.respondents;
            }
        }
    }
    for ((t, year), (sum, n)) in from_residences {
        if n > 0 {
            let e = score.entry(t).or_insert((year, sum / f64::from(n), n));
            if year > e.0 {
                *e = (year, sum / f64::from(n), n);
            }
        }
    }
    let homes_of = |t: usize| -> u64 {
        f.residences
            .iter()
            .filter(|r| r.agency == t || f.direction_of(r.agency) == t)
            .map(|r| u64::from(r.homes))
            .sum()
    };
    score
        .into_iter()
        .filter_map(|(t, (year, s, respondents))| {
            let homes = homes_of(t);
            if homes == 0 {
                return None;
            }
            let comments = f
                .comments
                .iter()
                .filter(|c| {
                    c.author_kind == Some(AuthorKind::Tenant) && period.contains(c.created_at)
                })
                .filter(|c| {
                    let agency = c
                        .residence
                        .map(|r| f.residences[r].agency)
                        .or_else(|| f.post_agency(&f.posts[c.post]));
                    agency.is_some_and(|a| a == t || f.direction_of(a) == t)
                })
                .count();
            Some(SurveyPoint {
                territory: t,
                year,
                score: s,
                respondents,
                engagement: comments as f64 * 100.0 / homes as f64,
            })
        })
        .collect()
}

pub(crate) fn survey_alignment(cx: &Cx) -> Vec<Row> {
    let row = cx.row("survey_alignment", BTreeMap::new()).unit("spearman");
    if cx.f.surveys.is_empty() {
        return vec![row.missing(0, cx.say(
            "aucune enquête de satisfaction : relais survey import enquete.csv (scope,scope_id,year,question,score,respondents)",
            "no satisfaction survey: relais survey import survey.csv (scope,scope_id,year,question,score,respondents)",
        ))];
    }
    if !cx.q.dims.is_empty() {
        return cx
            .undefined_along("survey_alignment", &cx.q.dims.clone())
            .unwrap_or_default();
    }
    let points = survey_points(cx.f, &cx.q.period);
    let x: Vec<f64> = points.iter().map(|p| p.score).collect();
    let y: Vec<f64> = points.iter().map(|p| p.engagement).collect();
    match stats::spearman(&x, &y) {
        Some((rho, interval)) => {
            let significant = interval.map(|(a, b)| a > 0.0 || b < 0.0);
            let mut r = row.value(rho, points.len() as u64, interval);
            r.significant = significant;
            vec![r]
        }
        None => vec![row.missing(
            points.len() as u64,
            cx.say(
                "il faut le score « communication » d'au moins 3 territoires",
                "needs the communication score of at least 3 territories",
            ),
        )],
    }
}
