//! `/posts`: the posts the caller sees, newest first, through the posts
//! page's filters.

use axum::extract::Query;
use axum::extract::rejection::QueryRejection;

use super::{ApiResult, filter_message, page, per_page, query, shapes, within};
use crate::app::{Ctx, Fail};
use crate::filters::{self, PostFilter};

pub async fn list(ctx: Ctx, q: Result<Query<PostFilter>, QueryRejection>) -> ApiResult {
    within(ctx.lang, async {
        let filter = query(&ctx, q)?;
        let snap = &ctx.snap;
        filter
            .check(snap)
            .map_err(|m| Fail::Bad(filter_message(m, ctx.lang)))?;
        let all = filters::posts(snap, &ctx.scope, &filter);
        let (shown, n, pages) = filters::paginate(&all, filter.page, filter.per_page);
        let items = shown
            .iter()
            .map(|&p| shapes::post(&snap.facts, p, snap.post_territory(p)))
            .collect();
        Ok(page(items, n, per_page(filter.per_page), pages, all.len()))
    })
    .await
}
