//! Section 2: presence by network: audience and its growth, regularity,
//! and engagement on each denominator, named.

use std::collections::BTreeMap;

use chrono::{Datelike, Duration, NaiveDate};
use relais_kpi::{Dim, Row};

use crate::html::{esc, figure, table};
use crate::{Audit, number, svg};

fn by_network<'r>(rows: &'r [Row], net: &str, unit: Option<&str>) -> Option<&'r Row> {
    rows.iter()
        .find(|r| r.at("network") == Some(net) && (unit.is_none() || r.unit == unit))
}

/// Month ends of the period (or its end for the last, partial month).
pub(crate) fn month_ends(a: &Audit) -> Vec<NaiveDate> {
    let mut out = Vec::new();
    let mut d =
        NaiveDate::from_ymd_opt(a.period.start.year(), a.period.start.month(), 1).expect("month");
    while d <= a.period.end {
        let next = (d + Duration::days(32)).with_day(1).expect("month");
        out.push((next - Duration::days(1)).min(a.period.end));
        d = next;
    }
    out
}

pub fn section(a: &Audit) -> String {
    let f = a.facts;
    let mut s = format!(
        "<section id=\"reseaux\"><h2>{}</h2>\n",
        a.t("Présence par réseau", "Presence by network")
    );
    let mut networks: Vec<_> = f.accounts.iter().map(|x| x.network).collect();
    networks.sort();
    networks.dedup();
    let kpis: BTreeMap<&str, Vec<Row>> = [
        "engagement_rate_reach",
        "engagement_rate_followers",
        "conversation_rate",
        "amplification_rate",
        "audience_growth",
        "posting_regularity",
    ]
    .into_iter()
    .map(|k| (k, a.kpi(k, &[Dim::Network])))
    .collect();
    let show = |k: &str, net: &str, unit: Option<&str>| -> String {
        by_network(&kpis[k], net, unit)
            .map_or_else(|| a.t("n.d.", "n/a").to_string(), |r| esc(&a.value(r)))
    };
    let mut rows = Vec::new();
    for net in &networks {
        let code = net.code();
        let audience: u64 = f
            .accounts
            .iter()
            .enumerate()
            .filter(|(_, x)| x.network == *net && x.kind != relais_core::AccountKind::Group)
            .filter_map(|(i, _)| f.followers_on(i, a.period.end))
            .sum();
        rows.push(vec![
            esc(net.label_fr()),
            number(audience, a.lang),
            show("audience_growth", code, Some("period")),
            show("posting_regularity", code, Some("posts_per_week")),
            show("posting_regularity", code, Some("longest_gap_days")),
            show("engagement_rate_reach", code, None),
            show("engagement_rate_followers", code, None),
            show("conversation_rate", code, None),
            show("amplification_rate", code, None),
        ]);
    }
    s.push_str(&table(
        a.t("Audience, croissance, régularité et engagement par réseau (n.d. : la donnée manque dans les exports de ce réseau)", "Audience, growth, regularity and engagement by network (n/a: the network's exports lack the data)"),
        &[
            a.t("Réseau", "Network"),
            a.t("#Abonnés (fin)", "#Followers (end)"),
            a.t("#Croissance", "#Growth"),
            a.t("#Publications / sem.", "#Posts / week"),
            a.t("#Plus long silence", "#Longest gap"),
            a.t("#Engagement / portée", "#Engagement / reach"),
            a.t("#Engagement / abonnés", "#Engagement / followers"),
            a.t("#Conversation ‰", "#Conversation ‰"),
            a.t("#Amplification ‰", "#Amplification ‰"),
        ],
        &rows,
    ));
    s.push_str(&format!(
        "<p class=\"sub\">{}</p>\n",
        esc(a.t(
            "Engagement E = réactions + commentaires + partages + enregistrements. « Portée » : E / comptes touchés (médiane par publication) ; « abonnés » : E / abonnés du compte le jour de la publication. Conversation et amplification : commentaires et partages pour 1 000 abonnés.",
            "Engagement E = reactions + comments + shares + saves. \"Reach\": E / accounts reached (median per post); \"followers\": E / the account's followers on the post's day. Conversation and amplification: comments and shares per 1,000 followers.",
        ))
    ));
    let ends = month_ends(a);
    let series: Vec<(String, Vec<Option<f64>>)> = networks
        .iter()
        .map(|net| {
            let accounts: Vec<usize> = (0..f.accounts.len())
                .filter(|&i| {
                    f.accounts[i].network == *net
                        && f.accounts[i].kind != relais_core::AccountKind::Group
                })
                .collect();
            let values = ends
                .iter()
                .map(|&d| {
                    let counts: Vec<u64> = accounts
                        .iter()
                        .filter_map(|&i| f.followers_on(i, d))
                        .collect();
                    (!counts.is_empty()).then(|| counts.iter().sum::<u64>() as f64)
                })
                .collect();
            (net.label_fr().to_string(), values)
        })
        .filter(|(_, v): &(String, Vec<Option<f64>>)| v.iter().any(Option::is_some))
        .collect();
    if !series.is_empty() {
        let labels: Vec<String> = ends.iter().map(|d| d.format("%m/%y").to_string()).collect();
        let title = a.t(
            "Abonnés par réseau, fin de mois",
            "Followers by network, month end",
        );
        s.push_str(&figure(
            &svg::lines(
                title,
                a.t(
                    "Courbes du nombre d'abonnés des pages et comptes, par réseau",
                    "Lines of the pages' and accounts' followers, by network",
                ),
                &labels,
                &series,
                |v| number(v.round() as u64, a.lang),
            ),
            title,
        ));
    }
    s.push_str("</section>\n");
    s
}
