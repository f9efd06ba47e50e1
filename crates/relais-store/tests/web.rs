//! The web app's store story ([`WebStore`]) on a slice of the demo landlord,
//! run against SQLite always and PostgreSQL when `RELAIS_TEST_DATABASE_URL`
//! is set.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use relais_core::demo::{DemoConfig, generate};
use relais_core::*;
use relais_store::testing::TestDb;
use relais_store::{
    AuditEntry, Note, Role, SessionRow, SqlStore, Store, StoreError, TokenRow, User, WebStore,
};

macro_rules! story {
    ($($name:ident),+ $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test]
                async fn $name() {
                    let db = relais_store::testing::TestDb::sqlite();
                    super::$name(&db).await;
                    db.cleanup().await;
                }
            )+
        }
        mod postgres {
            $(
                #[tokio::test]
                async fn $name() {
                    if let Some(db) = relais_store::testing::TestDb::postgres().await {
                        super::$name(&db).await;
                        db.cleanup().await;
                    }
                }
            )+
        }
    };
}

story!(
    users_are_added_replaced_and_listed,
    an_unknown_territory_is_refused_naming_it,
    deleting_a_user_deletes_their_sessions_tokens_and_assignments,
    sessions_are_touched_and_purged,
    tokens_are_used_listed_and_revoked,
    the_action_log_reads_newest_first,
    assigning_needs_a_known_user_and_is_logged,
    a_recorded_reply_is_the_comments_first_reply_in_the_kpis,
    comment_details_come_in_the_order_asked,
    erasing_a_person_erases_their_inbox_trail,
    the_fingerprint_changes_with_replies_labels_and_assignments,
    saved_replies_are_seeded_and_survive_the_demo,
    the_dump_shows_the_inbox_tables,
);

const SEED: u64 = 1;

/// The demo landlord's first posts with everything about them: real
/// comments, replies, labels and users, small enough to write quickly.
fn demo() -> &'static Dataset {
    static DEMO: OnceLock<Dataset> = OnceLock::new();
    DEMO.get_or_init(|| {
        let mut d = generate(&DemoConfig::new(SEED, None));
        d.posts.truncate(40);
        let posts: BTreeSet<String> = d.posts.iter().map(|p| p.key.stored()).collect();
        d.metrics.retain(|m| posts.contains(&m.post.stored()));
        d.comments.retain(|c| posts.contains(&c.post.stored()));
        let comments: BTreeSet<String> = d.comments.iter().map(|c| c.key.stored()).collect();
        d.labels.retain(|l| match &l.subject {
            label::Subject::Post(k) => posts.contains(&k.stored()),
            label::Subject::Comment(k) => comments.contains(&k.stored()),
        });
        d
    })
}

async fn demo_store(db: &TestDb) -> SqlStore {
    let store = SqlStore::open(&db.url).await.unwrap();
    let secret = InstallationSecret::for_demo(SEED);
    store
        .replace_with_demo(SEED, &secret, demo())
        .await
        .unwrap();
    store
}

/// People's comments of the demo slice, oldest first.
fn people_comments() -> Vec<&'static Comment> {
    let mut out: Vec<&Comment> = demo()
        .comments
        .iter()
        .filter(|c| !c.is_landlord_reply())
        .collect();
    out.sort_by_key(|c| (c.created_at.unix(), c.key.stored()));
    out
}

/// A person's comment the landlord never answered.
fn unanswered() -> &'static Comment {
    let answered: BTreeSet<String> = demo()
        .comments
        .iter()
        .filter(|c| c.is_landlord_reply())
        .filter_map(|c| c.parent.as_ref().map(|p| p.stored()))
        .collect();
    people_comments()
        .into_iter()
        .find(|c| !answered.contains(&c.key.stored()))
        .expect("an unanswered comment in the demo slice")
}

