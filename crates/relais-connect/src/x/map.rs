//! X API v2 answers → domain values. Pure: the shapes of platforms.md §9
//! in, posts, comments and metric snapshots out.
//!
//! A post's id is X's own id, as the X analytics exports give it, so an
//! imported post and a synced one are one post. The account's own posts
//! that answer someone (`conversation_id` not their own id) are its replies,
//! not posts. A mention is a comment on the account's post it answers, or
//! on the conversation's root when that is the account's; its author is
//! pseudonymised and shown as `name (@username)`. Each X metric keeps its
//! field in the snapshot's source (`x_api:public_metrics.like_count`).

use std::collections::{BTreeMap, BTreeSet};

use chrono::DateTime;
use relais_core::{
    Account, Comment, CommentAuthor, CommentKey, InstallationSecret, MediaType, Metric,
    MetricSnapshot, MetricSource, Network, NetworkId, Post, PostKey, Timestamp,
};
use serde::{Deserialize, Serialize};
use serde_json::Value;

pub use crate::map::Unexpected;

/// The version recorded with X metrics: the API's.
pub const VERSION: &str = "2";

/// One page of a listing: `data`, `includes`, `meta`, and the partial
/// `errors` X may add to a good answer.
#[derive(Debug, Deserialize)]
pub struct Page<T> {
    #[serde(default = "Vec::new")]
    pub data: Vec<T>,
    #[serde(default)]
    pub includes: Includes,
    #[serde(default)]
    pub meta: Meta,
    #[serde(default)]
    pub errors: Vec<Value>,
}

#[derive(Debug, Default, Deserialize)]
pub struct Includes {
    #[serde(default)]
    pub users: Vec<User>,
}

