//! The recommendation rules, one function each: read KPI rows, and push a
//! recommendation only when the values (with enough items, and a significant
//! difference where one is claimed) support it.

use std::collections::BTreeSet;

use relais_core::{AccountKind, AuthorKind, Theme, Urgency};
use relais_kpi::format::percent;
use relais_kpi::{Dim, Row};

use super::{Priority, Recommendation, reco};
use crate::{Audit, number};

fn cite(a: &Audit, code: &str, row: &Row) -> String {
    let mut s = format!("{} : {}", a.kpi_name(code), a.cite(row));
    if !row.slice.is_empty() {
        let slice: Vec<String> = row.slice.iter().map(|(k, v)| slice_name(a, k, v)).collect();
        s = format!("{s} [{}]", slice.join(", "));
    }
    s
}

/// A slice value as people read it: the name of a territory or residence,
/// the label of a network or theme.
fn slice_name(a: &Audit, dim: &str, value: &str) -> String {
    let f = a.facts;
    match dim {
        "territory" | "agency" => f
            .territories
            .iter()
            .find(|t| t.id == value)
            .map(|t| t.name.clone()),
        "residence" => f
            .residences
            .iter()
            .find(|r| r.id == value)
            .map(|r| r.name.clone()),
        "network" => Some(crate::sections::network_name(value)),
        "theme" => Theme::parse(value)
            .ok()
            .map(|t| a.t(t.label_fr(), t.code()).to_string()),
        _ => None,
    }
    .unwrap_or_else(|| value.to_string())
}

pub(super) fn urgent(a: &Audit, out: &mut Vec<Recommendation>) {
    let f = a.facts;
    let urgent: Vec<usize> = (0..f.comments.len())
        .filter(|&i| {
            let c = &f.comments[i];
            !c.is_landlord()
                && a.period.contains(c.created_at)
                && c.urgency == Some(Urgency::Urgent)
        })
        .collect();
    if urgent.len() < 5 {
        return;
    }
    let within = urgent
        .iter()
        .filter(|&&c| relais_kpi::kpis::within_promise_of(f, c))
        .count();
    let share = within as f64 / urgent.len() as f64;
    if share >= 0.9 {
        return;
    }
    let promise = a.whole("response_within_48h", None);
    out.push(reco(
        Priority::High,
        1.0 - share,
        a.t("Répondre aux messages urgents en moins de 4 heures ouvrées", "Answer urgent messages within 4 business hours").into(),
        vec![
            format!(
                "{} {} {} {} ({})",
                number(within as u64, a.lang),
                a.t("messages urgents sur", "urgent messages out of"),
                number(urgent.len() as u64, a.lang),
                a.t("ont eu une réponse en moins de 4 heures ouvrées", "were answered within 4 business hours"),
                percent(share, 0, a.lang)
            ),
            cite(a, "response_within_48h", &promise),
        ],
        a.t(
            "Activer l'alerte des messages urgents vers le référent de l'agence ; suivre chaque mois la part des urgents répondus sous 4 h ouvrées (objectif : 90 %).",
            "Route urgent messages to the agency's referent; track monthly the share of urgent ones answered within 4 business hours (target: 90%).",
        )
        .into(),
        percent(share, 0, a.lang),
        format!(
            "{} {}",
            a.t("seulement des messages urgents (fuite, gaz, personne bloquée…) ont une réponse en moins de 4 heures ouvrées, sur", "only of urgent messages (leak, gas, person stuck…) are answered within 4 business hours, out of"),
            number(urgent.len() as u64, a.lang)
        ),
    ));
}

