//! Engagement KPIs: rates per post on reach and on followers, conversation
//! and amplification per thousand followers, and the ratios that compare two
//! kinds of posts (tenant-audience against the others, collaborators against
//! the page, groups against the page).

use std::collections::BTreeMap;

use relais_core::{AccountKind, Audience, Network};

use crate::engine::{Cx, Measure};
use crate::period::paris_day;
use crate::row::Row;
use crate::slice::{Dim, post_key};
use crate::stats;

/// E / reach of a post, when both are known.
pub(crate) fn per_reach(cx: &Cx, p: usize) -> Option<f64> {
    cx.f.posts[p].metrics.engagement_on_reach()
}

/// E / F of a post, when both are known.
pub(crate) fn per_follower(cx: &Cx, p: usize) -> Option<f64> {
    Some(cx.f.posts[p].metrics.engagement()? / cx.post_followers(p)?)
}

fn no_posts(cx: &Cx, n: usize, what_fr: &str, what_en: &str) -> String {
    if n == 0 {
        cx.say(
            "aucune publication dans ce périmètre",
            "no post in this slice",
        )
    } else {
        match cx.q.lang {
            relais_core::Lang::Fr => format!("{n} publication(s), aucune avec {what_fr}"),
            relais_core::Lang::En => format!("{n} post(s), none with {what_en}"),
        }
    }
}

fn median_of(
    cx: &Cx,
    code: &'static str,
    per: fn(&Cx, usize) -> Option<f64>,
    fr: &'static str,
    en: &'static str,
) -> Vec<Row> {
    cx.measured(
        code,
        None,
        &cx.posts,
        cx.post_groups(),
        Measure::Median,
        |p| per(cx, p),
        |n| no_posts(cx, n, fr, en),
    )
}

pub(crate) fn rate_reach(cx: &Cx) -> Vec<Row> {
    median_of(
        cx,
        "engagement_rate_reach",
        per_reach,
        "une portée et des réactions connues (LinkedIn et X n'exportent pas la portée)",
        "a known reach and reactions (LinkedIn and X exports give no reach)",
    )
}

pub(crate) fn rate_followers(cx: &Cx) -> Vec<Row> {
    median_of(
        cx,
        "engagement_rate_followers",
        per_follower,
        "un nombre d'abonnés connu ce jour-là",
        "a follower count known that day",
    )
}

fn per_thousand(
    cx: &Cx,
    code: &'static str,
    get: fn(&crate::facts::Metrics) -> Option<f64>,
) -> Vec<Row> {
    cx.measured(
        code,
        None,
        &cx.posts,
        cx.post_groups(),
        Measure::Mean,
        |p| Some(get(&cx.f.posts[p].metrics)? / cx.post_followers(p)? * 1000.0),
        |n| {
            no_posts(
                cx,
                n,
                "la métrique et le nombre d'abonnés connus",
                "the metric and a follower count known",
            )
        },
    )
}

pub(crate) fn conversation(cx: &Cx) -> Vec<Row> {
    per_thousand(cx, "conversation_rate", |m| m.comments)
}

pub(crate) fn amplification(cx: &Cx) -> Vec<Row> {
    per_thousand(cx, "amplification_rate", |m| m.shares)
}

/// Per-post engagement rates of two groups of posts, on reach when both
/// groups have at least two posts with a reach, else on followers.
fn rates(cx: &Cx, a: &[usize], b: &[usize]) -> (Vec<f64>, Vec<f64>, &'static str) {
    let on = |per: fn(&Cx, usize) -> Option<f64>, ps: &[usize]| -> Vec<f64> {
        ps.iter().filter_map(|&p| per(cx, p)).collect()
    };
    let (ra, rb) = (on(per_reach, a), on(per_reach, b));
    if ra.len() >= 2 && rb.len() >= 2 {
        (ra, rb, "reach")
    } else {
        (on(per_follower, a), on(per_follower, b), "followers")
    }
}

/// A ratio of median engagement rates between two groups of posts, as a row.
fn ratio_row(cx: &Cx, mut row: Row, a: &[usize], b: &[usize], what: (&str, &str)) -> Row {
    let (mut ra, mut rb, unit) = rates(cx, a, b);
    row = row.unit(unit);
    let n = (ra.len() + rb.len()) as u64;
    match (stats::median(&mut ra), stats::median(&mut rb)) {
        (Some(ma), Some(mb)) if mb > 0.0 => {
            let interval = stats::ratio_of_medians_interval(&ra, &rb);
            row.value(ma / mb, n, interval)
                .tested(stats::mann_whitney(&ra, &rb))
        }
        _ => row.missing(
            n,
            match cx.q.lang {
                relais_core::Lang::Fr => format!(
                    "il faut des publications mesurées des deux côtés ({})",
                    what.0
                ),
                relais_core::Lang::En => format!("needs measured posts on both sides ({})", what.1),
            },
        ),
    }
}

pub(crate) fn tenant_lift(cx: &Cx) -> Vec<Row> {
    if let Some(rows) = cx.undefined_along("tenant_engagement_lift", &[Dim::Audience]) {
        return rows;
    }
    let all = if cx.q.dims.is_empty() {
        BTreeMap::from([(vec![], cx.posts.clone())])
    } else {
        cx.post_groups()
    };
    all.into_iter()
        .map(|(key, ps)| {
            let labelled: Vec<usize> = ps
                .iter()
                .copied()
                .filter(|&p| cx.f.posts[p].audience.is_some())
                .collect();
            let (t, o): (Vec<usize>, Vec<usize>) = labelled
                .iter()
                .partition(|&&p| cx.f.posts[p].audience == Some(Audience::Tenants));
            ratio_row(
                cx,
                cx.row("tenant_engagement_lift", cx.slice_of(&key)),
                &t,
                &o,
                ("locataires / autres", "tenants / others"),
            )
        })
        .collect()
}

