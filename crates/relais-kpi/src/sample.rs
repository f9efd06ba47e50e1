//! A small landlord built by hand, whose every KPI value is computed by hand
//! in `tests/hand.rs`; the audit's snapshot tests render it too.
//!
//! Direction `nord` with agencies `agence-a`, `agence-b`, `agence-c`;
//! residences R0 (agence-a, 100 homes), R1 (agence-b, 50), R2 (agence-c,
//! 30); a Facebook page, a LinkedIn page, a collaborator's LinkedIn, a
//! Facebook residents' group of agence-a. Its period is February–March 2026.

use chrono::{NaiveDate, TimeZone};
use chrono_tz::Europe::Paris;
use relais_core::{
    AccountKind, Audience, AuthorKind, Category, Network, Sentiment, Theme, Urgency,
};

use crate::facts::*;

/// The period the sample is built for.
pub const PERIOD: &str = "2026-02..2026-03";

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

/// The hand-built landlord.
pub fn landlord() -> Facts {
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
                id: format!("c-{who}-{created_at}"),
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
        landings: vec![
            landing(
                "facebook",
                "/actualites/fete-des-voisins",
                20,
                day(2026, 2, 10),
            ),
            landing("facebook", "/", 10, day(2026, 2, 10)),
            landing("relais", "/residences/r0", 12, day(2026, 2, 10)),
            // Before the period: left out.
            landing("linkedin", "/recrutement", 99, day(2025, 12, 10)),
        ],
    }
}

fn landing(source: &str, page: &str, visits: u64, day: NaiveDate) -> LandingFact {
    LandingFact {
        day,
        source: source.into(),
        landing: page.into(),
        visits,
    }
}
