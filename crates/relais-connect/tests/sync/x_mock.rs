//! An X API v2 of our own on 127.0.0.1:0, answering the shapes of
//! platforms.md §9: account 2244994945 (`@habitat`) with a timeline of three
//! posts, one reply and one post older than 30 days (its non-public metrics
//! refused with a `Field Authorization Error`), and three mentions with
//! their authors in `includes.users`. Pages hold at most `page_cap` results
//! (and never more than `max_results`); `start_time` and `since_id` filter
//! as X does. Every answer has the rate-limit headers. Switches: the token
//! `expired` (401) or `noscope` (403), `window_spent_once` (remaining 0
//! after the first timeline page), `throttle` (429s with code 88 on
//! mentions), `fail_token` (500 on the page with that pagination token).

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Instant, SystemTime, UNIX_EPOCH};

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde_json::{Value, json};

pub const ACCOUNT: &str = "2244994945";
/// Raw X ids of the mentions' authors: they must never reach the database.
pub const JEANNE: &str = "1467726470533754880";
pub const PAUL: &str = "1380954432103673857";
pub const OTHER: &str = "1299554820019089408";

/// One listing request: its path, `max_results`, and the results served
/// before it.
#[derive(Debug, Clone)]
pub struct Asked {
    pub path: String,
    pub query: HashMap<String, String>,
    pub served_before: u64,
    pub at: Instant,
}

pub struct XMock {
    pub base: String,
    pub page_cap: usize,
    pub requests: Vec<Asked>,
    /// Posts and users served (what X bills).
    pub served: u64,
    pub window_spent_once: bool,
    /// How many 429s mentions answer before a page.
    pub throttle: u32,
    pub fail_token: Option<String>,
}

pub type Shared = Arc<Mutex<XMock>>;

pub async fn start() -> Shared {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}/2", listener.local_addr().unwrap());
    let state: Shared = Arc::new(Mutex::new(XMock {
        base,
        page_cap: 2,
        requests: Vec::new(),
        served: 0,
        window_spent_once: false,
        throttle: 0,
        fail_token: None,
    }));
    let app = axum::Router::new()
        .route("/2/users/by/username/{username}", get(by_username))
        .route("/2/users/{id}", get(user))
        .route("/2/users/{id}/{edge}", get(edge))
        .with_state(state.clone());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    state
}

/// A snowflake id made at 2026-`month`-`day` `hour`:00 UTC, as X makes them.
pub fn snowflake(month: u32, day: u32, hour: u32, seq: u64) -> String {
    let t = chrono::NaiveDate::from_ymd_opt(2026, month, day)
        .unwrap()
        .and_hms_opt(hour, 0, 0)
        .unwrap()
        .and_utc()
        .timestamp_millis() as u64;
    (((t - 1_288_834_974_657) << 22) + seq).to_string()
}

fn at(rfc3339: &str) -> chrono::DateTime<chrono::FixedOffset> {
    chrono::DateTime::parse_from_rfc3339(rfc3339).unwrap()
}

fn created(id: &str) -> String {
    let ms = (id.parse::<u64>().unwrap() >> 22) + 1_288_834_974_657;
    chrono::DateTime::from_timestamp_millis(ms as i64)
        .unwrap()
        .format("%Y-%m-%dT%H:%M:%S.000Z")
        .to_string()
}

pub fn p1() -> String {
    snowflake(3, 5, 9, 1)
}
pub fn p2() -> String {
    snowflake(3, 6, 9, 2)
}
pub fn p3() -> String {
    snowflake(3, 7, 9, 3)
}
pub fn old() -> String {
    snowflake(1, 15, 9, 4)
}
pub fn reply() -> String {
    snowflake(3, 8, 14, 5)
}
pub fn m1() -> String {
    snowflake(3, 5, 11, 6)
}
pub fn m2() -> String {
    snowflake(3, 6, 10, 7)
}
pub fn m3() -> String {
    snowflake(3, 7, 12, 8)
}

/// The account's timeline, newest first: (id, text, replied_to, conversation).
fn timeline() -> Vec<(String, &'static str, Option<String>, String)> {
    vec![
        (
            reply(),
            "@jeannem Bonjour, le technicien passe jeudi.",
            Some(m2()),
            p1(),
        ),
        (p3(), "Fête des voisins samedi", None, p3()),
        (p2(), "Collecte des encombrants mardi", None, p2()),
        (p1(), "Travaux d'ascenseur rue Victor-Hugo", None, p1()),
        (old(), "Bonne année à tous nos locataires", None, old()),
    ]
}

