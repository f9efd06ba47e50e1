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

/// What a KPI measures on one group of items.
#[derive(Debug, Clone)]
pub enum Measure {
    /// `k` out of `n`: Wilson interval, two-proportion test.
    Share { k: u64, n: u64 },
    /// The median of per-item values: order-statistic interval, Mann–Whitney test.
    Median(Vec<f64>),
    /// The mean of per-item values: normal interval, Mann–Whitney test.
    Mean(Vec<f64>),
}

impl Measure {
    fn n(&self) -> u64 {
        match self {
            Measure::Share { n, .. } => *n,
            Measure::Median(v) | Measure::Mean(v) => v.len() as u64,
        }
    }

    /// The value and interval, `None` when there is nothing to measure.
    fn value(&mut self) -> Option<(f64, Option<(f64, f64)>)> {
        match self {
            Measure::Share { k, n } => {
                (*n > 0).then(|| (*k as f64 / *n as f64, stats::wilson(*k, *n)))
            }
            Measure::Median(v) => {
                let m = stats::median(v)?;
                Some((m, stats::median_interval(v)))
            }
            Measure::Mean(v) => stats::mean(v),
        }
    }

    /// Two-sided p-value of this group against `rest`.
    fn test(&self, rest: &Measure) -> Option<f64> {
        match (self, rest) {
            (Measure::Share { k, n }, Measure::Share { k: k2, n: n2 }) => {
                stats::two_proportions(*k, *n, *k2, *n2)
            }
            (Measure::Median(a) | Measure::Mean(a), Measure::Median(b) | Measure::Mean(b)) => {
                stats::mann_whitney(a, b)
            }
            _ => None,
        }
    }
}

/// The data of one computation: the facts, the query, and the items in the period.
pub struct Cx<'a> {
    pub f: &'a Facts,
    pub q: &'a Query,
    /// Posts published in the period.
    pub posts: Vec<usize>,
    /// Comments written in the period by someone other than the landlord.
    pub comments: Vec<usize>,
    /// Per account, its follower counts by day.
    followers: Vec<Vec<(NaiveDate, u64)>>,
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
        let mut followers = vec![Vec::new(); f.accounts.len()];
        for &(a, day, count) in &f.followers {
            followers[a].push((day, count));
        }
        for series in &mut followers {
            series.sort_unstable();
        }
        Cx {
            f,
            q,
            posts,
            comments,
            followers,
        }
    }

    pub fn say(&self, fr: &str, en: &str) -> String {
        self.q.lang.pick(fr, en).to_string()
    }

    /// Followers of an account on a day: the last count on or before it.
    pub fn followers_on(&self, account: usize, day: NaiveDate) -> Option<u64> {
        let s = &self.followers[account];
        let i = s.partition_point(|&(d, _)| d <= day);
        (i > 0).then(|| s[i - 1].1)
    }

    /// Followers of the post's account on its publication day.
    pub fn post_followers(&self, p: usize) -> Option<f64> {
        let post = &self.f.posts[p];
        self.followers_on(post.account, paris_day(post.published_at))
            .filter(|&c| c > 0)
            .map(|c| c as f64)
    }

    pub fn series(&self, account: usize) -> &[(NaiveDate, u64)] {
        &self.followers[account]
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

    /// One row per group: `measure` of the group, tested against the rest
    /// of the items when the query slices. `empty` says why a group with
    /// nothing to measure has no value.
    pub fn measured(
        &self,
        kpi: &'static str,
        unit: Option<&'static str>,
        all: &[usize],
        groups: BTreeMap<Vec<String>, Vec<usize>>,
        measure: impl Fn(&[usize]) -> Measure,
        empty: impl Fn(usize) -> String,
    ) -> Vec<Row> {
        let groups = if self.q.dims.is_empty() {
            BTreeMap::from([(Vec::new(), all.to_vec())])
        } else {
            groups
        };
        let sliced = !self.q.dims.is_empty() && groups.len() > 1;
        groups
            .into_iter()
            .map(|(key, items)| {
                let mut row = self.row(kpi, self.slice_of(&key));
                if let Some(u) = unit {
                    row = row.unit(u);
                }
                let mut m = measure(&items);
                match m.value() {
                    Some((v, interval)) => {
                        let mut row = row.value(v, m.n(), interval);
                        if sliced {
                            let rest: Vec<usize> = all
                                .iter()
                                .copied()
                                .filter(|i| items.binary_search(i).is_err())
                                .collect();
                            row = row.tested(m.test(&measure(&rest)));
                        }
                        row
                    }
                    None => row.missing(m.n(), empty(items.len())),
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
