//! Sections 5 and 6: listening (response rate and times by agency and by
//! category, urgent messages) and proximity (local content, agency
//! coverage, residences told in heritage posts).

use std::collections::{BTreeMap, BTreeSet};

use relais_core::{Category, Theme, Urgency};
use relais_kpi::calendar::business_hours;
use relais_kpi::format::{decimal, percent};
use relais_kpi::{Dim, Row};

use crate::html::{esc, figure, missing, table};
use crate::sections::tenants::bar;
use crate::{Audit, number, svg};

fn find<'r>(rows: &'r [Row], dim: &str, id: &str, unit: Option<&str>) -> Option<&'r Row> {
    rows.iter()
        .find(|r| r.at(dim) == Some(id) && (unit.is_none() || r.unit == unit))
}

fn cell(a: &Audit, r: Option<&Row>) -> String {
    match r {
        Some(r) if r.available => {
            let mark = match r.significant {
                Some(true) => " <span class=\"sig\" title=\"significatif\">●</span>",
                _ => "",
            };
            format!("{}{mark}", esc(&a.value(r)))
        }
        _ => a.t("n.d.", "n/a").to_string(),
    }
}

pub fn listening(a: &Audit) -> String {
    let f = a.facts;
    let mut s = format!(
        "<section id=\"ecoute\"><h2>{}</h2>\n",
        a.t("Écoute et réponses", "Listening")
    );
    let rate = a.whole("response_rate", None);
    if !rate.available {
        s.push_str(&missing(a.t(
            "Pas de commentaire classé demandant une réponse : importez les commentaires puis lancez relais classify.",
            "No classified comment needing an answer: import comments then run relais classify.",
        )));
        s.push_str("</section>\n");
        return s;
    }
    let business = a.whole("response_time_median", Some("business_hours"));
    let calendar = a.whole("response_time_median", Some("calendar_hours"));
    let within = a.whole("response_within_48h", None);
    s.push_str(&format!(
        "<ul><li>{} : <strong>{}</strong></li><li>{} : <strong>{}</strong> ({} {})</li><li>{} : <strong>{}</strong></li></ul>\n",
        esc(a.kpi_name("response_rate")),
        esc(&a.cite(&rate)),
        esc(a.kpi_name("response_time_median")),
        esc(&a.cite(&business)),
        esc(&a.value(&calendar)),
        a.t("en heures calendaires", "in calendar hours"),
        esc(a.kpi_name("response_within_48h")),
        esc(&a.cite(&within)),
    ));
    let by_agency = [
        a.kpi("response_rate", &[Dim::Agency]),
        a.kpi("response_time_median", &[Dim::Agency]),
        a.kpi("response_within_48h", &[Dim::Agency]),
    ];
    let rows: Vec<Vec<String>> = f
        .agencies()
        .map(|t| {
            let id = f.territories[t].id.as_str();
            vec![
                esc(&f.territories[t].name),
                find(&by_agency[0], "agency", id, None)
                    .map_or_else(|| "0".into(), |r| number(r.n, a.lang)),
                cell(a, find(&by_agency[0], "agency", id, None)),
                cell(a, find(&by_agency[1], "agency", id, Some("business_hours"))),
                cell(a, find(&by_agency[2], "agency", id, None)),
            ]
        })
        .collect();
    s.push_str(&table(
        a.t(
            "Par agence (● : différent du reste du bailleur, significatif à 95 %)",
            "By agency (●: differs from the rest of the landlord, significant at 95%)",
        ),
        &[
            a.t("Agence", "Agency"),
            a.t("#Demandes", "#Requests"),
            a.t("#Taux de réponse", "#Response rate"),
            a.t("#Délai médian (h ouvrées)", "#Median delay (business h)"),
            a.t("#Sous 48 h / 4 h", "#Within 48 h / 4 h"),
        ],
        &rows,
    ));
    // By category, computed from the comments themselves.
    let mut per: BTreeMap<Category, (u64, u64, Vec<f64>)> = BTreeMap::new();
    let mut urgent = (0u64, 0u64, Vec::new());
    for c in f
        .comments
        .iter()
        .filter(|c| !c.is_landlord() && a.period.contains(c.created_at))
    {
        let (Some(cat), Some(u)) = (c.category, c.urgency) else {
            continue;
        };
        if u == Urgency::None {
            continue;
        }
        let e = per.entry(cat).or_default();
        e.0 += 1;
        let delay = c.first_reply_at.map(|r| business_hours(c.created_at, r));
        if let Some(d) = delay {
            e.1 += 1;
            e.2.push(d);
        }
        if u == Urgency::Urgent {
            urgent.0 += 1;
            if let Some(d) = delay {
                urgent.2.push(d);
                if d <= relais_kpi::kpis::URGENT_PROMISE_HOURS {
                    urgent.1 += 1;
                }
            }
        }
    }
    let mut cats: Vec<_> = per.into_iter().collect();
    cats.sort_by_key(|c| std::cmp::Reverse(c.1.0));
    let rows: Vec<Vec<String>> = cats
        .into_iter()
        .map(|(cat, (n, answered, mut delays))| {
            vec![
                esc(a.t(cat.label_fr(), cat.code())),
                number(n, a.lang),
                percent(answered as f64 / n as f64, 0, a.lang),
                relais_kpi::stats::median(&mut delays)
                    .map_or_else(|| a.t("n.d.", "n/a").to_string(), |m| decimal(m, 1, a.lang)),
            ]
        })
        .collect();
    s.push_str(&table(
        a.t("Par catégorie de demande", "By request category"),
        &[
            a.t("Catégorie", "Category"),
            a.t("#Demandes", "#Requests"),
            a.t("#Répondues", "#Answered"),
            a.t("#Délai médian (h ouvrées)", "#Median delay (business h)"),
        ],
        &rows,
    ));
    let mut delays = urgent.2.clone();
    s.push_str(&format!(
        "<h3>{}</h3><p>{} {} ; {} <strong>{}</strong> {} ({}) ; {} {}.</p>\n",
        a.t("Messages urgents", "Urgent messages"),
        number(urgent.0, a.lang),
        a.t(
            "messages urgents (fuite, odeur de gaz, personne bloquée, plus de chauffage l'hiver…)",
            "urgent messages (leak, gas smell, person stuck, no heating in winter…)"
        ),
        a.t("dont", "of which"),
        number(urgent.1, a.lang),
        a.t(
            "ont reçu une réponse en moins de 4 heures ouvrées",
            "were answered within 4 business hours"
        ),
        percent(urgent.1 as f64 / urgent.0.max(1) as f64, 0, a.lang),
        a.t("délai médian des réponses", "median delay of the answers"),
        relais_kpi::stats::median(&mut delays).map_or_else(
            || a.t("n.d.", "n/a").to_string(),
            |m| format!(
                "{} {}",
                decimal(m, 1, a.lang),
                a.t("h ouvrées", "business h")
            )
        )
    ));
    s.push_str("</section>\n");
    s
}

