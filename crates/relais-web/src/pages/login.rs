//! Logging in and out, and the language switch.
//!
//! The login form has its own CSRF token (a cookie and a field that must
//! match), since there is no session yet. Passwords are checked with
//! argon2id off the async threads; an unknown account costs the same time as
//! a wrong password. Failed attempts are throttled per account and client.

use std::sync::Arc;

use axum::extract::{Query, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::{Form, RequestExt};
use maud::html;
use relais_core::Lang;
use serde::Deserialize;

use crate::app::{App, AppStore, Ctx, Fail, client, lang_of, see_other};
use crate::auth::{self, LANG_COOKIE, LOGIN_COOKIE, SESSION_COOKIE};
use crate::html::{notice, shell};

#[derive(Deserialize, Default)]
pub struct Next {
    #[serde(default)]
    next: String,
}

/// Only a path of this site (no `//host`, no scheme).
fn local(next: &str) -> &str {
    if next.starts_with('/') && !next.starts_with("//") && !next.contains('\\') {
        next
    } else {
        "/"
    }
}

fn login_page(
    lang: Lang,
    token: &str,
    next: &str,
    email: &str,
    error: Option<&str>,
    status: StatusCode,
    secure: bool,
) -> Response {
    let t = |fr, en| lang.pick(fr, en);
    let body = html! {
        main #main.login {
            h1 { "relais" }
            p { (t("Connectez-vous pour suivre la présence de votre organisme et répondre aux locataires.",
                   "Log in to follow your landlord's presence and answer tenants.")) }
            @if let Some(e) = error { (notice("error", e)) }
            form method="post" action="/login" {
                input type="hidden" name="csrf" value=(token);
                input type="hidden" name="next" value=(next);
                div.field {
                    label for="email" { (t("Adresse e-mail", "Email address")) }
                    input #email type="email" name="email" value=(email) autocomplete="username" required autofocus;
                }
                div.field {
                    label for="password" { (t("Mot de passe", "Password")) }
                    input #password type="password" name="password" autocomplete="current-password" required;
                }
                button type="submit" { (t("Se connecter", "Log in")) }
            }
            p.muted { (t("Mot de passe oublié ? Un administrateur le redéfinit avec « relais user add … --password-stdin ».",
                         "Forgot your password? An administrator resets it with `relais user add … --password-stdin`.")) }
        }
    };
    let mut r = (status, shell(lang, t("Connexion", "Log in"), body)).into_response();
    if let Ok(v) = HeaderValue::from_str(&auth::set_cookie(LOGIN_COOKIE, token, secure, None)) {
        r.headers_mut().append(header::SET_COOKIE, v);
    }
    r
}

pub async fn form<S: AppStore>(
    State(app): State<Arc<App<S>>>,
    headers: HeaderMap,
    Query(next): Query<Next>,
) -> Response {
    let lang = lang_of(&headers, app.settings.lang);
    let token = auth::cookie(&headers, LOGIN_COOKIE)
        .filter(|t| t.len() == 64)
        .unwrap_or_else(|| auth::random_hex(32));
    login_page(
        lang,
        &token,
        local(&next.next),
        "",
        None,
        StatusCode::OK,
        app.settings.secure_cookies,
    )
}

#[derive(Deserialize)]
pub struct LoginForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    next: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
}

/// A hash to check wrong accounts against, so they take as long as wrong
/// passwords.
fn decoy() -> &'static str {
    static DECOY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DECOY.get_or_init(|| auth::hash_password("relais-decoy-password"))
}

