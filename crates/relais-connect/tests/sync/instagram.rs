//! The Instagram sync against a local Graph API (`instagram_mock`), into
//! SQLite always and PostgreSQL when `RELAIS_TEST_DATABASE_URL` is set.

use std::collections::{BTreeMap, BTreeSet};

use relais_core::*;
use relais_store::testing::TestDb;
use relais_store::{ConnectStore, SqlStore, Store, StoredConnection};

use super::instagram_mock::{self as mock, *};
use super::{cell, connected_as, data, now, sync, table};

story!(
    instagram_sync_reads_every_page_comments_replies_insights_and_followers,
    a_second_instagram_sync_changes_nothing_and_a_later_comment_on_an_older_media_is_found,
    an_interrupted_instagram_sync_resumed_equals_one_uninterrupted_sync,
    an_expired_instagram_token_names_the_connection_and_how_to_renew,
    an_api_version_without_views_reads_impressions_and_says_so_once,
    a_synced_media_is_the_post_imported_from_the_business_suite_export,
);

pub const ACCOUNT: &str = "instagram:habitat.solidaire";

pub fn account() -> Account {
    Account {
        id: AccountId::parse(ACCOUNT).unwrap(),
        network: Network::Instagram,
        kind: AccountKind::Page,
        handle: "habitat.solidaire".into(),
        network_id: NetworkId::parse(USER).unwrap(),
        name: "Habitat Solidaire".into(),
        territory: None,
    }
}

pub async fn ig_connected(db: &TestDb, token: &str) -> (mock::Shared, SqlStore, StoredConnection) {
    let api = mock::start().await;
    let base = api.lock().unwrap().base.clone();
    let (store, c) = connected_as(db, &base, token, account()).await;
    (api, store, c)
}

fn ig(id: &str) -> String {
    format!("instagram:{id}")
}

/// (metric, source) → value of one post's snapshots.
fn snapshots(dump: &[relais_store::TableDump], post: &str) -> BTreeMap<(String, String), f64> {
    table(dump, "metric_snapshots")
        .iter()
        .filter(|r| cell(r, 0) == ig(post))
        .map(|r| {
            let value = cell(r, 3).parse().unwrap();
            ((cell(r, 2).into(), cell(r, 4).into()), value)
        })
        .collect()
}

fn insights_asked(api: &mock::Shared) -> Vec<String> {
    let requests = &api.lock().unwrap().requests;
    requests
        .iter()
        .filter(|r| r.contains("/insights"))
        .cloned()
        .collect()
}