pub fn proximity(a: &Audit) -> String {
    let f = a.facts;
    let mut s = format!(
        "<section id=\"proximite\"><h2>{}</h2>\n",
        a.t("Proximité", "Proximity")
    );
    let local = a.whole("local_content_share", None);
    let coverage = a.whole("agency_coverage", None);
    let told = a.whole("residence_told", None);
    s.push_str(&format!(
        "<ul><li>{} : <strong>{}</strong></li><li>{} : <strong>{}</strong></li><li>{} : <strong>{}</strong></li></ul>\n",
        esc(a.kpi_name("local_content_share")),
        esc(&a.cite(&local)),
        esc(a.kpi_name("agency_coverage")),
        esc(&a.cite(&coverage)),
        esc(a.kpi_name("residence_told")),
        esc(&a.cite(&told)),
    ));
    let covered: BTreeSet<usize> = f
        .posts
        .iter()
        .filter(|p| a.period.contains(p.published_at))
        .filter_map(|p| f.post_agency(p))
        .collect();
    let silent: Vec<String> = f
        .agencies()
        .filter(|t| !covered.contains(t))
        .map(|t| f.territories[t].name.clone())
        .collect();
    if !silent.is_empty() {
        s.push_str(&format!(
            "<p>{} <strong>{}</strong>.</p>\n",
            a.t(
                "Agences sans aucune publication locale sur la période :",
                "Agencies with no local post in the period:"
            ),
            esc(&silent.join(", "))
        ));
    }
    let local_by_agency = a.kpi("posting_regularity", &[Dim::Agency]);
    let bars: Vec<svg::Bar> = local_by_agency
        .iter()
        .filter(|r| r.unit == Some("posts_per_week"))
        .map(|r| {
            let name = f
                .territories
                .iter()
                .find(|t| Some(t.id.as_str()) == r.at("agency"))
                .map_or(String::new(), |t| t.name.clone());
            bar(a, name, r, false)
        })
        .collect();
    if !bars.is_empty() {
        let title = a.t(
            "Publications locales par semaine, par agence",
            "Local posts per week, by agency",
        );
        s.push_str(&figure(&svg::bars(title, title, &bars), title));
    }
    let heritage: BTreeSet<usize> = f
        .posts
        .iter()
        .filter(|p| relais_kpi::period::paris_day(p.published_at) <= a.period.end)
        .filter(|p| {
            p.theme == Some(Theme::Heritage) || p.secondary_themes.contains(&Theme::Heritage)
        })
        .filter_map(|p| p.residence)
        .collect();
    let untold: Vec<&str> = (0..f.residences.len())
        .filter(|r| !heritage.contains(r))
        .map(|r| f.residences[r].name.as_str())
        .collect();
    if !untold.is_empty() && !f.residences.is_empty() {
        let shown: Vec<&str> = untold.iter().take(12).copied().collect();
        s.push_str(&format!(
            "<p>{} {} : {}{}.</p>\n",
            number(untold.len() as u64, a.lang),
            a.t(
                "résidences n'ont jamais été racontées dans une publication patrimoine",
                "residences were never told in a heritage post"
            ),
            esc(&shown.join(", ")),
            if untold.len() > shown.len() {
                "…"
            } else {
                ""
            }
        ));
    }
    s.push_str("</section>\n");
    s
}
