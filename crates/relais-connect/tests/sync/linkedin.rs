//! The LinkedIn organization sync against a local LinkedIn API
//! (`linkedin_mock`), into SQLite always and PostgreSQL when
//! `RELAIS_TEST_DATABASE_URL` is set. The reply and the import stories are
//! in `linkedin_reply`, the errors in `linkedin_errors`.

use std::time::Duration;

use relais_connect::{LINKEDIN_MEMBER, SyncOptions, SyncSummary, Token};
use relais_core::*;
use relais_store::testing::TestDb;
use relais_store::{ConnectStore, SqlStore, Store, StoredConnection, TableDump};

use super::linkedin_mock::{self as mock, OLD, P1, P2, P3};
use super::{cell, data, key, now, table};

story!(
    a_linkedin_sync_reads_every_page_of_posts_comments_and_replies,
    a_second_linkedin_sync_changes_nothing,
    a_later_linkedin_sync_stops_at_the_posts_already_seen,
    an_interrupted_linkedin_sync_resumed_equals_one_uninterrupted_sync,
);

/// A database with the page's account (as `relais connect linkedin
/// --network-id` makes it) and its connection to `base`.
pub async fn connected(
    db: &TestDb,
    base: &str,
    token: &str,
    network_id: &str,
) -> (SqlStore, StoredConnection) {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let store = SqlStore::open(&db.url).await.unwrap();
    let account = Account {
        id: AccountId::parse("linkedin:brevenne-habitat").unwrap(),
        network: Network::Linkedin,
        kind: AccountKind::Page,
        handle: "brevenne-habitat".into(),
        network_id: NetworkId::parse(network_id).unwrap(),
        name: "Brévenne Habitat".into(),
        territory: None,
    };
    let mut batch = batch("setup");
    batch.new_accounts.push(account.clone());
    store.import_batch(&batch, false).await.unwrap();
    let (token_ciphertext, token_nonce) = key().encrypt(&Token::parse(token).unwrap()).unwrap();
    let connection = StoredConnection {
        id: account.id.to_string(),
        network: "linkedin".into(),
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

/// An empty batch of the tests' own.
pub fn batch(digest: &str) -> ImportBatch {
    ImportBatch {
        digest: digest.into(),
        file_name: digest.into(),
        format: "test".into(),
        account: None,
        imported_at: now(),
        rows: 0,
        new_accounts: vec![],
        posts: vec![],
        metrics: vec![],
        daily: vec![],
        comments: vec![],
    }
}

/// A sync at `at`, bounded so that an unbounded wait fails instead of
/// hanging.
pub async fn sync_at(
    store: &SqlStore,
    c: &StoredConnection,
    at: Timestamp,
) -> Result<SyncSummary, String> {
    let options = SyncOptions {
        now: at,
        ..super::options()
    };
    let secret = InstallationSecret::for_demo(7);
    let key = key();
    let run = relais_connect::sync(store, c, &key, &secret, &options);
    match tokio::time::timeout(Duration::from_secs(30), run).await {
        Ok(r) => r.map_err(|e| e.to_string()),
        Err(_) => Err("the sync did not end in 30 s".into()),
    }
}

pub async fn sync(store: &SqlStore, c: &StoredConnection) -> Result<SyncSummary, String> {
    sync_at(store, c, now()).await
}

/// A started mock and its address.
pub async fn api() -> (mock::Shared, String) {
    let api = mock::start().await;
    let base = api.lock().unwrap().base.clone();
    (api, base)
}

fn stored(urn: &str) -> String {
    format!("linkedin:{urn}")
}

fn row<'a>(dump: &'a [TableDump], name: &str, id: &str) -> &'a [Option<String>] {
    table(dump, name)
        .iter()
        .find(|r| cell(r, 0) == id)
        .unwrap_or_else(|| panic!("{id} in {name}"))
}

