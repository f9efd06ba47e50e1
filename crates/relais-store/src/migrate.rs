//! The schema migrations, one folder per backend, embedded in the binary.
//!
//! A small runner of our own rather than sqlx's migrator: relais builds sqlx
//! without its macros, and this way the two cases a user can meet get their
//! own message: a database from a newer relais (refused before anything is
//! written) and a migration that was edited after it shipped.

use sha2::{Digest, Sha256};
use sqlx::AnyPool;

use crate::backend::Backend;
use crate::error::{StoreError, sql};

struct Migration {
    version: i64,
    description: &'static str,
    sql: &'static str,
}

const SQLITE: &[Migration] = &[
    Migration {
        version: 1,
        description: "initial schema",
        sql: include_str!("../migrations/sqlite/0001_init.sql"),
    },
    Migration {
        version: 2,
        description: "imports and account metrics",
        sql: include_str!("../migrations/sqlite/0002_imports.sql"),
    },
    Migration {
        version: 3,
        description: "text models",
        sql: include_str!("../migrations/sqlite/0003_models.sql"),
    },
    Migration {
        version: 4,
        description: "KPI inputs: surveys, groups, ambassadors' consent",
        sql: include_str!("../migrations/sqlite/0004_kpi_inputs.sql"),
    },
    Migration {
        version: 5,
        description: "website traffic",
        sql: include_str!("../migrations/sqlite/0005_traffic.sql"),
    },
    Migration {
        version: 6,
        description: "short links and their daily counts",
        sql: include_str!("../migrations/sqlite/0006_links.sql"),
    },
    Migration {
        version: 7,
        description: "web app: sessions, API tokens, action log, inbox state, saved replies",
        sql: include_str!("../migrations/sqlite/0007_web.sql"),
    },
    Migration {
        version: 8,
        description: "API connections and sync cursors",
        sql: include_str!("../migrations/sqlite/0008_connections.sql"),
    },
    Migration {
        version: 9,
        description: "connection health and comments hidden from the inbox",
        sql: include_str!("../migrations/sqlite/0009_sync_health.sql"),
    },
];

const POSTGRES: &[Migration] = &[
    Migration {
        version: 1,
        description: "initial schema",
        sql: include_str!("../migrations/postgres/0001_init.sql"),
    },
    Migration {
        version: 2,
        description: "imports and account metrics",
        sql: include_str!("../migrations/postgres/0002_imports.sql"),
    },
    Migration {
        version: 3,
        description: "text models",
        sql: include_str!("../migrations/postgres/0003_models.sql"),
    },
    Migration {
        version: 4,
        description: "KPI inputs: surveys, groups, ambassadors' consent",
        sql: include_str!("../migrations/postgres/0004_kpi_inputs.sql"),
    },
    Migration {
        version: 5,
        description: "website traffic",
        sql: include_str!("../migrations/postgres/0005_traffic.sql"),
    },
    Migration {
        version: 6,
        description: "short links and their daily counts",
        sql: include_str!("../migrations/postgres/0006_links.sql"),
    },
    Migration {
        version: 7,
        description: "web app: sessions, API tokens, action log, inbox state, saved replies",
        sql: include_str!("../migrations/postgres/0007_web.sql"),
    },
    Migration {
        version: 8,
        description: "API connections and sync cursors",
        sql: include_str!("../migrations/postgres/0008_connections.sql"),
    },
    Migration {
        version: 9,
        description: "connection health and comments hidden from the inbox",
        sql: include_str!("../migrations/postgres/0009_sync_health.sql"),
    },
];

/// The newest schema this build knows.
pub const SCHEMA_VERSION: i64 = 9;

fn migrations(backend: Backend) -> &'static [Migration] {
    match backend {
        Backend::Sqlite => SQLITE,
        Backend::Postgres => POSTGRES,
    }
}

fn checksum(sql: &str) -> String {
    hex::encode(Sha256::digest(sql.as_bytes()))
}

/// Brings the schema up to date, each migration in its own transaction.
pub(crate) async fn run(pool: &AnyPool, backend: Backend) -> Result<(), StoreError> {
    sqlx::raw_sql(
        "CREATE TABLE IF NOT EXISTS relais_migrations (
            version BIGINT PRIMARY KEY,
            description TEXT NOT NULL,
            checksum TEXT NOT NULL,
            applied_at BIGINT NOT NULL)",
    )
    .execute(pool)
    .await
    .map_err(sql("reading the schema version"))?;
    let applied: Vec<(i64, String)> =
        sqlx::query_as("SELECT version, checksum FROM relais_migrations ORDER BY version")
            .fetch_all(pool)
            .await
            .map_err(sql("reading the schema version"))?;
    let known = migrations(backend);
    if let Some((found, _)) = applied.iter().find(|(v, _)| *v > SCHEMA_VERSION) {
        return Err(StoreError::NewerDatabase {
            found: applied.last().map_or(*found, |(v, _)| *v),
            supported: SCHEMA_VERSION,
        });
    }
    for (version, sum) in &applied {
        let m = known.iter().find(|m| m.version == *version);
        if m.is_none_or(|m| checksum(m.sql) != *sum) {
            return Err(StoreError::EditedMigration { version: *version });
        }
    }
    for m in known
        .iter()
        .filter(|m| !applied.iter().any(|(v, _)| *v == m.version))
    {
        let mut tx = pool.begin().await.map_err(sql("migrating the schema"))?;
        sqlx::raw_sql(m.sql)
            .execute(&mut *tx)
            .await
            .map_err(sql("migrating the schema"))?;
        sqlx::query(
            "INSERT INTO relais_migrations (version, description, checksum, applied_at)
             VALUES ($1, $2, $3, $4)",
        )
        .bind(m.version)
        .bind(m.description)
        .bind(checksum(m.sql))
        .bind(chrono::Utc::now().timestamp())
        .execute(&mut *tx)
        .await
        .map_err(sql("migrating the schema"))?;
        tx.commit().await.map_err(sql("migrating the schema"))?;
    }
    Ok(())
}
