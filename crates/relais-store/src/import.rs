//! Writing one imported export file: accounts it revealed, posts (new or
//! updated), lifetime metric snapshots, account daily metrics, comments and
//! their pseudonymised authors, and the file's digest, in one transaction.
//!
//! The same file twice is recognised by its digest and changes nothing; a
//! dry run does the whole write and rolls it back, so its counts are exact.

use std::collections::{BTreeMap, BTreeSet};

use relais_core::{Account, AccountId, CommentAuthor, ImportBatch};
use serde::Serialize;
use sqlx::AnyConnection;

use crate::error::{StoreError, sql};
use crate::rows::{Val, account_row, comment_row, insert_rows, metric_row, post_row};
use crate::sql_store::SqlStore;
use crate::tables;

/// What writing a file changed (or, in a dry run, would change).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ImportOutcome {
    /// The same bytes were imported before: nothing was done.
    pub already_imported: bool,
    pub accounts_created: u64,
    pub posts_new: u64,
    pub posts_updated: u64,
    pub posts_unchanged: u64,
    pub snapshots: u64,
    pub daily_values: u64,
    pub comments_new: u64,
    pub comments_updated: u64,
    pub replies: u64,
}

type PostRow = (String, String, i64, String, Option<String>, String);

pub(crate) async fn import_batch(
    store: &SqlStore,
    batch: &ImportBatch,
    dry_run: bool,
) -> Result<ImportOutcome, StoreError> {
    let doing = "importing a file";
    let mut tx = store.pool().begin().await.map_err(sql(doing))?;
    let mut out = ImportOutcome::default();
    let seen: Option<(String,)> = sqlx::query_as("SELECT digest FROM imports WHERE digest = $1")
        .bind(&batch.digest)
        .fetch_optional(&mut *tx)
        .await
        .map_err(sql(doing))?;
    if seen.is_some() {
        out.already_imported = true;
        return Ok(out);
    }
    let accounts = batch.new_accounts.iter().map(account_row).collect();
    out.accounts_created = insert_rows(
        &mut tx,
        &tables::ACCOUNTS,
        accounts,
        "ON CONFLICT (id) DO NOTHING",
    )
    .await
    .map_err(sql(doing))?;
    write_posts(&mut tx, batch, &mut out)
        .await
        .map_err(sql(doing))?;
    let metrics = batch.metrics.iter().map(metric_row).collect();
    out.snapshots = insert_rows(
        &mut tx,
        &tables::METRIC_SNAPSHOTS,
        metrics,
        "ON CONFLICT (post_id, metric, source, observed_at) DO UPDATE SET value = excluded.value",
    )
    .await
    .map_err(sql(doing))?;
    let daily = batch
        .daily
        .iter()
        .map(|d| {
            vec![
                Val::from(d.account.as_str()),
                Val::from(d.day.format("%Y-%m-%d").to_string()),
                Val::from(d.metric.code()),
                Val::Real(d.value),
                Val::from(d.source.as_str()),
            ]
        })
        .collect();
    out.daily_values = insert_rows(
        &mut tx,
        &tables::ACCOUNT_METRICS,
        daily,
        "ON CONFLICT (account_id, day, metric, source) DO UPDATE SET value = excluded.value",
    )
    .await
    .map_err(sql(doing))?;
    write_comments(&mut tx, batch, &mut out).await?;
    let record = vec![vec![
        Val::from(batch.digest.as_str()),
        Val::from(batch.file_name.as_str()),
        Val::from(batch.format.as_str()),
        Val::from(batch.account.as_ref().map(|a| a.to_string())),
        Val::Int(batch.imported_at.unix()),
        Val::Int(i64::try_from(batch.rows).unwrap_or(i64::MAX)),
    ]];
    insert_rows(&mut tx, &tables::IMPORTS, record, "")
        .await
        .map_err(sql(doing))?;
    if dry_run {
        tx.rollback().await.map_err(sql(doing))?;
    } else {
        tx.commit().await.map_err(sql(doing))?;
    }
    Ok(out)
}