/// The mentions, newest first: (id, author, text, replied_to, conversation).
fn mentions() -> Vec<(String, &'static str, &'static str, Option<String>, String)> {
    vec![
        (
            m3(),
            PAUL,
            "@habitat Quel jour exactement ?",
            Some(p2()),
            p2(),
        ),
        (
            m2(),
            JEANNE,
            "@habitat L'ascenseur est encore en panne",
            Some(p1()),
            p1(),
        ),
        (
            m1(),
            OTHER,
            "Quelqu'un a des nouvelles de @habitat ?",
            None,
            m1(),
        ),
    ]
}

fn author(id: &str) -> Value {
    let (name, username) = match id {
        JEANNE => ("Jeanne Martin", "jeannem"),
        PAUL => ("Paul Durand", "pauld"),
        _ => ("Voisin", "voisin75"),
    };
    json!({"id": id, "name": name, "username": username})
}

fn unix_now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs()
}

/// The answer with X's rate-limit headers.
fn answer(status: StatusCode, remaining: u32, body: Value) -> Response {
    let headers = [
        ("x-rate-limit-limit", "900".to_string()),
        ("x-rate-limit-remaining", remaining.to_string()),
        ("x-rate-limit-reset", (unix_now() + 900).to_string()),
    ];
    (status, headers, Json(body)).into_response()
}

/// 401 and 403 as X answers them (problem details).
fn refused(headers: &HeaderMap) -> Option<Response> {
    let auth = headers.get("authorization")?.to_str().ok()?;
    let (status, title, detail) = match auth {
        "Bearer expired" => (StatusCode::UNAUTHORIZED, "Unauthorized", "Unauthorized"),
        "Bearer noscope" => (
            StatusCode::FORBIDDEN,
            "Forbidden",
            "You are not permitted to perform this action.",
        ),
        _ => return None,
    };
    let type_ = "https://api.twitter.com/2/problems/client-forbidden";
    let body = json!({"title": title, "detail": detail, "type": type_,
                      "status": status.as_u16()});
    Some(answer(status, 899, body))
}

fn account(s: &Shared) -> Response {
    s.lock().unwrap().served += 1;
    let body = json!({"data": {"id": ACCOUNT, "name": "Habitat", "username": "habitat",
        "created_at": "2012-04-02T08:00:00.000Z",
        "public_metrics": {"followers_count": 1820, "following_count": 75,
                           "tweet_count": 2400, "listed_count": 12}}});
    answer(StatusCode::OK, 899, body)
}

async fn by_username(
    State(s): State<Shared>,
    Path(username): Path<String>,
    headers: HeaderMap,
) -> Response {
    record(&s, format!("users/by/username/{username}"), HashMap::new());
    refused(&headers).unwrap_or_else(|| account(&s))
}

async fn user(State(s): State<Shared>, Path(id): Path<String>, headers: HeaderMap) -> Response {
    record(&s, format!("users/{id}"), HashMap::new());
    refused(&headers).unwrap_or_else(|| account(&s))
}

fn record(s: &Shared, path: String, query: HashMap<String, String>) {
    let mut m = s.lock().unwrap();
    let served_before = m.served;
    m.requests.push(Asked {
        path,
        query,
        served_before,
        at: Instant::now(),
    });
}

/// The slice of `all` a page shows, and the next page's token.
fn paginate<T>(
    all: Vec<T>,
    q: &HashMap<String, String>,
    cap: usize,
    prefix: &str,
) -> (Vec<T>, Option<String>) {
    let max: usize = q["max_results"].parse().unwrap();
    assert!(
        (5..=100).contains(&max),
        "max_results {max} outside 5..=100"
    );
    let from: usize = q
        .get("pagination_token")
        .map_or(0, |t| t.trim_start_matches(prefix).parse().unwrap());
    let size = max.min(cap);
    let to = (from + size).min(all.len());
    let next = (to < all.len()).then(|| format!("{prefix}{to}"));
    (all.into_iter().skip(from).take(size).collect(), next)
}

async fn edge(
    State(s): State<Shared>,
    Path((id, edge)): Path<(String, String)>,
    Query(q): Query<HashMap<String, String>>,
    headers: HeaderMap,
) -> Response {
    record(&s, format!("users/{id}/{edge}"), q.clone());
    if let Some(r) = refused(&headers) {
        return r;
    }
    let mut m = s.lock().unwrap();
    if m.fail_token.is_some() && q.get("pagination_token") == m.fail_token.as_ref() {
        return answer(
            StatusCode::INTERNAL_SERVER_ERROR,
            899,
            json!({"title": "Internal Error"}),
        );
    }
    assert_eq!(id, ACCOUNT, "the account's numeric id is asked");
    match edge.as_str() {
        "tweets" => tweets(&mut m, &q),
        "mentions" if m.throttle > 0 => {
            m.throttle -= 1;
            let body = json!({"errors": [{"code": 88, "message": "Rate limit exceeded"}]});
            answer(StatusCode::TOO_MANY_REQUESTS, 0, body)
        }
        "mentions" => mentioned(&mut m, &q),
        _ => answer(
            StatusCode::NOT_FOUND,
            899,
            json!({"title": "Not Found Error"}),
        ),
    }
}

