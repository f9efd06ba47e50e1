//! What every network's sync shares: the options and summary of a run, the
//! connection opened (its account, its token decrypted), and the writing of
//! batches.
//!
//! A batch is recognised by a digest of the connection, the stream, the
//! run's time and the data, so a re-run or a resumed run writes nothing
//! twice. Each network's module fetches and maps; [`Run`] writes.

use std::collections::BTreeSet;

use relais_core::{
    Account, BatchComment, Comment, ImportBatch, InstallationSecret, MetricSnapshot, Timestamp,
};
use relais_store::{ConnectStore, ImportOutcome, Store, StoredConnection};
use serde::Serialize;
use serde_json::Value;
use sha2::{Digest, Sha256};

use crate::error::ConnectError;
use crate::graph::Pacing;
use crate::secret::{SecretKey, Token};

/// How a run goes.
#[derive(Debug, Clone)]
pub struct SyncOptions {
    /// Posts published from then on; by default since the last good run.
    pub since: Option<Timestamp>,
    /// The run's time: metric snapshots are observed then.
    pub now: Timestamp,
    pub pacing: Pacing,
    /// X: the most posts and users an X connection may read in a calendar
    /// month (UTC). X bills each ($0.005 a post, $0.010 a user, 2026); a run
    /// that reaches it stops cleanly and the next month resumes.
    /// [`crate::DEFAULT_X_POST_READS_PER_MONTH`] unless told otherwise.
    pub x_post_reads_per_month: u64,
}

/// What one run wrote.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct SyncSummary {
    pub connection: String,
    pub posts: u64,
    /// People's comments and replies.
    pub comments: u64,
    /// The landlord's replies.
    pub replies: u64,
    pub metrics: u64,
    pub followers: Option<i64>,
    /// Things said once (a metric replaced by its successor…).
    pub notes: Vec<String>,
    /// Reads billed by the network (X), for networks that bill them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reads: Option<Reads>,
}

/// The reads a run paid for (X bills every post and user it returns).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Reads {
    /// Read by this run.
    pub run: u64,
    /// Read this calendar month (UTC), this run included.
    pub month: u64,
    /// The monthly budget.
    pub budget: u64,
}

/// The cursor stream holding the network's own id of the account when it
/// differs from the one imports gave (`relais connect --network-id`).
pub const NETWORK_ID_STREAM: &str = "network_id";

/// How long a post is watched for new comments after it is published (the
/// networks do not say a post changed when someone comments it).
pub(crate) const WATCH_DAYS: i64 = 30;

/// The account of `connection`, its id on the network (the connection's
/// own, or the account's) and the decrypted token: what a run, a reply or
/// a hide starts from.
pub(crate) async fn open_account<S: Store + ConnectStore>(
    store: &S,
    connection: &StoredConnection,
    key: &SecretKey,
) -> Result<(Account, String, Token), ConnectError> {
    let account = store
        .accounts()
        .await?
        .into_iter()
        .find(|a| a.id == connection.account)
        .ok_or_else(|| ConnectError::Http {
            connection: connection.id.clone(),
            detail: format!("account {} is gone", connection.account),
        })?;
    let token = key.decrypt(
        &connection.id,
        &connection.token_ciphertext,
        &connection.token_nonce,
    )?;
    let network_id = match store.cursor(&connection.id, NETWORK_ID_STREAM).await? {
        Some(id) => id,
        None => account.network_id.to_string(),
    };
    Ok((account, network_id, token))
}

/// One run of one connection: where it writes and what it wrote so far.
pub(crate) struct Run<'a, S> {
    pub store: &'a S,
    pub connection: &'a StoredConnection,
    pub account: Account,
    /// The account's id on the network (the connection's own, or the
    /// account's).
    pub network_id: String,
    pub secret: &'a InstallationSecret,
    pub now: Timestamp,
    /// The batches' format (`graph_api_facebook`…).
    pub format: &'static str,
    pub notes: BTreeSet<String>,
    pub summary: SyncSummary,
}

impl<'a, S: Store + ConnectStore> Run<'a, S> {
    /// Opens `connection`: finds its account and decrypts its token.
    pub async fn open(
        store: &'a S,
        connection: &'a StoredConnection,
        key: &SecretKey,
        secret: &'a InstallationSecret,
        now: Timestamp,
        format: &'static str,
    ) -> Result<(Self, Token), ConnectError> {
        let (account, network_id, token) = open_account(store, connection, key).await?;
        let run = Self {
            store,
            connection,
            account,
            network_id,
            secret,
            now,
            format,
            notes: BTreeSet::new(),
            summary: SyncSummary {
                connection: connection.id.clone(),
                ..SyncSummary::default()
            },
        };
        Ok((run, token))
    }

