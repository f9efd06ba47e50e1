//! (being written)

use axum::response::Response;

use crate::app::{AppStore, Ctx, Fail};

pub async fn users<S: AppStore>(ctx: Ctx) -> Result<Response, Fail> {
    let _ = ctx;
    Err(Fail::NotFound)
}

pub async fn put_user<S: AppStore>(ctx: Ctx) -> Result<Response, Fail> {
    let _ = ctx;
    Err(Fail::NotFound)
}

pub async fn delete_user<S: AppStore>(ctx: Ctx) -> Result<Response, Fail> {
    let _ = ctx;
    Err(Fail::NotFound)
}

pub async fn territories<S: AppStore>(ctx: Ctx) -> Result<Response, Fail> {
    let _ = ctx;
    Err(Fail::NotFound)
}

pub async fn log<S: AppStore>(ctx: Ctx) -> Result<Response, Fail> {
    let _ = ctx;
    Err(Fail::NotFound)
}
