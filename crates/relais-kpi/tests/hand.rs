//! Every KPI of kpis.md on a small landlord built by hand, each value
//! computed by hand in the comments and asserted exactly (to 1e-9).
//!
//! The landlord: direction `nord` with agencies `agence-a`, `agence-b`,
//! `agence-c`; residences R0 (agence-a, 100 homes), R1 (agence-b, 50), R2
//! (agence-c, 30); a Facebook page, a LinkedIn page, a collaborator's
//! LinkedIn, a Facebook residents' group of agence-a. Period: Feb–Mar 2026.

use chrono::{NaiveDate, TimeZone};
use chrono_tz::Europe::Paris;
use relais_core::{
    AccountKind, Audience, AuthorKind, Category, Lang, Network, Sentiment, Theme, Urgency,
};
use relais_kpi::facts::*;
use relais_kpi::{Dim, Facts, Kpi, Period, Query, Row, compute};

fn at(y: i32, m: u32, d: u32, h: u32) -> i64 {
    Paris
        .with_ymd_and_hms(y, m, d, h, 0, 0)
        .single()
        .unwrap()
        .timestamp()
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn metrics(r: f64, c: f64, s: f64, v: Option<f64>, reach: Option<f64>) -> Metrics {
    Metrics {
        reactions: Some(r),
        comments: Some(c),
        shares: Some(s),
        saves: v,
        link_clicks: None,
        reach,
        impressions: None,
    }
}

struct P(usize, i64, Theme, Audience, Option<usize>, Metrics);

fn landlord() -> Facts {
    let t = |id: &str, direction| TerritoryFact {
        id: id.into(),
        name: id.into(),
        direction,
    };
    let r = |id: &str, homes, agency| ResidenceFact {
        id: id.into(),
        name: id.into(),
        homes,
        agency,
    };
    let a = |id: &str, network, kind, territory| AccountFact {
        id: id.into(),
        name: id.into(),
        network,
        kind,
        territory,
    };
    let posts = [
        // P0: E = 60, reach 600, F = 1000 → E/reach 0.1, E/F 0.06, C/F‰ 10, S/F‰ 5.
        P(
            0,
            at(2026, 2, 2, 10),
            Theme::Practical,
            Audience::Tenants,
            Some(0),
            metrics(40.0, 10.0, 5.0, Some(5.0), Some(600.0)),
        ),
        // P1: E = 30, reach 1000, F = 1000 → 0.03, 0.03, 0, 10.
        P(
            0,
            at(2026, 2, 16, 10),
            Theme::Heritage,
            Audience::Public,
            Some(1),
            metrics(20.0, 0.0, 10.0, Some(0.0), Some(1000.0)),
        ),
        // P2: E = 10, reach 500, F = 1100 → 0.02, 0.00909…, 0.90909…, 0.
        P(
            0,
            at(2026, 3, 2, 10),
            Theme::Institutional,
            Audience::Partners,
            None,
            metrics(9.0, 1.0, 0.0, Some(0.0), Some(500.0)),
        ),
        // P3 (LinkedIn page): E = 40, no reach, F = 500 → E/F 0.08, 10, 10.
        P(
            1,
            at(2026, 3, 9, 10),
            Theme::Institutional,
            Audience::Partners,
            None,
            metrics(30.0, 5.0, 5.0, None, None),
        ),
        // P4 (collaborator): E = 20, no reach, F = 200 → E/F 0.1, 10, 10.
        P(
            2,
            at(2026, 3, 16, 10),
            Theme::Employer,
            Audience::Candidates,
            None,
            metrics(16.0, 2.0, 2.0, None, None),
        ),
        // P5 (group, agence-a): E = 10, reach 50, 100 members → 0.2, 0.1, 50, 0.
        P(
            3,
            at(2026, 3, 23, 10),
            Theme::Neighbourhood,
            Audience::Tenants,
            None,
            metrics(5.0, 5.0, 0.0, Some(0.0), Some(50.0)),
        ),
        // P6: before the period, a heritage post about R0.
        P(
            0,
            at(2025, 12, 1, 10),
            Theme::Heritage,
            Audience::Public,
            Some(0),
            metrics(1.0, 0.0, 0.0, Some(0.0), Some(10.0)),
        ),
    ];
    let posts = posts
        .into_iter()
        .enumerate()
        .map(
            |(i, P(account, published_at, theme, audience, residence, metrics))| PostFact {
                id: format!("facebook:{i}"),
                account,
                published_at,
                text: format!("post {i}"),
                permalink: None,
                residence,
                territory: None,
                metrics,
                theme: Some(theme),
                secondary_themes: Vec::new(),
                audience: Some(audience),
            },
        )
        .collect();
    let c =
        |post, created_at, who: &str, kind, urgency, sentiment, residence, reply: Option<i64>| {
            CommentFact {
                post,
                created_at,
                author: Some(who.into()),
                category: Some(Category::Question),
                urgency,
                sentiment,
                author_kind: kind,
                residence,
                first_reply_at: reply,
            }
        };
    use AuthorKind::{Partner, Public, Tenant};
    use Sentiment::{Negative, Neutral, Positive};
    use Urgency::{None as NoAnswer, Normal, Urgent};
    let comments = vec![
        // C0: answered in 2 h (business and calendar).
        c(
            0,
            at(2026, 2, 2, 10),
            "p_a",
            Some(Tenant),
            Some(Normal),
            Some(Negative),
            Some(0),
            Some(at(2026, 2, 2, 12)),
        ),
        // C1: urgent, Friday 17:00 → Monday 10:00: 2 business hours, 65 calendar hours.
        c(
            0,
            at(2026, 2, 6, 17),
            "p_b",
            Some(Tenant),
            Some(Urgent),
            Some(Negative),
            None,
            Some(at(2026, 2, 9, 10)),
        ),
        // C2: never answered.
        c(
            1,
            at(2026, 2, 16, 9),
            "p_c",
            Some(Tenant),
            Some(Normal),
            Some(Neutral),
            None,
            None,
        ),
        // C3: a partner's praise, needs no answer.
        c(
            2,
            at(2026, 3, 2, 11),
            "p_d",
            Some(Partner),
            Some(NoAnswer),
            Some(Positive),
            None,
            None,
        ),
        // C4: Monday 10:00 → Friday 10:00: 8 + 9 + 9 + 9 + 1 = 36 business hours, 96 calendar.
        c(
            5,
            at(2026, 3, 23, 10),
            "p_a",
            Some(Tenant),
            Some(Normal),
            Some(Positive),
            None,
            Some(at(2026, 3, 27, 10)),
        ),
        // C5: Tuesday 14:00 → Friday 20 March 14:00: 4 + 3×9 + 4×9 + 5 = 72 business hours, 240 calendar.
        c(
            3,
            at(2026, 3, 10, 14),
            "p_e",
            Some(Public),
            Some(Normal),
            Some(Positive),
            None,
            Some(at(2026, 3, 20, 14)),
        ),
        // C6: not classified: counts in no rate.
        CommentFact {
            category: None,
            urgency: None,
            sentiment: None,
            author_kind: None,
            ..c(0, at(2026, 2, 3, 10), "p_f", None, None, None, None, None)
        },
        // The landlord's own reply: never a tenant comment.
        CommentFact {
            author: None,
            author_kind: Some(AuthorKind::Landlord),
            ..c(
                0,
                at(2026, 2, 2, 12),
                "",
                None,
                Some(NoAnswer),
                Some(Neutral),
                None,
                None,
            )
        },
        // p_g: positive in December, February and March → an ambassador.
        c(
            6,
            at(2025, 12, 10, 10),
            "p_g",
            Some(Tenant),
            Some(NoAnswer),
            Some(Positive),
            None,
            None,
        ),
        c(
            0,
            at(2026, 2, 20, 10),
            "p_g",
            Some(Tenant),
            Some(NoAnswer),
            Some(Positive),
            None,
            None,
        ),
        c(
            2,
            at(2026, 3, 5, 10),
            "p_g",
            Some(Tenant),
            Some(NoAnswer),
            Some(Positive),
            None,
            None,
        ),
        // p_a in January: positive, but p_a was negative in February.
        c(
            6,
            at(2026, 1, 12, 10),
            "p_a",
            Some(Tenant),
            Some(NoAnswer),
            Some(Positive),
            None,
            None,
        ),
    ];
    let scan = |link: &str, action: &str, residence, territory, d, scans| ScanFact {
        link: link.into(),
        action: action.into(),
        residence,
        territory,
        day: d,
        scans,
        bots: 2,
    };
    let visit = |network: Option<&str>, visits| VisitFact {
        day: day(2026, 2, 10),
        network: network.map(str::to_string),
        visits,
    };
    let survey = |t, score| SurveyFact {
        scope: SurveyScope::Territory(t),
        year: 2025,
        question: "communication".into(),
        score,
        respondents: 100,
    };
    Facts {
        organisation: "Bailleur à la main".into(),
        territories: vec![
            t("nord", None),
            t("agence-a", Some(0)),
            t("agence-b", Some(0)),
            t("agence-c", Some(0)),
        ],
        residences: vec![r("R0", 100, 1), r("R1", 50, 2), r("R2", 30, 3)],
        accounts: vec![
            a("facebook:page", Network::Facebook, AccountKind::Page, None),
            a("linkedin:page", Network::Linkedin, AccountKind::Page, None),
            a(
                "linkedin:in/collab",
                Network::Linkedin,
                AccountKind::Collaborator,
                None,
            ),
            a(
                "facebook:groups/r0",
                Network::Facebook,
                AccountKind::Group,
                Some(1),
            ),
        ],
        posts,
        comments,
        followers: vec![
            (0, day(2026, 1, 31), 1000),
            (0, day(2026, 2, 28), 1100),
            (0, day(2026, 3, 31), 1210),
            (1, day(2026, 1, 31), 500),
            (2, day(2026, 1, 31), 200),
            (3, day(2026, 1, 31), 100),
        ],
        surveys: vec![
            survey(1, 60.0),
            survey(2, 70.0),
            survey(3, 80.0),
            SurveyFact {
                question: "overall".into(),
                ..survey(1, 90.0)
            },
        ],
        consents: vec![Consent {
            pseudonym: "p_g".into(),
            shown_as: "Gisèle".into(),
        }],
        scans: vec![
            scan("L1", "fete-voisins", Some(0), None, day(2026, 3, 1), 30),
            scan("L2", "fete-voisins", Some(1), None, day(2026, 3, 2), 10),
            scan("L3", "tri", None, Some(3), day(2026, 2, 10), 5),
            scan("L1", "fete-voisins", Some(0), None, day(2026, 1, 5), 100),
        ],
        visits: vec![
            visit(Some("facebook"), 30),
            visit(Some("linkedin"), 10),
            visit(None, 160),
        ],
    }
}

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
        .filter(|r| r.unit.as_deref() == unit)
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
