//! The API connections' health (admins only): for each connection, its
//! account and network, the last good run and what it wrote, the last
//! error in words, the next scheduled run, and a button that runs it now.

use std::sync::Arc;

use axum::Form;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use maud::{Markup, html};
use relais_core::Network;
use relais_store::ConnectionHealth;

use super::admin::{Done, tabs};
use super::retention::CsrfForm;
use crate::app::{App, AppStore, Ctx, Fail, now, see_other};
use crate::html::{Nav, csrf, enc, notice, page, when};

/// What a connection's health comes to, in one word and a colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Health {
    /// Never run yet.
    New,
    Ok,
    /// The last run failed.
    Failing,
    /// Its run is overdue by more than two periods: the server is not
    /// syncing (stopped, or no key).
    Late,
}

/// The health of `c` at `at`, given the scheduler's period (`None`: the
/// server does not sync).
pub fn health(c: &ConnectionHealth, at: i64, every: Option<i64>) -> Health {
    if c.last_error.is_some() {
        return Health::Failing;
    }
    let Some(last) = c.last_success else {
        return Health::New;
    };
    match every {
        Some(every) if at - last > 2 * every + 300 => Health::Late,
        _ => Health::Ok,
    }
}

fn badge(ctx: &Ctx, h: Health) -> Markup {
    let (class, text) = match h {
        Health::New => ("sla-done", ctx.t("jamais synchronisée", "never synced")),
        Health::Ok => ("sla-ok", ctx.t("à jour", "up to date")),
        Health::Failing => ("sla-late", ctx.t("en erreur", "failing")),
        Health::Late => ("sla-soon", ctx.t("en retard", "overdue")),
    };
    html! { span.badge.(class) { (text) } }
}

/// What the last good run wrote, from its JSON summary.
fn wrote(ctx: &Ctx, summary: Option<&str>) -> String {
    let Some(v) = summary.and_then(|s| serde_json::from_str::<serde_json::Value>(s).ok()) else {
        return "—".into();
    };
    let n = |k: &str| v.get(k).and_then(serde_json::Value::as_u64).unwrap_or(0);
    let mut out = match ctx.lang {
        relais_core::Lang::Fr => format!(
            "{} publication(s), {} commentaire(s), {} réponse(s), {} mesure(s)",
            n("posts"),
            n("comments"),
            n("replies"),
            n("metrics")
        ),
        relais_core::Lang::En => format!(
            "{} post(s), {} comment(s), {} reply(ies), {} metric(s)",
            n("posts"),
            n("comments"),
            n("replies"),
            n("metrics")
        ),
    };
    if let Some(f) = v.get("followers").and_then(serde_json::Value::as_i64) {
        out.push_str(&format!(", {f} {}", ctx.t("abonnés", "followers")));
    }
    out
}

fn network_name(code: &str) -> String {
    Network::parse(code).map_or(code.to_string(), |n| n.label_fr().to_string())
}

pub async fn list<S: AppStore>(
    State(app): State<Arc<App<S>>>,
    ctx: Ctx,
    Query(done): Query<Done>,
) -> Result<Response, Fail> {
    ctx.require_admin()?;
    let connections = app.store.health().await.map_err(Fail::Store)?;
    let every = app
        .settings
        .sync
        .as_ref()
        .map(|s| i64::try_from(s.every.as_secs()).unwrap_or(i64::MAX / 4));
    let at = now();
    let body = html! {
        (tabs(&ctx, "/admin/connections"))
        @if done.done == "queued" {
            (notice("ok", ctx.t("Synchronisation demandée : elle démarre dans quelques secondes.", "Sync requested: it starts within seconds.")))
        }
        @match every {
            Some(e) => p { (ctx.t("Le serveur synchronise chaque connexion toutes les", "The server syncs each connection every")) " " (e / 60) " min." },
            None => p.notice.error role="status" {
                (ctx.t("Ce serveur ne synchronise pas : lancez ", "This server does not sync: run "))
                code { "relais serve" }
                (ctx.t(" avec RELAIS_SECRET_KEY (la clé qui a chiffré les jetons), ou utilisez ", " with RELAIS_SECRET_KEY (the key that encrypted the tokens), or use "))
                code { "relais sync" } "."
            },
        }
        @if connections.is_empty() {
            p {
                (ctx.t("Aucune connexion. Ajoutez-en une avec ", "No connection. Add one with "))
                code { "relais connect facebook|instagram|linkedin|x --account … --token-stdin" } "."
            }
        } @else {
            table {
                caption { (ctx.t("Connexions aux API des réseaux", "Connections to the networks' APIs")) }
                thead { tr {
                    th scope="col" { (ctx.t("Compte", "Account")) }
                    th scope="col" { (ctx.t("État", "State")) }
                    th scope="col" { (ctx.t("Dernier succès", "Last success")) }
                    th scope="col" { (ctx.t("Dernière erreur", "Last error")) }
                    th scope="col" { (ctx.t("Prochaine synchronisation", "Next sync")) }
                    th scope="col" { (ctx.t("Action", "Action")) }
                } }
                tbody {
                    @for c in &connections {
                        (row(&ctx, c, at, every))
                    }
                }
            }
        }
    };
    Ok(page(
        &ctx,
        ctx.t("Connexions", "Connections"),
        Nav::Admin,
        body,
    ))
}

fn row(ctx: &Ctx, c: &ConnectionHealth, at: i64, every: Option<i64>) -> Markup {
    html! {
        tr {
            th scope="row" { (c.account) br; small { (network_name(&c.network)) " · " (c.api_base) } }
            td { (badge(ctx, health(c, at, every))) }
            td {
                @match c.last_success {
                    Some(t) => { (when(t, ctx.lang)) br; small { (wrote(ctx, c.last_summary.as_deref())) } }
                    None => "—",
                }
            }
            td {
                @match &c.last_error {
                    Some(e) => { @if let Some(t) = c.last_attempt { (when(t, ctx.lang)) br; } small { (e) } }
                    None => "—",
                }
            }
            td {
                @match (c.next_run, every) {
                    (_, None) => (ctx.t("pas de synchronisation automatique", "no automatic sync")),
                    (Some(t), Some(_)) if t > at => (when(t, ctx.lang)),
                    (_, Some(_)) => (ctx.t("maintenant", "now")),
                }
            }
            td {
                @if every.is_some() {
                    form method="post" action={ "/admin/connections/" (enc(&c.id)) "/sync" } {
                        (csrf(ctx))
                        button type="submit" { (ctx.t("Synchroniser maintenant", "Sync now")) }
                    }
                }
            }
        }
    }
}

pub async fn sync_now<S: AppStore>(
    State(app): State<Arc<App<S>>>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(f): Form<CsrfForm>,
) -> Result<Response, Fail> {
    ctx.require_admin()?;
    ctx.check_csrf(&f.csrf)?;
    let known = app.store.health().await.map_err(Fail::Store)?;
    if !known.iter().any(|c| c.id == id) {
        return Err(Fail::NotFound);
    }
    if app.settings.sync.is_none() {
        return Err(Fail::Bad(
            ctx.t(
                "ce serveur ne synchronise pas (RELAIS_SECRET_KEY absente) : utilisez `relais sync`.",
                "this server does not sync (no RELAIS_SECRET_KEY): use `relais sync`.",
            )
            .into(),
        ));
    }
    app.store
        .schedule(&id, Some(now()))
        .await
        .map_err(Fail::Store)?;
    app.wake_sync.notify_one();
    app.log(&ctx.user.email, "connection.sync", &id, "").await;
    Ok(see_other("/admin/connections?done=queued"))
}
