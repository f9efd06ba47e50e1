//! The KPI dashboard (`GET /`): key figures, every KPI on one slice, two
//! charts, and the answer to "why would a tenant follow?".
//!
//! A referent's KPIs are computed by agency and only their agencies' rows
//! are shown: never another agency's row, never a landlord-wide total. The
//! pieces other pages reuse (periods, the KPI table, citations) live in
//! `kpi_view`.

use axum::extract::Query;
use axum::response::Response;
use maud::{Markup, html};
use relais_audit::svg::{Bar, bars, lines};
use relais_kpi::{Dim, Kpi, Period, Row, format};
use serde::Deserialize;

use super::kpi_view::{
    Visible, cite, kpi_table, kpis_for, period_field, period_of, rows_of, slice_text,
    territory_name,
};
use crate::app::{AppStore, Ctx, Fail};
use crate::html::{Nav, notice, page, select, svg};

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct DashQuery {
    pub period: String,
    pub slice: String,
}

/// The slices offered: (code, French, English).
const SLICES: [(&str, &str, &str); 8] = [
    ("organisation", "Organisme entier", "Whole landlord"),
    ("network", "Réseau", "Network"),
    ("territory", "Direction territoriale", "Territory"),
    ("agency", "Agence", "Agency"),
    ("theme", "Thème", "Theme"),
    ("audience", "Public visé", "Audience"),
    ("month", "Mois", "Month"),
    ("quarter", "Trimestre", "Quarter"),
];

/// The key figures: (KPI, unit).
const KEY_FIGURES: [(&str, Option<&str>); 8] = [
    ("engagement_rate_reach", None),
    ("tenant_engagement_lift", None),
    ("tenant_voice_share", None),
    ("net_sentiment", None),
    ("response_rate", None),
    ("response_time_median", Some("business_hours")),
    ("local_content_share", None),
    ("field_scans", Some("scans")),
];

// The route table instantiates every handler with the store's type.
#[allow(clippy::extra_unused_type_parameters)]
pub async fn show<S: AppStore>(ctx: Ctx, Query(q): Query<DashQuery>) -> Result<Response, Fail> {
    render(&ctx, &q)
}

/// The dashboard of a user.
pub(crate) fn render(ctx: &Ctx, q: &DashQuery) -> Result<Response, Fail> {
    let period = period_of(ctx, &q.period)?;
    let slice = slice_of(ctx, &q.slice)?;
    let seen = Visible::of(ctx);
    let base = seen.dims(&[]);
    let chosen = seen.dims(&Dim::parse_list(slice).unwrap_or_default());
    let key_rows = kpis_for(ctx, &period, &base);
    let key_rows = seen.keep(&key_rows);
    let all = kpis_for(ctx, &period, &chosen);
    let all = seen.keep(&all);
    let caption = format!(
        "{} {} — {} {}",
        ctx.t("Tous les indicateurs, découpage :", "Every KPI, slice:"),
        slice_name(ctx, slice),
        ctx.t("période", "period"),
        period
    );
    let body = html! {
        (filters(ctx, &period, slice))
        (scope_notice(ctx, &seen))
        section aria-labelledby="key" {
            h2 #key { (ctx.t("Chiffres clés", "Key figures")) " — " (period) }
            div.cards { @for (code, unit) in KEY_FIGURES { (card(ctx, &key_rows, code, unit)) } }
        }
        (why_follow(ctx, &seen, &period, &key_rows))
        section aria-labelledby="charts" {
            h2 #charts { (ctx.t("Graphiques", "Charts")) }
            (slice_chart(ctx, &all, slice))
            (monthly_chart(ctx, &seen, &period))
        }
        section aria-labelledby="table" {
            h2 #table { (ctx.t("Tous les indicateurs", "Every KPI")) }
            (kpi_table(ctx, &caption, &all))
        }
    };
    Ok(page(
        ctx,
        ctx.t("Tableau de bord", "Dashboard"),
        Nav::Dashboard,
        body,
    ))
}

/// The slice code asked for (`organisation` when none).
fn slice_of(ctx: &Ctx, raw: &str) -> Result<&'static str, Fail> {
    let raw = raw.trim();
    let raw = if raw.is_empty() { "organisation" } else { raw };
    SLICES
        .iter()
        .find(|s| s.0 == raw)
        .map(|s| s.0)
        .ok_or_else(|| {
            let known: Vec<&str> = SLICES.iter().map(|s| s.0).collect();
            Fail::Bad(format!(
                "{} « {raw} » ; {} {}",
                ctx.t("Découpage inconnu", "Unknown slice"),
                ctx.t("découpages possibles :", "possible slices:"),
                known.join(", ")
            ))
        })
}

