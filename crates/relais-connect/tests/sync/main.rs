//! The Facebook Page sync against a local Graph API (`mock`), into SQLite
//! always and PostgreSQL when `RELAIS_TEST_DATABASE_URL` is set.

mod instagram_mock;
mod mock;
mod mock_post;
mod x_mock;

use std::time::Duration;

use relais_connect::{ANONYMOUS, Pacing, SecretKey, SyncOptions, SyncSummary, Token};
use relais_core::*;
use relais_store::testing::TestDb;
use relais_store::{ConnectStore, SqlStore, Store, StoredConnection, TableDump};

macro_rules! story {
    ($($name:ident),+ $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test]
                async fn $name() {
                    super::$name(|| async { Some(relais_store::testing::TestDb::sqlite()) }).await;
                }
            )+
        }
        mod postgres {
            $(
                #[tokio::test]
                async fn $name() {
                    super::$name(relais_store::testing::TestDb::postgres).await;
                }
            )+
        }
    };
}

// Declared after `story!`, which they use.
mod export;
mod instagram;
mod linkedin;
mod linkedin_errors;
mod linkedin_mock;
mod linkedin_reply;
mod meta_actions;
mod watch;

story!(
    a_sync_writes_posts_comments_replies_metrics_and_followers,
    a_second_sync_changes_nothing,
    an_interrupted_sync_resumed_equals_one_uninterrupted_sync,
    an_expired_token_names_the_connection_and_how_to_renew,
);

mod x;

const KEY: &str = "5f1e0c9b2a7d4e3f8a6b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f";

fn key() -> SecretKey {
    SecretKey::parse(Some(KEY)).unwrap()
}

fn now() -> Timestamp {
    Timestamp::from_unix(1_773_100_800).unwrap() // 2026-03-10
}

/// A database with the Page's account and its connection to `base`.
async fn connected(db: &TestDb, base: &str, token: &str) -> (SqlStore, StoredConnection) {
    connected_as(db, base, token, account(Network::Facebook, "111")).await
}

/// The `habitat` account on `network`, its id there being `network_id`.
fn account(network: Network, network_id: &str) -> Account {
    Account {
        id: Account::make_id(network, "habitat").unwrap(),
        network,
        kind: AccountKind::Page,
        handle: "habitat".into(),
        network_id: NetworkId::parse(network_id).unwrap(),
        name: "Habitat".into(),
        territory: None,
    }
}

/// A database with `account` and its connection to `base`.
async fn connected_as(
    db: &TestDb,
    base: &str,
    token: &str,
    account: Account,
) -> (SqlStore, StoredConnection) {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let store = SqlStore::open(&db.url).await.unwrap();
    let batch = ImportBatch {
        digest: "setup".into(),
        file_name: "setup".into(),
        format: "test".into(),
        account: None,
        imported_at: now(),
        rows: 0,
        new_accounts: vec![account.clone()],
        posts: vec![],
        metrics: vec![],
        daily: vec![],
        comments: vec![],
    };
    store.import_batch(&batch, false).await.unwrap();
    let (token_ciphertext, token_nonce) = key().encrypt(&Token::parse(token).unwrap()).unwrap();
    let connection = StoredConnection {
        id: account.id.to_string(),
        network: account.network.code().into(),
        account: account.id,
        api_base: base.to_string(),
        token_ciphertext,
        token_nonce,
        created_at: now().unix(),
        last_success: None,
        last_error: None,
        next_run: None,
    };
    store.save_connection(&connection).await.unwrap();
    (store, connection)
}

/// Waits of a few milliseconds.
fn pacing() -> Pacing {
    Pacing {
        retry_wait: Duration::from_millis(5),
        max_retries: 3,
        usage_wait: Duration::ZERO,
        reset_wait_max: Duration::ZERO,
    }
}

fn options() -> SyncOptions {
    SyncOptions {
        since: None,
        now: now(),
        pacing: pacing(),
        x_post_reads_per_month: relais_connect::DEFAULT_X_POST_READS_PER_MONTH,
    }
}

async fn sync(store: &SqlStore, c: &StoredConnection) -> Result<SyncSummary, String> {
    sync_with(store, c, &options()).await
}