async fn a_linkedin_sync_reads_every_page_of_posts_comments_and_replies<F, Fut>(make: F)
where
    F: FnOnce() -> Fut,
    Fut: Future<Output = Option<TestDb>>,
{
    let Some(db) = make().await else { return };
    let (api, base) = api().await;
    let (store, c) = connected(&db, &base, "good", "2414183").await;
    let summary = sync(&store, &c).await.unwrap();
    assert_eq!(
        (summary.posts, summary.comments, summary.replies),
        (4, 6, 1),
        "four published posts over three pages; the deleted one left out"
    );
    assert_eq!(summary.metrics, 4 * 6);
    assert_eq!(summary.followers, Some(219));

    let dump = store.dump().await.unwrap();
    let posts: Vec<&str> = table(&dump, "posts").iter().map(|r| cell(r, 0)).collect();
    let mut want: Vec<String> = [P1, P2, P3, OLD].iter().map(|u| stored(u)).collect();
    want.sort();
    assert_eq!(posts, want);
    assert_eq!(
        cell(row(&dump, "posts", &stored(P1)), 5),
        "Fête des voisins #voisins"
    );

    let comments = table(&dump, "comments");
    assert_eq!(
        comments.len(),
        7,
        "3 top-level over 2 pages, 2 replies, 2 more"
    );
    let c101 = stored(&mock::comment_urn(mock::ACTIVITY, 101));
    let reply = row(
        &dump,
        "comments",
        &stored(&mock::comment_urn(mock::ACTIVITY, 111)),
    );
    assert_eq!(
        cell(reply, 6),
        "linkedin:brevenne-habitat",
        "the organization's reply"
    );
    assert_eq!(cell(reply, 4), c101);
    let member = row(
        &dump,
        "comments",
        &stored(&mock::comment_urn(mock::ACTIVITY, 112)),
    );
    assert_eq!(
        cell(member, 4),
        c101,
        "a member's reply, on the replies' second page"
    );
    assert_eq!(cell(member, 6), "");
    let third = row(
        &dump,
        "comments",
        &stored(&mock::comment_urn(mock::ACTIVITY, 103)),
    );
    assert_eq!(cell(third, 7), "Et le parking (B) ?", "on the second page");

    let same_person = [101, 102].map(|id| {
        let r = row(
            &dump,
            "comments",
            &stored(&mock::comment_urn(mock::ACTIVITY, id)),
        );
        cell(r, 5).to_string()
    });
    assert_eq!(same_person[0], same_person[1], "one member, one pseudonym");
    assert!(same_person[0].starts_with("p_"));
    let authors = table(&dump, "authors");
    assert_eq!(authors.len(), 5);
    assert!(authors.iter().all(|a| cell(a, 2) == LINKEDIN_MEMBER));
    let everything = format!("{dump:?}");
    assert!(
        !everything.contains("urn:li:person"),
        "no member URN in clear"
    );
    assert!(!everything.contains("AbCdEf1"));

    let sources: std::collections::BTreeSet<(&str, &str, &str, &str)> =
        table(&dump, "metric_snapshots")
            .iter()
            .map(|r| (cell(r, 0), cell(r, 2), cell(r, 4), cell(r, 5)))
            .collect();
    for (post, metric, field) in [
        (P1, "impressions", "impressionCount"),
        (P2, "reach", "uniqueImpressionsCount"),
        (P3, "clicks", "clickCount"),
        (OLD, "reactions", "likeCount"),
        (P1, "comments", "commentCount"),
        (P1, "shares", "shareCount"),
    ] {
        let origin = format!("linkedin_api:{field}");
        let want = (stored(post), metric, origin, "202601");
        assert!(
            sources.iter().any(|s| (s.0, s.1, s.2, s.3)
                == (want.0.as_str(), want.1, want.2.as_str(), want.3)),
            "{want:?} in {sources:?}"
        );
    }
    let followers = table(&dump, "follower_counts");
    assert_eq!(cell(&followers[0], 2), "219");
    assert!(
        followers[0]
            .iter()
            .any(|c| c.as_deref() == Some("linkedin_api:firstDegreeSize"))
    );
    let cursor = mock::ms(3, 5, 10).to_string();
    assert!(
        table(&dump, "sync_cursors")
            .iter()
            .any(|r| cell(r, 1) == "posts" && cell(r, 2) == cursor)
    );

    let (refused, requests) = {
        let m = api.lock().unwrap();
        (m.refused, m.requests.clone())
    };
    assert_eq!(refused, 0, "every call had LinkedIn's headers");
    let stats: Vec<&String> = requests
        .iter()
        .filter(|r| r.contains("organizationalEntityShareStatistics"))
        .collect();
    assert_eq!(stats.len(), 4, "{stats:?}");
    assert!(
        stats
            .iter()
            .all(|r| r.contains("shares=List(") != r.contains("ugcPosts=List("))
    );
    assert!(
        stats
            .iter()
            .any(|r| r.contains("shares=List(urn%3Ali%3Ashare%3A7303414593618093553)"))
    );
    assert!(stats.iter().any(|r| r.contains("ugcPosts=List(")));
    assert!(
        !requests
            .iter()
            .any(|r| r.contains("7301000000000000001/comments"))
    );
    store.close().await;
    db.cleanup().await;
}

