//! API connections to the networks and where each sync stopped, behind a
//! trait of their own ([`ConnectStore`]).
//!
//! The store keeps what it is given: a token's ciphertext and nonce (never
//! the token: encrypting and decrypting belong to `relais-connect`, whose key
//! stays outside the database), the outcome of the last run, and one cursor
//! per stream (`posts`, `comments:<post id>`). What a sync brings (posts,
//! comments, metrics) goes through [`crate::Store::import_batch`] like an
//! imported file; only the follower count, which batches do not carry, has a
//! method here.

use std::future::Future;

use relais_core::AccountId;
use serde::Serialize;

use crate::error::{StoreError, sql};
use crate::sql_store::SqlStore;
use crate::tables::Table;

pub(crate) const CONNECTIONS: Table = Table {
    name: "connections",
    columns: &[
        "id",
        "network",
        "account_id",
        "api_base",
        "token_ciphertext",
        "token_nonce",
        "created_at",
        "last_success",
        "last_error",
        "next_run",
        "last_attempt",
        "last_summary",
    ],
    order: "id",
};

pub(crate) const SYNC_CURSORS: Table = Table {
    name: "sync_cursors",
    columns: &["connection_id", "stream", "value", "updated_at"],
    order: "connection_id, stream",
};

/// A connection as stored. Its id is its account's id: one connection per
/// account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StoredConnection {
    pub id: String,
    /// The network's code (`facebook`).
    pub network: String,
    pub account: AccountId,
    pub api_base: String,
    /// Hex; the token encrypted by `relais-connect`.
    #[serde(skip)]
    pub token_ciphertext: String,
    /// Hex.
    #[serde(skip)]
    pub token_nonce: String,
    /// Unix seconds.
    pub created_at: i64,
    pub last_success: Option<i64>,
    pub last_error: Option<String>,
    pub next_run: Option<i64>,
}

/// How a connection's runs went, for the admin page (no token in it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConnectionHealth {
    pub id: String,
    pub network: String,
    pub account: AccountId,
    pub api_base: String,
    pub created_at: i64,
    /// When the last run started, whatever its outcome (unix seconds).
    pub last_attempt: Option<i64>,
    pub last_success: Option<i64>,
    /// The last run's error; `None` when it went well.
    pub last_error: Option<String>,
    /// What the last good run wrote (JSON).
    pub last_summary: Option<String>,
    pub next_run: Option<i64>,
}

