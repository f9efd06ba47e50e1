//! An Instagram Graph API of our own on 127.0.0.1:0, answering the shapes
//! of platforms.md §7 (Instagram table) for the account 17841400000000001
//! (`habitat.solidaire`):
//!
//! - five media over two pages, newest first: two reels (03-05, 03-04), a
//!   carousel (03-02), two images (03-01, 02-20);
//! - insights: the reels in the new `total_value` shape and without
//!   `profile_visits` (code 100 for reels), the carousel in the old
//!   `values[]` shape, the 03-01 image below the viewer threshold (#10), the
//!   02-20 image with empty `data`; `old_api` refuses `views` (an API
//!   version before it) and `impressions` is refused unless `old_api`;
//! - comments of the newest reel over two pages, one with replies nested
//!   (the account's own and a follower's), one without `from`; one comment
//!   on the other reel;
//! - a 429 (code 4) on the first account call, a busy usage header, code
//!   190 for the token `expired`, code 200 on writes for `readonly`;
//! - replies and hides posted (`POST /{id}/replies`, `POST /{id}?hide=`),
//!   recorded, the replies then listed under their comment.
//!
//! `fail_comments_of` makes one media's comments fail (HTTP 500).

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde_json::{Value, json};

use super::mock::{error, expired};

pub const USER: &str = "17841400000000001";
pub const NEWEST_REEL: &str = "17890000000000005";
pub const REEL: &str = "17890000000000004";
pub const CAROUSEL: &str = "17890000000000003";
pub const FEW_VIEWERS: &str = "17890000000000002";
pub const NO_DATA: &str = "17890000000000001";
/// The comment with nested replies, on the newest reel.
pub const THREAD: &str = "18000000000000051";
/// A follower's reply nested in it.
pub const FOLLOWER_REPLY: &str = "18000000000000053";
/// The account's own reply nested in it.
pub const OWN_REPLY: &str = "18000000000000052";
/// The id the API gives the first reply relais posts.
pub const POSTED_REPLY: &str = "18000000000000091";

/// A write request: method, path, query, form body.
#[derive(Debug, Clone, PartialEq)]
pub struct Posted {
    pub path: String,
    pub query: String,
    pub body: String,
    pub authorization: String,
}

#[derive(Default)]
pub struct Ig {
    pub base: String,
    pub fail_comments_of: Option<String>,
    pub old_api: bool,
    pub account_calls: u32,
    /// `path` of each GET, with `?metric=` for insights.
    pub requests: Vec<String>,
    pub posted: Vec<Posted>,
    /// Replies posted: (parent comment, reply).
    pub replies: Vec<(String, Value)>,
}

pub type Shared = Arc<Mutex<Ig>>;

pub async fn start() -> Shared {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}/v25.0", listener.local_addr().unwrap());
    let state: Shared = Arc::new(Mutex::new(Ig {
        base,
        ..Ig::default()
    }));
    let app = axum::Router::new()
        .route("/v25.0/{node}", get(node).post(hide))
        .route("/v25.0/{node}/{edge}", get(edge).post(reply))
        .with_state(state.clone());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    state
}

pub fn token(headers: &HeaderMap) -> String {
    headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string()
}

async fn node(State(s): State<Shared>, Path(node): Path<String>, headers: HeaderMap) -> Response {
    if let Some(r) = expired(&headers) {
        return r;
    }
    let mut m = s.lock().unwrap();
    m.requests.push(node.clone());
    m.account_calls += 1;
    if m.account_calls == 1 {
        return error(
            StatusCode::TOO_MANY_REQUESTS,
            4,
            "Application request limit reached",
        );
    }
    let usage = [(
        "x-business-use-case-usage",
        r#"{"17841400000000001":[{"type":"instagram","call_count":95,"total_cputime":3,"total_time":4,"estimated_time_to_regain_access":0}]}"#,
    )];
    let body = json!({"username": "habitat.solidaire", "followers_count": 2480,
                      "follows_count": 120, "media_count": 5, "id": node});
    (usage, Json(body)).into_response()
}

