//! `/posts`: the posts the caller sees, newest first, through the posts
//! page's filters.

use axum::extract::Query;
use axum::extract::rejection::QueryRejection;

use super::{ApiResult, filter, page, per_page, shapes, within};
use crate::app::Ctx;
use crate::filters::{self, PostFilter};

pub async fn list(ctx: Ctx, q: Result<Query<PostFilter>, QueryRejection>) -> ApiResult {
    within(ctx.lang, async {
        let filter = filter(&ctx, q, PostFilter::check)?;
        let snap = &ctx.snap;
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
