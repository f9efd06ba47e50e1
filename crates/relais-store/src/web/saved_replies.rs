//! The saved replies (reply templates) over [`SqlStore`]. The migration
//! seeds a few; the demo keeps them when it replaces the data.

use super::SavedReply;
use crate::error::{StoreError, sql};
use crate::sql_store::SqlStore;

pub(super) async fn saved_replies(store: &SqlStore) -> Result<Vec<SavedReply>, StoreError> {
    let rows: Vec<(i64, String, String)> =
        sqlx::query_as("SELECT id, title, body FROM saved_replies ORDER BY title, id")
            .fetch_all(store.pool())
            .await
            .map_err(sql("reading the saved replies"))?;
    Ok(rows
        .into_iter()
        .map(|(id, title, body)| SavedReply { id, title, body })
        .collect())
}

pub(super) async fn add_saved_reply(
    store: &SqlStore,
    title: &str,
    body: &str,
) -> Result<i64, StoreError> {
    let doing = "adding a saved reply";
    let mut tx = store.pool().begin().await.map_err(sql(doing))?;
    let (taken,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM saved_replies WHERE title = $1")
        .bind(title)
        .fetch_one(&mut *tx)
        .await
        .map_err(sql(doing))?;
    if taken > 0 {
        return Err(StoreError::Conflict {
            fr: format!(
                "une réponse enregistrée s'appelle déjà « {title} » ; choisissez un autre titre."
            ),
            en: format!("a saved reply is already called `{title}`; pick another title."),
        });
    }
    let (id,): (i64,) =
        sqlx::query_as("INSERT INTO saved_replies (title, body) VALUES ($1, $2) RETURNING id")
            .bind(title)
            .bind(body)
            .fetch_one(&mut *tx)
            .await
            .map_err(sql(doing))?;
    tx.commit().await.map_err(sql(doing))?;
    Ok(id)
}
