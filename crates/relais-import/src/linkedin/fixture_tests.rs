//! The workbooks of `testdata/linkedin/` (written by its `make_fixtures.py`)
//! through the public API, as a user's file would go.

use relais_core::{AccountMetric, MediaType, Metric, Network};

use crate::{ErrorKind, Format, Options, Parsed};

macro_rules! fixture {
    ($name:literal) => {
        crate::parse(
            $name,
            include_bytes!(concat!("../../testdata/linkedin/", $name)),
            &Options::default(),
        )
    };
}

const P1: &str = "urn:li:activity:7302617550028973553";
const P2: &str = "urn:li:share:7303414593618093553";
const P3: &str = "urn:li:ugcPost:7304769227980973553";
const P4: &str = "urn:li:activity:7305626124288173553";

fn figure(p: &Parsed, post: &str, metric: Metric) -> Option<f64> {
    p.post_metrics
        .iter()
        .find(|m| m.post_id == post && m.metric == metric)
        .map(|m| m.value)
}

fn daily(p: &Parsed, day: &str, metric: AccountMetric) -> Option<f64> {
    p.daily
        .iter()
        .find(|d| d.day.to_string() == day && d.metric == metric)
        .map(|d| d.value)
}

/// What content.xls holds, whatever the vocabulary or the file type.
fn assert_content(p: &Parsed) {
    assert_eq!(
        (p.format, p.network),
        (Format::LinkedinContent, Network::Linkedin)
    );
    let ids: Vec<&str> = p.posts.iter().map(|x| x.network_id.as_str()).collect();
    assert_eq!(ids, vec![P1, P2, P3, P4]);
    let media: Vec<MediaType> = p.posts.iter().map(|x| x.media).collect();
    assert_eq!(
        media,
        vec![
            MediaType::Photo,
            MediaType::Video,
            MediaType::Carousel,
            MediaType::Link
        ]
    );
    let times: Vec<String> = p.posts.iter().map(|x| x.published_at.rfc3339()).collect();
    assert_eq!(
        times[1..],
        [
            "2025-03-06T14:02:10Z",
            "2025-03-10T07:45:00Z",
            "2025-03-12T16:30:00Z"
        ]
    );
    assert!(
        p.posts[0]
            .text
            .contains("d’isolation démarrent lundi.\nRéunion")
    );
    assert_eq!(
        p.posts[2].permalink.as_deref(),
        Some("https://www.linkedin.com/feed/update/urn%3Ali%3AugcPost%3A7304769227980973553")
    );
    // Views `-` on P1 and empty on P3: not reported, so not stored.
    assert_eq!(figure(p, P1, Metric::Views), None);
    assert_eq!(figure(p, P2, Metric::Views), Some(964.0));
    assert_eq!(figure(p, P1, Metric::Impressions), Some(1523.0));
    assert_eq!(figure(p, P2, Metric::Reactions), Some(58.0));
    assert_eq!(figure(p, P2, Metric::Shares), Some(7.0));
    assert_eq!(figure(p, P4, Metric::Clicks), Some(1204.0));
    assert_eq!(figure(p, P4, Metric::FollowsGained), Some(11.0));
    assert_eq!(figure(p, P3, Metric::Shares), Some(0.0));
    assert_eq!(p.post_metrics.len(), 6 + 7 + 6 + 6);
    assert_eq!(p.account.handle.as_deref(), Some("brevenne-habitat"));
    assert_eq!(
        p.posts[3].account.handle.as_deref(),
        Some("brevenne-habitat")
    );
    // Metrics: five days, six totals each, but no shares figure on the last.
    assert_eq!(p.daily.len(), 5 * 6 - 1);
    assert_eq!(
        daily(p, "2025-03-13", AccountMetric::Impressions),
        Some(471.0)
    );
    assert_eq!(
        daily(p, "2025-03-13", AccountMetric::UniqueImpressions),
        Some(243.0)
    );
    assert_eq!(daily(p, "2025-03-13", AccountMetric::Clicks), Some(18.0));
    assert_eq!(daily(p, "2025-03-13", AccountMetric::Reactions), Some(13.0));
    assert_eq!(daily(p, "2025-03-10", AccountMetric::Shares), Some(1.0));
    assert_eq!(daily(p, "2025-03-14", AccountMetric::Shares), None);
    assert_eq!((p.rows, p.skipped), (10, 1));
}

