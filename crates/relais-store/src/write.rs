//! Writing domain values: the demo landlord, residence imports.
//!
//! Each public function is one transaction. Checks that need the stored
//! state (a territory already under another direction) are made inside that
//! transaction, so a refused write leaves nothing behind.

use std::collections::BTreeMap;

use relais_core::{
    CommentAuthor, Dataset, InstallationSecret, Residence, Territory, TerritoryKind,
};
use serde::Serialize;
use sqlx::AnyConnection;

use crate::error::{StoreError, sql};
use crate::rows::{Val, account_row, comment_row, insert_rows, label_row, metric_row, post_row};
use crate::sql_store::SqlStore;
use crate::tables;

/// What a dataset write created.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct WriteSummary {
    pub territories: u64,
    pub residences: u64,
    pub accounts: u64,
    pub follower_counts: u64,
    pub posts: u64,
    pub metric_snapshots: u64,
    pub authors: u64,
    pub comments: u64,
    pub labels: u64,
    pub users: u64,
}

/// What a residence import changed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ResidenceImportSummary {
    pub territories_created: u64,
    pub residences_created: u64,
    pub residences_updated: u64,
    pub residences_unchanged: u64,
}

/// The statements that empty every data table, children first: the reverse
/// of [`tables::ALL`] (parents before children), agencies before the
/// directions they point to, and the kept models. The saved replies stay:
/// they are the installation's templates, not the landlord's data.
fn delete_statements() -> Vec<String> {
    let mut out = vec!["DELETE FROM models".to_string()];
    for table in tables::ALL.iter().rev() {
        if table.name == tables::SAVED_REPLIES.name {
            continue;
        }
        if table.name == tables::TERRITORIES.name {
            out.push("DELETE FROM territories WHERE kind = 'agency'".to_string());
        }
        out.push(format!("DELETE FROM {}", table.name));
    }
    out
}

pub(crate) async fn replace_with_demo(
    store: &SqlStore,
    seed: u64,
    secret: &InstallationSecret,
    data: &Dataset,
) -> Result<WriteSummary, StoreError> {
    let doing = "writing the demo landlord";
    let mut tx = store.pool().begin().await.map_err(sql(doing))?;
    let demo_seed: Option<(String,)> =
        sqlx::query_as("SELECT value FROM settings WHERE key = 'demo_seed'")
            .fetch_optional(&mut *tx)
            .await
            .map_err(sql(doing))?;
    if demo_seed.is_none() {
        let (held,): (i64,) = sqlx::query_as(
            "SELECT (SELECT COUNT(*) FROM organisations) + (SELECT COUNT(*) FROM territories)
                  + (SELECT COUNT(*) FROM accounts) + (SELECT COUNT(*) FROM users)
                  + (SELECT COUNT(*) FROM traffic_imports)",
        )
        .fetch_one(&mut *tx)
        .await
        .map_err(sql(doing))?;
        if held > 0 {
            return Err(StoreError::Conflict {
                fr: "cette base contient déjà des données qui ne viennent pas de la démo ; \
                     rien n'a été modifié. Lancez la démo dans une autre base, par exemple \
                     --db sqlite://demo.db"
                    .into(),
                en: "this database already holds data that is not the demo's; nothing was \
                     changed. Run the demo in another database, e.g. --db sqlite://demo.db"
                    .into(),
            });
        }
    }
    for statement in delete_statements() {
        sqlx::query(sqlx::AssertSqlSafe(statement))
            .execute(&mut *tx)
            .await
            .map_err(sql(doing))?;
    }
    let settings = vec![
        vec![Val::from("installation_secret"), Val::from(secret.to_hex())],
        vec![Val::from("demo_seed"), Val::from(seed.to_string())],
    ];
    insert_rows(&mut tx, &tables::SETTINGS, settings, "")
        .await
        .map_err(sql(doing))?;
    let summary = write_dataset(&mut tx, data).await.map_err(sql(doing))?;
    tx.commit().await.map_err(sql(doing))?;
    Ok(summary)
}

