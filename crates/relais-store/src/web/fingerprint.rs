//! A cheap summary of what the KPI facts and the inbox are made of, so that
//! a cache of them knows when to reload ([`super::WebStore::data_fingerprint`]).
//!
//! Counts, sums and maxima per table in one query, read from indexes where
//! the backends have them. Labels also get a small hash of each value (its
//! length and a few characters, weighted by the subject's last character),
//! so that a label replaced by another value of the same length changes the
//! fingerprint. It is a change detector, not a checksum: two different
//! states can in theory give the same string, never one state two strings.

use crate::backend::Backend;
use crate::error::{StoreError, sql};
use crate::sql_store::SqlStore;

/// The query, for a backend: SQLite's `unicode` is PostgreSQL's `ascii`.
fn query(backend: Backend) -> String {
    let code = match backend {
        Backend::Sqlite => "unicode",
        Backend::Postgres => "ascii",
    };
    let ch = |text: &str, at: &str| format!("(COALESCE({code}(substr({text}, {at}, 1)), 0) % 251)");
    let value_hash = format!(
        "(length(value) * 65537 + {} * 4099 + {} * 257 + {} * 17)",
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
    let parts: Vec<String> = [
        "SELECT COUNT(*) FROM comments",
        "SELECT SUM(created_at) FROM comments",
        "SELECT COUNT(parent_id) FROM comments",
        "SELECT COUNT(author) FROM comments",
        "SELECT COUNT(*) FROM posts",
        "SELECT SUM(published_at) FROM posts",
        "SELECT COUNT(residence_id) + COUNT(territory_id) FROM posts",
        "SELECT COUNT(*) FROM metric_snapshots",
        "SELECT MAX(observed_at) FROM metric_snapshots",
        "SELECT COUNT(*) FROM labels",
        &format!("SELECT SUM({value_hash}) FROM labels"),
        &format!("SELECT SUM({value_hash} * {subject_weight}) FROM labels"),
        "SELECT SUM(CAST(COALESCE(confidence, 0) * 1000000 AS BIGINT)) FROM labels",
        "SELECT COUNT(labelled_by) FROM labels",
        "SELECT COUNT(*) FROM residences",
        "SELECT SUM(homes) FROM residences",
        &format!(
            "SELECT SUM(length(agency_id) * 257 + {}) FROM residences",
            ch("agency_id", "length(agency_id)")
        ),
        "SELECT COUNT(*) FROM territories",
        "SELECT SUM(length(name)) FROM territories",
        "SELECT COUNT(*) FROM accounts",
        "SELECT COUNT(territory_id) FROM accounts",
        "SELECT COUNT(*) FROM follower_counts",
        "SELECT MAX(day) FROM follower_counts",
        "SELECT COUNT(*) FROM account_metrics",
        "SELECT COUNT(*) FROM surveys",
        "SELECT COUNT(*) FROM group_declarations",
        "SELECT COUNT(*) FROM ambassador_consents",
        "SELECT COUNT(*) FROM links",
        "SELECT COUNT(*) FROM link_daily",
        "SELECT SUM(scans) FROM link_daily",
        "SELECT COUNT(*) FROM traffic_daily",
        "SELECT SUM(visits) FROM traffic_daily",
        "SELECT COUNT(*) FROM users",
        "SELECT COUNT(*) FROM user_territories",
        "SELECT COUNT(*) FROM inbox_replies",
        "SELECT COUNT(*) FROM inbox_notes",
        "SELECT COUNT(*) FROM inbox_assignments",
        "SELECT SUM(assigned_at) FROM inbox_assignments",
        &format!("SELECT SUM({assignee_hash}) FROM inbox_assignments"),
    ]
    .iter()
    .map(|q| format!("COALESCE(CAST(({q}) AS TEXT), '')"))
    .collect();
    format!("SELECT {}", parts.join(" || '.' || "))
}

pub(super) async fn data_fingerprint(store: &SqlStore) -> Result<String, StoreError> {
    let (fingerprint,): (String,) = sqlx::query_as(sqlx::AssertSqlSafe(query(store.backend())))
        .fetch_one(store.pool())
        .await
        .map_err(sql("reading the data's fingerprint"))?;
    Ok(fingerprint)
}
