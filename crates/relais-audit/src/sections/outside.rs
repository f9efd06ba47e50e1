//! Sections 7 to 10: field and digital (short links, QR posters, website
//! traffic), satisfaction beside engagement, collaborators and groups, and
//! ambassadors.

use std::collections::BTreeMap;

use relais_core::AccountKind;
use relais_kpi::format::{decimal, percent};
use relais_kpi::{Dim, survey_points};

use crate::html::{esc, figure, missing, table};
use crate::sections::tenants::bar;
use crate::{Audit, number, svg};

pub fn field(a: &Audit) -> String {
    let f = a.facts;
    let mut s = format!(
        "<section id=\"terrain\"><h2>{}</h2>\n",
        a.t("Terrain et numérique", "Field and digital")
    );
    s.push_str(&format!(
        "<h3>{}</h3>\n",
        a.t("Liens courts et QR codes", "Short links and QR codes")
    ));
    let scans = a.whole("field_scans", Some("scans"));
    if !scans.available {
        s.push_str(&missing(a.t(
            "Aucun scan enregistré. Créez un lien court et une affiche QR par résidence et par action de terrain (relais link bulk --agency … --action « Fête des voisins »), affichez-les dans les halls, et relais comptera les scans sans aucune donnée personnelle.",
            "No scan recorded. Create a short link and a QR poster per residence and field action (relais link bulk --agency … --action \"Neighbours' party\"), put them up in the halls, and relais will count the scans with no personal data.",
        )));
    } else {
        let per_homes = a.whole("field_scans", Some("per_100_homes"));
        s.push_str(&format!(
            "<p>{} <strong>{}</strong> ; {} <strong>{}</strong>.</p>\n",
            a.t("Scans sur la période :", "Scans in the period:"),
            esc(&a.cite(&scans)),
            a.t(
                "rapportés aux logements des résidences équipées :",
                "per homes of the residences with a link:"
            ),
            esc(&a.value(&per_homes))
        ));
        let mut by_action: BTreeMap<&str, u64> = BTreeMap::new();
        let mut by_residence: BTreeMap<usize, u64> = BTreeMap::new();
        for x in f.scans.iter().filter(|x| a.period.contains_day(x.day)) {
            *by_action.entry(x.action.as_str()).or_default() += x.scans;
            if let Some(r) = x.residence {
                *by_residence.entry(r).or_default() += x.scans;
            }
        }
        let mut rows: Vec<(usize, u64)> = by_residence.into_iter().collect();
        rows.sort_by_key(|r| std::cmp::Reverse(r.1));
        let table_rows: Vec<Vec<String>> = rows
            .iter()
            .take(15)
            .map(|&(r, n)| {
                let homes = f.residences[r].homes;
                vec![
                    esc(&f.residences[r].name),
                    number(n, a.lang),
                    number(u64::from(homes), a.lang),
                    decimal(n as f64 * 100.0 / f64::from(homes), 1, a.lang),
                ]
            })
            .collect();
        s.push_str(&table(
            a.t("Scans par résidence", "Scans by residence"),
            &[
                a.t("Résidence", "Residence"),
                a.t("#Scans", "#Scans"),
                a.t("#Logements", "#Homes"),
                a.t("#Pour 100 logements", "#Per 100 homes"),
            ],
            &table_rows,
        ));
        let bars: Vec<svg::Bar> = by_action
            .iter()
            .map(|(k, n)| svg::Bar {
                label: k.to_string(),
                value: *n as f64,
                interval: None,
                text: number(*n, a.lang),
                highlight: false,
            })
            .collect();
        let title = a.t("Scans par action de terrain", "Scans by field action");
        s.push_str(&figure(&svg::bars(title, title, &bars), title));
    }
    s.push_str(&format!(
        "<h3>{}</h3>\n",
        a.t(
            "Trafic du site venu des réseaux",
            "Website traffic from the networks"
        )
    ));
    let web = a.kpi("social_web_share", &[Dim::Network]);
    if web.iter().all(|r| !r.available) {
        s.push_str(&missing(a.t(
            "Aucune donnée de trafic. Importez les journaux d'accès du site (relais traffic import access.log.gz --site www…) ou reliez Matomo (relais traffic matomo --url … --site-id …).",
            "No traffic data. Import the website's access logs (relais traffic import access.log.gz --site www…) or connect Matomo (relais traffic matomo --url … --site-id …).",
        )));
    } else {
        let whole = a.whole("social_web_share", None);
        s.push_str(&format!(
            "<p>{} <strong>{}</strong>.</p>\n",
            esc(a.kpi_name("social_web_share")),
            esc(&a.cite(&whole))
        ));
        let bars: Vec<svg::Bar> = web
            .iter()
            .filter(|r| r.available)
            .map(|r| {
                bar(
                    a,
                    super::network_name(r.at("network").unwrap_or("")),
                    r,
                    false,
                )
            })
            .collect();
        let title = a.t(
            "Part des visites du site venues de chaque réseau",
            "Share of website visits from each network",
        );
        s.push_str(&figure(&svg::bars(title, title, &bars), title));
        s.push_str(&landings(a));
    }
    s.push_str("</section>\n");
    s
}