fn slice_name(ctx: &Ctx, code: &str) -> String {
    if code == "organisation" && !ctx.scope.is_all() {
        return ctx.t("vos agences", "your agencies").to_string();
    }
    let s = SLICES.iter().find(|s| s.0 == code).unwrap_or(&SLICES[0]);
    ctx.t(s.1, s.2).to_string()
}

fn filters(ctx: &Ctx, period: &Period, slice: &str) -> Markup {
    // A referent's agencies are the finest place they see: a direction's
    // total would include other agencies.
    let options: Vec<(String, String)> = SLICES
        .iter()
        .filter(|s| ctx.scope.is_all() || s.0 != "territory")
        .map(|s| (s.0.to_string(), slice_name(ctx, s.0)))
        .collect();
    html! {
        form.filters method="get" action="/" {
            (period_field(ctx, period))
            (select("slice", ctx.t("Découpage", "Slice"), &options, Some(slice)))
            button type="submit" { (ctx.t("Afficher", "Show")) }
        }
    }
}

fn scope_notice(ctx: &Ctx, seen: &Visible) -> Markup {
    let Some(names) = seen.agency_names(&ctx.snap) else {
        return html! {};
    };
    let text = if names.is_empty() {
        ctx.t(
            "Aucune agence ne vous est attribuée : demandez à un administrateur de vous en confier une.",
            "No agency is assigned to you: ask an administrator to give you one.",
        )
        .to_string()
    } else {
        format!(
            "{} {}.",
            ctx.t(
                "Indicateurs de vos agences, agence par agence :",
                "KPIs of your agencies, agency by agency:"
            ),
            names.join(", ")
        )
    };
    notice("info", &text)
}

/// One key figure: a value per visible row (one for the landlord, one per
/// agency for a referent).
fn card(ctx: &Ctx, rows: &[&Row], code: &str, unit: Option<&str>) -> Markup {
    let kpi = Kpi::find(code).expect("a catalogue code");
    let rows = rows_of(rows, code, unit);
    html! {
        div.card {
            p.label { (kpi.name(ctx.lang)) }
            @if rows.is_empty() {
                p.value { (ctx.t("n.d.", "n/a")) }
                p.label { (ctx.t("non calculable pour vos agences", "not computable for your agencies")) }
            }
            @for r in &rows {
                p.value { (format::value(r, ctx.lang)) }
                p.label {
                    @if !r.slice.is_empty() { (slice_text(ctx, r, &[])) " · " }
                    @if r.available {
                        "n = " (format::thousands(r.n as i64, ctx.lang))
                    } @else {
                        (r.reason.clone().unwrap_or_default())
                    }
                }
            }
        }
    }
}

/// The lines of "why would a tenant follow?": (KPI, unit, French, English).
const WHY: [(&str, Option<&str>, &str, &str); 6] = [
    (
        "tenant_engagement_lift",
        None,
        "Les publications destinées aux locataires engagent, rapportées aux autres publications",
        "Posts meant for tenants engage, compared with the other posts",
    ),
    (
        "tenant_post_share",
        None,
        "Part des publications qui s'adressent aux locataires",
        "Share of the posts that speak to tenants",
    ),
    (
        "tenant_voice_share",
        None,
        "Part des commentaires écrits par des locataires",
        "Share of the comments written by tenants",
    ),
    (
        "response_rate",
        None,
        "Quand un locataire attend une réponse, il en reçoit une dans",
        "When a tenant waits for an answer, they get one in",
    ),
    (
        "response_time_median",
        Some("business_hours"),
        "Délai médian de la première réponse",
        "Median time to the first answer",
    ),
    (
        "field_scans",
        Some("scans"),
        "Scans des affiches QR et liens courts posés sur le terrain",
        "Scans of the QR posters and short links placed in the field",
    ),
];

