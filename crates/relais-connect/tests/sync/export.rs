//! A post imported from Meta Business Suite's export, then synced, is one
//! post: the export's Post ID joined to its Page ID is the Graph API's id.

use std::collections::BTreeMap;

use relais_core::InstallationSecret;
use relais_import::{Known, Options, digest, parse, plan};
use relais_store::Store;
use relais_store::testing::TestDb;

use super::{cell, connected, mock, now, sync, table};

story!(an_exported_post_and_the_same_post_synced_are_one);

/// Page 111's post 1 (the mock's `111_1`) as the export writes it.
const EXPORT: &str = "Post ID,Page ID,Page name,Title,Publish time,Post type,Date,Views,Reach,Reactions\n\
    1,111,Habitat,Fête des voisins,03/05/2026 10:00,Photos,Lifetime,90,40,4\n";

async fn an_exported_post_and_the_same_post_synced_are_one<F, Fut>(make: F)
where
    F: FnOnce() -> Fut,
    Fut: Future<Output = Option<TestDb>>,
{
    let Some(db) = make().await else { return };
    let api = mock::start().await;
    let base = api.lock().unwrap().base.clone();
    let (store, c) = connected(&db, &base, "good").await;
    let secret = InstallationSecret::for_demo(7);
    let parsed = parse("posts.csv", EXPORT.as_bytes(), &Options::default()).unwrap();
    let accounts = store.accounts().await.unwrap();
    let known = Known {
        accounts: &accounts,
        post_accounts: &BTreeMap::new(),
    };
    let batch = plan(
        &parsed,
        "posts.csv",
        &digest(EXPORT.as_bytes()),
        known,
        None,
        &secret,
        now(),
    )
    .unwrap();
    store.import_batch(&batch, false).await.unwrap();

    sync(&store, &c).await.unwrap();
    let dump = store.dump().await.unwrap();
    let posts: Vec<&str> = table(&dump, "posts").iter().map(|r| cell(r, 0)).collect();
    assert_eq!(
        posts,
        ["facebook:111_1", "facebook:111_2", "facebook:111_3"],
        "the exported post is the synced one"
    );
    let sources: Vec<&str> = table(&dump, "metric_snapshots")
        .iter()
        .filter(|r| cell(r, 0) == "facebook:111_1" && cell(r, 2) == "views")
        .map(|r| cell(r, 4))
        .collect();
    assert_eq!(
        sources.len(),
        2,
        "the export's views and the API's: {sources:?}"
    );
    store.close().await;
    db.cleanup().await;
}
