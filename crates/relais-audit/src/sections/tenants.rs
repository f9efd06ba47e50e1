//! Sections 3 and 4: "why would a tenant follow?" (engagement by audience
//! and theme, tenant-oriented posts against the others, best and worst
//! posts) and the tenants' voice (who engages, about what, in which tone).

use std::collections::BTreeMap;

use relais_core::{Audience, AuthorKind, Category, Sentiment, Theme};
use relais_kpi::format::percent;
use relais_kpi::period::paris_day;
use relais_kpi::{Dim, Row};

use crate::html::{esc, figure, missing, table};
use crate::{Audit, number, svg};

fn theme_label(a: &Audit, code: &str) -> String {
    Theme::parse(code)
        .map(|t| a.t(t.label_fr(), t.code()).to_string())
        .unwrap_or_else(|_| code.to_string())
}

fn audience_label(a: &Audit, code: &str) -> String {
    Audience::parse(code)
        .map(|t| a.t(t.label_fr(), t.code()).to_string())
        .unwrap_or_else(|_| code.to_string())
}

fn excerpt(text: &str) -> String {
    let t: String = text.chars().take(170).collect();
    if t.len() < text.len() {
        format!("{t}…")
    } else {
        t
    }
}

fn post_rows(a: &Audit, posts: &[(usize, f64)]) -> Vec<Vec<String>> {
    posts
        .iter()
        .map(|&(i, rate)| {
            let p = &a.facts.posts[i];
            let acc = &a.facts.accounts[p.account];
            vec![
                paris_day(p.published_at).format("%d/%m/%Y").to_string(),
                esc(acc.network.label_fr()),
                p.theme
                    .map(|t| esc(&theme_label(a, t.code())))
                    .unwrap_or_default(),
                p.audience
                    .map(|t| esc(&audience_label(a, t.code())))
                    .unwrap_or_default(),
                format!("<blockquote>{}</blockquote>", esc(&excerpt(&p.text))),
                percent(rate, 1, a.lang),
            ]
        })
        .collect()
}

