//! Instagram Graph answers → domain values. Pure: the shapes of
//! platforms.md §7 (Instagram table) in, posts, comments and metric
//! snapshots out.
//!
//! A media's id is its post id, as in Meta Business Suite's Instagram
//! export, so a synced media and an imported one are one post. A comment
//! whose `from.id` (or, without `from`, whose `username`) is the account's
//! is the landlord's reply; other authors are pseudonymised from `from.id`,
//! or from their username when Meta gives no id (nested replies). Each
//! metric keeps its Graph name in the snapshot's source: `views` and
//! `impressions` stay different series.

use relais_core::{
    Account, Comment, CommentAuthor, CommentKey, InstallationSecret, MediaType, Metric,
    MetricSnapshot, Network, Post, PostKey, Timestamp,
};
use serde::Deserialize;

use crate::map::{Unexpected, counts_of, id, time};

/// The name shown for a commenter Meta does not name.
pub const ANONYMOUS: &str = "Membre Instagram";

/// The metrics relais asks for each media (see [`fallback`] when Meta
/// refuses one).
pub const MEDIA_METRICS: [&str; 9] = [
    "views",
    "reach",
    "likes",
    "comments",
    "shares",
    "saved",
    "total_interactions",
    "follows",
    "profile_visits",
];

#[derive(Debug, Deserialize)]
pub struct ApiAccount {
    pub username: Option<String>,
    pub followers_count: Option<i64>,
}

#[derive(Debug, Deserialize)]
pub struct ApiMedia {
    pub id: String,
    pub caption: Option<String>,
    pub media_type: Option<String>,
    pub media_product_type: Option<String>,
    pub permalink: Option<String>,
    pub timestamp: String,
    /// Absent when the account hides like counts.
    pub like_count: Option<f64>,
    pub comments_count: Option<f64>,
}

#[derive(Debug, Deserialize)]
pub struct From {
    pub id: String,
    pub username: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct ApiComment {
    pub id: String,
    pub text: Option<String>,
    pub timestamp: String,
    pub username: Option<String>,
    pub from: Option<From>,
    pub parent_id: Option<String>,
    pub replies: Option<Replies>,
}

#[derive(Debug, Deserialize)]
pub struct Replies {
    #[serde(default)]
    pub data: Vec<ApiComment>,
}

/// The connected account as comments show it.
pub struct Me<'a> {
    pub account: &'a Account,
    /// The IG user id.
    pub id: &'a str,
    pub username: &'a str,
}

pub fn post_key(raw: &str) -> Result<PostKey, Unexpected> {
    Ok(PostKey {
        network: Network::Instagram,
        network_id: id(raw)?,
    })
}

pub fn comment_key(raw: &str) -> Result<CommentKey, Unexpected> {
    Ok(CommentKey {
        network: Network::Instagram,
        network_id: id(raw)?,
    })
}

/// `media_product_type` first (a reel or a story says so there), then
/// `media_type`.
pub fn media(media_type: Option<&str>, product: Option<&str>) -> MediaType {
    match (product, media_type) {
        (Some("STORY"), _) => MediaType::Story,
        (Some("REELS"), _) => MediaType::Reel,
        (_, Some("CAROUSEL_ALBUM")) => MediaType::Carousel,
        (_, Some("VIDEO")) => MediaType::Video,
        _ => MediaType::Photo,
    }
}

/// A media as a post, with the counts its listing carries (likes,
/// comments).
pub fn post(
    m: &ApiMedia,
    account: &Account,
    at: Timestamp,
    version: &str,
) -> Result<(Post, Vec<MetricSnapshot>), Unexpected> {
    let key = post_key(&m.id)?;
    let counts = [
        ("like_count", Metric::Reactions, m.like_count),
        ("comments_count", Metric::Comments, m.comments_count),
    ];
    let snapshots = counts_of(&key, at, version, counts);
    let post = Post {
        key,
        account: account.id.clone(),
        published_at: time(&m.timestamp)?,
        text: m.caption.clone().unwrap_or_default(),
        permalink: m.permalink.clone(),
        media: media(m.media_type.as_deref(), m.media_product_type.as_deref()),
        residence: None,
        territory: account.territory.clone(),
    };
    Ok((post, snapshots))
}

/// Who wrote a comment or reply.
fn author(c: &ApiComment, me: &Me, secret: &InstallationSecret) -> CommentAuthor {
    let username = c
        .from
        .as_ref()
        .and_then(|f| f.username.as_deref())
        .or(c.username.as_deref());
    let mine = match &c.from {
        Some(f) => f.id == me.id,
        None => username.is_some_and(|u| u.eq_ignore_ascii_case(me.username)),
    };
    if mine {
        return CommentAuthor::Landlord {
            account: me.account.id.clone(),
        };
    }
    let raw = match (&c.from, username) {
        (Some(f), _) => f.id.clone(),
        (None, Some(u)) => format!("username:{u}"),
        (None, None) => format!("anonymous:{}", c.id),
    };
    CommentAuthor::Person {
        pseudonym: secret.pseudonym(Network::Instagram, &raw),
        display_name: Some(username.unwrap_or(ANONYMOUS).to_string()),
    }
}

/// A comment on `post` and the replies nested in it, each reply with the
/// comment as its parent.
pub fn comments(
    c: &ApiComment,
    post: &PostKey,
    me: &Me,
    secret: &InstallationSecret,
) -> Result<Vec<Comment>, Unexpected> {
    let one = |c: &ApiComment, parent: Option<&str>| -> Result<Comment, Unexpected> {
        Ok(Comment {
            key: comment_key(&c.id)?,
            post: post.clone(),
            parent: parent.map(comment_key).transpose()?,
            author: author(c, me, secret),
            text: c.text.clone().unwrap_or_default(),
            created_at: time(&c.timestamp)?,
        })
    };
    let mut out = vec![one(c, c.parent_id.as_deref())?];
    for r in c.replies.iter().flat_map(|r| &r.data) {
        out.push(one(r, Some(r.parent_id.as_deref().unwrap_or(&c.id)))?);
    }
    Ok(out)
}

/// Which relais metric an Instagram media metric is, or `None` when relais
/// does not know it.
pub fn metric_of(name: &str) -> Option<Metric> {
    Some(match name {
        "views" => Metric::Views,
        "impressions" => Metric::Impressions,
        "reach" => Metric::Reach,
        "likes" => Metric::Reactions,
        "comments" => Metric::Comments,
        "shares" => Metric::Shares,
        "saved" => Metric::Saves,
        "total_interactions" => Metric::Engagements,
        "follows" => Metric::FollowsGained,
        "profile_visits" => Metric::ProfileVisits,
        "plays" | "video_views" => Metric::VideoViews,
        _ => return None,
    })
}

/// What to ask instead when Meta refuses a metric with code 100: `views`
/// for the metrics it replaced (April 2025), or, on API versions older
/// than `views`, `impressions`.
pub fn fallback(name: &str) -> Option<&'static str> {
    Some(match name {
        "impressions"
        | "plays"
        | "video_views"
        | "clips_replays_count"
        | "ig_reels_aggregated_all_plays_count" => "views",
        "views" => "impressions",
        _ => return None,
    })
}

#[cfg(test)]
mod tests;
