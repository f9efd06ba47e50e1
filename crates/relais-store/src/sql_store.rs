//! [`SqlStore`]: the [`Store`] over sqlx's `Any` driver, SQLite or PostgreSQL.
//!
//! Both backends run the same queries (`$n` parameters, `ON CONFLICT`,
//! integers for instants); what differs lives in the backend module and the
//! two migration folders. Opening a store connects, checks the schema
//! version and migrates: a store that exists is ready.

use std::time::Duration;

use std::collections::BTreeMap;

use relais_core::{
    Account, AccountId, Dataset, ImportBatch, InstallationSecret, Label, Pseudonym, Residence,
    Territory,
};
use sqlx::any::AnyPoolOptions;
use sqlx::{AnyConnection, AnyPool, Connection, Executor};

use crate::backend::{Backend, DbUrl};
use crate::error::StoreError;
use crate::import::ImportOutcome;
use crate::labels::{self, HumanLabel, ToLabel};
use crate::read::{Status, TableDump};
use crate::write::{ResidenceImportSummary, WriteSummary};
use crate::{Store, import, migrate, privacy, read, write};

/// A relais database.
#[derive(Debug, Clone)]
pub struct SqlStore {
    pool: AnyPool,
    backend: Backend,
}

impl SqlStore {
    /// Opens (creating a SQLite file if needed) and migrates the database.
    pub async fn open(raw_url: &str) -> Result<Self, StoreError> {
        sqlx::any::install_default_drivers();
        let url = DbUrl::parse(raw_url)?;
        let backend = url.backend;
        let mut options = AnyPoolOptions::new()
            .max_connections(if backend == Backend::Sqlite { 4 } else { 8 })
            .acquire_timeout(Duration::from_secs(10));
        if backend == Backend::Sqlite {
            options = options.after_connect(|conn, _| {
                Box::pin(async move {
                    conn.execute("PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;")
                        .await?;
                    Ok(())
                })
            });
        }
        let connect_err = |source| StoreError::Connect {
            backend,
            target: url.redacted(),
            source,
        };
        // One plain connection first: a pool would only report a time-out,
        // where this says "connection refused" or "password authentication failed".
        let probe = AnyConnection::connect(&url.url)
            .await
            .map_err(connect_err)?;
        let _ = probe.close().await;
        let pool = options.connect(&url.url).await.map_err(connect_err)?;
        if backend == Backend::Sqlite {
            // WAL is a property of the file: set once, it stays.
            sqlx::raw_sql("PRAGMA journal_mode = WAL")
                .execute(&pool)
                .await
                .map_err(connect_err)?;
        }
        migrate::run(&pool, backend).await?;
        Ok(Self { pool, backend })
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    pub(crate) fn pool(&self) -> &AnyPool {
        &self.pool
    }

    /// Closes every connection (and checkpoints a SQLite WAL).
    pub async fn close(self) {
        self.pool.close().await;
    }
}

impl Store for SqlStore {
    async fn status(&self) -> Result<Status, StoreError> {
        read::status(self).await
    }

    async fn installation_secret(
        &self,
        fresh: InstallationSecret,
    ) -> Result<InstallationSecret, StoreError> {
        privacy::installation_secret(self, fresh).await
    }

    async fn replace_with_demo(
        &self,
        seed: u64,
        secret: &InstallationSecret,
        data: &Dataset,
    ) -> Result<WriteSummary, StoreError> {
        write::replace_with_demo(self, seed, secret, data).await
    }

    async fn import_residences(
        &self,
        territories: &[Territory],
        residences: &[Residence],
    ) -> Result<ResidenceImportSummary, StoreError> {
        write::import_residences(self, territories, residences).await
    }

    async fn territories(&self) -> Result<Vec<Territory>, StoreError> {
        read::territories(self).await
    }

    async fn residences(&self) -> Result<Vec<Residence>, StoreError> {
        read::residences(self).await
    }

    async fn erase_person(&self, person: &Pseudonym) -> Result<u64, StoreError> {
        privacy::erase_person(self, person).await
    }

    async fn import_batch(
        &self,
        batch: &ImportBatch,
        dry_run: bool,
    ) -> Result<ImportOutcome, StoreError> {
        import::import_batch(self, batch, dry_run).await
    }

    async fn accounts(&self) -> Result<Vec<Account>, StoreError> {
        import::accounts(self).await
    }

    async fn post_accounts(
        &self,
        post_ids: &[String],
    ) -> Result<BTreeMap<String, AccountId>, StoreError> {
        import::post_accounts(self, post_ids).await
    }

    async fn unlabelled(&self) -> Result<Vec<ToLabel>, StoreError> {
        labels::unlabelled(self).await
    }

    async fn write_model_labels(&self, l: &[Label]) -> Result<u64, StoreError> {
        labels::write_model_labels(self, l).await
    }

    async fn set_human_label(&self, label: &Label) -> Result<(), StoreError> {
        labels::set_human_label(self, label).await
    }

    async fn human_labels(&self) -> Result<Vec<HumanLabel>, StoreError> {
        labels::human_labels(self).await
    }

    async fn save_model(
        &self,
        name: &str,
        version: &str,
        bytes: &[u8],
        at: i64,
    ) -> Result<(), StoreError> {
        labels::save_model(self, name, version, bytes, at).await
    }

    async fn load_model(&self, name: &str) -> Result<Option<Vec<u8>>, StoreError> {
        labels::load_model(self, name).await
    }

    async fn kpi_facts(&self) -> Result<relais_kpi::Facts, StoreError> {
        crate::facts::kpi_facts(self).await
    }

    async fn import_surveys(
        &self,
        rows: &[relais_core::survey::SurveyResult],
    ) -> Result<crate::SurveyImportSummary, StoreError> {
        crate::inputs::import_surveys(self, rows).await
    }

    async fn declare_group(&self, group: &crate::GroupDeclaration) -> Result<(), StoreError> {
        crate::inputs::declare_group(self, group).await
    }

    async fn set_consent(
        &self,
        pseudonym: &str,
        shown_as: Option<&str>,
        by: &str,
        at: i64,
    ) -> Result<bool, StoreError> {
        crate::inputs::set_consent(self, pseudonym, shown_as, by, at).await
    }

    async fn dump(&self) -> Result<Vec<TableDump>, StoreError> {
        read::dump(self).await
    }
}
