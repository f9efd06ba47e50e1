//! The pages on the hand-built landlord of `relais_kpi::sample`: what a
//! referent may see, what a wrong filter answers, what the pages show.

use std::collections::BTreeMap;
use std::sync::Arc;

use axum::body::to_bytes;
use axum::response::Response;
use relais_core::Lang;
use relais_kpi::sample::PERIOD;
use relais_kpi::{Dim, Period, Row};
use relais_store::{Role, User};

use super::kpi_view::{Visible, cite, kpis_for, period_choices, period_of};
use super::{audit, dashboard, residences};
use crate::app::{Ctx, Fail};
use crate::scope::Scope;
use crate::snapshot::Snapshot;

fn ctx(role: Role, territories: &[&str], lang: Lang) -> Ctx {
    let facts = relais_kpi::sample::landlord();
    let snap = Arc::new(Snapshot::from_facts(facts, "test".into(), Vec::new()));
    let user = User {
        email: "someone@example.org".into(),
        name: "Someone".into(),
        role,
        territories: territories.iter().map(|t| t.to_string()).collect(),
        password_hash: None,
    };
    Ctx {
        scope: Scope::of(&user, &snap),
        user,
        snap,
        lang,
        csrf: "token".into(),
        bearer: false,
    }
}

fn referent() -> Ctx {
    ctx(Role::Referent, &["agence-a"], Lang::Fr)
}

fn communication(lang: Lang) -> Ctx {
    ctx(Role::Communication, &[], lang)
}

async fn text(page: Result<Response, Fail>) -> String {
    let body = page.expect("a page").into_body();
    String::from_utf8(to_bytes(body, usize::MAX).await.unwrap().to_vec()).unwrap()
}

fn bad(page: Result<Response, Fail>) -> String {
    match page {
        Err(Fail::Bad(message)) => message,
        Err(other) => panic!("expected a bad request, got {other:?}"),
        Ok(_) => panic!("expected a bad request, got a page"),
    }
}

fn dash(period: &str, slice: &str) -> dashboard::DashQuery {
    dashboard::DashQuery {
        period: period.into(),
        slice: slice.into(),
    }
}

#[test]
fn a_referent_keeps_only_the_rows_of_their_agencies() {
    let ctx = referent();
    let seen = Visible::of(&ctx);
    assert_eq!(seen.dims(&[Dim::Theme]), vec![Dim::Agency, Dim::Theme]);
    assert_eq!(seen.dims(&[Dim::Territory]), vec![Dim::Agency]);
    let period = Period::parse(PERIOD).unwrap();
    let rows = kpis_for(&ctx, &period, &seen.dims(&[]));
    assert!(rows.iter().any(|r| r.at("agency") == Some("agence-b")));
    assert!(rows.iter().any(|r| r.slice.is_empty()));
    let kept = seen.keep(&rows);
    assert!(!kept.is_empty());
    assert!(kept.iter().all(|r| r.at("agency") == Some("agence-a")));
}

#[test]
fn the_communication_team_sees_every_row_with_the_landlord_totals() {
    let ctx = communication(Lang::Fr);
    let seen = Visible::of(&ctx);
    assert!(seen.dims(&[]).is_empty());
    let rows = kpis_for(&ctx, &Period::parse(PERIOD).unwrap(), &[]);
    assert_eq!(seen.keep(&rows).len(), rows.len());
    assert!(seen.agency_names(&ctx.snap).is_none());
}

#[tokio::test]
async fn a_referents_dashboard_names_no_other_agency_and_no_landlord_total() {
    for slice in ["organisation", "agency", "theme", "month", "territory"] {
        let page = text(dashboard::render(&referent(), &dash(PERIOD, slice))).await;
        assert!(page.contains("agence-a"), "{slice}");
        for other in ["agence-b", "agence-c", "Organisme entier"] {
            assert!(!page.contains(other), "{slice}: {other}");
        }
        assert!(page.contains("Pourquoi un locataire s'abonnerait-il ?"));
    }
}

#[tokio::test]
async fn the_dashboard_shows_figures_table_and_charts_in_english() {
    let page = text(dashboard::render(
        &communication(Lang::En),
        &dash(PERIOD, "network"),
    ))
    .await;
    for part in [
        "Key figures",
        "Why would a tenant follow?",
        "<caption>",
        "<svg",
        "Every KPI",
        "n = ",
    ] {
        assert!(page.contains(part), "{part}");
    }
    assert!(!page.contains("NaN"));
}