fn why_follow(ctx: &Ctx, seen: &Visible, period: &Period, rows: &[&Row]) -> Markup {
    let by_theme = kpis_for(ctx, period, &seen.dims(&[Dim::Audience]));
    let mut tenant_themes: Vec<&Row> = seen
        .keep(&by_theme)
        .into_iter()
        .filter(|r| {
            r.kpi == "theme_engagement" && r.available && r.at("audience") == Some("tenants")
        })
        .collect();
    tenant_themes.sort_by(|a, b| {
        b.value
            .partial_cmp(&a.value)
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    html! {
        section aria-labelledby="why" {
            h2 #why { (ctx.t("Pourquoi un locataire s'abonnerait-il ?", "Why would a tenant follow?")) }
            ul {
                @for (code, unit, fr, en) in WHY {
                    li { (ctx.t(fr, en)) " : " (cite(ctx, &rows_of(rows, code, unit))) "." }
                }
                li {
                    @match tenant_themes.first() {
                        Some(best) => {
                            (ctx.t("Le thème qui engage le plus les locataires", "The theme that engages tenants most"))
                            " : " (slice_text(ctx, best, &["audience"])) ", " (cite(ctx, &[best])) "."
                        }
                        None => (ctx.t(
                            "L'engagement par thème des publications pour les locataires n'est pas disponible : il faut des publications classées (relais classify) avec leur portée ou les abonnés du compte.",
                            "Engagement by theme of the posts for tenants is not available: it needs classified posts (relais classify) with their reach or the account's followers.",
                        )),
                    }
                }
            }
            p.muted { (ctx.t(
                "n : nombre de publications ou de commentaires sur lesquels repose la valeur. Un sur-engagement au-dessus de ×1 signifie que les locataires réagissent davantage à ce qui leur est destiné : c'est la meilleure raison de s'abonner.",
                "n: the number of posts or comments behind the value. A lift above ×1 means tenants react more to what is meant for them: the best reason to follow.",
            )) }
        }
    }
}

/// A KPI across the slice's values, as bars.
fn slice_chart(ctx: &Ctx, rows: &[&Row], slice: &str) -> Markup {
    let chosen = [
        "engagement_rate_reach",
        "engagement_rate_followers",
        "response_rate",
    ]
    .into_iter()
    .find(|k| rows.iter().filter(|r| r.kpi == *k && r.available).count() >= 2);
    let Some(code) = chosen else {
        return html! { p.muted { (ctx.t(
            "Pas de graphique par découpage : il faut au moins deux valeurs disponibles (choisissez un découpage).",
            "No chart per slice: it needs at least two available values (choose a slice).",
        )) } };
    };
    let data: Vec<Bar> = rows
        .iter()
        .filter(|r| r.kpi == code && r.available)
        .take(24)
        .map(|r| Bar {
            label: slice_text(ctx, r, &[]),
            value: r.value.unwrap_or_default(),
            interval: r.interval.map(|[a, b]| (a, b)),
            text: format::value(r, ctx.lang),
            highlight: false,
        })
        .collect();
    let title = format!(
        "{} — {}",
        Kpi::find(code).expect("a catalogue code").name(ctx.lang),
        slice_name(ctx, slice)
    );
    figure(ctx, &title, bars(&title, &title, &data))
}

/// Engagement and response rates month by month.
fn monthly_chart(ctx: &Ctx, seen: &Visible, period: &Period) -> Markup {
    let rows = kpis_for(
        ctx,
        period,
        &seen.dims(&[Dim::Time(relais_kpi::Grain::Month)]),
    );
    let rows = seen.keep(&rows);
    let mut months: Vec<&str> = rows.iter().filter_map(|r| r.at("month")).collect();
    months.sort_unstable();
    months.dedup();
    let mut series: Vec<(String, Vec<Option<f64>>)> = Vec::new();
    for code in ["engagement_rate_reach", "response_rate"] {
        let name = Kpi::find(code).expect("a catalogue code").name(ctx.lang);
        for agency in seen.series_agencies() {
            let at = |m: &str| {
                rows.iter()
                    .find(|r| r.kpi == code && r.at("month") == Some(m) && r.at("agency") == agency)
                    .and_then(|r| r.value)
            };
            let label = agency.map_or(name.to_string(), |a| {
                format!("{name} · {}", territory_name(&ctx.snap, a))
            });
            series.push((label, months.iter().map(|m| at(m)).collect()));
        }
    }
    series.retain(|s| s.1.iter().any(Option::is_some));
    if months.len() < 2 || series.is_empty() {
        return html! {};
    }
    let title = ctx.t(
        "Engagement et réponses, mois par mois",
        "Engagement and answers, month by month",
    );
    let x: Vec<String> = months.iter().map(|m| m.to_string()).collect();
    let lang = ctx.lang;
    figure(
        ctx,
        title,
        lines(title, title, &x, &series, |v| format::percent(v, 1, lang)),
    )
}

fn figure(ctx: &Ctx, title: &str, chart: String) -> Markup {
    html! {
        figure {
            (svg(chart))
            figcaption { (title) ". " (ctx.t("Les valeurs figurent aussi dans le tableau ci-dessous.", "The values are also in the table below.")) }
        }
    }
}