async fn instagram_sync_reads_every_page_comments_replies_insights_and_followers<F, Fut>(make: F)
where
    F: FnOnce() -> Fut,
    Fut: Future<Output = Option<TestDb>>,
{
    let Some(db) = make().await else { return };
    let (api, store, c) = ig_connected(&db, "good").await;
    let summary = sync(&store, &c).await.unwrap();
    assert_eq!(
        (summary.posts, summary.comments, summary.replies),
        (5, 4, 1)
    );
    assert_eq!(summary.followers, Some(2480), "read after a 429");
    assert_eq!(summary.notes.len(), 2, "{:?}", summary.notes);
    assert!(
        summary
            .notes
            .iter()
            .any(|n| n.contains("profile_visits") && n.contains("REELS"))
    );
    assert!(summary.notes.iter().any(|n| n.contains("#10")));

    let dump = store.dump().await.unwrap();
    let posts: Vec<(&str, &str)> = table(&dump, "posts")
        .iter()
        .map(|r| (cell(r, 0), cell(r, 7)))
        .collect();
    let want = [
        (NO_DATA, "photo"),
        (FEW_VIEWERS, "photo"),
        (CAROUSEL, "carousel"),
        (REEL, "reel"),
        (NEWEST_REEL, "reel"),
    ];
    let want: Vec<(String, &str)> = want.iter().map(|(id, m)| (ig(id), *m)).collect();
    let got: Vec<(String, &str)> = posts.iter().map(|(id, m)| (id.to_string(), *m)).collect();
    assert_eq!(got.len(), 5);
    for w in &want {
        assert!(got.contains(w), "{w:?} in {got:?}");
    }

    let comments = table(&dump, "comments");
    assert_eq!(comments.len(), 5);
    let row = |id: &str| comments.iter().find(|r| cell(r, 0) == ig(id)).unwrap();
    assert_eq!(
        cell(row(OWN_REPLY), 6),
        ACCOUNT,
        "the account's reply is the landlord's"
    );
    assert_eq!(cell(row(OWN_REPLY), 4), ig(THREAD));
    assert_eq!(cell(row(FOLLOWER_REPLY), 4), ig(THREAD));
    assert_eq!(cell(row(THREAD), 4), "");
    let secret = InstallationSecret::for_demo(7);
    let pseudonym = |raw: &str| {
        secret
            .pseudonym(Network::Instagram, raw)
            .as_str()
            .to_string()
    };
    assert_eq!(cell(row(THREAD), 5), pseudonym("5001"));
    assert_eq!(cell(row(FOLLOWER_REPLY), 5), pseudonym("username:paul_92"));
    let authors = table(&dump, "authors");
    assert!(
        authors
            .iter()
            .any(|a| cell(a, 0) == pseudonym("5001") && cell(a, 2) == "jeanne")
    );
    assert!(
        !authors.iter().any(|a| cell(a, 2) == "5001"),
        "no network id stored"
    );

    let versions: BTreeSet<&str> = table(&dump, "metric_snapshots")
        .iter()
        .map(|r| cell(r, 5))
        .collect();
    assert_eq!(versions, BTreeSet::from(["v25.0"]));
    let reel = snapshots(&dump, NEWEST_REEL);
    let key = |m: &str, s: &str| (m.to_string(), format!("graph_api:{s}"));
    let at = |m: &str, s: &str| reel.get(&key(m, s)).copied();
    assert_eq!(at("views", "views"), Some(1000.0), "total_value shape");
    assert_eq!(at("reactions", "like_count"), Some(61.0));
    assert_eq!(at("comments", "comments_count"), Some(4.0));
    assert_eq!(at("engagements", "total_interactions"), Some(75.0));
    assert_eq!(at("profile_visits", "profile_visits"), None);
    let carousel = snapshots(&dump, CAROUSEL);
    assert_eq!(
        carousel.get(&key("reach", "reach")),
        Some(&800.0),
        "values[] shape"
    );
    assert!(
        carousel.contains_key(&key("profile_visits", "profile_visits")),
        "refused for reels only"
    );
    for quiet in [FEW_VIEWERS, NO_DATA] {
        let sources: BTreeSet<String> = snapshots(&dump, quiet).into_keys().map(|k| k.1).collect();
        let counts = ["graph_api:comments_count", "graph_api:like_count"];
        assert_eq!(
            sources,
            counts.iter().map(|s| s.to_string()).collect(),
            "{quiet}"
        );
    }

    assert_eq!(cell(&table(&dump, "follower_counts")[0], 2), "2480");
    let cursors = table(&dump, "sync_cursors");
    assert!(
        cursors
            .iter()
            .any(|r| cell(r, 1) == "posts" && cell(r, 2) == "1772701200")
    );
    let asked = insights_asked(&api);
    // The first reel: all at once, then each alone; then profile_visits is
    // no longer asked for reels, and is asked for the others.
    assert_eq!(asked.len(), 1 + 9 + 4, "{asked:?}");
    let of = |id: &str| {
        asked
            .iter()
            .filter(|r| r.starts_with(id))
            .cloned()
            .collect::<Vec<_>>()
    };
    assert!(!of(REEL)[0].contains("profile_visits"));
    assert!(of(CAROUSEL)[0].contains("profile_visits"));
    let requests = api.lock().unwrap().requests.clone();
    assert_eq!(
        requests.iter().filter(|r| *r == USER).count(),
        2,
        "the 429, then the count"
    );
    assert!(requests.contains(&format!("{USER}/media?page=2")));
    assert!(requests.contains(&format!("{NEWEST_REEL}/comments?page=2")));
    store.close().await;
    db.cleanup().await;
}

async fn a_second_instagram_sync_changes_nothing_and_a_later_comment_on_an_older_media_is_found<
    F,
    Fut,
