//! Tests of Meta's daily series and audience file: routing of the metric
//! names, then the UTF-16LE fixtures of `testdata/meta/` through the public API.

use chrono::NaiveDate;
use relais_core::{AccountMetric, Network};

use super::names::route;
use crate::{Format, ImportError, Parsed};

fn parse(name: &str, bytes: &[u8]) -> Parsed {
    crate::parse(name, bytes, &crate::Options::default()).unwrap_or_else(|e| panic!("{e}"))
}

fn utf16(text: &str) -> Vec<u8> {
    [0xFF, 0xFE]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect()
}

fn refuse(text: &str) -> ImportError {
    crate::parse("Follows.csv", &utf16(text), &crate::Options::default())
        .expect_err("the file should be refused")
}

fn values(p: &Parsed) -> Vec<(String, f64)> {
    p.daily
        .iter()
        .map(|d| (d.day.to_string(), d.value))
        .collect()
}

#[test]
fn series_names_route_to_a_network_and_a_metric() {
    use AccountMetric::*;
    for (name, network, metric) in [
        ("Facebook follows", Network::Facebook, NewFollowers),
        ("Followers sur Facebook", Network::Facebook, NewFollowers),
        ("Followers en plus", Network::Facebook, NewFollowers),
        ("Facebook unfollows", Network::Facebook, Unfollows),
        ("Instagram reach", Network::Instagram, Reach),
        ("Couverture Instagram", Network::Instagram, Reach),
        ("Facebook viewers", Network::Facebook, Reach),
        ("Vues", Network::Facebook, Views),
        ("Instagram views", Network::Instagram, Views),
        ("Visites", Network::Facebook, Visits),
        (
            "Instagram profile visits",
            Network::Instagram,
            ProfileVisits,
        ),
        (
            "Visites du profil Instagram",
            Network::Instagram,
            ProfileVisits,
        ),
        ("Facebook interactions", Network::Facebook, Interactions),
        (
            "Interactions avec le contenu",
            Network::Facebook,
            Interactions,
        ),
        ("Facebook link clicks", Network::Facebook, LinkClicks),
        ("Clics sur un lien", Network::Facebook, LinkClicks),
    ] {
        assert_eq!(route(name), Some((network, metric)), "{name}");
    }
    assert_eq!(route("Facebook watch parties"), None);
    assert_eq!(route(""), None);
}

#[test]
fn unreadable_days_and_values_refuse_the_file_naming_line_and_column() {
    for (row, column) in [
        ("\"2025-13-01T00:00:00\",\"3\"", "Date"),
        ("\"2025-08-01T00:00:00\",\"trois\"", "Primary"),
        ("\"\",\"3\"", "Date"),
    ] {
        let e = refuse(&format!(
            "sep=,\r\n\"Facebook follows\"\r\n\"Date\",\"Primary\"\r\n{row}\r\n"
        ));
        assert_eq!(
            (e.line, e.column.as_deref()),
            (Some(4), Some(column)),
            "{row}: {e}"
        );
    }
}

#[test]
fn a_series_without_a_name_line_is_refused() {
    let e = refuse("sep=,\r\n\"Date\",\"Primary\"\r\n\"2025-08-01T00:00:00\",\"3\"\r\n");
    assert_eq!((e.line, e.column.as_deref()), (Some(2), None));
    assert!(e.message_en().contains("Follows"), "{}", e.message_en());
}

#[test]
fn empty_values_give_no_record_and_empty_rows_are_skipped() {
    let p = parse(
        "Views.csv",
        &utf16(
            "sep=,\r\n\"Vues\"\r\n\"Date\",\"Primary\"\r\n\"2025-08-01T00:00:00\",\"\"\r\n\"\",\"-\"\r\n\r\n\"\",\"\"\r\n\"2025-08-02T00:00:00\",\"4\"\r\n",
        ),
    );
    assert_eq!((p.rows, p.skipped), (3, 1));
    assert_eq!(values(&p), vec![("2025-08-02".to_string(), 4.0)]);
}

