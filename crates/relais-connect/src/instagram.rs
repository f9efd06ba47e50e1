//! The sync of one Instagram professional account connection, top to
//! bottom: the account (its username, its follower count), then its media,
//! newest first, page after page until the end or until a media no newer
//! than the last run's newest (or older than `--since`); for each media its
//! comments (replies nested in them) and its insights.
//!
//! Same host and client as Facebook ([`Graph`]); `Run::network_id` is the
//! IG user id. Each page of media is one [`ImportBatch`]; each media's
//! comments (all their pages) and insights are another. The `posts` cursor
//! (the newest media's time) moves only when a run ends well: an
//! interrupted run is resumed by running again.
//!
//! Insights: a metric Meta refuses (code 100) is learnt per kind of media
//! (`REELS`, `FEED`…) since some metrics exist for some kinds only; a media
//! below Meta's viewer threshold (error #10) has no insights, which is not
//! a failure; an empty answer gives no snapshot, never 0.
//!
//! [`ImportBatch`]: relais_core::ImportBatch

mod map;

use std::collections::{BTreeMap, HashSet};

use relais_core::{InstallationSecret, MetricSnapshot, PostKey};
use relais_store::{ConnectStore, Store, StoredConnection};
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::error::ConnectError;
use crate::facebook::fail;
use crate::graph::{Graph, GraphError};
use crate::insights;
use crate::map::{Insight, Listing};
use crate::run::{Run, SyncOptions, SyncSummary, WATCH_DAYS};
use crate::secret::SecretKey;
use map::{ApiAccount, ApiComment, ApiMedia, Me};

const MEDIA_FIELDS: &str =
    "id,caption,media_type,media_product_type,permalink,timestamp,like_count,comments_count";
const COMMENT_FIELDS: &str = "id,text,timestamp,username,from{id,username},like_count,\
    parent_id,hidden,replies{id,text,timestamp,username}";

/// The note of a media below the viewer threshold, said once.
const BELOW_THRESHOLD: &str = "Instagram ne donne pas de statistiques pour une publication vue \
    par trop peu de personnes (erreur #10) : ces publications n'ont pas de mesures. / Instagram \
    gives no insights for media seen by too few people (error #10): those media have no metrics.";

/// Syncs one Instagram connection (the outcome is recorded by
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
        "graph_api_instagram",
    )
    .await?;
    let graph = Graph::new(&connection.api_base, token, options.pacing.clone())
        .map_err(|e| fail(connection, &run.account, e, ""))?;
    let mut sync = Sync {
        version: graph.version(),
        graph,
        username: run.account.handle.clone(),
        base: map::MEDIA_METRICS.iter().map(|m| m.to_string()).collect(),
        metrics: BTreeMap::new(),
        seen: HashSet::new(),
        run,
    };
    sync.account().await?;
    // Media published after this time (unix seconds) are read.
    let after = match options.since {
        Some(t) => Some(t.unix() - 1),
        None => sync.run.cursor("posts").await?.and_then(|s| s.parse().ok()),
    };
    let newest = sync.media(after).await?;
    sync.watch().await?;
    if let Some(newest) = newest {
        sync.run.set_cursor("posts", &newest.to_string()).await?;
    }
    Ok(sync.run.finish())
}

struct Sync<'a, S> {
    run: Run<'a, S>,
    graph: Graph,
    version: String,
    /// The account's username (replies nested in a comment name their
    /// author by username only).
    username: String,
    /// The insights metrics asked for a kind of media not seen yet.
    base: Vec<String>,
    /// The insights metrics asked, by kind of media, once Meta refused some.
    metrics: BTreeMap<String, Vec<String>>,
    /// The media whose details this run has read.
    seen: HashSet<String>,
}