/// A person's comment the landlord answered.
fn answered() -> &'static Comment {
    let parent = demo()
        .comments
        .iter()
        .filter(|c| c.is_landlord_reply())
        .find_map(|c| c.parent.clone())
        .expect("a landlord reply in the demo slice");
    demo().comments.iter().find(|c| c.key == parent).unwrap()
}

fn pseudonym(c: &Comment) -> &Pseudonym {
    match &c.author {
        CommentAuthor::Person { pseudonym, .. } => pseudonym,
        CommentAuthor::Landlord { .. } => panic!("a person's comment"),
    }
}

fn demo_user() -> String {
    demo().users[0].email.as_str().to_string()
}

fn user(email: &str, role: Role, territories: &[&str], hash: Option<&str>) -> User {
    User {
        email: email.into(),
        name: format!("Nom de {email}"),
        role,
        territories: territories.iter().map(|t| t.to_string()).collect(),
        password_hash: hash.map(str::to_string),
    }
}

fn some_agency() -> String {
    demo()
        .territories
        .iter()
        .find(|t| matches!(t.kind, TerritoryKind::Agency { .. }))
        .unwrap()
        .id
        .as_str()
        .to_string()
}

fn session(id: &str, email: &str, created_at: i64, last_seen: i64) -> SessionRow {
    SessionRow {
        id_hash: id.into(),
        email: email.into(),
        csrf: format!("csrf-{id}"),
        created_at,
        last_seen,
    }
}

fn token(id: &str, prefix: &str, email: &str, created_at: i64) -> TokenRow {
    TokenRow {
        id_hash: id.into(),
        prefix: prefix.into(),
        email: email.into(),
        name: format!("jeton {prefix}"),
        created_at,
        last_used: None,
    }
}

async fn users_are_added_replaced_and_listed(db: &TestDb) {
    let store = demo_store(db).await;
    let agency = some_agency();
    let mut u = user(
        "zoe@bailleur.fr",
        Role::Referent,
        &[&agency],
        Some("$argon2id$a"),
    );
    assert!(store.put_user(&u).await.unwrap(), "a new user");
    u.name = "Zoé Martin".into();
    u.role = Role::Communication;
    u.territories = vec![];
    u.password_hash = None;
    assert!(!store.put_user(&u).await.unwrap(), "the same user again");
    let stored = store.user("zoe@bailleur.fr").await.unwrap().unwrap();
    assert_eq!(stored.name, "Zoé Martin");
    assert_eq!(stored.role, Role::Communication);
    assert!(stored.territories.is_empty(), "territories are replaced");
    assert_eq!(
        stored.password_hash.as_deref(),
        Some("$argon2id$a"),
        "no new hash keeps the stored one"
    );
    u.password_hash = Some("$argon2id$b".into());
    store.put_user(&u).await.unwrap();
    let stored = store.user("zoe@bailleur.fr").await.unwrap().unwrap();
    assert_eq!(stored.password_hash.as_deref(), Some("$argon2id$b"));
    assert_eq!(store.user("personne@bailleur.fr").await.unwrap(), None);

    let all = store.users().await.unwrap();
    assert_eq!(all.len(), demo().users.len() + 1);
    let emails: Vec<&str> = all.iter().map(|u| u.email.as_str()).collect();
    let mut sorted = emails.clone();
    sorted.sort_unstable();
    assert_eq!(emails, sorted, "by email");
    for (listed, core) in demo().users.iter().map(|d| {
        let listed = all.iter().find(|u| u.email == d.email.as_str()).unwrap();
        (listed, d)
    }) {
        assert_eq!(listed.role.as_str(), core.role.code());
        let expected: BTreeSet<String> = core
            .role
            .territories()
            .iter()
            .map(|t| t.as_str().to_string())
            .collect();
        assert_eq!(listed.territories, expected.into_iter().collect::<Vec<_>>());
    }
    store.close().await;
}

