//! People's comments for the KPI engine, with their labels and the
//! landlord's first reply, and a person's labels over the model's.

use std::collections::HashMap;

use relais_core::{Audience, AuthorKind, Category, Sentiment, Theme, Urgency};
use relais_kpi::facts::{CommentFact, Facts};

use super::{code, model_pivot};
use crate::error::{StoreError, corrupt, sql};
use crate::sql_store::SqlStore;

/// Field and record separators of the packed comment rows (ASCII unit and
/// record separators: no id, pseudonym, code or timestamp contains them).
const UNIT: char = '\u{1f}';
const RECORD: char = '\u{1e}';

/// People's comments (not the landlord's replies), each with its model
/// labels and the time of the landlord's first reply; then a person's
/// labels over the model's.
///
/// A landlord has hundreds of thousands of comments, and the drivers pay a
/// per-row cost (a channel hop, a decoded value per column) that dwarfs the
/// database's own work: the database packs every comment into one text
/// value (`UNIT` between fields, `RECORD` between comments), parsed here.
/// What the database sends for the comments: the packed rows and the
/// people's labels. Runs beside the other reads (a second connection).
pub(super) struct Fetched {
    packed: String,
    humans: Vec<(String, String, String, String)>,
}

pub(super) async fn fetch(store: &SqlStore) -> Result<Fetched, StoreError> {
    let doing = "reading comments for the KPIs";
    let fields = "x.id, x.post_id, CAST(x.created_at AS TEXT), x.author, CAST(r.first_reply AS TEXT), \
                  l.category, l.urgency, l.sentiment, l.author_kind, l.residence";
    let packed_row = fields
        .split(", ")
        .map(|c| format!("COALESCE({c}, '')"))
        .collect::<Vec<_>>()
        .join(" || char(31) || ");
    let (packed_row, aggregate) = match store.backend() {
        crate::Backend::Sqlite => (packed_row, "group_concat(row, char(30))"),
        crate::Backend::Postgres => (
            packed_row.replace("char(31)", "chr(31)"),
            "string_agg(row, chr(30))",
        ),
    };
    let query = format!(
        "SELECT {aggregate} FROM (SELECT {packed_row} AS row
         FROM comments x
         LEFT JOIN (SELECT parent_id, MIN(created_at) AS first_reply FROM comments
                    WHERE author IS NULL AND parent_id IS NOT NULL GROUP BY parent_id) r
                ON r.parent_id = x.id
         LEFT JOIN ({}) l ON l.subject_id = x.id
         WHERE x.author IS NOT NULL) packed",
        model_pivot(
            "comment",
            &[
                "category",
                "urgency",
                "sentiment",
                "author_kind",
                "residence"
            ]
        )
    );
    let packed: Option<(Option<String>,)> = sqlx::query_as(sqlx::AssertSqlSafe(query))
        .fetch_optional(store.pool())
        .await
        .map_err(sql(doing))?;
    let packed = packed.and_then(|p| p.0).unwrap_or_default();
    let humans = human_labels(store).await?;
    Ok(Fetched { packed, humans })
}

/// Turns the fetched comments into facts, once the posts are known.
pub(super) fn comments(
    fetched: Fetched,
    p_index: &HashMap<String, usize>,
    r_index: &HashMap<String, usize>,
    f: &mut Facts,
) -> Result<(), StoreError> {
    let Fetched { packed, humans } = fetched;
    let bad = |what: &str| {
        corrupt("comments")(relais_core::DomainError::Invalid {
            what: "comment row",
            value: what.chars().take(80).collect(),
            expected: "ten fields",
        })
    };
    let opt = |v: &str| (!v.is_empty()).then(|| v.to_string());
    let mut rows: Vec<(i64, &str, CommentFact)> = Vec::new();
    for record in packed.split(RECORD).filter(|r| !r.is_empty()) {
        let v: Vec<&str> = record.split(UNIT).collect();
        let [
            id,
            post,
            created_at,
            author,
            reply,
            category,
            urgency,
            sentiment,
            kind,
            residence,
        ] = v[..]
        else {
            return Err(bad(record));
        };
        let Some(&p) = p_index.get(post) else {
            continue;
        };
        let created_at: i64 = created_at.parse().map_err(|_| bad(record))?;
        let reply: Option<i64> = opt(reply)
            .map(|r| r.parse())
            .transpose()
            .map_err(|_| bad(record))?;
        let parse = |v: &str| opt(v);
        rows.push((
            created_at,
            id,
            CommentFact {
                id: id.to_string(),
                post: p,
                created_at,
                author: Some(author.to_string()),
                category: parse(category)
                    .map(|v| code(Category::parse(&v), "labels"))
                    .transpose()?,
                urgency: parse(urgency)
                    .map(|v| code(Urgency::parse(&v), "labels"))
                    .transpose()?,
                sentiment: parse(sentiment)
                    .map(|v| code(Sentiment::parse(&v), "labels"))
                    .transpose()?,
                author_kind: parse(kind)
                    .map(|v| code(AuthorKind::parse(&v), "labels"))
                    .transpose()?,
                residence: r_index.get(residence).copied(),
                // A reply cannot precede its comment; a clock error is not an answer.
                first_reply_at: reply.filter(|&r| r >= created_at),
            },
        ));
    }
    // The same order on every backend: by time, then id.
    rows.sort_unstable_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)));
    let mut c_index: HashMap<String, usize> = HashMap::new();
    f.comments.reserve(rows.len());
    for (_, id, comment) in rows {
        if !humans.is_empty() {
            c_index.insert(id.to_string(), f.comments.len());
        }
        f.comments.push(comment);
    }
    for (kind, id, field, value) in humans {
        if kind == "post" {
            let Some(&i) = p_index.get(&id) else { continue };
            let p = &mut f.posts[i];
            match field.as_str() {
                "theme" => p.theme = Some(code(Theme::parse(&value), "labels")?),
                "audience" => p.audience = Some(code(Audience::parse(&value), "labels")?),
                "residence" => p.residence = r_index.get(&value).copied().or(p.residence),
                _ => {}
            }
        } else if let Some(&i) = c_index.get(&id) {
            let c = &mut f.comments[i];
            match field.as_str() {
                "category" => c.category = Some(code(Category::parse(&value), "labels")?),
                "urgency" => c.urgency = Some(code(Urgency::parse(&value), "labels")?),
                "sentiment" => c.sentiment = Some(code(Sentiment::parse(&value), "labels")?),
                "author_kind" => c.author_kind = Some(code(AuthorKind::parse(&value), "labels")?),
                "residence" => c.residence = r_index.get(&value).copied(),
                _ => {}
            }
        }
    }
    Ok(())
}

/// A person's labels (few): `(subject kind, subject id, field, value)`.
async fn human_labels(
    store: &SqlStore,
) -> Result<Vec<(String, String, String, String)>, StoreError> {
    sqlx::query_as(
        "SELECT subject_kind, subject_id, field, value FROM labels
         WHERE source = 'human' AND field <> 'secondary_theme' ORDER BY subject_kind, subject_id, field, value",
    )
    .fetch_all(store.pool())
    .await
    .map_err(sql("reading people's labels"))
}