pub fn why_follow(a: &Audit) -> String {
    let mut s = format!(
        "<section id=\"pourquoi\"><h2>{}</h2>\n",
        a.t(
            "Pourquoi un locataire s'abonnerait-il ?",
            "Why would a tenant follow?"
        )
    );
    let lift = a.whole("tenant_engagement_lift", None);
    let share = a.whole("tenant_post_share", None);
    s.push_str(&format!(
        "<p>{} <strong>{}</strong>. {} <strong>{}</strong>.</p>\n",
        esc(a.kpi_name("tenant_engagement_lift")),
        esc(&a.cite(&lift)),
        esc(a.kpi_name("tenant_post_share")),
        esc(&a.cite(&share)),
    ));
    let by_audience = a.kpi("engagement_rate_reach", &[Dim::Audience]);
    if by_audience.iter().any(|r| r.available) {
        let bars: Vec<svg::Bar> = by_audience
            .iter()
            .filter(|r| r.available)
            .map(|r| {
                bar(
                    a,
                    audience_label(a, r.at("audience").unwrap_or("")),
                    r,
                    r.at("audience") == Some("tenants"),
                )
            })
            .collect();
        let title = a.t(
            "Engagement sur la portée, par public visé (médiane, IC 95 %)",
            "Engagement on reach by audience (median, 95% CI)",
        );
        s.push_str(&figure(&svg::bars(title, title, &bars), title));
    }
    let themes = a.kpi("theme_engagement", &[]);
    let mut available: Vec<&Row> = themes.iter().filter(|r| r.available).collect();
    available.sort_by(|x, y| {
        y.value
            .partial_cmp(&x.value)
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    if available.is_empty() {
        s.push_str(&missing(a.t(
            "Engagement par thème non disponible : il faut des publications classées (relais classify) avec leur portée ou les abonnés du compte (exports Meta Business Suite, statistiques de page).",
            "Engagement by theme not available: needs classified posts (relais classify) with their reach or the account's followers (Meta Business Suite exports, page statistics).",
        )));
    } else {
        let bars: Vec<svg::Bar> = available
            .iter()
            .map(|r| {
                bar(
                    a,
                    theme_label(a, r.at("theme").unwrap_or("")),
                    r,
                    r.significant == Some(true) && r.value > themes_median(&themes),
                )
            })
            .collect();
        let title = a.t("Engagement par thème (médiane par publication, IC 95 % ; en orange, au-dessus du reste de façon significative)", "Engagement by theme (median per post, 95% CI; orange: significantly above the rest)");
        s.push_str(&figure(&svg::bars(title, title, &bars), title));
    }
    let mut rated: Vec<(usize, f64)> = (0..a.facts.posts.len())
        .filter(|&i| a.period.contains(a.facts.posts[i].published_at))
        .filter_map(|i| Some((i, a.facts.posts[i].metrics.engagement_on_reach()?)))
        .collect();
    rated.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
    if rated.len() >= 6 {
        let header = [
            a.t("Date", "Date"),
            a.t("Réseau", "Network"),
            a.t("Thème", "Theme"),
            a.t("Public", "Audience"),
            a.t("Texte", "Text"),
            a.t("#Engagement", "#Engagement"),
        ];
        s.push_str(&format!(
            "<h3>{}</h3>\n",
            a.t(
                "Les publications qui ont le plus engagé",
                "The posts that engaged most"
            )
        ));
        s.push_str(&table(
            a.t("Engagement sur la portée", "Engagement on reach"),
            &header,
            &post_rows(a, &rated[..3]),
        ));
        s.push_str(&format!(
            "<h3>{}</h3>\n",
            a.t("Celles qui ont le moins engagé", "Those that engaged least")
        ));
        let worst: Vec<(usize, f64)> = rated[rated.len() - 3..].iter().rev().copied().collect();
        s.push_str(&table(
            a.t("Engagement sur la portée", "Engagement on reach"),
            &header,
            &post_rows(a, &worst),
        ));
    }
    s.push_str("</section>\n");
    s
}

fn themes_median(rows: &[Row]) -> Option<f64> {
    let mut v: Vec<f64> = rows.iter().filter_map(|r| r.value).collect();
    relais_kpi::stats::median(&mut v)
}

pub(crate) fn bar(a: &Audit, label: String, r: &Row, highlight: bool) -> svg::Bar {
    svg::Bar {
        label,
        value: r.value.unwrap_or(0.0),
        interval: r.interval.map(|[x, y]| (x, y)),
        text: format!("{} (n={})", a.value(r), r.n),
        highlight,
    }
}

fn count_bars<K: Ord>(
    a: &Audit,
    counts: BTreeMap<K, u64>,
    label: impl Fn(&K) -> String,
) -> Vec<svg::Bar> {
    let total: u64 = counts.values().sum();
    let mut v: Vec<(K, u64)> = counts.into_iter().collect();
    v.sort_by_key(|x| std::cmp::Reverse(x.1));
    v.iter()
        .map(|(k, n)| svg::Bar {
            label: label(k),
            value: *n as f64,
            interval: None,
            text: format!(
                "{} ({})",
                number(*n, a.lang),
                percent(*n as f64 / total.max(1) as f64, 0, a.lang)
            ),
            highlight: false,
        })
        .collect()
}

pub fn voice(a: &Audit) -> String {
    let f = a.facts;
    let mut s = format!(
        "<section id=\"parole\"><h2>{}</h2>\n",
        a.t("La parole des locataires", "The tenants' voice")
    );
    let comments: Vec<_> = f
        .comments
        .iter()
        .filter(|c| !c.is_landlord() && a.period.contains(c.created_at))
        .collect();
    if comments.is_empty() {
        s.push_str(&missing(a.t(
            "Aucun commentaire sur la période : importez les exports de commentaires (relais import) ou connectez les comptes.",
            "No comment in the period: import comment exports (relais import) or connect the accounts.",
        )));
        s.push_str("</section>\n");
        return s;
    }
    let voice = a.whole("tenant_voice_share", None);
    let net = a.whole("net_sentiment", None);
    s.push_str(&format!(
        "<p>{} : <strong>{}</strong>. {} : <strong>{}</strong>.</p>\n",
        esc(a.kpi_name("tenant_voice_share")),
        esc(&a.cite(&voice)),
        esc(a.kpi_name("net_sentiment")),
        esc(&a.cite(&net))
    ));
    let mut kinds: BTreeMap<AuthorKind, u64> = BTreeMap::new();
    let mut categories: BTreeMap<Category, u64> = BTreeMap::new();
    for c in &comments {
        if let Some(k) = c.author_kind {
            *kinds.entry(k).or_default() += 1;
        }
        if let Some(k) = c.category {
            *categories.entry(k).or_default() += 1;
        }
    }
    let title = a.t("Qui commente ?", "Who comments?");
    s.push_str(&figure(
        &svg::bars(
            title,
            title,
            &count_bars(a, kinds, |k| a.t(k.label_fr(), k.code()).to_string()),
        ),
        title,
    ));
    let title = a.t(
        "De quoi parlent-ils ? (catégories de demandes)",
        "What about? (request categories)",
    );
    s.push_str(&figure(
        &svg::bars(
            title,
            title,
            &count_bars(a, categories, |k| a.t(k.label_fr(), k.code()).to_string()),
        ),
        title,
    ));
    let monthly = a.kpi("net_sentiment", &[Dim::Time(relais_kpi::Grain::Month)]);
    let points: Vec<&Row> = monthly.iter().filter(|r| r.available).collect();
    if points.len() >= 2 {
        let labels: Vec<String> = points
            .iter()
            .map(|r| r.at("month").unwrap_or("").to_string())
            .collect();
        let series = vec![(
            a.t("Sentiment net", "Net sentiment").to_string(),
            points.iter().map(|r| r.value).collect(),
        )];
        let title = a.t(
            "Sentiment net par mois ((positifs − négatifs) / classés)",
            "Net sentiment by month ((positive − negative) / classified)",
        );
        s.push_str(&figure(
            &svg::lines(title, title, &labels, &series, |v| {
                relais_kpi::format::decimal(v, 2, a.lang)
            }),
            title,
        ));
    }
    let positives = comments
        .iter()
        .filter(|c| c.sentiment == Some(Sentiment::Positive))
        .count() as u64;
    s.push_str(&format!(
        "<p class=\"sub\">{} {} {}.</p>\n",
        number(positives, a.lang),
        a.t("messages positifs sur", "positive messages out of"),
        number(comments.len() as u64, a.lang)
    ));
    s.push_str("</section>\n");
    s
}
