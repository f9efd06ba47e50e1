//! X's limits and refusals: a spent rate-limit window, a 429 with code 88,
//! an expired token, a missing scope.

use relais_connect::Token;
use relais_store::testing::TestDb;
use relais_store::{ConnectStore, SqlStore, StoredConnection};

use super::{RESET_WAIT, asked, setup, sync};
use crate::key;

story!(
    a_spent_window_is_waited_out_until_its_reset,
    a_429_waits_for_the_reset_then_retries_and_at_last_gives_up,
    a_refused_token_names_the_connection_and_what_to_do,
);

/// The connection with another token.
async fn with_token(store: &SqlStore, c: &StoredConnection, token: &str) -> StoredConnection {
    let (token_ciphertext, token_nonce) = key().encrypt(&Token::parse(token).unwrap()).unwrap();
    let c = StoredConnection {
        token_ciphertext,
        token_nonce,
        ..c.clone()
    };
    store.save_connection(&c).await.unwrap();
    c
}

async fn a_spent_window_is_waited_out_until_its_reset<F, Fut>(make: F)
where
    F: FnOnce() -> Fut,
    Fut: Future<Output = Option<TestDb>>,
{
    let Some(db) = make().await else { return };
    let (api, store, c) = setup(&db, "good").await;
    api.lock().unwrap().window_spent_once = true;
    sync(&store, &c).await.unwrap();
    let pages = asked(&api, "/tweets");
    // The first page said `x-rate-limit-remaining: 0` with a reset 15
    // minutes away: the next call waited, as long as the pacing allows.
    assert!(pages[1].at - pages[0].at >= RESET_WAIT);
    store.close().await;
    db.cleanup().await;
}

async fn a_429_waits_for_the_reset_then_retries_and_at_last_gives_up<F, Fut>(make: F)
where
    F: FnOnce() -> Fut,
    Fut: Future<Output = Option<TestDb>>,
{
    let Some(db) = make().await else { return };
    let (api, store, c) = setup(&db, "good").await;
    api.lock().unwrap().throttle = 1;
    let s = sync(&store, &c).await.unwrap();
    assert_eq!(s.comments, 2);
    let mentions = asked(&api, "/mentions");
    assert_eq!(mentions.len(), 3, "the limited page was asked again");
    assert!(
        mentions[1].at - mentions[0].at >= RESET_WAIT,
        "waited for the reset"
    );

    api.lock().unwrap().throttle = 100;
    let err = sync(&store, &c).await.unwrap_err();
    assert!(err.contains("x:habitat") && err.contains("limite"), "{err}");
    assert_eq!(
        asked(&api, "/mentions").len(),
        3 + 4,
        "1 call and 3 retries"
    );
    store.close().await;
    db.cleanup().await;
}

async fn a_refused_token_names_the_connection_and_what_to_do<F, Fut>(make: F)
where
    F: FnOnce() -> Fut,
    Fut: Future<Output = Option<TestDb>>,
{
    let Some(db) = make().await else { return };
    let (_api, store, c) = setup(&db, "expired").await;
    let err = sync(&store, &c).await.unwrap_err();
    assert!(
        err.contains("x:habitat") && err.contains("HTTP 401"),
        "{err}"
    );
    assert!(
        err.contains("relais connect x --account habitat --token-stdin"),
        "{err}"
    );
    let saved = store.connections().await.unwrap();
    assert_eq!(saved[0].last_error.as_deref(), Some(err.as_str()));

    let c = with_token(&store, &c, "noscope").await;
    let err = sync(&store, &c).await.unwrap_err();
    assert!(
        err.contains("tweet.read") && err.contains("X developer console"),
        "{err}"
    );
    store.close().await;
    db.cleanup().await;
}
