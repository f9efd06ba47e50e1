//! Replying and hiding on Facebook (`mock` + `mock_post`) and Instagram
//! (`instagram_mock`): the requests are those platforms.md §7 documents,
//! the key given back is the one the next sync stores (one comment, not
//! two), and a dead token or a missing permission says what to do.

use std::collections::HashMap;

use relais_core::*;
use relais_store::testing::TestDb;
use relais_store::{SqlStore, Store};

use super::instagram::{ACCOUNT, ig_connected};
use super::instagram_mock::{FOLLOWER_REPLY, NEWEST_REEL, POSTED_REPLY, Posted, THREAD};
use super::{cell, connected, key, mock, now, options, pacing, sync, sync_with, table};

story!(
    replying_on_facebook_posts_the_message_and_the_next_sync_finds_that_reply,
    replying_on_instagram_posts_to_replies_and_the_next_sync_finds_that_reply,
    hiding_and_showing_again_posts_what_each_network_documents,
    an_expired_token_or_a_missing_permission_stops_a_write_and_says_what_to_do,
);

/// A comment as the inbox holds it.
fn comment(network: Network, id: &str, post: &str, parent: Option<&str>) -> Comment {
    let key = |id: &str| CommentKey {
        network,
        network_id: NetworkId::parse(id).unwrap(),
    };
    Comment {
        key: key(id),
        post: PostKey {
            network,
            network_id: NetworkId::parse(post).unwrap(),
        },
        parent: parent.map(key),
        author: CommentAuthor::Person {
            pseudonym: InstallationSecret::for_demo(7).pseudonym(network, "5001"),
            display_name: None,
        },
        text: "Le chauffage est coupé".into(),
        created_at: now(),
    }
}

/// The `message` of a form body.
fn message(p: &Posted) -> String {
    let form: HashMap<String, String> = url::form_urlencoded::parse(p.body.as_bytes())
        .into_owned()
        .collect();
    form.get("message").cloned().unwrap_or_default()
}

/// The comments rows of `id`: (parent, landlord account).
async fn rows(store: &SqlStore, id: &str) -> Vec<(String, String)> {
    table(&store.dump().await.unwrap(), "comments")
        .iter()
        .filter(|r| cell(r, 0) == id)
        .map(|r| (cell(r, 4).to_string(), cell(r, 6).to_string()))
        .collect()
}

async fn replying_on_facebook_posts_the_message_and_the_next_sync_finds_that_reply<F, Fut>(make: F)
where
    F: FnOnce() -> Fut,
    Fut: Future<Output = Option<TestDb>>,
{
    let Some(db) = make().await else { return };
    let api = mock::start().await;
    let base = api.lock().unwrap().base.clone();
    let (store, c) = connected(&db, &base, "good").await;
    sync(&store, &c).await.unwrap();
    let text = "Merci, nous transmettons à la gardienne & au bailleur.";
    let top = comment(Network::Facebook, "111_1_2", "111_1", None);
    let made = relais_connect::reply(&store, &c, &key(), &top, text, &pacing())
        .await
        .unwrap();
    assert_eq!(made.stored(), "facebook:111_1_90");
    // Facebook threads are one level deep: a reply to a reply goes to the top.
    let nested = comment(Network::Facebook, "111_1_3", "111_1", Some("111_1_1"));
    let second = relais_connect::reply(&store, &c, &key(), &nested, "Bien noté.", &pacing())
        .await
        .unwrap();
    assert_eq!(second.stored(), "facebook:111_1_91");
    let posted = api.lock().unwrap().posted.clone();
    let paths: Vec<&str> = posted.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(paths, ["111_1_2/comments", "111_1_1/comments"]);
    assert_eq!(message(&posted[0]), text, "in the form body");
    assert!(
        posted
            .iter()
            .all(|p| p.query.is_empty() && p.authorization == "Bearer good")
    );

    // The posts are older than the last run: ask from the 1st of March.
    let mut again = options();
    again.since = Some(Timestamp::from_unix(1_772_323_200).unwrap());
    sync_with(&store, &c, &again).await.unwrap();
    let page = "facebook:habitat".to_string();
    let parent = |id: &str| format!("facebook:{id}");
    assert_eq!(
        rows(&store, "facebook:111_1_90").await,
        [(parent("111_1_2"), page.clone())]
    );
    assert_eq!(
        rows(&store, "facebook:111_1_91").await,
        [(parent("111_1_1"), page)]
    );
    assert_eq!(table(&store.dump().await.unwrap(), "comments").len(), 6);
    store.close().await;
    db.cleanup().await;
}

