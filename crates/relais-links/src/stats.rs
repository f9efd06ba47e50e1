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
    let known: BTreeSet<&str> = links.iter().map(|l| l.code.as_str()).collect();
    for c in counts.iter().filter(|c| known.contains(c.code.as_str())) {
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

#[cfg(test)]
mod tests {
    use std::num::NonZeroU32;

    use relais_core::{Postcode, ResidenceId, TerritoryId};

    use super::*;

    fn org() -> (Vec<Residence>, Vec<Territory>) {
        let d = Territory::direction("Direction Est").unwrap();
        let a = Territory::agency("Agence Vaulx", &d.id).unwrap();
        let b = Territory::agency("Agence Bron", &d.id).unwrap();
        let r = |id: &str, homes: u32, agency: &Territory| Residence {
            id: ResidenceId::parse(id).unwrap(),
            name: format!("Résidence {id}"),
            aliases: vec![],
            street: "1 rue".into(),
            postcode: Postcode::parse("69120").unwrap(),
            city: "Vaulx".into(),
            homes: NonZeroU32::new(homes).unwrap(),
            built_year: None,
            agency: agency.id.clone(),
        };
        (
            vec![r("R1", 100, &a), r("R2", 50, &a), r("R3", 200, &b)],
            vec![d, a, b],
        )
    }

    fn link(code: &str, scope: LinkScope, action: &str) -> StoredLink {
        StoredLink {
            code: code.into(),
            target: "https://bailleur.fr/".into(),
            scope,
            action: action.into(),
            action_slug: crate::utm::slug(action),
            channel: "affiche".into(),
            created_at: 0,
        }
    }

    fn res(id: &str) -> LinkScope {
        LinkScope::Residence(ResidenceId::parse(id).unwrap())
    }

    fn count(code: &str, day: &str, scans: i64) -> DailyCount {
        DailyCount {
            code: code.into(),
            day: day.into(),
            scans,
            uniques: scans / 2,
            bots: 1,
        }
    }

    fn fixture() -> (Vec<StoredLink>, Vec<DailyCount>) {
        let agency = LinkScope::Territory(TerritoryId::parse("agence-bron").unwrap());
        let links = vec![
            link("aaaaaaaaa", res("R1"), "Fête"),
            link("bbbbbbbbb", res("R1"), "Travaux"),
            link("ccccccccc", res("R2"), "Fête"),
            link("ddddddddd", agency, "Fête"),
        ];
        let counts = vec![
            count("aaaaaaaaa", "2027-06-01", 10),
            count("aaaaaaaaa", "2027-06-02", 4),
            count("bbbbbbbbb", "2027-06-01", 6),
            count("ccccccccc", "2027-06-02", 5),
            count("ddddddddd", "2027-06-02", 8),
            // A code that is not a link any more is left out.
            count("zzzzzzzzz", "2027-06-02", 99),
        ];
        (links, counts)
    }

    fn by(g: GroupBy) -> Vec<(String, i64, Option<u64>, Option<f64>)> {
        let (rs, ts) = org();
        let (links, counts) = fixture();
        group(g, &links, &counts, &rs, &ts)
            .into_iter()
            .map(|r| (r.key, r.scans, r.homes, r.scans_per_100_homes))
            .collect()
    }

    fn row(
        key: &str,
        scans: i64,
        homes: Option<u64>,
        per100: Option<f64>,
    ) -> (String, i64, Option<u64>, Option<f64>) {
        (key.into(), scans, homes, per100)
    }

    #[test]
    fn by_residence_adds_the_links_of_each_residence() {
        assert_eq!(
            by(GroupBy::Residence),
            [
                row("R1", 20, Some(100), Some(20.0)),
                row("R2", 5, Some(50), Some(10.0))
            ]
        );
    }

    #[test]
    fn by_action_counts_homes_of_every_residence_it_covers() {
        // Fête: R1, R2 and the whole of Agence Bron (R3).
        assert_eq!(
            by(GroupBy::Action),
            [
                row("fete", 27, Some(350), Some(7.7)),
                row("travaux", 6, Some(100), Some(6.0))
            ]
        );
    }

    #[test]
    fn by_agency_and_direction_use_all_their_homes() {
        assert_eq!(
            by(GroupBy::Agency),
            [
                row("agence-vaulx", 25, Some(150), Some(16.7)),
                row("agence-bron", 8, Some(200), Some(4.0))
            ]
        );
        assert_eq!(
            by(GroupBy::Territory),
            [row("direction-est", 33, Some(350), Some(9.4))]
        );
    }

    #[test]
    fn by_day_in_calendar_order_without_homes() {
        assert_eq!(
            by(GroupBy::Day),
            [
                row("2027-06-01", 16, None, None),
                row("2027-06-02", 17, None, None)
            ]
        );
    }

    #[test]
    fn by_link_keeps_uniques_and_bots() {
        let (rs, ts) = org();
        let (links, counts) = fixture();
        let rows = group(GroupBy::Link, &links, &counts, &rs, &ts);
        let a = rows.iter().find(|r| r.key == "aaaaaaaaa").unwrap();
        assert_eq!((a.scans, a.uniques, a.bots, a.links), (14, 7, 2, 1));
        assert_eq!(a.label, "Fête — Résidence R1");
        assert_eq!(rows.len(), 4);
    }
}
