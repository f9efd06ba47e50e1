//! What can be done to a comment from the inbox (and, through
//! [`assign_checked`] and [`checked_text`], from the API): reply, note,
//! assign, correct labels.

use std::sync::Arc;

use axum::Form;
use axum::extract::{Path, State};
use axum::response::Response;
use relais_core::{Label, LabelSource, LabelValue, Lang, Subject};
use relais_store::{Note, Role, User};
use serde::Deserialize;

use crate::app::{App, AppStore, Ctx, Fail, now, see_other};
use crate::html::enc;
use crate::scope::Scope;
use crate::snapshot::Snapshot;

use super::network;

/// The longest reply or note accepted.
pub const MAX_TEXT: usize = 8000;

/// Why `user` may not be given comment `c`, if they may not: auditors
/// change nothing, a referent sees their territories only.
fn unfit(ctx: &Ctx, user: &User, c: usize) -> Option<String> {
    let why = match user.role {
        Role::Auditor => ctx.t(
            "un auditeur ne peut pas se voir attribuer de commentaire",
            "an auditor cannot be assigned a comment",
        ),
        Role::Referent if !Scope::of(user, &ctx.snap).comment(&ctx.snap, c) => ctx.t(
            "ce commentaire est hors des territoires de ce référent",
            "this comment is outside this referent's territories",
        ),
        _ => return None,
    };
    Some(format!("assignee « {} » : {why}", user.email))
}

/// The users a comment may be assigned to: anyone who sees it and may act.
pub fn assignable(users: &[User], snap: &Snapshot, c: usize) -> Vec<User> {
    users
        .iter()
        .filter(|u| u.role != Role::Auditor && Scope::of(u, snap).comment(snap, c))
        .cloned()
        .collect()
}

/// Assigns comment `c` (or takes it back with `None`) after checking the
/// assignee exists and may have it; 404 when the comment is gone.
pub async fn assign_checked<S: AppStore>(
    app: &App<S>,
    ctx: &Ctx,
    c: usize,
    assignee: Option<&str>,
) -> Result<(), Fail> {
    let id = &ctx.snap.facts.comments[c].id;
    if let Some(email) = assignee {
        let users = app.store.users().await.map_err(Fail::Store)?;
        let Some(user) = users.iter().find(|u| u.email == email) else {
            return Err(Fail::Bad(format!(
                "assignee « {email} » : {}",
                ctx.t("aucun utilisateur de ce nom", "no such user")
            )));
        };
        if let Some(why) = unfit(ctx, user, c) {
            return Err(Fail::Bad(why));
        }
    }
    let done = app
        .store
        .assign(id, assignee, &ctx.user.email, now())
        .await
        .map_err(Fail::Store)?;
    if done { Ok(()) } else { Err(Fail::NotFound) }
}

#[derive(Deserialize)]
pub struct TextForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    text: String,
    /// `network`: post the reply on the network first; anything else:
    /// record a reply made elsewhere.
    #[serde(default)]
    publish: String,
}

/// Checks a form posted on a comment: in scope (404), allowed (403), CSRF.
pub(super) fn writable(ctx: &Ctx, id: &str, token: &str) -> Result<usize, Fail> {
    let c = ctx.comment(id)?;
    ctx.require_write()?;
    ctx.check_csrf(token)?;
    Ok(c)
}

/// A reply's or note's text, trimmed and checked.
pub fn checked_text(lang: Lang, text: &str) -> Result<String, Fail> {
    let text = text.trim();
    if text.is_empty() {
        return Err(Fail::Bad(
            lang.pick(
                "le texte est vide : écrivez la réponse.",
                "the text is empty: write the reply.",
            )
            .into(),
        ));
    }
    if text.chars().count() > MAX_TEXT {
        return Err(Fail::Bad(match lang {
            Lang::Fr => format!("texte trop long : {MAX_TEXT} caractères au plus."),
            Lang::En => format!("text too long: {MAX_TEXT} characters at most."),
        }));
    }
    Ok(text.to_string())
}

pub(super) fn back(id: &str, done: &str) -> Response {
    see_other(&format!("/inbox/{}?done={done}", enc(id)))
}