/// Inserts a whole dataset into empty tables.
async fn write_dataset(conn: &mut AnyConnection, d: &Dataset) -> Result<WriteSummary, sqlx::Error> {
    let mut s = WriteSummary::default();
    if let Some(o) = &d.organisation {
        let row = vec![
            Val::from(o.siren.as_str()),
            Val::from(o.name.as_str()),
            Val::from(o.family.code()),
        ];
        insert_rows(conn, &tables::ORGANISATIONS, vec![row], "").await?;
    }
    s.territories = insert_territories(conn, &d.territories).await?;
    s.residences = insert_rows(
        conn,
        &tables::RESIDENCES,
        d.residences.iter().map(residence_row).collect(),
        "",
    )
    .await?;
    let accounts = d.accounts.iter().map(account_row);
    s.accounts = insert_rows(conn, &tables::ACCOUNTS, accounts.collect(), "").await?;
    let followers = d.followers.iter().map(|f| {
        vec![
            Val::from(f.account.as_str()),
            Val::from(f.day.format("%Y-%m-%d").to_string()),
            Val::Int(i64::try_from(f.count).unwrap_or(i64::MAX)),
            Val::from(f.source.as_str()),
        ]
    });
    s.follower_counts =
        insert_rows(conn, &tables::FOLLOWER_COUNTS, followers.collect(), "").await?;
    let posts = d.posts.iter().map(post_row);
    s.posts = insert_rows(conn, &tables::POSTS, posts.collect(), "").await?;
    let metrics = d.metrics.iter().map(metric_row);
    s.metric_snapshots =
        insert_rows(conn, &tables::METRIC_SNAPSHOTS, metrics.collect(), "").await?;
    let mut authors = BTreeMap::new();
    for c in &d.comments {
        if let CommentAuthor::Person {
            pseudonym,
            display_name,
        } = &c.author
        {
            authors
                .entry(pseudonym.as_str())
                .or_insert((c.key.network.code(), display_name.clone()));
        }
    }
    let author_rows = authors
        .into_iter()
        .map(|(p, (network, name))| vec![Val::from(p), Val::from(network), Val::from(name)]);
    s.authors = insert_rows(conn, &tables::AUTHORS, author_rows.collect(), "").await?;
    let comments = d.comments.iter().map(|c| comment_row(c, true));
    s.comments = insert_rows(conn, &tables::COMMENTS, comments.collect(), "").await?;
    let labels = d.labels.iter().map(label_row);
    s.labels = insert_rows(conn, &tables::LABELS, labels.collect(), "").await?;
    let users = d.users.iter().map(|u| {
        vec![
            Val::from(u.email.as_str()),
            Val::from(u.name.as_str()),
            Val::from(u.role.code()),
            Val::OptText(None),
        ]
    });
    s.users = insert_rows(conn, &tables::USERS, users.collect(), "").await?;
    let scopes = d.users.iter().flat_map(|u| {
        u.role
            .territories()
            .iter()
            .map(|t| vec![Val::from(u.email.as_str()), Val::from(t.as_str())])
    });
    insert_rows(conn, &tables::USER_TERRITORIES, scopes.collect(), "").await?;
    Ok(s)
}

fn residence_row(r: &Residence) -> Vec<Val> {
    vec![
        Val::from(r.id.as_str()),
        Val::from(r.name.as_str()),
        Val::from(relais_core::residence::join_aliases(&r.aliases)),
        Val::from(r.street.as_str()),
        Val::from(r.postcode.as_str()),
        Val::from(r.city.as_str()),
        Val::Int(i64::from(r.homes.get())),
        Val::from(r.built_year.map(|y| i64::from(y.get()))),
        Val::from(r.agency.as_str()),
    ]
}

fn territory_row(t: &Territory) -> Vec<Val> {
    vec![
        Val::from(t.id.as_str()),
        Val::from(t.name.as_str()),
        Val::from(t.kind.code()),
        Val::from(t.kind.parent().map(|p| p.to_string())),
    ]
}

