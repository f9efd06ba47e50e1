//! The tenants' voice and the landlord's listening: who speaks, in which
//! tone, which comments needed an answer, whether and how fast they got one,
//! and the ambassadors.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDate};
use relais_core::{AuthorKind, Sentiment, Urgency};

use crate::calendar::{business_hours, calendar_hours};
use crate::engine::{Cx, Measure};
use crate::facts::Facts;
use crate::period::{Period, paris_day};
use crate::row::Row;

/// The service promise: business hours to answer an urgent comment, and any other.
pub const URGENT_PROMISE_HOURS: f64 = 4.0;
pub const PROMISE_HOURS: f64 = 48.0;

fn no_comments(cx: &Cx, n: usize) -> String {
    if n == 0 {
        cx.say(
            "aucun commentaire dans ce périmètre",
            "no comment in this slice",
        )
    } else {
        cx.say(
            "commentaires pas encore classés : lancez relais classify",
            "comments not classified yet: run relais classify",
        )
    }
}

fn comment_share(cx: &Cx, code: &'static str, counted: impl Fn(usize) -> Option<bool>) -> Vec<Row> {
    cx.measured(
        code,
        None,
        &cx.comments,
        cx.comment_groups(),
        Measure::Share,
        |c| counted(c).map(|b| if b { 1.0 } else { 0.0 }),
        |n| no_comments(cx, n),
    )
}

pub(crate) fn tenant_voice(cx: &Cx) -> Vec<Row> {
    comment_share(cx, "tenant_voice_share", |c| {
        cx.f.comments[c]
            .author_kind
            .map(|k| k == AuthorKind::Tenant)
    })
}

pub(crate) fn net_sentiment(cx: &Cx) -> Vec<Row> {
    cx.measured(
        "net_sentiment",
        None,
        &cx.comments,
        cx.comment_groups(),
        Measure::Mean,
        |c| {
            cx.f.comments[c].sentiment.map(|s| match s {
                Sentiment::Positive => 1.0,
                Sentiment::Neutral => 0.0,
                Sentiment::Negative => -1.0,
            })
        },
        |n| no_comments(cx, n),
    )
}

/// Comments that need an answer: classified with an urgency other than `none`.
fn needing_answer(cx: &Cx, c: usize) -> bool {
    matches!(
        cx.f.comments[c].urgency,
        Some(Urgency::Normal | Urgency::Urgent)
    )
}

pub(crate) fn response_rate(cx: &Cx) -> Vec<Row> {
    comment_share(cx, "response_rate", |c| {
        needing_answer(cx, c).then(|| cx.f.comments[c].first_reply_at.is_some())
    })
}

pub(crate) fn response_time(cx: &Cx) -> Vec<Row> {
    let delay = |c: usize, hours: fn(i64, i64) -> f64| -> Option<f64> {
        let cm = &cx.f.comments[c];
        needing_answer(cx, c).then_some(())?;
        Some(hours(cm.created_at, cm.first_reply_at?))
    };
    let empty = |n: usize| {
        if n == 0 {
            no_comments(cx, 0)
        } else {
            cx.say(
                "aucune réponse du bailleur à un commentaire qui en demandait une",
                "no landlord reply to a comment that needed one",
            )
        }
    };
    let mut rows = cx.measured(
        "response_time_median",
        Some("business_hours"),
        &cx.comments,
        cx.comment_groups(),
        Measure::Median,
        |c| delay(c, business_hours),
        empty,
    );
    rows.extend(cx.measured(
        "response_time_median",
        Some("calendar_hours"),
        &cx.comments,
        cx.comment_groups(),
        Measure::Median,
        |c| delay(c, calendar_hours),
        empty,
    ));
    rows
}

/// Was the comment answered within the promise (4 business hours when urgent, else 48)?
pub fn within_promise_of(facts: &Facts, c: usize) -> bool {
    let cm = &facts.comments[c];
    let limit = if cm.urgency == Some(Urgency::Urgent) {
        URGENT_PROMISE_HOURS
    } else {
        PROMISE_HOURS
    };
    cm.first_reply_at
        .is_some_and(|r| business_hours(cm.created_at, r) <= limit)
}

pub(crate) fn within_promise(cx: &Cx) -> Vec<Row> {
    comment_share(cx, "response_within_48h", |c| {
        needing_answer(cx, c).then(|| within_promise_of(cx.f, c))
    })
}

/// A tenant who qualifies as an ambassador at the end of a period.
#[derive(Debug, Clone, PartialEq)]
pub struct Ambassador {
    pub pseudonym: String,
    pub positives: u32,
    pub months: u32,
    pub comments: u32,
    pub last_at: i64,
    /// The name they agreed to be shown under; `None` without consent.
    pub shown_as: Option<String>,
}