pub async fn reply<S: AppStore>(
    State(app): State<Arc<App<S>>>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(f): Form<TextForm>,
) -> Result<Response, Fail> {
    let c = writable(&ctx, &id, &f.csrf)?;
    let text = checked_text(ctx.lang, &f.text)?;
    let posted = if f.publish == "network" {
        Some(network::publish(&app, &ctx, c, &id, &text).await?)
    } else {
        None
    };
    app.store
        .record_reply(&id, &text, &ctx.user.email, now(), posted.as_deref())
        .await
        .map_err(Fail::Store)?
        .ok_or(Fail::NotFound)?;
    app.refresh().await?;
    Ok(back(&id, if posted.is_some() { "posted" } else { "reply" }))
}

pub async fn note<S: AppStore>(
    State(app): State<Arc<App<S>>>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(f): Form<TextForm>,
) -> Result<Response, Fail> {
    writable(&ctx, &id, &f.csrf)?;
    let text = checked_text(ctx.lang, &f.text)?;
    let note = Note {
        comment_id: id.clone(),
        author: ctx.user.email.clone(),
        at: now(),
        text,
    };
    if !app.store.add_note(&note).await.map_err(Fail::Store)? {
        return Err(Fail::NotFound);
    }
    app.log(&ctx.user.email, "comment.note", &id, "").await;
    Ok(back(&id, "note"))
}

#[derive(Deserialize)]
pub struct AssignForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    assignee: String,
}

pub async fn assign<S: AppStore>(
    State(app): State<Arc<App<S>>>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(f): Form<AssignForm>,
) -> Result<Response, Fail> {
    let c = writable(&ctx, &id, &f.csrf)?;
    let assignee = f.assignee.trim().to_lowercase();
    assign_checked(
        &app,
        &ctx,
        c,
        Some(assignee.as_str()).filter(|a| !a.is_empty()),
    )
    .await?;
    app.refresh().await?;
    Ok(back(&id, "assign"))
}

#[derive(Deserialize)]
pub struct LabelsForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    category: String,
    #[serde(default)]
    urgency: String,
    #[serde(default)]
    sentiment: String,
    #[serde(default)]
    author_kind: String,
    #[serde(default)]
    residence: String,
}

/// Stores a person's labels (the non-empty fields) on a post or comment.
pub async fn set_labels<S: AppStore>(
    app: &App<S>,
    ctx: &Ctx,
    kind: &str,
    id: &str,
    fields: &[(&str, &str)],
) -> Result<usize, Fail> {
    let subject = Subject::from_stored(kind, id).ok_or(Fail::NotFound)?;
    let mut n = 0;
    for (field, value) in fields.iter().filter(|(_, v)| !v.trim().is_empty()) {
        let value = LabelValue::from_parts(field, value.trim())
            .map_err(|e| Fail::Bad(format!("{field} : {e}")))?;
        if let LabelValue::Residence(r) = &value {
            let known = ctx
                .snap
                .residence_index
                .get(r.as_str())
                .is_some_and(|&i| ctx.scope.residence(&ctx.snap, i));
            if !known {
                return Err(Fail::Bad(format!(
                    "residence « {} » : {}",
                    r.as_str(),
                    ctx.t(
                        "inconnue dans vos territoires",
                        "unknown in your territories"
                    )
                )));
            }
        }
        let label = Label {
            subject: subject.clone(),
            value,
            source: LabelSource::Human {
                by: ctx.user.email.clone(),
            },
        };
        app.store
            .set_human_label(&label)
            .await
            .map_err(Fail::Store)?;
        app.log(
            &ctx.user.email,
            "label.set",
            id,
            &format!("{field}={value}", value = label.value.value()),
        )
        .await;
        n += 1;
    }
    if n > 0 {
        app.refresh().await?;
    }
    Ok(n)
}

pub async fn label<S: AppStore>(
    State(app): State<Arc<App<S>>>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(f): Form<LabelsForm>,
) -> Result<Response, Fail> {
    writable(&ctx, &id, &f.csrf)?;
    let fields = [
        ("category", f.category.as_str()),
        ("urgency", f.urgency.as_str()),
        ("sentiment", f.sentiment.as_str()),
        ("author_kind", f.author_kind.as_str()),
        ("residence", f.residence.as_str()),
    ];
    set_labels(&app, &ctx, "comment", &id, &fields).await?;
    Ok(back(&id, "labels"))
}
