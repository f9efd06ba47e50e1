//! Presence KPIs: whom the landlord speaks to, how local its content is,
//! which agencies and residences it tells about, how its audience grows and
//! how regularly it posts.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, Duration, NaiveDate};
use relais_core::{Audience, Theme};

use crate::engine::{Cx, Measure};
use crate::period::paris_day;
use crate::row::Row;
use crate::slice::{Dim, post_key};
use crate::stats;

fn share(cx: &Cx, code: &'static str, counted: impl Fn(usize) -> Option<bool>) -> Vec<Row> {
    cx.measured(
        code,
        None,
        &cx.posts,
        cx.post_groups(),
        Measure::Share,
        |p| counted(p).map(|b| if b { 1.0 } else { 0.0 }),
        |n| {
            if n == 0 {
                cx.say(
                    "aucune publication dans ce périmètre",
                    "no post in this slice",
                )
            } else {
                cx.say(
                    "publications pas encore classées : lancez relais classify",
                    "posts not classified yet: run relais classify",
                )
            }
        },
    )
}

pub(crate) fn tenant_posts(cx: &Cx) -> Vec<Row> {
    share(cx, "tenant_post_share", |p| {
        cx.f.posts[p].audience.map(|a| a == Audience::Tenants)
    })
}

pub(crate) fn local_content(cx: &Cx) -> Vec<Row> {
    if let Some(rows) = cx.undefined_along(
        "local_content_share",
        &[Dim::Territory, Dim::Agency, Dim::Residence],
    ) {
        return rows;
    }
    share(cx, "local_content_share", |p| {
        Some(cx.f.post_territory(&cx.f.posts[p]).is_some())
    })
}

/// Groups posts by the query's dims other than places (used when places
/// define the denominator instead).
fn non_place_groups(cx: &Cx, posts: &[usize]) -> (Vec<Dim>, BTreeMap<Vec<String>, Vec<usize>>) {
    let dims: Vec<Dim> =
        cx.q.dims
            .iter()
            .copied()
            .filter(|d| !d.is_place())
            .collect();
    let mut groups: BTreeMap<Vec<String>, Vec<usize>> = BTreeMap::new();
    if dims.is_empty() {
        groups.insert(Vec::new(), posts.to_vec());
    }
    for &p in posts {
        if dims.is_empty() {
            break;
        }
        if let Some(k) = dims
            .iter()
            .map(|&d| post_key(cx.f, &cx.f.posts[p], d))
            .collect::<Option<Vec<_>>>()
        {
            groups.entry(k).or_default().push(p);
        }
    }
    (dims, groups)
}

/// Place slices (territory, agency, residence) of the query as (dim, index list) pairs.
fn place_scopes(
    cx: &Cx,
    of_agency: impl Fn(usize) -> bool,
    items: &[usize],
) -> Vec<(BTreeMap<&'static str, String>, Vec<usize>)> {
    let place = cx.q.dims.iter().find(|d| d.is_place());
    match place {
        None => vec![(BTreeMap::new(), items.to_vec())],
        Some(Dim::Territory) => cx
            .f
            .territories
            .iter()
            .enumerate()
            .filter(|(_, t)| t.direction.is_none())
            .map(|(t, terr)| {
                let inside = items
                    .iter()
                    .copied()
                    .filter(|&i| {
                        of_agency(i) && cx.f.direction_of(i) == t
                            || !of_agency(i) && cx.f.direction_of(cx.f.residences[i].agency) == t
                    })
                    .collect();
                (BTreeMap::from([("territory", terr.id.clone())]), inside)
            })
            .collect(),
        Some(Dim::Agency) => {
            cx.f.agencies()
                .map(|a| {
                    let inside = items
                        .iter()
                        .copied()
                        .filter(|&i| {
                            if of_agency(i) {
                                i == a
                            } else {
                                cx.f.residences[i].agency == a
                            }
                        })
                        .collect();
                    (
                        BTreeMap::from([("agency", cx.f.territories[a].id.clone())]),
                        inside,
                    )
                })
                .collect()
        }
        Some(_) => Vec::new(),
    }
}

pub(crate) fn agency_coverage(cx: &Cx) -> Vec<Row> {
    if let Some(rows) = cx.undefined_along("agency_coverage", &[Dim::Residence]) {
        return rows;
    }
    let agencies: Vec<usize> = cx.f.agencies().collect();
    if agencies.is_empty() {
        return vec![cx.row("agency_coverage", BTreeMap::new()).missing(
            0,
            cx.say(
                "aucune agence déclarée : importez vos territoires (relais residence import)",
                "no agency declared: import your territories (relais residence import)",
            ),
        )];
    }
    let (dims, groups) = non_place_groups(cx, &cx.posts);
    let mut rows = Vec::new();
    for (key, ps) in groups {
        let covered: BTreeSet<usize> = ps
            .iter()
            .filter_map(|&p| cx.f.post_agency(&cx.f.posts[p]))
            .collect();
        for (mut slice, scope) in place_scopes(cx, |_| true, &agencies) {
            slice.extend(dims.iter().map(|d| d.name()).zip(key.iter().cloned()));
            let k = scope.iter().filter(|a| covered.contains(a)).count() as u64;
            let n = scope.len() as u64;
            rows.push(cx.row("agency_coverage", slice).value(
                k as f64 / n.max(1) as f64,
                n,
                stats::wilson(k, n),
            ));
        }
    }
    rows
}

pub(crate) fn residence_told(cx: &Cx) -> Vec<Row> {
    let all: Vec<usize> = (0..cx.f.residences.len()).collect();
    if all.is_empty() {
        return vec![cx.row("residence_told", BTreeMap::new()).missing(
            0,
            cx.say(
                "aucune résidence déclarée : relais residence import",
                "no residence declared: relais residence import",
            ),
        )];
    }
    // "Ever": every heritage post up to the end of the period.
    let until: Vec<usize> = (0..cx.f.posts.len())
        .filter(|&p| paris_day(cx.f.posts[p].published_at) <= cx.q.period.end)
        .collect();
    let heritage = |p: usize| {
        let post = &cx.f.posts[p];
        post.theme == Some(Theme::Heritage) || post.secondary_themes.contains(&Theme::Heritage)
    };
    let dims: Vec<Dim> =
        cx.q.dims
            .iter()
            .copied()
            .filter(|d| !d.is_place())
            .collect();
    if dims.iter().any(|d| matches!(d, Dim::Time(_))) || cx.q.dims.contains(&Dim::Residence) {
        return cx
            .undefined_along(
                "residence_told",
                &cx.q
                    .dims
                    .iter()
                    .copied()
                    .filter(|d| matches!(d, Dim::Time(_)) || *d == Dim::Residence)
                    .collect::<Vec<_>>(),
            )
            .unwrap_or_default();
    }
    let (dims, groups) = non_place_groups(cx, &until);
    let mut rows = Vec::new();
    for (key, ps) in groups {
        let told: BTreeSet<usize> = ps
            .iter()
            .filter(|&&p| heritage(p))
            .filter_map(|&p| cx.f.posts[p].residence)
            .collect();
        for (mut slice, scope) in place_scopes(cx, |_| false, &all) {
            slice.extend(dims.iter().map(|d| d.name()).zip(key.iter().cloned()));
            let k = scope.iter().filter(|r| told.contains(r)).count() as u64;
            let n = scope.len() as u64;
            let row = cx.row("residence_told", slice);
            rows.push(if n == 0 {
                row.missing(0, cx.say("aucune résidence ici", "no residence here"))
            } else {
                row.value(k as f64 / n as f64, n, stats::wilson(k, n))
            });
        }
    }
    rows
}

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
