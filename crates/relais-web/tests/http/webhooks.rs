//! Meta's webhooks: the subscription check, signed deliveries only, and
//! comments pushed from a Facebook Page or an Instagram account reaching
//! the inbox, once, with their edits and removals.

use hmac::{Hmac, Mac};
use relais_core::Network;
use relais_store::testing::TestDb;
use relais_store::{Store, WebStore};
use relais_web::{MetaWebhook, Settings};
use reqwest::StatusCode;
use sha2::Sha256;

use crate::story;
use crate::support::{Server, enc, start};

story!(
    the_subscription_check_answers_the_challenge_to_the_right_token_only,
    deliveries_without_the_app_secrets_signature_are_refused_and_change_nothing,
    without_settings_the_webhook_routes_are_not_found,
    a_facebook_comment_reaches_the_inbox_once_and_follows_its_edit_and_removal,
    the_pages_own_comment_is_a_landlord_reply_that_answers_its_parent,
    an_instagram_comment_reaches_the_inbox,
);

const SECRET: &str = "app-secret-for-tests";
const TOKEN: &str = "verify-token-for-tests";

async fn server(db: &TestDb) -> Server {
    let settings = Settings {
        meta: Some(MetaWebhook {
            app_secret: SECRET.into(),
            verify_token: TOKEN.into(),
        }),
        ..Settings::default()
    };
    start(db, settings).await
}

fn signature(secret: &str, body: &[u8]) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).unwrap();
    mac.update(body);
    format!("sha256={}", hex::encode(mac.finalize().into_bytes()))
}

/// Posts `body` with the header `signature` (none when `None`).
async fn deliver(s: &Server, body: &str, signature: Option<String>) -> (StatusCode, String) {
    let mut r = s
        .http
        .post(s.url("/webhooks/meta"))
        .header("content-type", "application/json")
        .body(body.to_string());
    if let Some(sig) = signature {
        r = r.header("x-hub-signature-256", sig);
    }
    let r = r.send().await.unwrap();
    (r.status(), r.text().await.unwrap())
}

/// Posts `body` signed with the app secret; expects 200.
async fn signed(s: &Server, body: &str) {
    let (status, text) = deliver(s, body, Some(signature(SECRET, body.as_bytes()))).await;
    assert_eq!(status, StatusCode::OK, "{text}");
}

fn count(s: &Server) -> usize {
    s.app.data.current().facts.comments.len()
}

/// A demo account of `network`: its network id, and one of its posts'
/// network id.
async fn demo_post(s: &Server, network: Network) -> (String, String) {
    let accounts = s.store.accounts().await.unwrap();
    let snap = s.app.data.current();
    for a in accounts.iter().filter(|a| a.network == network) {
        let owned = snap
            .facts
            .posts
            .iter()
            .find(|p| snap.facts.accounts[p.account].id == a.id.as_str());
        if let Some(p) = owned {
            let id = p.id.split_once(':').unwrap().1.to_string();
            return (a.network_id.as_str().to_string(), id);
        }
    }
    panic!("the demo has a {network:?} post");
}

/// A Facebook `feed` delivery, with a layout and key order of Meta's own,
/// which re-serialised JSON would not reproduce.
fn facebook(page: &str, value: &str) -> String {
    format!(
        "{{ \"entry\" : [ {{\"time\":1767225600, \"changes\": [ {{ \"value\": {value},\n  \
         \"field\":\"feed\" }} ], \"id\": \"{page}\" }} ],\n\t\"object\": \"page\" }}"
    )
}

fn fb_comment(
    verb: &str,
    post: &str,
    comment: &str,
    parent: &str,
    from: &str,
    msg: &str,
) -> String {
    format!(
        "{{\"message\": \"{msg}\", \"verb\": \"{verb}\", \"item\": \"comment\", \
         \"comment_id\": \"{comment}\", \"post_id\": \"{post}\", \"parent_id\": \"{parent}\", \
         \"from\": {{\"name\": \"Awa D.\", \"id\": \"{from}\"}}, \"created_time\": 1767225000}}"
    )
}

