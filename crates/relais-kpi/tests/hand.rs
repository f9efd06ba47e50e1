//! Every KPI of kpis.md on a small landlord built by hand, each value
//! computed by hand in the comments and asserted exactly (to 1e-9).
//!
//! The landlord: direction `nord` with agencies `agence-a`, `agence-b`,
//! `agence-c`; residences R0 (agence-a, 100 homes), R1 (agence-b, 50), R2
//! (agence-c, 30); a Facebook page, a LinkedIn page, a collaborator's
//! LinkedIn, a Facebook residents' group of agence-a. Period: Feb–Mar 2026.

use relais_core::Lang;
use relais_kpi::sample::landlord;
use relais_kpi::{Dim, Kpi, Period, Query, Row, compute};

fn rows(kpi: &str, slice: &str) -> Vec<Row> {
    let q = Query {
        kpis: vec![Kpi::find(kpi).unwrap()],
        dims: Dim::parse_list(slice).unwrap(),
        period: Period::parse("2026-02..2026-03").unwrap(),
        lang: Lang::En,
    };
    compute(&landlord(), &q)
}

/// The one row of `kpi` (with `unit`) for the whole landlord.
fn one(kpi: &str, unit: Option<&str>) -> Row {
    let found: Vec<Row> = rows(kpi, "")
        .into_iter()
        .filter(|r| r.unit == unit)
        .collect();
    assert_eq!(found.len(), 1, "{kpi} {unit:?}: {found:#?}");
    found.into_iter().next().unwrap()
}

#[track_caller]
fn is(row: &Row, value: f64, n: u64) {
    assert!(row.available, "{row:#?}");
    let v = row.value.unwrap();
    assert!((v - value).abs() < 1e-9, "{}: {v} ≠ {value}", row.kpi);
    assert_eq!(row.n, n, "{}: n", row.kpi);
}

#[test]
fn engagement_rate_reach_is_the_median_of_e_over_reach() {
    // P0 0.1, P1 0.03, P2 0.02, P5 0.2 → (0.03 + 0.1) / 2.
    is(&one("engagement_rate_reach", None), 0.065, 4);
}

#[test]
fn engagement_rate_reach_by_network_says_why_linkedin_has_none() {
    let r = rows("engagement_rate_reach", "network");
    let li = r
        .iter()
        .find(|r| r.at("network") == Some("linkedin"))
        .unwrap();
    assert!(!li.available && li.value.is_none());
    assert!(li.reason.as_deref().unwrap().contains("reach"), "{li:?}");
    is(
        r.iter()
            .find(|r| r.at("network") == Some("facebook"))
            .unwrap(),
        0.065,
        4,
    );
}

#[test]
fn engagement_rate_followers_is_the_median_of_e_over_f() {
    // 0.00909, 0.03, 0.06, 0.08, 0.1, 0.1 → (0.06 + 0.08) / 2.
    is(&one("engagement_rate_followers", None), 0.07, 6);
}

#[test]
fn conversation_and_amplification_are_means_per_thousand_followers() {
    is(
        &one("conversation_rate", None),
        (10.0 + 0.0 + 1000.0 / 1100.0 + 10.0 + 10.0 + 50.0) / 6.0,
        6,
    );
    is(
        &one("amplification_rate", None),
        (5.0 + 10.0 + 0.0 + 10.0 + 10.0 + 0.0) / 6.0,
        6,
    );
}

#[test]
fn tenant_post_share_counts_tenant_audience_posts() {
    is(&one("tenant_post_share", None), 2.0 / 6.0, 6);
}

#[test]
fn tenant_voice_share_ignores_unclassified_comments_and_the_landlord() {
    // Classified in the period: C0–C5 and p_g's two; tenants C0, C1, C2, C4 and p_g's two.
    is(&one("tenant_voice_share", None), 6.0 / 8.0, 8);
}

#[test]
fn tenant_engagement_lift_compares_medians_on_reach() {
    // Tenants P0 0.1, P5 0.2 → 0.15; others P1 0.03, P2 0.02 → 0.025.
    let r = one("tenant_engagement_lift", Some("reach"));
    is(&r, 6.0, 4);
}