>(
    make: F,
) where
    F: FnOnce() -> Fut,
    Fut: Future<Output = Option<TestDb>>,
{
    let Some(db) = make().await else { return };
    let (api, store, c) = ig_connected(&db, "good").await;
    sync(&store, &c).await.unwrap();
    let first = data(store.dump().await.unwrap());
    let before = api.lock().unwrap().requests.len();
    let again = sync(&store, &c).await.unwrap();
    assert_eq!((again.posts, again.comments, again.metrics), (0, 0, 0));
    // The connection's row keeps each run's summary; the data is the same.
    assert_eq!(data(store.dump().await.unwrap()), first);
    // The account, the first page of media, which holds nothing newer, then
    // the comments of the media of the last 30 days (no insights again).
    let second: Vec<String> = api.lock().unwrap().requests[before..].to_vec();
    let mut expected = vec![USER.to_string(), format!("{USER}/media")];
    expected.push(format!("{NEWEST_REEL}/comments"));
    expected.push(format!("{NEWEST_REEL}/comments?page=2"));
    for m in [REEL, CAROUSEL, FEW_VIEWERS, NO_DATA] {
        expected.push(format!("{m}/comments"));
    }
    assert_eq!(second, expected);

    // A follower answers the thread later: the next run finds only that.
    let late = serde_json::json!({"id": "18000000000000099", "text": "Toujours pas de chauffage",
        "timestamp": "2026-03-09T20:00:00+0000", "username": "jeanne"});
    api.lock().unwrap().replies.push((THREAD.to_string(), late));
    let third = sync(&store, &c).await.unwrap();
    assert_eq!((third.posts, third.comments, third.metrics), (0, 1, 0));
    let dump = store.dump().await.unwrap();
    let stored = table(&dump, "comments")
        .iter()
        .find(|r| cell(r, 0) == "instagram:18000000000000099")
        .expect("the late reply is stored");
    assert_eq!(cell(stored, 4), format!("instagram:{THREAD}"));
    store.close().await;
    db.cleanup().await;
}

