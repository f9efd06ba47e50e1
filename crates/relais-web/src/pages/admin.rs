//! Administration (admins only; anyone else gets 404): users and their
//! territories, the territories with their referents, the log of sensitive
//! actions.

use std::sync::Arc;

use axum::Form;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use maud::{Markup, html};
use relais_store::{Role, User};
use serde::Deserialize;

use crate::app::{App, AppStore, Ctx, Fail, see_other};
use crate::auth;
use crate::html::{Nav, csrf, enc, notice, page, role_name, select, when};

pub fn tabs(ctx: &Ctx, here: &str) -> Markup {
    let items = [
        ("/admin/users", ctx.t("Utilisateurs", "Users")),
        ("/admin/territories", ctx.t("Territoires", "Territories")),
        ("/admin/retention", ctx.t("Conservation", "Retention")),
        ("/admin/connections", ctx.t("Connexions", "Connections")),
        ("/admin/log", ctx.t("Journal", "Log")),
    ];
    html! {
        nav aria-label=(ctx.t("Administration", "Administration")) {
            ul.inline-list {
                @for (href, label) in items {
                    li { @if href == here { a href=(href) aria-current="page" { (label) } } @else { a href=(href) { (label) } } }
                }
            }
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct Done {
    pub done: String,
}

pub async fn users<S: AppStore>(
    State(app): State<Arc<App<S>>>,
    ctx: Ctx,
    Query(done): Query<Done>,
) -> Result<Response, Fail> {
    ctx.require_admin()?;
    let users = app.store.users().await.map_err(Fail::Store)?;
    let roles: Vec<(String, String)> = Role::ALL
        .iter()
        .map(|r| (r.as_str().to_string(), role_name(*r, ctx.lang).to_string()))
        .collect();
    let body = html! {
        (tabs(&ctx, "/admin/users"))
        @match done.done.as_str() {
            "saved" => (notice("ok", ctx.t("Utilisateur enregistré.", "User saved."))),
            "deleted" => (notice("ok", ctx.t("Utilisateur supprimé ; ses sessions et jetons ont pris fin.", "User deleted; their sessions and tokens ended."))),
            _ => {}
        }
        table {
            caption { (ctx.t("Utilisateurs", "Users")) }
            thead { tr {
                th scope="col" { (ctx.t("Nom", "Name")) }
                th scope="col" { (ctx.t("E-mail", "Email")) }
                th scope="col" { (ctx.t("Rôle", "Role")) }
                th scope="col" { (ctx.t("Territoires", "Territories")) }
                th scope="col" { (ctx.t("Action", "Action")) }
            } }
            tbody {
                @for u in &users {
                    tr {
                        td { (u.name) }
                        td { (u.email) }
                        td { (role_name(u.role, ctx.lang)) }
                        td { (territory_names(&ctx, &u.territories)) }
                        td {
                            @if u.email != ctx.user.email {
                                form.inline method="post" action={ "/admin/users/" (enc(&u.email)) "/delete" }
                                    data-confirm=(ctx.t("Supprimer cet utilisateur ?", "Delete this user?")) {
                                    (csrf(&ctx))
                                    button.secondary type="submit" { (ctx.t("Supprimer", "Delete")) span.sr-only { " " (u.email) } }
                                }
                            }
                        }
                    }
                }
            }
        }
        h2 { (ctx.t("Ajouter ou modifier un utilisateur", "Add or change a user")) }
        form method="post" action="/admin/users" {
            (csrf(&ctx))
            div.field { label for="u-email" { (ctx.t("E-mail", "Email")) } input #u-email type="email" name="email" required; }
            div.field { label for="u-name" { (ctx.t("Nom affiché", "Display name")) } input #u-name type="text" name="name"; }
            (select("role", ctx.t("Rôle", "Role"), &roles, Some("referent")))
            fieldset {
                legend { (ctx.t("Territoires (référents seulement)", "Territories (referents only)")) }
                @for t in &ctx.snap.facts.territories {
                    div {
                        input type="checkbox" name="territory" value=(t.id) id={ "t-" (t.id) };
                        label for={ "t-" (t.id) } { @if t.direction.is_some() { "— " } (t.name) }
                    }
                }
            }
            div.field {
                label for="u-password" { (ctx.t("Mot de passe (12 caractères au moins ; vide : inchangé)", "Password (12 characters at least; empty: unchanged)")) }
                input #u-password type="password" name="password" autocomplete="new-password";
            }
            button type="submit" { (ctx.t("Enregistrer", "Save")) }
        }
    };
    Ok(page(&ctx, ctx.t("Utilisateurs", "Users"), Nav::Admin, body))
}

fn territory_names(ctx: &Ctx, ids: &[String]) -> String {
    if ids.is_empty() {
        return ctx.t("tous", "all").into();
    }
    ids.iter()
        .map(|id| {
            ctx.snap
                .territory_index
                .get(id)
                .map_or(id.clone(), |&t| ctx.snap.facts.territories[t].name.clone())
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// A form whose fields may repeat (`territory`).
pub struct Pairs(Vec<(String, String)>);

impl<S: Send + Sync> axum::extract::FromRequest<S> for Pairs {
    type Rejection = Fail;

    async fn from_request(req: axum::extract::Request, state: &S) -> Result<Self, Fail> {
        let bytes = axum::body::Bytes::from_request(req, state)
            .await
            .map_err(|_| Fail::Bad("formulaire illisible".into()))?;
        Ok(Pairs(
            url::form_urlencoded::parse(&bytes).into_owned().collect(),
        ))
    }
}

impl Pairs {
    fn one(&self, key: &str) -> String {
        self.0
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    }

    fn all(&self, key: &str) -> Vec<String> {
        self.0
            .iter()
            .filter(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
            .collect()
    }
}

pub async fn put_user<S: AppStore>(
    State(app): State<Arc<App<S>>>,
    ctx: Ctx,
    form: Pairs,
) -> Result<Response, Fail> {
    ctx.require_admin()?;
    ctx.check_csrf(&form.one("csrf"))?;
    let email = form.one("email").trim().to_lowercase();
    let shape_ok = email.split_once('@').is_some_and(|(l, d)| {
        !l.is_empty() && d.contains('.') && !email.contains(char::is_whitespace)
    });
    if !shape_ok {
        return Err(Fail::Bad(
            ctx.t(
                "adresse e-mail invalide : attendu nom@domaine.fr",
                "invalid email address: expected name@domain.org",
            )
            .into(),
        ));
    }
    let role = Role::parse(&form.one("role"))
        .ok_or_else(|| Fail::Bad(ctx.t("rôle inconnu", "unknown role").into()))?;
    let mut territories = form.all("territory");
    territories.sort();
    territories.dedup();
    if role == Role::Referent && territories.is_empty() {
        return Err(Fail::Bad(
            ctx.t(
                "un référent a au moins un territoire : cochez-en un.",
                "a referent has at least one territory: tick one.",
            )
            .into(),
        ));
    }
    if role != Role::Referent {
        territories.clear();
    }
    let password = form.one("password");
    let password_hash = if password.is_empty() {
        None
    } else {
        auth::check_password(&password, ctx.lang).map_err(Fail::Bad)?;
        Some(
            tokio::task::spawn_blocking(move || auth::hash_password(&password))
                .await
                .map_err(|_| Fail::Bad("hash".into()))?,
        )
    };
    let name = Some(form.one("name").trim().to_string())
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| email.split('@').next().unwrap_or_default().to_string());
    let user = User {
        email: email.clone(),
        name,
        role,
        territories,
        password_hash,
    };
    let created = app.store.put_user(&user).await.map_err(Fail::Store)?;
    app.forget_sessions();
    app.log(
        &ctx.user.email,
        if created { "user.add" } else { "user.update" },
        &email,
        role.as_str(),
    )
    .await;
    Ok(see_other("/admin/users?done=saved"))
}

#[derive(Deserialize)]
pub struct CsrfForm {
    #[serde(default)]
    csrf: String,
}

pub async fn delete_user<S: AppStore>(
    State(app): State<Arc<App<S>>>,
    ctx: Ctx,
    Path(email): Path<String>,
    Form(f): Form<CsrfForm>,
) -> Result<Response, Fail> {
    ctx.require_admin()?;
    ctx.check_csrf(&f.csrf)?;
    if email == ctx.user.email {
        return Err(Fail::Bad(
            ctx.t(
                "vous ne pouvez pas supprimer votre propre compte.",
                "you cannot delete your own account.",
            )
            .into(),
        ));
    }
    if !app.store.delete_user(&email).await.map_err(Fail::Store)? {
        return Err(Fail::NotFound);
    }
    app.forget_sessions();
    app.log(&ctx.user.email, "user.delete", &email, "").await;
    Ok(see_other("/admin/users?done=deleted"))
}

pub async fn territories<S: AppStore>(
    State(app): State<Arc<App<S>>>,
    ctx: Ctx,
) -> Result<Response, Fail> {
    ctx.require_admin()?;
    let users = app.store.users().await.map_err(Fail::Store)?;
    let f = &ctx.snap.facts;
    let body = html! {
        (tabs(&ctx, "/admin/territories"))
        p { (ctx.t("Les territoires et résidences viennent de « relais residence import » ; les référents se règlent dans Utilisateurs.", "Territories and residences come from `relais residence import`; referents are set in Users.")) }
        table {
            caption { (ctx.t("Directions et agences", "Directions and agencies")) }
            thead { tr {
                th scope="col" { (ctx.t("Territoire", "Territory")) }
                th scope="col" { (ctx.t("Identifiant", "Id")) }
                th.num scope="col" { (ctx.t("Résidences", "Residences")) }
                th scope="col" { (ctx.t("Référents", "Referents")) }
            } }
            tbody {
                @for (t, terr) in f.territories.iter().enumerate() {
                    @let residences = f.residences.iter().filter(|r| r.agency == t).count();
                    @let referents: Vec<&str> = users.iter().filter(|u| u.role == Role::Referent && u.territories.contains(&terr.id)).map(|u| u.name.as_str()).collect();
                    tr {
                        td { @if terr.direction.is_some() { "— " } (terr.name) }
                        td { code { (terr.id) } }
                        td.num { @if terr.direction.is_some() { (residences) } @else { "—" } }
                        td {
                            @if referents.is_empty() {
                                @if terr.direction.is_some() { strong { (ctx.t("Aucun référent", "No referent")) } } @else { "—" }
                            } @else { (referents.join(", ")) }
                        }
                    }
                }
            }
        }
    };
    Ok(page(
        &ctx,
        ctx.t("Territoires", "Territories"),
        Nav::Admin,
        body,
    ))
}

pub async fn log<S: AppStore>(State(app): State<Arc<App<S>>>, ctx: Ctx) -> Result<Response, Fail> {
    ctx.require_admin()?;
    let entries = app.store.action_log(500).await.map_err(Fail::Store)?;
    let body = html! {
        (tabs(&ctx, "/admin/log"))
        table {
            caption { (ctx.t("Les 500 dernières actions sensibles", "The latest 500 sensitive actions")) }
            thead { tr {
                th scope="col" { (ctx.t("Quand", "When")) }
                th scope="col" { (ctx.t("Qui", "Who")) }
                th scope="col" { (ctx.t("Action", "Action")) }
                th scope="col" { (ctx.t("Sur", "On")) }
                th scope="col" { (ctx.t("Détail", "Detail")) }
            } }
            tbody {
                @for e in &entries {
                    tr { td { (when(e.at, ctx.lang)) } td { (e.actor) } td { code { (e.action) } } td { (e.subject) } td { (e.detail) } }
                }
            }
        }
    };
    Ok(page(
        &ctx,
        ctx.t("Journal des actions", "Action log"),
        Nav::Admin,
        body,
    ))
}