/// What relais asks of a database about API connections. Each method is one
/// transaction.
pub trait ConnectStore: Send + Sync {
    /// Adds a connection, or replaces the token and API base of the account's
    /// connection (its cursors stay, so a renewed token resumes).
    fn save_connection(
        &self,
        connection: &StoredConnection,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;

    /// Every connection, by id.
    fn connections(&self)
    -> impl Future<Output = Result<Vec<StoredConnection>, StoreError>> + Send;

    /// Records a run's outcome: `error` is `None` after a success, whose
    /// `summary` (JSON) is kept for the admin page.
    fn record_run(
        &self,
        id: &str,
        at: i64,
        error: Option<&str>,
        summary: Option<&str>,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;

    /// Sets when the server's scheduler runs the connection next (unix
    /// seconds; `None`: not scheduled).
    fn schedule(
        &self,
        id: &str,
        next_run: Option<i64>,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;

    /// Every connection's health, by id.
    fn health(&self) -> impl Future<Output = Result<Vec<ConnectionHealth>, StoreError>> + Send;

    /// The network ids of `account`'s posts published from `since` (unix
    /// seconds) on, newest first.
    fn recent_posts(
        &self,
        account: &AccountId,
        since: i64,
    ) -> impl Future<Output = Result<Vec<String>, StoreError>> + Send;

    /// The value a stream's next run starts from.
    fn cursor(
        &self,
        id: &str,
        stream: &str,
    ) -> impl Future<Output = Result<Option<String>, StoreError>> + Send;

    /// Sets a stream's cursor.
    fn set_cursor(
        &self,
        id: &str,
        stream: &str,
        value: &str,
        at: i64,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;

    /// Records an account's follower count of one day (YYYY-MM-DD).
    fn record_followers(
        &self,
        account: &AccountId,
        day: &str,
        count: i64,
        source: &str,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;
}

type Row = (
    String,
    String,
    String,
    String,
    String,
    String,
    i64,
    Option<i64>,
    Option<String>,
    Option<i64>,
);

impl ConnectStore for SqlStore {
    async fn save_connection(&self, c: &StoredConnection) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO connections (id, network, account_id, api_base, token_ciphertext,
               token_nonce, created_at, last_success, last_error, next_run)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
             ON CONFLICT (id) DO UPDATE SET api_base = excluded.api_base,
               token_ciphertext = excluded.token_ciphertext,
               token_nonce = excluded.token_nonce, last_error = NULL",
        )
        .bind(&c.id)
        .bind(&c.network)
        .bind(c.account.as_str())
        .bind(&c.api_base)
        .bind(&c.token_ciphertext)
        .bind(&c.token_nonce)
        .bind(c.created_at)
        .bind(c.last_success)
        .bind(c.last_error.as_deref())
        .bind(c.next_run)
        .execute(self.pool())
        .await
        .map_err(sql("saving a connection"))?;
        Ok(())
    }

    async fn connections(&self) -> Result<Vec<StoredConnection>, StoreError> {
        let rows: Vec<Row> = sqlx::query_as(
            "SELECT id, network, account_id, api_base, token_ciphertext, token_nonce,
               created_at, last_success, last_error, next_run FROM connections ORDER BY id",
        )
        .fetch_all(self.pool())
        .await
        .map_err(sql("reading the connections"))?;
        rows.into_iter()
            .map(|r| {
                Ok(StoredConnection {
                    account: AccountId::parse(&r.2)
                        .map_err(crate::error::corrupt("connections"))?,
                    id: r.0,
                    network: r.1,
                    api_base: r.3,
                    token_ciphertext: r.4,
                    token_nonce: r.5,
                    created_at: r.6,
                    last_success: r.7,
                    last_error: r.8,
                    next_run: r.9,
                })
            })
            .collect()
    }

    async fn record_run(
        &self,
        id: &str,
        at: i64,
        error: Option<&str>,
        summary: Option<&str>,
    ) -> Result<(), StoreError> {
        // A failed run leaves the last success and its summary as they were.
        let query = match error {
            None => sqlx::query(
                "UPDATE connections SET last_success = $2, last_attempt = $2,
                   last_error = NULL, last_summary = $3 WHERE id = $1",
            )
            .bind(id)
            .bind(at)
            .bind(summary),
            Some(e) => sqlx::query(
                "UPDATE connections SET last_attempt = $2, last_error = $3 WHERE id = $1",
            )
            .bind(id)
            .bind(at)
            .bind(e),
        };
        query
            .execute(self.pool())
            .await
            .map_err(sql("recording a sync run"))?;
        Ok(())
    }

    async fn recent_posts(
        &self,
        account: &AccountId,
        since: i64,
    ) -> Result<Vec<String>, StoreError> {
        let rows: Vec<(String,)> = sqlx::query_as(
            "SELECT network_id FROM posts WHERE account_id = $1 AND published_at >= $2
             ORDER BY published_at DESC, network_id",
        )
        .bind(account.as_str())
        .bind(since)
        .fetch_all(self.pool())
        .await
        .map_err(sql("reading an account's recent posts"))?;
        Ok(rows.into_iter().map(|(id,)| id).collect())
    }

    async fn schedule(&self, id: &str, next_run: Option<i64>) -> Result<(), StoreError> {
        sqlx::query("UPDATE connections SET next_run = $2 WHERE id = $1")
            .bind(id)
            .bind(next_run)
            .execute(self.pool())
            .await
            .map_err(sql("scheduling a sync"))?;
        Ok(())
    }

    async fn health(&self) -> Result<Vec<ConnectionHealth>, StoreError> {
        type HealthRow = (
            String,
            String,
            String,
            String,
            i64,
            Option<i64>,
            Option<i64>,
            Option<String>,
            Option<String>,
            Option<i64>,
        );
        let rows: Vec<HealthRow> = sqlx::query_as(
            "SELECT id, network, account_id, api_base, created_at, last_attempt, last_success,
               last_error, last_summary, next_run FROM connections ORDER BY id",
        )
        .fetch_all(self.pool())
        .await
        .map_err(sql("reading the connections' health"))?;
        rows.into_iter()
            .map(|r| {
                Ok(ConnectionHealth {
                    account: AccountId::parse(&r.2)
                        .map_err(crate::error::corrupt("connections"))?,
                    id: r.0,
                    network: r.1,
                    api_base: r.3,
                    created_at: r.4,
                    last_attempt: r.5,
                    last_success: r.6,
                    last_error: r.7,
                    last_summary: r.8,
                    next_run: r.9,
                })
            })
            .collect()
    }

    async fn cursor(&self, id: &str, stream: &str) -> Result<Option<String>, StoreError> {
        let row: Option<(String,)> = sqlx::query_as(
            "SELECT value FROM sync_cursors WHERE connection_id = $1 AND stream = $2",
        )
        .bind(id)
        .bind(stream)
        .fetch_optional(self.pool())
        .await
        .map_err(sql("reading a sync cursor"))?;
        Ok(row.map(|(v,)| v))
    }

    async fn set_cursor(
        &self,
        id: &str,
        stream: &str,
        value: &str,
        at: i64,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO sync_cursors (connection_id, stream, value, updated_at)
             VALUES ($1, $2, $3, $4)
             ON CONFLICT (connection_id, stream) DO UPDATE SET value = excluded.value,
               updated_at = excluded.updated_at",
        )
        .bind(id)
        .bind(stream)
        .bind(value)
        .bind(at)
        .execute(self.pool())
        .await
        .map_err(sql("setting a sync cursor"))?;
        Ok(())
    }

    async fn record_followers(
        &self,
        account: &AccountId,
        day: &str,
        count: i64,
        source: &str,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO follower_counts (account_id, day, count, source) VALUES ($1, $2, $3, $4)
             ON CONFLICT (account_id, day) DO UPDATE SET count = excluded.count,
               source = excluded.source",
        )
        .bind(account.as_str())
        .bind(day)
        .bind(count)
        .bind(source)
        .execute(self.pool())
        .await
        .map_err(sql("recording a follower count"))?;
        Ok(())
    }
}