async fn an_unknown_territory_is_refused_naming_it(db: &TestDb) {
    let store = demo_store(db).await;
    let u = user(
        "zoe@bailleur.fr",
        Role::Referent,
        &["agence-atlantide"],
        None,
    );
    let err = store.put_user(&u).await.unwrap_err();
    assert!(matches!(err, StoreError::Conflict { .. }), "{err:?}");
    for lang in [Lang::Fr, Lang::En] {
        let message = err.message(lang);
        assert!(message.contains("agence-atlantide"), "{message}");
        assert!(message.contains("relais territory list"), "{message}");
    }
    assert_eq!(store.user("zoe@bailleur.fr").await.unwrap(), None);
    store.close().await;
}

async fn deleting_a_user_deletes_their_sessions_tokens_and_assignments(db: &TestDb) {
    let store = demo_store(db).await;
    let email = "zoe@bailleur.fr";
    store
        .put_user(&user(email, Role::Communication, &[], None))
        .await
        .unwrap();
    store
        .create_session(&session("s1", email, 100, 100))
        .await
        .unwrap();
    store
        .create_token(&token("t1", "rl_abc", email, 100))
        .await
        .unwrap();
    let comment = unanswered().key.stored();
    assert!(
        store
            .assign(&comment, Some(email), "cli", 200)
            .await
            .unwrap()
    );
    let note = Note {
        comment_id: comment.clone(),
        author: email.into(),
        at: 210,
        text: "Appeler le gardien".into(),
    };
    assert!(store.add_note(&note).await.unwrap());

    assert!(store.delete_user(email).await.unwrap());
    assert!(!store.delete_user(email).await.unwrap(), "already gone");
    assert_eq!(store.user(email).await.unwrap(), None);
    assert_eq!(store.session("s1").await.unwrap(), None);
    assert!(store.tokens(Some(email)).await.unwrap().is_empty());
    assert_eq!(store.use_token("t1", 300).await.unwrap(), None);
    assert!(store.assignments().await.unwrap().is_empty());
    let detail = &store.comment_details(&[comment]).await.unwrap()[0];
    assert_eq!(
        detail.notes,
        vec![note],
        "their notes stay under their email"
    );
    assert_eq!(detail.assignment, None);
    store.close().await;
}

async fn sessions_are_touched_and_purged(db: &TestDb) {
    let store = demo_store(db).await;
    let email = demo_user();
    for s in [
        session("old", &email, 100, 900),
        session("idle", &email, 500, 500),
        session("fresh", &email, 800, 800),
    ] {
        store.create_session(&s).await.unwrap();
    }
    store.touch_session("idle", 1000).await.unwrap();
    assert_eq!(
        store.session("idle").await.unwrap(),
        Some(session("idle", &email, 500, 1000))
    );
    // Idle since before 850, or begun before 200.
    assert_eq!(store.purge_sessions(850, 200).await.unwrap(), 2);
    assert_eq!(store.session("old").await.unwrap(), None);
    assert_eq!(store.session("fresh").await.unwrap(), None);
    assert!(store.session("idle").await.unwrap().is_some());
    store.delete_session("idle").await.unwrap();
    assert_eq!(store.session("idle").await.unwrap(), None);
    store.close().await;
}

