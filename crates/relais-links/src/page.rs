//! The pages the redirect answers itself: a friendly French 404 for a code
//! that does not exist (or no longer leads anywhere allowed). Never a
//! redirect, never a script, nothing from another site.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

const NOT_FOUND: &str = r#"<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Lien introuvable</title>
<style>
body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;line-height:1.5;color:#1b1b1b}
h1{font-size:1.5rem}
</style>
</head>
<body>
<h1>Ce lien n’existe pas ou n’est plus actif</h1>
<p>Le code que vous avez scanné ou saisi ne correspond à aucun lien en service.
Vérifiez l’adresse inscrite sous le QR code, lettre par lettre.</p>
<p>Pour toute question sur votre logement, contactez votre agence ou votre gardien.</p>
</body>
</html>
"#;

/// The 404 page.
pub fn not_found() -> Response {
    let mut r = (StatusCode::NOT_FOUND, NOT_FOUND).into_response();
    let h = r.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    r
}
