//! Writes on the Facebook mock (`mock`), as platforms.md §7 has them:
//! `POST /{comment-id}/comments` with `message` in the body answers the
//! reply's `{id}`, and the reply is then listed with the post's comments as
//! the Page's; `POST /{comment-id}?is_hidden=true|false` answers
//! `{success: true}`. Each write is recorded; the token `expired` gets
//! code 190.

use std::collections::HashMap;

use axum::Json;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use serde_json::json;

use super::instagram_mock::{Posted, token};
use super::mock::{Shared, comment, error, expired};

fn record(s: &Shared, path: String, uri: &Uri, body: String, headers: &HeaderMap) {
    s.lock().unwrap().posted.push(Posted {
        path,
        query: uri.query().unwrap_or("").to_string(),
        body,
        authorization: token(headers),
    });
}

pub async fn reply(
    State(s): State<Shared>,
    Path((node, edge)): Path<(String, String)>,
    uri: Uri,
    headers: HeaderMap,
    body: String,
) -> Response {
    if let Some(r) = expired(&headers) {
        return r;
    }
    record(&s, format!("{node}/{edge}"), &uri, body.clone(), &headers);
    if edge != "comments" {
        return error(StatusCode::BAD_REQUEST, 100, "Unknown path components");
    }
    let form: HashMap<String, String> = url::form_urlencoded::parse(body.as_bytes())
        .into_owned()
        .collect();
    let message = form.get("message").cloned().unwrap_or_default();
    // Comment ids are `<page>_<post>_<n>` here: the post is the first two.
    let post = node.splitn(3, '_').take(2).collect::<Vec<_>>().join("_");
    let mut m = s.lock().unwrap();
    let id = format!("{post}_9{}", m.created.len());
    let at = "2026-03-06T08:00:00+0000";
    let made = comment(&id, Some(("111", "Habitat")), &message, at, Some(&node));
    m.created.push((post, made));
    Json(json!({"id": id})).into_response()
}

pub async fn hide(
    State(s): State<Shared>,
    Path(node): Path<String>,
    uri: Uri,
    headers: HeaderMap,
    body: String,
) -> Response {
    if let Some(r) = expired(&headers) {
        return r;
    }
    record(&s, node, &uri, body, &headers);
    Json(json!({"success": true})).into_response()
}
