//! The saved replies: everyone who answers reads them; the communication
//! team and admins add new ones.

use std::sync::Arc;

use axum::Form;
use axum::extract::{Query, State};
use axum::response::Response;
use maud::html;
use relais_store::Role;
use serde::Deserialize;

use crate::app::{App, AppStore, Ctx, Fail, see_other};
use crate::html::{Nav, csrf, notice, page};

/// Who may add saved replies.
fn may_edit(ctx: &Ctx) -> bool {
    matches!(ctx.role(), Role::Admin | Role::Communication)
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct Done {
    done: String,
}

pub async fn list<S: AppStore>(
    State(app): State<Arc<App<S>>>,
    ctx: Ctx,
    Query(done): Query<Done>,
) -> Result<Response, Fail> {
    let saved = app.store.saved_replies().await.map_err(Fail::Store)?;
    let body = html! {
        @if done.done == "added" { (notice("ok", ctx.t("Réponse type ajoutée.", "Saved reply added."))) }
        p { (ctx.t(
            "Des réponses prêtes à adapter, dans l'esprit de la charte des réseaux sociaux de l'État : répondre d'abord aux demandes d'information, ne jamais traiter une situation personnelle en public, orienter vers le bon canal, ne recopier aucune donnée personnelle.",
            "Replies ready to adapt, in the spirit of the State's social-network charter: answer information requests first, never handle a personal case in public, send people to the right channel, copy no personal data."
        )) }
        @for s in &saved {
            section.card aria-labelledby={ "r-" (s.id) } {
                h2 #{ "r-" (s.id) } { (s.title) }
                p.quote { (s.body) }
            }
        }
        @if may_edit(&ctx) {
            h2 { (ctx.t("Ajouter une réponse type", "Add a saved reply")) }
            form method="post" action="/replies" {
                (csrf(&ctx))
                div.field {
                    label for="r-title" { (ctx.t("Titre", "Title")) }
                    input #r-title type="text" name="title" required maxlength="120";
                }
                div.field {
                    label for="r-body" { (ctx.t("Texte", "Text")) }
                    textarea #r-body name="body" required maxlength="2000" {}
                }
                button type="submit" { (ctx.t("Ajouter", "Add")) }
            }
        }
    };
    Ok(page(
        &ctx,
        ctx.t("Réponses types", "Saved replies"),
        Nav::Inbox,
        body,
    ))
}

#[derive(Deserialize)]
pub struct AddForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    body: String,
}

pub async fn add<S: AppStore>(
    State(app): State<Arc<App<S>>>,
    ctx: Ctx,
    Form(f): Form<AddForm>,
) -> Result<Response, Fail> {
    ctx.require_write()?;
    if !may_edit(&ctx) {
        return Err(Fail::Forbidden);
    }
    ctx.check_csrf(&f.csrf)?;
    let (title, body) = (f.title.trim(), f.body.trim());
    if title.is_empty()
        || body.is_empty()
        || title.chars().count() > 120
        || body.chars().count() > 2000
    {
        return Err(Fail::Bad(
            ctx.t(
                "un titre (120 caractères au plus) et un texte (2 000 au plus) sont nécessaires.",
                "a title (120 characters at most) and a text (2,000 at most) are needed.",
            )
            .into(),
        ));
    }
    app.store
        .add_saved_reply(title, body)
        .await
        .map_err(Fail::Store)?;
    app.log(&ctx.user.email, "reply.template.add", title, "")
        .await;
    Ok(see_other("/replies?done=added"))
}