#[test]
fn theme_engagement_gives_one_row_per_theme() {
    let r = rows("theme_engagement", "");
    let of = |t: &str| r.iter().find(|r| r.at("theme") == Some(t)).unwrap();
    is(of("practical"), 0.1, 1);
    is(of("heritage"), 0.03, 1);
    is(of("institutional"), 0.02, 1);
    is(of("neighbourhood"), 0.2, 1);
    assert!(
        !of("employer").available,
        "a LinkedIn post has no reach: not available, not 0"
    );
}

#[test]
fn response_rate_counts_comments_that_needed_an_answer() {
    // Needing one: C0, C1, C2, C4, C5; answered: all but C2.
    is(&one("response_rate", None), 0.8, 5);
}

#[test]
fn response_time_median_in_business_and_calendar_hours() {
    // Business: 2, 2, 36, 72 → 19. Calendar: 2, 65, 96, 240 → 80.5.
    is(
        &one("response_time_median", Some("business_hours")),
        19.0,
        4,
    );
    is(
        &one("response_time_median", Some("calendar_hours")),
        80.5,
        4,
    );
}

#[test]
fn response_within_48h_holds_urgent_ones_to_4_hours() {
    // C0 2 h yes, C1 urgent 2 h yes, C2 never, C4 36 h yes, C5 72 h no.
    is(&one("response_within_48h", None), 0.6, 5);
}

#[test]
fn net_sentiment_is_positive_minus_negative_over_classified() {
    // Positive C3, C4, C5 and p_g's two = 5; negative C0, C1 = 2; of 8.
    is(&one("net_sentiment", None), 3.0 / 8.0, 8);
}

#[test]
fn local_content_share_counts_residences_and_territorial_accounts() {
    // P0 (R0), P1 (R1), P5 (the group of agence-a).
    is(&one("local_content_share", None), 0.5, 6);
}

#[test]
fn agency_coverage_counts_agencies_with_a_local_post() {
    // agence-a (P0, P5) and agence-b (P1); agence-c has none.
    is(&one("agency_coverage", None), 2.0 / 3.0, 3);
}

#[test]
fn residence_told_counts_heritage_posts_ever() {
    // R1 (P1, in the period) and R0 (P6, December): 2 of 3.
    is(&one("residence_told", None), 2.0 / 3.0, 3);
}

#[test]
fn field_scans_per_action_and_per_100_homes() {
    // In the period: L1 30, L2 10, L3 5 (January's 100 are outside).
    is(&one("field_scans", Some("scans")), 45.0, 3);
    is(&one("field_scans", Some("per_action")), 22.5, 2);
    // Residence links: 40 scans over R0 + R1 = 150 homes.
    is(
        &one("field_scans", Some("per_100_homes")),
        40.0 * 100.0 / 150.0,
        2,
    );
}

#[test]
fn social_web_share_overall_and_per_network() {
    is(&one("social_web_share", None), 0.2, 200);
    let r = rows("social_web_share", "network");
    is(
        r.iter()
            .find(|r| r.at("network") == Some("facebook"))
            .unwrap(),
        0.15,
        200,
    );
    is(
        r.iter()
            .find(|r| r.at("network") == Some("linkedin"))
            .unwrap(),
        0.05,
        200,
    );
}

#[test]
fn audience_growth_per_month_and_over_the_period() {
    // Totals: 31 Jan 1800, 28 Feb 1900, 31 Mar 2010.
    is(
        &one("audience_growth", Some("per_month")),
        (100.0 / 1800.0 + 110.0 / 1900.0) / 2.0,
        2,
    );
    is(&one("audience_growth", Some("period")), 210.0 / 1800.0, 4);
    let by_account = rows("audience_growth", "account");
    let page = by_account
        .iter()
        .find(|r| r.at("account") == Some("facebook:page") && r.unit == Some("period"))
        .unwrap();
    is(page, 0.21, 1);
}

#[test]
fn posting_regularity_per_week_and_longest_gap() {
    // 6 posts over 59 days; gaps: 1, 14, 14, 7, 7, 7, 8.
    is(
        &one("posting_regularity", Some("posts_per_week")),
        6.0 / (59.0 / 7.0),
        6,
    );
    is(
        &one("posting_regularity", Some("longest_gap_days")),
        14.0,
        6,
    );
}

#[test]
fn collaborator_lift_on_linkedin_falls_back_to_followers() {
    // No reach on LinkedIn: collaborator 0.1 / page 0.08.
    let r = one("collaborator_lift", Some("followers"));
    is(&r, 1.25, 2);
}

