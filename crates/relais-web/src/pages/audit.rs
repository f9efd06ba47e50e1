//! (being written)

use axum::response::Response;

use crate::app::{AppStore, Ctx, Fail};

pub async fn show<S: AppStore>(ctx: Ctx) -> Result<Response, Fail> {
    let _ = ctx;
    Err(Fail::NotFound)
}

pub async fn report<S: AppStore>(ctx: Ctx) -> Result<Response, Fail> {
    let _ = ctx;
    Err(Fail::NotFound)
}
