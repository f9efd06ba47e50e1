//! Reads the KPI engine's [`Facts`]: one query per table, labels resolved (a
//! person's label wins over the model's; among model labels, the most
//! confident), each post's latest value of each metric, each tenant
//! comment's first landlord reply.

use std::collections::HashMap;

use chrono::NaiveDate;
use relais_core::{
    AccountKind, Audience, AuthorKind, Category, Network, Sentiment, Theme, Urgency,
};
use relais_kpi::facts::{
    AccountFact, CommentFact, Consent, Facts, Metrics, PostFact, ResidenceFact, SurveyFact,
    SurveyScope, TerritoryFact,
};

use crate::error::{StoreError, corrupt, sql};
use crate::sql_store::SqlStore;

fn day(raw: &str, table: &'static str) -> Result<NaiveDate, StoreError> {
    NaiveDate::parse_from_str(raw, "%Y-%m-%d").map_err(|_| {
        corrupt(table)(relais_core::DomainError::Invalid {
            what: "day",
            value: raw.to_string(),
            expected: "YYYY-MM-DD",
        })
    })
}

fn code<T>(
    parsed: Result<T, relais_core::DomainError>,
    table: &'static str,
) -> Result<T, StoreError> {
    parsed.map_err(corrupt(table))
}

pub(crate) async fn kpi_facts(store: &SqlStore) -> Result<Facts, StoreError> {
    let doing = "reading the facts for the KPIs";
    let pool = store.pool();
    let mut f = Facts::default();
    let org: Option<(String,)> = sqlx::query_as("SELECT name FROM organisations ORDER BY siren")
        .fetch_optional(pool)
        .await
        .map_err(sql(doing))?;
    f.organisation = org.map(|o| o.0).unwrap_or_default();

    let territories = crate::read::territories(store).await?;
    let t_index: HashMap<String, usize> = territories
        .iter()
        .enumerate()
        .map(|(i, t)| (t.id.as_str().to_string(), i))
        .collect();
    f.territories = territories
        .iter()
        .map(|t| TerritoryFact {
            id: t.id.as_str().to_string(),
            name: t.name.clone(),
            direction: t
                .kind
                .parent()
                .and_then(|p| t_index.get(p.as_str()).copied()),
        })
        .collect();
    let residences = crate::read::residences(store).await?;
    let r_index: HashMap<String, usize> = residences
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id.as_str().to_string(), i))
        .collect();
    f.residences = residences
        .iter()
        .map(|r| ResidenceFact {
            id: r.id.as_str().to_string(),
            name: r.name.clone(),
            homes: r.homes.get(),
            agency: t_index[r.agency.as_str()],
        })
        .collect();

    let accounts: Vec<(String, String, String, String, Option<String>)> =
        sqlx::query_as("SELECT id, network, kind, name, territory_id FROM accounts ORDER BY id")
            .fetch_all(pool)
            .await
            .map_err(sql(doing))?;
    let a_index: HashMap<String, usize> = accounts
        .iter()
        .enumerate()
        .map(|(i, a)| (a.0.clone(), i))
        .collect();
    for (id, network, kind, name, territory) in accounts {
        f.accounts.push(AccountFact {
            id,
            name,
            network: code(Network::parse(&network), "accounts")?,
            kind: code(AccountKind::parse(&kind), "accounts")?,
            territory: territory.and_then(|t| t_index.get(&t).copied()),
        });
    }
    let followers: Vec<(String, String, i64)> = sqlx::query_as(
        "SELECT account_id, day, count FROM follower_counts ORDER BY account_id, day",
    )
    .fetch_all(pool)
    .await
    .map_err(sql(doing))?;
    for (a, d, c) in followers {
        f.followers
            .push((a_index[&a], day(&d, "follower_counts")?, c.max(0) as u64));
    }

    type PostRow = (
        String,
        String,
        i64,
        String,
        Option<String>,
        Option<String>,
        Option<String>,
    );
    let posts: Vec<PostRow> = sqlx::query_as(
        "SELECT id, account_id, published_at, text, permalink, residence_id, territory_id
         FROM posts ORDER BY published_at, id",
    )
    .fetch_all(pool)
    .await
    .map_err(sql(doing))?;
    let mut p_index: HashMap<String, usize> = HashMap::with_capacity(posts.len());
    for (i, (id, account, published_at, text, permalink, residence, territory)) in
        posts.into_iter().enumerate()
    {
        p_index.insert(id.clone(), i);
        f.posts.push(PostFact {
            id,
            account: a_index[&account],
            published_at,
            text,
            permalink,
            residence: residence.and_then(|r| r_index.get(&r).copied()),
            territory: territory.and_then(|t| t_index.get(&t).copied()),
            metrics: Metrics::default(),
            theme: None,
            secondary_themes: Vec::new(),
            audience: None,
        });
    }
    metrics(store, &p_index, &mut f.posts).await?;
    post_labels(store, &p_index, &r_index, &mut f).await?;
    comments(store, &p_index, &r_index, &mut f).await?;
    inputs(store, &t_index, &r_index, &mut f).await?;
    Ok(f)
}

