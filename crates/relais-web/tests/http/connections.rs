//! The server's scheduled sync and the admin page of the connections'
//! health, against a local Graph API (`graph`): a connection runs at once,
//! its comments reach the inbox, its health shows; a dead token shows as an
//! error in words; « Synchroniser maintenant » runs it again; only admins
//! see or press any of it.

use std::time::Duration;

use relais_connect::{Pacing, SecretKey, Token};
use relais_core::{AccountKind, Network};
use relais_store::testing::TestDb;
use relais_store::{ConnectStore, ConnectionHealth, Store, StoredConnection};
use relais_web::{Settings, SyncSettings};
use reqwest::StatusCode;

use crate::graph::{self, COMMENT};
use crate::story;
use crate::support::{Server, enc, start};

story!(
    the_server_syncs_each_connection_and_the_admin_sees_its_health,
    only_an_admin_sees_the_connections_or_asks_for_a_sync,
);

pub const KEY: &str = "5f1e0c9b2a7d4e3f8a6b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f";

pub fn sync_settings() -> Settings {
    Settings {
        sync: Some(SyncSettings {
            key: SecretKey::parse(Some(KEY)).unwrap(),
            every: Duration::from_secs(15 * 60),
            pacing: Pacing {
                retry_wait: Duration::from_millis(5),
                max_retries: 2,
                usage_wait: Duration::ZERO,
                reset_wait_max: Duration::ZERO,
            },
            x_post_reads_per_month: relais_connect::DEFAULT_X_POST_READS_PER_MONTH,
        }),
        ..Settings::default()
    }
}

/// Connects the demo's accounts of `network` (pages first) to `base`, with
/// one token each; gives the connections' ids.
pub async fn connect(s: &Server, network: Network, base: &str, tokens: &[&str]) -> Vec<String> {
    let key = SecretKey::parse(Some(KEY)).unwrap();
    let mut accounts: Vec<_> = s
        .store
        .accounts()
        .await
        .unwrap()
        .into_iter()
        .filter(|a| a.network == network)
        .collect();
    accounts.sort_by_key(|a| a.kind != AccountKind::Page);
    let mut ids = Vec::new();
    for (account, token) in accounts.iter().zip(tokens) {
        let (token_ciphertext, token_nonce) = key.encrypt(&Token::parse(token).unwrap()).unwrap();
        let c = StoredConnection {
            id: account.id.to_string(),
            network: network.code().into(),
            account: account.id.clone(),
            api_base: base.into(),
            token_ciphertext,
            token_nonce,
            created_at: 1_773_000_000,
            last_success: None,
            last_error: None,
            next_run: None,
        };
        s.store.save_connection(&c).await.unwrap();
        ids.push(c.id);
    }
    assert_eq!(ids.len(), tokens.len(), "the demo has enough accounts");
    ids
}

