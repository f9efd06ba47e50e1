//! What can go wrong in the store, said so that a person knows what to do.
//!
//! Every variant has a French and an English message ([`StoreError::message`]);
//! `Display` is the French one. Passwords in database URLs never appear.

use relais_core::Lang;
use thiserror::Error;

use crate::backend::Backend;

/// A storage failure.
#[derive(Debug, Error)]
pub enum StoreError {
    #[error("{}", self.message(Lang::Fr))]
    BadUrl {
        url: String,
        /// French and English.
        reason: [&'static str; 2],
    },
    #[error("{}", self.message(Lang::Fr))]
    Connect {
        backend: Backend,
        target: String,
        #[source]
        source: sqlx::Error,
    },
    #[error("{}", self.message(Lang::Fr))]
    NewerDatabase { found: i64, supported: i64 },
    #[error("{}", self.message(Lang::Fr))]
    EditedMigration { version: i64 },
    #[error("{}", self.message(Lang::Fr))]
    /// Refused because of what the database already holds; says how to fix it.
    Conflict { fr: String, en: String },
    #[error("{}", self.message(Lang::Fr))]
    Corrupt { table: &'static str, detail: String },
    #[error("{}", self.message(Lang::Fr))]
    Sql {
        doing: &'static str,
        #[source]
        source: sqlx::Error,
    },
}

impl StoreError {
    /// The message in the given language.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (StoreError::BadUrl { url, reason }, Lang::Fr) => format!(
                "adresse de base de données invalide « {url} » : {}. \
                 Exemples : sqlite://relais.db ou postgres://utilisateur:motdepasse@hôte/base",
                reason[0]
            ),
            (StoreError::BadUrl { url, reason }, Lang::En) => format!(
                "invalid database URL `{url}`: {}. \
                 Examples: sqlite://relais.db or postgres://user:password@host/db",
                reason[1]
            ),
            (
                StoreError::Connect {
                    backend,
                    target,
                    source,
                },
                Lang::Fr,
            ) => format!(
                "impossible d'ouvrir la base {} « {target} » : {}. {}",
                backend.name(),
                short(source),
                backend.connect_hint(Lang::Fr)
            ),
            (
                StoreError::Connect {
                    backend,
                    target,
                    source,
                },
                Lang::En,
            ) => format!(
                "cannot open the {} database `{target}`: {}. {}",
                backend.name(),
                short(source),
                backend.connect_hint(Lang::En)
            ),
            (StoreError::NewerDatabase { found, supported }, Lang::Fr) => format!(
                "cette base a été créée par une version plus récente de relais (schéma {found}, \
                 cette version connaît jusqu'au schéma {supported}). Mettez relais à jour ; \
                 rien n'a été modifié."
            ),
            (StoreError::NewerDatabase { found, supported }, Lang::En) => format!(
                "this database was created by a newer relais (schema {found}; this version knows \
                 up to schema {supported}). Upgrade relais; nothing was changed."
            ),
            (StoreError::EditedMigration { version }, Lang::Fr) => format!(
                "la migration {version} appliquée à cette base ne correspond pas à celle de cette \
                 version de relais : la base vient d'une version de développement. \
                 Repartez d'une base neuve."
            ),
            (StoreError::EditedMigration { version }, Lang::En) => format!(
                "migration {version} applied to this database differs from this relais's: the \
                 database comes from a development build. Start from a fresh database."
            ),
            (StoreError::Conflict { fr, .. }, Lang::Fr) => fr.clone(),
            (StoreError::Conflict { en, .. }, Lang::En) => en.clone(),
            (StoreError::Corrupt { table, detail }, Lang::Fr) => {
                format!("donnée invalide dans la table {table} : {detail}")
            }
            (StoreError::Corrupt { table, detail }, Lang::En) => {
                format!("invalid data in table {table}: {detail}")
            }
            (StoreError::Sql { doing, source }, Lang::Fr) => {
                format!("erreur de la base pendant « {doing} » : {}", short(source))
            }
            (StoreError::Sql { doing, source }, Lang::En) => {
                format!("database error while {doing}: {}", short(source))
            }
        }
    }
}

/// The part of a sqlx error a person can act on.
fn short(e: &sqlx::Error) -> String {
    match e {
        sqlx::Error::Database(db) => db.message().to_string(),
        sqlx::Error::Io(io) => io.to_string(),
        other => other.to_string(),
    }
}

/// Wraps a sqlx error with what the store was doing.
pub(crate) fn sql(doing: &'static str) -> impl FnOnce(sqlx::Error) -> StoreError {
    move |source| StoreError::Sql { doing, source }
}

/// Wraps a domain error found in a stored row.
pub(crate) fn corrupt(table: &'static str) -> impl Fn(relais_core::DomainError) -> StoreError {
    move |e| StoreError::Corrupt {
        table,
        detail: e.to_string(),
    }
}