async fn tokens_are_used_listed_and_revoked(db: &TestDb) {
    let store = demo_store(db).await;
    let a = demo().users[0].email.as_str().to_string();
    let b = demo().users[1].email.as_str().to_string();
    store
        .create_token(&token("h1", "rl_one", &a, 100))
        .await
        .unwrap();
    store
        .create_token(&token("h2", "rl_two", &a, 200))
        .await
        .unwrap();
    store
        .create_token(&token("h3", "rl_six", &b, 300))
        .await
        .unwrap();
    let err = store
        .create_token(&token("h4", "rl_one", &b, 400))
        .await
        .unwrap_err();
    assert!(err.message(Lang::En).contains("rl_one"), "{err}");

    let used = store.use_token("h1", 500).await.unwrap().unwrap();
    assert_eq!(used.last_used, Some(500));
    assert_eq!(used.prefix, "rl_one");
    assert_eq!(store.use_token("nope", 500).await.unwrap(), None);

    let prefixes = |rows: Vec<TokenRow>| rows.into_iter().map(|t| t.prefix).collect::<Vec<_>>();
    assert_eq!(
        prefixes(store.tokens(None).await.unwrap()),
        ["rl_six", "rl_two", "rl_one"],
        "newest first"
    );
    assert_eq!(
        prefixes(store.tokens(Some(&a)).await.unwrap()),
        ["rl_two", "rl_one"]
    );
    assert_eq!(store.revoke_token("rl_two").await.unwrap(), 1);
    assert_eq!(store.revoke_token("rl_two").await.unwrap(), 0);
    assert_eq!(
        store.revoke_token("rl_").await.unwrap(),
        0,
        "whole prefixes only"
    );
    assert_eq!(store.use_token("h2", 600).await.unwrap(), None);
    store.close().await;
}

async fn the_action_log_reads_newest_first(db: &TestDb) {
    let store = demo_store(db).await;
    for (i, action) in ["login", "user.add", "export"].into_iter().enumerate() {
        store
            .log_action(&AuditEntry {
                at: 1000 + i as i64,
                actor: "admin@bailleur.fr".into(),
                action: action.into(),
                subject: "zoe@bailleur.fr".into(),
                detail: format!("détail {i}"),
            })
            .await
            .unwrap();
    }
    let log = store.action_log(2).await.unwrap();
    let actions: Vec<&str> = log.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(actions, ["export", "user.add"]);
    assert_eq!(log[0].detail, "détail 2");
    assert_eq!(store.action_log(10).await.unwrap().len(), 3);
    store.close().await;
}

async fn assigning_needs_a_known_user_and_is_logged(db: &TestDb) {
    let store = demo_store(db).await;
    let comment = unanswered().key.stored();
    let (a, b) = (demo_user(), demo().users[1].email.as_str().to_string());
    assert!(store.assign(&comment, Some(&a), "cli", 100).await.unwrap());
    assert!(store.assign(&comment, Some(&b), &a, 200).await.unwrap());
    let assignments = store.assignments().await.unwrap();
    assert_eq!(assignments.len(), 1, "one assignee at a time");
    assert_eq!(assignments[0].assignee, b);
    assert_eq!(assignments[0].assigned_by, a);
    assert_eq!(assignments[0].assigned_at, 200);

    let err = store
        .assign(&comment, Some("inconnu@bailleur.fr"), &a, 300)
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::Conflict { .. }));
    assert!(err.message(Lang::Fr).contains("inconnu@bailleur.fr"));
    assert_eq!(store.assignments().await.unwrap()[0].assignee, b);

    assert!(
        !store
            .assign("facebook:nope", Some(&a), &a, 300)
            .await
            .unwrap()
    );
    assert!(store.assign(&comment, None, &a, 400).await.unwrap());
    assert!(store.assignments().await.unwrap().is_empty());
    let log = store.action_log(10).await.unwrap();
    let lines: Vec<(&str, &str, &str)> = log
        .iter()
        .map(|e| (e.action.as_str(), e.subject.as_str(), e.detail.as_str()))
        .collect();
    assert_eq!(
        lines,
        [
            ("comment.unassign", comment.as_str(), b.as_str()),
            ("comment.assign", comment.as_str(), b.as_str()),
            ("comment.assign", comment.as_str(), a.as_str()),
        ]
    );
    store.close().await;
}