async fn replying_on_instagram_posts_to_replies_and_the_next_sync_finds_that_reply<F, Fut>(make: F)
where
    F: FnOnce() -> Fut,
    Fut: Future<Output = Option<TestDb>>,
{
    let Some(db) = make().await else { return };
    let (api, store, c) = ig_connected(&db, "good").await;
    sync(&store, &c).await.unwrap();
    let text = "Le chauffagiste passe demain matin.";
    let thread = comment(Network::Instagram, THREAD, NEWEST_REEL, None);
    let made = relais_connect::reply(&store, &c, &key(), &thread, text, &pacing())
        .await
        .unwrap();
    assert_eq!(made.stored(), format!("instagram:{POSTED_REPLY}"));
    let nested = comment(
        Network::Instagram,
        FOLLOWER_REPLY,
        NEWEST_REEL,
        Some(THREAD),
    );
    let second = relais_connect::reply(&store, &c, &key(), &nested, "Nous vérifions.", &pacing())
        .await
        .unwrap();
    let posted = api.lock().unwrap().posted.clone();
    let paths: Vec<&str> = posted.iter().map(|p| p.path.as_str()).collect();
    let replies = format!("{THREAD}/replies");
    assert_eq!(paths, [replies.as_str(), replies.as_str()]);
    assert_eq!(message(&posted[0]), text);
    assert!(
        posted
            .iter()
            .all(|p| p.query.is_empty() && p.authorization == "Bearer good")
    );

    // The media are not newer than the last run: ask from the 1st of March.
    let mut again = options();
    again.since = Some(Timestamp::from_unix(1_772_323_200).unwrap());
    sync_with(&store, &c, &again).await.unwrap();
    let account = ACCOUNT.to_string();
    let parent = format!("instagram:{THREAD}");
    for k in [made, second] {
        assert_eq!(
            rows(&store, &k.stored()).await,
            [(parent.clone(), account.clone())]
        );
    }
    assert_eq!(table(&store.dump().await.unwrap(), "comments").len(), 7);
    store.close().await;
    db.cleanup().await;
}

async fn hiding_and_showing_again_posts_what_each_network_documents<F, Fut>(make: F)
where
    F: Fn() -> Fut,
    Fut: Future<Output = Option<TestDb>>,
{
    let (Some(fb_db), Some(ig_db)) = (make().await, make().await) else {
        return;
    };
    let api = mock::start().await;
    let base = api.lock().unwrap().base.clone();
    let (fb, fb_c) = connected(&fb_db, &base, "good").await;
    let target = comment(Network::Facebook, "111_1_2", "111_1", None);
    for hidden in [true, false] {
        relais_connect::hide(&fb, &fb_c, &key(), &target, hidden, &pacing())
            .await
            .unwrap();
    }
    let posted = api.lock().unwrap().posted.clone();
    let got: Vec<(&str, &str, &str)> = posted
        .iter()
        .map(|p| (p.path.as_str(), p.query.as_str(), p.body.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("111_1_2", "is_hidden=true", ""),
            ("111_1_2", "is_hidden=false", "")
        ]
    );

    let (ig_api, ig, ig_c) = ig_connected(&ig_db, "good").await;
    let target = comment(Network::Instagram, THREAD, NEWEST_REEL, None);
    relais_connect::hide(&ig, &ig_c, &key(), &target, true, &pacing())
        .await
        .unwrap();
    let posted = ig_api.lock().unwrap().posted.clone();
    assert_eq!(
        (posted[0].path.as_str(), posted[0].query.as_str()),
        (THREAD, "hide=true")
    );
    assert_eq!(posted.len(), 1);
    for (s, db) in [(fb, fb_db), (ig, ig_db)] {
        s.close().await;
        db.cleanup().await;
    }
}

async fn an_expired_token_or_a_missing_permission_stops_a_write_and_says_what_to_do<F, Fut>(make: F)
where
    F: Fn() -> Fut,
    Fut: Future<Output = Option<TestDb>>,
{
    let (Some(fb_db), Some(ig_db)) = (make().await, make().await) else {
        return;
    };
    let api = mock::start().await;
    let base = api.lock().unwrap().base.clone();
    let (fb, fb_c) = connected(&fb_db, &base, "expired").await;
    let target = comment(Network::Facebook, "111_1_2", "111_1", None);
    let err = relais_connect::reply(&fb, &fb_c, &key(), &target, "Merci", &pacing())
        .await
        .unwrap_err()
        .message(Lang::En);
    assert!(err.contains("connection facebook:habitat"), "{err}");
    assert!(err.contains("code 190"), "{err}");
    assert!(
        err.contains("relais connect facebook --account habitat --token-stdin"),
        "{err}"
    );

    let (ig_api, ig, ig_c) = ig_connected(&ig_db, "readonly").await;
    let target = comment(Network::Instagram, THREAD, NEWEST_REEL, None);
    let reply = relais_connect::reply(&ig, &ig_c, &key(), &target, "Merci", &pacing()).await;
    let hide = relais_connect::hide(&ig, &ig_c, &key(), &target, true, &pacing()).await;
    for err in [reply.unwrap_err(), hide.unwrap_err()] {
        let err = err.message(Lang::En);
        assert!(err.contains("instagram_manage_comments"), "{err}");
        assert!(err.contains(ACCOUNT), "{err}");
    }
    assert_eq!(
        ig_api.lock().unwrap().posted.len(),
        2,
        "a refusal is not retried"
    );
    for (s, db) in [(fb, fb_db), (ig, ig_db)] {
        s.close().await;
        db.cleanup().await;
    }
}
