//! Users, sessions, API tokens and the action log, over [`SqlStore`].
//!
//! Rows in, rows out: who may do what, hashing secrets and checking
//! passwords belong to the web crate. The one check made here is the
//! integrity of what is stored (a user's territories exist).

use std::collections::{BTreeMap, BTreeSet};

use super::{AuditEntry, Role, SessionRow, TokenRow, User};
use crate::error::{StoreError, sql};
use crate::sql_store::SqlStore;

type UserRow = (String, String, String, Option<String>);

fn to_user(row: UserRow, territories: Vec<String>) -> Result<User, StoreError> {
    let (email, name, role, password_hash) = row;
    let role = Role::parse(&role).ok_or_else(|| StoreError::Corrupt {
        table: "users",
        detail: format!("{email}: unknown role `{role}`"),
    })?;
    Ok(User {
        email,
        name,
        role,
        territories,
        password_hash,
    })
}

pub(super) async fn put_user(store: &SqlStore, user: &User) -> Result<bool, StoreError> {
    let doing = "saving a user";
    let mut tx = store.pool().begin().await.map_err(sql(doing))?;
    let territories: BTreeSet<&str> = user.territories.iter().map(String::as_str).collect();
    for id in &territories {
        let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM territories WHERE id = $1")
            .bind(*id)
            .fetch_one(&mut *tx)
            .await
            .map_err(sql(doing))?;
        if n == 0 {
            return Err(StoreError::Conflict {
                fr: format!(
                    "territoire inconnu : « {id} ». Voyez les identifiants avec \
                     `relais territory list` ; l'utilisateur {} n'a pas été enregistré.",
                    user.email
                ),
                en: format!(
                    "unknown territory `{id}`. See the ids with `relais territory list`; \
                     user {} was not saved.",
                    user.email
                ),
            });
        }
    }
    let (existed,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM users WHERE email = $1")
        .bind(user.email.as_str())
        .fetch_one(&mut *tx)
        .await
        .map_err(sql(doing))?;
    sqlx::query(
        "INSERT INTO users (email, name, role, password_hash) VALUES ($1, $2, $3, $4)
         ON CONFLICT (email) DO UPDATE SET name = excluded.name, role = excluded.role,
           password_hash = COALESCE(excluded.password_hash, users.password_hash)",
    )
    .bind(user.email.as_str())
    .bind(user.name.as_str())
    .bind(user.role.as_str())
    .bind(user.password_hash.as_deref())
    .execute(&mut *tx)
    .await
    .map_err(sql(doing))?;
    sqlx::query("DELETE FROM user_territories WHERE email = $1")
        .bind(user.email.as_str())
        .execute(&mut *tx)
        .await
        .map_err(sql(doing))?;
    for id in territories {
        sqlx::query("INSERT INTO user_territories (email, territory_id) VALUES ($1, $2)")
            .bind(user.email.as_str())
            .bind(id)
            .execute(&mut *tx)
            .await
            .map_err(sql(doing))?;
    }
    tx.commit().await.map_err(sql(doing))?;
    Ok(existed == 0)
}

pub(super) async fn user(store: &SqlStore, email: &str) -> Result<Option<User>, StoreError> {
    let doing = "reading a user";
    let mut conn = store.pool().acquire().await.map_err(sql(doing))?;
    let row: Option<UserRow> =
        sqlx::query_as("SELECT email, name, role, password_hash FROM users WHERE email = $1")
            .bind(email)
            .fetch_optional(&mut *conn)
            .await
            .map_err(sql(doing))?;
    let Some(row) = row else { return Ok(None) };
    let territories: Vec<(String,)> = sqlx::query_as(
        "SELECT territory_id FROM user_territories WHERE email = $1 ORDER BY territory_id",
    )
    .bind(email)
    .fetch_all(&mut *conn)
    .await
    .map_err(sql(doing))?;
    to_user(row, territories.into_iter().map(|(t,)| t).collect()).map(Some)
}

pub(super) async fn users(store: &SqlStore) -> Result<Vec<User>, StoreError> {
    let doing = "listing users";
    let mut conn = store.pool().acquire().await.map_err(sql(doing))?;
    let rows: Vec<UserRow> =
        sqlx::query_as("SELECT email, name, role, password_hash FROM users ORDER BY email")
            .fetch_all(&mut *conn)
            .await
            .map_err(sql(doing))?;
    let links: Vec<(String, String)> = sqlx::query_as(
        "SELECT email, territory_id FROM user_territories ORDER BY email, territory_id",
    )
    .fetch_all(&mut *conn)
    .await
    .map_err(sql(doing))?;
    let mut by_email: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (email, territory) in links {
        by_email.entry(email).or_default().push(territory);
    }
    rows.into_iter()
        .map(|row| {
            let territories = by_email.remove(&row.0).unwrap_or_default();
            to_user(row, territories)
        })
        .collect()
}

pub(super) async fn delete_user(store: &SqlStore, email: &str) -> Result<bool, StoreError> {
    // Sessions, tokens, territories and assignments go by their foreign keys.
    let n = sqlx::query("DELETE FROM users WHERE email = $1")
        .bind(email)
        .execute(store.pool())
        .await
        .map_err(sql("deleting a user"))?
        .rows_affected();
    Ok(n > 0)
}

pub(super) async fn create_session(store: &SqlStore, s: &SessionRow) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO sessions (id_hash, email, csrf, created_at, last_seen)
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(s.id_hash.as_str())
    .bind(s.email.as_str())
    .bind(s.csrf.as_str())
    .bind(s.created_at)
    .bind(s.last_seen)
    .execute(store.pool())
    .await
    .map_err(sql("opening a session"))?;
    Ok(())
}

