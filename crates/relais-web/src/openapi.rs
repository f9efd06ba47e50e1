//! (being written)

use axum::response::Response;

use crate::app::{AppStore, Ctx, Fail};

pub async fn document<S: AppStore>(ctx: Ctx) -> Result<Response, Fail> {
    let _ = ctx;
    Err(Fail::NotFound)
}
