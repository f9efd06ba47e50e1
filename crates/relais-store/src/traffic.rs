//! Website traffic: one access log's daily aggregates written in one
//! transaction, recognised by the file's digest when it comes again; the
//! report query; the retention purge.
//!
//! A narrow trait of its own, [`TrafficStore`], so that traffic does not
//! widen [`crate::Store`]. The store only keeps counts per day, site,
//! source, campaign and landing page: nothing here can name a visitor.

use std::collections::BTreeMap;
use std::future::Future;

use serde::Serialize;
use sqlx::Row;

use crate::error::{StoreError, sql};
use crate::rows::{Val, insert_rows};
use crate::sql_store::SqlStore;
use crate::tables::Table;

pub(crate) const TRAFFIC_IMPORTS: Table = Table {
    name: "traffic_imports",
    columns: &[
        "digest",
        "site",
        "file_name",
        "format",
        "imported_at",
        "lines",
        "malformed",
        "bots",
        "pageviews",
        "visits",
    ],
    order: "digest",
};

pub(crate) const TRAFFIC_DAILY: Table = Table {
    name: "traffic_daily",
    columns: &[
        "site",
        "day",
        "source",
        "campaign",
        "landing",
        "pageviews",
        "visits",
    ],
    order: "site, day, source, campaign, landing",
};

/// One aggregate row of a log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TrafficRow {
    /// The Paris day, `YYYY-MM-DD`.
    pub day: String,
    /// The source's code (`facebook`, `relais`, `direct`…).
    pub source: String,
    /// The campaign's name, empty without one.
    pub campaign: String,
    pub landing: String,
    pub pageviews: i64,
    pub visits: i64,
}

/// One log file's aggregates, ready to store.
#[derive(Debug, Clone)]
pub struct TrafficImport {
    /// SHA-256 of the file's bytes, hex.
    pub digest: String,
    pub site: String,
    pub file_name: String,
    pub format: String,
    /// Unix seconds.
    pub imported_at: i64,
    pub lines: i64,
    pub malformed: i64,
    pub bots: i64,
    pub pageviews: i64,
    pub visits: i64,
    /// Rows before this day (`YYYY-MM-DD`) are past the retention period:
    /// they are not written, and stored ones are purged in the same
    /// transaction.
    pub keep_from: Option<String>,
    /// When set (first and last day), the site's stored rows of these days
    /// are replaced rather than added to: a Matomo pull gives whole days.
    pub replace_days: Option<(String, String)>,
    pub rows: Vec<TrafficRow>,
}

/// What an import changed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct TrafficOutcome {
    /// The same bytes were imported before: nothing was done.
    pub already_imported: bool,
    /// Aggregate rows written (new or added to).
    pub rows_written: u64,
    /// The file's rows older than the retention period, not written.
    pub rows_too_old: u64,
    /// Stored rows removed by the retention purge.
    pub rows_purged: u64,
}

/// The dimension a report groups by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TrafficBy {
    /// The source (a network, relais, search…).
    Network,
    Campaign,
    Landing,
    Day,
}

impl TrafficBy {
    fn column(self) -> &'static str {
        match self {
            TrafficBy::Network => "source",
            TrafficBy::Campaign => "campaign",
            TrafficBy::Landing => "landing",
            TrafficBy::Day => "day",
        }
    }
}

/// What a report covers.
#[derive(Debug, Clone)]
pub struct TrafficQuery {
    pub by: TrafficBy,
    /// One site, or all.
    pub site: Option<String>,
    /// First and last day, `YYYY-MM-DD`, both included.
    pub from: Option<String>,
    pub to: Option<String>,
}

/// One line of a report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TrafficReportRow {
    pub key: String,
    pub visits: i64,
    pub pageviews: i64,
}

/// What relais asks of a database about website traffic. Each method is one
/// transaction.
pub trait TrafficStore: Send + Sync {
    /// Writes one log file's aggregates, all or nothing; the same file
    /// (same digest) twice changes nothing.
    fn import_traffic(
        &self,
        import: &TrafficImport,
    ) -> impl Future<Output = Result<TrafficOutcome, StoreError>> + Send;

    /// Visits and page views grouped by one dimension, most visits first
    /// (days in calendar order).
    fn traffic_report(
        &self,
        query: &TrafficQuery,
    ) -> impl Future<Output = Result<Vec<TrafficReportRow>, StoreError>> + Send;

    /// Removes the aggregates of days before `before` (`YYYY-MM-DD`);
    /// returns how many rows went.
    fn purge_traffic(&self, before: &str) -> impl Future<Output = Result<u64, StoreError>> + Send;
}

