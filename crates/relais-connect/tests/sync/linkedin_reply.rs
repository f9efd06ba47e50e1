//! The organization's reply on LinkedIn, and a post that an export import
//! and a sync both bring, against `linkedin_mock`, on both databases.

use std::collections::BTreeMap;

use relais_core::*;
use relais_store::testing::TestDb;
use relais_store::{Store, TableDump};
use serde_json::json;

use super::linkedin::{api, batch, connected, sync, sync_at};
use super::linkedin_mock::{ACTIVITY, ORG, P1, P2, comment_urn};
use super::pacing;
use super::{cell, key, now, table};

story!(
    a_linkedin_reply_is_posted_in_its_thread_and_the_next_sync_finds_it_once,
    a_post_imported_from_the_linkedin_export_and_synced_is_one_post,
);

fn comment_key(id: u64) -> CommentKey {
    CommentKey {
        network: Network::Linkedin,
        network_id: NetworkId::parse(&comment_urn(ACTIVITY, id)).unwrap(),
    }
}

/// A member's comment on P1 as the inbox holds it.
fn member_comment(id: u64, parent: Option<u64>) -> Comment {
    Comment {
        key: comment_key(id),
        post: PostKey {
            network: Network::Linkedin,
            network_id: NetworkId::parse(P1).unwrap(),
        },
        parent: parent.map(comment_key),
        author: CommentAuthor::Person {
            pseudonym: InstallationSecret::for_demo(7).pseudonym(Network::Linkedin, "x"),
            display_name: Some(relais_connect::LINKEDIN_MEMBER.into()),
        },
        text: "…".into(),
        created_at: now(),
    }
}

fn comments(dump: &[TableDump]) -> &[Vec<Option<String>>] {
    table(dump, "comments")
}

async fn a_linkedin_reply_is_posted_in_its_thread_and_the_next_sync_finds_it_once<F, Fut>(make: F)
where
    F: FnOnce() -> Fut,
    Fut: Future<Output = Option<TestDb>>,
{
    let Some(db) = make().await else { return };
    let (api, base) = api().await;
    let (store, c) = connected(&db, &base, "good", "2414183").await;
    sync(&store, &c).await.unwrap();

    // To a member's reply: the reply goes under the thread's first comment.
    let text = "Nous passons demain.";
    let to_reply = member_comment(112, Some(101));
    let got = relais_connect::reply(&store, &c, &key(), &to_reply, text, &pacing())
        .await
        .unwrap();
    assert_eq!(got, comment_key(9001));
    // To a first-level comment without replies yet.
    let to_comment = member_comment(102, None);
    let second = relais_connect::reply(&store, &c, &key(), &to_comment, "Merci !", &pacing())
        .await
        .unwrap();
    assert_eq!(second, comment_key(9002));
    let posted = api.lock().unwrap().posted.clone();
    assert_eq!(
        posted,
        [
            json!({"actor": ORG, "object": P1, "message": {"text": text},
                   "parentComment": comment_urn(ACTIVITY, 101)}),
            json!({"actor": ORG, "object": P1, "message": {"text": "Merci !"},
                   "parentComment": comment_urn(ACTIVITY, 102)}),
        ]
    );
    assert_eq!(api.lock().unwrap().refused, 0);

    // The inbox records the reply it sent, under the key it was given.
    let account = AccountId::parse("linkedin:brevenne-habitat").unwrap();
    let mut sent = batch("inbox-reply");
    sent.comments.push(BatchComment {
        line: 1,
        comment: Comment {
            key: second.clone(),
            post: to_comment.post.clone(),
            parent: Some(to_comment.key.clone()),
            author: CommentAuthor::Landlord { account },
            text: "Merci !".into(),
            created_at: now(),
        },
    });
    store.import_batch(&sent, false).await.unwrap();
    let before = comments(&store.dump().await.unwrap()).len();

    let tomorrow = Timestamp::from_unix(now().unix() + 86_400).unwrap();
    sync_at(&store, &c, tomorrow).await.unwrap();
    let dump = store.dump().await.unwrap();
    assert_eq!(
        comments(&dump).len(),
        before + 1,
        "only the unrecorded reply is new"
    );
    for (reply, parent) in [(9001, 101), (9002, 102)] {
        let id = format!("linkedin:{}", comment_urn(ACTIVITY, reply));
        let rows: Vec<_> = comments(&dump)
            .iter()
            .filter(|r| cell(r, 0) == id)
            .collect();
        assert_eq!(rows.len(), 1, "{id}");
        assert_eq!(cell(rows[0], 6), "linkedin:brevenne-habitat");
        assert_eq!(
            cell(rows[0], 4),
            format!("linkedin:{}", comment_urn(ACTIVITY, parent))
        );
    }
    store.close().await;
    db.cleanup().await;
}

async fn a_post_imported_from_the_linkedin_export_and_synced_is_one_post<F, Fut>(make: F)
where
    F: FnOnce() -> Fut,
    Fut: Future<Output = Option<TestDb>>,
{
    let Some(db) = make().await else { return };
    let (_api, base) = api().await;
    let (store, c) = connected(&db, &base, "good", "2414183").await;
    let bytes = include_bytes!("../../../relais-import/testdata/linkedin/content.xls");
    let parsed =
        relais_import::parse("content.xls", bytes, &relais_import::Options::default()).unwrap();
    let accounts = store.accounts().await.unwrap();
    let known = relais_import::Known {
        accounts: &accounts,
        post_accounts: &BTreeMap::new(),
    };
    let secret = InstallationSecret::for_demo(7);
    let digest = relais_import::digest(bytes);
    let imported =
        relais_import::plan(&parsed, "content.xls", &digest, known, None, &secret, now()).unwrap();
    assert!(
        imported.new_accounts.is_empty(),
        "the connected page's export"
    );
    store.import_batch(&imported, false).await.unwrap();
    assert_eq!(table(&store.dump().await.unwrap(), "posts").len(), 4);

    sync(&store, &c).await.unwrap();
    let dump = store.dump().await.unwrap();
    let posts = table(&dump, "posts");
    assert_eq!(posts.len(), 4 + 4 - 2, "P1 and P2 are in both");
    for urn in [P1, P2] {
        let id = format!("linkedin:{urn}");
        let row = posts.iter().find(|r| cell(r, 0) == id).unwrap();
        assert_eq!(cell(row, 3), "linkedin:brevenne-habitat");
        let origins: std::collections::BTreeSet<&str> = table(&dump, "metric_snapshots")
            .iter()
            .filter(|m| cell(m, 0) == id && cell(m, 2) == "impressions")
            .map(|m| cell(m, 4))
            .collect();
        assert_eq!(origins.len(), 2, "the export's and the API's: {origins:?}");
    }
    store.close().await;
    db.cleanup().await;
}