/// The connection's health once `done` holds (the scheduler runs in the
/// background), or a panic after 30 s.
pub async fn wait_for(
    s: &Server,
    id: &str,
    done: impl Fn(&ConnectionHealth) -> bool,
) -> ConnectionHealth {
    for _ in 0..300 {
        let all = s.store.health().await.unwrap();
        if let Some(h) = all.into_iter().find(|h| h.id == id && done(h)) {
            return h;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("connection {id} did not get there in 30 s");
}

async fn the_server_syncs_each_connection_and_the_admin_sees_its_health(db: &TestDb) {
    let api = graph::start().await;
    let base = api.lock().unwrap().base.clone();
    let s = start(db, sync_settings()).await;
    let ids = connect(&s, Network::Facebook, &base, &["good", "expired"]).await;
    let scheduler = tokio::spawn(relais_web::scheduler(s.app.clone()));

    // Both run at once: the good one writes, the dead token is an error.
    let good = wait_for(&s, &ids[0], |h| {
        h.last_success.is_some() && h.next_run.is_some()
    })
    .await;
    let dead = wait_for(&s, &ids[1], |h| {
        h.last_error.is_some() && h.next_run.is_some()
    })
    .await;
    assert!(good.last_error.is_none());
    let summary: serde_json::Value =
        serde_json::from_str(good.last_summary.as_deref().unwrap()).unwrap();
    assert_eq!(summary["posts"], 1, "{summary}");
    assert_eq!(summary["comments"], 1, "{summary}");
    assert_eq!(summary["followers"], 321, "{summary}");
    let next = good.next_run.expect("scheduled again");
    let period = next - good.last_success.unwrap();
    assert!((15 * 60..15 * 60 + 5).contains(&period), "{period}");
    assert!(dead.last_success.is_none());
    let error = dead.last_error.unwrap();
    assert!(
        error.contains("code 190") && error.contains(&ids[1]),
        "{error}"
    );
    assert!(
        dead.next_run.is_some(),
        "a failing connection is tried again later"
    );

    // The tenant's comment is in the inbox, the app's data refreshed.
    let page = s.store.accounts().await.unwrap();
    let page = page.iter().find(|a| a.id.as_str() == ids[0]).unwrap();
    assert_eq!(page.kind, AccountKind::Page);
    let comment = format!("facebook:{COMMENT}");
    let admin = s.login("admin@test.fr").await;
    let mut shown = (StatusCode::NOT_FOUND, String::new());
    for _ in 0..100 {
        shown = s
            .get_with(&admin, &format!("/inbox/{}", enc(&comment)))
            .await;
        if shown.0 == StatusCode::OK {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let (status, html) = shown;
    assert_eq!(status, StatusCode::OK, "{comment} reached the inbox");
    assert!(html.contains("la porte du hall ne ferme plus"));

    // The admin page says it all, in words.
    let (status, html) = s.get_with(&admin, "/admin/connections").await;
    assert_eq!(status, StatusCode::OK);
    for said in [
        ids[0].as_str(),
        ids[1].as_str(),
        "à jour",
        "en erreur",
        "1 publication(s), 1 commentaire(s)",
        "321 abonnés",
        "code 190",
        "relais connect facebook",
        "toutes les 15 min",
    ] {
        assert!(html.contains(said), "the page says {said:?}");
    }

    // « Synchroniser maintenant » runs it again at once.
    let runs = api.lock().unwrap().runs;
    let (status, _, _) = s
        .post_form(
            &admin,
            &format!("/admin/connections/{}/sync", enc(&ids[0])),
            &[],
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    for _ in 0..300 {
        if api.lock().unwrap().runs > runs {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(api.lock().unwrap().runs, runs + 1, "one more run");
    wait_for(&s, &ids[0], |h| h.next_run.is_some_and(|n| n > next - 5)).await;
    scheduler.abort();
    s.stop().await;
}

async fn only_an_admin_sees_the_connections_or_asks_for_a_sync(db: &TestDb) {
    let api = graph::start().await;
    let base = api.lock().unwrap().base.clone();
    // No scheduler here: nothing runs unless this story says so.
    let s = start(db, sync_settings()).await;
    let ids = connect(&s, Network::Facebook, &base, &["good"]).await;
    let path = format!("/admin/connections/{}/sync", enc(&ids[0]));
    let before = s.store.health().await.unwrap();
    for who in [
        "com@test.fr",
        "refa@test.fr",
        "refb@test.fr",
        "audit@test.fr",
    ] {
        let session = s.login(who).await;
        let (status, _) = s.get_with(&session, "/admin/connections").await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{who} sees no admin page");
        let (status, _, _) = s.post_form(&session, &path, &[]).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{who} cannot ask for a sync");
    }
    let admin = s.login("admin@test.fr").await;
    let mut forged = admin.clone();
    forged.csrf = "forged".into();
    let (status, _, _) = s.post_form(&forged, &path, &[]).await;
    assert_eq!(
        status,
        StatusCode::FORBIDDEN,
        "a forged CSRF token is refused"
    );
    let (status, _, _) = s
        .post_form(&admin, "/admin/connections/facebook%3Anobody/sync", &[])
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(s.store.health().await.unwrap(), before, "nothing changed");
    // Without a session: the login page.
    let r = s
        .http
        .get(s.url("/admin/connections"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    // An admin may.
    let (status, _, _) = s.post_form(&admin, &path, &[]).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let after = s.store.health().await.unwrap();
    assert!(after[0].next_run.is_some(), "queued for the scheduler");
    assert_eq!(
        api.lock().unwrap().runs,
        0,
        "nothing ran without a scheduler"
    );
    s.stop().await;
}