pub(super) fn referents(a: &Audit, out: &mut Vec<Recommendation>) {
    let rows = a.kpi("response_rate", &[Dim::Agency]);
    let whole = a.whole("response_rate", None);
    let Some(org) = whole.value else { return };
    let mut weak: Vec<&Row> = rows
        .iter()
        .filter(|r| {
            r.available
                && r.significant == Some(true)
                && r.value.is_some_and(|v| v < org)
                && r.n >= 20
        })
        .collect();
    weak.sort_by(|x, y| {
        x.value
            .partial_cmp(&y.value)
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    for r in weak.into_iter().take(2) {
        let id = r.at("agency").unwrap_or_default();
        let name = a
            .facts
            .territories
            .iter()
            .find(|t| t.id == id)
            .map_or(id.to_string(), |t| t.name.clone());
        let gap = org - r.value.unwrap_or(org);
        out.push(reco(
            Priority::High,
            gap,
            format!("{} {name}", a.t("Nommer un référent réseaux sociaux dans l'agence", "Name a social-media referent in agency")),
            vec![cite(a, "response_rate", r), cite(a, "response_rate", &whole)],
            a.t("Le référent reçoit les commentaires de son agence dans la boîte de réception relais ; mesurer le taux de réponse de l'agence le trimestre suivant.", "The referent gets the agency's comments in the relais inbox; measure the agency's response rate next quarter.").into(),
            a.value(r),
            format!("{} {name} ({} {})", a.t("de taux de réponse dans l'agence", "response rate in agency"), a.t("contre", "against"), a.value(&whole)),
        ));
    }
}

pub(super) fn tenants_first(a: &Audit, out: &mut Vec<Recommendation>) {
    let lift = a.whole("tenant_engagement_lift", None);
    let share = a.whole("tenant_post_share", None);
    let (Some(l), Some(s)) = (lift.value, share.value) else {
        return;
    };
    if lift.significant != Some(true) || l <= 1.0 || s >= 0.6 {
        return;
    }
    out.push(reco(
        Priority::Medium,
        l,
        a.t("Écrire d'abord pour les locataires : au moins 6 publications sur 10", "Write for tenants first: at least 6 posts out of 10").into(),
        vec![cite(a, "tenant_engagement_lift", &lift), cite(a, "tenant_post_share", &share)],
        a.t("Suivre la part des publications pour les locataires chaque mois et le sur-engagement qu'elles gardent.", "Track the share of posts for tenants each month and the lift they keep.").into(),
        format!("×{}", relais_kpi::format::decimal(l, 1, a.lang)),
        a.t("d'engagement pour les publications destinées aux locataires, qui ne sont pourtant que", "engagement for posts aimed at tenants, which are still only").to_string() + " " + &a.value(&share),
    ));
}

pub(super) fn best_theme(a: &Audit, out: &mut Vec<Recommendation>) {
    let rows = a.kpi("theme_engagement", &[Dim::Network]);
    let best = rows
        .iter()
        .filter(|r| r.available && r.significant == Some(true) && r.n >= 8)
        .filter(|r| r.at("theme").is_some_and(|t| t != "other"))
        .max_by(|x, y| {
            x.value
                .partial_cmp(&y.value)
                .unwrap_or(std::cmp::Ordering::Equal)
        });
    let Some(best) = best else { return };
    let overall = a.whole("engagement_rate_reach", None);
    if best.value <= overall.value {
        return;
    }
    let theme = Theme::parse(best.at("theme").unwrap_or("other"))
        .map(|t| a.t(t.label_fr(), t.code()).to_string())
        .unwrap_or_default();
    let network = crate::sections::network_name(best.at("network").unwrap_or_default());
    out.push(reco(
        Priority::Medium,
        best.value.unwrap_or(0.0),
        format!("{} « {theme} » {} {network} {}", a.t("Publier chaque mois des contenus", "Post"), a.t("sur", "content on"), a.t("", "monthly")),
        vec![cite(a, "theme_engagement", best), cite(a, "engagement_rate_reach", &overall)],
        a.t("Programmer ces publications dans le calendrier éditorial et comparer leur engagement au reste chaque trimestre.", "Plan these posts in the editorial calendar and compare their engagement with the rest each quarter.").into(),
        a.value(best),
        format!("{} « {theme} » {} {network}", a.t("d'engagement pour le thème", "engagement for theme"), a.t("sur", "on")),
    ));
}

pub(super) fn coverage(a: &Audit, out: &mut Vec<Recommendation>) {
    let f = a.facts;
    let row = a.whole("agency_coverage", None);
    let Some(v) = row.value else { return };
    if v >= 1.0 {
        return;
    }
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
    out.push(reco(
        Priority::Medium,
        1.0 - v,
        format!("{} {}", a.t("Publier au moins une actualité locale par mois pour :", "Post at least one local news item a month for:"), silent.join(", ")),
        vec![cite(a, "agency_coverage", &row), cite(a, "local_content_share", &a.whole("local_content_share", None))],
        a.t("Demander à chaque agence une information par mois (travaux, animation, portrait) ; suivre la couverture des agences chaque trimestre.", "Ask each agency for one item a month (works, events, a portrait); track agency coverage each quarter.").into(),
        a.value(&row),
        format!("{} ({})", a.t("des agences ont eu une publication locale", "of agencies had a local post"), silent.join(", ")),
    ));
}

pub(super) fn heritage(a: &Audit, out: &mut Vec<Recommendation>) {
    let row = a.whole("residence_told", None);
    let Some(v) = row.value else { return };
    if v >= 0.5 {
        return;
    }
    out.push(reco(
        Priority::Low,
        1.0 - v,
        a.t(
            "Raconter l'histoire d'une résidence par mois (architecte, année, anciens locataires)",
            "Tell one residence's story a month (architect, year, long-time tenants)",
        )
        .into(),
        vec![cite(a, "residence_told", &row)],
        a.t(
            "Suivre les résidences racontées et l'engagement des publications patrimoine.",
            "Track residences told and the engagement of heritage posts.",
        )
        .into(),
        a.value(&row),
        a.t(
            "des résidences ont déjà été racontées dans une publication patrimoine",
            "of residences have been told in a heritage post",
        )
        .into(),
    ));
}

pub(super) fn groups(a: &Audit, out: &mut Vec<Recommendation>) {
    let f = a.facts;
    let row = a.whole("group_diffusion", None);
    let (Some(v), Some(true)) = (row.value, row.significant) else {
        return;
    };
    if v <= 1.0 {
        return;
    }
    // The residence whose tenants speak most, without a group of its own.
    let grouped: BTreeSet<usize> = f
        .accounts
        .iter()
        .filter(|x| x.kind == AccountKind::Group)
        .filter_map(|x| x.territory)
        .collect();
    let mut counts = vec![0u64; f.residences.len()];
    for c in f
        .comments
        .iter()
        .filter(|c| a.period.contains(c.created_at) && c.author_kind == Some(AuthorKind::Tenant))
    {
        if let Some(r) = c.residence {
            counts[r] += 1;
        }
    }
    let Some((r, n)) = counts
        .iter()
        .enumerate()
        .filter(|(r, _)| !grouped.contains(&f.residences[*r].agency))
        .max_by_key(|(r, n)| (**n, std::cmp::Reverse(*r)))
    else {
        return;
    };
    if *n < 10 {
        return;
    }
    let name = &f.residences[r].name;
    out.push(reco(
        Priority::Low,
        v,
        format!("{} {name}", a.t("Ouvrir un groupe d'habitants pour la résidence", "Open a residents' group for residence")),
        vec![
            cite(a, "group_diffusion", &row),
            format!("{} {name} : {}", a.t("commentaires de locataires nommant", "tenant comments naming"), number(*n, a.lang)),
        ],
        a.t("Déclarer le groupe (relais group declare) et suivre chaque mois ses membres et sa diffusion.", "Declare the group (relais group declare) and track its members and diffusion monthly.").into(),
        a.value(&row),
        a.t("de diffusion pour une publication de groupe par rapport à la page", "diffusion for a group post against the page").into(),
    ));
}

pub(super) fn collaborators(a: &Audit, out: &mut Vec<Recommendation>) {
    let row = a
        .kpi("collaborator_lift", &[])
        .into_iter()
        .next()
        .expect("one row");
    let (Some(v), Some(true)) = (row.value, row.significant) else {
        return;
    };
    if v <= 1.0 {
        return;
    }
    out.push(reco(
        Priority::Low,
        v,
        a.t("Inviter les collaborateurs volontaires à relayer les actualités sur LinkedIn", "Invite willing collaborators to relay news on LinkedIn").into(),
        vec![cite(a, "collaborator_lift", &row)],
        a.t("Suivre l'effet collaborateurs chaque trimestre.", "Track the collaborator lift each quarter.").into(),
        a.value(&row),
        a.t("d'engagement pour les publications des collaborateurs sur LinkedIn, par rapport à la page", "engagement for collaborators' LinkedIn posts, against the page").into(),
    ));
}

pub(super) fn regularity(a: &Audit, out: &mut Vec<Recommendation>) {
    for r in a
        .kpi("posting_regularity", &[Dim::Network])
        .iter()
        .filter(|r| r.unit == Some("longest_gap_days"))
    {
        let Some(gap) = r.value else { continue };
        if gap < 21.0 {
            continue;
        }
        let net = crate::sections::network_name(r.at("network").unwrap_or_default());
        out.push(reco(
            Priority::Low,
            gap / 100.0,
            format!(
                "{} {net}",
                a.t(
                    "Publier au moins une fois par semaine sur",
                    "Post at least once a week on"
                )
            ),
            vec![cite(a, "posting_regularity", r)],
            a.t(
                "Suivre le plus long silence de chaque réseau chaque mois.",
                "Track each network's longest gap monthly.",
            )
            .into(),
            a.value(r),
            format!(
                "{} {net}",
                a.t("de silence au plus long sur", "longest gap on")
            ),
        ));
    }
}