fn tweets(m: &mut XMock, q: &HashMap<String, String>) -> Response {
    assert_eq!(q.get("exclude").map(String::as_str), Some("retweets"));
    let fields = q["tweet.fields"].clone();
    let all: Vec<_> = timeline()
        .into_iter()
        .filter(|t| {
            q.get("start_time")
                .is_none_or(|s| at(&created(&t.0)) >= at(s))
        })
        .collect();
    let (page, next) = paginate(all, q, m.page_cap, "t");
    let mut errors = Vec::new();
    let data: Vec<Value> = page
        .iter()
        .map(|(id, text, replied, conversation)| {
            let mut t = json!({"id": id, "text": text, "created_at": created(id),
                "conversation_id": conversation, "edit_history_tweet_ids": [id],
                "public_metrics": {"retweet_count": 2, "reply_count": 1, "like_count": 7,
                                   "quote_count": 0, "bookmark_count": 1, "impression_count": 640}});
            if let Some(r) = replied {
                t["referenced_tweets"] = json!([{"type": "replied_to", "id": r}]);
            }
            if fields.contains("non_public_metrics") {
                if *id == old() {
                    errors.push(json!({"resource_type": "tweet", "field": "non_public_metrics.impression_count",
                        "parameter": "tweet.fields", "resource_id": id, "value": id, "section": "data",
                        "title": "Field Authorization Error",
                        "detail": format!("Sorry, you are not authorized to access 'non_public_metrics.impression_count' on the Tweet with ids: [{id}]."),
                        "type": "https://api.twitter.com/2/problems/not-authorized-for-field"}));
                } else {
                    t["non_public_metrics"] = json!({"impression_count": 650, "url_link_clicks": 3,
                                                     "user_profile_clicks": 2});
                }
            }
            t
        })
        .collect();
    m.served += data.len() as u64;
    let remaining = if std::mem::take(&mut m.window_spent_once) {
        0
    } else {
        899
    };
    answer(
        StatusCode::OK,
        remaining,
        listing(data, Vec::new(), errors, next),
    )
}

fn mentioned(m: &mut XMock, q: &HashMap<String, String>) -> Response {
    assert_eq!(q.get("expansions").map(String::as_str), Some("author_id"));
    let since: u64 = q.get("since_id").map_or(0, |s| s.parse().unwrap());
    let all: Vec<_> = mentions()
        .into_iter()
        .filter(|t| t.0.parse::<u64>().unwrap() > since)
        .collect();
    let (page, next) = paginate(all, q, m.page_cap, "m");
    let mut users: Vec<Value> = Vec::new();
    let data: Vec<Value> = page
        .iter()
        .map(|(id, by, text, replied, conversation)| {
            if !users.iter().any(|u| u["id"] == *by) {
                users.push(author(by));
            }
            let mut t = json!({"id": id, "text": text, "created_at": created(id), "author_id": by,
                               "conversation_id": conversation, "edit_history_tweet_ids": [id]});
            if let Some(r) = replied {
                t["referenced_tweets"] = json!([{"type": "replied_to", "id": r}]);
                t["in_reply_to_user_id"] = json!(ACCOUNT);
            }
            t
        })
        .collect();
    m.served += (data.len() + users.len()) as u64;
    answer(StatusCode::OK, 899, listing(data, users, Vec::new(), next))
}

/// `{data, includes, meta, errors}` as X lays out a page; an empty page has
/// only `meta.result_count`.
fn listing(data: Vec<Value>, users: Vec<Value>, errors: Vec<Value>, next: Option<String>) -> Value {
    let mut meta = json!({"result_count": data.len()});
    if let (Some(first), Some(last)) = (data.first(), data.last()) {
        meta["newest_id"] = first["id"].clone();
        meta["oldest_id"] = last["id"].clone();
    }
    if let Some(n) = next {
        meta["next_token"] = json!(n);
    }
    let mut body = json!({"meta": meta});
    if !data.is_empty() {
        body["data"] = json!(data);
    }
    if !users.is_empty() {
        body["includes"] = json!({"users": users});
    }
    if !errors.is_empty() {
        body["errors"] = json!(errors);
    }
    body
}
