//! The account's timeline (`GET /2/users/{id}/tweets`), every page to the
//! end: its posts with their metrics, and its replies kept for later (see
//! the parent module).
//!
//! Non-public metrics come only for posts younger than 30 days and a token
//! with user context: when X refuses them (a 403, or a `Field Authorization
//! Error` beside the data), the walk goes on with public metrics only and
//! says so once.

use relais_core::Timestamp;
use relais_store::{ConnectStore, Store};
use serde_json::Value;

use super::client::XError;
use super::map::{self, Page, Tweet};
use super::{Sync, data_of};
use crate::error::ConnectError;

const FIELDS: &str = "created_at,public_metrics,non_public_metrics,organic_metrics,\
    conversation_id,referenced_tweets";
const PUBLIC_FIELDS: &str = "created_at,public_metrics,conversation_id,referenced_tweets";

/// The cursor of the account's replies read but not yet written.
pub(super) const PENDING: &str = "replies:pending";

impl<S: Store + ConnectStore> Sync<'_, S> {
    /// Every page of the timeline since the `posts` cursor (or `since`);
    /// true when the walk reached its end, false when the budget stopped it.
    pub(super) async fn posts(&mut self, since: Option<Timestamp>) -> Result<bool, ConnectError> {
        let start = match since {
            Some(t) => Some(t.rfc3339()),
            None => self.run.cursor("posts").await?,
        };
        // A `--since` starts a new walk; otherwise an unfinished one goes on.
        let mut next = match since {
            Some(_) => None,
            None => self.run.cursor("posts:next").await?,
        }
        .filter(|t| !t.is_empty());
        let mut pending = self.pending().await?;
        loop {
            let Some(max) = self.budget.ask(1) else {
                self.stop();
                return Ok(false);
            };
            let (data, page) = self
                .timeline(max, start.as_deref(), next.as_deref())
                .await?;
            let mut batch = self.run.batch("posts", &[&data]);
            for t in page.data.iter().filter(|t| !map::is_reply(t)) {
                let (post, metrics) = map::post(t, &self.run.account, self.run.now)
                    .map_err(|e| self.run.unexpected(e.0))?;
                batch.posts.push(post);
                batch.metrics.extend(metrics);
            }
            self.run.write(batch).await?;
            let replies = page.data.iter().filter(|t| map::is_reply(t));
            let before = pending.len();
            pending.extend(replies.cloned());
            if pending.len() > before {
                let json = serde_json::to_string(&pending).map_err(|e| self.run.unexpected(e))?;
                self.run.set_cursor(PENDING, &json).await?;
            }
            self.paid(page.data.len() as u64).await?;
            next = page.meta.next_token;
            let token = next.as_deref().unwrap_or("");
            self.run.set_cursor("posts:next", token).await?;
            if next.is_none() {
                break;
            }
        }
        let now = self.run.now.rfc3339();
        self.run.set_cursor("posts", &now).await?;
        Ok(true)
    }

    /// The account's replies read and not yet written.
    pub(super) async fn pending(&self) -> Result<Vec<Tweet>, ConnectError> {
        match self.run.cursor(PENDING).await? {
            Some(json) if !json.is_empty() => {
                serde_json::from_str(&json).map_err(|e| self.run.unexpected(e))
            }
            _ => Ok(Vec::new()),
        }
    }

    /// One page of the timeline, with the non-public metrics while X gives
    /// them.
    async fn timeline(
        &mut self,
        max: u64,
        start: Option<&str>,
        next: Option<&str>,
    ) -> Result<(Value, Page<Tweet>), ConnectError> {
        let path = format!("users/{}/tweets", self.run.network_id);
        let max = max.to_string();
        loop {
            let fields = if self.private_fields {
                FIELDS
            } else {
                PUBLIC_FIELDS
            };
            let mut query = vec![
                ("max_results", max.as_str()),
                ("tweet.fields", fields),
                ("exclude", "retweets"),
            ];
            query.extend(start.map(|s| ("start_time", s)));
            query.extend(next.map(|t| ("pagination_token", t)));
            match self.client.get(&path, &query).await {
                Ok(v) => {
                    let data = data_of(&v);
                    let page: Page<Tweet> = self.run.parse(v)?;
                    let refused = map::refuses_private_fields(&page.errors, "");
                    if self.private_fields && refused {
                        self.public_only();
                        if page.data.is_empty() {
                            continue;
                        }
                    }
                    return Ok((data, page));
                }
                Err(XError::Status { status, message })
                    if self.private_fields
                        && matches!(status, 400 | 403)
                        && map::refuses_private_fields(&[], &message) =>
                {
                    self.public_only();
                }
                Err(e) => return Err(self.fail(e, "tweet.read")),
            }
        }
    }

    fn public_only(&mut self) {
        self.private_fields = false;
        self.run.notes.insert(
            "X refuse les métriques non publiques (non_public_metrics, organic_metrics) de \
             publications de plus de 30 jours ou sans contexte utilisateur : relais lit les \
             métriques publiques seules pour la suite. / X refuses non-public metrics \
             (non_public_metrics, organic_metrics) for posts older than 30 days or without user \
             context: relais reads public metrics only from there on."
                .to_string(),
        );
    }
}
