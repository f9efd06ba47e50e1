//! relais storage: one narrow [`Store`] trait, implemented by [`SqlStore`]
//! over SQLite (the default, one file in WAL mode) and PostgreSQL, chosen by
//! the database URL.
//!
//! The store turns domain values into rows and back, and keeps every write
//! that belongs together in one transaction: an import lands whole or not at
//! all. It holds no business rule beyond the integrity of what it stores
//! (those live in `relais-core`) and prints nothing.

mod backend;
mod connect;
mod error;
mod facts;
mod import;
mod inputs;
mod labels;
mod links;
mod migrate;
mod privacy;
mod read;
mod rows;
mod sql_store;
mod tables;
mod traffic;
mod web;
mod webhook;
mod write;

pub mod testing;

use std::future::Future;

pub use backend::{Backend, DbUrl, redact};
pub use connect::{ConnectStore, ConnectionHealth, StoredConnection};
pub use error::StoreError;
pub use import::ImportOutcome;
pub use inputs::{GroupDeclaration, SurveyImportSummary};
pub use labels::{HumanLabel, ToLabel};
pub use links::{DailyCount, LinkScope, LinkStore, StoredLink};
pub use migrate::SCHEMA_VERSION;
pub use read::{Status, TableDump};
pub use sql_store::SqlStore;
pub use traffic::{
    TrafficBy, TrafficImport, TrafficOutcome, TrafficQuery, TrafficReportRow, TrafficRow,
    TrafficStore,
};
pub use web::{
    Assignment, AuditEntry, CommentDetail, Hidden, Note, Reply, Role, SavedReply, SessionRow,
    TokenRow, User, WebStore,
};
pub use webhook::WebhookStore;
pub use write::{ResidenceImportSummary, WriteSummary};

use std::collections::BTreeMap;

use relais_core::{
    Account, AccountId, Dataset, ImportBatch, InstallationSecret, Label, Pseudonym, Residence,
    Territory,
};

/// What relais asks of a database. Each method is one unit of work: it
/// either completes or leaves the database as it was.
pub trait Store: Send + Sync {
    /// Counts of what the database holds, and the organisations.
    fn status(&self) -> impl Future<Output = Result<Status, StoreError>> + Send;

    /// The installation's pseudonym secret; `fresh` is stored and returned
    /// when the installation has none yet.
    fn installation_secret(
        &self,
        fresh: InstallationSecret,
    ) -> impl Future<Output = Result<InstallationSecret, StoreError>> + Send;

    /// Replaces everything with the demo landlord of `seed`. Refused when the
    /// database holds data that is not a demo's.
    fn replace_with_demo(
        &self,
        seed: u64,
        secret: &InstallationSecret,
        data: &Dataset,
    ) -> impl Future<Output = Result<WriteSummary, StoreError>> + Send;

    /// Adds or updates territories and residences, all or nothing.
    fn import_residences(
        &self,
        territories: &[Territory],
        residences: &[Residence],
    ) -> impl Future<Output = Result<ResidenceImportSummary, StoreError>> + Send;

    /// Every territory, directions first, then by name.
    fn territories(&self) -> impl Future<Output = Result<Vec<Territory>, StoreError>> + Send;

    /// Every residence, by agency then name.
    fn residences(&self) -> impl Future<Output = Result<Vec<Residence>, StoreError>> + Send;

    /// Erases one person: their comments, the labels on them, their name,
    /// and the inbox's notes, assignments and replies written in relais
    /// about those comments (imported replies stay, unlinked). Returns how
    /// many comments were erased.
    fn erase_person(
        &self,
        person: &Pseudonym,
    ) -> impl Future<Output = Result<u64, StoreError>> + Send;

    /// Writes one imported file, all or nothing; with `dry_run`, rolls back
    /// and only reports what would change.
    fn import_batch(
        &self,
        batch: &ImportBatch,
        dry_run: bool,
    ) -> impl Future<Output = Result<ImportOutcome, StoreError>> + Send;

    /// Every account, by id.
    fn accounts(&self) -> impl Future<Output = Result<Vec<Account>, StoreError>> + Send;

    /// The account of each known post among `post_ids` (`network:id`).
    fn post_accounts(
        &self,
        post_ids: &[String],
    ) -> impl Future<Output = Result<BTreeMap<String, AccountId>, StoreError>> + Send;

    /// Posts and comments with no label yet on their main field.
    fn unlabelled(&self) -> impl Future<Output = Result<Vec<ToLabel>, StoreError>> + Send;

    /// Replaces the model labels of these subjects and fields (a person's
    /// labels are never touched). Returns the labels written.
    fn write_model_labels(
        &self,
        labels: &[Label],
    ) -> impl Future<Output = Result<u64, StoreError>> + Send;

    /// Stores a person's label, which wins over any model's.
    fn set_human_label(&self, label: &Label)
    -> impl Future<Output = Result<(), StoreError>> + Send;

    /// Every person's label with its text, to learn from.
    fn human_labels(&self) -> impl Future<Output = Result<Vec<HumanLabel>, StoreError>> + Send;

    /// Keeps a trained model.
    fn save_model(
        &self,
        name: &str,
        version: &str,
        bytes: &[u8],
        trained_at: i64,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;

    /// A kept model's bytes.
    fn load_model(
        &self,
        name: &str,
    ) -> impl Future<Output = Result<Option<Vec<u8>>, StoreError>> + Send;

    /// Everything the KPI engine reads, labels resolved.
    fn kpi_facts(&self) -> impl Future<Output = Result<relais_kpi::Facts, StoreError>> + Send;

    /// Adds or updates survey results, all or nothing.
    fn import_surveys(
        &self,
        rows: &[relais_core::survey::SurveyResult],
    ) -> impl Future<Output = Result<SurveyImportSummary, StoreError>> + Send;

    /// Adds or updates a residents' group and its member counts.
    fn declare_group(
        &self,
        group: &GroupDeclaration,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;

    /// Records (`Some(name)`) or withdraws (`None`) a person's consent to be
    /// named as an ambassador; false when the pseudonym is unknown.
    fn set_consent(
        &self,
        pseudonym: &str,
        shown_as: Option<&str>,
        by: &str,
        at: i64,
    ) -> impl Future<Output = Result<bool, StoreError>> + Send;

    /// Every data table's rows as text, in a stable order, for comparing two
    /// databases (migration bookkeeping excluded).
    fn dump(&self) -> impl Future<Output = Result<Vec<TableDump>, StoreError>> + Send;
}
