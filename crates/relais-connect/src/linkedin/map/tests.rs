use relais_core::{AccountId, AccountKind};

use super::*;

const ORG: &str = "urn:li:organization:2414183";

fn page() -> Account {
    Account {
        id: AccountId::parse("linkedin:brevenne-habitat").unwrap(),
        network: Network::Linkedin,
        kind: AccountKind::Page,
        handle: "brevenne-habitat".into(),
        network_id: NetworkId::parse("2414183").unwrap(),
        name: "Brévenne Habitat".into(),
        territory: None,
    }
}

fn comment_of(json: &str, parent: Option<&str>) -> Comment {
    let c: ApiComment = serde_json::from_str(json).unwrap();
    let post = post_key("urn:li:share:1").unwrap();
    let secret = InstallationSecret::for_demo(1);
    comment(&c, &post, parent, ORG, &page(), &secret).unwrap()
}

#[test]
fn a_member_is_a_pseudonym_shown_as_membre_linkedin() {
    let c = comment_of(
        r#"{"id":"42","commentUrn":"urn:li:comment:(urn:li:activity:9,42)",
            "object":"urn:li:activity:9","actor":"urn:li:person:AbC-12",
            "created":{"actor":"urn:li:person:AbC-12","time":1772704800000},
            "message":{"text":"Le hall est sale \\(encore\\)"}}"#,
        None,
    );
    let CommentAuthor::Person {
        pseudonym,
        display_name,
    } = &c.author
    else {
        panic!("a person")
    };
    assert_eq!(display_name.as_deref(), Some(LINKEDIN_MEMBER));
    assert!(!pseudonym.to_string().contains("AbC"));
    assert_eq!(c.text, "Le hall est sale (encore)");
    assert_eq!(c.created_at.rfc3339(), "2026-03-05T10:00:00Z");
    assert_eq!(
        c.key.network_id.as_str(),
        "urn:li:comment:(urn:li:activity:9,42)"
    );
}

#[test]
fn the_organizations_comment_is_the_landlords_reply_to_its_parent() {
    let c = comment_of(
        r#"{"id":"43","object":"urn:li:activity:9","actor":"urn:li:organization:2414183",
            "agent":"urn:li:person:Zz","created":{"time":1772704800000},
            "message":{"text":"Merci"}}"#,
        Some("urn:li:comment:(urn:li:activity:9,42)"),
    );
    assert!(c.is_landlord_reply());
    assert_eq!(
        c.key.network_id.as_str(),
        "urn:li:comment:(urn:li:activity:9,43)",
        "made of object and id"
    );
    assert_eq!(
        c.parent.unwrap().network_id.as_str(),
        "urn:li:comment:(urn:li:activity:9,42)"
    );
}