pub fn satisfaction(a: &Audit) -> String {
    let f = a.facts;
    let mut s = format!(
        "<section id=\"satisfaction\"><h2>{}</h2>\n",
        a.t("Satisfaction et engagement", "Satisfaction and engagement")
    );
    let points = survey_points(f, &a.period);
    let row = a.whole("survey_alignment", None);
    if points.is_empty() {
        s.push_str(&missing(a.t(
            "Aucune enquête de satisfaction. Importez les résultats de l'enquête annuelle par territoire ou résidence (relais survey import enquete.csv, colonnes scope,scope_id,year,question,score,respondents, avec au moins les questions « overall » et « communication »).",
            "No satisfaction survey. Import the yearly survey's results per territory or residence (relais survey import survey.csv, columns scope,scope_id,year,question,score,respondents, with at least the \"overall\" and \"communication\" questions).",
        )));
    } else {
        s.push_str(&format!(
            "<p>{} : <strong>{}</strong>.</p>\n",
            esc(a.kpi_name("survey_alignment")),
            esc(&a.cite(&row))
        ));
        let rows: Vec<Vec<String>> = points
            .iter()
            .map(|p| {
                vec![
                    esc(&f.territories[p.territory].name),
                    p.year.to_string(),
                    decimal(p.score, 1, a.lang),
                    number(u64::from(p.respondents), a.lang),
                    decimal(p.engagement, 2, a.lang),
                ]
            })
            .collect();
        s.push_str(&table(
            a.t("Score « communication » de l'enquête et commentaires de locataires pour 100 logements", "Survey communication score and tenant comments per 100 homes"),
            &[a.t("Territoire", "Territory"), a.t("#Année", "#Year"), a.t("#Score", "#Score"), a.t("#Répondants", "#Respondents"), a.t("#Commentaires / 100 logements", "#Comments / 100 homes")],
            &rows,
        ));
    }
    s.push_str("</section>\n");
    s
}

pub fn community(a: &Audit) -> String {
    let f = a.facts;
    let mut s = format!(
        "<section id=\"collaborateurs\"><h2>{}</h2>\n",
        a.t("Collaborateurs et groupes", "Collaborators and groups")
    );
    let collab = a
        .kpi("collaborator_lift", &[])
        .into_iter()
        .next()
        .expect("one row");
    let collaborators = f
        .accounts
        .iter()
        .filter(|x| x.kind == AccountKind::Collaborator)
        .count() as u64;
    if collaborators == 0 {
        s.push_str(&missing(a.t(
            "Aucun compte de collaborateur suivi. Importez les exports LinkedIn des collaborateurs qui relaient le bailleur (relais import … --account linkedin:in/…).",
            "No collaborator account followed. Import the LinkedIn exports of the collaborators who relay the landlord (relais import … --account linkedin:in/…).",
        )));
    } else {
        s.push_str(&format!(
            "<p>{} ({} {}) : <strong>{}</strong>.</p>\n",
            esc(a.kpi_name("collaborator_lift")),
            number(collaborators, a.lang),
            a.t("comptes de collaborateurs", "collaborator accounts"),
            esc(&a.cite(&collab))
        ));
    }
    let groups: Vec<&str> = f
        .accounts
        .iter()
        .filter(|x| x.kind == AccountKind::Group)
        .map(|x| x.name.as_str())
        .collect();
    let diffusion = a
        .kpi("group_diffusion", &[])
        .into_iter()
        .next()
        .expect("one row");
    if groups.is_empty() {
        s.push_str(&missing(a.t(
            "Aucun groupe d'habitants déclaré. Déclarez les groupes Facebook de résidences que vous animez (relais group declare URL --name … --residence … --members 2026-01-01=312).",
            "No residents' group declared. Declare the residence Facebook groups you run (relais group declare URL --name … --residence … --members 2026-01-01=312).",
        )));
    } else {
        s.push_str(&format!(
            "<p>{} : {}. {} : <strong>{}</strong>. {}</p>\n",
            a.t("Groupes d'habitants", "Residents' groups"),
            esc(&groups.join(", ")),
            esc(a.kpi_name("group_diffusion")),
            esc(&a.cite(&diffusion)),
            esc(a.t(
                "Au-dessus de ×1, une publication dans le groupe touche une plus grande part de ses membres qu'une publication de la page n'en touche de ses abonnés.",
                "Above ×1, a group post reaches a larger share of its members than a page post reaches of its followers.",
            ))
        ));
    }
    s.push_str("</section>\n");
    s
}