    /// An answer that is not what the API documents.
    pub fn unexpected(&self, detail: impl std::fmt::Display) -> ConnectError {
        ConnectError::Http {
            connection: self.connection.id.clone(),
            detail: format!("unexpected answer: {detail}"),
        }
    }

    /// Reads a JSON answer into its documented shape.
    pub fn parse<T: serde::de::DeserializeOwned>(&self, v: Value) -> Result<T, ConnectError> {
        serde_json::from_value(v).map_err(|e| self.unexpected(e))
    }

    /// An empty batch of this run for `stream`, its digest made from `data`.
    pub fn batch(&self, stream: &str, data: &[&Value]) -> ImportBatch {
        let mut h = Sha256::new();
        for part in [
            self.connection.id.as_str(),
            stream,
            &self.now.unix().to_string(),
        ] {
            h.update(part.as_bytes());
            h.update([0]);
        }
        for d in data {
            h.update(d.to_string().as_bytes());
        }
        ImportBatch {
            digest: hex::encode(h.finalize()),
            file_name: format!("api/{}/{stream}", self.connection.id),
            format: self.format.to_string(),
            account: Some(self.account.id.clone()),
            imported_at: self.now,
            rows: 0,
            new_accounts: Vec::new(),
            posts: Vec::new(),
            metrics: Vec::new(),
            daily: Vec::new(),
            comments: Vec::new(),
        }
    }

    /// Writes a batch in one transaction (nothing when it is empty) and
    /// counts what it brought.
    pub async fn write(&mut self, mut batch: ImportBatch) -> Result<(), ConnectError> {
        if batch.posts.is_empty()
            && batch.comments.is_empty()
            && batch.metrics.is_empty()
            && batch.daily.is_empty()
        {
            return Ok(());
        }
        batch.rows =
            (batch.posts.len() + batch.comments.len() + batch.metrics.len() + batch.daily.len())
                as u64;
        let out: ImportOutcome = self.store.import_batch(&batch, false).await?;
        let s = &mut self.summary;
        s.posts += out.posts_new + out.posts_updated;
        s.comments += (out.comments_new + out.comments_updated).saturating_sub(out.replies);
        s.replies += out.replies;
        s.metrics += out.snapshots + out.daily_values;
        Ok(())
    }

    /// Records today's follower count; `source` names the API field
    /// (`graph_api:followers_count`).
    pub async fn followers(&mut self, count: i64, source: &str) -> Result<(), ConnectError> {
        let day = self.now.utc().date_naive().format("%Y-%m-%d").to_string();
        self.store
            .record_followers(&self.account.id, &day, count, source)
            .await?;
        self.summary.followers = Some(count);
        Ok(())
    }

    /// A cursor of this connection.
    pub async fn cursor(&self, stream: &str) -> Result<Option<String>, ConnectError> {
        Ok(self.store.cursor(&self.connection.id, stream).await?)
    }

    /// Sets a cursor of this connection.
    pub async fn set_cursor(&self, stream: &str, value: &str) -> Result<(), ConnectError> {
        Ok(self
            .store
            .set_cursor(&self.connection.id, stream, value, self.now.unix())
            .await?)
    }

    /// Writes one post's comments (every page of them, `pages` as the API
    /// gave them) and insights as one batch of `stream`, then sets that
    /// stream's cursor to the newest comment's time.
    pub async fn write_details(
        &mut self,
        stream: &str,
        pages: &[Value],
        insights: Vec<MetricSnapshot>,
        comments: Vec<Comment>,
    ) -> Result<(), ConnectError> {
        let snapshots = Value::Array(
            insights
                .iter()
                .map(|m| serde_json::json!([m.source.origin, m.value]))
                .collect(),
        );
        let mut refs: Vec<&Value> = pages.iter().collect();
        refs.push(&snapshots);
        let mut batch = self.batch(stream, &refs);
        batch.metrics = insights;
        let newest = comments.iter().map(|c| c.created_at.unix()).max();
        batch.comments = comments
            .into_iter()
            .enumerate()
            .map(|(line, comment)| BatchComment {
                line: line as u64 + 1,
                comment,
            })
            .collect();
        self.write(batch).await?;
        if let Some(newest) = newest {
            self.set_cursor(stream, &newest.to_string()).await?;
        }
        Ok(())
    }

    /// The summary, with the notes said during the run.
    pub fn finish(mut self) -> SyncSummary {
        self.summary.notes = std::mem::take(&mut self.notes).into_iter().collect();
        self.summary
    }
}
