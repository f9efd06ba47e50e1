//! Acting on the network from the inbox, against a local Graph API
//! (`graph`): a reply posted on Facebook and recorded with Facebook's id,
//! a comment hidden then shown again, a dead token answered in words with
//! nothing recorded, and no button (nor way round it) where the account is
//! not connected or the role may not write.

use relais_core::Network;
use relais_store::testing::TestDb;
use relais_store::{Store, WebStore};
use reqwest::StatusCode;

use crate::connections::{connect, sync_settings};
use crate::graph;
use crate::story;
use crate::support::{Server, enc, start};

story!(
    a_reply_is_posted_on_facebook_and_a_comment_hidden_there,
    without_a_usable_connection_nothing_is_posted,
);

/// An open tenant comment on a post of a `network` account: its id.
fn open_comment(s: &Server, network: Network) -> String {
    let snap = s.app.data.current();
    let f = &snap.facts;
    f.comments
        .iter()
        .find(|c| {
            !c.is_landlord()
                && c.first_reply_at.is_none()
                && f.accounts[f.posts[c.post].account].network == network
        })
        .map(|c| c.id.clone())
        .expect("the demo has an open comment there")
}

/// The inbox details of comment `id`.
async fn details(s: &Server, id: &str) -> Vec<relais_store::CommentDetail> {
    s.store.comment_details(&[id.to_string()]).await.unwrap()
}

/// The Graph API's calls that wrote, so far.
fn writes(api: &graph::Shared) -> Vec<(String, String, String)> {
    api.lock().unwrap().writes.clone()
}

async fn a_reply_is_posted_on_facebook_and_a_comment_hidden_there(db: &TestDb) {
    let api = graph::start().await;
    let base = api.lock().unwrap().base.clone();
    let s = start(db, sync_settings()).await;
    let tokens = ["good"; 8];
    let accounts = s.store.accounts().await.unwrap();
    let n = accounts
        .iter()
        .filter(|a| a.network == Network::Facebook)
        .count();
    connect(&s, Network::Facebook, &base, &tokens[..n]).await;
    let id = open_comment(&s, Network::Facebook);
    let raw = id.split_once(':').unwrap().1.to_string();
    let com = s.login("com@test.fr").await;
    let page = format!("/inbox/{}", enc(&id));
    let (status, html) = s.get_with(&com, &page).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Publier sur Facebook"), "the button is there");
    assert!(html.contains("Masquer sur Facebook"));

    // The auditor sees no button and cannot post round it.
    let auditor = s.login("audit@test.fr").await;
    let (_, html) = s.get_with(&auditor, &page).await;
    assert!(!html.contains("Publier sur Facebook"));
    let reply = format!("{page}/reply");
    let fields = [
        ("text", "Bonjour, nous transmettons à votre agence."),
        ("publish", "network"),
    ];
    let (status, _, _) = s.post_form(&auditor, &reply, &fields).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(writes(&api).is_empty(), "nothing reached Facebook");

    // Posted on Facebook, recorded with Facebook's id.
    let (status, _, location) = s.post_form(&com, &reply, &fields).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert!(location.unwrap().ends_with("done=posted"));
    let w = writes(&api);
    assert_eq!(w.len(), 1, "{w:?}");
    assert_eq!(w[0].1, format!("{raw}/comments"), "under the comment");
    assert!(w[0].2.contains("nous+transmettons") || w[0].2.contains("nous transmettons"));
    let detail = details(&s, &id).await;
    let replies = &detail[0].replies;
    assert_eq!(replies.len(), 1);
    assert_eq!(replies[0].id, format!("facebook:{}_5000", graph::POST));
    assert_eq!(replies[0].by.as_deref(), Some("com@test.fr"));
    let (_, html) = s.get_with(&com, &format!("{page}?done=posted")).await;
    assert!(html.contains("Réponse publiée sur le réseau"));

    // Hidden on Facebook, then shown again; who and when are kept.
    let hide = format!("{page}/hide");
    let (status, _, _) = s.post_form(&com, &hide, &[("hidden", "1")]).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let w = writes(&api);
    assert_eq!(w[1].1, raw, "{w:?}");
    assert!(
        w[1].2.contains("is_hidden") && w[1].2.contains("true"),
        "{w:?}"
    );
    let (_, html) = s.get_with(&com, &page).await;
    assert!(html.contains("Masqué sur le réseau par com@test.fr"));
    assert!(html.contains("Afficher à nouveau sur Facebook"));
    let (status, _, _) = s.post_form(&com, &hide, &[("hidden", "0")]).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let w = writes(&api);
    assert!(
        w[2].2.contains("is_hidden") && w[2].2.contains("false"),
        "{w:?}"
    );
    let detail = details(&s, &id).await;
    assert!(detail[0].hidden.is_none());
    let log = s.store.action_log(50).await.unwrap();
    for action in ["comment.reply", "comment.hide", "comment.unhide"] {
        assert!(
            log.iter().any(|e| e.action == action && e.subject == id),
            "{action}"
        );
    }
    s.stop().await;
}

async fn without_a_usable_connection_nothing_is_posted(db: &TestDb) {
    let api = graph::start().await;
    let base = api.lock().unwrap().base.clone();
    let s = start(db, sync_settings()).await;
    let accounts = s.store.accounts().await.unwrap();
    let n = accounts
        .iter()
        .filter(|a| a.network == Network::Facebook)
        .count();
    connect(&s, Network::Facebook, &base, &vec!["expired"; n]).await;
    let com = s.login("com@test.fr").await;

    // A dead token: the reason in words (502), nothing recorded.
    let id = open_comment(&s, Network::Facebook);
    let before = details(&s, &id).await;
    let fields = [("text", "Bonjour !"), ("publish", "network")];
    let path = format!("/inbox/{}/reply", enc(&id));
    let (status, html, _) = s.post_form(&com, &path, &fields).await;
    assert_eq!(status, StatusCode::BAD_GATEWAY);
    assert!(
        html.contains("code 190") && html.contains("relais connect facebook"),
        "{html}"
    );
    let (status, _, _) = s
        .post_form(
            &com,
            &format!("/inbox/{}/hide", enc(&id)),
            &[("hidden", "1")],
        )
        .await;
    assert_eq!(status, StatusCode::BAD_GATEWAY);
    assert_eq!(details(&s, &id).await, before);

    // An account with no connection: no button, and no way round it.
    let other = open_comment(&s, Network::X);
    let page = format!("/inbox/{}", enc(&other));
    let (_, html) = s.get_with(&com, &page).await;
    assert!(!html.contains("Publier sur") && !html.contains("Masquer sur"));
    let before = details(&s, &other).await;
    let (status, html, _) = s.post_form(&com, &format!("{page}/reply"), &fields).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(html.contains("Connexions"), "{html}");
    assert_eq!(details(&s, &other).await, before);
    // Recording a reply made elsewhere still works.
    let (status, _, _) = s
        .post_form(&com, &format!("{page}/reply"), &[("text", "Bonjour !")])
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert!(writes(&api).is_empty(), "nothing reached the network");
    s.stop().await;
}
