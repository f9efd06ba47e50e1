//! Tests of the Meta post exports: inline tables, then the fixtures of
//! `testdata/meta/` through the public API.

use relais_core::{MediaType, Metric, Network};

use super::fields::media_of;
use crate::{ErrorKind, Format, ImportError, Parsed};

fn parse(name: &str, bytes: &[u8]) -> Parsed {
    crate::parse(name, bytes, &crate::Options::default()).unwrap_or_else(|e| panic!("{e}"))
}

fn refuse(bytes: &[u8]) -> ImportError {
    crate::parse("posts.csv", bytes, &crate::Options::default())
        .expect_err("the file should be refused")
}

/// A metric of post `post`: its id in the export (a Facebook post's is
/// kept as `<page id>_<post id>`, like the Graph API's).
fn metric(p: &Parsed, post: &str, m: Metric) -> Option<f64> {
    let joined = format!("_{post}");
    p.post_metrics
        .iter()
        .find(|x| (x.post_id == post || x.post_id.ends_with(&joined)) && x.metric == m)
        .map(|x| x.value)
}

fn media(p: &Parsed) -> Vec<MediaType> {
    p.posts.iter().map(|x| x.media).collect()
}

const FB_HEAD: &str =
    "Post ID,Page ID,Page name,Title,Publish time,Post type,Date,Views,Reach,Reactions\n";

#[test]
fn post_types_in_both_languages_and_both_networks() {
    for (raw, want) in [
        ("Photos", Some(MediaType::Photo)),
        ("Vidéos", Some(MediaType::Video)),
        ("Videos", Some(MediaType::Video)),
        ("Reels", Some(MediaType::Reel)),
        ("Liens", Some(MediaType::Link)),
        ("Links", Some(MediaType::Link)),
        ("Text", Some(MediaType::Text)),
        ("Statut", Some(MediaType::Text)),
        ("Texte", Some(MediaType::Text)),
        ("IG image", Some(MediaType::Photo)),
        ("IG carousel", Some(MediaType::Carousel)),
        ("IG reel", Some(MediaType::Reel)),
        ("IG story", Some(MediaType::Story)),
        ("Live", None),
        ("", None),
    ] {
        assert_eq!(media_of(raw), want, "{raw}");
    }
}

#[test]
fn unreadable_cells_refuse_the_file_naming_line_and_column() {
    for (row, line, column) in [
        (
            "1,9,P,t,08/01/2025 10:00,Photos,Lifetime,douze,1,1\n",
            2,
            "Views",
        ),
        (
            "1,9,P,t,08/01/2025 10:00,Photos,Lifetime,1,-4,1\n",
            2,
            "Reach",
        ),
        (
            "1,9,P,t,13/01/2025 10:00,Photos,Lifetime,1,1,1\n",
            2,
            "Publish time",
        ),
        ("1,9,P,t,,Photos,Lifetime,1,1,1\n", 2, "Publish time"),
        (
            ",9,P,t,08/01/2025 10:00,Photos,Lifetime,1,1,1\n",
            2,
            "Post ID",
        ),
        (
            "1,9.1E+14,P,t,08/01/2025 10:00,Photos,Lifetime,1,1,1\n",
            2,
            "Page ID",
        ),
    ] {
        let e = refuse(format!("{FB_HEAD}{row}").as_bytes());
        assert_eq!(
            (e.line, e.column.as_deref()),
            (Some(line), Some(column)),
            "{row}: {e}"
        );
    }
}

#[test]
fn a_file_without_publish_time_is_refused_at_its_header() {
    let e = refuse(b"Post ID,Page ID,Reach\n1,2,3\n");
    assert!(
        matches!(e.kind, ErrorKind::MissingColumn { ref expected } if expected.contains("Publish time")),
        "{e}"
    );
    assert_eq!((e.line, e.column), (Some(1), None));
}

#[test]
fn a_header_alone_is_refused() {
    let e = refuse(FB_HEAD.as_bytes());
    assert_eq!((e.kind, e.line, e.column), (ErrorKind::NoRows, None, None));
}

