//! A LinkedIn "rest" API of our own on 127.0.0.1:0, answering the shapes of
//! platforms.md §8 for organization 2414183: five posts over three pages
//! (`links` next; one DELETED, one from January), comments over two pages
//! (`start`/`count`/`total`), replies one per page until an empty one, a
//! reply from the organization, share statistics, the follower total, and
//! the replies it is sent. Like LinkedIn it refuses (400) a call without
//! `LinkedIn-Version` or `X-Restli-Protocol-Version: 2.0.0`, a URN left
//! unencoded, and `shares` with `ugcPosts`; it answers 401 to the token
//! `expired`, 403 to the statistics of the token `readonly`, 429 (with a
//! `Retry-After` of an hour) the first `limit_followers` follower calls,
//! and 500 to the comments of `fail_comments_of`.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

mod content;

use content::{ApiComment, person, posts, seed, start_of, statistics};

pub const ORG: &str = "urn:li:organization:2414183";
/// Post URNs, newest change first (the importer's fixture has P1 and P2).
pub const P1: &str = "urn:li:share:7303414593618093553";
pub const P2: &str = "urn:li:ugcPost:7304769227980973553";
pub const DELETED: &str = "urn:li:share:7301000000000000001";
pub const P3: &str = "urn:li:share:7300000000000000001";
/// Changed in January: before the re-read window of a March run.
pub const OLD: &str = "urn:li:ugcPost:7280000000000000001";
/// The thread (activity) of P1's comments.
pub const ACTIVITY: &str = "urn:li:activity:7303414593618093554";

/// `urn:li:comment:(thread,id)`.
pub fn comment_urn(thread: &str, id: u64) -> String {
    format!("urn:li:comment:({thread},{id})")
}

/// 2026-03-{day} at {hour}:00 UTC in epoch ms.
pub fn ms(month: u32, day: u32, hour: u32) -> i64 {
    chrono::NaiveDate::from_ymd_opt(2026, month, day)
        .unwrap()
        .and_hms_opt(hour, 0, 0)
        .unwrap()
        .and_utc()
        .timestamp_millis()
}

#[derive(Default)]
pub struct Mock {
    pub base: String,
    /// `METHOD path?query` of every call, as sent.
    pub requests: Vec<String>,
    /// Calls refused for a missing or wrong header.
    pub refused: u32,
    pub fail_comments_of: Option<String>,
    pub limit_followers: u32,
    /// The bodies of the replies posted.
    pub posted: Vec<Value>,
    /// Comments by the post they are on.
    comments: HashMap<String, Vec<ApiComment>>,
    next_id: u64,
}

pub type Shared = Arc<Mutex<Mock>>;

pub async fn start() -> Shared {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}/rest", listener.local_addr().unwrap());
    let state: Shared = Arc::new(Mutex::new(Mock {
        base,
        comments: seed(),
        next_id: 9001,
        ..Mock::default()
    }));
    let app = axum::Router::new()
        .fallback(handle)
        .with_state(state.clone());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    state
}

fn error(status: StatusCode, message: &str) -> Response {
    let body = json!({"status": status.as_u16(), "serviceErrorCode": 100,
                      "code": "ERROR", "message": message});
    (status, Json(body)).into_response()
}

/// Why LinkedIn would refuse these headers, if it would.
fn header_problem(headers: &HeaderMap) -> Option<&'static str> {
    let get = |h: &str| headers.get(h).and_then(|v| v.to_str().ok());
    let version_ok = get("linkedin-version")
        .is_some_and(|v| v.len() == 6 && v.bytes().all(|b| b.is_ascii_digit()));
    if !version_ok {
        return Some(
            "A version must be present. Please specify a version by adding the LinkedIn-Version header.",
        );
    }
    if get("x-restli-protocol-version") != Some("2.0.0") {
        return Some("X-Restli-Protocol-Version 2.0.0 is required");
    }
    None
}

fn decode(raw: &str) -> String {
    url::form_urlencoded::parse(format!("v={raw}").as_bytes())
        .next()
        .map(|(_, v)| v.into_owned())
        .unwrap_or_default()
}

/// A URN written raw where LinkedIn wants it encoded.
fn unencoded(raw: &str) -> bool {
    raw.contains("urn:") || raw.contains("urn%3Ali%3Acomment%3A(")
}

