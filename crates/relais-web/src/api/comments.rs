//! `/comments`: the inbox as JSON. The list reads the snapshot and asks the
//! store for the texts of one page only; assigning and replying write
//! through the store (which logs them), then reload the snapshot so the
//! answer (and the KPIs) show the change.

use std::collections::HashMap;
use std::sync::Arc;

use crate::pages::inbox::{assign_checked, checked_text, publish};
use axum::Json;
use axum::extract::rejection::{JsonRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use super::shapes::{self, CommentParts};
use super::{ApiResult, body, filter, may_change, page, per_page, within};
use crate::app::{App, AppState, AppStore, Ctx, Fail, now};
use crate::filters::{self, CommentFilter};
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
        assign_checked(&app, &ctx, c, wanted.as_deref()).await?;
        changed(&app, &id).await
    })
    .await
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReplyBody {
    pub text: String,
    /// Post the reply on the network first (the account must be connected).
    #[serde(default)]
    pub publish: bool,
}

pub async fn reply<S: AppStore>(
    ctx: Ctx,
    State(app): AppState<S>,
    Path(id): Path<String>,
    headers: HeaderMap,
    b: Result<Json<ReplyBody>, JsonRejection>,
) -> ApiResult {
    within(ctx.lang, async {
        let c = to_change(&ctx, &headers, &id)?;
        let b = body(&ctx, b)?;
        let text = checked_text(ctx.lang, &b.text)?;
        let posted = if b.publish {
            Some(publish(&app, &ctx, c, &id, &text).await?)
        } else {
            None
        };
        let recorded = app
            .store
            .record_reply(&id, &text, &ctx.user.email, now(), posted.as_deref())
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