async fn sync_with(
    store: &SqlStore,
    c: &StoredConnection,
    options: &SyncOptions,
) -> Result<SyncSummary, String> {
    let secret = InstallationSecret::for_demo(7);
    relais_connect::sync(store, c, &key(), &secret, options)
        .await
        .map_err(|e| e.to_string())
}

async fn sync_at(
    store: &SqlStore,
    c: &StoredConnection,
    now: Timestamp,
) -> Result<SyncSummary, String> {
    let options = SyncOptions { now, ..options() };
    sync_with(store, c, &options).await
}

fn table<'a>(dump: &'a [TableDump], name: &str) -> &'a [Vec<Option<String>>] {
    &dump.iter().find(|t| t.table == name).unwrap().rows
}

fn cell(row: &[Option<String>], i: usize) -> &str {
    row[i].as_deref().unwrap_or("")
}

/// The dump without the connection row, whose nonce is random.
fn data(dump: Vec<TableDump>) -> Vec<TableDump> {
    dump.into_iter()
        .filter(|t| t.table != "connections")
        .collect()
}

async fn a_sync_writes_posts_comments_replies_metrics_and_followers<F, Fut>(make: F)
where
    F: FnOnce() -> Fut,
    Fut: Future<Output = Option<TestDb>>,
{
    let Some(db) = make().await else { return };
    let api = mock::start().await;
    let base = api.lock().unwrap().base.clone();
    let (store, c) = connected(&db, &base, "good").await;
    let summary = sync(&store, &c).await.unwrap();
    assert_eq!(
        (summary.posts, summary.comments, summary.replies),
        (3, 3, 1)
    );
    assert_eq!(summary.followers, Some(1234));
    assert_eq!(summary.notes.len(), 2, "{:?}", summary.notes);
    assert!(
        summary
            .notes
            .iter()
            .any(|n| n.contains("relais reads post_impressions_unique"))
    );
    assert!(
        summary
            .notes
            .iter()
            .any(|n| n.contains("page_views_total (code 100): it is no longer read"))
    );

    let dump = store.dump().await.unwrap();
    let posts: Vec<&str> = table(&dump, "posts").iter().map(|r| cell(r, 0)).collect();
    assert_eq!(
        posts,
        ["facebook:111_1", "facebook:111_2", "facebook:111_3"]
    );
    let comments = table(&dump, "comments");
    assert_eq!(comments.len(), 4);
    let reply = comments
        .iter()
        .find(|r| cell(r, 0) == "facebook:111_1_3")
        .unwrap();
    assert_eq!(
        cell(reply, 6),
        "facebook:habitat",
        "the Page's reply is the landlord's"
    );
    assert_eq!(
        cell(reply, 4),
        "facebook:111_1_1",
        "linked to its parent on the next page"
    );
    let anonymous = comments
        .iter()
        .find(|r| cell(r, 0) == "facebook:111_1_1")
        .unwrap();
    let author = cell(anonymous, 5);
    assert!(author.starts_with("p_"));
    let authors = table(&dump, "authors");
    assert!(
        authors
            .iter()
            .any(|a| cell(a, 0) == author && cell(a, 2) == ANONYMOUS)
    );
    assert!(
        !authors.iter().any(|a| cell(a, 2) == "9001"),
        "no network id stored"
    );

    let sources: std::collections::BTreeSet<(&str, &str, &str)> = table(&dump, "metric_snapshots")
        .iter()
        .map(|r| (cell(r, 2), cell(r, 4), cell(r, 5)))
        .collect();
    for expected in [
        ("views", "graph_api:post_media_view", "v25.0"),
        ("reach", "graph_api:post_impressions_unique", "v25.0"),
        (
            "reactions",
            "graph_api:post_reactions_by_type_total",
            "v25.0",
        ),
        ("clicks", "graph_api:post_clicks", "v25.0"),
        ("shares", "graph_api:shares", "v25.0"),
    ] {
        assert!(sources.contains(&expected), "{expected:?} in {sources:?}");
    }
    let followers = table(&dump, "follower_counts");
    assert_eq!(cell(&followers[0], 2), "1234");
    let cursors = table(&dump, "sync_cursors");
    assert!(
        cursors
            .iter()
            .any(|r| cell(r, 1) == "posts" && cell(r, 2) == "1773100800")
    );
    // The Page's daily insights: the 28 days up to yesterday, each metric
    // Meta answers under its own name, the day before Meta's end_time.
    let daily = table(&dump, "account_metrics");
    assert_eq!(daily.len(), 28 * 5, "five metrics (one refused) × 28 days");
    let day = |d: &str, m: &str| {
        daily
            .iter()
            .find(|r| cell(r, 1) == d && cell(r, 2) == m)
            .map(|r| {
                (
                    cell(r, 3).trim_end_matches(".0").to_string(),
                    cell(r, 4).to_string(),
                )
            })
    };
    assert_eq!(
        day("2026-02-10", "views"),
        Some(("10".into(), "graph_api:page_media_view".into()))
    );
    assert_eq!(day("2026-03-09", "views").unwrap().0, "37");
    assert_eq!(
        day("2026-03-09", "engagements").unwrap().0,
        "3",
        "a breakdown is summed"
    );
    assert_eq!(day("2026-03-10", "views"), None, "today is not over");
    // The refused metric is learnt once: later posts ask its successor directly.
    let asks = api
        .lock()
        .unwrap()
        .requests
        .iter()
        .filter(|r| r.ends_with("insights") && !r.starts_with("111/"))
        .count();
    // First post: the refused set, then each metric alone (the refused one
    // and its successor make two asks); the other two posts: one ask each.
    assert_eq!(asks, 1 + 5 + 2);
    store.close().await;
    db.cleanup().await;
}

