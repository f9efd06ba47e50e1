//! `/comments`: the inbox as JSON. The list reads the snapshot and asks the
//! store for the texts of one page only; assigning and replying write
//! through the store (which logs them), then reload the snapshot so the
//! answer (and the KPIs) show the change.

use std::collections::HashMap;
use std::sync::Arc;

use axum::Json;
use axum::extract::rejection::{JsonRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use relais_store::Role;
use serde::Deserialize;

use super::shapes::{self, CommentParts};
use super::{ApiResult, body, filter, may_change, page, per_page, within};
use crate::app::{App, AppState, AppStore, Ctx, Fail, now};
use crate::filters::{self, CommentFilter};
use crate::scope::Scope;
use crate::snapshot::Snapshot;

/// The parts of comment `c` of `snap`, with its stored detail.
fn parts<'a>(
    snap: &'a Snapshot,
    c: usize,
    detail: Option<&'a relais_store::CommentDetail>,
    at: i64,
) -> CommentParts<'a> {
    let id = &snap.facts.comments[c].id;
    CommentParts {
        facts: &snap.facts,
        c,
        territory: snap.comment_territory(c),
        sla: filters::sla(snap, c, at),
        assigned_to: snap.assignments.get(id).map(|a| a.assignee.as_str()),
        detail,
    }
}

pub async fn list<S: AppStore>(
    ctx: Ctx,
    State(app): AppState<S>,
    q: Result<Query<CommentFilter>, QueryRejection>,
) -> ApiResult {
    within(ctx.lang, async {
        let filter = filter(&ctx, q, CommentFilter::check)?;
        let snap = &ctx.snap;
        let at = now();
        let all = filters::cached_comments(snap, &ctx.scope, &filter, &ctx.user.email, at);
        let (shown, n, pages) = filters::paginate(&all, filter.page, filter.per_page);
        let ids: Vec<String> = shown
            .iter()
            .map(|&c| snap.facts.comments[c].id.clone())
            .collect();
        let details = app.store.comment_details(&ids).await.map_err(Fail::Store)?;
        let by_id: HashMap<&str, _> = details.iter().map(|d| (d.id.as_str(), d)).collect();
        let items = shown
            .iter()
            .map(|&c| {
                let detail = by_id.get(snap.facts.comments[c].id.as_str()).copied();
                shapes::comment(&parts(snap, c, detail, at))
            })
            .collect();
        Ok(page(items, n, per_page(filter.per_page), pages, all.len()))
    })
    .await
}

/// The comment a change is about: the caller may change things (with
/// their CSRF token when on a session), and sees it.
fn to_change(ctx: &Ctx, headers: &HeaderMap, id: &str) -> Result<usize, Fail> {
    may_change(ctx, headers)?;
    ctx.comment(id)
}

/// One comment as [`show`] answers it, read from `snap`.
async fn one<S: AppStore>(app: &App<S>, snap: &Snapshot, c: usize) -> Result<Response, Fail> {
    let id = snap.facts.comments[c].id.clone();
    let details = app
        .store
        .comment_details(std::slice::from_ref(&id))
        .await
        .map_err(Fail::Store)?;
    let v = shapes::comment_full(&parts(snap, c, details.first(), now()));
    Ok(Json(v).into_response())
}

pub async fn show<S: AppStore>(
    ctx: Ctx,
    State(app): AppState<S>,
    Path(id): Path<String>,
) -> ApiResult {
    within(ctx.lang, async {
        let c = ctx.comment(&id)?;
        one(&app, &ctx.snap, c).await
    })
    .await
}

/// After a change: reload, and answer the comment as it now stands.
async fn changed<S: AppStore>(app: &Arc<App<S>>, id: &str) -> Result<Response, Fail> {
    app.refresh().await?;
    let snap = app.data.current();
    let c = snap.comment_index.get(id).copied().ok_or(Fail::NotFound)?;
    one(app, &snap, c).await
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AssignBody {
    /// A user's email; `null` takes the comment back.
    pub assignee: Option<String>,
}

/// Why `user` may not be given comment `c`, if they may not: auditors
/// change nothing, a referent sees their territories only.
fn unfit(ctx: &Ctx, user: &relais_store::User, c: usize) -> Option<String> {
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

pub async fn assign<S: AppStore>(
    ctx: Ctx,
    State(app): AppState<S>,
    Path(id): Path<String>,
    headers: HeaderMap,
    b: Result<Json<AssignBody>, JsonRejection>,
) -> ApiResult {
    within(ctx.lang, async {
        let c = to_change(&ctx, &headers, &id)?;
        let wanted = body(&ctx, b)?.assignee.map(|e| e.trim().to_lowercase());
        if let Some(email) = &wanted {
            let users = app.store.users().await.map_err(Fail::Store)?;
            let Some(user) = users.iter().find(|u| &u.email == email) else {
                return Err(Fail::Bad(format!(
                    "assignee « {email} » : {}",
                    ctx.t("aucun utilisateur de ce nom", "no such user")
                )));
            };
            if let Some(why) = unfit(&ctx, user, c) {
                return Err(Fail::Bad(why));
            }
        }
        let done = app
            .store
            .assign(&id, wanted.as_deref(), &ctx.user.email, now())
            .await
            .map_err(Fail::Store)?;
        if !done {
            return Err(Fail::NotFound);
        }
        changed(&app, &id).await
    })
    .await
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReplyBody {
    pub text: String,
}

/// The longest reply accepted, in characters.
pub const MAX_REPLY: usize = 8000;

pub async fn reply<S: AppStore>(
    ctx: Ctx,
    State(app): AppState<S>,
    Path(id): Path<String>,
    headers: HeaderMap,
    b: Result<Json<ReplyBody>, JsonRejection>,
) -> ApiResult {
    within(ctx.lang, async {
        to_change(&ctx, &headers, &id)?;
        let text = body(&ctx, b)?.text;
        let text = text.trim();
        if text.is_empty() {
            return Err(Fail::Bad(
                ctx.t("text : la réponse est vide", "text: the reply is empty")
                    .into(),
            ));
        }
        let len = text.chars().count();
        if len > MAX_REPLY {
            return Err(Fail::Bad(format!(
                "text : {len} {} {MAX_REPLY}",
                ctx.t("caractères, au plus", "characters, at most")
            )));
        }
        let recorded = app
            .store
            .record_reply(&id, text, &ctx.user.email, now())
            .await
            .map_err(Fail::Store)?;
        if recorded.is_none() {
            return Err(Fail::NotFound);
        }
        let r = changed(&app, &id).await?;
        Ok((StatusCode::CREATED, r).into_response())
    })
    .await
}
