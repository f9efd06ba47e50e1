//! Tests of the legacy Facebook Insights export: inline tables, then the
//! fixture of `testdata/meta/` through the public API.

use relais_core::{MediaType, Metric, Network};

use crate::{ErrorKind, Format, ImportError, Parsed};

fn parse(bytes: &[u8]) -> Parsed {
    crate::parse(
        "Facebook Insights Data Export (Post Level).csv",
        bytes,
        &crate::Options::default(),
    )
    .unwrap_or_else(|e| panic!("{e}"))
}

fn refuse(bytes: &[u8]) -> ImportError {
    crate::parse("insights.csv", bytes, &crate::Options::default())
        .expect_err("the file should be refused")
}

fn metric(p: &Parsed, post: &str, m: Metric) -> Option<f64> {
    p.post_metrics
        .iter()
        .find(|x| x.post_id == post && x.metric == m)
        .map(|x| x.value)
}

const HEAD: &str =
    "Post ID,Post Message,Type,Posted,Lifetime Post Total Reach,Lifetime Engaged Users\n";

#[test]
fn a_repeated_name_is_read_at_its_position_in_the_group() {
    let text = "Post ID,Posted,Lifetime Post Total Reach,Lifetime Post Total Reach\n9_1,01/19/2017 09:03:47 AM,,7\n9_2,01/19/2017 09:03:47 AM,5,4\n";
    let p = parse(text.as_bytes());
    // The second column of the group is a unique count: never a stand-in.
    assert_eq!(metric(&p, "9_1", Metric::Reach), None);
    assert_eq!(metric(&p, "9_2", Metric::Reach), Some(5.0));
}

#[test]
fn a_file_without_a_description_row_reads_its_second_row() {
    let p = parse(format!("{HEAD}9_1,Bonjour,Photo,01/19/2017 09:03:47 AM,12,3\n").as_bytes());
    assert_eq!((p.rows, p.posts.len()), (1, 1));
    assert_eq!(metric(&p, "9_1", Metric::Reach), Some(12.0));
    assert_eq!(
        p.post_metrics.len(),
        1,
        "engaged users are people, not stored"
    );
}

#[test]
fn unreadable_cells_refuse_the_file_naming_line_and_column() {
    for (row, column) in [
        ("9_1,m,Photo,19/01/2017 09:03,12,3\n", "Posted"),
        ("9_1,m,Photo,,12,3\n", "Posted"),
        (
            "9_1,m,Photo,01/19/2017 09:03:47 AM,douze,3\n",
            "Lifetime Post Total Reach",
        ),
        (",m,Photo,01/19/2017 09:03:47 AM,12,3\n", "Post ID"),
        ("9.1E+14,m,Photo,01/19/2017 09:03:47 AM,12,3\n", "Post ID"),
    ] {
        let e = refuse(format!("{HEAD}{row}").as_bytes());
        assert_eq!(
            (e.line, e.column.as_deref()),
            (Some(2), Some(column)),
            "{row}: {e}"
        );
    }
}

#[test]
fn a_file_without_posted_is_refused_at_its_header() {
    let e = refuse(b"Post ID,Lifetime Post Total Reach\n9_1,3\n");
    assert!(
        matches!(e.kind, ErrorKind::MissingColumn { ref expected } if expected.contains("Posted")),
        "{e}"
    );
    assert_eq!((e.line, e.column), (Some(1), None));
}

#[test]
fn unknown_post_types_are_read_as_text_with_one_warning() {
    let p = parse(
        format!(
            "{HEAD}9_1,m,Event,01/19/2017 09:03:47 AM,1,1\n9_2,m,Event,01/19/2017 09:03:47 AM,1,1\n"
        )
        .as_bytes(),
    );
    assert_eq!(p.posts[0].media, MediaType::Text);
    assert_eq!(p.warnings.len(), 1);
    assert!(p.warnings[0].en.contains("Event"));
}

#[test]
fn the_legacy_insights_export_maps_its_two_header_rows_and_duplicate_names() {
    let p = parse(include_bytes!("../../testdata/meta/legacy_insights.csv"));
    assert_eq!(
        (p.format, p.network),
        (Format::LegacyFacebookInsights, Network::Facebook)
    );
    assert!(p.warnings.is_empty(), "{:?}", p.warnings);
    assert_eq!((p.rows, p.skipped, p.posts.len()), (4, 1, 3));
    assert_eq!(p.account.network_id.as_deref(), Some("180000000000001"));
    let first = &p.posts[0];
    assert_eq!(
        (first.line, first.network_id.as_str()),
        (3, "180000000000001_1290000000000001")
    );
    assert_eq!(first.published_at.rfc3339(), "2017-01-19T08:03:47Z");
    assert!(
        first
            .text
            .starts_with("Assemblée générale des locataires\njeudi"),
        "{}",
        first.text
    );
    assert_eq!(p.posts[1].line, 5);
    assert_eq!(p.posts[1].published_at.rfc3339(), "2017-02-03T16:30:00Z");
    let media: Vec<MediaType> = p.posts.iter().map(|x| x.media).collect();
    assert_eq!(
        media,
        vec![MediaType::Photo, MediaType::Video, MediaType::Text]
    );
    let one = "180000000000001_1290000000000001";
    for (m, want) in [
        (Metric::Reach, 1520.0),
        (Metric::Impressions, 2890.0),
        (Metric::Comments, 8.0),
        (Metric::Reactions, 95.0),
        (Metric::Shares, 6.0),
        (Metric::Clicks, 260.0),
        (Metric::LinkClicks, 24.0),
    ] {
        assert_eq!(metric(&p, one, m), Some(want), "{m}");
    }
    // Talking About This is empty on the third post: the stories stand in.
    let three = "180000000000001_1290000000000003";
    assert_eq!(metric(&p, three, Metric::Reactions), Some(38.0));
    assert_eq!(metric(&p, three, Metric::Comments), Some(4.0));
    assert_eq!(metric(&p, three, Metric::LinkClicks), None);
    assert!(
        p.post_metrics.iter().all(|m| m.metric != Metric::Views),
        "impressions are never views"
    );
}
