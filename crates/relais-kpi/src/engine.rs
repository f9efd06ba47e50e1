//! The engine: a query (which KPIs, which slice, which period) against the
//! facts gives rows. Posts are taken by publication day, comments by the day
//! they were written; replies count whenever they came.
//!
//! Each KPI is a function in `kpis/` that turns a group of posts or comments
//! into a [`Measure`]; the engine groups the items by slice, measures each
//! group and the rest of the landlord, and turns both into a [`Row`] with its
//! interval and test.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use relais_core::Lang;

use crate::catalogue::{CATALOGUE, Kpi};
use crate::facts::Facts;
use crate::period::{Period, paris_day};
use crate::row::Row;
use crate::slice::{Dim, comment_key, key_of, post_key};
use crate::stats;

/// What to compute.
#[derive(Debug, Clone)]
pub struct Query {
    /// The KPIs, in catalogue order; empty means every one.
    pub kpis: Vec<&'static Kpi>,
    pub dims: Vec<Dim>,
    pub period: Period,
    pub lang: Lang,
}

/// How a KPI summarises the per-item values of a group.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    /// Items valued 1 out of items valued 0 or 1: Wilson interval,
    /// two-proportion test against the rest.
    Share,
    /// The median: order-statistic interval, Mann–Whitney test.
    Median,
    /// The mean: normal interval, Mann–Whitney test.
    Mean,
}

/// The data of one computation: the facts, the query, and the items in the period.
pub struct Cx<'a> {
    pub f: &'a Facts,
    pub q: &'a Query,
    /// Posts published in the period.
    pub posts: Vec<usize>,
    /// Comments written in the period by someone other than the landlord.
    pub comments: Vec<usize>,
}

impl<'a> Cx<'a> {
    pub fn new(f: &'a Facts, q: &'a Query) -> Self {
        let posts = (0..f.posts.len())
            .filter(|&i| q.period.contains(f.posts[i].published_at))
            .collect();
        let comments = (0..f.comments.len())
            .filter(|&i| {
                !f.comments[i].is_landlord() && q.period.contains(f.comments[i].created_at)
            })
            .collect();
        Cx {
            f,
            q,
            posts,
            comments,
        }
    }

    pub fn say(&self, fr: &str, en: &str) -> String {
        self.q.lang.pick(fr, en).to_string()
    }

    /// Followers of an account on a day: the last count on or before it.
    pub fn followers_on(&self, account: usize, day: NaiveDate) -> Option<u64> {
        self.f.followers_on(account, day)
    }

    /// Followers of the post's account on its publication day.
    pub fn post_followers(&self, p: usize) -> Option<f64> {
        let post = &self.f.posts[p];
        self.followers_on(post.account, paris_day(post.published_at))
            .filter(|&c| c > 0)
            .map(|c| c as f64)
    }

    pub fn row(&self, kpi: &'static str, slice: BTreeMap<&'static str, String>) -> Row {
        Row::new(kpi, slice, self.q.period.label())
    }

    /// Groups `items` by their key along the query's dims.
    pub fn group(
        &self,
        items: &[usize],
        key: impl Fn(usize, Dim) -> Option<String>,
    ) -> BTreeMap<Vec<String>, Vec<usize>> {
        let mut groups: BTreeMap<Vec<String>, Vec<usize>> = BTreeMap::new();
        for &i in items {
            if let Some(k) = key_of(&self.q.dims, |d| key(i, d)) {
                groups.entry(k).or_default().push(i);
            }
        }
        groups
    }