fn media(id: &str, day: &str, media_type: &str, product: &str, caption: &str) -> Value {
    let link = if product == "REELS" { "reel" } else { "p" };
    json!({"id": id, "caption": caption, "media_type": media_type, "media_product_type": product,
           "permalink": format!("https://www.instagram.com/{link}/{id}/"),
           "timestamp": format!("2026-{day}T09:00:00+0000"), "like_count": 61,
           "comments_count": 4})
}

fn media_page(base: &str, page2: bool) -> Value {
    let cursors = json!({"before": "QVFIUmx1", "after": "QVFIUjZA"});
    if page2 {
        return json!({"data": [
            media(CAROUSEL, "03-02", "CAROUSEL_ALBUM", "FEED", "Avant / après de la rénovation"),
            media(FEW_VIEWERS, "03-01", "IMAGE", "FEED", "Horaires de la loge"),
            media(NO_DATA, "02-20", "IMAGE", "FEED", "Les jardins partagés 🌻"),
        ], "paging": {"cursors": cursors}});
    }
    json!({"data": [
        media(NEWEST_REEL, "03-05", "VIDEO", "REELS", "Une journée avec notre gardienne"),
        media(REEL, "03-04", "VIDEO", "REELS", "Visite du chantier"),
    ], "paging": {"cursors": cursors,
                  "next": format!("{base}/{USER}/media?limit=100&after=QVFIUjZA&page=2")}})
}

fn comment(id: &str, text: &str, hour: u32, who: &str, from: Option<&str>) -> Value {
    let mut c = json!({"id": id, "text": text, "timestamp": format!("2026-03-05T{hour:02}:00:00+0000"),
                       "username": who, "like_count": 0, "hidden": false});
    if let Some(fid) = from {
        c["from"] = json!({"id": fid, "username": who});
    }
    c
}

fn comments_page(m: &Ig, node: &str, page2: bool) -> Value {
    let cursors = json!({"before": "QVFIUa", "after": "QVFIUb"});
    match (node, page2) {
        (NEWEST_REEL, false) => {
            let mut thread = comment(
                THREAD,
                "Le chauffage est coupé au 3e",
                10,
                "jeanne",
                Some("5001"),
            );
            let mut replies = vec![
                comment(
                    OWN_REPLY,
                    "Nous appelons le chauffagiste.",
                    11,
                    "habitat.solidaire",
                    None,
                ),
                comment(FOLLOWER_REPLY, "Chez moi aussi", 12, "paul_92", None),
            ];
            replies.extend(
                m.replies
                    .iter()
                    .filter(|(p, _)| p == THREAD)
                    .map(|(_, r)| r.clone()),
            );
            thread["replies"] = json!({"data": replies});
            json!({"data": [thread], "paging": {"cursors": cursors,
                   "next": format!("{}/{NEWEST_REEL}/comments?after=QVFIUb&page=2", m.base)}})
        }
        (NEWEST_REEL, true) => {
            json!({"data": [comment("18000000000000054", "Merci pour la vidéo", 13, "lucie", None)],
                                      "paging": {"cursors": cursors}})
        }
        (REEL, _) => {
            json!({"data": [comment("18000000000000041", "Quand finissent les travaux ?", 9, "marc", Some("5002"))],
                            "paging": {"cursors": cursors}})
        }
        _ => json!({"data": []}),
    }
}

fn value_of(metric: &str) -> i64 {
    match metric {
        "views" => 1000,
        "impressions" => 1200,
        "reach" => 800,
        "likes" => 61,
        "total_interactions" => 75,
        _ => 3,
    }
}

