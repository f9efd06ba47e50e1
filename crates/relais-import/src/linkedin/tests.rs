//! Table tests on minimal sheets built in place.

use relais_core::{AccountMetric, MediaType, Metric};

use super::posts::{media, page_handle, post_urn};
use crate::grid::{Grid, Row};
use crate::{Ctx, ErrorKind, Format, ImportError, Parsed};

const CTX: Ctx<'static> = Ctx {
    file: "page_content.xls",
    tz: chrono_tz::Europe::Paris,
    encoding: "workbook",
};

/// A sheet whose rows sit on lines 1, 2, 3…
fn sheet(name: &str, rows: &[&[&str]]) -> Grid {
    Grid {
        sheet: Some(name.to_string()),
        rows: rows
            .iter()
            .enumerate()
            .map(|(i, r)| Row {
                line: i as u64 + 1,
                cells: r.iter().map(|c| c.to_string()).collect(),
            })
            .collect(),
        sep_line: false,
    }
}

fn parse(format: Format, sheets: &[Grid]) -> Result<Parsed, ImportError> {
    super::parse(format, sheets, &CTX)
}

const TITLE: &[&str] = &["Aggregated content metrics"];
const POSTS_HEADER: &[&str] = &[
    "Post title",
    "Post link",
    "Created date",
    "Impressions",
    "Likes",
    "Content Type",
];
const LINK: &str = "https://www.linkedin.com/feed/update/urn:li:activity:7302617550028973553";

#[test]
fn post_links_give_the_urn_in_every_form_linkedin_writes() {
    for (link, want) in [
        (LINK, "urn:li:activity:7302617550028973553"),
        (
            "https://www.linkedin.com/feed/update/urn:li:share:7303414593618093553/",
            "urn:li:share:7303414593618093553",
        ),
        (
            "https://www.linkedin.com/feed/update/urn%3Ali%3AugcPost%3A7304769227980973553",
            "urn:li:ugcPost:7304769227980973553",
        ),
        (
            "https://www.linkedin.com/posts/brevenne-habitat_logement-activity-7305626124288173553-Xk3d",
            "urn:li:activity:7305626124288173553",
        ),
        ("urn:li:activity:42", "urn:li:activity:42"),
    ] {
        assert_eq!(post_urn(link).unwrap(), want, "{link}");
    }
    assert!(matches!(
        post_urn("7.30261E+18"),
        Err(ErrorKind::MangledId { .. })
    ));
    assert!(matches!(
        post_urn("https://www.linkedin.com/company/brevenne-habitat/"),
        Err(ErrorKind::BadValue { .. })
    ));
}

#[test]
fn the_page_handle_comes_from_public_and_company_links_only() {
    assert_eq!(
        page_handle("https://www.linkedin.com/posts/brevenne-habitat_x-activity-1-a").as_deref(),
        Some("brevenne-habitat")
    );
    assert_eq!(
        page_handle("https://www.linkedin.com/company/brevenne-habitat/posts").as_deref(),
        Some("brevenne-habitat")
    );
    assert_eq!(page_handle(LINK), None);
    assert_eq!(page_handle("https://www.linkedin.com/posts/"), None);
}

#[test]
fn media_types_read_in_english_and_french() {
    for (raw, want) in [
        ("Image", Some(MediaType::Photo)),
        ("Photo", Some(MediaType::Photo)),
        ("Video", Some(MediaType::Video)),
        ("Vidéo", Some(MediaType::Video)),
        ("Article", Some(MediaType::Link)),
        ("Link", Some(MediaType::Link)),
        ("Document", Some(MediaType::Carousel)),
        ("Carrousel", Some(MediaType::Carousel)),
        ("Multi-image", Some(MediaType::Carousel)),
        ("Text", Some(MediaType::Text)),
        ("Texte", Some(MediaType::Text)),
        ("Organic", None),
        ("", None),
    ] {
        assert_eq!(media(raw), want, "{raw}");
    }
}

#[test]
fn the_header_row_is_found_below_any_number_of_title_lines() {
    for above in 0..5 {
        let mut rows: Vec<&[&str]> = vec![TITLE; above];
        rows.push(POSTS_HEADER);
        rows.push(&["Bonjour", LINK, "2025-03-04", "10", "2", "Text"]);
        let p = parse(Format::LinkedinContent, &[sheet("All posts", &rows)]).unwrap();
        assert_eq!(p.posts.len(), 1, "{above} title lines");
        assert_eq!(p.posts[0].line, above as u64 + 2);
    }
}

