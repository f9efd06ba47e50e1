//! Reading domain values back, counts, and table dumps.

use std::num::NonZeroU32;

use relais_core::{
    BuiltYear, Family, Organisation, Postcode, Residence, ResidenceId, Siren, Territory,
    TerritoryId, TerritoryKind,
};
use serde::Serialize;
use sqlx::AnyConnection;

use crate::error::{StoreError, corrupt, sql};
use crate::sql_store::SqlStore;

/// What a database holds.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Status {
    pub backend: &'static str,
    pub schema_version: i64,
    pub organisations: Vec<Organisation>,
    /// The seed of the demo landlord, when this is a demo database.
    pub demo_seed: Option<u64>,
    pub counts: Counts,
}

/// Row counts, one per kind of thing.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub territories: i64,
    pub directions: i64,
    pub agencies: i64,
    pub residences: i64,
    pub accounts: i64,
    pub follower_counts: i64,
    pub posts: i64,
    pub metric_snapshots: i64,
    pub comments: i64,
    pub replies: i64,
    pub authors: i64,
    pub labels: i64,
    pub users: i64,
    /// Days × metrics of account-level daily series.
    pub account_metrics: i64,
    /// Export files imported.
    pub imports: i64,
    /// Satisfaction survey results.
    pub survey_results: i64,
    /// Declared residents' groups.
    pub groups: i64,
    /// People who agreed to be named as ambassadors.
    pub ambassador_consents: i64,
    /// Short links, and their daily counts.
    pub links: i64,
    pub link_days: i64,
    /// Website traffic: files (or Matomo pulls) imported, and daily rows.
    pub traffic_imports: i64,
    pub traffic_days: i64,
}

