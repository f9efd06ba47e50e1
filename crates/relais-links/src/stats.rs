//! The counts grouped for people: by link, residence, action, agency,
//! direction or day, with scans per 100 homes where homes make sense.
//!
//! A pure function of the stored links, daily counts, residences and
//! territories. Unique scanners are daily uniques added up over the days (a
//! person scanning on two days counts twice): the daily salt is forgotten, so
//! nothing can tell more.

use std::collections::{BTreeMap, BTreeSet};

use relais_core::{Residence, Territory, TerritoryKind};
use relais_store::{DailyCount, LinkScope, StoredLink};
use serde::Serialize;

/// How to group the counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroupBy {
    Link,
    Residence,
    Action,
    Agency,
    Territory,
    Day,
}

/// One group's counts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StatRow {
    /// Code, residence id, action slug, agency or direction id, or day.
    pub key: String,
    /// What a person reads: the action and place, a name, or the day.
    pub label: String,
    pub links: usize,
    pub scans: i64,
    pub uniques: i64,
    pub bots: i64,
    /// Homes of the residences the group covers (none for days).
    pub homes: Option<u64>,
    pub scans_per_100_homes: Option<f64>,
}

struct Org<'a> {
    residences: &'a [Residence],
    territories: &'a [Territory],
}

impl Org<'_> {
    fn name(&self, id: &str) -> String {
        self.territories
            .iter()
            .find(|t| t.id.as_str() == id)
            .map(|t| t.name.clone())
            .or_else(|| {
                self.residences
                    .iter()
                    .find(|r| r.id.as_str() == id)
                    .map(|r| r.name.clone())
            })
            .unwrap_or_else(|| id.to_string())
    }

    fn direction_of(&self, agency: &str) -> Option<String> {
        self.territories
            .iter()
            .find(|t| t.id.as_str() == agency)
            .map(|t| match &t.kind {
                TerritoryKind::Agency { direction } => direction.to_string(),
                TerritoryKind::Direction => t.id.to_string(),
            })
    }

    /// The residences a territory (agency or direction) holds.
    fn residences_under(&self, territory: &str) -> BTreeSet<&str> {
        self.residences
            .iter()
            .filter(|r| {
                r.agency.as_str() == territory
                    || self.direction_of(r.agency.as_str()).as_deref() == Some(territory)
            })
            .map(|r| r.id.as_str())
            .collect()
    }

    fn covered(&self, scope: &LinkScope) -> BTreeSet<&str> {
        match scope {
            LinkScope::Residence(r) => self
                .residences
                .iter()
                .filter(|x| x.id == *r)
                .map(|x| x.id.as_str())
                .collect(),
            LinkScope::Territory(t) => self.residences_under(t.as_str()),
        }
    }

    fn homes(&self, ids: &BTreeSet<&str>) -> u64 {
        self.residences
            .iter()
            .filter(|r| ids.contains(r.id.as_str()))
            .map(|r| u64::from(r.homes.get()))
            .sum()
    }

    fn agency_of(&self, scope: &LinkScope) -> Option<String> {
        match scope {
            LinkScope::Residence(r) => self
                .residences
                .iter()
                .find(|x| x.id == *r)
                .map(|x| x.agency.to_string()),
            LinkScope::Territory(t) => self
                .territories
                .iter()
                .find(|x| x.id == *t && matches!(x.kind, TerritoryKind::Agency { .. }))
                .map(|x| x.id.to_string()),
        }
    }
}

/// Groups the counts; rows by most scans first, days in calendar order.
pub fn group(
    by: GroupBy,
    links: &[StoredLink],
    counts: &[DailyCount],
    residences: &[Residence],
    territories: &[Territory],
) -> Vec<StatRow> {
    let org = Org {
        residences,
        territories,
    };
    // key → (label, codes, residences covered)
    let mut groups: BTreeMap<String, (String, BTreeSet<&str>, BTreeSet<&str>)> = BTreeMap::new();
    let mut code_key: BTreeMap<&str, String> = BTreeMap::new();
    for l in links {
        let (key, label, covered) = match by {
            GroupBy::Link => {
                let place = match &l.scope {
                    LinkScope::Residence(r) => org.name(r.as_str()),
                    LinkScope::Territory(t) => org.name(t.as_str()),
                };
                (
                    l.code.clone(),
                    format!("{} — {place}", l.action),
                    org.covered(&l.scope),
                )
            }
            GroupBy::Residence => match &l.scope {
                LinkScope::Residence(r) => {
                    (r.to_string(), org.name(r.as_str()), org.covered(&l.scope))
                }
                LinkScope::Territory(_) => continue,
            },
            GroupBy::Action => (
                l.action_slug.clone(),
                l.action.clone(),
                org.covered(&l.scope),
            ),
            GroupBy::Agency | GroupBy::Territory => {
                let agency = org.agency_of(&l.scope);
                let key = match (by, agency, &l.scope) {
                    (GroupBy::Agency, Some(a), _) => a,
                    (GroupBy::Territory, Some(a), _) => org.direction_of(&a).unwrap_or(a),
                    (GroupBy::Territory, None, LinkScope::Territory(t)) => t.to_string(),
                    _ => continue,
                };
                let under = org.residences_under(&key);
                (key.clone(), org.name(&key), under)
            }
            GroupBy::Day => continue,
        };
        let g = groups
            .entry(key.clone())
            .or_insert_with(|| (label, BTreeSet::new(), BTreeSet::new()));
        g.1.insert(l.code.as_str());
        g.2.extend(covered);
        code_key.insert(l.code.as_str(), key);
    }
    let mut sums: BTreeMap<String, [i64; 3]> = BTreeMap::new();
    let mut day_codes: BTreeMap<String, BTreeSet<&str>> = BTreeMap::new();
    for c in counts {
        let key = if by == GroupBy::Day {
            day_codes
                .entry(c.day.clone())
                .or_default()
                .insert(c.code.as_str());
            c.day.clone()
        } else if let Some(k) = code_key.get(c.code.as_str()) {
            k.clone()
        } else {
            continue;
        };
        let s = sums.entry(key).or_default();
        s[0] += c.scans;
        s[1] += c.uniques;
        s[2] += c.bots;
    }
    let mut rows: Vec<StatRow> = if by == GroupBy::Day {
        day_codes
            .into_iter()
            .map(|(day, codes)| row(day.clone(), day, codes.len(), None, &sums))
            .collect()
    } else {
        groups
            .into_iter()
            .map(|(key, (label, codes, covered))| {
                let homes = Some(org.homes(&covered)).filter(|h| *h > 0);
                row(key, label, codes.len(), homes, &sums)
            })
            .collect()
    };
    if by != GroupBy::Day {
        rows.sort_by(|a, b| b.scans.cmp(&a.scans).then_with(|| a.label.cmp(&b.label)));
    }
    rows
}

fn row(
    key: String,
    label: String,
    links: usize,
    homes: Option<u64>,
    sums: &BTreeMap<String, [i64; 3]>,
) -> StatRow {
    let [scans, uniques, bots] = sums.get(&key).copied().unwrap_or_default();
    StatRow {
        scans_per_100_homes: homes.map(|h| (scans as f64 * 100.0 / h as f64 * 10.0).round() / 10.0),
        key,
        label,
        links,
        scans,
        uniques,
        bots,
        homes,
    }
}
