//! What a failed request shows: the login page's address for a page
//! without a session, a plain French page otherwise.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use maud::html;
use relais_core::Lang;

use crate::app::Fail;
use crate::html::shell;

pub fn page(fail: Fail) -> Response {
    let lang = Lang::Fr;
    let (code, title, text) = match &fail {
        Fail::Unauthenticated => return Redirect::to("/login").into_response(),
        Fail::NotFound => (
            StatusCode::NOT_FOUND,
            "Page introuvable",
            "Cette page n'existe pas, ou elle ne fait pas partie de vos territoires.".to_string(),
        ),
        Fail::Forbidden => (
            StatusCode::FORBIDDEN,
            "Action non permise",
            "Votre rôle permet de consulter, pas de modifier. Demandez à un administrateur si \
             vous devez agir."
                .to_string(),
        ),
        Fail::Csrf => (
            StatusCode::FORBIDDEN,
            "Formulaire expiré",
            "Ce formulaire a expiré ou ne vient pas de relais. Rechargez la page et recommencez."
                .to_string(),
        ),
        Fail::Bad(msg) => (StatusCode::BAD_REQUEST, "Demande incorrecte", msg.clone()),
        Fail::Store(e @ relais_store::StoreError::Conflict { .. }) => (
            StatusCode::BAD_REQUEST,
            "Demande refusée",
            e.message(Lang::Fr),
        ),
        Fail::Store(e) => {
            tracing::error!("{}", e.message(Lang::En));
            (
                StatusCode::INTERNAL_SERVER_ERROR,
                "Erreur de la base de données",
                e.message(Lang::Fr),
            )
        }
    };
    let body = html! {
        main #main.login {
            h1 { (title) }
            p { (text) }
            p { a href="/" { "Retour au tableau de bord" } }
        }
    };
    (code, shell(lang, title, body)).into_response()
}