#[derive(Debug, Default, Deserialize)]
pub struct Meta {
    pub newest_id: Option<String>,
    pub next_token: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct Reference {
    #[serde(rename = "type")]
    pub kind: String,
    pub id: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct Tweet {
    pub id: String,
    #[serde(default)]
    pub text: String,
    pub created_at: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conversation_id: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub referenced_tweets: Vec<Reference>,
    #[serde(default, skip_serializing)]
    pub public_metrics: Option<BTreeMap<String, Value>>,
    #[serde(default, skip_serializing)]
    pub non_public_metrics: Option<BTreeMap<String, Value>>,
    #[serde(default, skip_serializing)]
    pub organic_metrics: Option<BTreeMap<String, Value>>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct User {
    pub id: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub username: String,
    pub public_metrics: Option<UserMetrics>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct UserMetrics {
    pub followers_count: Option<i64>,
}

/// A user lookup (`/2/users/{id}`, `/2/users/by/username/{u}`).
#[derive(Debug, Deserialize)]
pub struct UserAnswer {
    pub data: User,
}

/// Which relais metric each X field is, per metrics object.
const PUBLIC: [(&str, Metric); 5] = [
    ("retweet_count", Metric::Shares),
    ("reply_count", Metric::Comments),
    ("like_count", Metric::Reactions),
    ("bookmark_count", Metric::Saves),
    ("impression_count", Metric::Impressions),
];
const NON_PUBLIC: [(&str, Metric); 3] = [
    ("impression_count", Metric::Impressions),
    ("url_link_clicks", Metric::LinkClicks),
    ("user_profile_clicks", Metric::ProfileVisits),
];
const ORGANIC: [(&str, Metric); 6] = [
    ("impression_count", Metric::Impressions),
    ("like_count", Metric::Reactions),
    ("reply_count", Metric::Comments),
    ("retweet_count", Metric::Shares),
    ("url_link_clicks", Metric::LinkClicks),
    ("user_profile_clicks", Metric::ProfileVisits),
];

/// `2026-03-05T09:00:00.000Z`.
pub fn time(raw: &str) -> Result<Timestamp, Unexpected> {
    DateTime::parse_from_rfc3339(raw)
        .map(|t| Timestamp::from_utc(t.to_utc()))
        .map_err(|_| Unexpected(format!("created_at `{raw}`")))
}

fn id(raw: &str) -> Result<NetworkId, Unexpected> {
    NetworkId::parse(raw).map_err(|_| Unexpected(format!("id `{raw}`")))
}

pub fn post_key(raw: &str) -> Result<PostKey, Unexpected> {
    Ok(PostKey {
        network: Network::X,
        network_id: id(raw)?,
    })
}

fn comment_key(raw: &str) -> Result<CommentKey, Unexpected> {
    Ok(CommentKey {
        network: Network::X,
        network_id: id(raw)?,
    })
}

/// The post a tweet answers, if it answers one.
pub fn replied_to(t: &Tweet) -> Option<&str> {
    t.referenced_tweets
        .iter()
        .find(|r| r.kind == "replied_to")
        .map(|r| r.id.as_str())
}

/// Whether a tweet answers someone rather than starting a conversation.
pub fn is_reply(t: &Tweet) -> bool {
    replied_to(t).is_some() || t.conversation_id.as_ref().is_some_and(|c| *c != t.id)
}

/// The stored ids (`x:<id>`) of the posts a tweet may be a comment on.
pub fn candidates(t: &Tweet) -> Vec<String> {
    [replied_to(t), t.conversation_id.as_deref()]
        .into_iter()
        .flatten()
        .map(|id| format!("{}:{id}", Network::X.code()))
        .collect()
}

/// Where a tweet goes as a comment: the account's post it answers (among
/// `own`, stored ids), else the conversation's root when that is the
/// account's; its parent is the tweet it answers when that is not the post.
pub fn thread(
    t: &Tweet,
    own: &BTreeSet<String>,
) -> Result<Option<(PostKey, Option<CommentKey>)>, Unexpected> {
    let is_own = |id: &str| own.contains(&format!("{}:{id}", Network::X.code()));
    let answered = replied_to(t);
    let root = answered
        .filter(|a| is_own(a))
        .or(t.conversation_id.as_deref().filter(|c| is_own(c)));
    let Some(root) = root else {
        return Ok(None);
    };
    let parent = answered
        .filter(|a| *a != root)
        .map(comment_key)
        .transpose()?;
    Ok(Some((post_key(root)?, parent)))
}

/// A post of the account and the snapshots of its metrics objects.
pub fn post(
    t: &Tweet,
    account: &Account,
    at: Timestamp,
) -> Result<(Post, Vec<MetricSnapshot>), Unexpected> {
    let key = post_key(&t.id)?;
    let media = if t.text.contains("https://t.co/") {
        MediaType::Link
    } else {
        MediaType::Text
    };
    let post = Post {
        key: key.clone(),
        account: account.id.clone(),
        published_at: time(&t.created_at)?,
        text: t.text.clone(),
        permalink: Some(format!("https://x.com/{}/status/{}", account.handle, t.id)),
        media,
        residence: None,
        territory: account.territory.clone(),
    };
    let objects = [
        ("public_metrics", &t.public_metrics, &PUBLIC[..]),
        ("non_public_metrics", &t.non_public_metrics, &NON_PUBLIC[..]),
        ("organic_metrics", &t.organic_metrics, &ORGANIC[..]),
    ];
    let mut snapshots = Vec::new();
    for (object, values, table) in objects {
        let Some(values) = values else { continue };
        for (field, metric) in table {
            let Some(value) = values.get(*field).and_then(Value::as_f64) else {
                continue;
            };
            snapshots.push(MetricSnapshot {
                post: key.clone(),
                observed_at: at,
                metric: *metric,
                value,
                source: MetricSource {
                    origin: format!("x_api:{object}.{field}"),
                    version: VERSION.to_string(),
                },
            });
        }
    }
    Ok((post, snapshots))
}

/// A tweet as a comment on `post`: the account's own is the landlord's
/// reply; anyone else's author is pseudonymised and named from `users`.
pub fn comment(
    t: &Tweet,
    (post, parent): (PostKey, Option<CommentKey>),
    users: &[User],
    account: &Account,
    secret: &InstallationSecret,
) -> Result<Comment, Unexpected> {
    let author = match t.author_id.as_deref() {
        None => CommentAuthor::Landlord {
            account: account.id.clone(),
        },
        Some(a) if a == account.network_id.as_str() => CommentAuthor::Landlord {
            account: account.id.clone(),
        },
        Some(a) => CommentAuthor::Person {
            pseudonym: secret.pseudonym(Network::X, a),
            display_name: users.iter().find(|u| u.id == a).map(display_name),
        },
    };
    Ok(Comment {
        key: comment_key(&t.id)?,
        post,
        parent,
        author,
        text: t.text.clone(),
        created_at: time(&t.created_at)?,
    })
}

/// `Jeanne Martin (@jeannem)`; the handle alone when X gives no name.
pub fn display_name(u: &User) -> String {
    match (u.name.trim(), u.username.trim()) {
        ("", handle) => format!("@{handle}"),
        (name, "") => name.to_string(),
        (name, handle) => format!("{name} (@{handle})"),
    }
}

/// Whether X refused the non-public metrics fields (posts older than 30
/// days, or a token without user context): a `Field Authorization Error`,
/// or words naming those fields.
pub fn refuses_private_fields(errors: &[Value], message: &str) -> bool {
    let names = |s: &str| {
        s.contains("non_public_metrics")
            || s.contains("organic_metrics")
            || s.contains("not-authorized-for-field")
            || s.contains("Field Authorization")
    };
    names(message) || errors.iter().any(|e| names(&e.to_string()))
}

#[cfg(test)]
mod tests;
