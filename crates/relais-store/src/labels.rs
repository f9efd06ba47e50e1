//! Labels in the database: what still needs labelling, writing a model's
//! labels (never over a person's), a person's correction (always wins), the
//! corrections to learn from, and the retrained classifier's bytes.

use relais_core::{Label, LabelSource, Subject};
use serde::Serialize;

use crate::error::{StoreError, sql};
use crate::rows::{Val, insert_rows, label_row};
use crate::sql_store::SqlStore;
use crate::tables;

/// A text to label: its stored subject id and what the classifier needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ToLabel {
    /// `post` or `comment`.
    pub kind: String,
    /// Stored id (`network:id`).
    pub id: String,
    pub network: String,
    /// For posts: `page`, `collaborator` or `group`.
    pub author_kind: String,
    pub text: String,
}

/// A person's label with the text it is about, to learn from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HumanLabel {
    pub kind: String,
    pub id: String,
    pub network: String,
    pub author_kind: String,
    pub text: String,
    pub field: String,
    pub value: String,
}

/// Posts and comments (not the landlord's replies) that have no label on
/// their main field yet (`theme` for posts, `category` for comments).
pub(crate) async fn unlabelled(store: &SqlStore) -> Result<Vec<ToLabel>, StoreError> {
    let rows: Vec<(String, String, String, String, String)> = sqlx::query_as(
        "SELECT 'post', p.id, p.network, a.kind, p.text FROM posts p JOIN accounts a ON a.id = p.account_id
         WHERE NOT EXISTS (SELECT 1 FROM labels l WHERE l.subject_kind = 'post' AND l.subject_id = p.id AND l.field = 'theme')
         UNION ALL
         SELECT 'comment', c.id, c.network, '', c.text FROM comments c
         WHERE c.author IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM labels l WHERE l.subject_kind = 'comment' AND l.subject_id = c.id AND l.field = 'category')
         ORDER BY 1, 2",
    )
    .fetch_all(store.pool())
    .await
    .map_err(sql("finding what to label"))?;
    Ok(rows
        .into_iter()
        .map(|(kind, id, network, author_kind, text)| ToLabel {
            kind,
            id,
            network,
            author_kind,
            text,
        })
        .collect())
}

/// Replaces the model labels of the subjects and fields in `labels`.
pub(crate) async fn write_model_labels(
    store: &SqlStore,
    labels: &[Label],
) -> Result<u64, StoreError> {
    let doing = "writing labels";
    let mut tx = store.pool().begin().await.map_err(sql(doing))?;
    let mut seen = std::collections::BTreeSet::new();
    for l in labels {
        let key = (l.subject.kind(), l.subject.stored_key(), l.value.field());
        if seen.insert(key.clone()) {
            sqlx::query(
                "DELETE FROM labels WHERE subject_kind = $1 AND subject_id = $2 AND field = $3 AND source = 'model'",
            )
            .bind(key.0)
            .bind(key.1)
            .bind(key.2)
            .execute(&mut *tx)
            .await
            .map_err(sql(doing))?;
        }
    }
    let model: Vec<Vec<Val>> = labels
        .iter()
        .filter(|l| matches!(l.source, LabelSource::Model { .. }))
        .map(label_row)
        .collect();
    let n = insert_rows(&mut tx, &tables::LABELS, model, "ON CONFLICT DO NOTHING")
        .await
        .map_err(sql(doing))?;
    tx.commit().await.map_err(sql(doing))?;
    Ok(n)
}

/// A person's label: replaces their earlier label of that field.
pub(crate) async fn set_human_label(store: &SqlStore, label: &Label) -> Result<(), StoreError> {
    let doing = "correcting a label";
    let LabelSource::Human { .. } = &label.source else {
        return Err(StoreError::Conflict {
            fr: "une correction doit venir d'une personne".into(),
            en: "a correction must come from a person".into(),
        });
    };
    let mut tx = store.pool().begin().await.map_err(sql(doing))?;
    let (table, key) = match &label.subject {
        Subject::Post(k) => ("posts", k.stored()),
        Subject::Comment(k) => ("comments", k.stored()),
    };
    let q = format!("SELECT id FROM {table} WHERE id = $1");
    let exists: Option<(String,)> = sqlx::query_as(sqlx::AssertSqlSafe(q))
        .bind(&key)
        .fetch_optional(&mut *tx)
        .await
        .map_err(sql(doing))?;
    if exists.is_none() {
        return Err(StoreError::Conflict {
            fr: format!(
                "{} introuvable : {key}",
                if table == "posts" {
                    "publication"
                } else {
                    "commentaire"
                }
            ),
            en: format!(
                "{} not found: {key}",
                if table == "posts" { "post" } else { "comment" }
            ),
        });
    }
    sqlx::query("DELETE FROM labels WHERE subject_kind = $1 AND subject_id = $2 AND field = $3 AND source = 'human'")
        .bind(label.subject.kind())
        .bind(&key)
        .bind(label.value.field())
        .execute(&mut *tx)
        .await
        .map_err(sql(doing))?;
    insert_rows(&mut tx, &tables::LABELS, vec![label_row(label)], "")
        .await
        .map_err(sql(doing))?;
    tx.commit().await.map_err(sql(doing))?;
    Ok(())
}

/// Every person's label with its text.
pub(crate) async fn human_labels(store: &SqlStore) -> Result<Vec<HumanLabel>, StoreError> {
    let rows: Vec<(String, String, String, String, String, String, String)> = sqlx::query_as(
        "SELECT 'post', p.id, p.network, a.kind, p.text, l.field, l.value
           FROM labels l JOIN posts p ON l.subject_kind = 'post' AND p.id = l.subject_id
           JOIN accounts a ON a.id = p.account_id WHERE l.source = 'human'
         UNION ALL
         SELECT 'comment', c.id, c.network, '', c.text, l.field, l.value
           FROM labels l JOIN comments c ON l.subject_kind = 'comment' AND c.id = l.subject_id
          WHERE l.source = 'human'
         ORDER BY 1, 2, 6",
    )
    .fetch_all(store.pool())
    .await
    .map_err(sql("reading corrections"))?;
    Ok(rows
        .into_iter()
        .map(
            |(kind, id, network, author_kind, text, field, value)| HumanLabel {
                kind,
                id,
                network,
                author_kind,
                text,
                field,
                value,
            },
        )
        .collect())
}

/// Keeps a trained model's bytes under a name.
pub(crate) async fn save_model(
    store: &SqlStore,
    name: &str,
    version: &str,
    bytes: &[u8],
    at: i64,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO models (name, version, bytes, trained_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (name) DO UPDATE SET version = excluded.version, bytes = excluded.bytes, trained_at = excluded.trained_at",
    )
    .bind(name)
    .bind(version)
    .bind(bytes.to_vec())
    .bind(at)
    .execute(store.pool())
    .await
    .map_err(sql("saving a model"))?;
    Ok(())
}

/// The bytes of a kept model, if any.
pub(crate) async fn load_model(
    store: &SqlStore,
    name: &str,
) -> Result<Option<Vec<u8>>, StoreError> {
    let row: Option<(Vec<u8>,)> = sqlx::query_as("SELECT bytes FROM models WHERE name = $1")
        .bind(name)
        .fetch_optional(store.pool())
        .await
        .map_err(sql("loading a model"))?;
    Ok(row.map(|(b,)| b))
}
