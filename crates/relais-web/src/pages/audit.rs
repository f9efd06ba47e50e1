//! The presence audit: a form (`GET /audit`) and the report itself as a
//! download (`GET /audit/report`), rendered by `relais-audit` from the
//! snapshot's facts exactly as `relais audit` writes it.
//!
//! The audit covers the whole landlord: a referent gets 404 on both.

use std::sync::Arc;

use axum::extract::{Query, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use maud::html;
use relais_core::Lang;
use serde::Deserialize;

use super::kpi_view::{default_period, period_field, period_of};
use crate::app::{App, AppStore, Ctx, Fail};
use crate::html::{Nav, page, select};

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct AuditQuery {
    pub period: String,
    /// `fr` or `en`; empty: the interface's language.
    pub lang: String,
}

fn whole_landlord(ctx: &Ctx) -> Result<(), Fail> {
    if ctx.scope.is_all() {
        Ok(())
    } else {
        Err(Fail::NotFound)
    }
}

/// The report's language, or a message saying what is accepted.
pub(super) fn report_lang(ctx: &Ctx, raw: &str) -> Result<Lang, Fail> {
    match raw.trim() {
        "" => Ok(ctx.lang),
        "fr" => Ok(Lang::Fr),
        "en" => Ok(Lang::En),
        other => Err(Fail::Bad(format!(
            "{} « {other} » {}",
            ctx.t("Langue", "Language"),
            ctx.t(
                "inconnue : choisissez fr (français) ou en (anglais).",
                "unknown: choose fr (French) or en (English)."
            )
        ))),
    }
}

/// What the report holds, section by section.
const CONTENTS: [(&str, &str); 8] = [
    (
        "une synthèse et des recommandations classées par priorité, chacune avec les chiffres sur lesquels elle repose ;",
        "a summary and recommendations by priority, each with the figures it rests on;",
    ),
    (
        "la présence par réseau : régularité, engagement, croissance d'audience ;",
        "presence per network: regularity, engagement, audience growth;",
    ),
    (
        "« Pourquoi un locataire s'abonnerait-il ? » : ce qui engage vraiment les locataires, thème par thème ;",
        "\"Why would a tenant follow?\": what really engages tenants, theme by theme;",
    ),
    (
        "la parole des locataires et l'écoute : taux et délais de réponse, sentiment ;",
        "tenants' voice and listening: response rates and times, sentiment;",
    ),
    (
        "la proximité : contenus locaux, couverture des agences, résidences racontées ;",
        "proximity: local content, agency coverage, residences told;",
    ),
    (
        "le lien terrain–numérique : scans des QR codes et liens courts, trafic du site ;",
        "field and digital: QR code and short-link scans, website traffic;",
    ),
    (
        "la satisfaction des locataires au regard de l'engagement, par territoire ;",
        "tenants' satisfaction beside engagement, per territory;",
    ),
    (
        "collaborateurs, groupes et ambassadeurs (nommés seulement avec leur accord).",
        "collaborators, groups and ambassadors (named only with their consent).",
    ),
];

#[allow(clippy::extra_unused_type_parameters)]
pub async fn show<S: AppStore>(ctx: Ctx) -> Result<Response, Fail> {
    render_form(&ctx)
}

pub(crate) fn render_form(ctx: &Ctx) -> Result<Response, Fail> {
    whole_landlord(ctx)?;
    let period = default_period(&ctx.snap);
    let langs = [
        ("fr".to_string(), "Français".to_string()),
        ("en".to_string(), "English".to_string()),
    ];
    let body = html! {
        p { (ctx.t(
            "L'audit de présence est un rapport autonome (une page HTML, sans ressource extérieure) à transmettre à votre direction ou à imprimer en PDF depuis le navigateur. Il reprend ce qu'un cabinet livrerait :",
            "The presence audit is a self-contained report (one HTML page, with no outside resource) to hand to your management or print to PDF from the browser. It holds what a consultant would deliver:",
        )) }
        ul { @for (fr, en) in CONTENTS { li { (ctx.t(fr, en)) } } }
        p { (ctx.t(
            "Chaque valeur est donnée avec le nombre de publications ou de commentaires sur lequel elle repose ; une valeur qui manque est dite « non disponible », avec la donnée à apporter.",
            "Every value comes with the number of posts or comments behind it; a missing value says \"not available\", with the data to bring.",
        )) }
        h2 { (ctx.t("Télécharger l'audit", "Download the audit")) }
        form.filters method="get" action="/audit/report" {
            (period_field(ctx, &period))
            (select("lang", ctx.t("Langue du rapport", "Report language"), &langs, Some(ctx.lang.pick("fr", "en"))))
            button type="submit" { (ctx.t("Télécharger le rapport", "Download the report")) }
        }
        p.muted { (ctx.t(
            "Le téléchargement est inscrit au journal des actions.",
            "The download is recorded in the action log.",
        )) }
    };
    Ok(page(
        ctx,
        ctx.t("Audit de présence", "Presence audit"),
        Nav::Audit,
        body,
    ))
}

pub async fn report<S: AppStore>(
    State(app): State<Arc<App<S>>>,
    ctx: Ctx,
    Query(q): Query<AuditQuery>,
) -> Result<Response, Fail> {
    whole_landlord(&ctx)?;
    let period = period_of(&ctx, &q.period)?;
    let lang = report_lang(&ctx, &q.lang)?;
    let label = period.label().to_string();
    let snap = ctx.snap.clone();
    // Computing every KPI is CPU work: off the async threads.
    let html = tokio::task::spawn_blocking(move || {
        relais_audit::render(&relais_audit::Audit {
            facts: &snap.facts,
            period,
            lang,
            written: chrono::Local::now().date_naive(),
        })
    })
    .await
    .map_err(|_| {
        Fail::Bad(
            ctx.t(
                "Le rapport n'a pas pu être calculé.",
                "The report could not be computed.",
            )
            .into(),
        )
    })?;
    app.log(&ctx.user.email, "export", "audit", &label).await;
    let mut r = html.into_response();
    let h = r.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    if let Ok(v) = HeaderValue::from_str(&format!(
        "attachment; filename=\"audit-relais-{}.html\"",
        file_part(&label)
    )) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    Ok(r)
}

/// A period label as a file name part (`2025-11..2026-10` stays as is).
pub(super) fn file_part(label: &str) -> String {
    label
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '.' {
                c
            } else {
                '_'
            }
        })
        .collect()
}
