//! A Graph API of our own on 127.0.0.1:0, answering the shapes of
//! platforms.md §7: Page 111 with three posts over two pages, comments over
//! two pages (one without `from`, a reply from the Page), a refused metric
//! (code 100), a 429 before the follower count, a busy usage header, and
//! code 190 for the token `expired`. `fail_comments_of` makes one post's
//! comments fail, to interrupt a sync half-way; `late_comment` adds a
//! comment on an older post (with a next page the sync must not need).
//! Writes are `mock_post`'s.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde_json::{Value, json};

#[derive(Default)]
pub struct Mock {
    pub base: String,
    pub fail_comments_of: Option<String>,
    /// A tenant comments post 111_2 after the first run.
    pub late_comment: bool,
    pub followers_calls: u32,
    pub requests: Vec<String>,
    pub posted: Vec<super::instagram_mock::Posted>,
    /// Comments made by writes: (post, comment), listed with the post's.
    pub created: Vec<(String, Value)>,
}

pub type Shared = Arc<Mutex<Mock>>;

pub async fn start() -> Shared {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}/v25.0", listener.local_addr().unwrap());
    let state: Shared = Arc::new(Mutex::new(Mock {
        base,
        ..Mock::default()
    }));
    let app = axum::Router::new()
        .route("/v25.0/{node}", get(node).post(super::mock_post::hide))
        .route(
            "/v25.0/{node}/{edge}",
            get(edge).post(super::mock_post::reply),
        )
        .with_state(state.clone());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    state
}

pub fn error(status: StatusCode, code: i64, message: &str) -> Response {
    let body = json!({"error": {"message": message, "type": "OAuthException", "code": code,
                                "fbtrace_id": "AbC"}});
    (status, Json(body)).into_response()
}

pub fn expired(headers: &HeaderMap) -> Option<Response> {
    let auth = headers.get("authorization")?.to_str().ok()?;
    (auth == "Bearer expired").then(|| {
        error(
            StatusCode::BAD_REQUEST,
            190,
            "Error validating access token: Session has expired",
        )
    })
}

async fn node(State(s): State<Shared>, Path(node): Path<String>, headers: HeaderMap) -> Response {
    if let Some(r) = expired(&headers) {
        return r;
    }
    let mut m = s.lock().unwrap();
    m.requests.push(node.clone());
    m.followers_calls += 1;
    if m.followers_calls == 1 {
        return error(
            StatusCode::TOO_MANY_REQUESTS,
            4,
            "Application request limit reached",
        );
    }
    let usage = [(
        "x-app-usage",
        r#"{"call_count":95,"total_time":10,"total_cputime":10}"#,
    )];
    (
        usage,
        Json(json!({"followers_count": 1234, "fan_count": 1200, "id": node})),
    )
        .into_response()
}

fn post(id: &str, day: u32, text: &str) -> Value {
    json!({"id": id, "created_time": format!("2026-03-{day:02}T09:00:00+0000"), "message": text,
           "permalink_url": format!("https://www.facebook.com/{id}"), "status_type": "added_photos",
           "shares": {"count": 2},
           "reactions": {"data": [], "summary": {"total_count": 5}},
           "comments": {"data": [], "summary": {"total_count": 3}}})
}

pub fn comment(
    id: &str,
    from: Option<(&str, &str)>,
    text: &str,
    at: &str,
    parent: Option<&str>,
) -> Value {
    let mut c = json!({"id": id, "message": text, "created_time": at, "comment_count": 0,
                       "like_count": 1, "is_hidden": false,
                       "permalink_url": format!("https://www.facebook.com/{id}")});
    if let Some((fid, name)) = from {
        c["from"] = json!({"id": fid, "name": name});
    }
    if let Some(p) = parent {
        c["parent"] = json!({"id": p});
    }
    c
}