#[test]
fn not_reported_figures_give_no_metric_and_junk_rows_are_counted() {
    let p = parse(
        "posts.csv",
        format!("{FB_HEAD}1,9,P,t,08/01/2025 10:00,Photos,Lifetime,-,,0\n,,,,,,Lifetime,0,0,0\n")
            .as_bytes(),
    );
    assert_eq!((p.rows, p.skipped, p.posts.len()), (2, 1, 1));
    assert_eq!(metric(&p, "1", Metric::Views), None);
    assert_eq!(metric(&p, "1", Metric::Reach), None);
    assert_eq!(metric(&p, "1", Metric::Reactions), Some(0.0));
}

#[test]
fn rows_of_several_pages_leave_the_file_account_empty() {
    let p = parse(
        "posts.csv",
        format!("{FB_HEAD}1,9,P,t,08/01/2025 10:00,Photos,Lifetime,1,1,1\n2,8,Q,t,08/01/2025 10:00,Photos,Lifetime,1,1,1\n").as_bytes(),
    );
    assert!(p.account.is_empty());
    assert_eq!(p.posts[1].account.network_id.as_deref(), Some("8"));
}

#[test]
fn short_and_ragged_rows_do_not_panic() {
    for text in [
        "Post ID,Page ID,Publish time\n1\n",
        "Post ID,Page ID,Publish time\n,,\n\"\"\n",
        "Post ID,Account ID,Publish time,Likes\n1,2,08/01/2025 10:00,3,4,5,6\n",
    ] {
        let _ = crate::parse("posts.csv", text.as_bytes(), &crate::Options::default());
    }
}

#[test]
fn facebook_posts_in_english_map_every_column() {
    let p = parse(
        "Aug-01-2025_Aug-31-2025_1039829308656930.csv",
        include_bytes!("../../testdata/meta/fb_posts_en.csv"),
    );
    assert_eq!(
        (p.format, p.network, p.encoding),
        (Format::MetaFacebookPosts, Network::Facebook, "UTF-8 (BOM)")
    );
    assert_eq!((p.rows, p.skipped, p.posts.len()), (5, 1, 4));
    assert!(p.warnings.is_empty(), "{:?}", p.warnings);
    assert_eq!(p.account.network_id.as_deref(), Some("1039829308656930"));
    assert_eq!(p.account.name.as_deref(), Some("Habitat Solidaire"));
    let first = &p.posts[0];
    // Joined to its Page's id as the Graph API names it.
    assert_eq!(
        (first.line, first.network_id.as_str()),
        (2, "1039829308656930_1221580000000001")
    );
    assert!(
        first.text.contains(":\nle chantier démarre lundi.\n"),
        "{}",
        first.text
    );
    assert_eq!(first.published_at.rfc3339(), "2025-08-01T08:30:00Z");
    // The caption spans lines 2 to 4.
    assert_eq!(p.posts[1].line, 5);
    // A Reel labelled `Videos`, a link post whose caption is in Description.
    assert_eq!(
        media(&p),
        vec![
            MediaType::Photo,
            MediaType::Reel,
            MediaType::Link,
            MediaType::Text
        ]
    );
    assert_eq!(
        p.posts[2].text,
        "Résultats de l'enquête de satisfaction 2025"
    );
    for (m, want) in [
        (Metric::Views, 15000.0),
        (Metric::Reach, 9800.0),
        (Metric::Reactions, 380.0),
        (Metric::Comments, 24.0),
        (Metric::Shares, 8.0),
        (Metric::Clicks, 310.0),
    ] {
        assert_eq!(metric(&p, "1221580000000001", m), Some(want), "{m}");
    }
    assert_eq!(
        metric(&p, "1221580000000002", Metric::VideoViews),
        Some(2100.0)
    );
    assert_eq!(
        metric(&p, "1221580000000003", Metric::LinkClicks),
        Some(64.0)
    );
    assert_eq!(metric(&p, "1221580000000004", Metric::Views), None);
    // 6 + 7 + 7 + 4 figures; the engagement total is known, not stored.
    assert_eq!(p.post_metrics.len(), 24);
    assert!(
        p.post_metrics
            .iter()
            .all(|m| m.metric != Metric::Engagements)
    );
}

