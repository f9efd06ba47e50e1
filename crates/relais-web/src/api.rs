//! (being written)

use std::sync::Arc;

use axum::Router;

use crate::app::{App, AppStore};

pub fn router<S: AppStore>() -> Router<Arc<App<S>>> {
    Router::new()
}