impl TrafficStore for SqlStore {
    async fn import_traffic(&self, import: &TrafficImport) -> Result<TrafficOutcome, StoreError> {
        let doing = "importing an access log";
        let mut tx = self.pool().begin().await.map_err(sql(doing))?;
        let mut out = TrafficOutcome::default();
        let seen: Option<(String,)> =
            sqlx::query_as("SELECT digest FROM traffic_imports WHERE digest = $1")
                .bind(&import.digest)
                .fetch_optional(&mut *tx)
                .await
                .map_err(sql(doing))?;
        if seen.is_some() {
            out.already_imported = true;
            return Ok(out);
        }
        if let Some((first, last)) = &import.replace_days {
            sqlx::query("DELETE FROM traffic_daily WHERE site = $1 AND day >= $2 AND day <= $3")
                .bind(&import.site)
                .bind(first)
                .bind(last)
                .execute(&mut *tx)
                .await
                .map_err(sql(doing))?;
        }
        // Rows whose texts were cut alike are one row, or the upsert below
        // would touch a row twice in one statement.
        let mut merged: BTreeMap<(&str, &str, &str, &str), (i64, i64)> = BTreeMap::new();
        for r in &import.rows {
            if import
                .keep_from
                .as_deref()
                .is_some_and(|k| r.day.as_str() < k)
            {
                out.rows_too_old += 1;
                continue;
            }
            let e = merged
                .entry((&r.day, &r.source, &r.campaign, &r.landing))
                .or_default();
            e.0 += r.pageviews;
            e.1 += r.visits;
        }
        let rows = merged
            .into_iter()
            .map(|((day, source, campaign, landing), (pageviews, visits))| {
                vec![
                    Val::from(import.site.as_str()),
                    Val::from(day),
                    Val::from(source),
                    Val::from(campaign),
                    Val::from(landing),
                    Val::from(pageviews),
                    Val::from(visits),
                ]
            })
            .collect();
        out.rows_written = insert_rows(
            &mut tx,
            &TRAFFIC_DAILY,
            rows,
            "ON CONFLICT (site, day, source, campaign, landing) DO UPDATE SET
                 pageviews = traffic_daily.pageviews + excluded.pageviews,
                 visits = traffic_daily.visits + excluded.visits",
        )
        .await
        .map_err(sql(doing))?;
        let i = import;
        let record = vec![
            Val::from(i.digest.as_str()),
            Val::from(i.site.as_str()),
            Val::from(i.file_name.as_str()),
            Val::from(i.format.as_str()),
            Val::from(i.imported_at),
            Val::from(i.lines),
            Val::from(i.malformed),
            Val::from(i.bots),
            Val::from(i.pageviews),
            Val::from(i.visits),
        ];
        insert_rows(&mut tx, &TRAFFIC_IMPORTS, vec![record], "")
            .await
            .map_err(sql(doing))?;
        if let Some(keep_from) = &i.keep_from {
            out.rows_purged = sqlx::query("DELETE FROM traffic_daily WHERE day < $1")
                .bind(keep_from)
                .execute(&mut *tx)
                .await
                .map_err(sql(doing))?
                .rows_affected();
        }
        tx.commit().await.map_err(sql(doing))?;
        Ok(out)
    }

    async fn traffic_report(
        &self,
        query: &TrafficQuery,
    ) -> Result<Vec<TrafficReportRow>, StoreError> {
        let column = query.by.column();
        // Days in calendar order; everything else most visits first.
        let order = match query.by {
            TrafficBy::Day => "1",
            _ => "2 DESC, 3 DESC, 1",
        };
        let q = format!(
            "SELECT {column}, CAST(SUM(visits) AS BIGINT), CAST(SUM(pageviews) AS BIGINT)
               FROM traffic_daily
              WHERE ($1 IS NULL OR site = $1) AND ($2 IS NULL OR day >= $2)
                AND ($3 IS NULL OR day <= $3)
              GROUP BY {column}
              ORDER BY {order}"
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(q))
            .bind(query.site.clone())
            .bind(query.from.clone())
            .bind(query.to.clone())
            .fetch_all(self.pool())
            .await
            .map_err(sql("reading website traffic"))?;
        rows.iter()
            .map(|r| {
                Ok(TrafficReportRow {
                    key: r.try_get(0)?,
                    visits: r.try_get(1)?,
                    pageviews: r.try_get(2)?,
                })
            })
            .collect::<Result<_, sqlx::Error>>()
            .map_err(sql("reading website traffic"))
    }

    async fn purge_traffic(&self, before: &str) -> Result<u64, StoreError> {
        sqlx::query("DELETE FROM traffic_daily WHERE day < $1")
            .bind(before)
            .execute(self.pool())
            .await
            .map(|r| r.rows_affected())
            .map_err(sql("purging old website traffic"))
    }
}