async fn a_recorded_reply_is_the_comments_first_reply_in_the_kpis(db: &TestDb) {
    let store = demo_store(db).await;
    let c = unanswered();
    let at = c.created_at.unix() + 3600;
    let fact = |facts: &relais_kpi::Facts| {
        facts
            .comments
            .iter()
            .find(|f| {
                f.created_at == c.created_at.unix()
                    && f.author.as_deref() == Some(pseudonym(c).as_str())
            })
            .cloned()
            .expect("the comment's fact")
    };
    let before = store.kpi_facts().await.unwrap();
    assert_eq!(fact(&before).first_reply_at, None);
    let replies_before = store.status().await.unwrap().counts.replies;

    let text = "Bonjour, écrivez-nous en message privé avec votre adresse : nous vous répondrons au plus vite. ".repeat(2);
    let by = demo_user();
    let id = store
        .record_reply(&c.key.stored(), &text, &by, at, None)
        .await
        .unwrap()
        .expect("a reply id");
    assert!(
        id.starts_with(&format!("{}:relais-reply-", c.key.network.code())),
        "{id}"
    );
    assert_eq!(
        store
            .record_reply("facebook:nope", "x", &by, at, None)
            .await
            .unwrap(),
        None
    );

    let after = store.kpi_facts().await.unwrap();
    assert_eq!(fact(&after).first_reply_at, Some(at));
    assert_eq!(
        after.comments.len(),
        before.comments.len(),
        "a reply is no person's comment"
    );
    assert_eq!(
        store.status().await.unwrap().counts.replies,
        replies_before + 1
    );
    let log = &store.action_log(1).await.unwrap()[0];
    assert_eq!(
        (
            log.action.as_str(),
            log.subject.as_str(),
            log.actor.as_str()
        ),
        ("comment.reply", c.key.stored().as_str(), by.as_str())
    );
    assert_eq!(log.detail, text.chars().take(80).collect::<String>());
    // Nothing to label: the landlord's replies are not classified.
    let unlabelled = store.unlabelled().await.unwrap();
    assert!(unlabelled.iter().all(|u| u.id != id));
    store.close().await;
}

async fn comment_details_come_in_the_order_asked(db: &TestDb) {
    let store = demo_store(db).await;
    let (first, second) = (unanswered(), answered());
    let by = demo_user();
    let reply_at = first.created_at.unix() + 60;
    let reply = store
        .record_reply(
            &first.key.stored(),
            "Merci, c'est noté.",
            &by,
            reply_at,
            None,
        )
        .await
        .unwrap()
        .unwrap();
    for (at, text) in [(reply_at + 20, "deuxième"), (reply_at + 10, "première")] {
        let note = Note {
            comment_id: first.key.stored(),
            author: by.clone(),
            at,
            text: text.into(),
        };
        assert!(store.add_note(&note).await.unwrap());
    }
    assert!(
        !store
            .add_note(&Note {
                comment_id: "facebook:nope".into(),
                author: by.clone(),
                at: 1,
                text: "x".into(),
            })
            .await
            .unwrap()
    );
    store
        .assign(&first.key.stored(), Some(&by), &by, reply_at)
        .await
        .unwrap();

    let ids = vec![
        second.key.stored(),
        "facebook:nope".to_string(),
        first.key.stored(),
    ];
    let details = store.comment_details(&ids).await.unwrap();
    let got: Vec<&str> = details.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(
        got,
        [ids[0].as_str(), ids[2].as_str()],
        "unknown ids left out"
    );

    let d = &details[1];
    assert_eq!(d.text, first.text);
    assert_eq!(d.created_at, first.created_at.unix());
    assert_eq!(d.author, pseudonym(first).as_str());
    assert_eq!(d.network, first.key.network.code());
    assert_eq!(d.post_id, first.post.stored());
    let post = demo().posts.iter().find(|p| p.key == first.post).unwrap();
    assert_eq!(d.post_text, post.text);
    assert_eq!(d.post_permalink, post.permalink);
    assert_eq!(d.replies.len(), 1);
    assert_eq!(d.replies[0].id, reply);
    assert_eq!(d.replies[0].by.as_deref(), Some(by.as_str()));
    let notes: Vec<&str> = d.notes.iter().map(|n| n.text.as_str()).collect();
    assert_eq!(notes, ["première", "deuxième"], "oldest first");
    assert_eq!(d.assignment.as_ref().unwrap().assignee, by);

    let d = &details[0];
    assert!(!d.replies.is_empty(), "imported replies are shown");
    assert!(
        d.replies.iter().all(|r| r.by.is_none()),
        "imported: nobody in relais"
    );
    assert!(
        d.replies.windows(2).all(|w| w[0].at <= w[1].at),
        "oldest first"
    );
    assert!(d.notes.is_empty() && d.assignment.is_none());

    // Many ids at once, in the order asked.
    let mut many: Vec<String> = people_comments().iter().map(|c| c.key.stored()).collect();
    many.reverse();
    many.truncate(250);
    let details = store.comment_details(&many).await.unwrap();
    let got: Vec<String> = details.into_iter().map(|d| d.id).collect();
    assert_eq!(got, many);
    store.close().await;
}