/// The API's view of a comment (admin), or 404.
async fn api_comment(s: &Server, id: &str) -> (StatusCode, serde_json::Value) {
    let token = s.token_for("admin@test.fr").await;
    s.api_get(&token, &format!("/api/v1/comments/{}", enc(id)))
        .await
}

async fn the_subscription_check_answers_the_challenge_to_the_right_token_only(db: &TestDb) {
    let s = server(db).await;
    let check = |mode: &str, token: &str| {
        s.url(&format!(
            "/webhooks/meta?hub.mode={mode}&hub.verify_token={token}&hub.challenge=1158201444"
        ))
    };
    let r = s.http.get(check("subscribe", TOKEN)).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert!(
        r.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/plain")
    );
    assert_eq!(r.text().await.unwrap(), "1158201444");
    for url in [
        check("subscribe", "wrong-token"),
        check("unsubscribe", TOKEN),
        s.url("/webhooks/meta"),
    ] {
        let r = s.http.get(&url).send().await.unwrap();
        assert_eq!(r.status(), StatusCode::FORBIDDEN, "{url}");
    }
    s.stop().await;
}

async fn deliveries_without_the_app_secrets_signature_are_refused_and_change_nothing(db: &TestDb) {
    let s = server(db).await;
    let (page, post) = demo_post(&s, Network::Facebook).await;
    let body = facebook(
        &page,
        &fb_comment("add", &post, "77_1", &post, "900", "Fuite au 3e"),
    );
    let before = count(&s);
    let other = body.replace("Fuite", "Rien");
    for sig in [
        None,
        Some("sha256=00".to_string()),
        Some(signature("another-secret", body.as_bytes())),
        Some(signature(SECRET, other.as_bytes())),
        Some(signature(SECRET, body.as_bytes()).replace("sha256=", "")),
    ] {
        let (status, _) = deliver(&s, &body, sig.clone()).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{sig:?}");
    }
    // Meta sends no Origin; a foreign one does not matter either.
    let r = s
        .http
        .post(s.url("/webhooks/meta"))
        .header("origin", "https://www.facebook.com")
        .header("x-hub-signature-256", "sha256=00")
        .body(body.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    s.app.refresh().await.unwrap();
    assert_eq!(count(&s), before, "nothing written");
    // Signed but not JSON: 400.
    let (status, _) = deliver(&s, "{not json", Some(signature(SECRET, b"{not json"))).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    // Signed, JSON, nothing relais keeps: 200.
    signed(
        &s,
        r#"{"object":"page","entry":[{"changes":[{"field":"ratings"}]}]}"#,
    )
    .await;
    assert_eq!(count(&s), before);
    s.stop().await;
}

async fn without_settings_the_webhook_routes_are_not_found(db: &TestDb) {
    let s = start(db, Settings::default()).await;
    let r = s
        .http
        .get(s.url("/webhooks/meta?hub.mode=subscribe&hub.verify_token=&hub.challenge=1"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
    let (status, _) = deliver(&s, "{}", Some(signature("", b"{}"))).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    s.stop().await;
}

async fn a_facebook_comment_reaches_the_inbox_once_and_follows_its_edit_and_removal(db: &TestDb) {
    let s = server(db).await;
    let (page, post) = demo_post(&s, Network::Facebook).await;
    let before = count(&s);
    let id = "facebook:77_1";
    let add = facebook(
        &page,
        &fb_comment(
            "add",
            &post,
            "77_1",
            &post,
            "900",
            "Fuite au 3e depuis hier",
        ),
    );
    signed(&s, &add).await;
    let (status, c) = api_comment(&s, id).await;
    assert_eq!(status, StatusCode::OK, "{c}");
    assert_eq!(c["text"], "Fuite au 3e depuis hier");
    assert_eq!(c["post_id"], format!("facebook:{post}"));
    assert_eq!(c["answered"], false);
    assert_eq!(count(&s), before + 1);

    // Meta retries: the same delivery again changes nothing.
    signed(&s, &add).await;
    assert_eq!(count(&s), before + 1);

    // A comment on a post relais does not know is left out.
    let unknown = facebook(
        &page,
        &fb_comment("add", &format!("{page}_1"), "77_2", "", "900", "Bonjour"),
    );
    signed(&s, &unknown).await;
    assert_eq!(count(&s), before + 1);
    assert_eq!(
        api_comment(&s, "facebook:77_2").await.0,
        StatusCode::NOT_FOUND
    );

    let edit = facebook(
        &page,
        &fb_comment(
            "edited",
            &post,
            "77_1",
            &post,
            "900",
            "Fuite réparée, merci",
        ),
    );
    signed(&s, &edit).await;
    assert_eq!(api_comment(&s, id).await.1["text"], "Fuite réparée, merci");

    // Hidden: ignored for now, the comment stays.
    signed(
        &s,
        &facebook(&page, &fb_comment("hide", &post, "77_1", &post, "900", "")),
    )
    .await;
    assert_eq!(count(&s), before + 1);

    let remove = facebook(
        &page,
        &fb_comment("remove", &post, "77_1", &post, "900", ""),
    );
    signed(&s, &remove).await;
    assert_eq!(api_comment(&s, id).await.0, StatusCode::NOT_FOUND);
    assert_eq!(count(&s), before);
    signed(&s, &remove).await;
    assert_eq!(count(&s), before);
    s.stop().await;
}

async fn the_pages_own_comment_is_a_landlord_reply_that_answers_its_parent(db: &TestDb) {
    let s = server(db).await;
    let (page, post) = demo_post(&s, Network::Facebook).await;
    let before = count(&s);
    let question = fb_comment(
        "add",
        &post,
        "88_1",
        &post,
        "901",
        "Quand passe le gardien ?",
    );
    signed(&s, &facebook(&page, &question)).await;
    let reply = fb_comment("add", &post, "88_2", "88_1", &page, "Demain matin.");
    let body = facebook(&page, &reply.replace("1767225000", "1767228600"));
    signed(&s, &body).await;
    signed(&s, &body).await;

    let (status, c) = api_comment(&s, "facebook:88_1").await;
    assert_eq!(status, StatusCode::OK, "{c}");
    assert_eq!(c["answered"], true, "{c}");
    // A landlord reply is not one of the inbox's tenant comments…
    assert_eq!(
        api_comment(&s, "facebook:88_2").await.0,
        StatusCode::NOT_FOUND
    );
    assert_eq!(count(&s), before + 1);
    // …but the reply the question shows, once.
    let detail = s
        .store
        .comment_details(&["facebook:88_1".to_string()])
        .await
        .unwrap();
    let replies: Vec<_> = detail[0].replies.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(replies, ["facebook:88_2"]);
    assert_eq!(detail[0].replies[0].text, "Demain matin.");
    s.stop().await;
}

async fn an_instagram_comment_reaches_the_inbox(db: &TestDb) {
    let s = server(db).await;
    let (account, media) = demo_post(&s, Network::Instagram).await;
    let body = format!(
        "{{\"object\":\"instagram\",\"entry\":[{{\"id\":\"{account}\",\"time\":1767225600,\
         \"changes\":[{{\"field\":\"comments\",\"value\":{{\"from\":{{\"id\":\"1790\",\
         \"username\":\"awa.d\"}},\"media\":{{\"id\":\"{media}\",\"media_product_type\":\"FEED\"}},\
         \"id\":\"17865799348089039\",\"text\":\"Le portail est encore en panne\"}}}}]}}]}}"
    );
    let before = count(&s);
    signed(&s, &body).await;
    let (status, c) = api_comment(&s, "instagram:17865799348089039").await;
    assert_eq!(status, StatusCode::OK, "{c}");
    assert_eq!(c["text"], "Le portail est encore en panne");
    assert_eq!(c["post_id"], format!("instagram:{media}"));
    assert_eq!(count(&s), before + 1);
    s.stop().await;
}
