//! What a failed request shows: the login page's address for a page
//! without a session, a plain page otherwise, in the language of the request
//! (set by the app's middleware for the request's task).

use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use maud::html;
use relais_core::Lang;

use crate::app::Fail;
use crate::html::shell;

tokio::task_local! {
    /// The language of the request being answered.
    pub static LANG: Lang;
}

pub fn page(fail: Fail) -> Response {
    let lang = LANG.try_with(|l| *l).unwrap_or_default();
    let t = |fr: &'static str, en: &'static str| lang.pick(fr, en);
    let (code, title, text) = match &fail {
        Fail::Unauthenticated => return Redirect::to("/login").into_response(),
        Fail::NotFound => (
            StatusCode::NOT_FOUND,
            t("Page introuvable", "Page not found"),
            t(
                "Cette page n'existe pas, ou elle ne fait pas partie de vos territoires.",
                "This page does not exist, or it is not part of your territories.",
            )
            .to_string(),
        ),
        Fail::Forbidden => (
            StatusCode::FORBIDDEN,
            t("Action non permise", "Action not allowed"),
            t(
                "Votre rôle permet de consulter, pas de modifier. Demandez à un administrateur si \
                 vous devez agir.",
                "Your role can read, not change. Ask an administrator if you need to act.",
            )
            .to_string(),
        ),
        Fail::Csrf => (
            StatusCode::FORBIDDEN,
            t("Formulaire expiré", "Form expired"),
            t(
                "Ce formulaire a expiré ou ne vient pas de relais. Rechargez la page et recommencez.",
                "This form expired or does not come from relais. Reload the page and try again.",
            )
            .to_string(),
        ),
        Fail::Bad(msg) => (
            StatusCode::BAD_REQUEST,
            t("Demande incorrecte", "Bad request"),
            msg.clone(),
        ),
        Fail::Upstream(msg) => (
            StatusCode::BAD_GATEWAY,
            t("Le réseau a refusé", "The network refused"),
            msg.clone(),
        ),
        Fail::Store(e @ relais_store::StoreError::Conflict { .. }) => (
            StatusCode::BAD_REQUEST,
            t("Demande refusée", "Request refused"),
            e.message(lang),
        ),
        Fail::Store(e) => {
            tracing::error!("{}", e.message(Lang::En));
            (
                StatusCode::INTERNAL_SERVER_ERROR,
                t("Erreur de la base de données", "Database error"),
                e.message(lang),
            )
        }
    };
    let body = html! {
        main #main.login {
            h1 { (title) }
            p { (text) }
            p { a href="/" { (t("Retour au tableau de bord", "Back to the dashboard")) } }
        }
    };
    (code, shell(lang, title, body)).into_response()
}
