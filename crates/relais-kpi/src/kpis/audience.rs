//! Audience KPIs over time: how the followers grow month by month, and how
//! regularly the landlord posts.

use std::collections::BTreeMap;

use chrono::{Datelike, Duration, NaiveDate};

use crate::engine::Cx;
use crate::period::paris_day;
use crate::row::Row;
use crate::slice::Dim;
use crate::stats;

fn month_start(d: NaiveDate) -> NaiveDate {
    NaiveDate::from_ymd_opt(d.year(), d.month(), 1).expect("first of month")
}

pub(crate) fn audience_growth(cx: &Cx) -> Vec<Row> {
    if let Some(rows) = cx.undefined_along(
        "audience_growth",
        &[Dim::Theme, Dim::Audience, Dim::Residence],
    ) {
        return rows;
    }
    // Accounts grouped by the non-time dims; time dims bucket the months.
    let dims: Vec<Dim> =
        cx.q.dims
            .iter()
            .copied()
            .filter(|d| !matches!(d, Dim::Time(_)))
            .collect();
    let grain =
        cx.q.dims
            .iter()
            .find_map(|d| if let Dim::Time(g) = d { Some(*g) } else { None });
    let mut groups: BTreeMap<Vec<String>, Vec<usize>> = BTreeMap::new();
    for (a, acc) in cx.f.accounts.iter().enumerate() {
        let key: Option<Vec<String>> = dims
            .iter()
            .map(|d| match d {
                Dim::Network => Some(acc.network.code().to_string()),
                Dim::Account => Some(acc.id.clone()),
                Dim::AuthorKind => Some(acc.kind.code().to_string()),
                Dim::Territory => acc
                    .territory
                    .map(|t| cx.f.territories[cx.f.direction_of(t)].id.clone()),
                Dim::Agency => acc
                    .territory
                    .filter(|&t| cx.f.territories[t].direction.is_some())
                    .map(|t| cx.f.territories[t].id.clone()),
                _ => None,
            })
            .collect();
        if let Some(k) = key {
            groups.entry(k).or_default().push(a);
        }
    }
    // Months of the period.
    let mut months = Vec::new();
    let mut m = month_start(cx.q.period.start);
    while m <= cx.q.period.end {
        let next = month_start(m + Duration::days(32));
        months.push((
            m.max(cx.q.period.start),
            (next - Duration::days(1)).min(cx.q.period.end),
        ));
        m = next;
    }
    let total = |accounts: &[usize], day: NaiveDate| -> Option<(u64, usize)> {
        let counts: Vec<u64> = accounts
            .iter()
            .filter_map(|&a| cx.followers_on(a, day))
            .collect();
        (!counts.is_empty()).then(|| (counts.iter().sum(), counts.len()))
    };
    let mut rows = Vec::new();
    for (key, accounts) in groups {
        let slice = |extra: Option<(&'static str, String)>| {
            let mut s: BTreeMap<&'static str, String> = dims
                .iter()
                .map(|d| d.name())
                .zip(key.iter().cloned())
                .collect();
            s.extend(extra);
            s
        };
        // Monthly growths, each on the accounts known at both ends of the month.
        let mut monthly: Vec<(NaiveDate, f64)> = Vec::new();
        for &(a, b) in &months {
            let before = a - Duration::days(1);
            let both: Vec<usize> = accounts
                .iter()
                .copied()
                .filter(|&x| {
                    cx.followers_on(x, before).is_some() && cx.followers_on(x, b).is_some()
                })
                .collect();
            if let (Some((s, _)), Some((e, _))) = (total(&both, before), total(&both, b))
                && s > 0
            {
                monthly.push((a, (e as f64 - s as f64) / s as f64));
            }
        }
        let none = || {
            cx.say(
                "aucune série d'abonnés sur la période : importez les statistiques de page",
                "no follower series over the period: import the page statistics",
            )
        };
        match grain {
            Some(g) => {
                let mut buckets: BTreeMap<String, Vec<f64>> = BTreeMap::new();
                for (d, v) in &monthly {
                    buckets.entry(g.bucket(*d)).or_default().push(*v);
                }
                for (b, vs) in buckets {
                    let compound = vs.iter().fold(1.0, |acc, v| acc * (1.0 + v)) - 1.0;
                    rows.push(
                        cx.row("audience_growth", slice(Some((grain_name(g), b))))
                            .value(compound, vs.len() as u64, None),
                    );
                }
            }
            None => {
                let row = cx.row("audience_growth", slice(None)).unit("per_month");
                let values: Vec<f64> = monthly.iter().map(|m| m.1).collect();
                rows.push(match stats::mean(&values) {
                    Some((m, interval)) => row.value(m, values.len() as u64, interval),
                    None => row.missing(0, none()),
                });
                let start = cx.q.period.start - Duration::days(1);
                let both: Vec<usize> = accounts
                    .iter()
                    .copied()
                    .filter(|&x| {
                        cx.followers_on(x, start).is_some()
                            && cx.followers_on(x, cx.q.period.end).is_some()
                    })
                    .collect();
                let row = cx.row("audience_growth", slice(None)).unit("period");
                rows.push(match (total(&both, start), total(&both, cx.q.period.end)) {
                    (Some((s, n)), Some((e, _))) if s > 0 => {
                        row.value((e as f64 - s as f64) / s as f64, n as u64, None)
                    }
                    _ => row.missing(0, none()),
                });
            }
        }
    }
    rows
}

fn grain_name(g: crate::period::Grain) -> &'static str {
    Dim::Time(g).name()
}

pub(crate) fn regularity(cx: &Cx) -> Vec<Row> {
    if cx.q.dims.iter().any(|d| matches!(d, Dim::Time(_))) {
        return cx
            .undefined_along("posting_regularity", &cx.q.dims.clone())
            .unwrap_or_default();
    }
    let groups = if cx.q.dims.is_empty() {
        BTreeMap::from([(vec![], cx.posts.clone())])
    } else {
        cx.post_groups()
    };
    let weeks = cx.q.period.days() as f64 / 7.0;
    let mut rows = Vec::new();
    for (key, ps) in groups {
        let n = ps.len() as u64;
        rows.push(
            cx.row("posting_regularity", cx.slice_of(&key))
                .unit("posts_per_week")
                .value(n as f64 / weeks, n, None),
        );
        let mut days: Vec<NaiveDate> = ps
            .iter()
            .map(|&p| paris_day(cx.f.posts[p].published_at))
            .collect();
        days.sort_unstable();
        let mut edges = vec![cx.q.period.start];
        edges.extend(days.iter().copied());
        edges.push(cx.q.period.end);
        let gap = edges
            .windows(2)
            .map(|w| (w[1] - w[0]).num_days())
            .max()
            .unwrap_or(0);
        let row = cx
            .row("posting_regularity", cx.slice_of(&key))
            .unit("longest_gap_days");
        rows.push(row.value(gap as f64, n, None));
    }
    rows
}