pub(super) async fn session(
    store: &SqlStore,
    id_hash: &str,
) -> Result<Option<SessionRow>, StoreError> {
    let row: Option<(String, String, String, i64, i64)> = sqlx::query_as(
        "SELECT id_hash, email, csrf, created_at, last_seen FROM sessions WHERE id_hash = $1",
    )
    .bind(id_hash)
    .fetch_optional(store.pool())
    .await
    .map_err(sql("reading a session"))?;
    Ok(
        row.map(|(id_hash, email, csrf, created_at, last_seen)| SessionRow {
            id_hash,
            email,
            csrf,
            created_at,
            last_seen,
        }),
    )
}

pub(super) async fn touch_session(
    store: &SqlStore,
    id_hash: &str,
    at: i64,
) -> Result<(), StoreError> {
    sqlx::query("UPDATE sessions SET last_seen = $2 WHERE id_hash = $1")
        .bind(id_hash)
        .bind(at)
        .execute(store.pool())
        .await
        .map_err(sql("updating a session"))?;
    Ok(())
}

pub(super) async fn delete_session(store: &SqlStore, id_hash: &str) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM sessions WHERE id_hash = $1")
        .bind(id_hash)
        .execute(store.pool())
        .await
        .map_err(sql("closing a session"))?;
    Ok(())
}

pub(super) async fn purge_sessions(
    store: &SqlStore,
    idle_before: i64,
    created_before: i64,
) -> Result<u64, StoreError> {
    let n = sqlx::query("DELETE FROM sessions WHERE last_seen < $1 OR created_at < $2")
        .bind(idle_before)
        .bind(created_before)
        .execute(store.pool())
        .await
        .map_err(sql("purging old sessions"))?
        .rows_affected();
    Ok(n)
}