pub fn ambassadors(a: &Audit) -> String {
    let mut s = format!(
        "<section id=\"ambassadeurs\"><h2>{}</h2>\n",
        a.t("Ambassadeurs", "Ambassadors")
    );
    let found = relais_kpi::ambassadors(a.facts, &a.period, |_| true);
    let named: Vec<&str> = found.iter().filter_map(|x| x.shown_as.as_deref()).collect();
    s.push_str(&format!(
        "<p>{} <strong>{}</strong> {} {}</p>\n",
        a.t("Le bailleur compte", "The landlord has"),
        number(found.len() as u64, a.lang),
        a.t(
            "locataires ambassadeurs potentiels : au moins 3 messages positifs sur au moins 2 mois des 12 derniers, et aucun message négatif depuis 3 mois.",
            "potential tenant ambassadors: at least 3 positive messages in at least 2 months of the last 12, and no negative one in the last 3.",
        ),
        if named.is_empty() {
            a.t("Aucun n'a encore donné son accord pour être nommé (relais ambassador consent).", "None has agreed to be named yet (relais ambassador consent).").to_string()
        } else {
            format!("{} {}.", a.t("Ont accepté d'être nommés :", "Agreed to be named:"), esc(&named.join(", ")))
        }
    ));
    if !found.is_empty() {
        let share = found.len() as f64 / a.whole("ambassadors", Some("people")).n.max(1) as f64;
        s.push_str(&format!(
            "<p class=\"sub\">{} {}.</p>\n",
            percent(share, 1, a.lang),
            a.t(
                "des locataires ayant commenté dans l'année",
                "of the tenants who commented in the year"
            )
        ));
    }
    s.push_str("</section>\n");
    s
}

/// The pages visitors from the networks and from QR posters land on, most
/// visited first.
fn landings(a: &Audit) -> String {
    let mut by: BTreeMap<(&str, &str), u64> = BTreeMap::new();
    for l in a
        .facts
        .landings
        .iter()
        .filter(|l| a.period.contains_day(l.day))
    {
        *by.entry((l.source.as_str(), l.landing.as_str()))
            .or_default() += l.visits;
    }
    if by.is_empty() {
        return String::new();
    }
    let qr: u64 = by
        .iter()
        .filter(|((s, _), _)| *s == "relais")
        .map(|(_, v)| v)
        .sum();
    let mut top: Vec<((&str, &str), u64)> = by.into_iter().collect();
    top.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(&y.0)));
    let rows: Vec<Vec<String>> = top
        .iter()
        .take(12)
        .map(|((source, landing), v)| {
            let source = if *source == "relais" {
                a.t("QR code / lien court", "QR code / short link")
                    .to_string()
            } else {
                super::network_name(source)
            };
            vec![
                esc(&source),
                format!("<code>{}</code>", esc(landing)),
                number(*v, a.lang),
            ]
        })
        .collect();
    let mut s = format!(
        "<p>{} <strong>{}</strong> {}</p>\n",
        a.t(
            "Les affiches QR et liens courts ont amené",
            "QR posters and short links brought"
        ),
        number(qr, a.lang),
        a.t("visites sur le site.", "visits to the website.")
    );
    s.push_str(&table(
        a.t(
            "Pages d'arrivée des visiteurs venus des réseaux et des QR codes",
            "Landing pages of visitors from the networks and QR codes",
        ),
        &[
            a.t("Source", "Source"),
            a.t("Page d'arrivée", "Landing page"),
            a.t("#Visites", "#Visits"),
        ],
        &rows,
    ));
    s
}