#[test]
fn linkedin_content_xls_maps_both_sheets() {
    let p = fixture!("content.xls").unwrap();
    assert_content(&p);
    assert_eq!(p.posts[0].published_at.rfc3339(), "2025-03-04T09:15:00Z");
    assert!(p.warnings.is_empty(), "{:?}", p.warnings);
    assert_eq!(p.encoding, "workbook");
}

#[test]
fn linkedin_content_xlsx_with_reordered_columns_and_a_subset_maps_the_same() {
    let p = fixture!("content.xlsx").unwrap();
    assert_content(&p);
    assert_eq!(p.warnings.len(), 1, "{:?}", p.warnings);
    assert!(p.warnings[0].en.contains("Boosted") && p.warnings[0].en.contains("All posts"));
}

#[test]
fn linkedin_content_in_the_older_vocabulary_reads_shares_and_text_dates() {
    let p = fixture!("content_old.xls").unwrap();
    assert!(p.warnings.is_empty(), "{:?}", p.warnings);
    // P1's link was replaced by an id without a time: noon of its day, Paris.
    assert_eq!(p.posts[0].network_id, "urn:li:share:6012345");
    assert_eq!(p.posts[0].published_at.rfc3339(), "2025-03-04T11:00:00Z");
    assert_eq!(figure(&p, P2, Metric::Shares), Some(7.0));
    assert_eq!(daily(&p, "2025-03-10", AccountMetric::Shares), Some(1.0));
    assert_eq!(p.daily.len(), 29);
}

#[test]
fn linkedin_content_with_its_header_on_row_3_is_read() {
    let p = fixture!("content_header_row3.xlsx").unwrap();
    assert_eq!(p.posts.len(), 1);
    assert_eq!(p.posts[0].line, 4);
    assert_eq!(p.daily.iter().map(|d| d.line).min(), Some(4));
    assert_eq!(p.rows, 3);
}

#[test]
fn linkedin_content_with_guessed_french_headers_maps_every_column() {
    let p = fixture!("content_fr_headers.xlsx").unwrap();
    assert!(p.warnings.is_empty(), "{:?}", p.warnings);
    assert_content(&p);
}

#[test]
fn linkedin_followers_store_daily_new_followers_and_skip_the_breakdowns() {
    let p = fixture!("followers.xls").unwrap();
    assert_eq!(p.format, Format::LinkedinFollowers);
    let got: Vec<(String, f64)> = p
        .daily
        .iter()
        .map(|d| (d.day.to_string(), d.value))
        .collect();
    let want = [
        ("2025-03-10", 3.0),
        ("2025-03-11", 5.0),
        ("2025-03-12", 6.0),
        ("2025-03-13", 7.0),
    ];
    assert_eq!(got, want.map(|(d, v)| (d.to_string(), v)));
    assert!(
        p.daily
            .iter()
            .all(|d| d.metric == AccountMetric::NewFollowers)
    );
    assert_eq!(p.warnings.len(), 1);
    assert!(
        p.warnings[0]
            .en
            .contains("Location, Job function, Seniority, Industry, Company size")
    );
}

#[test]
fn linkedin_visitors_store_total_page_views_and_unique_visitors() {
    let p = fixture!("visitors.xlsx").unwrap();
    assert_eq!(p.format, Format::LinkedinVisitors);
    assert_eq!(p.daily.len(), 6);
    assert_eq!(
        daily(&p, "2025-03-10", AccountMetric::PageViews),
        Some(51.0)
    );
    assert_eq!(
        daily(&p, "2025-03-12", AccountMetric::PageViews),
        Some(57.0)
    );
    assert_eq!(
        daily(&p, "2025-03-11", AccountMetric::UniqueVisitors),
        Some(39.0)
    );
    assert_eq!(p.warnings.len(), 1, "{:?}", p.warnings);
    assert!(p.warnings[0].fr.starts_with("feuilles ignorées"));
}

#[test]
fn linkedin_content_with_a_bad_number_is_refused_naming_sheet_line_and_column() {
    let e = fixture!("content_bad_number.xls").unwrap_err();
    assert!(
        matches!(e.kind, ErrorKind::BadValue { ref value, .. } if value == "douze"),
        "{e}"
    );
    assert_eq!(
        (e.sheet.as_deref(), e.line, e.column.as_deref()),
        (Some("All posts"), Some(5), Some("Impressions"))
    );
    assert!(e.message_fr().starts_with(
        "content_bad_number.xls, feuille « All posts », ligne 5, colonne « Impressions »"
    ));
}
