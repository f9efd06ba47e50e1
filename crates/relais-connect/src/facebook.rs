//! The sync of one Facebook Page connection, top to bottom: posts since the
//! last run (every `paging.next`), then for each post its comments and
//! replies and its insights; then the new comments of the posts of the last
//! 30 days (`watch`), the Page's daily insights (`page`), and the follower
//! count.
//!
//! Each page of posts is one [`ImportBatch`]; each post's comments (all
//! their pages, so that a reply and its parent land together) and insights
//! are another. A batch is recognised by a digest of the connection, the
//! stream, the run's time and the data, so a re-run or a resumed run writes
//! nothing twice. The `since` of the posts moves only when a run ends well:
//! an interrupted run is resumed by running again.
//!
//! [`ImportBatch`]: relais_core::ImportBatch

use std::collections::HashSet;

use relais_core::{Account, InstallationSecret, MetricSnapshot, PostKey};
use relais_store::{ConnectStore, Store, StoredConnection};
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::error::ConnectError;
use crate::graph::{Graph, GraphError};
use crate::insights;
use crate::map::{self, ApiComment, ApiPost, Insight, Listing};
use crate::run::{Run, SyncOptions, SyncSummary};
use crate::secret::SecretKey;

mod page;
mod watch;

const POST_FIELDS: &str = "id,created_time,message,permalink_url,status_type,shares,\
    reactions.summary(total_count).limit(0),comments.summary(total_count).limit(0)";
const COMMENT_FIELDS: &str = "id,from{id,name},message,created_time,comment_count,like_count,\
    parent{id},is_hidden,permalink_url";

/// Syncs one Facebook Page connection (the outcome is recorded by
/// [`crate::sync`]).
pub(crate) async fn sync<S: Store + ConnectStore>(
    store: &S,
    connection: &StoredConnection,
    key: &SecretKey,
    secret: &InstallationSecret,
    options: &SyncOptions,
) -> Result<SyncSummary, ConnectError> {
    let (run, token) = Run::open(
        store,
        connection,
        key,
        secret,
        options.now,
        "graph_api_facebook",
    )
    .await?;
    let graph = Graph::new(&connection.api_base, token, options.pacing.clone())
        .map_err(|e| fail(connection, &run.account, e, ""))?;
    // The metrics a past run learnt Meta answers on this API version.
    let learnt = format!("metrics:{}", graph.version());
    let metrics = match run.cursor(&learnt).await? {
        Some(list) => list
            .split(',')
            .filter(|m| !m.is_empty())
            .map(str::to_string)
            .collect(),
        None => map::POST_METRICS.iter().map(|m| m.to_string()).collect(),
    };
    let mut sync = Sync {
        version: graph.version(),
        graph,
        metrics,
        seen: HashSet::new(),
        run,
    };
    let since = match options.since {
        Some(t) => Some(t.unix().to_string()),
        None => sync.run.cursor("posts").await?,
    };
    sync.posts(since).await?;
    sync.watch().await?;
    sync.page_insights().await?;
    sync.followers().await?;
    sync.run
        .set_cursor(&learnt, &sync.metrics.join(","))
        .await?;
    sync.run
        .set_cursor("posts", &options.now.unix().to_string())
        .await?;
    Ok(sync.run.finish())
}