pub(crate) async fn status(store: &SqlStore) -> Result<Status, StoreError> {
    let doing = "counting";
    let mut conn = store.pool().acquire().await.map_err(sql(doing))?;
    let mut counts = Counts::default();
    let queries: [(&mut i64, &'static str); 22] = [
        (&mut counts.territories, "SELECT COUNT(*) FROM territories"),
        (
            &mut counts.directions,
            "SELECT COUNT(*) FROM territories WHERE kind = 'direction'",
        ),
        (
            &mut counts.agencies,
            "SELECT COUNT(*) FROM territories WHERE kind = 'agency'",
        ),
        (&mut counts.residences, "SELECT COUNT(*) FROM residences"),
        (&mut counts.accounts, "SELECT COUNT(*) FROM accounts"),
        (
            &mut counts.follower_counts,
            "SELECT COUNT(*) FROM follower_counts",
        ),
        (&mut counts.posts, "SELECT COUNT(*) FROM posts"),
        (
            &mut counts.metric_snapshots,
            "SELECT COUNT(*) FROM metric_snapshots",
        ),
        (
            &mut counts.comments,
            "SELECT COUNT(*) FROM comments WHERE author IS NOT NULL",
        ),
        (
            &mut counts.replies,
            "SELECT COUNT(*) FROM comments WHERE account_id IS NOT NULL",
        ),
        (&mut counts.authors, "SELECT COUNT(*) FROM authors"),
        (&mut counts.labels, "SELECT COUNT(*) FROM labels"),
        (&mut counts.users, "SELECT COUNT(*) FROM users"),
        (
            &mut counts.account_metrics,
            "SELECT COUNT(*) FROM account_metrics",
        ),
        (&mut counts.imports, "SELECT COUNT(*) FROM imports"),
        (&mut counts.survey_results, "SELECT COUNT(*) FROM surveys"),
        (
            &mut counts.groups,
            "SELECT COUNT(*) FROM group_declarations",
        ),
        (
            &mut counts.ambassador_consents,
            "SELECT COUNT(*) FROM ambassador_consents",
        ),
        (&mut counts.links, "SELECT COUNT(*) FROM links"),
        (&mut counts.link_days, "SELECT COUNT(*) FROM link_daily"),
        (
            &mut counts.traffic_imports,
            "SELECT COUNT(*) FROM traffic_imports",
        ),
        (
            &mut counts.traffic_days,
            "SELECT COUNT(*) FROM traffic_daily",
        ),
    ];
    for (slot, q) in queries {
        let (n,): (i64,) = sqlx::query_as(q)
            .fetch_one(&mut *conn)
            .await
            .map_err(sql(doing))?;
        *slot = n;
    }
    let rows: Vec<(String, String, String)> =
        sqlx::query_as("SELECT siren, name, family FROM organisations ORDER BY name")
            .fetch_all(&mut *conn)
            .await
            .map_err(sql(doing))?;
    let organisations = rows
        .into_iter()
        .map(|(siren, name, family)| {
            Ok(Organisation {
                siren: Siren::parse(&siren)?,
                name,
                family: Family::parse(&family)?,
            })
        })
        .collect::<Result<_, relais_core::DomainError>>()
        .map_err(corrupt("organisations"))?;
    let seed: Option<(String,)> =
        sqlx::query_as("SELECT value FROM settings WHERE key = 'demo_seed'")
            .fetch_optional(&mut *conn)
            .await
            .map_err(sql(doing))?;
    Ok(Status {
        backend: store.backend().name(),
        schema_version: crate::SCHEMA_VERSION,
        organisations,
        demo_seed: seed.and_then(|(s,)| s.parse().ok()),
        counts,
    })
}

pub(crate) async fn territories(store: &SqlStore) -> Result<Vec<Territory>, StoreError> {
    let rows: Vec<(String, String, String, Option<String>)> = sqlx::query_as(
        "SELECT id, name, kind, parent_id FROM territories
         ORDER BY CASE kind WHEN 'direction' THEN 0 ELSE 1 END, name, id",
    )
    .fetch_all(store.pool())
    .await
    .map_err(sql("listing territories"))?;
    rows.into_iter()
        .map(|(id, name, kind, parent)| {
            Ok(Territory {
                id: TerritoryId::parse(&id)?,
                name,
                kind: TerritoryKind::from_parts(&kind, parent.as_deref())?,
            })
        })
        .collect::<Result<_, relais_core::DomainError>>()
        .map_err(corrupt("territories"))
}

pub(crate) async fn residences(store: &SqlStore) -> Result<Vec<Residence>, StoreError> {
    let mut conn = store
        .pool()
        .acquire()
        .await
        .map_err(sql("listing residences"))?;
    residences_in(&mut conn).await
}

type ResidenceRow = (
    String,
    String,
    String,
    String,
    String,
    String,
    i64,
    Option<i64>,
    String,
);

pub(crate) async fn residences_in(conn: &mut AnyConnection) -> Result<Vec<Residence>, StoreError> {
    let rows: Vec<ResidenceRow> = sqlx::query_as(
        "SELECT id, name, aliases, street, postcode, city, homes, built_year, agency_id
         FROM residences ORDER BY agency_id, name, id",
    )
    .fetch_all(conn)
    .await
    .map_err(sql("listing residences"))?;
    rows.into_iter()
        .map(
            |(id, name, aliases, street, postcode, city, homes, built, agency)| {
                let homes = u32::try_from(homes).ok().and_then(NonZeroU32::new).ok_or(
                    relais_core::DomainError::Invalid {
                        what: "homes",
                        value: homes.to_string(),
                        expected: "a positive number",
                    },
                )?;
                Ok(Residence {
                    id: ResidenceId::parse(&id)?,
                    name,
                    aliases: relais_core::residence::split_aliases(&aliases),
                    street,
                    postcode: Postcode::parse(&postcode)?,
                    city,
                    homes,
                    built_year: built
                        .map(|y| BuiltYear::new(i32::try_from(y).unwrap_or(i32::MAX)))
                        .transpose()?,
                    agency: TerritoryId::parse(&agency)?,
                })
            },
        )
        .collect::<Result<_, relais_core::DomainError>>()
        .map_err(corrupt("residences"))
}

/// One table's rows as text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TableDump {
    pub table: &'static str,
    pub rows: Vec<Vec<Option<String>>>,
}

pub(crate) async fn dump(store: &SqlStore) -> Result<Vec<TableDump>, StoreError> {
    let mut out = Vec::new();
    for table in crate::tables::ALL {
        let columns = table.columns;
        let select: Vec<String> = columns
            .iter()
            .map(|c| format!("CAST({c} AS TEXT)"))
            .collect();
        let q = format!(
            "SELECT {} FROM {} ORDER BY {}",
            select.join(", "),
            table.name,
            table.order
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(q))
            .fetch_all(store.pool())
            .await
            .map_err(sql("dumping tables"))?;
        let rows = rows
            .iter()
            .map(|r| {
                (0..columns.len())
                    .map(|i| sqlx::Row::try_get::<Option<String>, _>(r, i))
                    .collect::<Result<Vec<_>, _>>()
            })
            .collect::<Result<Vec<_>, _>>()
            .map_err(sql("dumping tables"))?;
        out.push(TableDump {
            table: table.name,
            rows,
        });
    }
    Ok(out)
}