#[test]
fn facebook_follows_in_english_give_new_followers_per_day() {
    let p = parse(
        "Follows.csv",
        include_bytes!("../../testdata/meta/daily_facebook_follows_en.csv"),
    );
    assert_eq!(
        (p.format, p.network, p.encoding),
        (Format::MetaDailySeries, Network::Facebook, "UTF-16LE")
    );
    assert!(
        p.daily
            .iter()
            .all(|d| d.metric == AccountMetric::NewFollowers)
    );
    assert_eq!(p.daily[0].day, NaiveDate::from_ymd_opt(2025, 8, 1).unwrap());
    assert_eq!(p.daily[0].line, 4);
    assert_eq!(
        p.daily.iter().map(|d| d.value).collect::<Vec<_>>(),
        vec![20.0, 3.0, 0.0]
    );
    assert_eq!(p.rows, 3);
}

#[test]
fn instagram_reach_in_english_reads_thousands_and_empty_days() {
    let p = parse(
        "Viewers.csv",
        include_bytes!("../../testdata/meta/daily_instagram_reach_en.csv"),
    );
    assert_eq!(p.network, Network::Instagram);
    assert!(p.daily.iter().all(|d| d.metric == AccountMetric::Reach));
    assert_eq!(
        values(&p),
        vec![
            ("2025-08-01".to_string(), 1204.0),
            ("2025-08-02".to_string(), 987.0)
        ]
    );
}

#[test]
fn daily_series_in_french_route_by_their_french_names() {
    for (bytes, network, metric, first) in [
        (
            &include_bytes!("../../testdata/meta/daily_followers_facebook_fr.csv")[..],
            Network::Facebook,
            AccountMetric::NewFollowers,
            7.0,
        ),
        (
            &include_bytes!("../../testdata/meta/daily_couverture_instagram_fr.csv")[..],
            Network::Instagram,
            AccountMetric::Reach,
            640.0,
        ),
        (
            &include_bytes!("../../testdata/meta/daily_visites_fr.csv")[..],
            Network::Facebook,
            AccountMetric::Visits,
            35.0,
        ),
    ] {
        let p = parse("serie.csv", bytes);
        assert_eq!(
            (p.network, p.daily[0].metric, p.daily[0].value),
            (network, metric, first)
        );
        assert_eq!(p.daily.len(), 2);
    }
}

#[test]
fn an_unknown_series_name_is_refused_with_the_known_ones() {
    let e = crate::parse(
        "Watch.csv",
        include_bytes!("../../testdata/meta/daily_unknown_metric.csv"),
        &crate::Options::default(),
    )
    .unwrap_err();
    assert_eq!((e.line, e.column.as_deref()), (Some(2), None));
    let fr = e.message_fr();
    assert!(
        fr.contains("Facebook watch parties")
            && fr.contains("Followers en plus")
            && fr.contains("Couverture"),
        "{fr}"
    );
}

#[test]
fn the_audience_file_keeps_its_follows_series_and_warns_of_the_rest() {
    let p = parse(
        "Audience.csv",
        include_bytes!("../../testdata/meta/audience.csv"),
    );
    assert_eq!(
        (p.format, p.network),
        (Format::MetaAudience, Network::Facebook)
    );
    assert_eq!(
        values(&p),
        vec![
            ("2025-08-01".to_string(), 5.0),
            ("2025-08-02".to_string(), 8.0)
        ]
    );
    assert!(
        p.daily
            .iter()
            .all(|d| d.metric == AccountMetric::NewFollowers)
    );
    assert_eq!(p.warnings.len(), 1);
    let w = &p.warnings[0];
    assert!(
        w.fr.contains("Age & gender")
            && w.en.contains("Top cities")
            && w.en.contains("Top countries"),
        "{w:?}"
    );
}

#[test]
fn an_audience_file_without_follows_is_skipped_with_one_warning() {
    let text = "sep=,\r\n\"Top cities\"\r\n\"City\",\"Value\"\r\n\"Lyon\",\"18.2\"\r\n\r\n\"Top countries\"\r\n\"Country\",\"Value\"\r\n\"France\",\"94.1\"\r\n";
    let p = parse("Audience.csv", &utf16(text));
    assert_eq!(p.format, Format::MetaAudience);
    assert!(p.daily.is_empty() && p.posts.is_empty());
    assert_eq!(p.warnings.len(), 1);
    assert!(p.warnings[0].fr.contains("ignoré") && p.warnings[0].en.contains("skipped"));
}