#[test]
fn replies_are_read_unless_the_summary_says_there_are_none() {
    let of = |summary: &str| {
        let json = format!(r#"{{"actor":"urn:li:person:a"{summary}}}"#);
        serde_json::from_str::<ApiComment>(&json)
            .unwrap()
            .may_have_replies()
    };
    assert!(of(""));
    assert!(of(r#","commentsSummary":{"aggregatedTotalComments":2}"#));
    assert!(!of(r#","commentsSummary":{"aggregatedTotalComments":0}"#));
    assert!(!of(r#","commentsSummary":{"totalFirstLevelComments":0}"#));
}

#[test]
fn a_created_reply_is_keyed_as_the_sync_reads_it() {
    let parent = "urn:li:comment:(urn:li:activity:9,42)";
    for id in [
        "77",
        "urn:li:comment:(urn:li:activity:9,77)",
        "urn%3Ali%3Acomment%3A%28urn%3Ali%3Aactivity%3A9%2C77%29",
    ] {
        assert_eq!(
            reply_key(id, parent).unwrap().network_id.as_str(),
            "urn:li:comment:(urn:li:activity:9,77)",
            "{id}"
        );
    }
    assert!(reply_key("", parent).is_err());
    assert!(reply_key("77", "urn:li:share:1").is_err());
}

#[test]
fn only_published_posts_are_kept_with_their_urn_and_media() {
    let of = |json: &str| post(&serde_json::from_str(json).unwrap(), &page()).unwrap();
    let p = of(r#"{"id":"urn:li:ugcPost:7","commentary":"Fête {hashtag|\\#|voisins} avec @[Ville](urn:li:organization:5)",
                 "lifecycleState":"PUBLISHED","publishedAt":1772704800000,"lastModifiedAt":1772704900000,
                 "content":{"media":{"id":"urn:li:video:C4"}}}"#)
    .unwrap();
    assert_eq!(p.key.network_id.as_str(), "urn:li:ugcPost:7");
    assert_eq!(p.text, "Fête #voisins avec @Ville");
    assert_eq!(p.media, MediaType::Video);
    assert_eq!(
        p.permalink.as_deref(),
        Some("https://www.linkedin.com/feed/update/urn:li:ugcPost:7/")
    );
    assert!(of(r#"{"id":"urn:li:share:8","lifecycleState":"DELETED","publishedAt":1}"#).is_none());
    assert!(
        post(
            &serde_json::from_str(r#"{"id":"urn:li:share:9","lifecycleState":"PUBLISHED"}"#)
                .unwrap(),
            &page()
        )
        .is_err()
    );
}

#[test]
fn statistics_keep_linkedins_field_names() {
    let data: Vec<ShareStatistics> = serde_json::from_str(
        r#"[{"organizationalEntity":"urn:li:organization:2414183","share":"urn:li:share:1",
             "totalShareStatistics":{"impressionCount":120,"uniqueImpressionsCount":80,
               "clickCount":4,"likeCount":9,"commentCount":2,"shareCount":1,"engagement":0.13}},
            {"organizationalEntity":"urn:li:organization:2414183","ugcPost":"urn:li:ugcPost:2",
             "totalShareStatistics":{"impressionCount":10}}]"#,
    )
    .unwrap();
    let at = Timestamp::from_unix(0).unwrap();
    let got: Vec<_> = statistics(&data, at, "202601")
        .iter()
        .map(|m| {
            (
                m.post.network_id.to_string(),
                m.metric,
                m.value,
                m.source.origin.clone(),
            )
        })
        .collect();
    let share = |metric, value: f64, field: &str| {
        (
            "urn:li:share:1".to_string(),
            metric,
            value,
            format!("linkedin_api:{field}"),
        )
    };
    assert_eq!(
        got,
        [
            share(Metric::Impressions, 120.0, "impressionCount"),
            share(Metric::Reach, 80.0, "uniqueImpressionsCount"),
            share(Metric::Clicks, 4.0, "clickCount"),
            share(Metric::Reactions, 9.0, "likeCount"),
            share(Metric::Comments, 2.0, "commentCount"),
            share(Metric::Shares, 1.0, "shareCount"),
            (
                "urn:li:ugcPost:2".to_string(),
                Metric::Impressions,
                10.0,
                "linkedin_api:impressionCount".to_string()
            ),
        ]
    );
}

#[test]
fn pages_follow_the_next_link_else_start_and_count() {
    let paging = |json: &str| serde_json::from_str::<Paging>(json).unwrap();
    let linked =
        paging(r#"{"start":0,"count":2,"links":[{"rel":"next","href":"/rest/posts?start=2"}]}"#);
    assert_eq!(
        next_page(Some(&linked), 2),
        Next::Link("/rest/posts?start=2".into())
    );
    let counted = paging(r#"{"start":0,"count":2,"total":3}"#);
    assert_eq!(next_page(Some(&counted), 2), Next::Start(2));
    let last = paging(r#"{"start":2,"count":2,"total":3}"#);
    assert_eq!(next_page(Some(&last), 1), Next::End);
    assert_eq!(next_page(None, 3), Next::Start(3));
    assert_eq!(next_page(None, 0), Next::End);
}

#[test]
fn an_organization_is_its_numeric_id_or_urn() {
    assert_eq!(
        organization("2414183").as_deref(),
        Some("urn:li:organization:2414183")
    );
    assert_eq!(
        organization("urn:li:organization:2414183").as_deref(),
        Some(ORG)
    );
    assert_eq!(organization("brevenne-habitat"), None);
    assert_eq!(organization(""), None);
}