/// An API error as the user reads it: which connection, what to do.
pub(crate) fn fail(
    c: &StoredConnection,
    account: &Account,
    e: GraphError,
    scope: &'static str,
) -> ConnectError {
    let connection = c.id.clone();
    match e {
        GraphError::Api { code: 190, .. } => ConnectError::Expired {
            connection,
            network: account.network,
            account: account.handle.clone(),
        },
        GraphError::Api { code, .. } if code == 10 || (200..300).contains(&code) => {
            ConnectError::Permission {
                connection,
                network: account.network,
                scope,
            }
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
    run: Run<'a, S>,
    graph: Graph,
    version: String,
    /// The insights metrics asked, with successors once Meta refused one.
    metrics: Vec<String>,
    /// The posts whose details this run has read.
    seen: HashSet<String>,
}

/// What to read of a post's details.
#[derive(Debug, Clone, Copy)]
struct Detail {
    /// Only comments created after then (unix seconds): paging stops at
    /// the first older one (comments come newest first).
    newer_than: Option<i64>,
    insights: bool,
}

impl Detail {
    const ALL: Detail = Detail {
        newer_than: None,
        insights: true,
    };
}

impl<S: Store + ConnectStore> Sync<'_, S> {
    fn fail(&self, e: GraphError, scope: &'static str) -> ConnectError {
        fail(self.run.connection, &self.run.account, e, scope)
    }

    fn parse<T: DeserializeOwned>(&self, v: Value) -> Result<T, ConnectError> {
        self.run.parse(v)
    }

    fn unexpected(&self, detail: String) -> ConnectError {
        self.run.unexpected(detail)
    }

    /// Every page of posts; each page written, then each post's details.
    async fn posts(&mut self, since: Option<String>) -> Result<(), ConnectError> {
        let scope = "pages_read_engagement";
        let mut query = vec![("fields", POST_FIELDS), ("limit", "100")];
        if let Some(s) = &since {
            query.push(("since", s.as_str()));
        }
        let path = format!("{}/posts", self.run.network_id);
        let mut answer = self
            .graph
            .get(&path, &query)
            .await
            .map_err(|e| self.fail(e, scope))?;
        loop {
            let data = answer.get("data").cloned().unwrap_or(Value::Null);
            let listing: Listing<ApiPost> = self.parse(answer)?;
            let mut batch = self.run.batch("posts", &[&data]);
            for p in &listing.data {
                let (post, counts) = map::post(p, &self.run.account, self.run.now, &self.version)
                    .map_err(|e| self.unexpected(e.0))?;
                batch.posts.push(post);
                batch.metrics.extend(counts);
            }
            self.run.write(batch).await?;
            for p in &listing.data {
                self.details(&p.id, Detail::ALL).await?;
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

    /// One post's comments (every page, or the new ones) and insights, in
    /// one batch.
    async fn details(&mut self, post_id: &str, what: Detail) -> Result<(), ConnectError> {
        self.seen.insert(post_id.to_string());
        let scope = "pages_read_user_content";
        let post = map::post_key(post_id).map_err(|e| self.unexpected(e.0))?;
        let query = [
            ("fields", COMMENT_FIELDS),
            ("filter", "stream"),
            ("order", "reverse_chronological"),
            ("limit", "100"),
        ];
        let path = format!("{post_id}/comments");
        // Comments come newest first: a page reaching one already seen is
        // the last needed.
        let seen = |page: &Value| {
            what.newer_than.is_some_and(|t| {
                page.as_array().is_some_and(|all| {
                    all.iter().any(|c| {
                        c.get("created_time")
                            .and_then(Value::as_str)
                            .and_then(|raw| map::time(raw).ok())
                            .is_some_and(|at| at.unix() <= t)
                    })
                })
            })
        };
        let pages = self
            .graph
            .pages_until(&path, &query, seen)
            .await
            .map_err(|e| self.fail(e, scope))?;
        let mut comments: Vec<ApiComment> = Vec::new();
        for page in &pages {
            for c in self.parse::<Vec<ApiComment>>(page.clone())? {
                let created = map::time(&c.created_time).map_err(|e| self.unexpected(e.0))?;
                if what.newer_than.is_none_or(|t| created.unix() > t) {
                    comments.push(c);
                }
            }
        }
        let insights = if what.insights {
            self.insights(&post).await?
        } else {
            Vec::new()
        };
        let mut batch = Vec::with_capacity(comments.len());
        for c in &comments {
            batch.push(
                map::comment(c, &post, &self.run.account, self.run.secret)
                    .map_err(|e| self.unexpected(e.0))?,
            );
        }
        let stream = format!("comments:{post_id}");
        self.run
            .write_details(&stream, &pages, insights, batch)
            .await?;
        if what.insights {
            let today = watch::day(self.run.now);
            self.run
                .set_cursor(&format!("insights:{post_id}"), &today)
                .await?;
        }
        Ok(())
    }

    /// The post's insights (see [`insights::ask`]).
    async fn insights(&mut self, post: &PostKey) -> Result<Vec<MetricSnapshot>, ConnectError> {
        let path = format!("{}/insights", post.network_id);
        let how = insights::Ask {
            path: &path,
            fallback: map::fallback,
            kind: None,
        };
        let answers = insights::ask(&self.graph, &how, &mut self.metrics, &mut self.run.notes)
            .await
            .map_err(|e| self.fail(e, "read_insights"))?;
        let mut out = Vec::new();
        for v in answers {
            out.extend(self.snapshots(v, post)?);
        }
        Ok(out)
    }

    fn snapshots(&self, v: Value, post: &PostKey) -> Result<Vec<MetricSnapshot>, ConnectError> {
        let listing: Listing<Insight> = self.parse(v)?;
        Ok(map::insights(
            &listing.data,
            map::metric_of,
            post,
            self.run.now,
            &self.version,
        ))
    }

    async fn followers(&mut self) -> Result<(), ConnectError> {
        let path = self.run.network_id.clone();
        let v = self
            .graph
            .get(&path, &[("fields", "followers_count,fan_count")])
            .await
            .map_err(|e| self.fail(e, "pages_read_engagement"))?;
        let read = |f: &'static str| v.get(f).and_then(Value::as_i64).map(|n| (n, f));
        let Some((count, field)) = read("followers_count").or_else(|| read("fan_count")) else {
            return Ok(());
        };
        self.run
            .followers(count, &format!("graph_api:{field}"))
            .await
    }
}