impl<S: Store + ConnectStore> Sync<'_, S> {
    fn fail(&self, e: GraphError, scope: &'static str) -> ConnectError {
        fail(self.run.connection, &self.run.account, e, scope)
    }

    fn parse<T: DeserializeOwned>(&self, v: Value) -> Result<T, ConnectError> {
        self.run.parse(v)
    }

    fn unexpected(&self, e: crate::map::Unexpected) -> ConnectError {
        self.run.unexpected(e.0)
    }

    /// The account: its username, and today's follower count.
    async fn account(&mut self) -> Result<(), ConnectError> {
        let path = self.run.network_id.clone();
        let fields = "username,followers_count,follows_count,media_count";
        let v = self
            .graph
            .get(&path, &[("fields", fields)])
            .await
            .map_err(|e| self.fail(e, "instagram_basic"))?;
        let account: ApiAccount = self.parse(v)?;
        if let Some(username) = account.username {
            self.username = username;
        }
        match account.followers_count {
            Some(count) => self.run.followers(count, "graph_api:followers_count").await,
            None => Ok(()),
        }
    }

    /// Every page of media published after `after`; each page written, then
    /// each media's details. Gives the newest media's time.
    async fn media(&mut self, after: Option<i64>) -> Result<Option<i64>, ConnectError> {
        let scope = "instagram_basic";
        let path = format!("{}/media", self.run.network_id);
        let query = [("fields", MEDIA_FIELDS), ("limit", "100")];
        let mut answer = self
            .graph
            .get(&path, &query)
            .await
            .map_err(|e| self.fail(e, scope))?;
        let mut newest = None;
        loop {
            let listing: Listing<ApiMedia> = self.parse(answer)?;
            let (mut posts, mut counts, mut kept) = (Vec::new(), Vec::new(), Vec::new());
            let mut older = false;
            for m in listing.data {
                let (post, c) = map::post(&m, &self.run.account, self.run.now, &self.version)
                    .map_err(|e| self.unexpected(e))?;
                let published = post.published_at.unix();
                if after.is_some_and(|a| published <= a) {
                    older = true;
                    continue;
                }
                newest = newest.max(Some(published));
                posts.push(post);
                counts.extend(c);
                kept.push(m);
            }
            let data = serde_json::json!([&posts, &counts]);
            let mut batch = self.run.batch("media", &[&data]);
            batch.posts = posts;
            batch.metrics = counts;
            self.run.write(batch).await?;
            for m in &kept {
                self.details(m).await?;
            }
            let next = listing.paging.and_then(|p| p.next);
            let Some(next) = next.filter(|_| !older) else {
                return Ok(newest);
            };
            answer = self
                .graph
                .get_url(&next)
                .await
                .map_err(|e| self.fail(e, scope))?;
        }
    }

    /// One media's comments (every page, replies nested) and insights, in
    /// one batch.
    async fn details(&mut self, m: &ApiMedia) -> Result<(), ConnectError> {
        self.seen.insert(m.id.clone());
        let post = map::post_key(&m.id).map_err(|e| self.unexpected(e))?;
        let (pages, comments) = self.comments(&post, None).await?;
        let kind = m.media_product_type.as_deref().unwrap_or("FEED");
        let insights = self.insights(&post, kind).await?;
        let stream = format!("comments:{}", m.id);
        self.run
            .write_details(&stream, &pages, insights, comments)
            .await
    }

    /// New comments on the account's media of the last [`WATCH_DAYS`] days
    /// this run has not read: Instagram does not say a media changed when
    /// someone comments it. A media Meta no longer knows (deleted: code
    /// 100) is left out and said once.
    async fn watch(&mut self) -> Result<(), ConnectError> {
        let from = self.run.now.unix() - WATCH_DAYS * 86_400;
        let account = self.run.account.id.clone();
        for id in self.run.store.recent_posts(&account, from).await? {
            if self.seen.contains(&id) {
                continue;
            }
            let stream = format!("comments:{id}");
            let newer_than = self.run.cursor(&stream).await?.and_then(|v| v.parse().ok());
            let post = map::post_key(&id).map_err(|e| self.unexpected(e))?;
            match self.comments(&post, newer_than).await {
                Ok((pages, comments)) => {
                    self.run
                        .write_details(&stream, &pages, Vec::new(), comments)
                        .await?
                }
                Err(ConnectError::Api { code: 100, .. }) => {
                    self.run.notes.insert(format!(
                        "Instagram ne connaît plus la publication {id} (supprimée ?) : ses \
                         commentaires ne sont plus suivis. / Instagram no longer knows media \
                         {id} (deleted?): its comments are no longer followed."
                    ));
                }
                Err(e) => return Err(e),
            }
        }
        Ok(())
    }

    /// A media's comments and their nested replies (every page), those
    /// created after `newer_than` only when it is given; with the pages as
    /// the API gave them.
    async fn comments(
        &mut self,
        post: &PostKey,
        newer_than: Option<i64>,
    ) -> Result<(Vec<Value>, Vec<relais_core::Comment>), ConnectError> {
        let path = format!("{}/comments", post.network_id);
        let query = [("fields", COMMENT_FIELDS), ("limit", "100")];
        let pages = self
            .graph
            .pages(&path, &query)
            .await
            .map_err(|e| self.fail(e, "instagram_manage_comments"))?;
        let me = Me {
            account: &self.run.account,
            id: &self.run.network_id,
            username: &self.username,
        };
        let mut comments = Vec::new();
        for page in &pages {
            let listed: Vec<ApiComment> = self.parse(page.clone())?;
            for c in &listed {
                let found =
                    map::comments(c, post, &me, self.run.secret).map_err(|e| self.unexpected(e))?;
                comments.extend(found);
            }
        }
        let mut seen = std::collections::BTreeSet::new();
        comments.retain(|c| seen.insert(c.key.clone()));
        comments.retain(|c| newer_than.is_none_or(|t| c.created_at.unix() > t));
        Ok((pages, comments))
    }
    /// The media's insights (see [`insights::ask`]); none below the viewer
    /// threshold.
    async fn insights(
        &mut self,
        post: &PostKey,
        kind: &str,
    ) -> Result<Vec<MetricSnapshot>, ConnectError> {
        let path = format!("{}/insights", post.network_id);
        let how = insights::Ask {
            path: &path,
            fallback: map::fallback,
            kind: Some(kind),
        };
        let before = self.metrics.get(kind).unwrap_or(&self.base).clone();
        let mut metrics = before.clone();
        let asked = insights::ask(&self.graph, &how, &mut metrics, &mut self.run.notes).await;
        self.learn(&before, &metrics);
        self.metrics.insert(kind.to_string(), metrics);
        let answers = match asked {
            Ok(answers) => answers,
            Err(GraphError::Api {
                code: 10, message, ..
            }) if message.to_lowercase().contains("viewers") => {
                self.run.notes.insert(BELOW_THRESHOLD.to_string());
                return Ok(Vec::new());
            }
            Err(e) => return Err(self.fail(e, "instagram_manage_insights")),
        };
        let mut out = Vec::new();
        for v in answers {
            let listing: Listing<Insight> = self.parse(v)?;
            out.extend(crate::map::insights(
                &listing.data,
                map::metric_of,
                post,
                self.run.now,
                &self.version,
            ));
        }
        Ok(out)
    }

    /// What a refusal taught beyond one kind of media: a metric Meta
    /// replaced (or whose successor is already asked) is an API version's,
    /// so every kind asks the successor from now on. A metric dropped
    /// without successor stays a matter of its kind (`profile_visits` for
    /// reels).
    fn learn(&mut self, before: &[String], after: &[String]) {
        for name in before.iter().filter(|n| !after.contains(n)) {
            let Some(next) = map::fallback(name).filter(|n| after.iter().any(|a| a == n)) else {
                continue;
            };
            for list in self.metrics.values_mut().chain([&mut self.base]) {
                if list.iter().any(|m| m == next) {
                    list.retain(|m| m != name);
                } else {
                    list.iter_mut()
                        .filter(|m| *m == name)
                        .for_each(|m| *m = next.into());
                }
            }
        }
    }
}
