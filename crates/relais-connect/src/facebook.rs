//! The sync of one Facebook Page connection, top to bottom: posts since the
//! last run (every `paging.next`), then for each post its comments and
//! replies and its insights, then the follower count.
//!
//! Each page of posts is one [`ImportBatch`]; each post's comments (all
//! their pages, so that a reply and its parent land together) and insights
//! are another. A batch is recognised by a digest of the connection, the
//! stream, the run's time and the data, so a re-run or a resumed run writes
//! nothing twice. The `since` of the posts moves only when a run ends well:
//! an interrupted run is resumed by running again.

use std::collections::BTreeSet;

use relais_core::{
    Account, BatchComment, ImportBatch, InstallationSecret, MetricSnapshot, PostKey, Timestamp,
};
use relais_store::{ConnectStore, ImportOutcome, Store, StoredConnection};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;
use sha2::{Digest, Sha256};

use crate::error::ConnectError;
use crate::graph::{Graph, GraphError, Pacing};
use crate::map::{self, ApiComment, ApiPost, Insight, Listing};
use crate::secret::SecretKey;

const POST_FIELDS: &str = "id,created_time,message,permalink_url,status_type,shares,\
    reactions.summary(total_count).limit(0),comments.summary(total_count).limit(0)";
const COMMENT_FIELDS: &str = "id,from{id,name},message,created_time,comment_count,like_count,\
    parent{id},is_hidden,permalink_url";

/// How a run goes.
#[derive(Debug, Clone)]
pub struct SyncOptions {
    /// Posts published from then on; by default since the last good run.
    pub since: Option<Timestamp>,
    /// The run's time: metric snapshots are observed then.
    pub now: Timestamp,
    pub pacing: Pacing,
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
}

/// Syncs one Facebook Page connection and records the run's outcome.
pub async fn sync_facebook<S: Store + ConnectStore>(
    store: &S,
    connection: &StoredConnection,
    key: &SecretKey,
    secret: &InstallationSecret,
    options: &SyncOptions,
) -> Result<SyncSummary, ConnectError> {
    let result = run(store, connection, key, secret, options).await;
    let error = result.as_ref().err().map(|e| e.to_string());
    store
        .record_run(&connection.id, options.now.unix(), error.as_deref(), None)
        .await?;
    result
}

async fn run<S: Store + ConnectStore>(
    store: &S,
    connection: &StoredConnection,
    key: &SecretKey,
    secret: &InstallationSecret,
    options: &SyncOptions,
) -> Result<SyncSummary, ConnectError> {
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
    let graph = Graph::new(&connection.api_base, token, options.pacing.clone())
        .map_err(|e| fail(connection, &account, e, ""))?;
    let mut sync = Sync {
        store,
        version: graph.version(),
        graph,
        connection,
        account,
        secret,
        now: options.now,
        metrics: map::POST_METRICS.iter().map(|m| m.to_string()).collect(),
        notes: BTreeSet::new(),
        summary: SyncSummary {
            connection: connection.id.clone(),
            ..SyncSummary::default()
        },
    };
    let since = match options.since {
        Some(t) => Some(t.unix().to_string()),
        None => store.cursor(&connection.id, "posts").await?,
    };
    sync.posts(since).await?;
    sync.followers().await?;
    store
        .set_cursor(
            &connection.id,
            "posts",
            &options.now.unix().to_string(),
            options.now.unix(),
        )
        .await?;
    sync.summary.notes = sync.notes.into_iter().collect();
    Ok(sync.summary)
}

/// An API error as the user reads it: which connection, what to do.
fn fail(
    c: &StoredConnection,
    account: &Account,
    e: GraphError,
    scope: &'static str,
) -> ConnectError {
    let connection = c.id.clone();
    match e {
        GraphError::Api { code: 190, .. } => ConnectError::Expired {
            connection,
            account: account.handle.clone(),
        },
        GraphError::Api { code, .. } if code == 10 || (200..300).contains(&code) => {
            ConnectError::Permission { connection, scope }
        }
        GraphError::Api { code, message, .. } => ConnectError::Api {
            connection,
            code,
            message,
        },
        GraphError::Limited => ConnectError::RateLimited { connection },
        GraphError::Http(detail) => ConnectError::Http { connection, detail },
    }
}

