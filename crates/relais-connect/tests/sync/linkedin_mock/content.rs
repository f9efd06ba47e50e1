//! What the LinkedIn mock holds: its posts, the comments it starts with,
//! and the statistics it answers (pure answers to a query).

use std::collections::HashMap;

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

use super::{ACTIVITY, DELETED, OLD, ORG, P1, P2, P3, comment_urn, error, ms};

/// A comment as the mock keeps it.
#[derive(Clone)]
pub struct ApiComment {
    pub thread: String,
    pub id: u64,
    pub actor: String,
    pub text: String,
    pub at: i64,
    pub parent: Option<String>,
}

impl ApiComment {
    pub fn urn(&self) -> String {
        comment_urn(&self.thread, self.id)
    }
}

pub fn person(n: &str) -> String {
    format!("urn:li:person:{n}")
}

pub fn seed() -> HashMap<String, Vec<ApiComment>> {
    let c = |thread: &str, id, actor: String, text: &str, at, parent: Option<u64>| ApiComment {
        thread: thread.to_string(),
        id,
        actor,
        text: text.to_string(),
        at,
        parent: parent.map(|p| comment_urn(thread, p)),
    };
    let a = ACTIVITY;
    HashMap::from([
        (
            P1.to_string(),
            vec![
                c(
                    a,
                    101,
                    person("AbCdEf1"),
                    "Le hall est sale depuis une semaine",
                    ms(3, 5, 11),
                    None,
                ),
                c(
                    a,
                    102,
                    person("AbCdEf1"),
                    "Merci pour l'info",
                    ms(3, 5, 12),
                    None,
                ),
                c(
                    a,
                    103,
                    person("Qw3"),
                    "Et le parking \\(B\\) ?",
                    ms(3, 5, 13),
                    None,
                ),
                c(
                    a,
                    111,
                    ORG.to_string(),
                    "Bonjour, nous transmettons.",
                    ms(3, 5, 14),
                    Some(101),
                ),
                c(
                    a,
                    112,
                    person("XyZ9"),
                    "Pareil au 3e",
                    ms(3, 5, 15),
                    Some(101),
                ),
            ],
        ),
        (
            P2.to_string(),
            vec![c(P2, 201, person("Pp7"), "Quel jour ?", ms(3, 4, 12), None)],
        ),
        (
            OLD.to_string(),
            vec![c(
                OLD,
                501,
                person("Old1"),
                "Bonne année",
                ms(1, 10, 12),
                None,
            )],
        ),
    ])
}

pub fn start_of(query: &HashMap<String, String>) -> usize {
    query.get("start").and_then(|s| s.parse().ok()).unwrap_or(0)
}

fn post(id: &str, state: &str, published: i64, modified: i64, text: &str, content: Value) -> Value {
    let mut p = json!({"id": id, "author": ORG, "commentary": text, "visibility": "PUBLIC",
        "lifecycleState": state, "createdAt": published, "publishedAt": published,
        "lastModifiedAt": modified, "isReshareDisabledByAuthor": false,
        "distribution": {"feedDistribution": "MAIN_FEED", "targetEntities": [],
                         "thirdPartyDistributionChannels": []}});
    if !content.is_null() {
        p["content"] = content;
    }
    p
}

pub fn posts(query: &HashMap<String, String>) -> Response {
    let ok = query.get("q").map(String::as_str) == Some("author")
        && query.get("author").map(String::as_str) == Some(ORG)
        && query.get("sortBy").map(String::as_str) == Some("LAST_MODIFIED");
    if !ok {
        return error(
            StatusCode::BAD_REQUEST,
            "q=author&author=<organization> expected",
        );
    }
    let all = [
        post(
            P1,
            "PUBLISHED",
            ms(3, 5, 9),
            ms(3, 5, 10),
            "Fête des voisins {hashtag|\\#|voisins}",
            json!({"media": {"id": "urn:li:image:C4D22AQ", "title": "Fête"}}),
        ),
        post(
            P2,
            "PUBLISHED",
            ms(3, 4, 9),
            ms(3, 4, 9),
            "Collecte des encombrants",
            json!({"media": {"id": "urn:li:video:C4D05AQ"}}),
        ),
        post(
            DELETED,
            "DELETED",
            ms(3, 3, 9),
            ms(3, 3, 9),
            "Brouillon",
            Value::Null,
        ),
        post(
            P3,
            "PUBLISHED",
            ms(3, 2, 9),
            ms(3, 2, 9),
            "Travaux d'ascenseur",
            Value::Null,
        ),
        post(
            OLD,
            "PUBLISHED",
            ms(1, 10, 9),
            ms(1, 10, 9),
            "Bonne année",
            json!({"article": {"source": "https://example.org/voeux", "title": "Vœux"}}),
        ),
    ];
    let start = start_of(query);
    let page: Vec<Value> = all.iter().skip(start).take(2).cloned().collect();
    let mut paging = json!({"start": start, "count": 2, "links": []});
    if start + 2 < all.len() {
        let href = format!(
            "/rest/posts?q=author&author=urn%3Ali%3Aorganization%3A2414183&sortBy=LAST_MODIFIED&count=2&start={}",
            start + 2
        );
        paging["links"] = json!([{"type": "application/json", "rel": "next", "href": href}]);
    }
    Json(json!({"paging": paging, "elements": page})).into_response()
}

/// `List(a,b)` → `[a, b]`.
fn list_items(raw: &str) -> Option<Vec<String>> {
    let inner = raw.strip_prefix("List(")?.strip_suffix(')')?;
    Some(inner.split(',').map(str::to_string).collect())
}

pub fn statistics(query: &HashMap<String, String>) -> Response {
    let org_ok = query.get("q").map(String::as_str) == Some("organizationalEntity")
        && query.get("organizationalEntity").map(String::as_str) == Some(ORG);
    let (field, list) = match (query.get("shares"), query.get("ugcPosts")) {
        (Some(_), Some(_)) => {
            return error(
                StatusCode::BAD_REQUEST,
                "shares and ugcPosts cannot be requested together",
            );
        }
        (Some(l), None) => ("share", l),
        (None, Some(l)) => ("ugcPost", l),
        (None, None) => return error(StatusCode::BAD_REQUEST, "shares or ugcPosts expected"),
    };
    let Some(urns) = list_items(list).filter(|_| org_ok) else {
        return error(
            StatusCode::BAD_REQUEST,
            "Invalid query parameters passed to request",
        );
    };
    let mut elements = Vec::new();
    for urn in urns {
        if !urn.starts_with(&format!("urn:li:{field}:")) {
            return error(StatusCode::BAD_REQUEST, "URN of the wrong type in the list");
        }
        let n = urn.len() as i64 % 7;
        elements.push(json!({"organizationalEntity": ORG, field: urn,
            "totalShareStatistics": {"impressionCount": 1000 + n, "uniqueImpressionsCount": 700 + n,
                "clickCount": 30, "likeCount": 12, "commentCount": 3, "shareCount": 2,
                "engagement": 0.047}}));
    }
    Json(json!({"paging": {"start": 0, "count": 10, "links": []}, "elements": elements}))
        .into_response()
}