    pub fn slice_of(&self, key: &[String]) -> BTreeMap<&'static str, String> {
        self.q
            .dims
            .iter()
            .map(|d| d.name())
            .zip(key.iter().cloned())
            .collect()
    }

    pub fn post_groups(&self) -> BTreeMap<Vec<String>, Vec<usize>> {
        self.group(&self.posts, |p, d| post_key(self.f, &self.f.posts[p], d))
    }

    pub fn comment_groups(&self) -> BTreeMap<Vec<String>, Vec<usize>> {
        self.group(&self.comments, |c, d| {
            comment_key(self.f, &self.f.comments[c], d)
        })
    }

    /// One row per group: the `measure` of the items' values (`None`: the
    /// item has no value), tested against the rest of the items when the
    /// query slices. `empty` says why a group with nothing to measure (of
    /// so many items) has no value.
    ///
    /// Values are computed once; a group is tested against the rest through
    /// the ranks of all values (Mann–Whitney) or the totals (shares), so a
    /// slice with many groups costs no more than one pass per group.
    #[allow(clippy::too_many_arguments)]
    pub fn measured(
        &self,
        kpi: &'static str,
        unit: Option<&'static str>,
        all: &[usize],
        groups: BTreeMap<Vec<String>, Vec<usize>>,
        measure: Measure,
        value: impl Fn(usize) -> Option<f64>,
        empty: impl Fn(usize) -> String,
    ) -> Vec<Row> {
        let groups = if self.q.dims.is_empty() {
            BTreeMap::from([(Vec::new(), all.to_vec())])
        } else {
            groups
        };
        let sliced = !self.q.dims.is_empty() && groups.len() > 1;
        // Values and ranks of every item, by position in `all` (sorted).
        let values: Vec<Option<f64>> = all.iter().map(|&i| value(i)).collect();
        let present: Vec<f64> = values.iter().flatten().copied().collect();
        let ranks = if sliced && measure != Measure::Share {
            stats::ranks(&present)
        } else {
            Vec::new()
        };
        let mut rank_of = vec![0.0; values.len()];
        let mut next = 0;
        for (slot, v) in rank_of.iter_mut().zip(&values) {
            if v.is_some() {
                *slot = ranks.get(next).copied().unwrap_or(0.0);
                next += 1;
            }
        }
        let (total_k, total_n) = (
            present.iter().filter(|&&v| v > 0.5).count() as u64,
            present.len() as u64,
        );
        groups
            .into_iter()
            .map(|(key, items)| {
                let mut row = self.row(kpi, self.slice_of(&key));
                if let Some(u) = unit {
                    row = row.unit(u);
                }
                let positions: Vec<usize> = items
                    .iter()
                    .filter_map(|i| all.binary_search(i).ok())
                    .collect();
                let mut vals: Vec<f64> = positions.iter().filter_map(|&p| values[p]).collect();
                let n = vals.len() as u64;
                let measured = match measure {
                    Measure::Share => {
                        let k = vals.iter().filter(|&&v| v > 0.5).count() as u64;
                        (n > 0).then(|| (k as f64 / n as f64, stats::wilson(k, n), k))
                    }
                    Measure::Median => {
                        stats::median(&mut vals).map(|m| (m, stats::median_interval(&vals), 0))
                    }
                    Measure::Mean => stats::mean(&vals).map(|(m, i)| (m, i, 0)),
                };
                match measured {
                    Some((v, interval, k)) => {
                        let row = row.value(v, n, interval);
                        if !sliced {
                            return row;
                        }
                        let p = match measure {
                            Measure::Share => {
                                stats::two_proportions(k, n, total_k - k, total_n - n)
                            }
                            _ => {
                                let r1: f64 = positions
                                    .iter()
                                    .filter(|&&p| values[p].is_some())
                                    .map(|&p| rank_of[p])
                                    .sum();
                                stats::mann_whitney_from_ranks(r1, n, total_n - n)
                            }
                        };
                        row.tested(p)
                    }
                    None => row.missing(n, empty(items.len())),
                }
            })
            .collect()
    }

    /// A row for a KPI that has no meaning along one of the query's dims.
    pub fn undefined_along(&self, kpi: &'static str, dims: &[Dim]) -> Option<Vec<Row>> {
        let bad = self.q.dims.iter().find(|d| dims.contains(d))?;
        Some(vec![self.row(kpi, BTreeMap::new()).missing(
            0,
            match self.q.lang {
                Lang::Fr => format!("non défini par {}", bad.name()),
                Lang::En => format!("not defined per {}", bad.name()),
            },
        )])
    }
}

/// Computes the query's KPIs on the facts.
pub fn compute(f: &Facts, q: &Query) -> Vec<Row> {
    let cx = Cx::new(f, q);
    let wanted: Vec<&Kpi> = if q.kpis.is_empty() {
        CATALOGUE.iter().collect()
    } else {
        q.kpis.clone()
    };
    wanted
        .into_iter()
        .flat_map(|k| crate::kpis::compute(&cx, k.code))
        .collect()
}
