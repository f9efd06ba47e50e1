//! The JSON API under `/api/v1`: the inbox's comments (list, one, assign,
//! reply), the posts, the KPIs and the residences, for a script or another
//! tool holding a bearer token (or a browser session).
//!
//! Handlers are thin: filtering is [`crate::filters`]'s, who sees what is
//! [`crate::scope`]'s, KPIs are the engine's (the rows `relais kpi --json`
//! prints), and the JSON shapes are built in [`shapes`] from plain values.
//! Every failure answers `{"error": {"code", "message"}}` in the caller's
//! language, never an HTML page or a redirect; what is outside the caller's
//! scope answers 404, exactly as an unknown id. The document describing all
//! this is [`crate::openapi`]'s, and must change with it.

mod comments;
mod kpis;
mod posts;
mod residences;
mod shapes;

use std::future::Future;
use std::sync::Arc;

use axum::Router;
use axum::extract::rejection::{JsonRejection, QueryRejection};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, extract::Query};
use relais_core::Lang;
use serde::de::DeserializeOwned;
use serde_json::json;

use crate::app::{App, AppState, AppStore, Ctx, Fail, lang_of};
use crate::snapshot::Snapshot;

pub fn router<S: AppStore>() -> Router<Arc<App<S>>> {
    Router::new()
        .route("/comments", get(comments::list::<S>))
        .route("/comments/{id}", get(comments::show::<S>))
        .route("/comments/{id}/assign", post(comments::assign::<S>))
        .route("/comments/{id}/reply", post(comments::reply::<S>))
        .route("/posts", get(posts::list))
        .route("/kpis", get(kpis::rows))
        .route("/residences", get(residences::list))
        .fallback(unknown::<S>)
}

async fn unknown<S: AppStore>(State(app): AppState<S>, headers: HeaderMap) -> ApiFail {
    ApiFail(Fail::NotFound, lang_of(&headers, app.settings.lang))
}

/// Marks a request as an API call, so that a missing session answers 401
/// JSON instead of sending to the login page (the nested router strips
/// `/api/v1` from the path the extractors see).
#[derive(Debug, Clone, Copy)]
pub struct ApiCall;

pub async fn mark(mut req: Request, next: Next) -> Response {
    req.extensions_mut().insert(ApiCall);
    next.run(req).await
}

/// A failure as the API answers it, in the caller's language.
#[derive(Debug)]
pub struct ApiFail(pub Fail, pub Lang);