async fn a_second_linkedin_sync_changes_nothing<F, Fut>(make: F)
where
    F: FnOnce() -> Fut,
    Fut: Future<Output = Option<TestDb>>,
{
    let Some(db) = make().await else { return };
    let (_api, base) = api().await;
    let (store, c) = connected(&db, &base, "good", "2414183").await;
    sync(&store, &c).await.unwrap();
    let first = data(store.dump().await.unwrap());
    let again = sync(&store, &c).await.unwrap();
    assert_eq!(
        (again.posts, again.comments, again.replies, again.metrics),
        (0, 0, 0, 0)
    );
    // The connection's row keeps each run's summary; the data is the same.
    assert_eq!(data(store.dump().await.unwrap()), first);
    store.close().await;
    db.cleanup().await;
}

async fn a_later_linkedin_sync_stops_at_the_posts_already_seen<F, Fut>(make: F)
where
    F: FnOnce() -> Fut,
    Fut: Future<Output = Option<TestDb>>,
{
    let Some(db) = make().await else { return };
    let (api, base) = api().await;
    let (store, c) = connected(&db, &base, "good", "2414183").await;
    sync(&store, &c).await.unwrap();
    let before = store.dump().await.unwrap();
    let first_calls = api.lock().unwrap().requests.len();
    let tomorrow = Timestamp::from_unix(now().unix() + 86_400).unwrap();
    let later = sync_at(&store, &c, tomorrow).await.unwrap();
    assert_eq!(later.posts, 0, "nothing new");
    assert_eq!(
        (later.comments, later.replies),
        (0, 0),
        "comments read again are not counted again"
    );
    assert_eq!(
        later.metrics,
        3 * 6,
        "fresh figures of the three recent posts"
    );
    let after = store.dump().await.unwrap();
    for t in ["posts", "comments", "authors"] {
        assert_eq!(table(&after, t), table(&before, t), "{t}");
    }
    let requests = api.lock().unwrap().requests.clone();
    let second = &requests[first_calls..];
    let pages = second.iter().filter(|r| r.contains("/rest/posts")).count();
    assert_eq!(pages, 3, "read until the January post: {second:?}");
    assert!(
        !second.iter().any(|r| r.contains("7280000000000000001")),
        "neither the comments nor the figures of the January post: {second:?}"
    );
    assert!(
        second
            .iter()
            .any(|r| r.contains("7300000000000000001/comments"))
    );
    store.close().await;
    db.cleanup().await;
}

async fn an_interrupted_linkedin_sync_resumed_equals_one_uninterrupted_sync<F, Fut>(make: F)
where
    F: Fn() -> Fut,
    Fut: Future<Output = Option<TestDb>>,
{
    let (Some(whole), Some(cut)) = (make().await, make().await) else {
        return;
    };
    let (_api, base) = api().await;
    let (store, c) = connected(&whole, &base, "good", "2414183").await;
    sync(&store, &c).await.unwrap();
    let expected = data(store.dump().await.unwrap());

    let (api, base) = api().await;
    let (resumed, c) = connected(&cut, &base, "good", "2414183").await;
    api.lock().unwrap().fail_comments_of = Some(P3.into());
    let err = sync(&resumed, &c).await.unwrap_err();
    assert!(err.contains("linkedin:brevenne-habitat"), "{err}");
    assert!(err.contains("Internal Server Error"), "{err}");
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