#[test]
fn facebook_posts_in_french_map_every_column() {
    let p = parse(
        "publications.csv",
        include_bytes!("../../testdata/meta/fb_posts_fr.csv"),
    );
    assert_eq!(
        (p.format, p.rows, p.posts.len()),
        (Format::MetaFacebookPosts, 4, 4)
    );
    assert!(p.warnings.is_empty(), "{:?}", p.warnings);
    assert_eq!(
        media(&p),
        vec![
            MediaType::Photo,
            MediaType::Reel,
            MediaType::Link,
            MediaType::Text
        ]
    );
    assert_eq!(p.posts[0].published_at.rfc3339(), "2025-06-02T15:00:00Z");
    assert_eq!(p.posts[2].text, "Comment payer son loyer en ligne");
    assert_eq!(metric(&p, "1221580000000011", Metric::Views), Some(2340.0));
    assert_eq!(metric(&p, "1221580000000011", Metric::Reach), Some(1800.0));
    assert_eq!(
        metric(&p, "1221580000000012", Metric::VideoViews),
        Some(870.0)
    );
    assert_eq!(
        metric(&p, "1221580000000013", Metric::LinkClicks),
        Some(31.0)
    );
    assert_eq!(metric(&p, "1221580000000014", Metric::Comments), Some(27.0));
}

#[test]
fn a_bilingual_facebook_file_takes_each_column_where_it_is_filled() {
    let p = parse(
        "bilingue.csv",
        include_bytes!("../../testdata/meta/fb_posts_bilingual.csv"),
    );
    assert!(p.warnings.is_empty(), "{:?}", p.warnings);
    assert_eq!(
        media(&p),
        vec![MediaType::Photo, MediaType::Reel, MediaType::Link]
    );
    assert!(p.posts.iter().all(|x| x.permalink.is_some()));
    assert_eq!(metric(&p, "1221580000000021", Metric::Views), Some(800.0));
    assert_eq!(metric(&p, "1221580000000022", Metric::Views), Some(1200.0));
    assert_eq!(metric(&p, "1221580000000022", Metric::Reach), Some(950.0));
}

#[test]
fn a_spreadsheet_mangled_post_id_refuses_the_file_at_its_line_and_column() {
    let e = crate::parse(
        "posts.csv",
        include_bytes!("../../testdata/meta/fb_posts_mangled_id.csv"),
        &crate::Options::default(),
    )
    .unwrap_err();
    assert!(matches!(e.kind, ErrorKind::MangledId { .. }), "{e}");
    assert_eq!((e.line, e.column.as_deref()), (Some(3), Some("Post ID")));
    assert!(e.message_fr().contains("tableur"));
}

#[test]
fn a_column_subset_in_another_order_is_read_by_name() {
    let p = parse(
        "posts.csv",
        include_bytes!("../../testdata/meta/fb_posts_subset_reordered.csv"),
    );
    assert_eq!(p.posts.len(), 2);
    assert_eq!(metric(&p, "1221580000000041", Metric::Reach), Some(420.0));
    assert_eq!(metric(&p, "1221580000000041", Metric::Comments), Some(3.0));
    assert_eq!(metric(&p, "1221580000000042", Metric::Comments), None);
    assert_eq!(
        metric(&p, "1221580000000042", Metric::Reactions),
        Some(25.0)
    );
    assert_eq!(p.account.name.as_deref(), Some("Habitat Solidaire"));
    assert_eq!(p.warnings.len(), 1);
    assert!(
        p.warnings[0].en.contains("Audience score"),
        "{:?}",
        p.warnings
    );
}