async fn metrics(
    store: &SqlStore,
    p_index: &HashMap<String, usize>,
    posts: &mut [PostFact],
) -> Result<(), StoreError> {
    // Latest observation of each metric wins; views stand in for impressions.
    let rows: Vec<(String, String, f64)> = sqlx::query_as(
        "SELECT post_id, metric, value FROM metric_snapshots ORDER BY post_id, metric, observed_at",
    )
    .fetch_all(store.pool())
    .await
    .map_err(sql("reading metrics"))?;
    for (post, metric, value) in rows {
        let Some(&p) = p_index.get(&post) else {
            continue;
        };
        let m = &mut posts[p].metrics;
        let slot = match metric.as_str() {
            "reactions" => &mut m.reactions,
            "comments" => &mut m.comments,
            "shares" => &mut m.shares,
            "saves" => &mut m.saves,
            "link_clicks" => &mut m.link_clicks,
            "reach" => &mut m.reach,
            "impressions" | "views" => &mut m.impressions,
            _ => continue,
        };
        *slot = Some(value);
    }
    Ok(())
}

/// The model's labels of one kind of subject, one column per field: a
/// subject has at most one model label per field (a new classification
/// replaces the old one), so a pivot is exact. A person's labels are read
/// apart and win (see [`human_labels`]).
fn model_pivot(kind: &str, fields: &[&str]) -> String {
    let columns: Vec<String> = fields
        .iter()
        .map(|f| format!("MAX(CASE WHEN field = '{f}' THEN value END) AS {f}"))
        .collect();
    format!(
        "SELECT subject_id, {} FROM labels WHERE subject_kind = '{kind}' AND source = 'model' GROUP BY subject_id",
        columns.join(", ")
    )
}

async fn post_labels(
    store: &SqlStore,
    p_index: &HashMap<String, usize>,
    r_index: &HashMap<String, usize>,
    f: &mut Facts,
) -> Result<(), StoreError> {
    let doing = "reading post labels";
    let query = model_pivot("post", &["theme", "audience", "residence"]);
    type PostLabels = (String, Option<String>, Option<String>, Option<String>);
    let rows: Vec<PostLabels> = sqlx::query_as(sqlx::AssertSqlSafe(query))
        .fetch_all(store.pool())
        .await
        .map_err(sql(doing))?;
    for (id, theme, audience, residence) in rows {
        let Some(&i) = p_index.get(&id) else { continue };
        let p = &mut f.posts[i];
        p.theme = theme
            .map(|v| code(Theme::parse(&v), "labels"))
            .transpose()?;
        p.audience = audience
            .map(|v| code(Audience::parse(&v), "labels"))
            .transpose()?;
        if p.residence.is_none() {
            p.residence = residence.and_then(|r| r_index.get(&r).copied());
        }
    }
    // Secondary themes: a person's set replaces the model's.
    let rows: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT subject_id, value, source FROM labels
         WHERE subject_kind = 'post' AND field = 'secondary_theme' ORDER BY subject_id, source, value",
    )
    .fetch_all(store.pool())
    .await
    .map_err(sql(doing))?;
    let mut human: HashMap<usize, Vec<Theme>> = HashMap::new();
    let mut model: HashMap<usize, Vec<Theme>> = HashMap::new();
    for (id, value, source) in rows {
        let Some(&i) = p_index.get(&id) else { continue };
        let t = code(Theme::parse(&value), "labels")?;
        if source == "human" {
            human.entry(i).or_default().push(t)
        } else {
            model.entry(i).or_default().push(t)
        }
    }
    for (i, themes) in model.into_iter().chain(human) {
        f.posts[i].secondary_themes = themes;
    }
    Ok(())
}

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
async fn comments(
    store: &SqlStore,
    p_index: &HashMap<String, usize>,
    r_index: &HashMap<String, usize>,
    f: &mut Facts,
) -> Result<(), StoreError> {
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
    let humans = human_labels(store).await?;
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

async fn inputs(
    store: &SqlStore,
    t_index: &HashMap<String, usize>,
    r_index: &HashMap<String, usize>,
    f: &mut Facts,
) -> Result<(), StoreError> {
    let doing = "reading surveys and consents";
    let surveys: Vec<(String, String, i64, String, f64, i64)> = sqlx::query_as(
        "SELECT scope, scope_id, year, question, score, respondents FROM surveys
         ORDER BY scope, scope_id, year, question",
    )
    .fetch_all(store.pool())
    .await
    .map_err(sql(doing))?;
    for (scope, id, year, question, score, respondents) in surveys {
        let scope = match scope.as_str() {
            "territory" => t_index.get(&id).map(|&t| SurveyScope::Territory(t)),
            _ => r_index.get(&id).map(|&r| SurveyScope::Residence(r)),
        };
        if let Some(scope) = scope {
            f.surveys.push(SurveyFact {
                scope,
                year: year as i32,
                question,
                score,
                respondents: respondents.clamp(0, i64::from(u32::MAX)) as u32,
            });
        }
    }
    let consents: Vec<(String, String)> =
        sqlx::query_as("SELECT pseudonym, shown_as FROM ambassador_consents ORDER BY pseudonym")
            .fetch_all(store.pool())
            .await
            .map_err(sql(doing))?;
    f.consents = consents
        .into_iter()
        .map(|(pseudonym, shown_as)| Consent {
            pseudonym,
            shown_as,
        })
        .collect();
    Ok(())
}