async fn insert_territories(
    conn: &mut AnyConnection,
    ts: &[Territory],
) -> Result<u64, sqlx::Error> {
    // Directions first: an agency's parent must exist when it is inserted.
    let (directions, agencies): (Vec<&Territory>, Vec<&Territory>) =
        ts.iter().partition(|t| !t.is_agency());
    let mut n = 0;
    for group in [directions, agencies] {
        let rows = group.into_iter().map(territory_row).collect();
        n += insert_rows(conn, &tables::TERRITORIES, rows, "").await?;
    }
    Ok(n)
}

pub(crate) async fn import_residences(
    store: &SqlStore,
    territories: &[Territory],
    residences: &[Residence],
) -> Result<ResidenceImportSummary, StoreError> {
    let doing = "importing residences";
    let mut tx = store.pool().begin().await.map_err(sql(doing))?;
    let mut summary = ResidenceImportSummary::default();
    let stored: Vec<(String, String, String, Option<String>)> =
        sqlx::query_as("SELECT id, name, kind, parent_id FROM territories")
            .fetch_all(&mut *tx)
            .await
            .map_err(sql(doing))?;
    let mut known: BTreeMap<String, TerritoryKind> = BTreeMap::new();
    for (id, _, kind, parent) in &stored {
        let k = TerritoryKind::from_parts(kind, parent.as_deref())
            .map_err(crate::error::corrupt("territories"))?;
        known.insert(id.clone(), k);
    }
    let mut new_territories = Vec::new();
    for t in territories {
        match known.get(t.id.as_str()) {
            Some(k) if *k == t.kind => {}
            Some(k) => {
                let place = k.parent().map(|p| p.to_string());
                return Err(StoreError::Conflict {
                    fr: format!(
                        "le territoire « {} » ({}) existe déjà comme {}{} ; rien n'a été importé. \
                         Corrigez les colonnes agency et territory du fichier.",
                        t.name,
                        t.id,
                        if matches!(k, TerritoryKind::Agency { .. }) {
                            "agence"
                        } else {
                            "direction"
                        },
                        place
                            .as_ref()
                            .map(|p| format!(" de {p}"))
                            .unwrap_or_default()
                    ),
                    en: format!(
                        "territory `{}` ({}) already exists as {}{}; nothing was imported. \
                         Fix the file's agency and territory columns.",
                        t.name,
                        t.id,
                        k.code(),
                        place
                            .as_ref()
                            .map(|p| format!(" of {p}"))
                            .unwrap_or_default()
                    ),
                });
            }
            None => {
                known.insert(t.id.to_string(), t.kind.clone());
                new_territories.push(t.clone());
            }
        }
    }
    summary.territories_created = insert_territories(&mut tx, &new_territories)
        .await
        .map_err(sql(doing))?;
    for r in residences {
        if !matches!(
            known.get(r.agency.as_str()),
            Some(TerritoryKind::Agency { .. })
        ) {
            return Err(StoreError::Conflict {
                fr: format!(
                    "la résidence {} est rattachée à « {} », qui n'est pas une agence connue ; \
                     rien n'a été importé.",
                    r.id, r.agency
                ),
                en: format!(
                    "residence {} belongs to `{}`, which is not a known agency; nothing was \
                     imported.",
                    r.id, r.agency
                ),
            });
        }
    }
    let existing: BTreeMap<String, Residence> = crate::read::residences_in(&mut tx)
        .await?
        .into_iter()
        .map(|r| (r.id.to_string(), r))
        .collect();
    let mut changed = Vec::new();
    for r in residences {
        match existing.get(r.id.as_str()) {
            None => summary.residences_created += 1,
            Some(old) if old == r => {
                summary.residences_unchanged += 1;
                continue;
            }
            Some(_) => summary.residences_updated += 1,
        }
        changed.push(residence_row(r));
    }
    insert_rows(
        &mut tx,
        &tables::RESIDENCES,
        changed,
        "ON CONFLICT (id) DO UPDATE SET name = excluded.name, aliases = excluded.aliases, \
         street = excluded.street, postcode = excluded.postcode, city = excluded.city, \
         homes = excluded.homes, built_year = excluded.built_year, agency_id = excluded.agency_id",
    )
    .await
    .map_err(sql(doing))?;
    tx.commit().await.map_err(sql(doing))?;
    Ok(summary)
}
