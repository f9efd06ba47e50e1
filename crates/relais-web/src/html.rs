//! The page shell (landmarks, navigation, skip link, language switch) and
//! the small pieces every page uses.

use axum::response::{Html, IntoResponse, Response};
use chrono::TimeZone;
use maud::{DOCTYPE, Markup, PreEscaped, html};
use relais_core::Lang;
use relais_store::Role;

use crate::app::Ctx;

/// The navigation's sections.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Nav {
    Dashboard,
    Inbox,
    Posts,
    Residences,
    Audit,
    Admin,
}

/// A whole page for a logged-in user.
pub fn page(ctx: &Ctx, title: &str, nav: Nav, body: Markup) -> Response {
    let items: Vec<(Nav, &str, &str)> = [
        (Nav::Dashboard, "/", ctx.t("Tableau de bord", "Dashboard")),
        (Nav::Inbox, "/inbox", ctx.t("Boîte de réception", "Inbox")),
        (Nav::Posts, "/posts", ctx.t("Publications", "Posts")),
        (
            Nav::Residences,
            "/residences",
            ctx.t("Résidences", "Residences"),
        ),
        (Nav::Audit, "/audit", ctx.t("Audit", "Audit")),
        (
            Nav::Admin,
            "/admin/users",
            ctx.t("Administration", "Administration"),
        ),
    ]
    .into_iter()
    .filter(|(n, _, _)| match n {
        Nav::Audit => ctx.scope.is_all(),
        Nav::Admin => ctx.role() == Role::Admin,
        _ => true,
    })
    .collect();
    let other = match ctx.lang {
        Lang::Fr => ("en", "English"),
        Lang::En => ("fr", "Français"),
    };
    shell(
        ctx.lang,
        title,
        html! {
            a.skip href="#main" { (ctx.t("Aller au contenu", "Skip to content")) }
            header.top {
                a.brand href="/" { "relais" }
                nav aria-label=(ctx.t("Navigation principale", "Main navigation")) {
                    ul {
                        @for (n, href, label) in &items {
                            li {
                                @if *n == nav {
                                    a href=(href) aria-current="page" { (label) }
                                } @else {
                                    a href=(href) { (label) }
                                }
                            }
                        }
                    }
                }
                div.who {
                    span { (ctx.user.name) " · " (role_name(ctx.role(), ctx.lang)) }
                    form method="post" action="/logout" {
                        (csrf(ctx))
                        button.link type="submit" { (ctx.t("Se déconnecter", "Log out")) }
                    }
                }
            }
            main #main tabindex="-1" {
                h1 { (title) }
                (body)
            }
            footer.bottom {
                form method="post" action="/lang" {
                    (csrf(ctx))
                    input type="hidden" name="lang" value=(other.0);
                    button.link type="submit" lang=(other.0) { (other.1) }
                }
                p { (ctx.t(
                    "relais : logiciel libre pour les bailleurs sociaux. Les commentaires des locataires sont des données personnelles : n'en copiez rien hors de relais.",
                    "relais: free software for social landlords. Tenants' comments are personal data: copy nothing out of relais."
                )) }
            }
        },
    )
}

/// The document around a body (also used by the login and error pages).
pub fn shell(lang: Lang, title: &str, body: Markup) -> Response {
    let code = match lang {
        Lang::Fr => "fr",
        Lang::En => "en",
    };
    Html(
        html! {
            (DOCTYPE)
            html lang=(code) {
                head {
                    meta charset="utf-8";
                    meta name="viewport" content="width=device-width, initial-scale=1";
                    title { (title) " · relais" }
                    link rel="stylesheet" href="/static/app.css";
                    link rel="icon" href="/static/favicon.svg" type="image/svg+xml";
                    script src="/static/app.js" defer {}
                }
                body { (body) }
            }
        }
        .into_string(),
    )
    .into_response()
}

/// The hidden CSRF field of a form.
pub fn csrf(ctx: &Ctx) -> Markup {
    html! { input type="hidden" name="csrf" value=(ctx.csrf); }
}

pub fn role_name(role: Role, lang: Lang) -> &'static str {
    match role {
        Role::Admin => lang.pick("administration", "admin"),
        Role::Communication => lang.pick("communication", "communication"),
        Role::Referent => lang.pick("référent", "referent"),
        Role::Auditor => lang.pick("lecture seule", "auditor"),
    }
}

/// A Unix time as Paris local time, `12/03/2026 14:05` or `2026-03-12 14:05`.
pub fn when(ts: i64, lang: Lang) -> String {
    let Some(t) = chrono::Utc.timestamp_opt(ts, 0).single() else {
        return "—".into();
    };
    let t = t.with_timezone(&chrono_tz::Europe::Paris);
    match lang {
        Lang::Fr => t.format("%d/%m/%Y %H:%M").to_string(),
        Lang::En => t.format("%Y-%m-%d %H:%M").to_string(),
    }
}

/// A `<select>` with its label; `options` are (value, text).
pub fn select(
    name: &str,
    label: &str,
    options: &[(String, String)],
    selected: Option<&str>,
) -> Markup {
    let id = format!("f-{name}");
    html! {
        div.field {
            label for=(id) { (label) }
            select id=(id) name=(name) {
                @for (value, text) in options {
                    @if Some(value.as_str()) == selected {
                        option value=(value) selected { (text) }
                    } @else {
                        option value=(value) { (text) }
                    }
                }
            }
        }
    }
}

/// A message shown above a page's content.
pub fn notice(kind: &str, text: &str) -> Markup {
    html! { p.notice.(kind) role=(if kind == "error" { "alert" } else { "status" }) { (text) } }
}

/// Page links for a list: `base` holds the other query parameters.
pub fn pager(ctx: &Ctx, base: &str, page: usize, pages: usize) -> Markup {
    let sep = if base.contains('?') { '&' } else { '?' };
    html! {
        @if pages > 1 {
            nav.pager aria-label=(ctx.t("Pages", "Pages")) {
                @if page > 1 {
                    a href={ (base) (sep) "page=" (page - 1) } rel="prev" { "← " (ctx.t("Précédente", "Previous")) }
                }
                span { (ctx.t("Page", "Page")) " " (page) " / " (pages) }
                @if page < pages {
                    a href={ (base) (sep) "page=" (page + 1) } rel="next" { (ctx.t("Suivante", "Next")) " →" }
                }
            }
        }
    }
}

/// Inline SVG made by trusted code (the audit's charts).
pub fn svg(markup: String) -> Markup {
    PreEscaped(markup)
}

/// An address with the non-empty parameters of a filter (for the pager and
/// the way back after a form).
pub fn address(path: &str, pairs: &[(&str, &String)]) -> String {
    let q: Vec<String> = pairs
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| format!("{k}={}", enc(v)))
        .collect();
    format!("{path}?{}", q.join("&"))
}

/// Query-string encoding of one value.
pub fn enc(v: &str) -> String {
    url::form_urlencoded::byte_serialize(v.as_bytes()).collect()
}