#[test]
fn an_expected_sheet_without_a_header_is_refused_naming_the_sheet() {
    let rows: Vec<&[&str]> = vec![TITLE; 12];
    let e = parse(Format::LinkedinContent, &[sheet("All posts", &rows)]).unwrap_err();
    assert!(matches!(e.kind, ErrorKind::MissingColumn { .. }), "{e}");
    assert_eq!(e.sheet.as_deref(), Some("All posts"));
    let e = parse(
        Format::LinkedinFollowers,
        &[sheet(
            "Location",
            &[TITLE, &["Location", "Total followers"]],
        )],
    )
    .unwrap_err();
    assert!(e.message_en().contains("Date"), "{}", e.message_en());
}

#[test]
fn junk_post_rows_are_skipped_and_rows_with_figures_need_a_link() {
    let ok = sheet(
        "All posts",
        &[
            TITLE,
            POSTS_HEADER,
            &["Bonjour", LINK, "2025-03-04", "10", "-", "Image"],
            &["", "", "", "0", "0", ""],
        ],
    );
    let p = parse(Format::LinkedinContent, &[ok]).unwrap();
    assert_eq!((p.rows, p.skipped), (2, 1));
    // `-` is "not reported": no Reactions figure at all, never a 0.
    let metrics: Vec<Metric> = p.post_metrics.iter().map(|m| m.metric).collect();
    assert_eq!(metrics, vec![Metric::Impressions]);
    assert_eq!(p.posts[0].media, MediaType::Photo);

    let bad = sheet(
        "All posts",
        &[
            TITLE,
            POSTS_HEADER,
            &["Sans lien", "", "2025-03-04", "10", "2", ""],
        ],
    );
    let e = parse(Format::LinkedinContent, &[bad]).unwrap_err();
    assert_eq!(e.kind, ErrorKind::EmptyId);
    assert_eq!(
        (e.sheet.as_deref(), e.line, e.column.as_deref()),
        (Some("All posts"), Some(3), Some("Post link"))
    );
}

#[test]
fn a_post_id_without_a_time_takes_noon_of_its_created_date_in_the_page_time_zone() {
    let link = "https://www.linkedin.com/feed/update/urn:li:share:6012345";
    let s = sheet(
        "All posts",
        &[
            TITLE,
            POSTS_HEADER,
            &["Bonjour", link, "03/04/2025", "10", "2", ""],
        ],
    );
    let p = parse(Format::LinkedinContent, &[s]).unwrap();
    assert_eq!(p.posts[0].published_at.rfc3339(), "2025-03-04T11:00:00Z");

    let s = sheet(
        "All posts",
        &[TITLE, POSTS_HEADER, &["Bonjour", link, "", "10", "2", ""]],
    );
    let e = parse(Format::LinkedinContent, &[s]).unwrap_err();
    assert_eq!(
        (e.line, e.column.as_deref()),
        (Some(3), Some("Created date"))
    );

    let no_date = sheet(
        "All posts",
        &[TITLE, &["Post link", "Impressions"], &[link, "10"]],
    );
    let e = parse(Format::LinkedinContent, &[no_date]).unwrap_err();
    assert_eq!(
        (e.line, e.column.as_deref()),
        (Some(3), Some("Created date"))
    );

    // A damaged date is refused even when the id holds the time.
    let s = sheet(
        "All posts",
        &[
            TITLE,
            POSTS_HEADER,
            &["Bonjour", LINK, "mardi", "10", "2", ""],
        ],
    );
    let e = parse(Format::LinkedinContent, &[s]).unwrap_err();
    assert_eq!(
        (e.line, e.column.as_deref()),
        (Some(3), Some("Created date"))
    );
}

/// A daily sheet of one header and one row, and the figures it must give.
type DailyCase = (
    Format,
    &'static str,
    &'static [&'static str],
    &'static [&'static str],
    &'static [(AccountMetric, f64)],
);

