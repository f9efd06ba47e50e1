//! The redirect server: `GET|HEAD /r/{code}` answers `302` to the link's
//! target and counts the hit; anything else gets the French 404 page.
//!
//! [`serve`] takes its listener and its shutdown signal as arguments, runs
//! the flusher beside the server, and writes what is left in the buffer once
//! the server has stopped. [`router`] is the route table alone, for a web app
//! that serves the links among other pages (it must be served with
//! `into_make_service_with_connect_info::<SocketAddr>()`).
//!
//! Nothing here logs an address or a user agent: log lines name codes and
//! counts only. No cookie is ever set.

use std::collections::HashMap;
use std::future::Future;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use axum::Router;
use axum::extract::{ConnectInfo, Path, Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use relais_store::LinkStore;
use tokio::net::TcpListener;
use tokio::sync::watch;

use crate::counter::{Counter, Hit};
use crate::domain::{AllowedDomain, check_target};
use crate::{Code, LinkError, agent, page, paris_day};

/// How the server counts and caches.
#[derive(Debug, Clone)]
pub struct Settings {
    /// How often the buffer is written (at most a second).
    pub flush_every: Duration,
    /// How long a link or the allowed domains are kept in memory before
    /// being read again from the database.
    pub cache_for: Duration,
    /// Reverse proxies whose `X-Forwarded-For` is believed (its last
    /// address, the one the proxy added); from anyone else it is ignored.
    pub trusted_proxies: Vec<IpAddr>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            flush_every: Duration::from_millis(500),
            cache_for: Duration::from_secs(5),
            trusted_proxies: Vec::new(),
        }
    }
}

/// What a run of the server wrote.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ServeReport {
    pub scans: i64,
    pub bots: i64,
}

type Cached<T> = RwLock<Option<(Instant, T)>>;
/// A code's target as last read (`None`: no such link), and when.
type Targets = RwLock<HashMap<Code, (Instant, Option<Arc<str>>)>>;

/// The server's shared state.
pub struct Links<S> {
    store: S,
    settings: Settings,
    counter: Counter,
    domains: Cached<Arc<Vec<AllowedDomain>>>,
    targets: Targets,
}

impl<S: LinkStore + 'static> Links<S> {
    pub fn new(store: S, settings: Settings) -> Arc<Self> {
        Arc::new(Links {
            store,
            settings,
            counter: Counter::new(),
            domains: RwLock::new(None),
            targets: RwLock::new(HashMap::new()),
        })
    }

    async fn domains(&self) -> Result<Arc<Vec<AllowedDomain>>, LinkError> {
        if let Some((at, d)) = &*self.domains.read().unwrap_or_else(|p| p.into_inner())
            && at.elapsed() < self.settings.cache_for
        {
            return Ok(d.clone());
        }
        let raw = self.store.link_domains().await?;
        // A domain edited by hand into something invalid allows nothing.
        let d: Arc<Vec<_>> = Arc::new(
            raw.iter()
                .filter_map(|d| AllowedDomain::parse(d).ok())
                .collect(),
        );
        *self.domains.write().unwrap_or_else(|p| p.into_inner()) =
            Some((Instant::now(), d.clone()));
        Ok(d)
    }

    async fn target(&self, code: &Code) -> Result<Option<Arc<str>>, LinkError> {
        if let Some((at, t)) = self
            .targets
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .get(code)
            && at.elapsed() < self.settings.cache_for
        {
            return Ok(t.clone());
        }
        let t: Option<Arc<str>> = self
            .store
            .link(code.as_str())
            .await?
            .map(|l| l.target.into());
        let mut cache = self.targets.write().unwrap_or_else(|p| p.into_inner());
        if cache.len() > 100_000 {
            cache.clear();
        }
        cache.insert(code.clone(), (Instant::now(), t.clone()));
        Ok(t)
    }

    /// Writes the buffered counts; on failure they go back to the buffer.
    async fn flush(&self) -> Result<ServeReport, LinkError> {
        let batch = self.counter.take();
        if batch.is_empty() {
            return Ok(ServeReport::default());
        }
        match self.store.add_link_counts(&batch).await {
            Ok(()) => {
                let report = ServeReport {
                    scans: batch.iter().map(|c| c.scans).sum(),
                    bots: batch.iter().map(|c| c.bots).sum(),
                };
                tracing::debug!(
                    rows = batch.len(),
                    scans = report.scans,
                    "link counts written"
                );
                Ok(report)
            }
            Err(e) => {
                self.counter.restore(batch);
                Err(e.into())
            }
        }
    }
}

/// The route table of the short links, with the French 404 page for
/// anything else.
pub fn router<S: LinkStore + 'static>(links: Arc<Links<S>>) -> Router {
    routes(links).fallback(|| async { page::not_found() })
}