async fn a_second_sync_changes_nothing<F, Fut>(make: F)
where
    F: FnOnce() -> Fut,
    Fut: Future<Output = Option<TestDb>>,
{
    let Some(db) = make().await else { return };
    let api = mock::start().await;
    let base = api.lock().unwrap().base.clone();
    let (store, c) = connected(&db, &base, "good").await;
    sync(&store, &c).await.unwrap();
    let first = data(store.dump().await.unwrap());
    let again = sync(&store, &c).await.unwrap();
    assert_eq!((again.posts, again.comments, again.metrics), (0, 0, 0));
    // The connection's row keeps each run's summary; the data is the same.
    assert_eq!(data(store.dump().await.unwrap()), first);
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
    let api = mock::start().await;
    let base = api.lock().unwrap().base.clone();
    let (store, c) = connected(&whole, &base, "good").await;
    sync(&store, &c).await.unwrap();
    let expected = data(store.dump().await.unwrap());

    let api = mock::start().await;
    let base = api.lock().unwrap().base.clone();
    let (resumed, c) = connected(&cut, &base, "good").await;
    api.lock().unwrap().fail_comments_of = Some("111_3".into());
    let err = sync(&resumed, &c).await.unwrap_err();
    assert!(err.contains("facebook:habitat"), "{err}");
    let half = resumed.dump().await.unwrap();
    assert_eq!(
        table(&half, "posts").len(),
        3,
        "the second page of posts was written"
    );
    assert!(
        table(&half, "sync_cursors")
            .iter()
            .all(|r| cell(r, 1) != "posts")
    );
    api.lock().unwrap().fail_comments_of = None;
    sync(&resumed, &c).await.unwrap();
    assert_eq!(data(resumed.dump().await.unwrap()), expected);
    for (s, db) in [(store, whole), (resumed, cut)] {
        s.close().await;
        db.cleanup().await;
    }
}

async fn an_expired_token_names_the_connection_and_how_to_renew<F, Fut>(make: F)
where
    F: FnOnce() -> Fut,
    Fut: Future<Output = Option<TestDb>>,
{
    let Some(db) = make().await else { return };
    let api = mock::start().await;
    let base = api.lock().unwrap().base.clone();
    let (store, c) = connected(&db, &base, "expired").await;
    let err = sync(&store, &c).await.unwrap_err();
    assert!(err.contains("code 190"), "{err}");
    assert!(
        err.contains("relais connect facebook --account habitat --token-stdin"),
        "{err}"
    );
    let saved = store.connections().await.unwrap();
    assert_eq!(saved[0].last_error.as_deref(), Some(err.as_str()));
    assert_eq!(saved[0].last_success, None);
    store.close().await;
    db.cleanup().await;
}
