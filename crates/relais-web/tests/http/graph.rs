//! A Graph API of our own on 127.0.0.1:0 for the server's stories, answering
//! the shapes of platforms.md §7: one Page post with a tenant's comment, no
//! insights, the follower count; code 190 for the token `expired`; replies
//! (`POST /{comment}/comments`) and hiding (`POST /{comment}?is_hidden=`),
//! each call written down.

use std::sync::{Arc, Mutex};

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde_json::{Value, json};

/// The post and comment every run finds, under the Page's id.
pub const POST: &str = "9001";
pub const COMMENT: &str = "9001_4242";

#[derive(Default)]
pub struct Graph {
    pub base: String,
    /// `GET posts` calls so far: one per run.
    pub runs: u32,
    /// `(method, path, query or form)` of every write.
    pub writes: Vec<(String, String, String)>,
    /// Replies posted, as Meta would then list them under the comment.
    pub replies: Vec<(String, String)>,
}

pub type Shared = Arc<Mutex<Graph>>;

pub async fn start() -> Shared {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}/v25.0", listener.local_addr().unwrap());
    let state: Shared = Arc::new(Mutex::new(Graph {
        base,
        ..Graph::default()
    }));
    let app = axum::Router::new()
        .route("/v25.0/{node}", get(node).post(hide))
        .route("/v25.0/{node}/{edge}", get(edge).post(reply))
        .with_state(state.clone());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    state
}

fn expired(headers: &HeaderMap) -> Option<Response> {
    let auth = headers.get("authorization")?.to_str().ok()?;
    (auth == "Bearer expired").then(|| {
        let body = json!({"error": {"message": "Error validating access token: Session has expired",
                                    "type": "OAuthException", "code": 190, "fbtrace_id": "AbC"}});
        (StatusCode::BAD_REQUEST, Json(body)).into_response()
    })
}

async fn node(headers: HeaderMap, Path(node): Path<String>) -> Response {
    if let Some(r) = expired(&headers) {
        return r;
    }
    Json(json!({"followers_count": 321, "fan_count": 300, "id": node})).into_response()
}

async fn edge(
    State(s): State<Shared>,
    headers: HeaderMap,
    Path((node, edge)): Path<(String, String)>,
) -> Response {
    if let Some(r) = expired(&headers) {
        return r;
    }
    let mut g = s.lock().unwrap();
    let data = match edge.as_str() {
        "posts" => {
            g.runs += 1;
            json!([{"id": format!("{node}_{POST}"), "created_time": "2026-03-09T08:00:00+0000",
                    "message": "Travaux de ravalement : la résidence sera sous échafaudage.",
                    "permalink_url": "https://www.facebook.com/page/posts/9001",
                    "status_type": "mobile_status_update"}])
        }
        "comments" if !node.ends_with(&format!("_{POST}")) => json!([]),
        "comments" => {
            let mut all = vec![
                json!({"id": COMMENT, "from": {"id": "7001", "name": "Nadia B."},
                 "message": "Bonjour, la porte du hall ne ferme plus depuis hier.",
                 "created_time": "2026-03-09T09:00:00+0000", "comment_count": 0, "like_count": 0}),
            ];
            for (id, text) in &g.replies {
                all.push(
                    json!({"id": id, "from": {"id": page_of(&node), "name": "Page"},
                    "message": text, "created_time": "2026-03-09T10:00:00+0000",
                    "parent": {"id": COMMENT}}),
                );
            }
            Value::Array(all)
        }
        _ => json!([]),
    };
    Json(json!({"data": data, "paging": {}})).into_response()
}

/// The Page's id from a post id `<page>_<post>`.
fn page_of(post: &str) -> String {
    post.split('_').next().unwrap_or_default().to_string()
}

async fn reply(
    State(s): State<Shared>,
    headers: HeaderMap,
    Path((node, edge)): Path<(String, String)>,
    Query(q): Query<Vec<(String, String)>>,
    body: String,
) -> Response {
    if let Some(r) = expired(&headers) {
        return r;
    }
    let mut g = s.lock().unwrap();
    g.writes.push((
        "POST".into(),
        format!("{node}/{edge}"),
        format!("{q:?} {body}"),
    ));
    let message = url::form_urlencoded::parse(body.as_bytes())
        .chain(q.iter().map(|(k, v)| (k.into(), v.into())))
        .find(|(k, _)| k == "message")
        .map(|(_, v)| v.into_owned())
        .unwrap_or_default();
    let id = format!("{POST}_{}", 5000 + g.replies.len());
    g.replies.push((id.clone(), message));
    Json(json!({"id": id})).into_response()
}

async fn hide(
    State(s): State<Shared>,
    headers: HeaderMap,
    Path(node): Path<String>,
    Query(q): Query<Vec<(String, String)>>,
    body: String,
) -> Response {
    if let Some(r) = expired(&headers) {
        return r;
    }
    s.lock()
        .unwrap()
        .writes
        .push(("POST".into(), node, format!("{q:?} {body}")));
    Json(json!({"success": true})).into_response()
}
