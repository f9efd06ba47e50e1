//! (being written)

use axum::response::Response;

use crate::app::{AppStore, Ctx, Fail};

pub async fn list<S: AppStore>(ctx: Ctx) -> Result<Response, Fail> {
    let _ = ctx;
    Err(Fail::NotFound)
}

pub async fn show<S: AppStore>(ctx: Ctx) -> Result<Response, Fail> {
    let _ = ctx;
    Err(Fail::NotFound)
}

pub async fn assign<S: AppStore>(ctx: Ctx) -> Result<Response, Fail> {
    let _ = ctx;
    Err(Fail::NotFound)
}

pub async fn reply<S: AppStore>(ctx: Ctx) -> Result<Response, Fail> {
    let _ = ctx;
    Err(Fail::NotFound)
}

pub async fn note<S: AppStore>(ctx: Ctx) -> Result<Response, Fail> {
    let _ = ctx;
    Err(Fail::NotFound)
}

pub async fn label<S: AppStore>(ctx: Ctx) -> Result<Response, Fail> {
    let _ = ctx;
    Err(Fail::NotFound)
}
