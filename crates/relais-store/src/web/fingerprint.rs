//! A cheap summary of what the KPI facts and the inbox are made of, so that
//! a cache of them knows when to reload ([`super::WebStore::data_fingerprint`]).
//!
//! Counts, sums and maxima in one query, one scan per table. Labels also
//! get a small hash of each value (its length and a few characters, weighted
//! by the subject's last character), so that a label replaced by another
//! value of the same length changes the fingerprint. It is a change detector, not a checksum: two different
//! states can in theory give the same string, never one state two strings.

use crate::backend::Backend;
use crate::error::{StoreError, sql};
use crate::sql_store::SqlStore;

/// The query, for a backend: SQLite's `unicode` is PostgreSQL's `ascii`.
/// Hashes are BIGINT from their first term: a label's weighted hash would
/// overflow PostgreSQL's 32-bit integers for long values.
fn query(backend: Backend) -> String {
    let code = match backend {
        Backend::Sqlite => "unicode",
        Backend::Postgres => "ascii",
    };
    let ch = |text: &str, at: &str| format!("(COALESCE({code}(substr({text}, {at}, 1)), 0) % 251)");
    let value_hash = format!(
        "(CAST(length(value) AS BIGINT) * 65537 + {} * 4099 + {} * 257 + {} * 17)",
        ch("value", "1"),
        ch("value", "(length(value) + 1) / 2"),
        ch("value", "length(value)")
    );
    let subject_weight = format!("({} + 1)", ch("subject_id", "length(subject_id)"));
    let assignee_hash = format!(
        "(length(assignee) * 65537 + {} * 257 + {})",
        ch("assignee", "1"),
        ch("assignee", "length(assignee)")
    );
    // One scan per table: its aggregates are joined inside its subquery.
    let tables: [(&str, Vec<String>); 21] = [
        (
            "comments",
            agg(&[
                "COUNT(*)",
                "SUM(created_at)",
                "COUNT(parent_id)",
                "COUNT(author)",
            ]),
        ),
        (
            "posts",
            agg(&[
                "COUNT(*)",
                "SUM(published_at)",
                "COUNT(residence_id)",
                "COUNT(territory_id)",
            ]),
        ),
        ("metric_snapshots", agg(&["COUNT(*)", "MAX(observed_at)"])),
        (
            "labels",
            vec![
                "COUNT(*)".into(),
                format!("SUM({value_hash})"),
                format!("SUM({value_hash} * {subject_weight})"),
                "SUM(CAST(COALESCE(confidence, 0) * 1000000 AS BIGINT))".into(),
                "COUNT(labelled_by)".into(),
            ],
        ),
        (
            "residences",
            vec![
                "COUNT(*)".into(),
                "SUM(homes)".into(),
                format!(
                    "SUM(length(agency_id) * 257 + {})",
                    ch("agency_id", "length(agency_id)")
                ),
            ],
        ),
        (
            "territories",
            agg(&["COUNT(*)", "COUNT(parent_id)", "SUM(length(name))"]),
        ),
        ("accounts", agg(&["COUNT(*)", "COUNT(territory_id)"])),
        ("follower_counts", agg(&["COUNT(*)", "MAX(day)"])),
        ("account_metrics", agg(&["COUNT(*)"])),
        ("surveys", agg(&["COUNT(*)"])),
        ("group_declarations", agg(&["COUNT(*)"])),
        ("ambassador_consents", agg(&["COUNT(*)"])),
        ("links", agg(&["COUNT(*)"])),
        ("link_daily", agg(&["COUNT(*)", "SUM(scans)"])),
        ("traffic_daily", agg(&["COUNT(*)", "SUM(visits)"])),
        ("users", agg(&["COUNT(*)"])),
        ("user_territories", agg(&["COUNT(*)"])),
        ("inbox_replies", agg(&["COUNT(*)"])),
        ("inbox_notes", agg(&["COUNT(*)"])),
        (
            "inbox_assignments",
            vec![
                "COUNT(*)".into(),
                "SUM(assigned_at)".into(),
                format!("SUM({assignee_hash})"),
            ],
        ),
        ("saved_replies", agg(&["COUNT(*)"])),
    ];
    let parts: Vec<String> = tables
        .iter()
        .map(|(table, aggregates)| {
            let joined = aggregates
                .iter()
                .map(|a| format!("COALESCE(CAST({a} AS TEXT), '')"))
                .collect::<Vec<_>>()
                .join(" || '.' || ");
            format!("(SELECT {joined} FROM {table})")
        })
        .collect();
    format!("SELECT {}", parts.join(" || '/' || "))
}

fn agg(list: &[&str]) -> Vec<String> {
    list.iter().map(|a| a.to_string()).collect()
}

pub(super) async fn data_fingerprint(store: &SqlStore) -> Result<String, StoreError> {
    let (fingerprint,): (String,) = sqlx::query_as(sqlx::AssertSqlSafe(query(store.backend())))
        .fetch_one(store.pool())
        .await
        .map_err(sql("reading the data's fingerprint"))?;
    Ok(fingerprint)
}
