//! Reads the KPI engine's [`Facts`]: one query per table, labels resolved (a
//! person's label wins over the model's; among model labels, the most
//! confident), each post's latest value of each metric, each tenant
//! comment's first landlord reply.

use std::collections::HashMap;

use chrono::NaiveDate;
use relais_core::{AccountKind, Audience, Network, Theme};
use relais_kpi::facts::{
    AccountFact, Consent, Facts, LandingFact, Metrics, PostFact, ResidenceFact, ScanFact,
    SurveyFact, SurveyScope, TerritoryFact, VisitFact,
};

mod comments;

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
    let started = std::time::Instant::now();
    // The comments are most of the work: their query runs on a second
    // connection while the rest is read.
    let (fetched, (mut f, p_index, r_index)) =
        tokio::try_join!(comments::fetch(store), everything_but_comments(store))?;
    let read_ms = started.elapsed().as_millis() as u64;
    comments::comments(fetched, &p_index, &r_index, &mut f)?;
    tracing::debug!(
        read_ms,
        total_ms = started.elapsed().as_millis() as u64,
        comments = f.comments.len(),
        "facts read"
    );
    Ok(f)
}

type Indexes = (Facts, HashMap<String, usize>, HashMap<String, usize>);

/// Everything but the comments: organisation, territories, residences,
/// accounts, followers, posts with their metrics and labels, survey
/// results, consents, scans and website visits.
async fn everything_but_comments(store: &SqlStore) -> Result<Indexes, StoreError> {
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
    // Account indices follow the ids' order, but say it rather than rely on it.
    f.followers.sort_unstable();

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
    inputs(store, &t_index, &r_index, &mut f).await?;
    Ok((f, p_index, r_index))
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
    // Website visits per day and source; a social network's code, or none.
    let visits: Vec<(String, String, i64)> = sqlx::query_as(
        "SELECT day, source, CAST(SUM(visits) AS BIGINT) FROM traffic_daily GROUP BY day, source ORDER BY day, source",
    )
    .fetch_all(store.pool())
    .await
    .map_err(sql("reading website traffic"))?;
    for (d, source, n) in visits {
        let social = relais_traffic::Channel::parse(&source).filter(|c| c.is_social());
        f.visits.push(VisitFact {
            day: day(&d, "traffic_daily")?,
            network: social.map(|c| c.code().to_string()),
            visits: n.max(0) as u64,
        });
    }
    // Where visitors from the networks and from short links landed.
    let landings: Vec<(String, String, String, i64)> = sqlx::query_as(
        "SELECT day, source, landing, CAST(SUM(visits) AS BIGINT) FROM traffic_daily
         WHERE landing <> '' GROUP BY day, source, landing ORDER BY day, source, landing",
    )
    .fetch_all(store.pool())
    .await
    .map_err(sql("reading website landing pages"))?;
    for (d, source, landing, n) in landings {
        let kept = relais_traffic::Channel::parse(&source)
            .is_some_and(|c| c.is_social() || c == relais_traffic::Channel::Relais);
        if kept {
            f.landings.push(LandingFact {
                day: day(&d, "traffic_daily")?,
                source,
                landing,
                visits: n.max(0) as u64,
            });
        }
    }
    // Field scans of short links (human scans; bots are counted apart).
    type ScanRow = (
        String,
        String,
        Option<String>,
        Option<String>,
        String,
        i64,
        i64,
    );
    let scans: Vec<ScanRow> = sqlx::query_as(
        "SELECT d.code, l.action, l.residence_id, l.territory_id, d.day, d.scans, d.bots
         FROM link_daily d JOIN links l ON l.code = d.code ORDER BY d.code, d.day",
    )
    .fetch_all(store.pool())
    .await
    .map_err(sql("reading short-link counts"))?;
    for (link, action, residence, territory, d, scans, bots) in scans {
        f.scans.push(ScanFact {
            link,
            action,
            residence: residence.and_then(|r| r_index.get(&r).copied()),
            territory: territory.and_then(|t| t_index.get(&t).copied()),
            day: day(&d, "link_daily")?,
            scans: scans.max(0) as u64,
            bots: bots.max(0) as u64,
        });
    }
    Ok(())
}