#[test]
fn group_diffusion_compares_reach_per_member_with_reach_per_follower() {
    // Group 50 / 100 = 0.5; Facebook page 0.6, 1.0, 0.4545 → 0.6.
    is(
        &one("group_diffusion", Some("group_over_page")),
        0.5 / 0.6,
        4,
    );
}

#[test]
fn ambassadors_need_three_positive_in_two_months_and_no_recent_negative() {
    // p_g qualifies; p_a was negative in February. Active tenants: a, b, c, g.
    is(&one("ambassadors", Some("people")), 1.0, 4);
    let period = Period::parse("2026-02..2026-03").unwrap();
    let found = relais_kpi::ambassadors(&landlord(), &period, |_| true);
    assert_eq!(found.len(), 1);
    assert_eq!(
        (found[0].pseudonym.as_str(), found[0].shown_as.as_deref()),
        ("p_g", Some("Gisèle"))
    );
    assert_eq!((found[0].positives, found[0].months), (3, 3));
}

#[test]
fn survey_alignment_ranks_scores_against_tenant_engagement() {
    // Scores 60, 70, 80; tenant comments per 100 homes: agence-a 4 / 100 → 4,
    // agence-b 1 / 50 → 2, agence-c 0 → 0: perfectly opposite ranks.
    let r = one("survey_alignment", Some("spearman"));
    is(&r, -1.0, 3);
    let points =
        relais_kpi::survey_points(&landlord(), &Period::parse("2026-02..2026-03").unwrap());
    let eng: Vec<f64> = points.iter().map(|p| p.engagement).collect();
    assert_eq!(eng, vec![4.0, 2.0, 0.0]);
}

#[test]
fn every_kpi_of_the_catalogue_is_tested_here() {
    let source = include_str!("hand.rs");
    for k in relais_kpi::CATALOGUE {
        assert!(
            source.matches(&format!("\"{}\"", k.code)).count() >= 1,
            "{} has no hand test",
            k.code
        );
    }
}

#[test]
fn missing_data_is_never_zero() {
    let mut f = landlord();
    f.scans.clear();
    f.visits.clear();
    f.surveys.clear();
    let q = Query {
        kpis: vec![],
        dims: vec![],
        period: Period::parse("2026-02..2026-03").unwrap(),
        lang: Lang::Fr,
    };
    for r in compute(&f, &q)
        .iter()
        .filter(|r| ["field_scans", "social_web_share", "survey_alignment"].contains(&r.kpi))
    {
        assert!(
            !r.available
                && r.value.is_none()
                && r.reason.as_deref().is_some_and(|s| s.contains("relais")),
            "{r:?}"
        );
    }
}

#[test]
fn a_slice_of_a_share_is_tested_against_the_rest_by_two_proportions() {
    // Facebook: P0, P5 of P0, P1, P2, P5 for tenants (2/4); LinkedIn 0/2.
    // Pooled 1/3, se = √(1/3 · 2/3 · (1/4 + 1/2)) = √(1/6), z = 0.5 / √(1/6) = 1.2247,
    // p = 2 (1 − Φ(1.2247)) = 0.2207.
    let r = rows("tenant_post_share", "network");
    let fb = r
        .iter()
        .find(|r| r.at("network") == Some("facebook"))
        .unwrap();
    is(fb, 0.5, 4);
    assert!((fb.p_value.unwrap() - 0.2207).abs() < 1e-3, "{fb:?}");
    assert_eq!(fb.significant, Some(false));
}

#[test]
fn a_slice_of_a_median_is_tested_against_the_rest_by_mann_whitney() {
    // E/F: Facebook 0.06, 0.03, 0.00909, 0.1; LinkedIn 0.08, 0.1. Ranks of all six:
    // 0.00909→1, 0.03→2, 0.06→3, 0.08→4, 0.1 and 0.1→5.5. Facebook's rank sum 11.5,
    // U = 11.5 − 10 = 1.5, μ = 4, σ = √(4·2·7/12) = 2.1602, z = 1.1573, p = 0.2472.
    let r = rows("engagement_rate_followers", "network");
    let fb = r
        .iter()
        .find(|r| r.at("network") == Some("facebook"))
        .unwrap();
    is(fb, (0.03 + 0.06) / 2.0, 4);
    assert!((fb.p_value.unwrap() - 0.2472).abs() < 1e-3, "{fb:?}");
}
