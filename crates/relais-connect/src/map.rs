//! Graph API answers → domain values. Pure: the shapes of platforms.md §7
//! in, posts, comments and metric snapshots out.
//!
//! A comment whose `from.id` is the Page is the landlord's reply. A comment
//! without `from` (Meta hides authors from app tokens) gets a pseudonym of
//! its own, made from its id, shown as "Membre Facebook". Each Graph metric
//! keeps its own name in the snapshot's source: views and impressions stay
//! different series.

use chrono::DateTime;
use relais_core::{
    Account, Comment, CommentAuthor, CommentKey, InstallationSecret, MediaType, Metric,
    MetricSnapshot, MetricSource, Network, NetworkId, Post, PostKey, Timestamp,
};
use serde::Deserialize;
use serde_json::Value;

/// The name shown for a commenter Meta does not name.
pub const ANONYMOUS: &str = "Membre Facebook";

#[derive(Debug, Deserialize)]
pub struct Listing<T> {
    pub data: Vec<T>,
    pub paging: Option<Paging>,
}

#[derive(Debug, Deserialize)]
pub struct Paging {
    pub next: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct Count {
    #[serde(default)]
    pub count: f64,
}

#[derive(Debug, Deserialize)]
pub struct Summary {
    pub summary: Option<Total>,
}

#[derive(Debug, Deserialize)]
pub struct Total {
    #[serde(default)]
    pub total_count: f64,
}

#[derive(Debug, Deserialize)]
pub struct ApiPost {
    pub id: String,
    pub created_time: String,
    #[serde(default)]
    pub message: String,
    pub permalink_url: Option<String>,
    pub status_type: Option<String>,
    pub shares: Option<Count>,
    pub reactions: Option<Summary>,
    pub comments: Option<Summary>,
}

#[derive(Debug, Deserialize)]
pub struct From {
    pub id: String,
    pub name: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct Parent {
    pub id: String,
}

#[derive(Debug, Deserialize)]
pub struct ApiComment {
    pub id: String,
    pub from: Option<From>,
    #[serde(default)]
    pub message: String,
    pub created_time: String,
    pub parent: Option<Parent>,
}

/// An insight in the old shape (`values[]`) or, on Instagram, the new one
/// (`total_value`).
#[derive(Debug, Deserialize)]
pub struct Insight {
    pub name: String,
    #[serde(default)]
    pub values: Vec<InsightValue>,
    pub total_value: Option<InsightValue>,
}

#[derive(Debug, Deserialize)]
pub struct InsightValue {
    pub value: Value,
    /// The end of the day a daily value is for (Page insights).
    pub end_time: Option<String>,
}

/// A value that is not what the API documents, with what it was.
#[derive(Debug)]
pub struct Unexpected(pub String);

/// `2021-07-04T19:50:58+0000`.
pub fn time(raw: &str) -> Result<Timestamp, Unexpected> {
    DateTime::parse_from_str(raw, "%Y-%m-%dT%H:%M:%S%z")
        .map(|t| Timestamp::from_utc(t.to_utc()))
        .map_err(|_| Unexpected(format!("created_time `{raw}`")))
}

pub(crate) fn id(raw: &str) -> Result<NetworkId, Unexpected> {
    NetworkId::parse(raw).map_err(|_| Unexpected(format!("id `{raw}`")))
}

pub fn post_key(raw: &str) -> Result<PostKey, Unexpected> {
    Ok(PostKey {
        network: Network::Facebook,
        network_id: id(raw)?,
    })
}

fn media(status_type: Option<&str>) -> MediaType {
    match status_type {
        Some("added_photos") => MediaType::Photo,
        Some("added_video") => MediaType::Video,
        Some("shared_story") => MediaType::Link,
        _ => MediaType::Text,
    }
}

/// The source of a value read from the Graph API: the Graph field or metric
/// name, and the API version.
pub fn source(name: &str, version: &str) -> MetricSource {
    MetricSource {
        origin: format!("graph_api:{name}"),
        version: version.to_string(),
    }
}

/// The snapshots of the counts a listing carries: `(API field, metric,
/// value)`, a missing value giving none (never 0).
pub(crate) fn counts_of<const N: usize>(
    key: &PostKey,
    at: Timestamp,
    version: &str,
    counts: [(&str, Metric, Option<f64>); N],
) -> Vec<MetricSnapshot> {
    counts
        .into_iter()
        .filter_map(|(name, metric, value)| {
            Some(MetricSnapshot {
                post: key.clone(),
                observed_at: at,
                metric,
                value: value?,
                source: source(name, version),
            })
        })
        .collect()
}

/// A post and the counts its listing carries (shares, reactions, comments).
pub fn post(
    p: &ApiPost,
    account: &Account,
    at: Timestamp,
    version: &str,
) -> Result<(Post, Vec<MetricSnapshot>), Unexpected> {
    let key = post_key(&p.id)?;
    let total = |s: &Option<Summary>| s.as_ref()?.summary.as_ref().map(|t| t.total_count);
    let counts = [
        ("shares", Metric::Shares, p.shares.as_ref().map(|c| c.count)),
        ("reactions.summary", Metric::Reactions, total(&p.reactions)),
        ("comments.summary", Metric::Comments, total(&p.comments)),
    ];
    let snapshots = counts_of(&key, at, version, counts);
    let post = Post {
        key,
        account: account.id.clone(),
        published_at: time(&p.created_time)?,
        text: p.message.clone(),
        permalink: p.permalink_url.clone(),
        media: media(p.status_type.as_deref()),
        residence: None,
        territory: account.territory.clone(),
    };
    Ok((post, snapshots))
}

/// A comment or reply on `post`.
pub fn comment(
    c: &ApiComment,
    post: &PostKey,
    account: &Account,
    secret: &InstallationSecret,
) -> Result<Comment, Unexpected> {
    let author = match &c.from {
        Some(f) if f.id == account.network_id.as_str() => CommentAuthor::Landlord {
            account: account.id.clone(),
        },
        Some(f) => CommentAuthor::Person {
            pseudonym: secret.pseudonym(Network::Facebook, &f.id),
            display_name: f.name.clone(),
        },
        None => CommentAuthor::Person {
            pseudonym: secret.pseudonym(Network::Facebook, &format!("anonymous:{}", c.id)),
            display_name: Some(ANONYMOUS.to_string()),
        },
    };
    let key = |raw: &str| -> Result<CommentKey, Unexpected> {
        Ok(CommentKey {
            network: Network::Facebook,
            network_id: id(raw)?,
        })
    };
    Ok(Comment {
        key: key(&c.id)?,
        post: post.clone(),
        parent: c.parent.as_ref().map(|p| key(&p.id)).transpose()?,
        author,
        text: c.message.clone(),
        created_at: time(&c.created_time)?,
    })
}

/// Which relais metric a Graph post metric is, or `None` when relais does
/// not know it.
pub fn metric_of(name: &str) -> Option<Metric> {
    Some(match name {
        "post_media_view" => Metric::Views,
        "post_impressions" => Metric::Impressions,
        "post_total_media_view_unique" | "post_impressions_unique" => Metric::Reach,
        "post_reactions_by_type_total" => Metric::Reactions,
        "post_clicks" => Metric::Clicks,
        _ => return None,
    })
}

/// The metrics relais asks for each post.
pub const POST_METRICS: [&str; 4] = [
    "post_media_view",
    "post_total_media_view_unique",
    "post_reactions_by_type_total",
    "post_clicks",
];

/// What to ask instead when Meta refuses a metric with code 100: the
/// successor of a deprecated one, or, on API versions older than the
/// 2025 change, the metric the current one replaced.
pub fn fallback(name: &str) -> Option<&'static str> {
    Some(match name {
        "post_impressions" => "post_media_view",
        "post_impressions_unique" => "post_total_media_view_unique",
        "post_media_view" => "post_impressions",
        "post_total_media_view_unique" => "post_impressions_unique",
        _ => return None,
    })
}

/// The snapshots of one insights answer, for the metrics `metric_of`
/// knows. A value that is an object (reactions by type) counts as the sum
/// of its numbers; a metric without a value gives none, never 0.
pub fn insights(
    data: &[Insight],
    metric_of: fn(&str) -> Option<Metric>,
    post: &PostKey,
    at: Timestamp,
    version: &str,
) -> Vec<MetricSnapshot> {
    data.iter()
        .filter_map(|i| {
            let metric = metric_of(&i.name)?;
            let value = match &i.total_value.as_ref().or(i.values.last())?.value {
                Value::Number(n) => n.as_f64()?,
                Value::Object(m) => m.values().filter_map(Value::as_f64).sum(),
                _ => return None,
            };
            Some(MetricSnapshot {
                post: post.clone(),
                observed_at: at,
                metric,
                value,
                source: source(&i.name, version),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests;
