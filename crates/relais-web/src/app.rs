//! The app's state, the route table, who is calling, and the failures every
//! handler shares.

use std::collections::HashMap;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::Router;
use axum::extract::{ConnectInfo, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::{HeaderValue, Method, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use relais_core::Lang;
use relais_store::{
    AuditEntry, ConnectStore, LinkStore, Role, SessionRow, Store, StoreError, User, WebStore,
    WebhookStore,
};

use crate::auth::{self, Throttle};
use crate::scope::Scope;
use crate::snapshot::{Data, Snapshot};
use crate::{Settings, api, openapi, pages, static_files, webhook};

/// What the app needs of a database.
pub trait AppStore:
    Store + WebStore + LinkStore + WebhookStore + ConnectStore + Clone + 'static
{
}
impl<T: Store + WebStore + LinkStore + WebhookStore + ConnectStore + Clone + 'static> AppStore
    for T
{
}

/// The app's shared state.
pub struct App<S> {
    pub store: S,
    pub settings: Settings,
    pub data: Data,
    pub throttle: Throttle,
    /// Sessions recently read, to spare the database a read per request.
    sessions: Mutex<HashMap<String, (Instant, SessionRow, User)>>,
    /// Wakes the scheduled sync (an admin asked for a run now).
    pub wake_sync: tokio::sync::Notify,
}

/// How long a session read from the database is trusted before reading it
/// again (a logout or a user's deletion clears it at once).
const SESSION_CACHE: Duration = Duration::from_secs(10);
/// `last_seen` is written at most this often per session.
const TOUCH_EVERY: i64 = 60;

pub fn now() -> i64 {
    chrono::Utc::now().timestamp()
}

impl<S: AppStore> App<S> {
    pub async fn open(store: S, settings: Settings) -> Result<Arc<App<S>>, StoreError> {
        let data = Data::load(&store).await?;
        Ok(Arc::new(App {
            throttle: Throttle::new(settings.max_failed_logins, settings.throttle_window),
            store,
            settings,
            data,
            sessions: Mutex::new(HashMap::new()),
            wake_sync: tokio::sync::Notify::new(),
        }))
    }

    /// Reads the data again after a write of the app's own.
    pub async fn refresh(&self) -> Result<(), Fail> {
        self.data.refresh(&self.store).await.map_err(Fail::Store)
    }

    pub async fn log(&self, actor: &str, action: &str, subject: &str, detail: &str) {
        let entry = AuditEntry {
            at: now(),
            actor: actor.to_string(),
            action: action.to_string(),
            subject: subject.to_string(),
            detail: detail.to_string(),
        };
        if let Err(e) = self.store.log_action(&entry).await {
            tracing::error!("action log not written ({action}): {}", e.message(Lang::En));
        }
    }

    /// Starts a session for `user`; returns the cookie value.
    pub async fn start_session(&self, user: &User) -> Result<String, Fail> {
        let value = auth::random_hex(32);
        let at = now();
        let row = SessionRow {
            id_hash: auth::token_hash(&value),
            email: user.email.clone(),
            csrf: auth::random_hex(32),
            created_at: at,
            last_seen: at,
        };
        self.store.create_session(&row).await.map_err(Fail::Store)?;
        Ok(value)
    }

    pub async fn end_session(&self, value: &str) -> Result<(), Fail> {
        let hash = auth::token_hash(value);
        self.sessions.lock().expect("sessions").remove(&hash);
        self.store.delete_session(&hash).await.map_err(Fail::Store)
    }

    /// Forgets the cached sessions (after a user's change or deletion).
    pub fn forget_sessions(&self) {
        self.sessions.lock().expect("sessions").clear();
    }

    /// The session of a cookie value, if alive.
    async fn session(&self, value: &str) -> Result<Option<(SessionRow, User)>, Fail> {
        let hash = auth::token_hash(value);
        let cached = self
            .sessions
            .lock()
            .expect("sessions")
            .get(&hash)
            .filter(|(at, _, _)| at.elapsed() < SESSION_CACHE)
            .map(|(at, s, u)| (*at, s.clone(), u.clone()));
        let (fetched, mut row, user) = match cached {
            Some(found) => found,
            None => {
                let Some(row) = self.store.session(&hash).await.map_err(Fail::Store)? else {
                    return Ok(None);
                };
                let Some(user) = self.store.user(&row.email).await.map_err(Fail::Store)? else {
                    return Ok(None);
                };
                (Instant::now(), row, user)
            }
        };
        let at = now();
        let idle = self.settings.idle_timeout.as_secs() as i64;
        let absolute = self.settings.absolute_timeout.as_secs() as i64;
        if at - row.last_seen > idle || at - row.created_at > absolute {
            self.sessions.lock().expect("sessions").remove(&hash);
            self.store
                .delete_session(&hash)
                .await
                .map_err(Fail::Store)?;
            return Ok(None);
        }
        if at - row.last_seen >= TOUCH_EVERY.min(idle / 2).max(1) {
            self.store
                .touch_session(&hash, at)
                .await
                .map_err(Fail::Store)?;
            row.last_seen = at;
        }
        self.sessions
            .lock()
            .expect("sessions")
            .insert(hash, (fetched, row.clone(), user.clone()));
        Ok(Some((row, user)))
    }
}

/// Checks for changes made elsewhere, and purges expired sessions.
pub async fn keep_fresh<S: AppStore>(app: Arc<App<S>>) {
    let mut every = tokio::time::interval(app.settings.refresh_every);
    every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut ticks = 0u64;
    loop {
        every.tick().await;
        if let Err(e) = app.data.refresh(&app.store).await {
            tracing::error!("data not refreshed: {}", e.message(Lang::En));
        }
        ticks += 1;
        // Retention once at start, then about once a day.
        if ticks % (86_400 / app.settings.refresh_every.as_secs().max(1)).max(1) == 1 {
            match pages::retention::apply(&app).await {
                Ok(a) => tracing::info!(
                    "retention applied: {} texts, {} names, {} link days",
                    a.texts,
                    a.names,
                    a.link_days
                ),
                Err(e) => tracing::error!("retention not applied: {e:?}"),
            }
        }
        if ticks % 60 == 1 {
            let at = now();
            let idle = app.settings.idle_timeout.as_secs() as i64;
            let absolute = app.settings.absolute_timeout.as_secs() as i64;
            if let Err(e) = app.store.purge_sessions(at - idle, at - absolute).await {
                tracing::error!("sessions not purged: {}", e.message(Lang::En));
            }
        }
    }
}

/// Who is calling, with the data they see.
pub struct Ctx {
    pub user: User,
    pub scope: Scope,
    pub snap: Arc<Snapshot>,
    pub lang: Lang,
    /// The session's CSRF token (empty for a bearer token).
    pub csrf: String,
    /// Called with a bearer token (no CSRF check needed: no ambient
    /// authority).
    pub bearer: bool,
}

impl Ctx {
    pub fn t<'a>(&self, fr: &'a str, en: &'a str) -> &'a str {
        self.lang.pick(fr, en)
    }

    pub fn role(&self) -> Role {
        self.user.role
    }

    /// A tenant's comment the caller sees, by id; anything else (unknown,
    /// outside their scope, the landlord's own) is 404.
    pub fn comment(&self, id: &str) -> Result<usize, Fail> {
        let snap = &self.snap;
        snap.comment_index
            .get(id)
            .copied()
            .filter(|&c| !snap.facts.comments[c].is_landlord() && self.scope.comment(snap, c))
            .ok_or(Fail::NotFound)
    }

    /// Changes are for everyone but auditors.
    pub fn may_write(&self) -> bool {
        self.user.role != Role::Auditor
    }

    pub fn require_write(&self) -> Result<(), Fail> {
        if self.may_write() {
            Ok(())
        } else {
            Err(Fail::Forbidden)
        }
    }

    pub fn require_admin(&self) -> Result<(), Fail> {
        if self.user.role == Role::Admin {
            Ok(())
        } else {
            Err(Fail::NotFound)
        }
    }

    /// Checks a form's CSRF token (bearer calls carry none and need none).
    pub fn check_csrf(&self, sent: &str) -> Result<(), Fail> {
        if self.bearer || (!self.csrf.is_empty() && auth::same(sent, &self.csrf)) {
            Ok(())
        } else {
            Err(Fail::Csrf)
        }
    }
}

/// The interface language: the user's choice (a cookie), else the server's.
pub fn lang_of(headers: &axum::http::HeaderMap, default: Lang) -> Lang {
    match auth::cookie(headers, auth::LANG_COOKIE).as_deref() {
        Some("en") => Lang::En,
        Some("fr") => Lang::Fr,
        _ => default,
    }
}

impl<S: AppStore> FromRequestParts<Arc<App<S>>> for Ctx {
    type Rejection = Response;

    /// Without a session or token, a page sends to the login page and an
    /// API call (marked by [`api::mark`]) answers 401 JSON.
    async fn from_request_parts(parts: &mut Parts, app: &Arc<App<S>>) -> Result<Ctx, Response> {
        let lang = lang_of(&parts.headers, app.settings.lang);
        match caller(parts, app, lang).await {
            Ok(ctx) => Ok(ctx),
            Err(fail) if parts.extensions.get::<api::ApiCall>().is_some() => {
                Err(api::ApiFail(fail, lang).into_response())
            }
            Err(fail) => Err(fail.into_response()),
        }
    }
}

async fn caller<S: AppStore>(parts: &Parts, app: &Arc<App<S>>, lang: Lang) -> Result<Ctx, Fail> {
    let (user, csrf, bearer) = if let Some(token) = auth::bearer(&parts.headers) {
        let row = app
            .store
            .use_token(&auth::token_hash(token), now())
            .await
            .map_err(Fail::Store)?
            .ok_or(Fail::Unauthenticated)?;
        let user = app
            .store
            .user(&row.email)
            .await
            .map_err(Fail::Store)?
            .ok_or(Fail::Unauthenticated)?;
        (user, String::new(), true)
    } else {
        let value =
            auth::cookie(&parts.headers, auth::SESSION_COOKIE).ok_or(Fail::Unauthenticated)?;
        let (row, user) = app.session(&value).await?.ok_or(Fail::Unauthenticated)?;
        (user, row.csrf, false)
    };
    let snap = app.data.current();
    Ok(Ctx {
        scope: Scope::of(&user, &snap),
        user,
        snap,
        lang,
        csrf,
        bearer,
    })
}

/// The client's address, for login throttling only.
pub fn client(parts_ext: &axum::http::Extensions) -> IpAddr {
    parts_ext
        .get::<ConnectInfo<SocketAddr>>()
        .map_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED), |c| c.0.ip())
}

