//! Comments pushed one at a time by a network's webhook: a new comment, a
//! changed text, a comment deleted on the network.
//!
//! A narrow trait of its own, [`WebhookStore`], beside [`crate::Store`]:
//! each call is one small transaction, and every call is idempotent, since
//! networks deliver the same event more than once. Deciding who wrote a
//! comment (a person, pseudonymised, or the landlord) is the caller's job.

use std::future::Future;

use relais_core::{Comment, CommentAuthor, CommentKey};

use crate::error::{StoreError, sql};
use crate::import::{AUTHOR_UPSERT, link_parent};
use crate::rows::{Val, comment_row, insert_rows};
use crate::sql_store::SqlStore;
use crate::tables;

/// What a webhook may change in the database.
pub trait WebhookStore: Send + Sync {
    /// Adds a comment, its author's pseudonym (and name) and the link to its
    /// parent when relais has the parent. A comment already there is left as
    /// it is (a delivery seen twice). Refused when relais does not know the
    /// post. Returns whether the comment is new.
    fn add_pushed_comment(
        &self,
        comment: &Comment,
    ) -> impl Future<Output = Result<bool, StoreError>> + Send;

    /// Replaces a comment's text; its model labels go (they were about the
    /// old text), a person's stay. Returns whether anything changed.
    fn edit_pushed_comment(
        &self,
        key: &CommentKey,
        text: &str,
    ) -> impl Future<Output = Result<bool, StoreError>> + Send;

    /// Deletes a comment deleted on its network, with the replies under it
    /// (the networks delete them too), their labels and their inbox trail
    /// (notes, assignment, replies recorded in relais, by foreign keys).
    /// Returns whether relais had it.
    fn remove_pushed_comment(
        &self,
        key: &CommentKey,
    ) -> impl Future<Output = Result<bool, StoreError>> + Send;
}

impl WebhookStore for SqlStore {
    async fn add_pushed_comment(&self, comment: &Comment) -> Result<bool, StoreError> {
        let doing = "writing a pushed comment";
        let mut tx = self.pool().begin().await.map_err(sql(doing))?;
        let post: Option<(String,)> = sqlx::query_as("SELECT id FROM posts WHERE id = $1")
            .bind(comment.post.stored())
            .fetch_optional(&mut *tx)
            .await
            .map_err(sql(doing))?;
        if post.is_none() {
            return Err(StoreError::Conflict {
                fr: format!(
                    "le commentaire {} porte sur la publication {}, que relais ne connaît pas ; \
                     importez d'abord les publications de ce compte",
                    comment.key.network_id, comment.post.network_id
                ),
                en: format!(
                    "comment {} is on post {}, which relais does not know; import the \
                     account's posts first",
                    comment.key.network_id, comment.post.network_id
                ),
            });
        }
        if let CommentAuthor::Person {
            pseudonym,
            display_name,
        } = &comment.author
        {
            let row = vec![
                Val::from(pseudonym.to_string()),
                Val::from(comment.key.network.code()),
                Val::from(display_name.clone()),
            ];
            insert_rows(&mut tx, &tables::AUTHORS, vec![row], AUTHOR_UPSERT)
                .await
                .map_err(sql(doing))?;
        }
        let rows = vec![comment_row(comment, false)];
        let new = insert_rows(
            &mut tx,
            &tables::COMMENTS,
            rows,
            "ON CONFLICT (id) DO NOTHING",
        )
        .await
        .map_err(sql(doing))?
            > 0;
        if new {
            link_parent(&mut tx, comment).await.map_err(sql(doing))?;
        }
        tx.commit().await.map_err(sql(doing))?;
        Ok(new)
    }

    async fn edit_pushed_comment(&self, key: &CommentKey, text: &str) -> Result<bool, StoreError> {
        let doing = "changing a pushed comment's text";
        let mut tx = self.pool().begin().await.map_err(sql(doing))?;
        let changed = sqlx::query("UPDATE comments SET text = $1 WHERE id = $2 AND text <> $1")
            .bind(text)
            .bind(key.stored())
            .execute(&mut *tx)
            .await
            .map_err(sql(doing))?
            .rows_affected()
            > 0;
        if changed {
            sqlx::query(
                "DELETE FROM labels WHERE subject_kind = 'comment' AND subject_id = $1
                 AND source = 'model'",
            )
            .bind(key.stored())
            .execute(&mut *tx)
            .await
            .map_err(sql(doing))?;
        }
        tx.commit().await.map_err(sql(doing))?;
        Ok(changed)
    }

    async fn remove_pushed_comment(&self, key: &CommentKey) -> Result<bool, StoreError> {
        let doing = "deleting a pushed comment";
        let mut tx = self.pool().begin().await.map_err(sql(doing))?;
        let id = key.stored();
        sqlx::query(
            "DELETE FROM labels WHERE subject_kind = 'comment' AND (subject_id = $1
             OR subject_id IN (SELECT id FROM comments WHERE parent_id = $1))",
        )
        .bind(&id)
        .execute(&mut *tx)
        .await
        .map_err(sql(doing))?;
        sqlx::query("DELETE FROM comments WHERE parent_id = $1")
            .bind(&id)
            .execute(&mut *tx)
            .await
            .map_err(sql(doing))?;
        let removed = sqlx::query("DELETE FROM comments WHERE id = $1")
            .bind(&id)
            .execute(&mut *tx)
            .await
            .map_err(sql(doing))?
            .rows_affected()
            > 0;
        tx.commit().await.map_err(sql(doing))?;
        Ok(removed)
    }
}
