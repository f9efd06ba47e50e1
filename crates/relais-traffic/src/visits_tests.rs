//! Visits built from inline lines.

use std::hash::RandomState;

use super::*;
use crate::Options;
use crate::chunk::Parser;
use crate::line::Format;

const UA: &str = "Mozilla/5.0 (X11; Linux x86_64) Firefox/123.0";

fn hit(ip: &str, time: &str, path: &str, referrer: &str) -> String {
    format!("{ip} - - [{time} +0100] \"GET {path} HTTP/1.1\" 200 100 \"{referrer}\" \"{UA}\"\n")
}

fn visits(lines: &[String]) -> Visits {
    let options = Options {
        site_hosts: vec!["www.site.fr".into()],
        ..Options::default()
    };
    let mut parser = Parser::new(&options, Format::Combined, RandomState::new());
    let mut visits = Visits::default();
    // One chunk per line: visits must not depend on where chunks end.
    for l in lines {
        visits.add(&parser.chunk(l.as_bytes()));
    }
    visits
}

fn rows(v: &Visits) -> Vec<(&str, &str, &str, u64, u64)> {
    let mut rows: Vec<_> = v
        .rows
        .iter()
        .map(|r| {
            (
                r.channel.code(),
                r.campaign.as_str(),
                r.landing.as_str(),
                r.visits,
                r.pageviews,
            )
        })
        .collect();
    rows.sort();
    rows
}

#[test]
fn page_views_within_thirty_minutes_are_one_visit_landing_on_the_first_page() {
    let v = visits(&[
        hit(
            "1.1.1.1",
            "10/Mar/2024:10:00:00",
            "/logements",
            "https://lm.facebook.com/",
        ),
        hit(
            "1.1.1.1",
            "10/Mar/2024:10:20:00",
            "/contact",
            "https://www.site.fr/logements",
        ),
        hit("1.1.1.1", "10/Mar/2024:10:50:00", "/", "-"),
        // 30 min 1 s later: a new, direct visit.
        hit(
            "1.1.1.1",
            "10/Mar/2024:11:20:01",
            "/actualites",
            "https://www.site.fr/",
        ),
    ]);
    assert_eq!(
        rows(&v),
        vec![
            ("direct", "", "/actualites", 1, 1),
            ("facebook", "", "/logements", 1, 3)
        ]
    );
    assert_eq!((v.visits, v.pageviews), (2, 4));
}

#[test]
fn a_new_source_starts_a_new_visit_but_the_same_source_does_not() {
    let v = visits(&[
        hit("1.1.1.1", "10/Mar/2024:10:00:00", "/", "https://t.co/a"),
        hit("1.1.1.1", "10/Mar/2024:10:01:00", "/b", "https://t.co/b"),
        hit(
            "1.1.1.1",
            "10/Mar/2024:10:02:00",
            "/c?utm_source=ig&utm_campaign=ete",
            "-",
        ),
        hit(
            "1.1.1.1",
            "10/Mar/2024:10:03:00",
            "/d?utm_source=ig&utm_campaign=hiver",
            "-",
        ),
        hit("2.2.2.2", "10/Mar/2024:10:03:00", "/", "-"),
    ]);
    assert_eq!(
        rows(&v),
        vec![
            ("direct", "", "/", 1, 1),
            ("instagram", "ete", "/c", 1, 1),
            ("instagram", "hiver", "/d", 1, 1),
            ("x", "", "/", 1, 2),
        ]
    );
}

#[test]
fn a_visit_does_not_cross_paris_midnight() {
    let v = visits(&[
        hit("1.1.1.1", "10/Mar/2024:23:50:00", "/", "https://t.co/a"),
        hit(
            "1.1.1.1",
            "11/Mar/2024:00:05:00",
            "/b",
            "https://www.site.fr/",
        ),
    ]);
    let days: Vec<_> = v
        .rows
        .iter()
        .map(|r| (r.day_string(), r.channel.code()))
        .collect();
    assert_eq!(
        days,
        vec![
            ("2024-03-10".to_string(), "x"),
            ("2024-03-11".to_string(), "direct")
        ]
    );
}

#[test]
fn idle_clients_are_forgotten_so_memory_stays_bounded() {
    let mut lines = Vec::new();
    for minute in 0..600 {
        let (h, m) = (minute / 60, minute % 60);
        let time = format!("10/Mar/2024:{h:02}:{m:02}:00");
        lines.push(hit(
            &format!("10.0.{}.{}", minute / 250, minute % 250),
            &time,
            "/",
            "-",
        ));
    }
    let v = visits(&lines);
    assert_eq!(v.visits, 600);
    // About an hour's worth of clients is kept, not ten hours'.
    assert!(v.clients() <= 2 * 60 + 31, "{}", v.clients());
}

#[test]
fn logs_concatenated_out_of_order_keep_memory_bounded_and_visits_apart() {
    let mut lines = Vec::new();
    for day in [11, 10] {
        for minute in 0..300 {
            let (h, m) = (minute / 60, minute % 60);
            let time = format!("{day}/Mar/2024:{h:02}:{m:02}:00");
            lines.push(hit(
                &format!("10.1.{}.{}", minute / 250, minute % 250),
                &time,
                "/",
                "-",
            ));
        }
    }
    let v = visits(&lines);
    assert_eq!(v.visits, 600);
    assert!(v.clients() <= 2 * 2 * 60 + 31, "{}", v.clients());
}