pub(super) async fn create_token(store: &SqlStore, t: &TokenRow) -> Result<(), StoreError> {
    let doing = "creating an API token";
    let mut tx = store.pool().begin().await.map_err(sql(doing))?;
    let (taken,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM api_tokens WHERE prefix = $1")
        .bind(t.prefix.as_str())
        .fetch_one(&mut *tx)
        .await
        .map_err(sql(doing))?;
    if taken > 0 {
        return Err(StoreError::Conflict {
            fr: format!(
                "un jeton commençant par « {} » existe déjà ; recommencez pour en obtenir un autre.",
                t.prefix
            ),
            en: format!(
                "a token starting with `{}` already exists; try again to get another one.",
                t.prefix
            ),
        });
    }
    sqlx::query(
        "INSERT INTO api_tokens (id_hash, prefix, email, name, created_at, last_used)
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(t.id_hash.as_str())
    .bind(t.prefix.as_str())
    .bind(t.email.as_str())
    .bind(t.name.as_str())
    .bind(t.created_at)
    .bind(t.last_used)
    .execute(&mut *tx)
    .await
    .map_err(sql(doing))?;
    tx.commit().await.map_err(sql(doing))
}

type TokenTuple = (String, String, String, String, i64, Option<i64>);

fn to_token((id_hash, prefix, email, name, created_at, last_used): TokenTuple) -> TokenRow {
    TokenRow {
        id_hash,
        prefix,
        email,
        name,
        created_at,
        last_used,
    }
}

const TOKEN_COLUMNS: &str = "id_hash, prefix, email, name, created_at, last_used";

pub(super) async fn use_token(
    store: &SqlStore,
    id_hash: &str,
    at: i64,
) -> Result<Option<TokenRow>, StoreError> {
    let doing = "using an API token";
    let q = format!("SELECT {TOKEN_COLUMNS} FROM api_tokens WHERE id_hash = $1");
    let row: Option<TokenTuple> = sqlx::query_as(sqlx::AssertSqlSafe(q))
        .bind(id_hash)
        .fetch_optional(store.pool())
        .await
        .map_err(sql(doing))?;
    let Some(mut token) = row.map(to_token) else {
        return Ok(None);
    };
    // `last_used` to the minute: an API client's every call is no write.
    if token
        .last_used
        .is_none_or(|t| at - t >= LAST_USED_PRECISION)
    {
        sqlx::query("UPDATE api_tokens SET last_used = $2 WHERE id_hash = $1")
            .bind(id_hash)
            .bind(at)
            .execute(store.pool())
            .await
            .map_err(sql(doing))?;
        token.last_used = Some(at);
    }
    Ok(Some(token))
}

/// How stale a token's `last_used` may be, in seconds.
const LAST_USED_PRECISION: i64 = 60;

pub(super) async fn tokens(
    store: &SqlStore,
    email: Option<&str>,
) -> Result<Vec<TokenRow>, StoreError> {
    let order = "ORDER BY created_at DESC, prefix";
    let query = match email {
        Some(_) => format!("SELECT {TOKEN_COLUMNS} FROM api_tokens WHERE email = $1 {order}"),
        None => format!("SELECT {TOKEN_COLUMNS} FROM api_tokens {order}"),
    };
    let mut q = sqlx::query_as::<_, TokenTuple>(sqlx::AssertSqlSafe(query));
    if let Some(email) = email {
        q = q.bind(email);
    }
    let rows = q
        .fetch_all(store.pool())
        .await
        .map_err(sql("listing API tokens"))?;
    Ok(rows.into_iter().map(to_token).collect())
}

pub(super) async fn revoke_token(store: &SqlStore, prefix: &str) -> Result<u64, StoreError> {
    let n = sqlx::query("DELETE FROM api_tokens WHERE prefix = $1")
        .bind(prefix)
        .execute(store.pool())
        .await
        .map_err(sql("revoking an API token"))?
        .rows_affected();
    Ok(n)
}

/// Appends a line to the log, inside the caller's transaction when given one.
pub(super) async fn log_in(
    conn: &mut sqlx::AnyConnection,
    e: &AuditEntry,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO action_log (at, actor, action, subject, detail) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(e.at)
    .bind(e.actor.as_str())
    .bind(e.action.as_str())
    .bind(e.subject.as_str())
    .bind(e.detail.as_str())
    .execute(conn)
    .await?;
    Ok(())
}

pub(super) async fn log_action(store: &SqlStore, e: &AuditEntry) -> Result<(), StoreError> {
    let doing = "logging an action";
    let mut conn = store.pool().acquire().await.map_err(sql(doing))?;
    log_in(&mut conn, e).await.map_err(sql(doing))
}

pub(super) async fn action_log(
    store: &SqlStore,
    limit: u32,
) -> Result<Vec<AuditEntry>, StoreError> {
    let rows: Vec<(i64, String, String, String, String)> = sqlx::query_as(
        "SELECT at, actor, action, subject, detail FROM action_log ORDER BY id DESC LIMIT $1",
    )
    .bind(i64::from(limit))
    .fetch_all(store.pool())
    .await
    .map_err(sql("reading the action log"))?;
    Ok(rows
        .into_iter()
        .map(|(at, actor, action, subject, detail)| AuditEntry {
            at,
            actor,
            action,
            subject,
            detail,
        })
        .collect())
}
