//! LinkedIn's refusals as a user meets them (a limit, an expired token, a
//! missing scope, a page known by its name), against `linkedin_mock`, on
//! both databases; and the mock's own header check.

use relais_store::ConnectStore;
use relais_store::testing::TestDb;

use super::linkedin::{api, connected, sync};
use super::linkedin_mock as mock;
use super::now;

story!(
    a_linkedin_limit_is_waited_out_then_reported,
    an_expired_linkedin_token_names_the_connection_and_how_to_renew,
    a_missing_linkedin_scope_is_named,
    a_linkedin_page_known_by_its_name_asks_for_the_organization_number,
);

async fn a_linkedin_limit_is_waited_out_then_reported<F, Fut>(make: F)
where
    F: FnOnce() -> Fut,
    Fut: Future<Output = Option<TestDb>>,
{
    let Some(db) = make().await else { return };
    let (api, base) = api().await;
    let (store, c) = connected(&db, &base, "good", "2414183").await;
    api.lock().unwrap().limit_followers = 1;
    let summary = sync(&store, &c).await.unwrap();
    assert_eq!(
        summary.followers,
        Some(219),
        "429 (Retry-After: 3600), then success"
    );
    let calls = |api: &mock::Shared| {
        let m = api.lock().unwrap();
        m.requests
            .iter()
            .filter(|r| r.contains("networkSizes"))
            .count()
    };
    assert_eq!(calls(&api), 2);
    api.lock().unwrap().limit_followers = 100;
    let err = sync(&store, &c).await.unwrap_err();
    assert!(err.contains("limite encore"), "{err}");
    assert!(err.contains("linkedin:brevenne-habitat"), "{err}");
    assert_eq!(calls(&api), 2 + 4, "the first call and max_retries more");
    store.close().await;
    db.cleanup().await;
}

async fn an_expired_linkedin_token_names_the_connection_and_how_to_renew<F, Fut>(make: F)
where
    F: FnOnce() -> Fut,
    Fut: Future<Output = Option<TestDb>>,
{
    let Some(db) = make().await else { return };
    let (_api, base) = api().await;
    let (store, c) = connected(&db, &base, "expired", "2414183").await;
    let err = sync(&store, &c).await.unwrap_err();
    assert!(err.contains("connexion linkedin:brevenne-habitat"), "{err}");
    assert!(
        err.contains("HTTP 401") && err.contains("60 jours"),
        "{err}"
    );
    assert!(
        err.contains("relais connect linkedin --account brevenne-habitat --token-stdin"),
        "{err}"
    );
    let saved = store.connections().await.unwrap();
    assert_eq!(saved[0].last_error.as_deref(), Some(err.as_str()));
    store.close().await;
    db.cleanup().await;
}

async fn a_missing_linkedin_scope_is_named<F, Fut>(make: F)
where
    F: FnOnce() -> Fut,
    Fut: Future<Output = Option<TestDb>>,
{
    let Some(db) = make().await else { return };
    let (_api, base) = api().await;
    let (store, c) = connected(&db, &base, "readonly", "2414183").await;
    let err = sync(&store, &c).await.unwrap_err();
    assert!(err.contains("« rw_organization_admin »"), "{err}");
    assert!(err.contains("LinkedIn Developers"), "{err}");
    store.close().await;
    db.cleanup().await;
}

async fn a_linkedin_page_known_by_its_name_asks_for_the_organization_number<F, Fut>(make: F)
where
    F: FnOnce() -> Fut,
    Fut: Future<Output = Option<TestDb>>,
{
    let Some(db) = make().await else { return };
    let (api, base) = api().await;
    let (store, c) = connected(&db, &base, "good", "brevenne-habitat").await;
    let err = sync(&store, &c).await.unwrap_err();
    assert!(err.contains("« brevenne-habitat »"), "{err}");
    assert!(err.contains("linkedin.com/company/<numéro>/admin"), "{err}");
    assert!(
        err.contains("relais connect linkedin --account brevenne-habitat --network-id <id>"),
        "{err}"
    );
    assert!(api.lock().unwrap().requests.is_empty(), "no call made");
    // As `relais connect linkedin --network-id 2414183` records it.
    store
        .set_cursor(
            &c.id,
            relais_connect::NETWORK_ID_STREAM,
            "2414183",
            now().unix(),
        )
        .await
        .unwrap();
    assert_eq!(sync(&store, &c).await.unwrap().posts, 4);
    store.close().await;
    db.cleanup().await;
}

/// A call without LinkedIn's headers is refused by the mock, as LinkedIn
/// does: so the stories above, which see no refusal, prove the headers.
#[tokio::test]
async fn the_mock_refuses_a_call_without_linkedins_headers() {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let (api, base) = api().await;
    let http = reqwest::Client::new();
    let url = format!(
        "{base}/networkSizes/urn%3Ali%3Aorganization%3A2414183?edgeType=COMPANY_FOLLOWED_BY_MEMBER"
    );
    let bare = http.get(&url).bearer_auth("good").send().await.unwrap();
    assert_eq!(bare.status(), 400);
    let versioned = http
        .get(&url)
        .bearer_auth("good")
        .header("LinkedIn-Version", "202601")
        .send()
        .await
        .unwrap();
    assert_eq!(
        versioned.status(),
        400,
        "the Rest.li protocol is needed too"
    );
    let full = http
        .get(&url)
        .bearer_auth("good")
        .header("LinkedIn-Version", "202601")
        .header("X-Restli-Protocol-Version", "2.0.0")
        .send()
        .await
        .unwrap();
    assert_eq!(full.status(), 200);
    assert_eq!(api.lock().unwrap().refused, 2);
}
