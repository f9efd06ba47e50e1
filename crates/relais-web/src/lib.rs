//! relais's web app: the dashboard, the community inbox, the posts and
//! residences, the audit, the users, and the JSON API under `/api/v1`,
//! beside the short-link redirects of `relais-links`.
//!
//! Pages are rendered on the server (maud), in French by default; the little
//! JavaScript there is (`static/app.js`) only adds comfort, every flow works
//! without it. Every route but the login page, the static assets and the
//! short links needs a session (browser) or a bearer token (API), and every
//! piece of data goes through `scope::Scope`: what is outside a user's
//! territories answers 404, as if it did not exist.
//!
//! [`serve`] takes its listener and its shutdown signal as arguments.

mod api;
mod app;
mod auth;
mod filters;
mod html;
mod i18n;
mod openapi;
mod pages;
mod scope;
mod snapshot;
mod static_files;
mod sync;
mod webhook;

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

pub use app::{App, AppStore};
pub use auth::{check_password, hash_password, new_token, token_hash};
pub use pages::retention::{LINKS_KEY as LINK_RETENTION_KEY, cutoff_day};
pub use relais_links::ServeReport;
pub use sync::scheduler;

use tokio::net::TcpListener;

/// How the web app runs.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The interface's language when a user has not chosen one.
    pub lang: relais_core::Lang,
    /// Send the session cookie with `Secure` (set when served over HTTPS,
    /// directly or behind a proxy).
    pub secure_cookies: bool,
    /// A session unused for this long ends.
    pub idle_timeout: Duration,
    /// A session ends this long after login, used or not.
    pub absolute_timeout: Duration,
    /// How often the data is checked for changes made elsewhere (an import
    /// from the command line, a sync).
    pub refresh_every: Duration,
    /// Failed logins allowed per account (and per client) within
    /// `throttle_window` before logins are refused for that window.
    pub max_failed_logins: u32,
    pub throttle_window: Duration,
    /// The short links' server settings.
    pub links: relais_links::Settings,
    /// Meta's webhooks (`/webhooks/meta`); without them the routes answer 404.
    pub meta: Option<MetaWebhook>,
    /// The scheduled sync of the API connections, and replies posted back
    /// to the networks; without it (no `RELAIS_SECRET_KEY`) connections are
    /// only shown and replies only recorded.
    pub sync: Option<SyncSettings>,
}

/// How `relais serve` keeps the connections fresh.
#[derive(Debug, Clone)]
pub struct SyncSettings {
    /// Decrypts the connections' tokens.
    pub key: relais_connect::SecretKey,
    /// The time between two runs of a connection (15 minutes by default).
    pub every: Duration,
    /// How long to wait when a network limits the calls.
    pub pacing: relais_connect::Pacing,
    /// X: the most posts and users read per calendar month (X bills each).
    pub x_post_reads_per_month: u64,
}

/// What Meta's webhooks are checked with: the app secret signs each
/// delivery, the verify token answers the subscription check.
#[derive(Clone)]
pub struct MetaWebhook {
    pub app_secret: String,
    pub verify_token: String,
}

impl std::fmt::Debug for MetaWebhook {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MetaWebhook")
            .field("app_secret", &"<redacted>")
            .field("verify_token", &"<redacted>")
            .finish()
    }
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            lang: relais_core::Lang::Fr,
            secure_cookies: false,
            idle_timeout: Duration::from_secs(30 * 60),
            absolute_timeout: Duration::from_secs(12 * 3600),
            // The fingerprint scans the labels (a tenth of a second of
            // CPU on the demo): every half minute, not every few seconds.
            refresh_every: Duration::from_secs(30),
            max_failed_logins: 5,
            throttle_window: Duration::from_secs(15 * 60),
            links: relais_links::Settings::default(),
            meta: None,
            sync: None,
        }
    }
}

/// Errors that stop the server.
#[derive(Debug)]
pub enum ServeError {
    Store(relais_store::StoreError),
    Links(relais_links::LinkError),
}

impl ServeError {
    pub fn message(&self, lang: relais_core::Lang) -> String {
        match self {
            ServeError::Store(e) => e.message(lang),
            ServeError::Links(e) => e.message(lang),
        }
    }
}

/// Serves the web app and the short links on `listener` until `shutdown`
/// completes; the link counts are written meanwhile and once stopped.
pub async fn serve<S, F>(
    listener: TcpListener,
    store: S,
    settings: Settings,
    shutdown: F,
) -> Result<ServeReport, ServeError>
where
    S: AppStore,
    F: Future<Output = ()> + Send + 'static,
{
    let app = App::open(store.clone(), settings.clone())
        .await
        .map_err(ServeError::Store)?;
    let links = relais_links::Links::new(store, settings.links.clone());
    let router = relais_links::routes(links.clone()).merge(app::router(app.clone()));
    let refresher = tokio::spawn(app::keep_fresh(app.clone()));
    let scheduler = tokio::spawn(sync::scheduler(app.clone()));
    let report = relais_links::serve_with(listener, links, router, shutdown)
        .await
        .map_err(ServeError::Links);
    refresher.abort();
    scheduler.abort();
    report
}

/// The router alone (tests build their own server with it).
pub async fn router<S: AppStore>(
    store: S,
    settings: Settings,
) -> Result<(axum::Router, Arc<App<S>>), relais_store::StoreError> {
    let app = App::open(store.clone(), settings.clone()).await?;
    let links = relais_links::Links::new(store, settings.links.clone());
    let router = relais_links::routes(links).merge(app::router(app.clone()));
    Ok((router, app))
}

/// The address a client connected from (the short links need it).
pub type Peer = axum::extract::ConnectInfo<SocketAddr>;
