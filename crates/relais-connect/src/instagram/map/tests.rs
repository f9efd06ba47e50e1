use relais_core::{AccountId, AccountKind, NetworkId};

use super::*;
use crate::map::{Insight, insights};

fn account() -> Account {
    Account {
        id: AccountId::parse("instagram:habitat.solidaire").unwrap(),
        network: Network::Instagram,
        kind: AccountKind::Page,
        handle: "habitat.solidaire".into(),
        network_id: NetworkId::parse("17841400000000001").unwrap(),
        name: "Habitat".into(),
        territory: None,
    }
}

fn comments_of(json: &str) -> Vec<Comment> {
    let c: ApiComment = serde_json::from_str(json).unwrap();
    let account = account();
    let me = Me {
        account: &account,
        id: "17841400000000001",
        username: "habitat.solidaire",
    };
    let post = post_key("17890000000000001").unwrap();
    comments(&c, &post, &me, &InstallationSecret::for_demo(1)).unwrap()
}

fn person(c: &Comment) -> (&str, Option<&str>) {
    match &c.author {
        CommentAuthor::Person {
            pseudonym,
            display_name,
        } => (pseudonym.as_str(), display_name.as_deref()),
        CommentAuthor::Landlord { .. } => panic!("a person: {c:?}"),
    }
}

#[test]
fn nested_replies_become_comments_with_their_parent() {
    let all = comments_of(
        r#"{"id":"1","text":"Le chauffage est coupé","timestamp":"2026-03-01T10:00:00+0000",
            "username":"jeanne","from":{"id":"5001","username":"jeanne"},"like_count":2,
            "hidden":false,
            "replies":{"data":[
              {"id":"2","text":"Nous appelons le chauffagiste.","timestamp":"2026-03-01T11:00:00+0000",
               "username":"Habitat.Solidaire"},
              {"id":"3","text":"Chez moi aussi","timestamp":"2026-03-01T12:00:00+0000",
               "username":"paul_92"}]}}"#,
    );
    assert_eq!(all.len(), 3);
    assert_eq!(all[0].parent, None);
    assert_eq!(all[0].created_at.rfc3339(), "2026-03-01T10:00:00Z");
    assert!(
        all[1].is_landlord_reply(),
        "the account's username, any case"
    );
    for reply in &all[1..] {
        assert_eq!(reply.parent.as_ref().unwrap().network_id.as_str(), "1");
        assert_eq!(reply.parent.as_ref().unwrap().network, Network::Instagram);
    }
    let secret = InstallationSecret::for_demo(1);
    assert_eq!(
        person(&all[0]),
        (
            secret.pseudonym(Network::Instagram, "5001").as_str(),
            Some("jeanne")
        ),
        "pseudonym of the id, as the webhook makes it"
    );
    assert_eq!(
        person(&all[2]),
        (
            secret
                .pseudonym(Network::Instagram, "username:paul_92")
                .as_str(),
            Some("paul_92")
        )
    );
}

#[test]
fn a_comment_from_the_account_id_is_the_landlords() {
    let all = comments_of(
        r#"{"id":"7","text":"Merci !","timestamp":"2026-03-01T10:00:00+0000",
            "username":"someone.else","from":{"id":"17841400000000001","username":"x"}}"#,
    );
    assert!(all[0].is_landlord_reply());
    let all = comments_of(
        r#"{"id":"8","timestamp":"2026-03-01T10:00:00+0000",
            "from":{"id":"42","username":"habitat.solidaire"}}"#,
    );
    assert!(
        !all[0].is_landlord_reply(),
        "from.id decides when it is there"
    );
    assert_eq!(all[0].text, "");
}

#[test]
fn product_type_comes_before_media_type() {
    assert_eq!(media(Some("VIDEO"), Some("REELS")), MediaType::Reel);
    assert_eq!(media(Some("IMAGE"), Some("STORY")), MediaType::Story);
    assert_eq!(
        media(Some("CAROUSEL_ALBUM"), Some("FEED")),
        MediaType::Carousel
    );
    assert_eq!(media(Some("VIDEO"), Some("FEED")), MediaType::Video);
    assert_eq!(media(Some("IMAGE"), None), MediaType::Photo);
}

#[test]
fn both_insights_shapes_read_and_empty_values_give_nothing() {
    let data: Vec<Insight> = serde_json::from_str(
        r#"[{"name":"reach","period":"lifetime","values":[{"value":120}],"title":"Reach","id":"1/insights/reach/lifetime"},
            {"name":"views","period":"lifetime","total_value":{"value":340,"breakdowns":[]},"title":"Views","id":"1/insights/views/lifetime"},
            {"name":"impressions","period":"lifetime","values":[{"value":400}]},
            {"name":"saved","period":"lifetime","values":[]},
            {"name":"navigation","period":"lifetime","values":[{"value":3}]}]"#,
    )
    .unwrap();
    let at = Timestamp::from_unix(0).unwrap();
    let s = insights(&data, metric_of, &post_key("1").unwrap(), at, "v25.0");
    let got: Vec<_> = s
        .iter()
        .map(|m| (m.metric, m.value, m.source.origin.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (Metric::Reach, 120.0, "graph_api:reach"),
            (Metric::Views, 340.0, "graph_api:views"),
            (Metric::Impressions, 400.0, "graph_api:impressions"),
        ]
    );
    assert!(s.iter().all(|m| m.source.version == "v25.0"));
}

#[test]
fn deprecated_metrics_fall_back_to_views_and_views_to_impressions() {
    assert_eq!(fallback("impressions"), Some("views"));
    assert_eq!(fallback("plays"), Some("views"));
    assert_eq!(fallback("views"), Some("impressions"));
    assert_eq!(fallback("profile_visits"), None);
}

#[test]
fn a_media_is_a_post_with_its_like_and_comment_counts() {
    let m: ApiMedia = serde_json::from_str(
        r#"{"id":"17890000000000003","caption":"Une journée avec notre gardienne",
            "media_type":"VIDEO","media_product_type":"REELS",
            "permalink":"https://www.instagram.com/reel/DAbCdEfGhIl/",
            "timestamp":"2026-03-05T09:00:00+0000","like_count":61,"comments_count":4}"#,
    )
    .unwrap();
    let at = Timestamp::from_unix(0).unwrap();
    let (p, counts) = post(&m, &account(), at, "v25.0").unwrap();
    assert_eq!(p.key.stored(), "instagram:17890000000000003");
    assert_eq!(p.media, MediaType::Reel);
    let got: Vec<_> = counts
        .iter()
        .map(|m| (m.metric, m.value, m.source.origin.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (Metric::Reactions, 61.0, "graph_api:like_count"),
            (Metric::Comments, 4.0, "graph_api:comments_count"),
        ]
    );
    let hidden: ApiMedia =
        serde_json::from_str(r#"{"id":"1","timestamp":"2026-03-05T09:00:00+0000"}"#).unwrap();
    let (p, counts) = post(&hidden, &account(), at, "v25.0").unwrap();
    assert!(counts.is_empty(), "no like count shown, no snapshot");
    assert_eq!(p.text, "");
}