async fn erasing_a_person_erases_their_inbox_trail(db: &TestDb) {
    let store = demo_store(db).await;
    let c = unanswered();
    let person = pseudonym(c);
    let id = c.key.stored();
    let by = demo_user();
    let reply = store
        .record_reply(
            &id,
            "Écrivez-nous en message privé.",
            &by,
            c.created_at.unix() + 60,
            None,
        )
        .await
        .unwrap()
        .unwrap();
    store
        .add_note(&Note {
            comment_id: id.clone(),
            author: by.clone(),
            at: 1,
            text: "Mme X, 3e étage".into(),
        })
        .await
        .unwrap();
    store.assign(&id, Some(&by), &by, 1).await.unwrap();
    let replies_before = store.status().await.unwrap().counts.replies;

    assert!(store.erase_person(person).await.unwrap() >= 1);
    assert!(
        store
            .comment_details(std::slice::from_ref(&id))
            .await
            .unwrap()
            .is_empty()
    );
    assert!(store.assignments().await.unwrap().is_empty());
    assert_eq!(
        store.status().await.unwrap().counts.replies,
        replies_before - 1,
        "the reply written in relais goes with the comment"
    );
    let dump = format!("{:?}", store.dump().await.unwrap());
    assert!(!dump.contains(&reply), "no trace of the reply");
    assert!(!dump.contains("Mme X"), "no trace of the note");
    for t in ["inbox_notes", "inbox_replies", "inbox_assignments"] {
        let table = store
            .dump()
            .await
            .unwrap()
            .into_iter()
            .find(|d| d.table == t)
            .unwrap();
        assert!(table.rows.is_empty(), "{t}: {:?}", table.rows);
    }
    store.close().await;
}

