//! The X fixtures of `testdata/x/` read through the public API, as a
//! landlord's file would be (see `testdata/x/README.md`).

use chrono::NaiveDate;
use relais_core::{AccountMetric, MediaType, Metric};

use crate::{ErrorKind, Format, Options, Parsed, parse};

fn read(name: &str, bytes: &[u8]) -> Parsed {
    parse(name, bytes, &Options::default()).unwrap_or_else(|e| panic!("{}", e.message_en()))
}

fn metrics(p: &Parsed, post: &str) -> Vec<(Metric, f64)> {
    p.post_metrics
        .iter()
        .filter(|m| m.post_id == post)
        .map(|m| (m.metric, m.value))
        .collect()
}

fn day(p: &Parsed, d: NaiveDate, metric: AccountMetric) -> Option<f64> {
    p.daily
        .iter()
        .find(|r| r.day == d && r.metric == metric)
        .map(|r| r.value)
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

#[test]
fn legacy_tweet_activity_in_english_keeps_organic_figures_only() {
    let name = "tweet_activity_metrics_HabitatDuVal_20210201_20210301_en.csv";
    let p = read(
        name,
        include_bytes!(
            "../../testdata/x/tweet_activity_metrics_HabitatDuVal_20210201_20210301_en.csv"
        ),
    );
    assert_eq!(
        (p.format, p.rows, p.skipped, p.posts.len()),
        (Format::XTweetActivity, 3, 0, 3)
    );
    assert_eq!(p.account.handle.as_deref(), Some("HabitatDuVal"));
    let first = &p.posts[0];
    assert_eq!(
        (first.line, first.network_id.as_str()),
        (2, "1365945333175199171")
    );
    assert_eq!(first.published_at.rfc3339(), "2021-02-28T08:42:00Z");
    assert_eq!(first.media, MediaType::Link);
    assert_eq!(
        metrics(&p, "1365945333175199171"),
        vec![
            (Metric::Impressions, 1323.0),
            (Metric::Engagements, 41.0),
            (Metric::Shares, 4.0),
            (Metric::Comments, 2.0),
            (Metric::Reactions, 11.0),
            (Metric::LinkClicks, 9.0),
            (Metric::ProfileVisits, 3.0),
            (Metric::FollowsGained, 1.0),
        ]
    );
    // The promoted tweet: a multi-line text, media seen, its 5000 paid
    // impressions left out.
    let promoted = &p.posts[1];
    assert_eq!(promoted.line, 3);
    assert!(
        promoted
            .text
            .contains("\"Le Clos des Vignes\" :\n42 logements")
    );
    assert_eq!(promoted.media, MediaType::Photo);
    assert!(metrics(&p, &promoted.network_id).contains(&(Metric::Impressions, 2750.0)));
    assert!(
        !p.post_metrics
            .iter()
            .any(|m| m.value == 5000.0 || m.metric == Metric::VideoViews)
    );
    assert_eq!(p.posts[2].line, 6);
    assert_eq!(p.posts[2].media, MediaType::Text);
    assert_eq!(p.post_metrics.len(), 24);
    assert_eq!(p.warnings.len(), 1, "{:?}", p.warnings);
    assert_eq!(p.warnings[0].line, Some(3));
    assert!(
        p.warnings[0]
            .en
            .starts_with("1 tweet(s) with promoted figures"),
        "{}",
        p.warnings[0].en
    );
}

#[test]
fn tweets_from_2015_call_likes_favorites() {
    let name = "tweet_activity_metrics_HabitatDuVal_20150301_20150401_en.csv";
    let p = read(
        name,
        include_bytes!(
            "../../testdata/x/tweet_activity_metrics_HabitatDuVal_20150301_20150401_en.csv"
        ),
    );
    assert!(p.warnings.is_empty(), "{:?}", p.warnings);
    assert_eq!(p.posts[0].published_at.rfc3339(), "2015-03-10T14:05:00Z");
    assert!(metrics(&p, "575296296047519171").contains(&(Metric::Reactions, 7.0)));
    assert!(metrics(&p, "572327987106719171").contains(&(Metric::Reactions, 2.0)));
}

#[test]
fn legacy_daily_activity_gives_a_record_per_day_and_figure() {
    let name = "daily_tweet_activity_metrics_HabitatDuVal_20210201_20210301_en.csv";
    let p = read(
        name,
        include_bytes!(
            "../../testdata/x/daily_tweet_activity_metrics_HabitatDuVal_20210201_20210301_en.csv"
        ),
    );
    assert_eq!(
        (p.format, p.rows, p.posts.len(), p.daily.len()),
        (Format::XDailyActivity, 3, 0, 27)
    );
    assert_eq!(p.account.handle.as_deref(), Some("HabitatDuVal"));
    let d = date(2021, 2, 24);
    assert_eq!(day(&p, d, AccountMetric::PostsPublished), Some(1.0));
    assert_eq!(day(&p, d, AccountMetric::Impressions), Some(2890.0));
    assert_eq!(day(&p, d, AccountMetric::Shares), Some(12.0));
    assert_eq!(day(&p, d, AccountMetric::MediaViews), Some(210.0));
    assert_eq!(day(&p, d, AccountMetric::NewFollowers), None);
    assert_eq!(
        day(&p, date(2021, 2, 23), AccountMetric::PostsPublished),
        Some(0.0)
    );
    assert_eq!(p.warnings.len(), 1, "{:?}", p.warnings);
    assert_eq!(p.warnings[0].line, Some(4));
}

#[test]
fn content_export_skips_undefined_rows_and_reads_multi_line_texts() {
    let p = read(
        "account_analytics_content_2025-11-01_2025-11-30.csv",
        include_bytes!("../../testdata/x/account_analytics_content_2025-11-01_2025-11-30.csv"),
    );
    assert_eq!(
        (p.format, p.rows, p.skipped, p.posts.len()),
        (Format::XContent, 4, 1, 3)
    );
    assert!(p.warnings.is_empty(), "{:?}", p.warnings);
    assert_eq!(p.account.handle.as_deref(), Some("HabitatDuVal"));
    let lines: Vec<u64> = p.posts.iter().map(|r| r.line).collect();
    assert_eq!(lines, vec![2, 4, 8]);
    let open_day = &p.posts[1];
    assert_eq!(open_day.network_id, "1987448828801954500");
    assert!(open_day.text.contains("témoins\n- rencontre"));
    assert_eq!(
        open_day.permalink.as_deref(),
        Some("https://x.com/HabitatDuVal/status/1987448828801954500")
    );
    assert_eq!(open_day.media, MediaType::Link);
    // The hour comes from the id; 23:30 UTC on the 14th is the 15th in
    // Paris, which the Date says: within a day, no warning.
    assert_eq!(open_day.published_at.rfc3339(), "2025-11-09T09:15:00Z");
    assert_eq!(p.posts[2].published_at.rfc3339(), "2025-11-14T23:30:00Z");
    assert_eq!(
        metrics(&p, "1987448828801954500"),
        vec![
            (Metric::Impressions, 3205.0),
            (Metric::Reactions, 41.0),
            (Metric::Engagements, 133.0),
            (Metric::Saves, 9.0),
            (Metric::Shares, 11.0),
            (Metric::FollowsGained, 2.0),
            (Metric::Comments, 3.0),
            (Metric::ProfileVisits, 17.0),
            (Metric::LinkClicks, 14.0),
        ]
    );
}

#[test]
fn content_in_french_maps_every_column_by_name() {
    let p = read(
        "account_analytics_content_fr.csv",
        include_bytes!("../../testdata/x/account_analytics_content_fr.csv"),
    );
    assert_eq!(p.format, Format::XContent);
    assert!(p.warnings.is_empty(), "{:?}", p.warnings);
    assert_eq!(p.posts.len(), 2);
    assert_eq!(p.posts[1].published_at.rfc3339(), "2025-10-20T15:45:00Z");
    assert_eq!(
        metrics(&p, "1980299218203554500"),
        vec![
            (Metric::Impressions, 1288.0),
            (Metric::Reactions, 15.0),
            (Metric::Engagements, 62.0),
            (Metric::Saves, 4.0),
            (Metric::Shares, 6.0),
            (Metric::FollowsGained, 1.0),
            (Metric::Comments, 4.0),
            (Metric::ProfileVisits, 8.0),
            (Metric::LinkClicks, 7.0),
        ]
    );
}

#[test]
fn content_in_japanese_is_read_by_position_with_one_warning() {
    let p = read(
        "account_analytics_content_ja.csv",
        include_bytes!("../../testdata/x/account_analytics_content_ja.csv"),
    );
    assert_eq!((p.format, p.posts.len()), (Format::XContent, 2));
    assert_eq!(p.warnings.len(), 1, "{:?}", p.warnings);
    assert_eq!(p.warnings[0].line, Some(1));
    assert!(
        p.warnings[0].en.contains("standard order")
            && p.warnings[0].en.contains("共有された回数\\")
    );
    assert_eq!(p.account.handle.as_deref(), Some("HabitatDuVal"));
    assert_eq!(
        p.posts[1].text,
        "Fête des voisins à la résidence Les Tilleuls ce soir !"
    );
    assert_eq!(
        metrics(&p, "1966471856206754500"),
        vec![
            (Metric::Impressions, 1210.0),
            (Metric::Reactions, 33.0),
            (Metric::Engagements, 70.0),
            (Metric::Saves, 2.0),
            (Metric::Shares, 8.0),
            (Metric::FollowsGained, 1.0),
            (Metric::Comments, 5.0),
            (Metric::ProfileVisits, 6.0),
            (Metric::LinkClicks, 0.0),
        ]
    );
}

#[test]
fn account_overview_maps_follows_unfollows_and_created_posts() {
    let p = read(
        "account_overview_analytics.csv",
        include_bytes!("../../testdata/x/account_overview_analytics.csv"),
    );
    assert_eq!(
        (p.format, p.rows, p.daily.len()),
        (Format::XOverview, 3, 36)
    );
    assert!(p.warnings.is_empty(), "{:?}", p.warnings);
    let d = date(2025, 11, 9);
    assert_eq!(day(&p, d, AccountMetric::NewFollowers), Some(3.0));
    assert_eq!(day(&p, d, AccountMetric::Unfollows), Some(1.0));
    assert_eq!(day(&p, d, AccountMetric::PostsPublished), Some(1.0));
    // Reposts are the shares; X's own `Shares` (4) is not stored.
    assert_eq!(day(&p, d, AccountMetric::Shares), Some(11.0));
    assert_eq!(day(&p, d, AccountMetric::Saves), Some(9.0));
    assert_eq!(
        day(&p, date(2025, 11, 11), AccountMetric::VideoViews),
        Some(37.0)
    );
    assert_eq!(
        day(&p, date(2025, 11, 11), AccountMetric::MediaViews),
        Some(40.0)
    );
}

#[test]
fn a_spreadsheet_mangled_post_id_is_refused_with_its_line_and_column() {
    let e = parse(
        "account_analytics_content_mangled_id.csv",
        include_bytes!("../../testdata/x/account_analytics_content_mangled_id.csv"),
        &Options::default(),
    )
    .unwrap_err();
    assert_eq!((e.line, e.column.as_deref()), (Some(3), Some("Post id")));
    assert!(matches!(e.kind, ErrorKind::MangledId { .. }));
}

#[test]
fn a_bad_number_is_refused_with_its_line_and_column() {
    let e = parse(
        "account_overview_analytics_bad_number.csv",
        include_bytes!("../../testdata/x/account_overview_analytics_bad_number.csv"),
        &Options::default(),
    )
    .unwrap_err();
    assert_eq!(
        (e.line, e.column.as_deref()),
        (Some(3), Some("Impressions"))
    );
    assert!(
        e.message_fr().contains("« 1.2K » n'est pas un nombre"),
        "{}",
        e.message_fr()
    );
}