/// Why a request failed.
#[derive(Debug)]
pub enum Fail {
    /// No session or token (pages send to the login page; the API answers 401).
    Unauthenticated,
    /// Outside the user's scope, or no such thing: the same answer.
    NotFound,
    /// Seen, but the role may not change it (auditors).
    Forbidden,
    /// A form without the right CSRF token.
    Csrf,
    /// What was sent is wrong; the message says what to do.
    Bad(String),
    /// A network's API refused or failed; the message says which
    /// connection and what to do (502).
    Upstream(String),
    Store(StoreError),
}

impl IntoResponse for Fail {
    fn into_response(self) -> Response {
        pages::error::page(self)
    }
}

/// Answers each request in its language (error pages read it).
async fn language<S: AppStore>(
    axum::extract::State(app): axum::extract::State<Arc<App<S>>>,
    req: Request,
    next: Next,
) -> Response {
    let lang = lang_of(req.headers(), app.settings.lang);
    pages::error::LANG.scope(lang, next.run(req)).await
}

/// Security headers on every answer; pages are never cached.
async fn headers(req: Request, next: Next) -> Response {
    let is_static = req.uri().path().starts_with("/static/");
    let mut r = next.run(req).await;
    let h = r.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
             connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
        ),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    if !is_static && !h.contains_key(header::CACHE_CONTROL) {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    r
}

