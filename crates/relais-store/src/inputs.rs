//! The KPI inputs people declare: satisfaction survey results, residents'
//! groups (whose member counts no API gives any more), and ambassadors'
//! consent to be named. Each write is one transaction; writing the same
//! thing twice changes nothing.

use chrono::NaiveDate;
use relais_core::survey::{SurveyResult, SurveyScope};
use relais_core::{Account, AccountKind, ResidenceId};
use serde::Serialize;

use crate::error::{StoreError, sql};
use crate::sql_store::SqlStore;

/// What a survey import did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct SurveyImportSummary {
    pub added: u64,
    pub updated: u64,
    pub unchanged: u64,
}

pub(crate) async fn import_surveys(
    store: &SqlStore,
    rows: &[SurveyResult],
) -> Result<SurveyImportSummary, StoreError> {
    let doing = "importing survey results";
    let mut tx = store.pool().begin().await.map_err(sql(doing))?;
    let mut summary = SurveyImportSummary::default();
    for r in rows {
        let (scope, id) = match &r.scope {
            SurveyScope::Territory(t) => ("territory", t.as_str()),
            SurveyScope::Residence(x) => ("residence", x.as_str()),
        };
        let found: Option<(f64, i64)> = sqlx::query_as(
            "SELECT score, respondents FROM surveys WHERE scope = $1 AND scope_id = $2 AND year = $3 AND question = $4",
        )
        .bind(scope)
        .bind(id)
        .bind(i64::from(r.year))
        .bind(&r.question)
        .fetch_optional(&mut *tx)
        .await
        .map_err(sql(doing))?;
        match found {
            Some((s, n)) if s == r.score && n == i64::from(r.respondents) => summary.unchanged += 1,
            Some(_) => {
                sqlx::query("UPDATE surveys SET score = $1, respondents = $2 WHERE scope = $3 AND scope_id = $4 AND year = $5 AND question = $6")
                    .bind(r.score)
                    .bind(i64::from(r.respondents))
                    .bind(scope)
                    .bind(id)
                    .bind(i64::from(r.year))
                    .bind(&r.question)
                    .execute(&mut *tx)
                    .await
                    .map_err(sql(doing))?;
                summary.updated += 1;
            }
            None => {
                sqlx::query("INSERT INTO surveys (scope, scope_id, year, question, score, respondents) VALUES ($1, $2, $3, $4, $5, $6)")
                    .bind(scope)
                    .bind(id)
                    .bind(i64::from(r.year))
                    .bind(&r.question)
                    .bind(r.score)
                    .bind(i64::from(r.respondents))
                    .execute(&mut *tx)
                    .await
                    .map_err(sql(doing))?;
                summary.added += 1;
            }
        }
    }
    tx.commit().await.map_err(sql(doing))?;
    Ok(summary)
}

/// A residents' group as declared by the landlord.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupDeclaration {
    /// The group's account (kind `group`).
    pub account: Account,
    pub url: String,
    pub residences: Vec<ResidenceId>,
    /// Member counts by day.
    pub members: Vec<(NaiveDate, u64)>,
    pub declared_at: i64,
}

pub(crate) async fn declare_group(
    store: &SqlStore,
    g: &GroupDeclaration,
) -> Result<(), StoreError> {
    let doing = "declaring a residents' group";
    debug_assert_eq!(g.account.kind, AccountKind::Group);
    let mut tx = store.pool().begin().await.map_err(sql(doing))?;
    let a = &g.account;
    sqlx::query(
        "INSERT INTO accounts (id, network, kind, handle, network_id, name, territory_id)
         VALUES ($1, $2, 'group', $3, $4, $5, $6)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, territory_id = excluded.territory_id",
    )
    .bind(a.id.as_str())
    .bind(a.network.code())
    .bind(&a.handle)
    .bind(a.network_id.as_str())
    .bind(&a.name)
    .bind(a.territory.as_ref().map(|t| t.as_str().to_string()))
    .execute(&mut *tx)
    .await
    .map_err(sql(doing))?;
    let residences = g
        .residences
        .iter()
        .map(|r| r.as_str())
        .collect::<Vec<_>>()
        .join("|");
    sqlx::query(
        "INSERT INTO group_declarations (account_id, url, residences, declared_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (account_id) DO UPDATE SET url = excluded.url, residences = excluded.residences",
    )
    .bind(a.id.as_str())
    .bind(&g.url)
    .bind(residences)
    .bind(g.declared_at)
    .execute(&mut *tx)
    .await
    .map_err(sql(doing))?;
    for (day, count) in &g.members {
        sqlx::query(
            "INSERT INTO follower_counts (account_id, day, count, source) VALUES ($1, $2, $3, 'declared')
             ON CONFLICT (account_id, day) DO UPDATE SET count = excluded.count, source = excluded.source",
        )
        .bind(a.id.as_str())
        .bind(day.format("%Y-%m-%d").to_string())
        .bind(i64::try_from(*count).unwrap_or(i64::MAX))
        .execute(&mut *tx)
        .await
        .map_err(sql(doing))?;
    }
    tx.commit().await.map_err(sql(doing))?;
    Ok(())
}

/// Records (or, with `shown_as = None`, withdraws) a person's consent to be
/// named as an ambassador. Returns false when the person is unknown.
pub(crate) async fn set_consent(
    store: &SqlStore,
    pseudonym: &str,
    shown_as: Option<&str>,
    by: &str,
    at: i64,
) -> Result<bool, StoreError> {
    let doing = "recording an ambassador's consent";
    let mut tx = store.pool().begin().await.map_err(sql(doing))?;
    let known: Option<(String,)> =
        sqlx::query_as("SELECT pseudonym FROM authors WHERE pseudonym = $1")
            .bind(pseudonym)
            .fetch_optional(&mut *tx)
            .await
            .map_err(sql(doing))?;
    if known.is_none() {
        return Ok(false);
    }
    sqlx::query("DELETE FROM ambassador_consents WHERE pseudonym = $1")
        .bind(pseudonym)
        .execute(&mut *tx)
        .await
        .map_err(sql(doing))?;
    if let Some(name) = shown_as {
        sqlx::query("INSERT INTO ambassador_consents (pseudonym, shown_as, recorded_by, recorded_at) VALUES ($1, $2, $3, $4)")
            .bind(pseudonym)
            .bind(name)
            .bind(by)
            .bind(at)
            .execute(&mut *tx)
            .await
            .map_err(sql(doing))?;
    }
    tx.commit().await.map_err(sql(doing))?;
    Ok(true)
}
