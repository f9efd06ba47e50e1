//! An X analytics export imported, then the same posts synced: one post
//! each, with the export's figures and the API's side by side.

use std::collections::BTreeSet;

use relais_store::Store;
use relais_store::testing::TestDb;

use super::{setup, sync_with};
use crate::{cell, now, table, x_mock};

story!(an_imported_post_and_the_synced_one_are_one_post);

/// The 2024+ per-post export (platforms.md §6) with one post of the mock.
fn export() -> String {
    let id = x_mock::p1();
    format!(
        "Post id,Date,Post text,Post Link,Impressions,Likes,Engagements,Bookmarks,Shares,\
         New follows,Replies,Reposts,Profile visits,Detail Expands,URL Clicks,Hashtag Clicks,\
         Permalink Clicks\n\
         {id},\"Thu, Mar 5, 2026\",Travaux d'ascenseur rue Victor-Hugo,\
         https://x.com/habitat/status/{id},700,9,30,1,0,0,1,2,4,5,0,0,1\n"
    )
}

async fn an_imported_post_and_the_synced_one_are_one_post<F, Fut>(make: F)
where
    F: FnOnce() -> Fut,
    Fut: Future<Output = Option<TestDb>>,
{
    let Some(db) = make().await else { return };
    let (_api, store, c) = setup(&db, "good").await;
    let bytes = export();
    let parsed = relais_import::parse("content.csv", bytes.as_bytes(), &Default::default())
        .unwrap_or_else(|e| panic!("{}", e.message_en()));
    let accounts = store.accounts().await.unwrap();
    let known = relais_import::Known {
        accounts: &accounts,
        post_accounts: &Default::default(),
    };
    let secret = relais_core::InstallationSecret::for_demo(7);
    let digest = relais_import::digest(bytes.as_bytes());
    let batch = relais_import::plan(&parsed, "content.csv", &digest, known, None, &secret, now())
        .unwrap_or_else(|e| panic!("{}", e.message_en()));
    store.import_batch(&batch, false).await.unwrap();

    let s = sync_with(&store, &c, now(), 10_000).await.unwrap();
    assert_eq!(s.posts, 3, "the imported post is the same, unchanged");
    let dump = store.dump().await.unwrap();
    let id = format!("x:{}", x_mock::p1());
    let posts: Vec<&str> = table(&dump, "posts").iter().map(|r| cell(r, 0)).collect();
    assert_eq!(posts.iter().filter(|p| **p == id).count(), 1, "{posts:?}");
    assert_eq!(posts.len(), 4);
    let origins: BTreeSet<bool> = table(&dump, "metric_snapshots")
        .iter()
        .filter(|r| cell(r, 0) == id)
        .map(|r| cell(r, 4).starts_with("x_api:"))
        .collect();
    assert_eq!(
        origins,
        [false, true].into(),
        "the export's and the API's figures"
    );
    store.close().await;
    db.cleanup().await;
}