async fn an_interrupted_instagram_sync_resumed_equals_one_uninterrupted_sync<F, Fut>(make: F)
where
    F: Fn() -> Fut,
    Fut: Future<Output = Option<TestDb>>,
{
    let (Some(whole), Some(cut)) = (make().await, make().await) else {
        return;
    };
    let (_api, store, c) = ig_connected(&whole, "good").await;
    sync(&store, &c).await.unwrap();
    let expected = data(store.dump().await.unwrap());

    let (api, resumed, c) = ig_connected(&cut, "good").await;
    api.lock().unwrap().fail_comments_of = Some(CAROUSEL.into());
    let err = sync(&resumed, &c).await.unwrap_err();
    assert!(err.contains(ACCOUNT), "{err}");
    let half = resumed.dump().await.unwrap();
    assert_eq!(
        table(&half, "posts").len(),
        5,
        "the second page of media was written"
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

async fn an_expired_instagram_token_names_the_connection_and_how_to_renew<F, Fut>(make: F)
where
    F: FnOnce() -> Fut,
    Fut: Future<Output = Option<TestDb>>,
{
    let Some(db) = make().await else { return };
    let (_api, store, c) = ig_connected(&db, "expired").await;
    let err = sync(&store, &c).await.unwrap_err();
    assert!(err.contains(&format!("connexion {ACCOUNT}")), "{err}");
    assert!(err.contains("code 190"), "{err}");
    assert!(
        err.contains("relais connect instagram --account habitat.solidaire --token-stdin"),
        "{err}"
    );
    let saved = store.connections().await.unwrap();
    assert_eq!(saved[0].last_error.as_deref(), Some(err.as_str()));
    assert_eq!(saved[0].last_success, None);
    store.close().await;
    db.cleanup().await;
}

async fn an_api_version_without_views_reads_impressions_and_says_so_once<F, Fut>(make: F)
where
    F: FnOnce() -> Fut,
    Fut: Future<Output = Option<TestDb>>,
{
    let Some(db) = make().await else { return };
    let (api, store, c) = ig_connected(&db, "good").await;
    api.lock().unwrap().old_api = true;
    let summary = sync(&store, &c).await.unwrap();
    let replaced: Vec<&String> = summary
        .notes
        .iter()
        .filter(|n| n.contains("views") && n.contains("relais reads impressions instead"))
        .collect();
    assert_eq!(replaced.len(), 1, "{:?}", summary.notes);
    let dump = store.dump().await.unwrap();
    let sources: BTreeSet<(&str, &str)> = table(&dump, "metric_snapshots")
        .iter()
        .map(|r| (cell(r, 2), cell(r, 4)))
        .collect();
    assert!(sources.contains(&("impressions", "graph_api:impressions")));
    assert!(
        !sources.iter().any(|(m, _)| *m == "views"),
        "a separate series"
    );
    // Learnt once for every kind of media: reels and feed ask it directly.
    let asked = insights_asked(&api);
    // The first reel: all at once, then each alone, views and impressions.
    assert_eq!(asked.len(), 1 + 10 + 4, "{asked:?}");
    assert!(
        asked[11..]
            .iter()
            .all(|r| r.contains("impressions") && !r.contains("views"))
    );
    store.close().await;
    db.cleanup().await;
}

const EXPORT: &str = "\u{feff}\"Post ID\",\"Account ID\",\"Account username\",\"Account name\",\
\"Description\",\"Duration (sec)\",\"Publish time\",\"Permalink\",\"Post type\",\"Data comment\",\
\"Date\",\"Views\",\"Reach\",\"Likes\",\"Shares\",\"Comments\",\"Saves\",\"Follows\"
17890000000000005,17841400000000001,habitat.solidaire,\"Habitat Solidaire\",\"Une journée avec \
notre gardienne\",38,\"03/05/2026 10:00\",https://www.instagram.com/reel/17890000000000005/,\
\"IG reel\",,Lifetime,900,700,50,2,3,6,1
17890000000000003,17841400000000001,habitat.solidaire,\"Habitat Solidaire\",\"Avant / après de \
la rénovation\",0,\"03/02/2026 10:00\",https://www.instagram.com/p/17890000000000003/,\
\"IG carousel\",,Lifetime,400,300,20,1,0,4,0
";

async fn a_synced_media_is_the_post_imported_from_the_business_suite_export<F, Fut>(make: F)
where
    F: FnOnce() -> Fut,
    Fut: Future<Output = Option<TestDb>>,
{
    let Some(db) = make().await else { return };
    let (_api, store, c) = ig_connected(&db, "good").await;
    let bytes = EXPORT.as_bytes();
    let parsed =
        relais_import::parse("instagram.csv", bytes, &relais_import::Options::default()).unwrap();
    let accounts = store.accounts().await.unwrap();
    let known = relais_import::Known {
        accounts: &accounts,
        post_accounts: &BTreeMap::new(),
    };
    let secret = InstallationSecret::for_demo(7);
    let digest = relais_import::digest(bytes);
    let batch = relais_import::plan(
        &parsed,
        "instagram.csv",
        &digest,
        known,
        None,
        &secret,
        now(),
    )
    .unwrap();
    store.import_batch(&batch, false).await.unwrap();
    let imported: Vec<String> = table(&store.dump().await.unwrap(), "posts")
        .iter()
        .map(|r| cell(r, 0).to_string())
        .collect();
    assert_eq!(imported, [ig(CAROUSEL), ig(NEWEST_REEL)]);

    let summary = sync(&store, &c).await.unwrap();
    assert_eq!(
        summary.posts, 3,
        "the two imported ones are the same posts, unchanged"
    );
    let dump = store.dump().await.unwrap();
    let posts = table(&dump, "posts");
    assert_eq!(posts.len(), 5, "one post per media, not two");
    assert!(posts.iter().all(|r| cell(r, 3) == ACCOUNT));
    let sources: BTreeSet<String> = snapshots(&dump, NEWEST_REEL)
        .into_keys()
        .map(|k| k.1)
        .collect();
    assert!(sources.contains("graph_api:views"), "{sources:?}");
    assert!(
        sources.iter().any(|s| !s.starts_with("graph_api")),
        "{sources:?}"
    );
    store.close().await;
    db.cleanup().await;
}