struct Sync<'a, S> {
    store: &'a S,
    graph: Graph,
    version: String,
    connection: &'a StoredConnection,
    account: Account,
    secret: &'a InstallationSecret,
    now: Timestamp,
    /// The insights metrics asked, with successors once Meta refused one.
    metrics: Vec<String>,
    notes: BTreeSet<String>,
    summary: SyncSummary,
}

impl<S: Store + ConnectStore> Sync<'_, S> {
    fn fail(&self, e: GraphError, scope: &'static str) -> ConnectError {
        fail(self.connection, &self.account, e, scope)
    }

    fn parse<T: DeserializeOwned>(&self, v: Value) -> Result<T, ConnectError> {
        serde_json::from_value(v).map_err(|e| self.unexpected(e.to_string()))
    }

    fn unexpected(&self, detail: String) -> ConnectError {
        ConnectError::Http {
            connection: self.connection.id.clone(),
            detail: format!("unexpected answer: {detail}"),
        }
    }

    /// Every page of posts; each page written, then each post's details.
    async fn posts(&mut self, since: Option<String>) -> Result<(), ConnectError> {
        let scope = "pages_read_engagement";
        let mut query = vec![("fields", POST_FIELDS), ("limit", "100")];
        if let Some(s) = &since {
            query.push(("since", s.as_str()));
        }
        let path = format!("{}/posts", self.account.network_id);
        let mut answer = self
            .graph
            .get(&path, &query)
            .await
            .map_err(|e| self.fail(e, scope))?;
        loop {
            let data = answer.get("data").cloned().unwrap_or(Value::Null);
            let listing: Listing<ApiPost> = self.parse(answer)?;
            let mut batch = self.batch("posts", &[&data]);
            for p in &listing.data {
                let (post, counts) = map::post(p, &self.account, self.now, &self.version)
                    .map_err(|e| self.unexpected(e.0))?;
                batch.posts.push(post);
                batch.metrics.extend(counts);
            }
            self.write(batch).await?;
            for p in &listing.data {
                self.details(&p.id).await?;
            }
            let Some(next) = listing.paging.and_then(|p| p.next) else {
                return Ok(());
            };
            answer = self
                .graph
                .get_url(&next)
                .await
                .map_err(|e| self.fail(e, scope))?;
        }
    }

    /// One post's comments (every page) and insights, in one batch.
    async fn details(&mut self, post_id: &str) -> Result<(), ConnectError> {
        let scope = "pages_read_user_content";
        let post = map::post_key(post_id).map_err(|e| self.unexpected(e.0))?;
        let query = [
            ("fields", COMMENT_FIELDS),
            ("filter", "stream"),
            ("order", "reverse_chronological"),
            ("limit", "100"),
        ];
        let path = format!("{post_id}/comments");
        let mut answer = self
            .graph
            .get(&path, &query)
            .await
            .map_err(|e| self.fail(e, scope))?;
        let mut pages = Vec::new();
        let mut comments: Vec<ApiComment> = Vec::new();
        loop {
            pages.push(answer.get("data").cloned().unwrap_or(Value::Null));
            let listing: Listing<ApiComment> = self.parse(answer)?;
            comments.extend(listing.data);
            let Some(next) = listing.paging.and_then(|p| p.next) else {
                break;
            };
            answer = self
                .graph
                .get_url(&next)
                .await
                .map_err(|e| self.fail(e, scope))?;
        }
        let insights = self.insights(&post).await?;
        let stream = format!("comments:{post_id}");
        let mut refs: Vec<&Value> = pages.iter().collect();
        let snapshot_values: Vec<Value> = insights
            .iter()
            .map(|m| serde_json::json!([m.source.origin, m.value]))
            .collect();
        let snapshot_values = Value::Array(snapshot_values);
        refs.push(&snapshot_values);
        let mut batch = self.batch(&stream, &refs);
        batch.metrics = insights;
        for (line, c) in comments.iter().enumerate() {
            let comment = map::comment(c, &post, &self.account, self.secret)
                .map_err(|e| self.unexpected(e.0))?;
            batch.comments.push(BatchComment {
                line: line as u64 + 1,
                comment,
            });
        }
        let newest = batch
            .comments
            .iter()
            .map(|c| c.comment.created_at.unix())
            .max();
        self.write(batch).await?;
        if let Some(newest) = newest {
            self.store
                .set_cursor(
                    &self.connection.id,
                    &stream,
                    &newest.to_string(),
                    self.now.unix(),
                )
                .await?;
        }
        Ok(())
    }

    /// The post's insights; a metric Meta refuses (code 100) is asked alone,
    /// then replaced by its successor, which later posts ask directly.
    async fn insights(&mut self, post: &PostKey) -> Result<Vec<MetricSnapshot>, ConnectError> {
        let path = format!("{}/insights", post.network_id);
        let all = self.metrics.join(",");
        match self.graph.get(&path, &[("metric", &all)]).await {
            Ok(v) => return self.snapshots(v, post),
            Err(GraphError::Api { code: 100, .. }) => {}
            Err(e) => return Err(self.fail(e, "read_insights")),
        }
        let mut out = Vec::new();
        for i in 0..self.metrics.len() {
            let mut name = self.metrics[i].clone();
            loop {
                match self.graph.get(&path, &[("metric", &name)]).await {
                    Ok(v) => {
                        out.extend(self.snapshots(v, post)?);
                        break;
                    }
                    Err(GraphError::Api { code: 100, .. }) => {
                        let Some(next) =
                            map::fallback(&name).filter(|n| !self.metrics.iter().any(|m| m == n))
                        else {
                            self.notes.insert(format!(
                                "Meta refuse la métrique {name} (code 100) : elle n'est plus lue. \
                                 / Meta refuses metric {name} (code 100): it is no longer read."
                            ));
                            self.metrics[i] = String::new();
                            break;
                        };
                        self.notes.insert(format!(
                            "Meta refuse la métrique {name} (code 100) : relais lit {next} à la \
                             place, une série distincte. / Meta refuses metric {name} (code 100): \
                             relais reads {next} instead, a separate series."
                        ));
                        self.metrics[i] = next.to_string();
                        name = next.to_string();
                    }
                    Err(e) => return Err(self.fail(e, "read_insights")),
                }
            }
        }
        self.metrics.retain(|m| !m.is_empty());
        Ok(out)
    }

    fn snapshots(&self, v: Value, post: &PostKey) -> Result<Vec<MetricSnapshot>, ConnectError> {
        let listing: Listing<Insight> = self.parse(v)?;
        Ok(map::insights(&listing.data, post, self.now, &self.version))
    }

    async fn followers(&mut self) -> Result<(), ConnectError> {
        let path = self.account.network_id.to_string();
        let v = self
            .graph
            .get(&path, &[("fields", "followers_count,fan_count")])
            .await
            .map_err(|e| self.fail(e, "pages_read_engagement"))?;
        let read = |f: &'static str| v.get(f).and_then(Value::as_i64).map(|n| (n, f));
        let Some((count, field)) = read("followers_count").or_else(|| read("fan_count")) else {
            return Ok(());
        };
        let day = self.now.utc().date_naive().format("%Y-%m-%d").to_string();
        let source = format!("graph_api:{field}");
        self.store
            .record_followers(&self.account.id, &day, count, &source)
            .await?;
        self.summary.followers = Some(count);
        Ok(())
    }

    /// An empty batch of this run for `stream`, its digest made from `data`.
    fn batch(&self, stream: &str, data: &[&Value]) -> ImportBatch {
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
            file_name: format!("graph_api/{}/{stream}", self.connection.id),
            format: "graph_api_facebook".to_string(),
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

    async fn write(&mut self, mut batch: ImportBatch) -> Result<(), ConnectError> {
        if batch.posts.is_empty() && batch.comments.is_empty() && batch.metrics.is_empty() {
            return Ok(());
        }
        batch.rows = (batch.posts.len() + batch.comments.len() + batch.metrics.len()) as u64;
        let out: ImportOutcome = self.store.import_batch(&batch, false).await?;
        let s = &mut self.summary;
        s.posts += out.posts_new + out.posts_updated;
        s.comments += (out.comments_new + out.comments_updated).saturating_sub(out.replies);
        s.replies += out.replies;
        s.metrics += out.snapshots;
        Ok(())
    }
}