/// Refuses cross-site form posts outright (a second wall behind the CSRF
/// tokens): a browser sends `Origin` on a POST, and it must be ours.
/// Webhooks are not forms: a signature, not a cookie, authenticates them.
async fn same_origin(req: Request, next: Next) -> Response {
    if req.method() == Method::POST && !req.uri().path().starts_with("/webhooks/") {
        let host = req
            .headers()
            .get(header::HOST)
            .and_then(|v| v.to_str().ok());
        let origin = req
            .headers()
            .get(header::ORIGIN)
            .and_then(|v| v.to_str().ok());
        if let (Some(origin), Some(host)) = (origin, host) {
            let origin_host = origin.split_once("://").map_or(origin, |(_, h)| h);
            if origin != "null" && origin_host != host {
                return Fail::Csrf.into_response();
            }
        }
    }
    next.run(req).await
}

pub fn router<S: AppStore>(app: Arc<App<S>>) -> Router {
    Router::new()
        .route(
            "/login",
            get(pages::login::form::<S>).post(pages::login::submit::<S>),
        )
        .route("/logout", post(pages::login::logout::<S>))
        .route("/lang", post(pages::login::lang::<S>))
        .route("/", get(pages::dashboard::show::<S>))
        .route("/posts", get(pages::posts::list::<S>))
        .route("/posts/{id}/labels", post(pages::posts::label::<S>))
        .route("/inbox", get(pages::inbox::list::<S>))
        .route("/inbox/{id}", get(pages::inbox::show::<S>))
        .route("/inbox/{id}/assign", post(pages::inbox::assign::<S>))
        .route("/inbox/{id}/reply", post(pages::inbox::reply::<S>))
        .route("/inbox/{id}/note", post(pages::inbox::note::<S>))
        .route("/inbox/{id}/hide", post(pages::inbox::hide::<S>))
        .route("/inbox/{id}/labels", post(pages::inbox::label::<S>))
        .route(
            "/replies",
            get(pages::replies::list::<S>).post(pages::replies::add::<S>),
        )
        .route("/residences", get(pages::residences::list::<S>))
        .route("/residences/{id}", get(pages::residences::show::<S>))
        .route("/audit", get(pages::audit::show::<S>))
        .route("/audit/report", get(pages::audit::report::<S>))
        .route(
            "/admin/users",
            get(pages::admin::users::<S>).post(pages::admin::put_user::<S>),
        )
        .route(
            "/admin/users/{email}/delete",
            post(pages::admin::delete_user::<S>),
        )
        .route("/admin/territories", get(pages::admin::territories::<S>))
        .route("/admin/log", get(pages::admin::log::<S>))
        .route("/admin/connections", get(pages::connections::list::<S>))
        .route(
            "/admin/connections/{id}/sync",
            post(pages::connections::sync_now::<S>),
        )
        .route(
            "/admin/retention",
            get(pages::retention::show::<S>).post(pages::retention::save::<S>),
        )
        .route(
            "/admin/retention/apply",
            post(pages::retention::apply_now::<S>),
        )
        .nest(
            "/api/v1",
            api::router::<S>()
                .route("/openapi.json", get(openapi::document))
                .layer(middleware::from_fn(api::mark)),
        )
        .route("/static/{file}", get(static_files::serve))
        .route(
            "/webhooks/meta",
            get(webhook::verify::<S>).post(webhook::receive::<S>),
        )
        .fallback(|| async { Fail::NotFound })
        .layer(middleware::from_fn(same_origin))
        .layer(middleware::from_fn(headers))
        .layer(middleware::from_fn_with_state(app.clone(), language::<S>))
        .with_state(app)
}

/// After a form post: back to a page (303, so a reload does not post again).
pub fn see_other(to: &str) -> Response {
    Redirect::to(to).into_response()
}

pub type AppState<S> = axum::extract::State<Arc<App<S>>>;
