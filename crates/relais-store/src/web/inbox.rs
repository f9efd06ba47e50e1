//! The community inbox's own state over [`SqlStore`]: assignments, replies
//! recorded from relais, internal notes, the details the inbox shows of a
//! comment.
//!
//! A reply recorded here is also a comment by the post's account under the
//! comment it answers, so the response KPIs count it like an imported one.
//! Everything here hangs off a comment by a foreign key that cascades:
//! erasing a comment erases its inbox trail.

use std::collections::HashMap;

use sqlx::AnyConnection;

use super::people::log_in;
use super::{Assignment, AuditEntry, CommentDetail, Hidden, Note, Reply};
use crate::error::{StoreError, sql};
use crate::sql_store::SqlStore;

/// Ids per `IN (…)` list: far under both backends' limits on parameters.
const CHUNK: usize = 500;

async fn comment_exists(conn: &mut AnyConnection, id: &str) -> Result<bool, sqlx::Error> {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM comments WHERE id = $1")
        .bind(id)
        .fetch_one(conn)
        .await?;
    Ok(n > 0)
}

type AssignmentRow = (String, String, String, i64);

fn to_assignment((comment_id, assignee, assigned_by, assigned_at): AssignmentRow) -> Assignment {
    Assignment {
        comment_id,
        assignee,
        assigned_by,
        assigned_at,
    }
}

pub(super) async fn assignments(store: &SqlStore) -> Result<Vec<Assignment>, StoreError> {
    let rows: Vec<AssignmentRow> = sqlx::query_as(
        "SELECT comment_id, assignee, assigned_by, assigned_at FROM inbox_assignments
         ORDER BY comment_id",
    )
    .fetch_all(store.pool())
    .await
    .map_err(sql("reading the assignments"))?;
    Ok(rows.into_iter().map(to_assignment).collect())
}

