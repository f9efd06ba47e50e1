//! The sync of one X account connection, top to bottom: the account's id
//! (resolved once from its handle when imports gave only that), its posts
//! since the last run, its mentions (the inbox) since the newest one seen,
//! its own replies, then the follower count; every read within the
//! connection's monthly budget.
//!
//! Each page is one [`ImportBatch`]. Each walk (posts, mentions) keeps the
//! next page's `pagination_token` in a cursor after every page, with the
//! budget's count, so a run stopped by an error or by the budget resumes
//! where it stopped and never pays twice for a page. A walk's own cursor
//! (`posts`: the next `start_time`; `mentions`: the next `since_id`) moves
//! when the walk reaches its end.
//!
//! The account's replies come in its timeline before the tenants' mentions
//! they answer are read: they are kept (cursor `replies:pending`) and
//! written once the mentions are, so each is linked to what it answers.
//!
//! [`ImportBatch`]: relais_core::ImportBatch

mod budget;
mod client;
mod map;
mod mentions;
mod posts;

use relais_core::{Account, InstallationSecret};
use relais_store::{ConnectStore, Store, StoredConnection};
use serde_json::Value;

use crate::error::ConnectError;
use crate::run::{NETWORK_ID_STREAM, Reads, Run, SyncOptions, SyncSummary};
use crate::secret::SecretKey;

use budget::Budget;
pub use budget::DEFAULT_X_POST_READS_PER_MONTH;
use client::{Client, XError};
use map::{User, UserAnswer};

/// Syncs one X connection (the outcome is recorded by [`crate::sync`]).
pub(crate) async fn sync<S: Store + ConnectStore>(
    store: &S,
    connection: &StoredConnection,
    key: &SecretKey,
    secret: &InstallationSecret,
    options: &SyncOptions,
) -> Result<SyncSummary, ConnectError> {
    let (run, token) = Run::open(store, connection, key, secret, options.now, "x_api").await?;
    let client = Client::new(&connection.api_base, token, options.pacing.clone())
        .map_err(|e| fail(connection, &run.account, e, ""))?;
    let mut budget = Budget::new(options.now, options.x_post_reads_per_month, 0);
    budget.before = run
        .cursor(&budget.stream())
        .await?
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    let mut sync = Sync {
        run,
        client,
        budget,
        private_fields: true,
        spent: false,
    };
    let looked_up = sync.resolve().await?;
    if !sync.spent {
        sync.budget.reserved = u64::from(looked_up.is_none());
        let posts_done = sync.posts(options.since).await?;
        let mentions_done = sync.mentions().await?;
        if posts_done && mentions_done {
            sync.replies().await?;
        }
        sync.budget.reserved = 0;
        sync.followers(looked_up).await?;
    }
    Ok(sync.finish())
}

/// An API error as the user reads it: which connection, what to do.
fn fail(c: &StoredConnection, account: &Account, e: XError, scope: &'static str) -> ConnectError {
    let connection = c.id.clone();
    match e {
        XError::Status { status: 401, .. } => ConnectError::Expired {
            connection,
            network: account.network,
            account: account.handle.clone(),
        },
        XError::Status { status: 403, .. } => ConnectError::Permission {
            connection,
            network: account.network,
            scope,
        },
        XError::Status { status, message } => ConnectError::Api {
            connection,
            code: i64::from(status),
            message,
        },
        XError::Limited => ConnectError::RateLimited { connection },
        XError::Http(detail) => ConnectError::Http { connection, detail },
    }
}

struct Sync<'a, S> {
    run: Run<'a, S>,
    client: Client,
    budget: Budget,
    /// Whether posts are still asked with their non-public metrics (until X
    /// refuses them once).
    private_fields: bool,
    /// The budget stopped the run.
    spent: bool,
}

impl<S: Store + ConnectStore> Sync<'_, S> {
    fn fail(&self, e: XError, scope: &'static str) -> ConnectError {
        fail(self.run.connection, &self.run.account, e, scope)
    }

    /// Counts what X returned, in the month's cursor.
    async fn paid(&mut self, reads: u64) -> Result<(), ConnectError> {
        self.budget.spend(reads);
        let stream = self.budget.stream();
        self.run
            .set_cursor(&stream, &self.budget.used().to_string())
            .await
    }

    /// The budget is spent: nothing more is asked (the run's note says it,
    /// with the month's final count).
    fn stop(&mut self) {
        self.spent = true;
    }

    /// The account's numeric id: the one known, or looked up once by handle
    /// (the answer, which has the follower count, is given back).
    async fn resolve(&mut self) -> Result<Option<User>, ConnectError> {
        let id = &self.run.network_id;
        if !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit()) {
            return Ok(None);
        }
        if !self.budget.fits_one() {
            self.stop();
            return Ok(None);
        }
        let handle = id.trim_start_matches('@').to_string();
        let path = format!("users/by/username/{handle}");
        let query = [("user.fields", "public_metrics,created_at")];
        let answer = self.client.get(&path, &query).await;
        let v = answer.map_err(|e| self.fail(e, "users.read"))?;
        let user = self.run.parse::<UserAnswer>(v)?.data;
        self.paid(1).await?;
        self.run.set_cursor(NETWORK_ID_STREAM, &user.id).await?;
        self.run.network_id = user.id.clone();
        Ok(Some(user))
    }

    /// The follower count, from the handle lookup or asked now.
    async fn followers(&mut self, looked_up: Option<User>) -> Result<(), ConnectError> {
        let user = match looked_up {
            Some(u) => u,
            // The reserve kept this read even when the walks spent the rest.
            None if !self.budget.fits_one() => {
                self.stop();
                return Ok(());
            }
            None => {
                let path = format!("users/{}", self.run.network_id);
                let answer = self
                    .client
                    .get(&path, &[("user.fields", "public_metrics")])
                    .await;
                let v = answer.map_err(|e| self.fail(e, "users.read"))?;
                let user = self.run.parse::<UserAnswer>(v)?.data;
                self.paid(1).await?;
                user
            }
        };
        let Some(count) = user.public_metrics.and_then(|m| m.followers_count) else {
            return Ok(());
        };
        self.run.followers(count, "x_api:followers_count").await
    }

    fn finish(mut self) -> SyncSummary {
        if self.spent {
            self.run.notes.insert(self.budget.spent_note());
        }
        self.run.summary.reads = Some(Reads {
            run: self.budget.run,
            month: self.budget.used(),
            budget: self.budget.limit,
        });
        self.run.finish()
    }
}

/// The `data` of an answer, for a batch's digest.
fn data_of(v: &Value) -> Value {
    v.get("data").cloned().unwrap_or(Value::Null)
}