async fn the_fingerprint_changes_with_replies_labels_and_assignments(db: &TestDb) {
    let store = demo_store(db).await;
    let c = unanswered();
    let by = demo_user();
    let mut seen = vec![store.data_fingerprint().await.unwrap()];
    assert_eq!(
        store.data_fingerprint().await.unwrap(),
        seen[0],
        "stable when nothing changes"
    );
    // Each step changes it from the one before (undoing a step may give an
    // earlier fingerprint back: same data, same fingerprint).
    let mut changed = |fp: String, what: &str| {
        assert_ne!(
            seen.last(),
            Some(&fp),
            "{what}: the fingerprint did not change"
        );
        seen.push(fp);
    };

    store
        .record_reply(
            &c.key.stored(),
            "Merci !",
            &by,
            c.created_at.unix() + 5,
            None,
        )
        .await
        .unwrap();
    changed(store.data_fingerprint().await.unwrap(), "a reply");

    let urgency = |u: Urgency| Label {
        subject: label::Subject::Comment(c.key.clone()),
        value: LabelValue::Urgency(u),
        source: LabelSource::Human { by: by.clone() },
    };
    store
        .set_human_label(&urgency(Urgency::Urgent))
        .await
        .unwrap();
    changed(store.data_fingerprint().await.unwrap(), "a label added");
    // "urgent" and "normal": another value of the same length.
    store
        .set_human_label(&urgency(Urgency::Normal))
        .await
        .unwrap();
    changed(store.data_fingerprint().await.unwrap(), "a label replaced");

    let other = demo().users[1].email.as_str().to_string();
    store
        .assign(&c.key.stored(), Some(&by), &by, 10)
        .await
        .unwrap();
    changed(store.data_fingerprint().await.unwrap(), "an assignment");
    store
        .assign(&c.key.stored(), Some(&other), &by, 10)
        .await
        .unwrap();
    changed(store.data_fingerprint().await.unwrap(), "a reassignment");
    store.assign(&c.key.stored(), None, &by, 10).await.unwrap();
    changed(store.data_fingerprint().await.unwrap(), "an unassignment");
    assert_eq!(
        seen[seen.len() - 1],
        seen[seen.len() - 4],
        "as before the assignment"
    );
    store.close().await;
}

async fn saved_replies_are_seeded_and_survive_the_demo(db: &TestDb) {
    let store = SqlStore::open(&db.url).await.unwrap();
    let seeded = store.saved_replies().await.unwrap();
    assert_eq!(seeded.len(), 5);
    let titles: Vec<&str> = seeded.iter().map(|r| r.title.as_str()).collect();
    let mut sorted = titles.clone();
    sorted.sort_unstable();
    assert_eq!(titles, sorted, "by title");
    assert!(titles.contains(&"Prise en charge – message privé"));
    assert!(seeded.iter().all(|r| !r.body.is_empty()));

    let id = store
        .add_saved_reply("Accusé de réception", "Bien reçu, merci.")
        .await
        .unwrap();
    let err = store
        .add_saved_reply("Accusé de réception", "Autre texte")
        .await
        .unwrap_err();
    assert!(err.message(Lang::Fr).contains("Accusé de réception"));
    let secret = InstallationSecret::for_demo(SEED);
    store
        .replace_with_demo(SEED, &secret, demo())
        .await
        .unwrap();
    let kept = store.saved_replies().await.unwrap();
    assert_eq!(kept.len(), 6, "templates are not the demo's data");
    assert!(
        kept.iter()
            .any(|r| r.id == id && r.body == "Bien reçu, merci.")
    );
    store.close().await;
}

async fn the_dump_shows_the_inbox_tables(db: &TestDb) {
    let store = demo_store(db).await;
    let c = unanswered();
    let by = demo_user();
    store
        .create_session(&session("s", &by, 1, 1))
        .await
        .unwrap();
    store
        .create_token(&token("t", "rl_t", &by, 1))
        .await
        .unwrap();
    store
        .assign(&c.key.stored(), Some(&by), &by, 1)
        .await
        .unwrap();
    store
        .record_reply(
            &c.key.stored(),
            "Merci.",
            &by,
            c.created_at.unix() + 1,
            None,
        )
        .await
        .unwrap();
    store
        .add_note(&Note {
            comment_id: c.key.stored(),
            author: by.clone(),
            at: 1,
            text: "note".into(),
        })
        .await
        .unwrap();
    let dump = store.dump().await.unwrap();
    for (table, rows) in [
        ("sessions", 1),
        ("api_tokens", 1),
        ("inbox_assignments", 1),
        ("inbox_replies", 1),
        ("inbox_notes", 1),
        ("action_log", 2),
        ("saved_replies", 5),
    ] {
        let t = dump.iter().find(|d| d.table == table).unwrap();
        assert_eq!(t.rows.len(), rows, "{table}");
    }
    let status = store.status().await.unwrap();
    assert_eq!(status.schema_version, 9);
    store.close().await;
}