#[test]
fn daily_sheets_store_the_total_columns_under_their_metric() {
    let cases: &[DailyCase] = &[
        (
            Format::LinkedinContent,
            "Metrics",
            &[
                "Date",
                "Impressions (organic)",
                "Impressions (total)",
                "Unique impressions (organic)",
                "Shares (total)",
                "Engagement rate (total)",
            ],
            &["2025-03-10", "300", "420", "210", "4", "0.065"],
            &[
                (AccountMetric::Impressions, 420.0),
                (AccountMetric::UniqueImpressions, 210.0),
                (AccountMetric::Shares, 4.0),
            ],
        ),
        (
            Format::LinkedinFollowers,
            "New followers",
            &["Date", "Organic followers", "Total followers"],
            &["45726", "3", "5"],
            &[(AccountMetric::NewFollowers, 5.0)],
        ),
        (
            // French names: guesses [P].
            Format::LinkedinFollowers,
            "Nouveaux abonnés",
            &["Date", "Abonnés naturels", "Abonnés totaux"],
            &["2025-03-10", "3", "5"],
            &[(AccountMetric::NewFollowers, 5.0)],
        ),
        (
            Format::LinkedinVisitors,
            "Visitor metrics",
            &[
                "Date",
                "Life page views (total)",
                "Total page views (total)",
                "Total unique visitors (total)",
            ],
            &["2025-03-10", "7", "51", "-"],
            &[(AccountMetric::PageViews, 51.0)],
        ),
    ];
    for (format, name, header, row, want) in cases {
        let p = parse(*format, &[sheet(name, &[TITLE, header, row])]).unwrap();
        let got: Vec<(AccountMetric, f64)> = p.daily.iter().map(|d| (d.metric, d.value)).collect();
        assert_eq!(&got, want, "{name}");
        assert!(
            p.daily
                .iter()
                .all(|d| d.day.to_string() == "2025-03-10" && d.line == 3),
            "{name}"
        );
        assert!(p.warnings.is_empty(), "{name}: {:?}", p.warnings);
    }
}

#[test]
fn unreadable_daily_cells_are_refused_with_sheet_line_and_column() {
    let header: &[&str] = &["Date", "Total followers"];
    for (row, column) in [
        (&["2025-03-10", "beaucoup"][..], "Total followers"),
        (&["hier", "3"][..], "Date"),
        (&["", "3"][..], "Date"),
    ] {
        let e = parse(
            Format::LinkedinFollowers,
            &[sheet(
                "New followers",
                &[TITLE, header, &["2025-03-09", "1"], row],
            )],
        )
        .unwrap_err();
        assert_eq!(
            (e.sheet.as_deref(), e.line, e.column.as_deref()),
            (Some("New followers"), Some(4), Some(column)),
            "{e}"
        );
    }
    let p = parse(
        Format::LinkedinFollowers,
        &[sheet(
            "New followers",
            &[TITLE, header, &["2025-03-09", "1"], &["", "0"]],
        )],
    )
    .unwrap();
    assert_eq!((p.rows, p.skipped, p.daily.len()), (2, 1, 1));
}

#[test]
fn other_sheets_are_named_in_one_warning_and_unknown_columns_name_their_sheet() {
    let sheets = [
        sheet(
            "New followers",
            &[
                TITLE,
                &["Date", "Total followers", "Churn"],
                &["2025-03-10", "3", "1"],
            ],
        ),
        sheet(
            "Location",
            &[TITLE, &["Location", "Total followers"], &["Lyon", "40"]],
        ),
        sheet(
            "Seniority",
            &[
                TITLE,
                &["Seniority", "Total followers"],
                &["Direction", "4"],
            ],
        ),
    ];
    let p = parse(Format::LinkedinFollowers, &sheets).unwrap();
    assert_eq!(p.warnings.len(), 2, "{:?}", p.warnings);
    assert!(p.warnings[0].en.contains("\"New followers\"") && p.warnings[0].en.contains("Churn"));
    assert!(p.warnings[1].fr.contains("Location, Seniority"));
    assert_eq!(p.rows, 1);
}

#[test]
fn a_workbook_with_headers_and_no_rows_is_refused() {
    let e = parse(
        Format::LinkedinVisitors,
        &[sheet(
            "Visitor metrics",
            &[TITLE, &["Date", "Total page views (total)"]],
        )],
    )
    .unwrap_err();
    assert_eq!(e.kind, ErrorKind::NoRows);
}

#[test]
fn ragged_and_odd_sheets_never_panic() {
    let odd: &[&[&str]] = &[
        &[],
        &["Date"],
        &[""],
        &["2025-03-10"],
        &["Post title"],
        &["x", "y", "z", "w"],
        &[LINK],
    ];
    for format in [
        Format::LinkedinContent,
        Format::LinkedinFollowers,
        Format::LinkedinVisitors,
        Format::XContent,
    ] {
        for n in 0..=odd.len() {
            let _ = parse(
                format,
                &[sheet("Metrics", &odd[..n]), sheet("All posts", &odd[n..])],
            );
        }
        let _ = parse(format, &[]);
    }
}
