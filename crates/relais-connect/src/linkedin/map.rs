//! LinkedIn API answers → domain values. Pure: the shapes of platforms.md §8
//! in, posts, comments and metric snapshots out.
//!
//! A post's id is its URN (`urn:li:share:…`, `urn:li:ugcPost:…`), the id
//! the LinkedIn export importer reads from a post's link, so a post
//! imported and synced is one post. A comment's id is its `commentUrn`,
//! which is also what a reply is keyed by. LinkedIn names no member: a
//! person's URN is only turned into a pseudonym and shown as
//! [`LINKEDIN_MEMBER`]; a comment whose actor is the organization is the
//! landlord's reply.

use relais_core::{
    Account, Comment, CommentAuthor, CommentKey, InstallationSecret, MediaType, Metric,
    MetricSnapshot, MetricSource, Network, NetworkId, Post, PostKey, Timestamp,
};
use serde::Deserialize;
use serde_json::Value;

use crate::map::Unexpected;

/// The name shown for a member who comments: LinkedIn does not give it.
pub const LINKEDIN_MEMBER: &str = "Membre LinkedIn";

/// The origin of every value read from this API.
const ORIGIN: &str = "linkedin_api";

#[derive(Debug, Deserialize)]
pub struct Listing<T> {
    #[serde(default = "Vec::new")]
    pub elements: Vec<T>,
    pub paging: Option<Paging>,
}

#[derive(Debug, Default, Deserialize)]
pub struct Paging {
    pub start: Option<u64>,
    pub count: Option<u64>,
    pub total: Option<u64>,
    #[serde(default)]
    pub links: Vec<Link>,
}

#[derive(Debug, Deserialize)]
pub struct Link {
    pub rel: String,
    pub href: String,
}

/// Where a listing's next page is.
#[derive(Debug, Clone, PartialEq)]
pub enum Next {
    Link(String),
    Start(u64),
    End,
}

