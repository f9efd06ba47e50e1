//! The inbox: the account's mentions (`GET /2/users/{id}/mentions`) since
//! the newest one seen, every page to the end, then the account's own
//! replies read from its timeline.
//!
//! A mention is a comment on the account's post it answers, or on the
//! conversation's root when that is the account's post (relais knows it,
//! from a sync or an import). Any other mention (someone naming the account
//! in a conversation of their own) has no post of the account to hang on:
//! it is not kept, and the run says how many. The walk's progress (the
//! next page's token, the newest id of its first page) is kept after each
//! page, so that an interrupted walk resumes without losing older pages.

use std::collections::BTreeSet;

use relais_core::BatchComment;
use relais_store::{ConnectStore, Store};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::map::{self, Page, Tweet, User};
use super::posts::PENDING;
use super::{Sync, data_of};
use crate::error::ConnectError;

const TWEET_FIELDS: &str = "created_at,conversation_id,in_reply_to_user_id,referenced_tweets";

/// Where an unfinished mentions walk stands.
#[derive(Debug, Default, Serialize, Deserialize)]
struct Walk {
    next: Option<String>,
    /// The newest mention of the walk: the next walk's `since_id`.
    newest: Option<String>,
}

impl<S: Store + ConnectStore> Sync<'_, S> {
    /// Every page of mentions; true when the walk reached its end.
    pub(super) async fn mentions(&mut self) -> Result<bool, ConnectError> {
        if self.spent {
            return Ok(false);
        }
        let since = self.run.cursor("mentions").await?.filter(|s| !s.is_empty());
        let mut walk: Walk = match self.run.cursor("mentions:next").await? {
            Some(json) if !json.is_empty() => {
                serde_json::from_str(&json).map_err(|e| self.run.unexpected(e))?
            }
            _ => Walk::default(),
        };
        let mut outside = 0;
        loop {
            // One author may come with each mention: two reads a result.
            let Some(max) = self.budget.ask(2) else {
                self.stop();
                self.outside(outside);
                return Ok(false);
            };
            let (v, page) = self
                .mentions_page(max, since.as_deref(), walk.next.as_deref())
                .await?;
            walk.newest = walk.newest.or(page.meta.newest_id.clone());
            outside += self
                .write_mentions(&v, &page.data, &page.includes.users)
                .await?;
            self.paid((page.data.len() + page.includes.users.len()) as u64)
                .await?;
            walk.next = page.meta.next_token;
            let json = serde_json::to_string(&walk).map_err(|e| self.run.unexpected(e))?;
            self.run.set_cursor("mentions:next", &json).await?;
            if walk.next.is_none() {
                break;
            }
        }
        self.outside(outside);
        if let Some(newest) = &walk.newest {
            self.run.set_cursor("mentions", newest).await?;
        }
        self.run.set_cursor("mentions:next", "").await?;
        Ok(true)
    }

    async fn mentions_page(
        &self,
        max: u64,
        since: Option<&str>,
        next: Option<&str>,
    ) -> Result<(Value, Page<Tweet>), ConnectError> {
        let path = format!("users/{}/mentions", self.run.network_id);
        let max = max.to_string();
        let mut query = vec![
            ("max_results", max.as_str()),
            ("expansions", "author_id"),
            ("user.fields", "username,name"),
            ("tweet.fields", TWEET_FIELDS),
        ];
        query.extend(since.map(|s| ("since_id", s)));
        query.extend(next.map(|t| ("pagination_token", t)));
        let v = self
            .client
            .get(&path, &query)
            .await
            .map_err(|e| self.fail(e, "tweet.read"))?;
        let page = self.run.parse(v.clone())?;
        Ok((v, page))
    }

    /// One page of mentions in one batch; gives how many had no post of the
    /// account to go on.
    async fn write_mentions(
        &mut self,
        v: &Value,
        mentions: &[Tweet],
        users: &[User],
    ) -> Result<u64, ConnectError> {
        let includes = v.get("includes").cloned().unwrap_or(Value::Null);
        let batch = self.run.batch("mentions", &[&data_of(v), &includes]);
        self.write_comments(batch, mentions, users).await
    }

    /// The account's replies read from its timeline, now that what they
    /// answer is written.
    pub(super) async fn replies(&mut self) -> Result<(), ConnectError> {
        let pending = self.pending().await?;
        if pending.is_empty() {
            return Ok(());
        }
        let json = serde_json::to_value(&pending).map_err(|e| self.run.unexpected(e))?;
        let batch = self.run.batch("replies", &[&json]);
        let outside = self.write_comments(batch, &pending, &[]).await?;
        if outside > 0 {
            self.run.notes.insert(format!(
                "{outside} réponse(s) du compte dans des conversations d'autres comptes : elles \
                 ne sont pas gardées. / {outside} reply(ies) of the account in other accounts' \
                 conversations: not kept."
            ));
        }
        self.run.set_cursor(PENDING, "").await
    }

    /// Writes `tweets` as comments on the account's known posts; gives how
    /// many had none to go on.
    async fn write_comments(
        &mut self,
        mut batch: relais_core::ImportBatch,
        tweets: &[Tweet],
        users: &[User],
    ) -> Result<u64, ConnectError> {
        let own = self.own_posts(tweets).await?;
        let mut outside = 0;
        for t in tweets {
            let target = map::thread(t, &own).map_err(|e| self.run.unexpected(e.0))?;
            let Some(target) = target else {
                outside += 1;
                continue;
            };
            let comment = map::comment(t, target, users, &self.run.account, self.run.secret)
                .map_err(|e| self.run.unexpected(e.0))?;
            batch.comments.push(BatchComment {
                line: batch.comments.len() as u64 + 1,
                comment,
            });
        }
        self.run.write(batch).await?;
        Ok(outside)
    }

    /// Which of the posts these tweets may hang on relais knows as the
    /// account's.
    async fn own_posts(&self, tweets: &[Tweet]) -> Result<BTreeSet<String>, ConnectError> {
        let ids: Vec<String> = tweets.iter().flat_map(map::candidates).collect();
        let known = self.run.store.post_accounts(&ids).await?;
        Ok(known
            .into_iter()
            .filter(|(_, account)| *account == self.run.account.id)
            .map(|(id, _)| id)
            .collect())
    }

    fn outside(&mut self, n: u64) {
        if n > 0 {
            self.run.notes.insert(format!(
                "{n} mention(s) du compte hors de ses publications connues : elles ne sont pas \
                 gardées (relais range un commentaire sous une publication). / {n} mention(s) of \
                 the account outside its known posts: not kept (relais files a comment under a \
                 post)."
            ));
        }
    }
}