pub(crate) fn by_theme(cx: &Cx) -> Vec<Row> {
    if let Some(rows) = cx.undefined_along("theme_engagement", &[Dim::Theme]) {
        return rows;
    }
    let mut dims = vec![Dim::Theme];
    dims.extend(cx.q.dims.iter().copied());
    let mut groups: BTreeMap<Vec<String>, Vec<usize>> = BTreeMap::new();
    for &p in &cx.posts {
        if let Some(k) = dims
            .iter()
            .map(|&d| post_key(cx.f, &cx.f.posts[p], d))
            .collect::<Option<Vec<_>>>()
        {
            groups.entry(k).or_default().push(p);
        }
    }
    let labelled: Vec<usize> = cx
        .posts
        .iter()
        .copied()
        .filter(|&p| cx.f.posts[p].theme.is_some())
        .collect();
    let per = |ps: &[usize]| -> Vec<f64> { ps.iter().filter_map(|&p| per_reach(cx, p)).collect() };
    let use_reach = per(&labelled).len() >= 2;
    let rate = |p: usize| {
        if use_reach {
            per_reach(cx, p)
        } else {
            per_follower(cx, p)
        }
    };
    groups
        .into_iter()
        .map(|(key, ps)| {
            let slice = dims.iter().map(|d| d.name()).zip(key).collect();
            let row = cx.row("theme_engagement", slice).unit(if use_reach {
                "reach"
            } else {
                "followers"
            });
            let mut values: Vec<f64> = ps.iter().filter_map(|&p| rate(p)).collect();
            let rest: Vec<f64> = labelled
                .iter()
                .filter(|p| ps.binary_search(p).is_err())
                .filter_map(|&p| rate(p))
                .collect();
            match stats::median(&mut values) {
                Some(m) => row
                    .value(m, values.len() as u64, stats::median_interval(&values))
                    .tested(stats::mann_whitney(&values, &rest)),
                None => row.missing(
                    ps.len() as u64,
                    no_posts(
                        cx,
                        ps.len(),
                        "un taux d'engagement mesurable",
                        "a measurable engagement rate",
                    ),
                ),
            }
        })
        .collect()
}

pub(crate) fn collaborator_lift(cx: &Cx) -> Vec<Row> {
    if let Some(rows) = cx.undefined_along("collaborator_lift", &[Dim::AuthorKind, Dim::Account]) {
        return rows;
    }
    let linkedin = |p: &usize| cx.f.accounts[cx.f.posts[*p].account].network == Network::Linkedin;
    let all = if cx.q.dims.is_empty() {
        BTreeMap::from([(vec![], cx.posts.clone())])
    } else {
        cx.post_groups()
    };
    all.into_iter()
        .map(|(key, ps)| {
            let kind = |p: &usize| cx.f.accounts[cx.f.posts[*p].account].kind;
            let c: Vec<usize> = ps
                .iter()
                .copied()
                .filter(linkedin)
                .filter(|p| kind(p) == AccountKind::Collaborator)
                .collect();
            let g: Vec<usize> = ps
                .iter()
                .copied()
                .filter(linkedin)
                .filter(|p| kind(p) == AccountKind::Page)
                .collect();
            ratio_row(
                cx,
                cx.row("collaborator_lift", cx.slice_of(&key)),
                &c,
                &g,
                (
                    "collaborateurs / page LinkedIn",
                    "collaborators / LinkedIn page",
                ),
            )
        })
        .collect()
}

pub(crate) fn group_diffusion(cx: &Cx) -> Vec<Row> {
    if let Some(rows) = cx.undefined_along("group_diffusion", &[Dim::AuthorKind, Dim::Account]) {
        return rows;
    }
    let networks_with_groups: Vec<Network> =
        cx.f.accounts
            .iter()
            .filter(|a| a.kind == AccountKind::Group)
            .map(|a| a.network)
            .collect();
    let all = if cx.q.dims.is_empty() {
        BTreeMap::from([(vec![], cx.posts.clone())])
    } else {
        cx.post_groups()
    };
    all.into_iter()
        .map(|(key, ps)| {
            let row = cx.row("group_diffusion", cx.slice_of(&key)).unit("group_over_page");
            let per_audience = |p: usize| -> Option<f64> {
                let post = &cx.f.posts[p];
                let reach = post.metrics.reach?;
                let f = cx.followers_on(post.account, paris_day(post.published_at)).filter(|&f| f > 0)?;
                Some(reach / f as f64)
            };
            let account = |p: usize| &cx.f.accounts[cx.f.posts[p].account];
            let mut g: Vec<f64> = ps.iter().filter(|&&p| account(p).kind == AccountKind::Group).filter_map(|&p| per_audience(p)).collect();
            let mut pg: Vec<f64> = ps
                .iter()
                .filter(|&&p| account(p).kind == AccountKind::Page && networks_with_groups.contains(&account(p).network))
                .filter_map(|&p| per_audience(p))
                .collect();
            let n = (g.len() + pg.len()) as u64;
            match (stats::median(&mut g), stats::median(&mut pg)) {
                (Some(a), Some(b)) if b > 0.0 => {
                    let interval = stats::ratio_of_medians_interval(&g, &pg);
                    row.value(a / b, n, interval).tested(stats::mann_whitney(&g, &pg))
                }
                _ => row.missing(n, cx.say(
                    "il faut des publications de groupe avec leur portée et le nombre de membres déclaré (relais group declare), et des publications de la page sur le même réseau",
                    "needs group posts with their reach and declared member counts (relais group declare), and page posts on the same network",
                )),
            }
        })
        .collect()
}
