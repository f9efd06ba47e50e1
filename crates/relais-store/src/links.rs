//! Short links: the allowed domains, the links themselves and their daily
//! counts, behind a trait of their own ([`LinkStore`]) so that the main
//! [`crate::Store`] stays as it is.
//!
//! The store keeps what it is given: codes, targets and counts. Checking a
//! target against the allowed domains, making codes and grouping the counts
//! belong to `relais-links`. Nothing here holds an address, a user agent or
//! a hash of either: `link_daily` is counts per link per day, nothing else.

use std::future::Future;

use relais_core::{ResidenceId, TerritoryId};
use serde::Serialize;

use crate::error::{StoreError, corrupt, sql};
use crate::rows::{Val, insert_rows};
use crate::sql_store::SqlStore;
use crate::tables;

/// What a link is about: one residence, or one agency or direction.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
pub enum LinkScope {
    Residence(ResidenceId),
    Territory(TerritoryId),
}

/// A link as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StoredLink {
    pub code: String,
    /// The full target, UTM parameters included.
    pub target: String,
    pub scope: LinkScope,
    pub action: String,
    pub action_slug: String,
    /// affiche, flyer, evenement or courrier.
    pub channel: String,
    /// Unix seconds, UTC.
    pub created_at: i64,
}

/// Counts of one link on one day (Europe/Paris), to add or as stored.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct DailyCount {
    pub code: String,
    /// YYYY-MM-DD.
    pub day: String,
    pub scans: i64,
    pub uniques: i64,
    pub bots: i64,
}

/// What relais asks of a database about short links. Each method is one
/// transaction.
pub trait LinkStore: Send + Sync {
    /// Allows targets on `domain` and its subdomains; false when it already was.
    fn allow_link_domain(
        &self,
        domain: &str,
    ) -> impl Future<Output = Result<bool, StoreError>> + Send;

    /// Every allowed domain, sorted.
    fn link_domains(&self) -> impl Future<Output = Result<Vec<String>, StoreError>> + Send;

    /// Creates links, all or none: refused (naming it) when a residence or a
    /// territory does not exist or a code is taken.
    fn create_links(
        &self,
        links: &[StoredLink],
    ) -> impl Future<Output = Result<(), StoreError>> + Send;

    /// One link by its code.
    fn link(
        &self,
        code: &str,
    ) -> impl Future<Output = Result<Option<StoredLink>, StoreError>> + Send;

    /// Every link, by code.
    fn links(&self) -> impl Future<Output = Result<Vec<StoredLink>, StoreError>> + Send;

    /// Adds counts to what is stored (a day seen again is incremented).
    fn add_link_counts(
        &self,
        counts: &[DailyCount],
    ) -> impl Future<Output = Result<(), StoreError>> + Send;

    /// Stored daily counts from `since` (YYYY-MM-DD, included), by code and day.
    fn link_counts(
        &self,
        since: Option<&str>,
    ) -> impl Future<Output = Result<Vec<DailyCount>, StoreError>> + Send;

    /// Deletes daily counts of days before `before` (YYYY-MM-DD); returns how many.
    fn purge_link_counts(
        &self,
        before: &str,
    ) -> impl Future<Output = Result<u64, StoreError>> + Send;
}

const LINK_COLUMNS: &str =
    "code, target, residence_id, territory_id, action, action_slug, channel, created_at";

type LinkRow = (
    String,
    String,
    Option<String>,
    Option<String>,
    String,
    String,
    String,
    i64,
);

fn from_row(r: LinkRow) -> Result<StoredLink, StoreError> {
    let (code, target, residence, territory, action, action_slug, channel, created_at) = r;
    let scope = match (residence, territory) {
        (Some(r), None) => LinkScope::Residence(ResidenceId::parse(&r).map_err(corrupt("links"))?),
        (None, Some(t)) => LinkScope::Territory(TerritoryId::parse(&t).map_err(corrupt("links"))?),
        _ => {
            return Err(StoreError::Corrupt {
                table: "links",
                detail: format!("{code}: neither one residence nor one territory"),
            });
        }
    };
    Ok(StoredLink {
        code,
        target,
        scope,
        action,
        action_slug,
        channel,
        created_at,
    })
}

fn to_row(l: &StoredLink) -> Vec<Val> {
    let (residence, territory) = match &l.scope {
        LinkScope::Residence(r) => (Some(r.as_str()), None),
        LinkScope::Territory(t) => (None, Some(t.as_str())),
    };
    vec![
        Val::from(l.code.as_str()),
        Val::from(l.target.as_str()),
        Val::from(residence),
        Val::from(territory),
        Val::from(l.action.as_str()),
        Val::from(l.action_slug.as_str()),
        Val::from(l.channel.as_str()),
        Val::Int(l.created_at),
    ]
}

impl LinkStore for SqlStore {
    async fn allow_link_domain(&self, domain: &str) -> Result<bool, StoreError> {
        let n = sqlx::query("INSERT INTO link_domains (domain) VALUES ($1) ON CONFLICT DO NOTHING")
            .bind(domain)
            .execute(self.pool())
            .await
            .map_err(sql("allowing a link domain"))?
            .rows_affected();
        Ok(n > 0)
    }