fn since_ok(q: &HashMap<String, String>, day: u32) -> bool {
    let t = chrono::NaiveDate::from_ymd_opt(2026, 3, day)
        .unwrap()
        .and_hms_opt(9, 0, 0)
        .unwrap()
        .and_utc()
        .timestamp();
    q.get("since").is_none_or(|s| s.parse::<i64>().unwrap() < t)
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
    let page2 = q.get("page").is_some_and(|p| p == "2");
    let asked = format!("{node}/{edge}{}", if page2 { "?page=2" } else { "" });
    m.requests.push(asked);
    let base = m.base.clone();
    match edge.as_str() {
        "posts" => {
            let (posts, next) = if page2 {
                (vec![(3, "111_3", "Travaux ascenseur")], None)
            } else {
                let next = format!("{base}/111/posts?limit=100&page=2&__paging_token=x");
                (
                    vec![
                        (5, "111_1", "Fête des voisins"),
                        (4, "111_2", "Collecte encombrants"),
                    ],
                    Some(next),
                )
            };
            let data: Vec<Value> = posts
                .into_iter()
                .filter(|(day, _, _)| since_ok(&q, *day))
                .map(|(day, id, text)| post(id, day, text))
                .collect();
            let mut body =
                json!({"data": data, "paging": {"previous": format!("{base}/111/posts?prev=1")}});
            if let Some(n) = next.filter(|_| !body["data"].as_array().unwrap().is_empty()) {
                body["paging"]["next"] = json!(n);
            }
            Json(body).into_response()
        }
        "comments" if m.fail_comments_of.as_deref() == Some(node.as_str()) => {
            (StatusCode::INTERNAL_SERVER_ERROR, "upstream down").into_response()
        }
        "comments" => {
            let cursors = json!({"before": "QVFIU", "after": "QVFIV"});
            let body = match (node.as_str(), page2) {
                ("111_1", false) => json!({
                    "data": [
                        comment("111_1_3", Some(("111", "Habitat")), "Bonjour, nous transmettons.",
                                "2026-03-05T12:00:00+0000", Some("111_1_1")),
                        comment("111_1_2", Some(("9001", "Jeanne Martin")), "Super fête !",
                                "2026-03-05T11:00:00+0000", None),
                    ],
                    "paging": {"cursors": cursors,
                               "next": format!("{base}/111_1/comments?after=QVFIV&page=2")}}),
                ("111_1", true) => json!({
                    "data": [comment("111_1_1", None, "Le hall est sale depuis une semaine",
                                     "2026-03-05T10:00:00+0000", None)],
                    "paging": {"cursors": cursors}}),
                ("111_2", _) if m.late_comment => json!({
                    "data": [
                        comment("111_2_2", Some(("9003", "Inès")), "Le container est déjà plein",
                                "2026-03-10T18:00:00+0000", None),
                        comment("111_2_1", Some(("9002", "Paul")), "Quel jour ?",
                                "2026-03-04T10:00:00+0000", None),
                    ],
                    "paging": {"cursors": cursors,
                               "next": format!("{base}/111_2/comments?after=QVFIV&page=2")}}),
                ("111_2", _) => json!({
                    "data": [comment("111_2_1", Some(("9002", "Paul")), "Quel jour ?",
                                     "2026-03-04T10:00:00+0000", None)],
                    "paging": {"cursors": cursors}}),
                _ => json!({"data": []}),
            };
            let mut body = body;
            let made = m.created.iter().filter(|(p, _)| *p == node && !page2);
            if let Some(data) = body["data"].as_array_mut() {
                data.extend(made.map(|(_, c)| c.clone()));
            }
            Json(body).into_response()
        }
        "insights" if node == "111" => page_insights(&q),
        "insights" => {
            let metrics = q.get("metric").cloned().unwrap_or_default();
            if metrics
                .split(',')
                .any(|m| m == "post_total_media_view_unique")
            {
                return error(
                    StatusCode::BAD_REQUEST,
                    100,
                    "(#100) The value must be a valid insights metric",
                );
            }
            let data: Vec<Value> = metrics
                .split(',')
                .map(|name| {
                    let value = match name {
                        "post_media_view" => json!(100),
                        "post_impressions_unique" => json!(50),
                        "post_reactions_by_type_total" => json!({"like": 3, "love": 1}),
                        _ => json!(7),
                    };
                    json!({"name": name, "period": "lifetime", "values": [{"value": value}],
                           "title": name, "description": "", "id": format!("{node}/insights/{name}/lifetime")})
                })
                .collect();
            Json(json!({"data": data, "paging": {}})).into_response()
        }
        _ => error(StatusCode::BAD_REQUEST, 100, "Unknown path components"),
    }
}

/// The Page's daily insights from `since` to `until` (unix seconds), one
/// value per day ending at 08:00 UTC the next day, as Meta answers;
/// `page_views_total` is refused (code 100), `page_post_engagements` comes
/// as a breakdown object.
fn page_insights(q: &HashMap<String, String>) -> Response {
    let metrics = q.get("metric").cloned().unwrap_or_default();
    if metrics.split(',').any(|m| m == "page_views_total") {
        return error(
            StatusCode::BAD_REQUEST,
            100,
            "(#100) The value must be a valid insights metric",
        );
    }
    let at = |k: &str| q.get(k).and_then(|v| v.parse::<i64>().ok()).unwrap_or(0);
    let (since, until) = (at("since"), at("until"));
    let data: Vec<Value> = metrics
        .split(',')
        .map(|name| {
            let values: Vec<Value> = (since..until)
                .step_by(86_400)
                .enumerate()
                .map(|(i, day)| {
                    let end = chrono::DateTime::from_timestamp(day + 86_400 + 8 * 3600, 0)
                        .unwrap()
                        .format("%Y-%m-%dT%H:%M:%S+0000")
                        .to_string();
                    let value = if name == "page_post_engagements" {
                        json!({"reactions": 2, "comments": 1})
                    } else {
                        json!(10 + i)
                    };
                    json!({"value": value, "end_time": end})
                })
                .collect();
            json!({"name": name, "period": "day", "values": values, "title": name,
                   "description": "", "id": format!("111/insights/{name}/day")})
        })
        .collect();
    Json(json!({"data": data, "paging": {}})).into_response()
}