/// The redirect route alone, to merge into a larger app (which sets its own
/// fallback).
pub fn routes<S: LinkStore + 'static>(links: Arc<Links<S>>) -> Router {
    Router::new()
        .route("/r/{code}", get(redirect::<S>))
        .with_state(links)
}

async fn redirect<S: LinkStore + 'static>(
    State(links): State<Arc<Links<S>>>,
    Path(code): Path<String>,
    req: Request,
) -> Response {
    let Some(code) = Code::parse(&code) else {
        return page::not_found();
    };
    let (target, domains) = match (links.target(&code).await, links.domains().await) {
        (Ok(Some(t)), Ok(d)) => (t, d),
        (Ok(None), _) => return page::not_found(),
        (Err(e), _) | (_, Err(e)) => {
            tracing::error!(code = %code, "link lookup failed: {}", e.message(relais_core::Lang::En));
            return (
                StatusCode::SERVICE_UNAVAILABLE,
                "Service momentanément indisponible.",
            )
                .into_response();
        }
    };
    if check_target(&target, domains.iter()).is_err() {
        tracing::warn!(code = %code, "refused: the stored target is outside the allowed domains");
        return page::not_found();
    }
    let user_agent = req
        .headers()
        .get(header::USER_AGENT)
        .and_then(|v| v.to_str().ok());
    let hit = if req.method() == Method::HEAD || agent::is_bot(user_agent) {
        Hit::Bot
    } else {
        let peer = req
            .extensions()
            .get::<ConnectInfo<SocketAddr>>()
            .map_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED), |c| c.0.ip());
        let ip = if links.settings.trusted_proxies.contains(&peer) {
            forwarded_for(req.headers()).unwrap_or(peer)
        } else {
            peer
        };
        Hit::Person {
            ip,
            user_agent: user_agent.unwrap_or(""),
        }
    };
    links
        .counter
        .record(code.as_str(), &paris_day(chrono::Utc::now()), hit);
    let Ok(location) = HeaderValue::from_str(&target) else {
        return page::not_found();
    };
    let mut r = StatusCode::FOUND.into_response();
    let h = r.headers_mut();
    h.insert(header::LOCATION, location);
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert("x-robots-tag", HeaderValue::from_static("noindex"));
    r
}

/// The address a trusted proxy says it received the request from: the
/// last entry of the last `X-Forwarded-For` header (earlier entries are
/// whatever the client wrote).
fn forwarded_for(headers: &axum::http::HeaderMap) -> Option<IpAddr> {
    let last = headers.get_all("x-forwarded-for").iter().next_back()?;
    last.to_str().ok()?.rsplit(',').next()?.trim().parse().ok()
}

/// Serves the short links on `listener` until `shutdown` completes, then
/// writes the last counts. Returns what was written during the run.
pub async fn serve<S, F>(
    listener: TcpListener,
    store: S,
    settings: Settings,
    shutdown: F,
) -> Result<ServeReport, LinkError>
where
    S: LinkStore + 'static,
    F: Future<Output = ()> + Send + 'static,
{
    let links = Links::new(store, settings);
    serve_with(listener, links.clone(), router(links), shutdown).await
}

/// Serves `app` (which holds [`routes`] of `links` among others) on
/// `listener` until `shutdown` completes, flushing the counts of `links`
/// meanwhile and once stopped.
pub async fn serve_with<S, F>(
    listener: TcpListener,
    links: Arc<Links<S>>,
    app: Router,
    shutdown: F,
) -> Result<ServeReport, LinkError>
where
    S: LinkStore + 'static,
    F: Future<Output = ()> + Send + 'static,
{
    let (stop_tx, mut stop_rx) = watch::channel(false);
    let flusher = {
        let links = links.clone();
        tokio::spawn(async move {
            let mut total = ServeReport::default();
            let mut every = tokio::time::interval(links.settings.flush_every);
            every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            loop {
                tokio::select! {
                    _ = every.tick() => {}
                    _ = stop_rx.changed() => break,
                }
                match links.flush().await {
                    Ok(r) => add(&mut total, r),
                    Err(e) => tracing::error!(
                        "link counts kept in memory, not written yet: {}",
                        e.message(relais_core::Lang::En)
                    ),
                }
            }
            total
        })
    };
    let app = app.into_make_service_with_connect_info::<SocketAddr>();
    let served = axum::serve(listener, app)
        .with_graceful_shutdown(shutdown)
        .await
        .map_err(LinkError::Serve);
    let _ = stop_tx.send(true);
    let mut total = flusher.await.unwrap_or_default();
    // The last counts: a few tries, then say what is lost.
    let mut last = links.flush().await;
    for _ in 0..3 {
        if last.is_ok() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
        last = links.flush().await;
    }
    add(&mut total, last?);
    served?;
    Ok(total)
}

fn add(total: &mut ServeReport, r: ServeReport) {
    total.scans += r.scans;
    total.bots += r.bots;
}
