//! Throwaway databases for tests: a SQLite file in a temporary folder, or a
//! fresh PostgreSQL database on the server named by
//! `RELAIS_TEST_DATABASE_URL` (dropped by [`TestDb::cleanup`]).
//!
//! Test support only; nothing in relais itself calls it.

use std::sync::atomic::{AtomicU32, Ordering};

use sqlx::{AnyConnection, AssertSqlSafe, Connection};

/// The environment variable that names the PostgreSQL server for tests.
pub const PG_ENV: &str = "RELAIS_TEST_DATABASE_URL";
/// Set to `1` (CI does) to make PostgreSQL tests fail instead of skipping.
pub const REQUIRE_PG_ENV: &str = "RELAIS_REQUIRE_POSTGRES";

/// A database that exists for one test.
pub struct TestDb {
    pub url: String,
    admin_url: Option<String>,
    name: Option<String>,
    _dir: Option<tempfile::TempDir>,
}

impl TestDb {
    /// A new SQLite file in its own temporary folder.
    pub fn sqlite() -> Self {
        let dir = tempfile::tempdir().expect("temporary folder");
        let url = format!("sqlite://{}", dir.path().join("relais.db").display());
        Self {
            url,
            admin_url: None,
            name: None,
            _dir: Some(dir),
        }
    }

    /// A new empty PostgreSQL database, or `None` when no server is
    /// configured (a panic instead when `RELAIS_REQUIRE_POSTGRES=1`).
    pub async fn postgres() -> Option<Self> {
        let Ok(admin_url) = std::env::var(PG_ENV) else {
            assert!(
                std::env::var(REQUIRE_PG_ENV).as_deref() != Ok("1"),
                "{REQUIRE_PG_ENV}=1 but {PG_ENV} is not set"
            );
            eprintln!("PostgreSQL story skipped: {PG_ENV} is not set");
            return None;
        };
        static COUNTER: AtomicU32 = AtomicU32::new(0);
        let name = format!(
            "relais_test_{}_{}_{}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::SeqCst),
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.subsec_nanos())
                .unwrap_or(0)
        );
        sqlx::any::install_default_drivers();
        let mut admin = AnyConnection::connect(&admin_url)
            .await
            .expect("connect to the PostgreSQL test server");
        sqlx::raw_sql(AssertSqlSafe(format!("CREATE DATABASE {name}")))
            .execute(&mut admin)
            .await
            .expect("create a throwaway database");
        let _ = admin.close().await;
        let mut url = url::Url::parse(&admin_url).expect("a valid PostgreSQL URL");
        url.set_path(&name);
        Some(Self {
            url: url.to_string(),
            admin_url: Some(admin_url),
            name: Some(name),
            _dir: None,
        })
    }

    /// Drops a PostgreSQL database (the SQLite folder goes with the value).
    pub async fn cleanup(self) {
        if let (Some(admin_url), Some(name)) = (&self.admin_url, &self.name)
            && let Ok(mut admin) = AnyConnection::connect(admin_url).await
        {
            let _ = sqlx::raw_sql(AssertSqlSafe(format!(
                "DROP DATABASE IF EXISTS {name} WITH (FORCE)"
            )))
            .execute(&mut admin)
            .await;
            let _ = admin.close().await;
        }
    }
}