/// New posts are inserted; known ones are updated when the file says
/// something else of them (a corrected text, a permalink now given).
async fn write_posts(
    conn: &mut AnyConnection,
    batch: &ImportBatch,
    out: &mut ImportOutcome,
) -> Result<(), sqlx::Error> {
    let mut existing: BTreeMap<String, PostRow> = BTreeMap::new();
    for chunk in batch.posts.chunks(500) {
        let ids: Vec<String> = chunk.iter().map(|p| p.key.stored()).collect();
        let placeholders: Vec<String> = (1..=ids.len()).map(|i| format!("${i}")).collect();
        let q = format!(
            "SELECT id, account_id, published_at, text, permalink, media FROM posts WHERE id IN ({})",
            placeholders.join(", ")
        );
        let mut query = sqlx::query_as::<_, PostRow>(sqlx::AssertSqlSafe(q));
        for id in ids {
            query = query.bind(id);
        }
        for row in query.fetch_all(&mut *conn).await? {
            existing.insert(row.0.clone(), row);
        }
    }
    let mut changed = Vec::new();
    let mut seen = BTreeSet::new();
    for p in &batch.posts {
        let id = p.key.stored();
        if !seen.insert(id.clone()) {
            continue;
        }
        let now = (
            id.clone(),
            p.account.to_string(),
            p.published_at.unix(),
            p.text.clone(),
            p.permalink.clone(),
            p.media.code().to_string(),
        );
        match existing.get(&id) {
            None => out.posts_new += 1,
            Some(old) if *old == now => {
                out.posts_unchanged += 1;
                continue;
            }
            Some(_) => out.posts_updated += 1,
        }
        changed.push(post_row(p));
    }
    insert_rows(
        conn,
        &tables::POSTS,
        changed,
        "ON CONFLICT (id) DO UPDATE SET account_id = excluded.account_id, \
         published_at = excluded.published_at, text = excluded.text, \
         permalink = COALESCE(excluded.permalink, posts.permalink), media = excluded.media",
    )
    .await?;
    Ok(())
}

/// Comments go in without their parent first, then parents are linked: a
/// file need not list a parent before its replies.
async fn write_comments(
    conn: &mut AnyConnection,
    batch: &ImportBatch,
    out: &mut ImportOutcome,
) -> Result<(), StoreError> {
    let doing = "importing comments";
    if batch.comments.is_empty() {
        return Ok(());
    }
    let in_file: BTreeSet<String> = batch.posts.iter().map(|p| p.key.stored()).collect();
    for c in &batch.comments {
        let post = c.comment.post.stored();
        if in_file.contains(&post) {
            continue;
        }
        let found: Option<(String,)> = sqlx::query_as("SELECT id FROM posts WHERE id = $1")
            .bind(&post)
            .fetch_optional(&mut *conn)
            .await
            .map_err(sql(doing))?;
        if found.is_none() {
            return Err(StoreError::Conflict {
                fr: format!(
                    "{}, ligne {} : le commentaire {} porte sur la publication {}, que relais ne \
                     connaît pas ; rien n'a été importé. Importez d'abord l'export des \
                     publications de ce compte.",
                    batch.file_name, c.line, c.comment.key.network_id, c.comment.post.network_id
                ),
                en: format!(
                    "{}, line {}: comment {} is on post {}, which relais does not know; nothing \
                     was imported. Import the account's posts export first.",
                    batch.file_name, c.line, c.comment.key.network_id, c.comment.post.network_id
                ),
            });
        }
    }
    let mut authors = BTreeMap::new();
    for c in &batch.comments {
        if let CommentAuthor::Person {
            pseudonym,
            display_name,
        } = &c.comment.author
        {
            authors.insert(
                pseudonym.to_string(),
                (c.comment.key.network.code(), display_name.clone()),
            );
        }
    }
    let author_rows = authors
        .into_iter()
        .map(|(p, (n, name))| vec![Val::from(p), Val::from(n), Val::from(name)])
        .collect();
    insert_rows(conn, &tables::AUTHORS, author_rows, AUTHOR_UPSERT)
        .await
        .map_err(sql(doing))?;
    let mut known = BTreeSet::new();
    for chunk in batch.comments.chunks(500) {
        let placeholders: Vec<String> = (1..=chunk.len()).map(|i| format!("${i}")).collect();
        let q = format!(
            "SELECT id FROM comments WHERE id IN ({})",
            placeholders.join(", ")
        );
        let mut query = sqlx::query_as::<_, (String,)>(sqlx::AssertSqlSafe(q));
        for c in chunk {
            query = query.bind(c.comment.key.stored());
        }
        for (id,) in query.fetch_all(&mut *conn).await.map_err(sql(doing))? {
            known.insert(id);
        }
    }
    let mut rows = Vec::new();
    for c in &batch.comments {
        let cm = &c.comment;
        if known.contains(&cm.key.stored()) {
            out.comments_updated += 1;
        } else {
            out.comments_new += 1;
        }
        if cm.is_landlord_reply() {
            out.replies += 1;
        }
        rows.push(comment_row(cm, false));
    }
    insert_rows(
        conn,
        &tables::COMMENTS,
        rows,
        "ON CONFLICT (id) DO UPDATE SET post_id = excluded.post_id, author = excluded.author, \
         account_id = excluded.account_id, text = excluded.text, created_at = excluded.created_at",
    )
    .await
    .map_err(sql(doing))?;
    for c in &batch.comments {
        link_parent(conn, &c.comment).await.map_err(sql(doing))?;
    }
    Ok(())
}

