//! The X sync against a local X API (`x_mock`), into SQLite always and
//! PostgreSQL when `RELAIS_TEST_DATABASE_URL` is set.

mod budget;
mod import;
mod limits;

use std::time::Duration;

use relais_connect::{Pacing, SyncOptions, SyncSummary};
use relais_core::*;
use relais_store::testing::TestDb;
use relais_store::{SqlStore, Store, StoredConnection, TableDump};

use super::{account, cell, connected_as, data, key, now, table};
use crate::x_mock::{self, JEANNE, OTHER, PAUL};

story!(
    a_sync_writes_posts_mentions_replies_metrics_and_followers,
    a_handle_is_resolved_once_into_the_numeric_id,
    a_second_sync_changes_nothing_but_the_account_lookup,
    an_interrupted_sync_resumed_equals_one_uninterrupted_sync,
);

/// The longest wait for a rate-limit reset in these tests.
pub(super) const RESET_WAIT: Duration = Duration::from_millis(60);

/// A database with the X account (its id on X: `network_id`) and its
/// connection to `base`.
pub(super) async fn connected(
    db: &TestDb,
    base: &str,
    token: &str,
    network_id: &str,
) -> (SqlStore, StoredConnection) {
    connected_as(db, base, token, account(Network::X, network_id)).await
}

/// One run at `at` with a budget of `budget` reads a month.
pub(super) async fn sync_with(
    store: &SqlStore,
    c: &StoredConnection,
    at: Timestamp,
    budget: u64,
) -> Result<SyncSummary, String> {
    let options = SyncOptions {
        since: None,
        now: at,
        pacing: Pacing {
            retry_wait: Duration::from_millis(5),
            max_retries: 3,
            usage_wait: Duration::ZERO,
            reset_wait_max: RESET_WAIT,
        },
        x_post_reads_per_month: budget,
    };
    let secret = InstallationSecret::for_demo(7);
    relais_connect::sync(store, c, &key(), &secret, &options)
        .await
        .map_err(|e| e.to_string())
}

async fn sync(store: &SqlStore, c: &StoredConnection) -> Result<SyncSummary, String> {
    sync_with(store, c, now(), 10_000).await
}

/// A mock, and a database connected to it with the account's numeric id.
pub(super) async fn setup(
    db: &TestDb,
    token: &str,
) -> (x_mock::Shared, SqlStore, StoredConnection) {
    let api = x_mock::start().await;
    let base = api.lock().unwrap().base.clone();
    let (store, c) = connected(db, &base, token, x_mock::ACCOUNT).await;
    (api, store, c)
}

/// The value of one cursor of the connection.
pub(super) fn cursor<'a>(dump: &'a [TableDump], stream: &str) -> Option<&'a str> {
    table(dump, "sync_cursors")
        .iter()
        .find(|r| cell(r, 1) == stream)
        .map(|r| cell(r, 2))
}

/// The requests made to a path ending with `end`.
pub(super) fn asked(api: &x_mock::Shared, end: &str) -> Vec<x_mock::Asked> {
    let m = api.lock().unwrap();
    m.requests
        .iter()
        .filter(|r| r.path.ends_with(end))
        .cloned()
        .collect()
}

