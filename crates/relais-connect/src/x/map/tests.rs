use relais_core::{AccountId, AccountKind};

use super::*;

fn account() -> Account {
    Account {
        id: AccountId::parse("x:habitat").unwrap(),
        network: Network::X,
        kind: AccountKind::Page,
        handle: "habitat".into(),
        network_id: NetworkId::parse("2244994945").unwrap(),
        name: "Habitat".into(),
        territory: None,
    }
}

fn tweet(json: &str) -> Tweet {
    serde_json::from_str(json).unwrap()
}

fn at() -> Timestamp {
    Timestamp::from_unix(1_773_100_800).unwrap()
}

#[test]
fn a_post_keeps_xs_id_and_each_metric_its_field() {
    let t = tweet(
        r#"{"id":"1897000000000000001","text":"Travaux","created_at":"2026-03-05T09:00:00.000Z",
            "conversation_id":"1897000000000000001",
            "public_metrics":{"retweet_count":2,"reply_count":3,"like_count":5,"quote_count":1,
                              "bookmark_count":4,"impression_count":900},
            "non_public_metrics":{"impression_count":910,"url_link_clicks":7,"user_profile_clicks":2}}"#,
    );
    assert!(!is_reply(&t));
    let (p, s) = post(&t, &account(), at()).unwrap();
    assert_eq!(p.key.stored(), "x:1897000000000000001");
    assert_eq!(p.published_at.rfc3339(), "2026-03-05T09:00:00Z");
    assert_eq!(
        p.permalink.as_deref(),
        Some("https://x.com/habitat/status/1897000000000000001")
    );
    let got: Vec<_> = s
        .iter()
        .map(|m| (m.metric, m.value, m.source.origin.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (Metric::Shares, 2.0, "x_api:public_metrics.retweet_count"),
            (Metric::Comments, 3.0, "x_api:public_metrics.reply_count"),
            (Metric::Reactions, 5.0, "x_api:public_metrics.like_count"),
            (Metric::Saves, 4.0, "x_api:public_metrics.bookmark_count"),
            (
                Metric::Impressions,
                900.0,
                "x_api:public_metrics.impression_count"
            ),
            (
                Metric::Impressions,
                910.0,
                "x_api:non_public_metrics.impression_count"
            ),
            (
                Metric::LinkClicks,
                7.0,
                "x_api:non_public_metrics.url_link_clicks"
            ),
            (
                Metric::ProfileVisits,
                2.0,
                "x_api:non_public_metrics.user_profile_clicks"
            ),
        ]
    );
    assert!(s.iter().all(|m| m.source.version == "2"));
}

#[test]
fn a_mention_answering_a_reply_goes_on_the_root_with_its_parent() {
    let own: BTreeSet<String> = ["x:100".to_string()].into();
    let t = tweet(
        r#"{"id":"300","text":"@habitat toujours rien","created_at":"2026-03-06T10:00:00.000Z",
            "author_id":"42","conversation_id":"100",
            "referenced_tweets":[{"type":"replied_to","id":"200"}]}"#,
    );
    let (post, parent) = thread(&t, &own).unwrap().unwrap();
    assert_eq!(post.stored(), "x:100");
    assert_eq!(parent.unwrap().stored(), "x:200");
    let direct = tweet(
        r#"{"id":"301","text":"@habitat merci","created_at":"2026-03-06T10:00:00.000Z",
            "author_id":"42","conversation_id":"100",
            "referenced_tweets":[{"type":"replied_to","id":"100"}]}"#,
    );
    assert_eq!(thread(&direct, &own).unwrap().unwrap().1, None);
    let elsewhere = tweet(
        r#"{"id":"302","text":"@habitat bonjour","created_at":"2026-03-06T10:00:00.000Z",
            "author_id":"42","conversation_id":"302"}"#,
    );
    assert_eq!(thread(&elsewhere, &own).unwrap(), None);
}

#[test]
fn authors_are_pseudonymised_and_named_and_the_account_is_the_landlord() {
    let users: Vec<User> =
        serde_json::from_str(r#"[{"id":"42","name":"Jeanne Martin","username":"jeannem"}]"#)
            .unwrap();
    let secret = InstallationSecret::for_demo(1);
    let target = (post_key("100").unwrap(), None);
    let t = tweet(
        r#"{"id":"301","text":"@habitat merci","created_at":"2026-03-06T10:00:00.000Z",
            "author_id":"42","conversation_id":"100"}"#,
    );
    let c = comment(&t, target.clone(), &users, &account(), &secret).unwrap();
    let CommentAuthor::Person {
        pseudonym,
        display_name,
    } = &c.author
    else {
        panic!("a person")
    };
    assert_eq!(display_name.as_deref(), Some("Jeanne Martin (@jeannem)"));
    assert_eq!(*pseudonym, secret.pseudonym(Network::X, "42"));
    let mine = Tweet {
        author_id: Some("2244994945".into()),
        ..t.clone()
    };
    assert!(
        comment(&mine, target, &users, &account(), &secret)
            .unwrap()
            .is_landlord_reply()
    );
}

#[test]
fn refused_private_fields_are_recognised_in_either_form() {
    let partial: Vec<Value> = serde_json::from_str(
        r#"[{"resource_type":"tweet","field":"non_public_metrics.impression_count",
             "title":"Field Authorization Error","section":"data",
             "type":"https://api.twitter.com/2/problems/not-authorized-for-field"}]"#,
    )
    .unwrap();
    assert!(refuses_private_fields(&partial, ""));
    assert!(refuses_private_fields(
        &[],
        "Forbidden: Sorry, you are not authorized to access 'non_public_metrics'"
    ));
    assert!(!refuses_private_fields(
        &[],
        "Forbidden: Unsupported Authentication"
    ));
}

#[test]
fn x_times_have_milliseconds_and_a_zone() {
    assert_eq!(
        time("2026-03-05T09:00:00.000Z").unwrap().rfc3339(),
        "2026-03-05T09:00:00Z"
    );
    assert!(time("Thu Mar 05 09:00:00 +0000 2026").is_err());
}