/// How a known author is written again: a name now given is kept.
pub(crate) const AUTHOR_UPSERT: &str = "ON CONFLICT (pseudonym) DO UPDATE SET display_name = \
     COALESCE(excluded.display_name, authors.display_name)";

/// Links a written comment to its parent. A parent relais does not have
/// (deleted, or in another file) stays unlinked.
pub(crate) async fn link_parent(
    conn: &mut AnyConnection,
    comment: &relais_core::Comment,
) -> Result<(), sqlx::Error> {
    let Some(parent) = &comment.parent else {
        return Ok(());
    };
    sqlx::query(
        "UPDATE comments SET parent_id = $1 WHERE id = $2
         AND EXISTS (SELECT 1 FROM comments WHERE id = $1)",
    )
    .bind(parent.stored())
    .bind(comment.key.stored())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

pub(crate) async fn accounts(store: &SqlStore) -> Result<Vec<Account>, StoreError> {
    type Row = (
        String,
        String,
        String,
        String,
        String,
        String,
        Option<String>,
    );
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT id, network, kind, handle, network_id, name, territory_id FROM accounts ORDER BY id",
    )
    .fetch_all(store.pool())
    .await
    .map_err(sql("listing accounts"))?;
    rows.into_iter()
        .map(|(id, network, kind, handle, network_id, name, territory)| {
            Ok(Account {
                id: AccountId::parse(&id)?,
                network: relais_core::Network::parse(&network)?,
                kind: relais_core::AccountKind::parse(&kind)?,
                handle,
                network_id: relais_core::NetworkId::parse(&network_id)?,
                name,
                territory: territory
                    .map(|t| relais_core::TerritoryId::parse(&t))
                    .transpose()?,
            })
        })
        .collect::<Result<_, relais_core::DomainError>>()
        .map_err(crate::error::corrupt("accounts"))
}

/// The account of each known post among `post_ids` (stored form `network:id`).
pub(crate) async fn post_accounts(
    store: &SqlStore,
    post_ids: &[String],
) -> Result<BTreeMap<String, AccountId>, StoreError> {
    let mut out = BTreeMap::new();
    for chunk in post_ids.chunks(500) {
        let placeholders: Vec<String> = (1..=chunk.len()).map(|i| format!("${i}")).collect();
        let q = format!(
            "SELECT id, account_id FROM posts WHERE id IN ({})",
            placeholders.join(", ")
        );
        let mut query = sqlx::query_as::<_, (String, String)>(sqlx::AssertSqlSafe(q));
        for id in chunk {
            query = query.bind(id.clone());
        }
        for (id, account) in query
            .fetch_all(store.pool())
            .await
            .map_err(sql("reading posts"))?
        {
            let account = AccountId::parse(&account).map_err(crate::error::corrupt("posts"))?;
            out.insert(id, account);
        }
    }
    Ok(out)
}