#[test]
fn a_wrong_period_or_slice_says_what_is_accepted_in_the_users_language() {
    let en = communication(Lang::En);
    let m = bad(dashboard::render(&en, &dash("janvier", "")));
    assert!(m.contains("not understood") && m.contains("2026-Q2"), "{m}");
    let m = bad(dashboard::render(
        &communication(Lang::Fr),
        &dash("", "colour"),
    ));
    assert!(
        m.contains("Découpage inconnu") && m.contains("organisation"),
        "{m}"
    );
}

#[test]
fn an_empty_period_is_the_twelve_months_to_the_latest_data() {
    let ctx = communication(Lang::Fr);
    let p = period_of(&ctx, " ").unwrap();
    let last = ctx.snap.facts.last_day().unwrap();
    assert_eq!(p, Period::twelve_months_to(last));
    let choices = period_choices(&ctx);
    assert_eq!(choices[0].0, p.label());
    assert!(choices.iter().all(|(v, _)| Period::parse(v).is_ok()));
    assert_eq!(choices.len(), 7);
}

#[test]
fn a_missing_value_is_cited_with_its_reason_never_as_zero() {
    let ctx = communication(Lang::En);
    let row = Row::new("response_rate", BTreeMap::new(), "2026").missing(0, "no comment".into());
    assert_eq!(cite(&ctx, &[&row]), "not available (no comment)");
    assert_eq!(cite(&ctx, &[]), "not available");
}

#[test]
fn residences_count_their_posts_comments_and_scans() {
    let ctx = communication(Lang::Fr);
    let counts = residences::counts(&ctx.snap);
    let scans: Vec<u64> = counts.iter().map(|c| c.scans).collect();
    assert_eq!(scans, vec![130, 10, 0]);
    assert!(counts.iter().all(|c| c.open <= c.comments));
    assert!(counts[0].posts >= 1 && counts[0].comments >= 1);
}

#[tokio::test]
async fn a_referent_lists_and_opens_only_the_residences_of_their_agencies() {
    let q = residences::ListQuery::default();
    let page = text(residences::render_list(&referent(), &q)).await;
    assert!(page.contains(">R0<"));
    assert!(!page.contains(">R1<") && !page.contains(">R2<"));
    let other = residences::ListQuery {
        agency: "agence-b".into(),
        page: None,
    };
    bad(residences::render_list(&referent(), &other));
    let show = residences::ShowQuery::default();
    for id in ["R1", "nowhere"] {
        let r = residences::render_show(&referent(), id, &show);
        assert!(matches!(r, Err(Fail::NotFound)), "{id}");
    }
}

#[tokio::test]
async fn a_residence_page_shows_its_comments_links_and_kpis() {
    let ctx = communication(Lang::Fr);
    let q = residences::ShowQuery {
        period: PERIOD.into(),
    };
    let page = text(residences::render_show(&ctx, "R0", &q)).await;
    let comment = ctx
        .snap
        .facts
        .comments
        .iter()
        .find(|c| c.residence == Some(0))
        .unwrap();
    assert!(page.contains(&format!(
        "href=\"/inbox/{}\"",
        crate::html::enc(&comment.id)
    )));
    assert!(
        page.contains("fete-voisins") && page.contains(">30<"),
        "scans in the period"
    );
    assert!(page.contains("Indicateurs de la résidence"));
}

#[tokio::test]
async fn the_audit_is_for_the_whole_landlord_only() {
    assert!(matches!(
        audit::render_form(&referent()),
        Err(Fail::NotFound)
    ));
    let page = text(audit::render_form(&communication(Lang::Fr))).await;
    assert!(page.contains("action=\"/audit/report\"") && page.contains("for=\"f-lang\""));
    let en = communication(Lang::En);
    assert_eq!(audit::report_lang(&en, "").unwrap(), Lang::En);
    assert!(bad_lang(audit::report_lang(&en, "de")).contains("fr"));
    assert_eq!(audit::file_part("2025-11..2026-10"), "2025-11..2026-10");
    assert_eq!(audit::file_part("a\"b/c"), "a_b_c");
}

fn bad_lang(r: Result<Lang, Fail>) -> String {
    match r {
        Err(Fail::Bad(m)) => m,
        _ => panic!("expected a bad request"),
    }
}
