//! Personal data: the installation secret of the pseudonyms, and erasing one
//! person.

use relais_core::{InstallationSecret, Pseudonym};

use crate::error::{StoreError, corrupt, sql};
use crate::sql_store::SqlStore;

pub(crate) async fn installation_secret(
    store: &SqlStore,
    fresh: InstallationSecret,
) -> Result<InstallationSecret, StoreError> {
    let doing = "reading the installation secret";
    let mut tx = store.pool().begin().await.map_err(sql(doing))?;
    let found: Option<(String,)> =
        sqlx::query_as("SELECT value FROM settings WHERE key = 'installation_secret'")
            .fetch_optional(&mut *tx)
            .await
            .map_err(sql(doing))?;
    if let Some((hex,)) = found {
        return InstallationSecret::from_hex(&hex).map_err(corrupt("settings"));
    }
    sqlx::query("INSERT INTO settings (key, value) VALUES ('installation_secret', $1)")
        .bind(fresh.to_hex())
        .execute(&mut *tx)
        .await
        .map_err(sql(doing))?;
    tx.commit().await.map_err(sql(doing))?;
    Ok(fresh)
}

pub(crate) async fn erase_person(store: &SqlStore, person: &Pseudonym) -> Result<u64, StoreError> {
    let doing = "erasing a person";
    let mut tx = store.pool().begin().await.map_err(sql(doing))?;
    sqlx::query(
        "DELETE FROM labels WHERE subject_kind = 'comment'
         AND subject_id IN (SELECT id FROM comments WHERE author = $1)",
    )
    .bind(person.as_str())
    .execute(&mut *tx)
    .await
    .map_err(sql(doing))?;
    // Replies written in relais answer a personal message: they go with it
    // (imported replies stay, unlinked, as before). Notes, assignments and
    // the replies' bookkeeping go by their foreign keys.
    sqlx::query(
        "DELETE FROM comments WHERE id IN (SELECT i.reply_id FROM inbox_replies i
         JOIN comments c ON c.id = i.comment_id WHERE c.author = $1)",
    )
    .bind(person.as_str())
    .execute(&mut *tx)
    .await
    .map_err(sql(doing))?;
    let erased = sqlx::query("DELETE FROM comments WHERE author = $1")
        .bind(person.as_str())
        .execute(&mut *tx)
        .await
        .map_err(sql(doing))?
        .rows_affected();
    sqlx::query("DELETE FROM ambassador_consents WHERE pseudonym = $1")
        .bind(person.as_str())
        .execute(&mut *tx)
        .await
        .map_err(sql(doing))?;
    sqlx::query("DELETE FROM authors WHERE pseudonym = $1")
        .bind(person.as_str())
        .execute(&mut *tx)
        .await
        .map_err(sql(doing))?;
    tx.commit().await.map_err(sql(doing))?;
    Ok(erased)
}
