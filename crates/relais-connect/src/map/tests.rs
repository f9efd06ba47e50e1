use relais_core::{AccountId, AccountKind};

use super::*;

fn page() -> Account {
    Account {
        id: AccountId::parse("facebook:habitat").unwrap(),
        network: Network::Facebook,
        kind: AccountKind::Page,
        handle: "habitat".into(),
        network_id: NetworkId::parse("111").unwrap(),
        name: "Habitat".into(),
        territory: None,
    }
}

fn comment_of(json: &str) -> Comment {
    let c: ApiComment = serde_json::from_str(json).unwrap();
    let post = post_key("111_1").unwrap();
    comment(&c, &post, &page(), &InstallationSecret::for_demo(1)).unwrap()
}

#[test]
fn a_comment_from_the_page_is_the_landlords_reply() {
    let c = comment_of(
        r#"{"id":"1_2","from":{"id":"111","name":"Habitat"},"message":"Merci",
            "created_time":"2026-03-01T10:00:00+0000","parent":{"id":"1_1"}}"#,
    );
    assert!(c.is_landlord_reply());
    assert_eq!(c.parent.unwrap().network_id.as_str(), "1_1");
}

#[test]
fn a_comment_without_author_gets_a_pseudonym_of_its_own() {
    let json = |id: &str| {
        format!(r#"{{"id":"{id}","message":"Panne","created_time":"2026-03-01T10:00:00+0000"}}"#)
    };
    let (a, b) = (comment_of(&json("1_3")), comment_of(&json("1_4")));
    let CommentAuthor::Person {
        pseudonym,
        display_name,
    } = &a.author
    else {
        panic!("a person")
    };
    assert_eq!(display_name.as_deref(), Some(ANONYMOUS));
    assert_ne!(a.author, b.author, "{pseudonym:?}");
}

#[test]
fn reactions_by_type_add_up_and_each_metric_keeps_its_name() {
    let data: Vec<Insight> = serde_json::from_str(
        r#"[{"name":"post_reactions_by_type_total","period":"lifetime",
             "values":[{"value":{"like":330,"love":2}}]},
            {"name":"post_impressions","values":[{"value":12}]},
            {"name":"post_media_view","values":[{"value":15}]},
            {"name":"page_unknown","values":[{"value":1}]}]"#,
    )
    .unwrap();
    let at = Timestamp::from_unix(0).unwrap();
    let s = insights(&data, metric_of, &post_key("1_1").unwrap(), at, "v25.0");
    let got: Vec<_> = s
        .iter()
        .map(|m| (m.metric, m.value, m.source.origin.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (
                Metric::Reactions,
                332.0,
                "graph_api:post_reactions_by_type_total"
            ),
            (Metric::Impressions, 12.0, "graph_api:post_impressions"),
            (Metric::Views, 15.0, "graph_api:post_media_view"),
        ]
    );
}

#[test]
fn deprecated_metrics_fall_back_to_their_successors() {
    assert_eq!(fallback("post_impressions"), Some("post_media_view"));
    assert_eq!(
        fallback("post_impressions_unique"),
        Some("post_total_media_view_unique")
    );
    assert_eq!(fallback("post_clicks"), None);
}

#[test]
fn meta_times_are_read_with_their_offset() {
    assert_eq!(
        time("2021-07-04T19:50:58+0000").unwrap().rfc3339(),
        "2021-07-04T19:50:58Z"
    );
    assert!(time("04/07/2021").is_err());
}