#[test]
fn instagram_posts_in_english_fold_the_styled_account_name() {
    let p = parse(
        "instagram.csv",
        include_bytes!("../../testdata/meta/ig_posts_en.csv"),
    );
    assert_eq!(
        (p.format, p.network),
        (Format::MetaInstagramPosts, Network::Instagram)
    );
    assert!(p.warnings.is_empty(), "{:?}", p.warnings);
    assert_eq!(p.account.name.as_deref(), Some("Habitat Solidaire"));
    assert_eq!(p.account.handle.as_deref(), Some("habitat.solidaire"));
    assert_eq!(p.account.network_id.as_deref(), Some("17841400000000001"));
    assert_eq!(
        media(&p),
        vec![MediaType::Photo, MediaType::Carousel, MediaType::Reel]
    );
    assert!(p.posts[0].text.ends_with("🌻\n#jardin #quartier"));
    let reel = "17890000000000003";
    for (m, want) in [
        (Metric::Views, 12500.0),
        (Metric::Reach, 8800.0),
        (Metric::Reactions, 610.0),
        (Metric::Shares, 95.0),
        (Metric::Comments, 40.0),
        (Metric::Saves, 77.0),
        (Metric::FollowsGained, 22.0),
    ] {
        assert_eq!(metric(&p, reel, m), Some(want), "{m}");
    }
}

#[test]
fn instagram_posts_in_french_read_a_curly_apostrophe() {
    let p = parse(
        "instagram.csv",
        include_bytes!("../../testdata/meta/ig_posts_fr.csv"),
    );
    assert!(p.warnings.is_empty(), "{:?}", p.warnings);
    assert_eq!(media(&p), vec![MediaType::Photo, MediaType::Reel]);
    assert_eq!(
        metric(&p, "17890000000000011", Metric::Reactions),
        Some(95.0)
    );
    assert_eq!(metric(&p, "17890000000000011", Metric::Reach), Some(1300.0));
    assert_eq!(
        metric(&p, "17890000000000012", Metric::FollowsGained),
        Some(9.0)
    );
    assert_eq!(metric(&p, "17890000000000012", Metric::Saves), Some(52.0));
}

#[test]
fn instagram_stories_map_visits_replies_and_link_clicks() {
    let p = parse(
        "stories.csv",
        include_bytes!("../../testdata/meta/ig_stories_en.csv"),
    );
    assert!(p.warnings.is_empty(), "{:?}", p.warnings);
    assert_eq!(media(&p), vec![MediaType::Story, MediaType::Story]);
    let s = "17900000000000001";
    assert_eq!(metric(&p, s, Metric::ProfileVisits), Some(6.0));
    assert_eq!(metric(&p, s, Metric::Comments), Some(2.0));
    assert_eq!(metric(&p, s, Metric::LinkClicks), Some(14.0));
    assert_eq!(metric(&p, "17900000000000002", Metric::Comments), None);
    assert_eq!(
        metric(&p, "17900000000000002", Metric::FollowsGained),
        Some(1.0)
    );
}

#[test]
fn instagram_stories_in_french_read_a_mojibake_header() {
    let p = parse(
        "stories.csv",
        include_bytes!("../../testdata/meta/ig_stories_fr.csv"),
    );
    assert!(p.warnings.is_empty(), "{:?}", p.warnings);
    let s = "17900000000000011";
    assert_eq!(metric(&p, s, Metric::Comments), Some(3.0));
    assert_eq!(metric(&p, s, Metric::ProfileVisits), Some(4.0));
    assert_eq!(metric(&p, s, Metric::LinkClicks), Some(9.0));
}

mod never_panic {
    use proptest::prelude::*;

    const HEADS: [&str; 5] = [
        super::FB_HEAD,
        "Post ID,Account ID,Publish time,Likes,Post type\n",
        "Post ID,Posted,Lifetime Post Total Reach,Lifetime Post Total Reach\n",
        "sep=,\n\"Facebook follows\"\n\"Date\",\"Primary\"\n",
        "sep=,\n\"Top cities\"\n\"City\",\"Value\"\n",
    ];

    proptest! {
        #[test]
        fn no_body_makes_the_meta_parsers_panic(head in 0usize..5, body in "[0-9a-zA-Z,\"\n/:. _E+-]{0,200}") {
            let text = format!("{}{body}", HEADS[head]);
            let _ = crate::parse("meta.csv", text.as_bytes(), &crate::Options::default());
        }
    }
}