impl IntoResponse for ApiFail {
    fn into_response(self) -> Response {
        let ApiFail(fail, lang) = self;
        let t = |fr: &str, en: &str| lang.pick(fr, en).to_string();
        let (status, code, message) = match fail {
            Fail::Unauthenticated => (
                StatusCode::UNAUTHORIZED,
                "unauthenticated",
                t(
                    "authentification requise : envoyez `Authorization: Bearer <jeton d'API>`, ou connectez-vous",
                    "authentication required: send `Authorization: Bearer <API token>`, or log in",
                ),
            ),
            Fail::NotFound => (
                StatusCode::NOT_FOUND,
                "not_found",
                t(
                    "introuvable, ou hors de vos territoires",
                    "not found, or outside your territories",
                ),
            ),
            Fail::Forbidden => (
                StatusCode::FORBIDDEN,
                "forbidden",
                t(
                    "votre rôle permet de consulter, pas de modifier",
                    "your role may read, not change",
                ),
            ),
            Fail::Csrf => (
                StatusCode::FORBIDDEN,
                "csrf",
                t(
                    "en-tête X-CSRF-Token absent ou faux : avec un cookie de session, envoyez le jeton CSRF de la session (ou utilisez un jeton d'API)",
                    "missing or wrong X-CSRF-Token header: with a session cookie, send the session's CSRF token (or use an API token)",
                ),
            ),
            Fail::Bad(message) => (StatusCode::BAD_REQUEST, "bad_request", message),
            Fail::Upstream(message) => (StatusCode::BAD_GATEWAY, "network", message),
            Fail::Store(e) => {
                tracing::error!("{}", e.message(Lang::En));
                (StatusCode::INTERNAL_SERVER_ERROR, "store", e.message(lang))
            }
        };
        let body = json!({"error": {"code": code, "message": message}});
        let mut r = (status, Json(body)).into_response();
        if status == StatusCode::UNAUTHORIZED {
            r.headers_mut()
                .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        r
    }
}

pub type ApiResult = Result<Response, ApiFail>;

/// Runs a handler's body, answering its failure in `lang`.
async fn within(lang: Lang, body: impl Future<Output = Result<Response, Fail>>) -> ApiResult {
    body.await.map_err(|f| ApiFail(f, lang))
}

/// What was sent cannot be read: a 400 saying what and why.
fn unreadable(ctx: &Ctx, what: (&str, &str), why: String) -> Fail {
    Fail::Bad(format!("{} {why}", ctx.t(what.0, what.1)))
}

/// The query parameters, or a 400 saying which one is wrong.
fn query<T: DeserializeOwned>(ctx: &Ctx, q: Result<Query<T>, QueryRejection>) -> Result<T, Fail> {
    let what = ("paramètres incorrects :", "invalid parameters:");
    q.map(|Query(v)| v)
        .map_err(|e| unreadable(ctx, what, e.body_text()))
}

/// A list's filters, checked against the data (a wrong code is a 400
/// naming the field, not an empty list).
fn filter<T: DeserializeOwned>(
    ctx: &Ctx,
    q: Result<Query<T>, QueryRejection>,
    check: fn(&T, &Snapshot, Lang) -> Result<(), String>,
) -> Result<T, Fail> {
    let f = query(ctx, q)?;
    check(&f, &ctx.snap, ctx.lang).map_err(Fail::Bad)?;
    Ok(f)
}

/// The JSON body, or a 400 saying what is wrong with it.
fn body<T: DeserializeOwned>(ctx: &Ctx, b: Result<Json<T>, JsonRejection>) -> Result<T, Fail> {
    let what = ("corps JSON incorrect :", "invalid JSON body:");
    b.map(|Json(v)| v)
        .map_err(|e| unreadable(ctx, what, e.body_text()))
}

/// What every change needs: a role that may write, and with a session
/// cookie the session's CSRF token in `X-CSRF-Token` (bearer calls carry
/// no ambient authority, and need none).
fn may_change(ctx: &Ctx, headers: &HeaderMap) -> Result<(), Fail> {
    ctx.require_write()?;
    let sent = headers
        .get("x-csrf-token")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    ctx.check_csrf(sent)
}

/// Unix seconds as RFC 3339 (UTC, whole seconds).
fn time(unix: i64) -> String {
    chrono::DateTime::from_timestamp(unix, 0)
        .unwrap_or_default()
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// A page of a list, as every list answers it.
fn page(
    items: Vec<serde_json::Value>,
    page: usize,
    per_page: usize,
    pages: usize,
    total: usize,
) -> Response {
    Json(json!({
        "items": items,
        "page": page,
        "per_page": per_page,
        "pages": pages,
        "total": total,
    }))
    .into_response()
}

/// The page size [`crate::filters::paginate`] uses for what was asked.
fn per_page(asked: Option<usize>) -> usize {
    asked.unwrap_or(50).clamp(1, 200)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_filter_complaint_reads_in_english_for_an_english_caller() {
        use crate::filters::{ids_of, refused};
        let fr = "category « x » inconnu ; valeurs possibles : a, b".to_string();
        assert_eq!(refused("category", "x", "a, b", Lang::Fr), fr);
        assert_eq!(
            refused("category", "x", "a, b", Lang::En),
            "category \"x\" unknown; possible values: a, b"
        );
        let fr = "agency « z » inconnu ; valeurs possibles : les identifiants de `relais territory list`";
        let ids = |lang| ids_of("relais territory list", lang);
        assert_eq!(refused("agency", "z", &ids(Lang::Fr), Lang::Fr), fr);
        assert_eq!(
            refused("agency", "z", &ids(Lang::En), Lang::En),
            "agency \"z\" unknown; possible values: the ids `relais territory list` prints"
        );
    }

    #[test]
    fn times_are_rfc_3339_in_utc() {
        assert_eq!(time(1_772_359_200), "2026-03-01T10:00:00Z");
    }

    /// What the extractors of a nested API handler see: the API mark, the
    /// id decoded, and a wrong parameter named; an unknown path reaches the
    /// API's own fallback.
    #[tokio::test]
    async fn nested_handlers_see_the_mark_a_decoded_id_and_a_named_parameter() {
        use axum::extract::{Extension, Path};
        let seen = |Path(id): Path<String>, mark: Option<Extension<ApiCall>>| async move {
            format!("{id} {}", mark.is_some())
        };
        let params = |q: Result<Query<crate::filters::CommentFilter>, QueryRejection>| async move {
            q.err().map(|e| e.body_text()).unwrap_or_default()
        };
        let app: Router = Router::new().nest(
            "/api/v1",
            Router::new()
                .route("/comments/{id}", get(seen))
                .route("/comments", get(params))
                .fallback(|| async { "api fallback" })
                .layer(axum::middleware::from_fn(mark)),
        );
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let at = listener.local_addr().unwrap();
        tokio::spawn(async move { axum::serve(listener, app).await });
        let _ = rustls::crypto::ring::default_provider().install_default();
        let get = |path: &str| {
            let url = format!("http://{at}{path}");
            async move { reqwest::get(url).await.unwrap().text().await.unwrap() }
        };
        assert_eq!(
            get("/api/v1/comments/facebook%3A1_2").await,
            "facebook:1_2 true"
        );
        assert_eq!(
            get("/api/v1/comments/facebook:1_2").await,
            "facebook:1_2 true"
        );
        assert!(
            get("/api/v1/comments?per_page=abc")
                .await
                .contains("per_page")
        );
    }

    #[tokio::test]
    async fn a_failure_answers_json_with_its_status_and_code() {
        let cases = [
            (Fail::Unauthenticated, 401, "unauthenticated"),
            (Fail::NotFound, 404, "not_found"),
            (Fail::Forbidden, 403, "forbidden"),
            (Fail::Csrf, 403, "csrf"),
            (Fail::Bad("status « x »".into()), 400, "bad_request"),
        ];
        for (fail, status, code) in cases {
            let r = ApiFail(fail, Lang::En).into_response();
            assert_eq!(r.status().as_u16(), status);
            assert_eq!(
                r.headers()[header::CONTENT_TYPE],
                "application/json",
                "{code}"
            );
            let bytes = axum::body::to_bytes(r.into_body(), 1 << 16).await.unwrap();
            let v: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
            assert_eq!(v["error"]["code"], code);
            assert!(
                v["error"]["message"]
                    .as_str()
                    .is_some_and(|m| !m.is_empty())
            );
        }
    }
}