async fn handle(
    State(s): State<Shared>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let mut m = s.lock().unwrap();
    let raw_query = uri.query().unwrap_or("");
    m.requests.push(format!("{method} {}", uri));
    if let Some(problem) = header_problem(&headers) {
        m.refused += 1;
        return error(StatusCode::BAD_REQUEST, problem);
    }
    let auth = headers.get("authorization").and_then(|v| v.to_str().ok());
    if auth == Some("Bearer expired") {
        return error(StatusCode::UNAUTHORIZED, "Invalid access token");
    }
    if unencoded(uri.path()) || unencoded(raw_query) {
        return error(
            StatusCode::BAD_REQUEST,
            "Syntax exception in path variables",
        );
    }
    let query: HashMap<String, String> = url::form_urlencoded::parse(raw_query.as_bytes())
        .into_owned()
        .collect();
    let segments: Vec<String> = uri.path().split('/').skip(2).map(decode).collect();
    let segments: Vec<&str> = segments.iter().map(String::as_str).collect();
    match (method, segments.as_slice()) {
        (Method::GET, ["posts"]) => posts(&query),
        (Method::GET, ["organizationalEntityShareStatistics"]) => {
            if auth == Some("Bearer readonly") {
                return error(
                    StatusCode::FORBIDDEN,
                    "Not enough permissions to access: GET /organizationalEntityShareStatistics",
                );
            }
            statistics(&query)
        }
        (Method::GET, ["socialActions", target, "comments"]) => {
            if m.fail_comments_of.as_deref() == Some(*target) {
                return error(StatusCode::INTERNAL_SERVER_ERROR, "Internal Server Error");
            }
            comments(&m, target, &query)
        }
        (Method::POST, ["socialActions", target, "comments"]) => {
            let target = target.to_string();
            create(&mut m, &target, &body)
        }
        (Method::GET, ["networkSizes", org]) if *org == ORG => {
            if query.get("edgeType").map(String::as_str) != Some("COMPANY_FOLLOWED_BY_MEMBER") {
                return error(StatusCode::BAD_REQUEST, "edgeType");
            }
            if m.limit_followers > 0 {
                m.limit_followers -= 1;
                let mut r = error(
                    StatusCode::TOO_MANY_REQUESTS,
                    "Resource level throttle APPLICATION DAY limit for calls to this resource is reached.",
                );
                r.headers_mut()
                    .insert("retry-after", "3600".parse().unwrap());
                return r;
            }
            Json(json!({"firstDegreeSize": 219})).into_response()
        }
        _ => error(StatusCode::NOT_FOUND, "Not Found"),
    }
}

fn render(c: &ApiComment, replies: usize) -> Value {
    let mut v = json!({"id": c.id.to_string(), "commentUrn": c.urn(), "object": c.thread,
        "actor": c.actor, "created": {"actor": c.actor, "time": c.at},
        "lastModified": {"actor": c.actor, "time": c.at},
        "message": {"text": c.text, "attributes": []},
        "likesSummary": {"totalLikes": 0, "likedByCurrentUser": false}});
    if c.actor == ORG {
        v["agent"] = json!(person("Admin1"));
    }
    if let Some(p) = &c.parent {
        v["parentComment"] = json!(p);
    } else if c.id != 103 {
        // 103 leaves out its summary: the client must ask for its replies.
        v["commentsSummary"] = json!({"aggregatedTotalComments": replies,
                                      "totalFirstLevelComments": replies,
                                      "selectedComments": []});
    }
    v
}

fn comments(m: &Mock, target: &str, query: &HashMap<String, String>) -> Response {
    let start = start_of(query);
    let all: Vec<&ApiComment> = m.comments.values().flatten().collect();
    let replies_of = |urn: &str| {
        all.iter()
            .filter(|c| c.parent.as_deref() == Some(urn))
            .count()
    };
    if target.starts_with("urn:li:comment:") {
        // Replies: one per page, no total, until an empty page.
        let mut replies: Vec<&&ApiComment> = all
            .iter()
            .filter(|c| c.parent.as_deref() == Some(target))
            .collect();
        replies.sort_by_key(|c| c.id);
        let page: Vec<Value> = replies
            .iter()
            .skip(start)
            .take(1)
            .map(|c| render(c, 0))
            .collect();
        return Json(
            json!({"paging": {"start": start, "count": 1, "links": []}, "elements": page}),
        )
        .into_response();
    }
    let top: Vec<&ApiComment> = m
        .comments
        .get(target)
        .into_iter()
        .flatten()
        .filter(|c| c.parent.is_none())
        .collect();
    let page: Vec<Value> = top
        .iter()
        .skip(start)
        .take(2)
        .map(|c| render(c, replies_of(&c.urn())))
        .collect();
    Json(
        json!({"paging": {"start": start, "count": 2, "total": top.len(), "links": []},
                "elements": page}),
    )
    .into_response()
}

fn create(m: &mut Mock, post: &str, body: &[u8]) -> Response {
    let Ok(b) = serde_json::from_slice::<Value>(body) else {
        return error(StatusCode::BAD_REQUEST, "body is not JSON");
    };
    m.posted.push(b.clone());
    let parent = b["parentComment"].as_str().unwrap_or("").to_string();
    let thread = m
        .comments
        .get(post)
        .and_then(|cs| cs.iter().find(|c| c.urn() == parent && c.parent.is_none()))
        .map(|c| c.thread.clone());
    let text = b["message"]["text"].as_str().unwrap_or("");
    let (Some(thread), true, true, false) = (
        thread,
        b["actor"] == ORG,
        b["object"] == post,
        text.is_empty(),
    ) else {
        return error(
            StatusCode::BAD_REQUEST,
            "actor, object, message.text and a top-level parentComment expected",
        );
    };
    let id = m.next_id;
    m.next_id += 1;
    let reply = ApiComment {
        thread,
        id,
        actor: ORG.to_string(),
        text: text.to_string(),
        at: ms(3, 9, 12),
        parent: Some(parent),
    };
    m.comments.get_mut(post).unwrap().push(reply);
    let mut r = StatusCode::CREATED.into_response();
    r.headers_mut()
        .insert("x-restli-id", id.to_string().parse().unwrap());
    r
}
