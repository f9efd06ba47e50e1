//! The sync of one LinkedIn organization (Company Page) connection, top to
//! bottom: the organization's posts, newest change first, page after page
//! until the posts already seen; for each page the posts' statistics; for
//! each post its comments and their replies; then the follower total.
//!
//! Each page of posts (with its statistics) is one [`ImportBatch`]; each
//! post's comments and replies are another, so a reply and its parent land
//! together. Batches are recognised by their digest, so a re-run or a
//! resumed run writes nothing twice. The `posts` cursor (the newest
//! `lastModifiedAt` seen, epoch ms) moves only when a run ends well. Posts
//! changed in the last [`RECENT_DAYS`] are read again at every run:
//! LinkedIn does not touch a post when it is commented, so this is how new
//! comments and fresh figures of recent posts are found.
//!
//! [`ImportBatch`]: relais_core::ImportBatch

mod client;
mod map;
mod reply;

use relais_core::{Account, InstallationSecret, PostKey};
use relais_store::{ConnectStore, Store, StoredConnection};
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::error::ConnectError;
use crate::run::{Run, SyncOptions, SyncSummary};
use crate::secret::SecretKey;
use client::{Client, LINKEDIN_VERSION, LiError, encode, list};
use map::{ApiComment, ApiPost, Listing, Next, ShareStatistics};

pub use map::LINKEDIN_MEMBER;
pub(crate) use reply::reply;

/// How far back posts are read again at each run, for their new comments
/// and figures.
pub const RECENT_DAYS: i64 = 14;

/// Posts asked per page (LinkedIn's maximum for the posts finder).
const POSTS_PER_PAGE: u64 = 50;
/// Comments asked per page.
const COMMENTS_PER_PAGE: u64 = 100;

/// Syncs one LinkedIn organization connection (the outcome is recorded by
/// [`crate::sync`]).
pub(crate) async fn sync<S: Store + ConnectStore>(
    store: &S,
    connection: &StoredConnection,
    key: &SecretKey,
    secret: &InstallationSecret,
    options: &SyncOptions,
) -> Result<SyncSummary, ConnectError> {
    let (run, token) =
        Run::open(store, connection, key, secret, options.now, "linkedin_api").await?;
    let organization = organization(connection, &run.account, &run.network_id)?;
    let client = Client::new(&connection.api_base, token, options.pacing.clone())
        .map_err(|e| fail(connection, &run.account, e, ""))?;
    let mut sync = Sync {
        run,
        client,
        organization,
    };
    let cursor: Option<i64> = sync.run.cursor("posts").await?.and_then(|c| c.parse().ok());
    let recent = (options.now.unix() - RECENT_DAYS * 86_400) * 1000;
    let seen_until = match options.since {
        Some(t) => Some(t.unix() * 1000),
        None => cursor.map(|c| c.min(recent)),
    };
    let newest = sync.posts(seen_until).await?;
    sync.followers().await?;
    if let Some(n) = newest.into_iter().chain(cursor).max() {
        sync.run.set_cursor("posts", &n.to_string()).await?;
    }
    Ok(sync.run.finish())
}

/// The organization's URN, from the connection's network id.
pub(crate) fn organization(
    connection: &StoredConnection,
    account: &Account,
    network_id: &str,
) -> Result<String, ConnectError> {
    map::organization(network_id).ok_or_else(|| ConnectError::NetworkId {
        connection: connection.id.clone(),
        network: account.network,
        account: account.handle.clone(),
        value: network_id.to_string(),
    })
}

/// An API error as the user reads it: which connection, what to do.
pub(crate) fn fail(
    c: &StoredConnection,
    account: &Account,
    e: LiError,
    scope: &'static str,
) -> ConnectError {
    let connection = c.id.clone();
    match e {
        LiError::Unauthorized => ConnectError::Expired {
            connection,
            network: account.network,
            account: account.handle.clone(),
        },
        LiError::Forbidden(_) => ConnectError::Permission {
            connection,
            network: account.network,
            scope,
        },
        LiError::Limited => ConnectError::RateLimited { connection },
        LiError::Api { code, message } => ConnectError::Api {
            connection,
            code,
            message,
        },
        LiError::Http(detail) => ConnectError::Http { connection, detail },
    }
}

struct Sync<'a, S> {
    run: Run<'a, S>,
    client: Client,
    /// `urn:li:organization:{id}`.
    organization: String,
}