/// The page after one that held `returned` elements: LinkedIn's `next`
/// link, else `start + count` until `total` or an empty page.
pub fn next_page(paging: Option<&Paging>, returned: usize) -> Next {
    let fallback = Paging::default();
    let p = paging.unwrap_or(&fallback);
    if let Some(l) = p.links.iter().find(|l| l.rel == "next") {
        return Next::Link(l.href.clone());
    }
    if returned == 0 {
        return Next::End;
    }
    let step = p.count.filter(|c| *c > 0).unwrap_or(returned as u64);
    let start = p.start.unwrap_or(0) + step;
    match p.total {
        Some(total) if start >= total => Next::End,
        _ => Next::Start(start),
    }
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ApiPost {
    pub id: String,
    #[serde(default)]
    pub commentary: String,
    pub lifecycle_state: Option<String>,
    pub created_at: Option<i64>,
    pub published_at: Option<i64>,
    pub last_modified_at: Option<i64>,
    pub content: Option<Value>,
}

impl ApiPost {
    /// When the post last changed (what the listing is sorted by).
    pub fn modified(&self) -> i64 {
        self.last_modified_at
            .or(self.published_at)
            .or(self.created_at)
            .unwrap_or(0)
    }
}

#[derive(Debug, Deserialize)]
pub struct Stamp {
    pub time: i64,
}

#[derive(Debug, Deserialize)]
pub struct Message {
    #[serde(default)]
    pub text: String,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CommentsSummary {
    pub aggregated_total_comments: Option<u64>,
    pub total_first_level_comments: Option<u64>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ApiComment {
    pub id: Option<String>,
    pub comment_urn: Option<String>,
    pub object: Option<String>,
    pub actor: String,
    pub created: Option<Stamp>,
    pub message: Option<Message>,
    pub parent_comment: Option<String>,
    pub comments_summary: Option<CommentsSummary>,
}

impl ApiComment {
    /// The comment's URN: `commentUrn`, or made of `object` and `id`.
    pub fn urn(&self) -> Result<String, Unexpected> {
        if let Some(u) = &self.comment_urn {
            return Ok(u.clone());
        }
        match (&self.object, &self.id) {
            (Some(o), Some(id)) => Ok(format!("urn:li:comment:({o},{id})")),
            _ => Err(Unexpected("a comment without commentUrn nor id".into())),
        }
    }

    /// Whether the comment's own comments (its replies) need reading: yes
    /// unless its summary says there are none.
    pub fn may_have_replies(&self) -> bool {
        self.comments_summary.as_ref().is_none_or(|s| {
            s.aggregated_total_comments
                .or(s.total_first_level_comments)
                .is_none_or(|n| n > 0)
        })
    }
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ShareStatistics {
    pub share: Option<String>,
    pub ugc_post: Option<String>,
    #[serde(default)]
    pub total_share_statistics: serde_json::Map<String, Value>,
}

/// The organization's URN from its id (`2414183` or the URN itself), or
/// `None` when `raw` is not an organization's id.
pub fn organization(raw: &str) -> Option<String> {
    let id = raw.trim().trim_start_matches("urn:li:organization:");
    (!id.is_empty() && id.bytes().all(|b| b.is_ascii_digit()))
        .then(|| format!("urn:li:organization:{id}"))
}

/// Epoch milliseconds.
pub fn time_ms(ms: i64) -> Result<Timestamp, Unexpected> {
    Timestamp::from_unix(ms.div_euclid(1000)).map_err(|_| Unexpected(format!("time {ms}")))
}

fn id(raw: &str) -> Result<NetworkId, Unexpected> {
    NetworkId::parse(raw).map_err(|_| Unexpected(format!("id `{raw}`")))
}

pub fn post_key(urn: &str) -> Result<PostKey, Unexpected> {
    Ok(PostKey {
        network: Network::Linkedin,
        network_id: id(urn)?,
    })
}

pub fn comment_key(urn: &str) -> Result<CommentKey, Unexpected> {
    Ok(CommentKey {
        network: Network::Linkedin,
        network_id: id(urn)?,
    })
}

/// The media of a post from its `content` (`media.id` names an image, a
/// video or a document; `multiImage`, `article`…).
pub fn media(content: Option<&Value>) -> MediaType {
    let Some(c) = content else {
        return MediaType::Text;
    };
    let media_id = c.pointer("/media/id").and_then(Value::as_str).unwrap_or("");
    if media_id.starts_with("urn:li:video:") {
        MediaType::Video
    } else if media_id.starts_with("urn:li:document:") || c.get("multiImage").is_some() {
        MediaType::Carousel
    } else if media_id.starts_with("urn:li:image:") {
        MediaType::Photo
    } else if c.get("article").is_some() {
        MediaType::Link
    } else {
        MediaType::Text
    }
}

/// Text from LinkedIn's "little text format": mentions `@[Name](urn)` and
/// hashtags `{hashtag|\#|word}` become `@Name` and `#word`, escapes `\(`
/// lose their backslash.
pub fn commentary(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(c) = rest.chars().next() {
        let tail = &rest[c.len_utf8()..];
        if c == '\\' && tail.starts_with(|n: char| !n.is_alphanumeric() && !n.is_whitespace()) {
            let n = tail.chars().next().unwrap_or(c);
            out.push(n);
            rest = &tail[n.len_utf8()..];
        } else if let Some((word, after)) = hashtag(rest) {
            out.push('#');
            out.push_str(word);
            rest = after;
        } else if let Some((name, after)) = mention(rest) {
            out.push('@');
            out.push_str(name);
            rest = after;
        } else {
            out.push(c);
            rest = tail;
        }
    }
    out
}

fn hashtag(s: &str) -> Option<(&str, &str)> {
    let inner = s.strip_prefix("{hashtag|")?;
    let inner = inner
        .strip_prefix("\\#|")
        .or_else(|| inner.strip_prefix("#|"))?;
    let end = inner.find('}')?;
    Some((&inner[..end], &inner[end + 1..]))
}

fn mention(s: &str) -> Option<(&str, &str)> {
    let inner = s.strip_prefix("@[")?;
    let name_end = inner.find("](urn:li:")?;
    let after_name = &inner[name_end + 2..];
    let end = after_name.find(')')?;
    Some((&inner[..name_end], &after_name[end + 1..]))
}

/// A published post of `account`; `None` for a draft or a deleted one.
pub fn post(p: &ApiPost, account: &Account) -> Result<Option<Post>, Unexpected> {
    if p.lifecycle_state
        .as_deref()
        .is_some_and(|s| s != "PUBLISHED")
    {
        return Ok(None);
    }
    let at = p
        .published_at
        .or(p.created_at)
        .ok_or_else(|| Unexpected(format!("post {} without publishedAt", p.id)))?;
    Ok(Some(Post {
        key: post_key(&p.id)?,
        account: account.id.clone(),
        published_at: time_ms(at)?,
        text: commentary(&p.commentary),
        permalink: Some(format!("https://www.linkedin.com/feed/update/{}/", p.id)),
        media: media(p.content.as_ref()),
        residence: None,
        territory: account.territory.clone(),
    }))
}

/// The fields of `totalShareStatistics` relais keeps, as its metrics.
const SHARE_FIELDS: [(&str, Metric); 6] = [
    ("impressionCount", Metric::Impressions),
    ("uniqueImpressionsCount", Metric::Reach),
    ("clickCount", Metric::Clicks),
    ("likeCount", Metric::Reactions),
    ("commentCount", Metric::Comments),
    ("shareCount", Metric::Shares),
];

/// The snapshots of one statistics answer, each named by its field.
pub fn statistics(data: &[ShareStatistics], at: Timestamp, version: &str) -> Vec<MetricSnapshot> {
    let mut out = Vec::new();
    for s in data {
        let Some(Ok(post)) = s
            .share
            .as_ref()
            .or(s.ugc_post.as_ref())
            .map(|u| post_key(u))
        else {
            continue;
        };
        for (field, metric) in SHARE_FIELDS {
            let Some(value) = s.total_share_statistics.get(field).and_then(Value::as_f64) else {
                continue;
            };
            out.push(MetricSnapshot {
                post: post.clone(),
                observed_at: at,
                metric,
                value,
                source: MetricSource {
                    origin: format!("{ORIGIN}:{field}"),
                    version: version.to_string(),
                },
            });
        }
    }
    out
}

/// A comment or reply on `post`; `parent` is the comment whose replies
/// were being read, for a reply that does not name its `parentComment`.
pub fn comment(
    c: &ApiComment,
    post: &PostKey,
    parent: Option<&str>,
    organization: &str,
    account: &Account,
    secret: &InstallationSecret,
) -> Result<Comment, Unexpected> {
    let author = if c.actor == organization {
        CommentAuthor::Landlord {
            account: account.id.clone(),
        }
    } else {
        CommentAuthor::Person {
            pseudonym: secret.pseudonym(Network::Linkedin, &c.actor),
            display_name: Some(LINKEDIN_MEMBER.to_string()),
        }
    };
    let urn = c.urn()?;
    let created = c
        .created
        .as_ref()
        .ok_or_else(|| Unexpected(format!("comment {urn} without created.time")))?;
    Ok(Comment {
        key: comment_key(&urn)?,
        post: post.clone(),
        parent: c
            .parent_comment
            .as_deref()
            .or(parent)
            .map(comment_key)
            .transpose()?,
        author,
        text: c
            .message
            .as_ref()
            .map(|m| commentary(&m.text))
            .unwrap_or_default(),
        created_at: time_ms(created.time)?,
    })
}

/// The key of a reply LinkedIn created under `parent` (a comment URN),
/// from its `x-restli-id`: the reply's URN, possibly encoded, or its bare
/// id, set in the parent's thread as the sync will read it.
pub fn reply_key(restli_id: &str, parent: &str) -> Result<CommentKey, Unexpected> {
    let raw = super::client::decode(restli_id.trim());
    if raw.starts_with("urn:li:comment:") {
        return comment_key(&raw);
    }
    let thread = parent
        .strip_prefix("urn:li:comment:(")
        .and_then(|p| p.rsplit_once(','))
        .map(|(thread, _)| thread)
        .ok_or_else(|| Unexpected(format!("parent comment `{parent}`")))?;
    if raw.is_empty() || !raw.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Unexpected(format!("x-restli-id `{restli_id}`")));
    }
    comment_key(&format!("urn:li:comment:({thread},{raw})"))
}

#[cfg(test)]
mod tests;