    async fn link_domains(&self) -> Result<Vec<String>, StoreError> {
        let rows: Vec<(String,)> =
            sqlx::query_as("SELECT domain FROM link_domains ORDER BY domain")
                .fetch_all(self.pool())
                .await
                .map_err(sql("reading the link domains"))?;
        Ok(rows.into_iter().map(|(d,)| d).collect())
    }

    async fn create_links(&self, links: &[StoredLink]) -> Result<(), StoreError> {
        let doing = "creating links";
        let mut tx = self.pool().begin().await.map_err(sql(doing))?;
        for l in links {
            let (query, id, fr, en) = match &l.scope {
                LinkScope::Residence(r) => (
                    "SELECT COUNT(*) FROM residences WHERE id = $1",
                    r.as_str(),
                    "résidence",
                    "residence",
                ),
                LinkScope::Territory(t) => (
                    "SELECT COUNT(*) FROM territories WHERE id = $1",
                    t.as_str(),
                    "territoire",
                    "territory",
                ),
            };
            let (n,): (i64,) = sqlx::query_as(query)
                .bind(id)
                .fetch_one(&mut *tx)
                .await
                .map_err(sql(doing))?;
            if n == 0 {
                return Err(StoreError::Conflict {
                    fr: format!(
                        "{fr} inconnue : « {id} ». Voyez les identifiants avec \
                         `relais residence list` ou `relais territory list` ; aucun lien créé."
                    ),
                    en: format!(
                        "unknown {en} `{id}`. See the ids with `relais residence list` or \
                         `relais territory list`; no link was created."
                    ),
                });
            }
            let (taken,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM links WHERE code = $1")
                .bind(l.code.as_str())
                .fetch_one(&mut *tx)
                .await
                .map_err(sql(doing))?;
            if taken > 0 {
                return Err(StoreError::Conflict {
                    fr: format!("le code {} existe déjà ; relancez la commande.", l.code),
                    en: format!("code {} already exists; run the command again.", l.code),
                });
            }
        }
        insert_rows(
            &mut tx,
            &tables::LINKS,
            links.iter().map(to_row).collect(),
            "",
        )
        .await
        .map_err(sql(doing))?;
        tx.commit().await.map_err(sql(doing))
    }

    async fn link(&self, code: &str) -> Result<Option<StoredLink>, StoreError> {
        let q = format!("SELECT {LINK_COLUMNS} FROM links WHERE code = $1");
        let row: Option<LinkRow> = sqlx::query_as(sqlx::AssertSqlSafe(q))
            .bind(code)
            .fetch_optional(self.pool())
            .await
            .map_err(sql("reading a link"))?;
        row.map(from_row).transpose()
    }

    async fn links(&self) -> Result<Vec<StoredLink>, StoreError> {
        let q = format!("SELECT {LINK_COLUMNS} FROM links ORDER BY code");
        let rows: Vec<LinkRow> = sqlx::query_as(sqlx::AssertSqlSafe(q))
            .fetch_all(self.pool())
            .await
            .map_err(sql("reading the links"))?;
        rows.into_iter().map(from_row).collect()
    }

    async fn add_link_counts(&self, counts: &[DailyCount]) -> Result<(), StoreError> {
        let doing = "adding link counts";
        let mut tx = self.pool().begin().await.map_err(sql(doing))?;
        for c in counts {
            sqlx::query(
                "INSERT INTO link_daily (code, day, scans, uniques, bots)
                 VALUES ($1, $2, $3, $4, $5)
                 ON CONFLICT (code, day) DO UPDATE SET
                   scans = link_daily.scans + excluded.scans,
                   uniques = link_daily.uniques + excluded.uniques,
                   bots = link_daily.bots + excluded.bots",
            )
            .bind(c.code.as_str())
            .bind(c.day.as_str())
            .bind(c.scans)
            .bind(c.uniques)
            .bind(c.bots)
            .execute(&mut *tx)
            .await
            .map_err(sql(doing))?;
        }
        tx.commit().await.map_err(sql(doing))
    }

    async fn link_counts(&self, since: Option<&str>) -> Result<Vec<DailyCount>, StoreError> {
        let rows: Vec<(String, String, i64, i64, i64)> = sqlx::query_as(
            "SELECT code, day, scans, uniques, bots FROM link_daily
             WHERE day >= $1 ORDER BY code, day",
        )
        .bind(since.unwrap_or(""))
        .fetch_all(self.pool())
        .await
        .map_err(sql("reading link counts"))?;
        Ok(rows
            .into_iter()
            .map(|(code, day, scans, uniques, bots)| DailyCount {
                code,
                day,
                scans,
                uniques,
                bots,
            })
            .collect())
    }

    async fn purge_link_counts(&self, before: &str) -> Result<u64, StoreError> {
        let n = sqlx::query("DELETE FROM link_daily WHERE day < $1")
            .bind(before)
            .execute(self.pool())
            .await
            .map_err(sql("purging old link counts"))?
            .rows_affected();
        Ok(n)
    }
}