fn insights(m: &Ig, node: &str, metrics: &str) -> Response {
    let asked: Vec<&str> = metrics.split(',').collect();
    let refused = |name: &str| {
        (name == "views" && m.old_api)
            || (name == "impressions" && !m.old_api)
            || (name == "profile_visits" && [NEWEST_REEL, REEL].contains(&node))
    };
    if let Some(name) = asked.iter().find(|n| refused(n)) {
        let message = format!("(#100) The Media Insights API does not support the {name} metric");
        return error(StatusCode::BAD_REQUEST, 100, &message);
    }
    let data: Vec<Value> = match node {
        FEW_VIEWERS => {
            let message = "(#10) Not enough viewers for the media to show insights";
            return error(StatusCode::BAD_REQUEST, 10, message);
        }
        NO_DATA => vec![],
        CAROUSEL => asked
            .iter()
            .map(|n| json!({"name": n, "period": "lifetime", "values": [{"value": value_of(n)}],
                            "title": n, "description": "", "id": format!("{node}/insights/{n}/lifetime")}))
            .collect(),
        _ => asked
            .iter()
            .map(|n| json!({"name": n, "period": "lifetime",
                            "total_value": {"value": value_of(n), "breakdowns": []},
                            "title": n, "description": "", "id": format!("{node}/insights/{n}/lifetime")}))
            .collect(),
    };
    Json(json!({"data": data})).into_response()
}

async fn edge(
    State(s): State<Shared>,
    Path((node, edge)): Path<(String, String)>,
    Query(q): Query<HashMap<String, String>>,
    headers: HeaderMap,
) -> Response {
    if let Some(r) = expired(&headers) {
        return r;
    }
    let mut m = s.lock().unwrap();
    let metric = q.get("metric").cloned().unwrap_or_default();
    let page2 = q.get("page").is_some_and(|p| p == "2");
    let mut logged = format!("{node}/{edge}");
    if edge == "insights" {
        logged = format!("{logged}?metric={metric}");
    } else if page2 {
        logged = format!("{logged}?page=2");
    }
    m.requests.push(logged);
    match edge.as_str() {
        "media" if node == USER => Json(media_page(&m.base, page2)).into_response(),
        "comments" if m.fail_comments_of.as_deref() == Some(node.as_str()) => {
            (StatusCode::INTERNAL_SERVER_ERROR, "upstream down").into_response()
        }
        "comments" => Json(comments_page(&m, &node, page2)).into_response(),
        "insights" => insights(&m, &node, &metric),
        _ => error(StatusCode::BAD_REQUEST, 100, "Unknown path components"),
    }
}

/// Records a write; the refusal to answer instead, if any.
fn record(
    m: &mut Ig,
    path: String,
    query: Option<String>,
    body: String,
    headers: &HeaderMap,
) -> Option<Response> {
    if let Some(r) = expired(headers) {
        return Some(r);
    }
    m.posted.push(Posted {
        path,
        query: query.unwrap_or_default(),
        body,
        authorization: token(headers),
    });
    (token(headers) == "Bearer readonly").then(|| {
        error(
            StatusCode::FORBIDDEN,
            200,
            "(#200) Requires instagram_manage_comments permission",
        )
    })
}

async fn reply(
    State(s): State<Shared>,
    Path((node, edge)): Path<(String, String)>,
    uri: axum::http::Uri,
    headers: HeaderMap,
    body: String,
) -> Response {
    let mut m = s.lock().unwrap();
    if let Some(r) = record(
        &mut m,
        format!("{node}/{edge}"),
        uri.query().map(str::to_string),
        body.clone(),
        &headers,
    ) {
        return r;
    }
    let message: HashMap<String, String> = url::form_urlencoded::parse(body.as_bytes())
        .into_owned()
        .collect();
    let id = (18000000000000091 + m.replies.len() as u64).to_string();
    let reply = json!({"id": id, "text": message.get("message").cloned().unwrap_or_default(),
                       "timestamp": "2026-03-05T14:00:00+0000", "username": "habitat.solidaire"});
    m.replies.push((node, reply));
    Json(json!({"id": id})).into_response()
}

async fn hide(
    State(s): State<Shared>,
    Path(node): Path<String>,
    uri: axum::http::Uri,
    headers: HeaderMap,
    body: String,
) -> Response {
    let mut m = s.lock().unwrap();
    if let Some(r) = record(
        &mut m,
        node,
        uri.query().map(str::to_string),
        body,
        &headers,
    ) {
        return r;
    }
    Json(json!({"success": true})).into_response()
}