pub(super) async fn assign(
    store: &SqlStore,
    comment_id: &str,
    assignee: Option<&str>,
    by: &str,
    at: i64,
) -> Result<bool, StoreError> {
    let doing = "assigning a comment";
    let mut tx = store.pool().begin().await.map_err(sql(doing))?;
    if !comment_exists(&mut tx, comment_id)
        .await
        .map_err(sql(doing))?
    {
        return Ok(false);
    }
    let entry = match assignee {
        Some(assignee) => {
            let (known,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM users WHERE email = $1")
                .bind(assignee)
                .fetch_one(&mut *tx)
                .await
                .map_err(sql(doing))?;
            if known == 0 {
                return Err(StoreError::Conflict {
                    fr: format!(
                        "aucun utilisateur « {assignee} » : le commentaire n'a pas été attribué. \
                         Choisissez un utilisateur existant ou créez d'abord son compte."
                    ),
                    en: format!(
                        "no user `{assignee}`: the comment was not assigned. Pick an existing \
                         user or create their account first."
                    ),
                });
            }
            sqlx::query(
                "INSERT INTO inbox_assignments (comment_id, assignee, assigned_by, assigned_at)
                 VALUES ($1, $2, $3, $4)
                 ON CONFLICT (comment_id) DO UPDATE SET assignee = excluded.assignee,
                   assigned_by = excluded.assigned_by, assigned_at = excluded.assigned_at",
            )
            .bind(comment_id)
            .bind(assignee)
            .bind(by)
            .bind(at)
            .execute(&mut *tx)
            .await
            .map_err(sql(doing))?;
            ("comment.assign", assignee.to_string())
        }
        None => {
            let previous: Option<(String,)> =
                sqlx::query_as("SELECT assignee FROM inbox_assignments WHERE comment_id = $1")
                    .bind(comment_id)
                    .fetch_optional(&mut *tx)
                    .await
                    .map_err(sql(doing))?;
            sqlx::query("DELETE FROM inbox_assignments WHERE comment_id = $1")
                .bind(comment_id)
                .execute(&mut *tx)
                .await
                .map_err(sql(doing))?;
            (
                "comment.unassign",
                previous.map(|p| p.0).unwrap_or_default(),
            )
        }
    };
    let entry = AuditEntry {
        at,
        actor: by.to_string(),
        action: entry.0.to_string(),
        subject: comment_id.to_string(),
        detail: entry.1,
    };
    log_in(&mut tx, &entry).await.map_err(sql(doing))?;
    tx.commit().await.map_err(sql(doing))?;
    Ok(true)
}

/// A fresh network id for a reply written in relais: it never meets a
/// network's own ids (those are digits and underscores, or URNs).
fn reply_network_id() -> Result<String, StoreError> {
    let mut bytes = [0u8; 8];
    getrandom::fill(&mut bytes).map_err(|e| StoreError::Sql {
        doing: "recording a reply",
        source: sqlx::Error::Io(std::io::Error::other(format!(
            "no random bytes from the system: {e}"
        ))),
    })?;
    Ok(format!("relais-reply-{}", hex::encode(bytes)))
}

pub(super) async fn record_reply(
    store: &SqlStore,
    comment_id: &str,
    text: &str,
    by: &str,
    at: i64,
    posted: Option<&str>,
) -> Result<Option<String>, StoreError> {
    let doing = "recording a reply";
    let mut tx = store.pool().begin().await.map_err(sql(doing))?;
    let found: Option<(String, String, String)> = sqlx::query_as(
        "SELECT c.network, c.post_id, p.account_id FROM comments c
         JOIN posts p ON p.id = c.post_id WHERE c.id = $1",
    )
    .bind(comment_id)
    .fetch_optional(&mut *tx)
    .await
    .map_err(sql(doing))?;
    let Some((network, post_id, account_id)) = found else {
        return Ok(None);
    };
    // Stored like an imported comment's id: `network:network_id`.
    let network_id = match posted {
        Some(id) => id.to_string(),
        None => reply_network_id()?,
    };
    let id = format!("{network}:{network_id}");
    // A sync may have brought the posted reply already: it is the same one.
    sqlx::query(
        "INSERT INTO comments
           (id, network, network_id, post_id, parent_id, author, account_id, text, created_at)
         VALUES ($1, $2, $3, $4, $5, NULL, $6, $7, $8) ON CONFLICT (id) DO NOTHING",
    )
    .bind(id.as_str())
    .bind(network.as_str())
    .bind(network_id.as_str())
    .bind(post_id.as_str())
    .bind(comment_id)
    .bind(account_id.as_str())
    .bind(text)
    .bind(at)
    .execute(&mut *tx)
    .await
    .map_err(sql(doing))?;
    sqlx::query(
        "INSERT INTO inbox_replies (reply_id, comment_id, by_email, at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (reply_id) DO NOTHING",
    )
    .bind(id.as_str())
    .bind(comment_id)
    .bind(by)
    .bind(at)
    .execute(&mut *tx)
    .await
    .map_err(sql(doing))?;
    let entry = AuditEntry {
        at,
        actor: by.to_string(),
        action: "comment.reply".into(),
        subject: comment_id.to_string(),
        detail: text.chars().take(80).collect(),
    };
    log_in(&mut tx, &entry).await.map_err(sql(doing))?;
    tx.commit().await.map_err(sql(doing))?;
    Ok(Some(id))
}

pub(super) async fn add_note(store: &SqlStore, note: &Note) -> Result<bool, StoreError> {
    let doing = "adding a note";
    let mut tx = store.pool().begin().await.map_err(sql(doing))?;
    if !comment_exists(&mut tx, &note.comment_id)
        .await
        .map_err(sql(doing))?
    {
        return Ok(false);
    }
    sqlx::query("INSERT INTO inbox_notes (comment_id, author, at, text) VALUES ($1, $2, $3, $4)")
        .bind(note.comment_id.as_str())
        .bind(note.author.as_str())
        .bind(note.at)
        .bind(note.text.as_str())
        .execute(&mut *tx)
        .await
        .map_err(sql(doing))?;
    tx.commit().await.map_err(sql(doing))?;
    Ok(true)
}

/// `$1, $2, …, $n`.
fn placeholders(n: usize) -> String {
    (1..=n)
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Runs `query` (whose `IN ({ids})` is filled with placeholders) once per
/// chunk of ids.
async fn fetch_in<T>(
    conn: &mut AnyConnection,
    query: &str,
    ids: &[String],
) -> Result<Vec<T>, sqlx::Error>
where
    T: for<'r> sqlx::FromRow<'r, sqlx::any::AnyRow> + Send + Unpin,
{
    let mut out = Vec::new();
    for chunk in ids.chunks(CHUNK) {
        let q = query.replace("{ids}", &placeholders(chunk.len()));
        let mut q = sqlx::query_as::<_, T>(sqlx::AssertSqlSafe(q));
        for id in chunk {
            q = q.bind(id.as_str());
        }
        out.extend(q.fetch_all(&mut *conn).await?);
    }
    Ok(out)
}

type DetailRow = (
    String,
    String,
    String,
    i64,
    String,
    Option<String>,
    String,
    String,
    Option<String>,
    Option<String>,
);

pub(super) async fn comment_details(
    store: &SqlStore,
    ids: &[String],
) -> Result<Vec<CommentDetail>, StoreError> {
    let doing = "reading comments for the inbox";
    let mut unique: Vec<String> = ids.to_vec();
    unique.sort_unstable();
    unique.dedup();
    let mut conn = store.pool().acquire().await.map_err(sql(doing))?;
    let comments: Vec<DetailRow> = fetch_in(
        &mut conn,
        "SELECT c.id, c.network, c.text, c.created_at, COALESCE(c.author, c.account_id),
                a.display_name, c.post_id, p.text, p.permalink, c.parent_id
         FROM comments c JOIN posts p ON p.id = c.post_id
         LEFT JOIN authors a ON a.pseudonym = c.author
         WHERE c.id IN ({ids})",
        &unique,
    )
    .await
    .map_err(sql(doing))?;
    let replies: Vec<(String, String, String, i64, Option<String>)> = fetch_in(
        &mut conn,
        "SELECT r.parent_id, r.id, r.text, r.created_at, i.by_email
         FROM comments r LEFT JOIN inbox_replies i ON i.reply_id = r.id
         WHERE r.author IS NULL AND r.parent_id IN ({ids})
         ORDER BY r.created_at, r.id",
        &unique,
    )
    .await
    .map_err(sql(doing))?;
    let notes: Vec<(String, String, i64, String)> = fetch_in(
        &mut conn,
        "SELECT comment_id, author, at, text FROM inbox_notes
         WHERE comment_id IN ({ids}) ORDER BY at, id",
        &unique,
    )
    .await
    .map_err(sql(doing))?;
    let hidden: Vec<(String, String, i64)> = fetch_in(
        &mut conn,
        "SELECT comment_id, by_email, at FROM inbox_hidden WHERE comment_id IN ({ids})",
        &unique,
    )
    .await
    .map_err(sql(doing))?;
    let mut hidden_of: HashMap<String, Hidden> = hidden
        .into_iter()
        .map(|(id, by, at)| (id, Hidden { by, at }))
        .collect();
    let assignments: Vec<AssignmentRow> = fetch_in(
        &mut conn,
        "SELECT comment_id, assignee, assigned_by, assigned_at FROM inbox_assignments
         WHERE comment_id IN ({ids})",
        &unique,
    )
    .await
    .map_err(sql(doing))?;

    // Chunks come back one after the other: each list is sorted again here.
    let mut replies_of: HashMap<String, Vec<Reply>> = HashMap::new();
    for (parent, id, text, at, by) in replies {
        replies_of
            .entry(parent)
            .or_default()
            .push(Reply { id, text, at, by });
    }
    let mut notes_of: HashMap<String, Vec<Note>> = HashMap::new();
    for (comment_id, author, at, text) in notes {
        notes_of.entry(comment_id.clone()).or_default().push(Note {
            comment_id,
            author,
            at,
            text,
        });
    }
    let mut assignment_of: HashMap<String, Assignment> = assignments
        .into_iter()
        .map(|row| (row.0.clone(), to_assignment(row)))
        .collect();
    let mut found: HashMap<String, CommentDetail> = HashMap::new();
    for (
        id,
        network,
        text,
        created_at,
        author,
        display_name,
        post_id,
        post_text,
        permalink,
        parent_id,
    ) in comments
    {
        let mut replies = replies_of.remove(&id).unwrap_or_default();
        replies.sort_by(|a, b| (a.at, &a.id).cmp(&(b.at, &b.id)));
        let notes = notes_of.remove(&id).unwrap_or_default();
        let assignment = assignment_of.remove(&id);
        let hidden = hidden_of.remove(&id);
        found.insert(
            id.clone(),
            CommentDetail {
                id,
                network,
                text,
                created_at,
                author,
                display_name,
                post_id,
                post_text,
                post_permalink: permalink,
                parent_id,
                hidden,
                replies,
                notes,
                assignment,
            },
        );
    }
    Ok(ids.iter().filter_map(|id| found.get(id).cloned()).collect())
}

pub(super) async fn set_hidden(
    store: &SqlStore,
    comment_id: &str,
    hidden: bool,
    by: &str,
    at: i64,
) -> Result<bool, StoreError> {
    let doing = "hiding a comment";
    let mut tx = store.pool().begin().await.map_err(sql(doing))?;
    let found: Option<(String,)> = sqlx::query_as("SELECT id FROM comments WHERE id = $1")
        .bind(comment_id)
        .fetch_optional(&mut *tx)
        .await
        .map_err(sql(doing))?;
    if found.is_none() {
        return Ok(false);
    }
    let query = if hidden {
        sqlx::query(
            "INSERT INTO inbox_hidden (comment_id, by_email, at) VALUES ($1, $2, $3)
             ON CONFLICT (comment_id) DO UPDATE SET by_email = excluded.by_email, at = excluded.at",
        )
        .bind(comment_id)
        .bind(by)
        .bind(at)
    } else {
        sqlx::query("DELETE FROM inbox_hidden WHERE comment_id = $1").bind(comment_id)
    };
    query.execute(&mut *tx).await.map_err(sql(doing))?;
    let entry = AuditEntry {
        at,
        actor: by.to_string(),
        action: if hidden {
            "comment.hide"
        } else {
            "comment.unhide"
        }
        .into(),
        subject: comment_id.to_string(),
        detail: String::new(),
    };
    log_in(&mut tx, &entry).await.map_err(sql(doing))?;
    tx.commit().await.map_err(sql(doing))?;
    Ok(true)
}