fn months_back(d: NaiveDate, months: i32) -> NaiveDate {
    let index = d.year() * 12 + d.month0() as i32 - months;
    let first = NaiveDate::from_ymd_opt(index.div_euclid(12), index.rem_euclid(12) as u32 + 1, 1)
        .expect("month");
    // The same day `months` earlier, clamped to the month's end.
    (0..4)
        .map(|back| first.with_day(d.day().saturating_sub(back)))
        .find_map(|x| x)
        .unwrap_or(first)
}

/// Tenant authors with ≥ 3 positive interactions in ≥ 2 distinct months of
/// the 12 months to the end of `period`, and no negative one in its last 3,
/// among the comments `in_scope` accepts.
pub fn ambassadors(
    f: &Facts,
    period: &Period,
    in_scope: impl Fn(usize) -> bool,
) -> Vec<Ambassador> {
    let end = period.end;
    let year_ago = months_back(end, 12);
    let quarter_ago = months_back(end, 3);
    struct Acc {
        positives: u32,
        months: BTreeSet<(i32, u32)>,
        comments: u32,
        negative_lately: bool,
        last_at: i64,
    }
    let mut by: BTreeMap<&str, Acc> = BTreeMap::new();
    for (i, c) in f.comments.iter().enumerate() {
        let (Some(who), Some(AuthorKind::Tenant)) = (c.author.as_deref(), c.author_kind) else {
            continue;
        };
        let day = paris_day(c.created_at);
        if day <= year_ago || day > end || !in_scope(i) {
            continue;
        }
        let acc = by.entry(who).or_insert(Acc {
            positives: 0,
            months: BTreeSet::new(),
            comments: 0,
            negative_lately: false,
            last_at: 0,
        });
        acc.comments += 1;
        acc.last_at = acc.last_at.max(c.created_at);
        match c.sentiment {
            Some(Sentiment::Positive) => {
                acc.positives += 1;
                acc.months.insert((day.year(), day.month()));
            }
            Some(Sentiment::Negative) if day > quarter_ago => acc.negative_lately = true,
            _ => {}
        }
    }
    by.into_iter()
        .filter(|(_, a)| a.positives >= 3 && a.months.len() >= 2 && !a.negative_lately)
        .map(|(who, a)| Ambassador {
            pseudonym: who.to_string(),
            positives: a.positives,
            months: a.months.len() as u32,
            comments: a.comments,
            last_at: a.last_at,
            shown_as: f
                .consents
                .iter()
                .find(|c| c.pseudonym == who)
                .map(|c| c.shown_as.clone()),
        })
        .collect()
}

pub(crate) fn ambassador_count(cx: &Cx) -> Vec<Row> {
    if let Some(rows) = cx.undefined_along(
        "ambassadors",
        &cx.q
            .dims
            .iter()
            .copied()
            .filter(|d| matches!(d, crate::slice::Dim::Time(_)))
            .collect::<Vec<_>>(),
    ) {
        return rows;
    }
    let all: Vec<usize> = (0..cx.f.comments.len())
        .filter(|&c| !cx.f.comments[c].is_landlord())
        .collect();
    let groups = if cx.q.dims.is_empty() {
        BTreeMap::from([(vec![], all.clone())])
    } else {
        cx.group(&all, |c, d| {
            crate::slice::comment_key(cx.f, &cx.f.comments[c], d)
        })
    };
    let tenants_active = |cs: &[usize]| -> u64 {
        let start = months_back(cx.q.period.end, 12);
        cs.iter()
            .filter(|&&c| cx.f.comments[c].author_kind == Some(AuthorKind::Tenant))
            .filter(|&&c| {
                let d = paris_day(cx.f.comments[c].created_at);
                d > start && d <= cx.q.period.end
            })
            .filter_map(|&c| cx.f.comments[c].author.as_deref())
            .collect::<BTreeSet<_>>()
            .len() as u64
    };
    groups
        .into_iter()
        .map(|(key, cs)| {
            let set: BTreeSet<usize> = cs.iter().copied().collect();
            let found = ambassadors(cx.f, &cx.q.period, |c| set.contains(&c));
            let n = tenants_active(&cs);
            let row = cx.row("ambassadors", cx.slice_of(&key)).unit("people");
            if n == 0 {
                row.missing(
                    0,
                    cx.say(
                        "aucun locataire n'a commenté dans les 12 mois",
                        "no tenant commented in the 12 months",
                    ),
                )
            } else {
                row.value(found.len() as f64, n, None)
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_back_clamps_to_the_end_of_shorter_months() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        assert_eq!(months_back(d(2026, 5, 31), 3), d(2026, 2, 28));
        assert_eq!(months_back(d(2026, 10, 31), 12), d(2025, 10, 31));
        assert_eq!(months_back(d(2026, 1, 15), 1), d(2025, 12, 15));
    }
}
