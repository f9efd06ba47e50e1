//! Turning domain values into bound SQL values, and multi-row inserts.
//!
//! The demo writes about a hundred thousand rows; one statement per row
//! would dominate its run time, so rows go in batches that stay under both
//! backends' limits on bound parameters.

use sqlx::any::AnyArguments;
use sqlx::query::Query;
use sqlx::{Any, AnyConnection, AssertSqlSafe};

use crate::tables::Table;

/// One value to bind.
#[derive(Debug, Clone)]
pub(crate) enum Val {
    Text(String),
    OptText(Option<String>),
    Int(i64),
    OptInt(Option<i64>),
    Real(f64),
    OptReal(Option<f64>),
}

impl From<&str> for Val {
    fn from(s: &str) -> Self {
        Val::Text(s.to_string())
    }
}
impl From<String> for Val {
    fn from(s: String) -> Self {
        Val::Text(s)
    }
}
impl From<Option<String>> for Val {
    fn from(s: Option<String>) -> Self {
        Val::OptText(s)
    }
}
impl From<Option<&str>> for Val {
    fn from(s: Option<&str>) -> Self {
        Val::OptText(s.map(str::to_string))
    }
}
impl From<i64> for Val {
    fn from(v: i64) -> Self {
        Val::Int(v)
    }
}
impl From<Option<i64>> for Val {
    fn from(v: Option<i64>) -> Self {
        Val::OptInt(v)
    }
}
impl From<f64> for Val {
    fn from(v: f64) -> Self {
        Val::Real(v)
    }
}
impl From<Option<f64>> for Val {
    fn from(v: Option<f64>) -> Self {
        Val::OptReal(v)
    }
}

/// Binds a value to a query.
pub(crate) fn bind(q: Query<'_, Any, AnyArguments>, v: Val) -> Query<'_, Any, AnyArguments> {
    match v {
        Val::Text(s) => q.bind(s),
        Val::OptText(s) => q.bind(s),
        Val::Int(i) => q.bind(i),
        Val::OptInt(i) => q.bind(i),
        Val::Real(f) => q.bind(f),
        Val::OptReal(f) => q.bind(f),
    }
}

/// The most parameters one statement binds (SQLite allows 32 766,
/// PostgreSQL 65 535).
const MAX_PARAMS: usize = 30_000;

/// Inserts `rows` (values in the table's column order) into `table` in batches; `tail` is appended to each
/// statement (e.g. an `ON CONFLICT` clause). Returns the rows affected.
pub(crate) async fn insert_rows(
    conn: &mut AnyConnection,
    table: &Table,
    rows: Vec<Vec<Val>>,
    tail: &str,
) -> Result<u64, sqlx::Error> {
    let columns = table.columns;
    let per_batch = (MAX_PARAMS / columns.len()).clamp(1, 1000);
    // SQLite looks a named parameter (`$1`) up by a linear scan, which makes
    // a statement with thousands of them quadratic: give it anonymous `?`.
    let anonymous = conn.backend_name() == "SQLite";
    let mut affected = 0;
    let mut rows = rows.into_iter().peekable();
    while rows.peek().is_some() {
        let batch: Vec<Vec<Val>> = rows.by_ref().take(per_batch).collect();
        let mut sql = format!(
            "INSERT INTO {} ({}) VALUES ",
            table.name,
            columns.join(", ")
        );
        let mut n = 0;
        for (i, row) in batch.iter().enumerate() {
            debug_assert_eq!(row.len(), columns.len(), "row width for {}", table.name);
            if i > 0 {
                sql.push_str(", ");
            }
            sql.push('(');
            for j in 0..row.len() {
                n += 1;
                if j > 0 {
                    sql.push_str(", ");
                }
                if anonymous {
                    sql.push('?');
                } else {
                    sql.push('$');
                    sql.push_str(&n.to_string());
                }
            }
            sql.push(')');
        }
        sql.push(' ');
        sql.push_str(tail);
        let mut q = sqlx::query(AssertSqlSafe(sql));
        for v in batch.into_iter().flatten() {
            q = bind(q, v);
        }
        affected += q.execute(&mut *conn).await?.rows_affected();
    }
    Ok(affected)
}

// One row builder per table, in the table's column order (see `tables`):
// the demo, the importer and the labeller share them.

pub(crate) fn account_row(a: &relais_core::Account) -> Vec<Val> {
    vec![
        Val::from(a.id.as_str()),
        Val::from(a.network.code()),
        Val::from(a.kind.code()),
        Val::from(a.handle.as_str()),
        Val::from(a.network_id.as_str()),
        Val::from(a.name.as_str()),
        Val::from(a.territory.as_ref().map(|t| t.to_string())),
    ]
}

pub(crate) fn post_row(p: &relais_core::Post) -> Vec<Val> {
    vec![
        Val::from(p.key.stored()),
        Val::from(p.key.network.code()),
        Val::from(p.key.network_id.as_str()),
        Val::from(p.account.as_str()),
        Val::Int(p.published_at.unix()),
        Val::from(p.text.as_str()),
        Val::from(p.permalink.clone()),
        Val::from(p.media.code()),
        Val::from(p.residence.as_ref().map(|r| r.to_string())),
        Val::from(p.territory.as_ref().map(|t| t.to_string())),
    ]
}

pub(crate) fn metric_row(m: &relais_core::MetricSnapshot) -> Vec<Val> {
    vec![
        Val::from(m.post.stored()),
        Val::Int(m.observed_at.unix()),
        Val::from(m.metric.code()),
        Val::Real(m.value),
        Val::from(m.source.origin.as_str()),
        Val::from(m.source.version.as_str()),
    ]
}

/// A comment's row; `with_parent` false leaves the parent to be linked later.
pub(crate) fn comment_row(c: &relais_core::Comment, with_parent: bool) -> Vec<Val> {
    let (author, account) = match &c.author {
        relais_core::CommentAuthor::Person { pseudonym, .. } => (Some(pseudonym.to_string()), None),
        relais_core::CommentAuthor::Landlord { account } => (None, Some(account.to_string())),
    };
    vec![
        Val::from(c.key.stored()),
        Val::from(c.key.network.code()),
        Val::from(c.key.network_id.as_str()),
        Val::from(c.post.stored()),
        Val::from(
            c.parent
                .as_ref()
                .filter(|_| with_parent)
                .map(|p| p.stored()),
        ),
        Val::from(author),
        Val::from(account),
        Val::from(c.text.as_str()),
        Val::Int(c.created_at.unix()),
    ]
}

pub(crate) fn label_row(l: &relais_core::Label) -> Vec<Val> {
    let (confidence, version, by) = match &l.source {
        relais_core::LabelSource::Model {
            version,
            confidence,
        } => (Some(confidence.get()), Some(version.clone()), None),
        relais_core::LabelSource::Human { by } => (None, None, Some(by.clone())),
    };
    vec![
        Val::from(l.subject.kind()),
        Val::from(l.subject.stored_key()),
        Val::from(l.value.field()),
        Val::from(l.value.value()),
        Val::from(l.source.code()),
        Val::from(confidence),
        Val::from(version),
        Val::from(by),
    ]
}