impl<S: Store + ConnectStore> Sync<'_, S> {
    fn fail(&self, e: LiError, scope: &'static str) -> ConnectError {
        fail(self.run.connection, &self.run.account, e, scope)
    }

    fn parse<T: DeserializeOwned>(&self, v: Value) -> Result<T, ConnectError> {
        self.run.parse(v)
    }

    /// One page of a listing: `base` at `start`, or LinkedIn's own link.
    async fn page(
        &self,
        base: &str,
        next: &Next,
        count: u64,
        scope: &'static str,
    ) -> Result<Value, ConnectError> {
        let answer = match next {
            Next::Link(href) => self.client.get_link(href).await,
            Next::Start(start) => {
                let sep = if base.contains('?') { '&' } else { '?' };
                let url = format!("{base}{sep}count={count}&start={start}");
                self.client.get(&url).await
            }
            Next::End => return Ok(Value::Null),
        };
        answer.map_err(|e| self.fail(e, scope))
    }

    /// The posts changed after `seen_until` (all of them without it), page
    /// by page; gives the newest change seen.
    async fn posts(&mut self, seen_until: Option<i64>) -> Result<Option<i64>, ConnectError> {
        let scope = "r_organization_social";
        let base = format!(
            "posts?q=author&author={}&sortBy=LAST_MODIFIED",
            encode(&self.organization)
        );
        let mut next = Next::Start(0);
        let mut newest = None;
        while next != Next::End {
            let answer = self.page(&base, &next, POSTS_PER_PAGE, scope).await?;
            let raw = answer.get("elements").cloned().unwrap_or(Value::Null);
            let listing: Listing<ApiPost> = self.parse(answer)?;
            next = map::next_page(listing.paging.as_ref(), listing.elements.len());
            let mut fresh = Vec::new();
            for p in listing.elements {
                if seen_until.is_some_and(|s| p.modified() <= s) {
                    next = Next::End;
                    break;
                }
                newest = newest.max(Some(p.modified()));
                fresh.push(p);
            }
            let mut batch = self.run.batch("posts", &[&raw]);
            for p in &fresh {
                let post = map::post(p, &self.run.account).map_err(|e| self.run.unexpected(e.0))?;
                batch.posts.extend(post);
            }
            let keys: Vec<PostKey> = batch.posts.iter().map(|p| p.key.clone()).collect();
            batch.metrics = self.statistics(&keys).await?;
            self.run.write(batch).await?;
            for key in &keys {
                self.comments(key).await?;
            }
        }
        Ok(newest)
    }

    /// The lifetime statistics of `posts`: one call for the shares, one for
    /// the ugcPosts (LinkedIn refuses both in one call).
    async fn statistics(
        &self,
        posts: &[PostKey],
    ) -> Result<Vec<relais_core::MetricSnapshot>, ConnectError> {
        let mut out = Vec::new();
        for (param, prefix) in [("shares", "urn:li:share:"), ("ugcPosts", "urn:li:ugcPost:")] {
            let urns = posts
                .iter()
                .map(|k| k.network_id.as_str())
                .filter(|u| u.starts_with(prefix));
            let urns: Vec<&str> = urns.collect();
            if urns.is_empty() {
                continue;
            }
            let url = format!(
                "organizationalEntityShareStatistics?q=organizationalEntity\
                 &organizationalEntity={}&{param}={}",
                encode(&self.organization),
                list(urns)
            );
            let answer = self
                .client
                .get(&url)
                .await
                .map_err(|e| self.fail(e, "rw_organization_admin"))?;
            let listing: Listing<ShareStatistics> = self.parse(answer)?;
            out.extend(map::statistics(
                &listing.elements,
                self.run.now,
                LINKEDIN_VERSION,
            ));
        }
        Ok(out)
    }

    /// Every page of the comments on `target` (a post's or a comment's
    /// URN), with the raw pages for the batch's digest.
    async fn listing(
        &self,
        target: &str,
        pages: &mut Vec<Value>,
    ) -> Result<Vec<ApiComment>, ConnectError> {
        let scope = "r_organization_social";
        let base = format!("socialActions/{}/comments", encode(target));
        let mut next = Next::Start(0);
        let mut out = Vec::new();
        while next != Next::End {
            let answer = self.page(&base, &next, COMMENTS_PER_PAGE, scope).await?;
            pages.push(answer.get("elements").cloned().unwrap_or(Value::Null));
            let listing: Listing<ApiComment> = self.parse(answer)?;
            next = map::next_page(listing.paging.as_ref(), listing.elements.len());
            out.extend(listing.elements);
        }
        Ok(out)
    }

    /// One post's comments and their replies, in one batch.
    async fn comments(&mut self, post: &PostKey) -> Result<(), ConnectError> {
        let urn = post.network_id.as_str();
        let mut pages = Vec::new();
        let mut found = Vec::new();
        for top in self.listing(urn, &mut pages).await? {
            let top_urn = top.urn().map_err(|e| self.run.unexpected(e.0))?;
            let replies = if top.may_have_replies() {
                self.listing(&top_urn, &mut pages).await?
            } else {
                Vec::new()
            };
            found.push((top, None));
            found.extend(replies.into_iter().map(|r| (r, Some(top_urn.clone()))));
        }
        // Posts are read again for two weeks: only comments newer than the
        // newest one already written count as new.
        let stream = format!("comments:{urn}");
        let seen: Option<i64> = self.run.cursor(&stream).await?.and_then(|v| v.parse().ok());
        let mut comments = Vec::with_capacity(found.len());
        for (c, parent) in &found {
            let comment = map::comment(
                c,
                post,
                parent.as_deref(),
                &self.organization,
                &self.run.account,
                self.run.secret,
            )
            .map_err(|e| self.run.unexpected(e.0))?;
            if seen.is_none_or(|t| comment.created_at.unix() > t) {
                comments.push(comment);
            }
        }
        self.run
            .write_details(&stream, &pages, Vec::new(), comments)
            .await
    }

    /// The organization's follower total.
    async fn followers(&mut self) -> Result<(), ConnectError> {
        let url = format!(
            "networkSizes/{}?edgeType=COMPANY_FOLLOWED_BY_MEMBER",
            encode(&self.organization)
        );
        let v = self
            .client
            .get(&url)
            .await
            .map_err(|e| self.fail(e, "r_organization_followers"))?;
        let Some(count) = v.get("firstDegreeSize").and_then(Value::as_i64) else {
            return Err(self.run.unexpected("networkSizes without firstDegreeSize"));
        };
        self.run
            .followers(count, "linkedin_api:firstDegreeSize")
            .await
    }
}
