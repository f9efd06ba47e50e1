//! Presence KPIs: whom the landlord speaks to, how local its content is,
//! which agencies and residences it tells about.

use std::collections::{BTreeMap, BTreeSet};

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
    agency_of: impl Fn(usize) -> usize,
    items: &[usize],
) -> Vec<(BTreeMap<&'static str, String>, Vec<usize>)> {
    let within = |keep: &dyn Fn(usize) -> bool| -> Vec<usize> {
        items
            .iter()
            .copied()
            .filter(|&i| keep(agency_of(i)))
            .collect()
    };
    match cx.q.dims.iter().find(|d| d.is_place()) {
        None => vec![(BTreeMap::new(), items.to_vec())],
        Some(Dim::Territory) => (0..cx.f.territories.len())
            .filter(|&t| cx.f.territories[t].direction.is_none())
            .map(|t| {
                let inside = within(&|a| cx.f.direction_of(a) == t);
                (
                    BTreeMap::from([("territory", cx.f.territories[t].id.clone())]),
                    inside,
                )
            })
            .collect(),
        Some(Dim::Agency) => {
            cx.f.agencies()
                .map(|a| {
                    (
                        BTreeMap::from([("agency", cx.f.territories[a].id.clone())]),
                        within(&|x| x == a),
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
        for (mut slice, scope) in place_scopes(cx, |a| a, &agencies) {
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
        for (mut slice, scope) in place_scopes(cx, |r| cx.f.residences[r].agency, &all) {
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
