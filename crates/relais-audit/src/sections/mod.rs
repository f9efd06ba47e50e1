//! The report's sections, in reading order. Each returns a `<section>` of
//! HTML; a section whose data is missing says what to bring instead of
//! drawing an empty chart.

pub mod listening;
pub mod outside;
pub mod presence;
pub mod tenants;

use crate::html::esc;
use crate::recommend::Recommendation;
use crate::{Audit, number};

pub fn cover(a: &Audit) -> String {
    let f = a.facts;
    let tenant_comments = f
        .comments
        .iter()
        .filter(|c| !c.is_landlord() && a.period.contains(c.created_at))
        .count() as u64;
    let posts = f
        .posts
        .iter()
        .filter(|p| a.period.contains(p.published_at))
        .count() as u64;
    format!(
        "<header class=\"cover\"><p class=\"sub\">{}</p><h1>{}</h1><p>{} <strong>{}</strong> — {} {} {}, {} {} {}, {} {}.</p></header>\n\
<nav class=\"toc\" aria-label=\"{}\"><ol>{}</ol></nav>\n",
        a.t(
            "Audit de présence sur les réseaux sociaux",
            "Social-network presence audit"
        ),
        esc(&f.organisation),
        a.t("Période", "Period"),
        esc(a.period.label()),
        number(posts, a.lang),
        a.t("publications", "posts"),
        a.t("analysées", "analysed"),
        number(tenant_comments, a.lang),
        a.t("commentaires du public", "comments from the public"),
        a.t("lus", "read"),
        number(f.residences.len() as u64, a.lang),
        a.t("résidences", "residences"),
        a.t("Sommaire", "Contents"),
        TOC.iter()
            .map(|(id, fr, en)| format!("<li><a href=\"#{id}\">{}</a></li>", esc(a.t(fr, en))))
            .collect::<String>()
    )
}

const TOC: &[(&str, &str, &str)] = &[
    ("synthese", "Synthèse", "Summary"),
    ("reseaux", "Présence par réseau", "Presence by network"),
    (
        "pourquoi",
        "Pourquoi un locataire s'abonnerait-il ?",
        "Why would a tenant follow?",
    ),
    ("parole", "La parole des locataires", "The tenants' voice"),
    ("ecoute", "Écoute et réponses", "Listening"),
    ("proximite", "Proximité", "Proximity"),
    ("terrain", "Terrain et numérique", "Field and digital"),
    (
        "satisfaction",
        "Satisfaction et engagement",
        "Satisfaction and engagement",
    ),
    (
        "collaborateurs",
        "Collaborateurs et groupes",
        "Collaborators and groups",
    ),
    ("ambassadeurs", "Ambassadeurs", "Ambassadors"),
    ("recommandations", "Recommandations", "Recommendations"),
];

pub fn summary(a: &Audit, recos: &[Recommendation]) -> String {
    let mut s = format!(
        "<section id=\"synthese\"><h2>{}</h2>\n<ol class=\"findings\">\n",
        a.t(
            "Synthèse : les cinq constats qui comptent",
            "Summary: the five findings that matter"
        )
    );
    for r in recos.iter().take(5) {
        s.push_str(&format!(
            "<li><span class=\"fig\">{}</span>{} <a href=\"#{}\">{}</a></li>\n",
            esc(&r.figure),
            esc(&r.finding),
            r.anchor,
            a.t("→ recommandation", "→ recommendation")
        ));
    }
    // Fewer than five recommendations: the key figures they do not cover.
    let covered: Vec<&str> = recos.iter().take(5).map(|r| r.kpi).collect();
    let mut shown = recos.len().min(5);
    for (code, unit, fr, en, anchor) in KEY_FIGURES {
        if shown >= 5 {
            break;
        }
        let row = a.whole(code, *unit);
        if covered.contains(code) || !row.available {
            continue;
        }
        s.push_str(&format!(
            "<li><span class=\"fig\">{}</span>{} (n = {}) <a href=\"#{anchor}\">{}</a></li>\n",
            esc(&a.value(&row)),
            esc(a.t(fr, en)),
            number(row.n, a.lang),
            a.t("→ détail", "→ details")
        ));
        shown += 1;
    }
    s.push_str("</ol>\n");
    if shown == 0 {
        s.push_str(&crate::html::missing(a.t(
            "Pas assez de données pour un constat : importez les exports de vos pages (relais import) puis classez les textes (relais classify).",
            "Not enough data for a finding: import your pages' exports (relais import) then classify the texts (relais classify).",
        )));
    }
    s.push_str("</section>\n");
    s
}

/// Figures the summary shows when fewer than five recommendations fire:
/// (KPI, unit, French and English sentence, section).
const KEY_FIGURES: &[(&str, Option<&str>, &str, &str, &str)] = &[
    (
        "response_rate",
        None,
        "des commentaires qui demandaient une réponse en ont reçu une",
        "of the comments that needed an answer got one",
        "ecoute",
    ),
    (
        "tenant_engagement_lift",
        None,
        "d'engagement pour les publications destinées aux locataires, par rapport aux autres",
        "engagement for posts aimed at tenants, against the others",
        "pourquoi",
    ),
    (
        "tenant_voice_share",
        None,
        "des commentaires viennent de locataires",
        "of the comments come from tenants",
        "parole",
    ),
    (
        "response_time_median",
        Some("business_hours"),
        "de délai médian de réponse",
        "median response time",
        "ecoute",
    ),
    (
        "net_sentiment",
        None,
        "de sentiment net dans les commentaires ((positifs − négatifs) / classés)",
        "net sentiment in the comments ((positive − negative) / classified)",
        "parole",
    ),
    (
        "agency_coverage",
        None,
        "des agences ont eu une publication locale",
        "of the agencies had a local post",
        "proximite",
    ),
];

pub fn footer(a: &Audit) -> String {
    format!(
        "<footer><p>{} {} {}. {}</p></footer>\n",
        a.t("Rapport écrit par relais le", "Report written by relais on"),
        a.written.format("%d/%m/%Y"),
        a.t("à partir des données de la base", "from the database's data"),
        esc(a.t(
            "Les indicateurs suivent les définitions de relais (kpis.md) ; chaque valeur est donnée avec le nombre d'éléments qui la fondent et, pour les taux comparés, un intervalle de confiance à 95 % et un test de différence. Les auteurs de commentaires sont pseudonymisés ; seuls les ambassadeurs ayant donné leur accord sont nommés.",
            "KPIs follow relais's definitions (kpis.md); every value comes with the number of items behind it and, for compared rates, a 95% confidence interval and a test of difference. Commenters are pseudonymised; only ambassadors who agreed are named.",
        ))
    )
}

/// A network's name: the label of the four networks (the same in both
/// languages), else the code
/// with a capital (`youtube` → `Youtube`).
pub(crate) fn network_name(code: &str) -> String {
    match relais_core::Network::parse(code) {
        Ok(n) => n.label_fr().to_string(),
        Err(_) => {
            let mut c = code.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect())
                .unwrap_or_default()
        }
    }
}