pub async fn submit<S: AppStore>(State(app): State<Arc<App<S>>>, req: Request) -> Response {
    let headers = req.headers().clone();
    let peer = client(req.extensions());
    let lang = lang_of(&headers, app.settings.lang);
    let secure = app.settings.secure_cookies;
    let Ok(Form(f)) = req.extract::<Form<LoginForm>, _>().await else {
        return Fail::Bad(
            lang.pick("formulaire de connexion illisible", "unreadable login form")
                .into(),
        )
        .into_response();
    };
    let next = local(&f.next).to_string();
    let email = f.email.trim().to_lowercase();
    let cookie = auth::cookie(&headers, LOGIN_COOKIE).unwrap_or_default();
    let fresh = auth::random_hex(32);
    let again =
        |error: &str, status| login_page(lang, &fresh, &next, &email, Some(error), status, secure);
    if cookie.is_empty() || !auth::same(&cookie, &f.csrf) {
        return again(
            lang.pick(
                "Le formulaire a expiré : saisissez à nouveau vos identifiants.",
                "The form expired: enter your credentials again.",
            ),
            StatusCode::FORBIDDEN,
        );
    }
    if let Some(wait) = app.throttle.blocked(&email, peer) {
        app.log(&email, "login.throttled", &email, "").await;
        let msg = match lang {
            Lang::Fr => format!(
                "Trop d'essais manqués. Réessayez dans {} minute(s), ou demandez à un administrateur de redéfinir votre mot de passe.",
                wait.div_ceil(60)
            ),
            Lang::En => format!(
                "Too many failed attempts. Try again in {} minute(s), or ask an administrator to reset your password.",
                wait.div_ceil(60)
            ),
        };
        return again(&msg, StatusCode::TOO_MANY_REQUESTS);
    }
    let user = match app.store.user(&email).await {
        Ok(u) => u,
        Err(e) => return Fail::Store(e).into_response(),
    };
    let phc = user
        .as_ref()
        .and_then(|u| u.password_hash.clone())
        .unwrap_or_else(|| decoy().to_string());
    let password = f.password;
    let ok = tokio::task::spawn_blocking(move || auth::verify_password(&password, &phc))
        .await
        .unwrap_or(false);
    let Some(user) = user.filter(|u| ok && u.password_hash.is_some()) else {
        app.throttle.failed(&email, peer);
        app.log(&email, "login.failed", &email, "").await;
        return again(
            lang.pick(
                "Adresse e-mail ou mot de passe incorrect.",
                "Wrong email address or password.",
            ),
            StatusCode::UNAUTHORIZED,
        );
    };
    app.throttle.succeeded(&email);
    let value = match app.start_session(&user).await {
        Ok(v) => v,
        Err(e) => return e.into_response(),
    };
    app.log(&user.email, "login", &user.email, "").await;
    let mut r = see_other(&next);
    let h = r.headers_mut();
    for c in [
        auth::set_cookie(SESSION_COOKIE, &value, secure, None),
        auth::set_cookie(LOGIN_COOKIE, "", secure, Some(0)),
    ] {
        if let Ok(v) = HeaderValue::from_str(&c) {
            h.append(header::SET_COOKIE, v);
        }
    }
    r
}

#[derive(Deserialize)]
pub struct CsrfOnly {
    #[serde(default)]
    csrf: String,
}

pub async fn logout<S: AppStore>(
    State(app): State<Arc<App<S>>>,
    ctx: Ctx,
    headers: HeaderMap,
    Form(f): Form<CsrfOnly>,
) -> Result<Response, Fail> {
    ctx.check_csrf(&f.csrf)?;
    if let Some(v) = auth::cookie(&headers, SESSION_COOKIE) {
        app.end_session(&v).await?;
    }
    app.log(&ctx.user.email, "logout", &ctx.user.email, "")
        .await;
    let mut r = see_other("/login");
    if let Ok(v) = HeaderValue::from_str(&auth::set_cookie(
        SESSION_COOKIE,
        "",
        app.settings.secure_cookies,
        Some(0),
    )) {
        r.headers_mut().append(header::SET_COOKIE, v);
    }
    Ok(r)
}

#[derive(Deserialize)]
pub struct LangForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    lang: String,
}

pub async fn lang<S: AppStore>(
    State(app): State<Arc<App<S>>>,
    ctx: Ctx,
    headers: HeaderMap,
    Form(f): Form<LangForm>,
) -> Result<Response, Fail> {
    ctx.check_csrf(&f.csrf)?;
    let code = if f.lang == "en" { "en" } else { "fr" };
    // Back to the page the switch was on (same site only).
    let back = headers
        .get(header::REFERER)
        .and_then(|v| v.to_str().ok())
        .and_then(|r| url::Url::parse(r).ok())
        .map(|u| match u.query() {
            Some(q) => format!("{}?{q}", u.path()),
            None => u.path().to_string(),
        })
        .unwrap_or_else(|| "/".into());
    let mut r = see_other(local(&back));
    if let Ok(v) = HeaderValue::from_str(&auth::set_cookie(
        LANG_COOKIE,
        code,
        app.settings.secure_cookies,
        Some(365 * 24 * 3600),
    )) {
        r.headers_mut().append(header::SET_COOKIE, v);
    }
    Ok(r)
}