async fn a_sync_writes_posts_mentions_replies_metrics_and_followers<F, Fut>(make: F)
where
    F: FnOnce() -> Fut,
    Fut: Future<Output = Option<TestDb>>,
{
    let Some(db) = make().await else { return };
    let (api, store, c) = setup(&db, "good").await;
    let s = sync(&store, &c).await.unwrap();
    assert_eq!((s.posts, s.comments, s.replies), (4, 2, 1), "{s:?}");
    assert_eq!(s.followers, Some(1820));
    let reads = s.reads.unwrap();
    // 5 timeline posts, 3 mentions and their 3 authors, the account.
    assert_eq!((reads.run, reads.month), (12, 12));
    assert_eq!(reads.run, api.lock().unwrap().served);
    assert!(s.notes.iter().any(|n| n.contains("non_public_metrics")));
    assert!(
        s.notes.iter().any(|n| n.starts_with("1 mention(s)")),
        "{:?}",
        s.notes
    );

    // Every page to the end: tokens followed, the last page has none.
    let tokens: Vec<Option<String>> = asked(&api, "/tweets")
        .iter()
        .map(|r| r.query.get("pagination_token").cloned())
        .collect();
    assert_eq!(tokens, [None, Some("t2".into()), Some("t4".into())]);
    let fields: Vec<bool> = asked(&api, "/tweets")
        .iter()
        .map(|r| r.query["tweet.fields"].contains("non_public_metrics"))
        .collect();
    assert_eq!(fields, [true, true, true], "refused on the last page only");
    assert_eq!(asked(&api, "/mentions").len(), 2);

    let dump = store.dump().await.unwrap();
    let posts: Vec<&str> = table(&dump, "posts").iter().map(|r| cell(r, 0)).collect();
    let expected: Vec<String> = [x_mock::old(), x_mock::p1(), x_mock::p2(), x_mock::p3()]
        .iter()
        .map(|id| format!("x:{id}"))
        .collect();
    assert_eq!(posts, expected, "the reply is not a post");
    let comments = table(&dump, "comments");
    let row = |id: String| {
        comments
            .iter()
            .find(|r| cell(r, 0) == format!("x:{id}"))
            .unwrap_or_else(|| panic!("comment {id} in {comments:?}"))
    };
    let jeanne = row(x_mock::m2());
    assert_eq!(cell(jeanne, 3), format!("x:{}", x_mock::p1()));
    let landlord = row(x_mock::reply());
    assert_eq!(cell(landlord, 6), "x:habitat", "the account's reply");
    assert_eq!(
        cell(landlord, 3),
        format!("x:{}", x_mock::p1()),
        "on the root"
    );
    assert_eq!(cell(landlord, 4), format!("x:{}", x_mock::m2()), "linked");
    assert_eq!(
        comments.len(),
        3,
        "the mention outside the posts is not kept"
    );

    let names: Vec<&str> = table(&dump, "authors").iter().map(|r| cell(r, 2)).collect();
    assert!(names.contains(&"Jeanne Martin (@jeannem)"), "{names:?}");
    assert!(names.contains(&"Paul Durand (@pauld)"), "{names:?}");
    let everything = format!("{dump:?}");
    for raw in [JEANNE, PAUL, OTHER] {
        assert!(!everything.contains(raw), "raw author id {raw} stored");
    }
    assert!(cell(jeanne, 5).starts_with("p_"));

    let sources: std::collections::BTreeSet<(&str, &str, &str)> = table(&dump, "metric_snapshots")
        .iter()
        .map(|r| (cell(r, 2), cell(r, 4), cell(r, 5)))
        .collect();
    for expected in [
        ("shares", "x_api:public_metrics.retweet_count", "2"),
        ("reactions", "x_api:public_metrics.like_count", "2"),
        ("saves", "x_api:public_metrics.bookmark_count", "2"),
        ("impressions", "x_api:public_metrics.impression_count", "2"),
        (
            "impressions",
            "x_api:non_public_metrics.impression_count",
            "2",
        ),
        (
            "link_clicks",
            "x_api:non_public_metrics.url_link_clicks",
            "2",
        ),
    ] {
        assert!(sources.contains(&expected), "{expected:?} in {sources:?}");
    }
    let old_private = table(&dump, "metric_snapshots")
        .iter()
        .any(|r| cell(r, 0) == format!("x:{}", x_mock::old()) && cell(r, 4).contains("non_public"));
    assert!(!old_private, "the refused post has public metrics only");
    assert_eq!(cell(&table(&dump, "follower_counts")[0], 2), "1820");
    assert_eq!(cursor(&dump, "mentions"), Some(x_mock::m3().as_str()));
    assert_eq!(cursor(&dump, "posts"), Some("2026-03-10T00:00:00Z"));
    assert_eq!(cursor(&dump, "x_reads:2026-03"), Some("12"));
    store.close().await;
    db.cleanup().await;
}

