//! Retention: how long people's words and names are kept, as settings, and
//! applying it. Past the limit a person's comment keeps what the KPIs count
//! (its time, post, labels, the landlord's reply) but loses its text and the
//! internal notes on it; an author with no comment left inside the limit
//! loses their display name. The pseudonym stays, so counts per person hold.

use crate::error::{StoreError, sql};
use crate::sql_store::SqlStore;

/// What a comment's text becomes past the retention limit.
pub(super) const ERASED: &str = "";

pub(super) async fn setting(store: &SqlStore, key: &str) -> Result<Option<String>, StoreError> {
    let row: Option<(String,)> = sqlx::query_as("SELECT value FROM settings WHERE key = $1")
        .bind(key)
        .fetch_optional(store.pool())
        .await
        .map_err(sql("reading a setting"))?;
    Ok(row.map(|(v,)| v))
}

pub(super) async fn set_setting(
    store: &SqlStore,
    key: &str,
    value: &str,
    by: &str,
    at: i64,
) -> Result<(), StoreError> {
    let doing = "writing a setting";
    let mut tx = store.pool().begin().await.map_err(sql(doing))?;
    sqlx::query(
        "INSERT INTO settings (key, value) VALUES ($1, $2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )
    .bind(key)
    .bind(value)
    .execute(&mut *tx)
    .await
    .map_err(sql(doing))?;
    sqlx::query(
        "INSERT INTO action_log (at, actor, action, subject, detail)
         VALUES ($1, $2, 'settings.set', $3, $4)",
    )
    .bind(at)
    .bind(by)
    .bind(key)
    .bind(value)
    .execute(&mut *tx)
    .await
    .map_err(sql(doing))?;
    tx.commit().await.map_err(sql(doing))
}

pub(super) async fn apply_retention(
    store: &SqlStore,
    before: i64,
) -> Result<(u64, u64), StoreError> {
    let doing = "applying the retention period";
    let mut tx = store.pool().begin().await.map_err(sql(doing))?;
    sqlx::query(
        "DELETE FROM inbox_notes WHERE comment_id IN
           (SELECT id FROM comments WHERE author IS NOT NULL AND created_at < $1)",
    )
    .bind(before)
    .execute(&mut *tx)
    .await
    .map_err(sql(doing))?;
    let texts = sqlx::query(
        "UPDATE comments SET text = $2
         WHERE author IS NOT NULL AND created_at < $1 AND text <> $2",
    )
    .bind(before)
    .bind(ERASED)
    .execute(&mut *tx)
    .await
    .map_err(sql(doing))?
    .rows_affected();
    let names = sqlx::query(
        "UPDATE authors SET display_name = NULL
         WHERE display_name IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM comments c
                           WHERE c.author = authors.pseudonym AND c.created_at >= $1)",
    )
    .bind(before)
    .execute(&mut *tx)
    .await
    .map_err(sql(doing))?
    .rows_affected();
    tx.commit().await.map_err(sql(doing))?;
    Ok((texts, names))
}