async fn a_handle_is_resolved_once_into_the_numeric_id<F, Fut>(make: F)
where
    F: FnOnce() -> Fut,
    Fut: Future<Output = Option<TestDb>>,
{
    let Some(db) = make().await else { return };
    let api = x_mock::start().await;
    let base = api.lock().unwrap().base.clone();
    let (store, c) = connected(&db, &base, "good", "habitat").await;
    let s = sync(&store, &c).await.unwrap();
    assert_eq!(s.followers, Some(1820), "from the handle's answer");
    assert_eq!(s.reads.unwrap().run, 12);
    assert_eq!(asked(&api, "username/habitat").len(), 1);
    assert_eq!(asked(&api, &format!("users/{}", x_mock::ACCOUNT)).len(), 0);
    let dump = store.dump().await.unwrap();
    assert_eq!(
        cursor(&dump, relais_connect::NETWORK_ID_STREAM),
        Some(x_mock::ACCOUNT)
    );
    sync(&store, &c).await.unwrap();
    assert_eq!(asked(&api, "username/habitat").len(), 1, "resolved once");
    store.close().await;
    db.cleanup().await;
}

/// The dump without the month's read count (each sync pays for the
/// account lookup).
fn without_reads(dump: Vec<TableDump>) -> Vec<TableDump> {
    let mut dump = data(dump);
    for t in dump.iter_mut().filter(|t| t.table == "sync_cursors") {
        t.rows.retain(|r| !cell(r, 1).starts_with("x_reads:"));
    }
    dump
}

async fn a_second_sync_changes_nothing_but_the_account_lookup<F, Fut>(make: F)
where
    F: FnOnce() -> Fut,
    Fut: Future<Output = Option<TestDb>>,
{
    let Some(db) = make().await else { return };
    let (api, store, c) = setup(&db, "good").await;
    sync(&store, &c).await.unwrap();
    let first = store.dump().await.unwrap();
    let again = sync(&store, &c).await.unwrap();
    assert_eq!((again.posts, again.comments, again.metrics), (0, 0, 0));
    assert_eq!(again.reads.unwrap().run, 1, "only the account was read");
    let second = store.dump().await.unwrap();
    assert_eq!(cursor(&second, "x_reads:2026-03"), Some("13"));
    assert_eq!(without_reads(second), without_reads(first));
    let since: Vec<_> = asked(&api, "/mentions")
        .iter()
        .map(|r| r.query.get("since_id").cloned())
        .collect();
    assert_eq!(
        since.last().unwrap().as_deref(),
        Some(x_mock::m3().as_str())
    );
    store.close().await;
    db.cleanup().await;
}

async fn an_interrupted_sync_resumed_equals_one_uninterrupted_sync<F, Fut>(make: F)
where
    F: Fn() -> Fut,
    Fut: Future<Output = Option<TestDb>>,
{
    let (Some(whole), Some(cut)) = (make().await, make().await) else {
        return;
    };
    let (_api, store, c) = setup(&whole, "good").await;
    sync(&store, &c).await.unwrap();
    let expected = data(store.dump().await.unwrap());

    let (api, resumed, c) = setup(&cut, "good").await;
    // The second page of mentions fails: the posts and the first page of
    // mentions are written, the account's reply waits for its parent.
    api.lock().unwrap().fail_token = Some("m2".into());
    let err = sync(&resumed, &c).await.unwrap_err();
    assert!(err.contains("x:habitat"), "{err}");
    let half = resumed.dump().await.unwrap();
    assert_eq!(table(&half, "comments").len(), 2);
    assert_eq!(cursor(&half, "mentions"), None);
    api.lock().unwrap().fail_token = None;
    sync(&resumed, &c).await.unwrap();
    let last = asked(&api, "/mentions");
    assert_eq!(
        last.last()
            .unwrap()
            .query
            .get("pagination_token")
            .map(String::as_str),
        Some("m2"),
        "resumed at the failed page, not from the start"
    );
    assert_eq!(data(resumed.dump().await.unwrap()), expected);
    for (s, db) in [(store, whole), (resumed, cut)] {
        s.close().await;
        db.cleanup().await;
    }
}
