//! The residences a user sees (`GET /residences`, filterable by agency),
//! and one residence (`GET /residences/{id}`): its posts, the tenants'
//! comments naming it, its short links' scans and its KPIs.
//!
//! A residence outside the user's territories answers 404, like an unknown
//! one. Comment texts are not shown here: the inbox shows them.

use axum::extract::{Path, Query};
use axum::response::Response;
use maud::{Markup, html};
use relais_kpi::{Dim, Period, format};
use serde::Deserialize;

use super::kpi_view::{Visible, kpi_table, kpis_for, period_field, period_of, territory_name};
use crate::app::{AppStore, Ctx, Fail};
use crate::filters::{needs_answer, paginate};
use crate::html::{Nav, enc, page, pager, select, when};
use crate::i18n;
use crate::snapshot::Snapshot;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ListQuery {
    /// An agency id; empty: every agency in scope.
    pub agency: String,
    pub page: Option<usize>,
}

/// What the list shows of one residence.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Counts {
    pub posts: usize,
    pub comments: usize,
    /// Tenants' comments needing an answer that have none yet.
    pub open: usize,
    pub scans: u64,
}

/// Counts of every residence, in one pass over the facts.
pub(crate) fn counts(snap: &Snapshot) -> Vec<Counts> {
    let f = &snap.facts;
    let mut out = vec![Counts::default(); f.residences.len()];
    for p in f.posts.iter().filter_map(|p| p.residence) {
        out[p].posts += 1;
    }
    for (c, cm) in f.comments.iter().enumerate() {
        if let (Some(r), false) = (cm.residence, cm.is_landlord()) {
            out[r].comments += 1;
            out[r].open += usize::from(needs_answer(snap, c) && cm.first_reply_at.is_none());
        }
    }
    for s in &f.scans {
        if let Some(r) = s.residence {
            out[r].scans += s.scans;
        }
    }
    out
}

// The route table instantiates every handler with the store's type.
#[allow(clippy::extra_unused_type_parameters)]
pub async fn list<S: AppStore>(ctx: Ctx, Query(q): Query<ListQuery>) -> Result<Response, Fail> {
    render_list(&ctx, &q)
}

pub(crate) fn render_list(ctx: &Ctx, q: &ListQuery) -> Result<Response, Fail> {
    let snap = &ctx.snap;
    let agencies = ctx.scope.agencies(snap);
    let agency = match q.agency.trim() {
        "" => None,
        id => Some(
            snap.territory_index
                .get(id)
                .copied()
                .filter(|a| agencies.contains(a))
                .ok_or_else(|| {
                    Fail::Bad(format!("{} « {id} » {}", ctx.t("Agence", "Agency"), ctx.t(
                    "inconnue ou hors de vos territoires : choisissez-en une dans la liste.",
                    "unknown or outside your territories: choose one from the list.",
                )))
                })?,
        ),
    };
    let f = &snap.facts;
    let mut shown: Vec<usize> = (0..f.residences.len())
        .filter(|&r| ctx.scope.residence(snap, r))
        .filter(|&r| agency.is_none_or(|a| f.residence_agency(r) == a))
        .collect();
    shown.sort_by_key(|&r| {
        (
            &f.territories[f.residence_agency(r)].name,
            &f.residences[r].name,
        )
    });
    let (rows, page_no, pages) = paginate(&shown, q.page, Some(50));
    let all = counts(snap);
    let any = ctx.t("Toutes vos agences", "All your agencies");
    let options: Vec<(String, String)> = std::iter::once((String::new(), any.to_string()))
        .chain(
            agencies
                .iter()
                .map(|&a| (f.territories[a].id.clone(), f.territories[a].name.clone())),
        )
        .collect();
    let base = format!("/residences?agency={}", enc(q.agency.trim()));
    let body = html! {
        form.filters method="get" action="/residences" {
            (select("agency", ctx.t("Agence", "Agency"), &options, Some(q.agency.trim())))
            button type="submit" { (ctx.t("Filtrer", "Filter")) }
        }
        @if shown.is_empty() {
            p { (ctx.t("Aucune résidence dans ce choix. Les résidences s'importent avec « relais residence import ».",
                       "No residence for this choice. Residences are imported with `relais residence import`.")) }
        } @else {
            table {
                (head(ctx, &format!("{} ({}) — {}", ctx.t("Résidences", "Residences"), shown.len(),
                    ctx.t("publications, commentaires et scans depuis le début des données", "posts, comments and scans since the data begins")), &LIST_COLUMNS))
                tbody { @for r in rows { (list_row(ctx, r, all[r])) } }
            }
            (pager(ctx, &base, page_no, pages))
        }
    };
    Ok(page(
        ctx,
        ctx.t("Résidences", "Residences"),
        Nav::Residences,
        body,
    ))
}

const LIST_COLUMNS: [(&str, &str, bool); 7] = [
    ("Résidence", "Residence", false),
    ("Agence", "Agency", false),
    ("Logements", "Homes", true),
    ("Publications", "Posts", true),
    ("Commentaires de locataires", "Tenants' comments", true),
    ("En attente de réponse", "Awaiting an answer", true),
    ("Scans terrain", "Field scans", true),
];

/// A table's caption and column headers: (French, English, numeric).
fn head(ctx: &Ctx, caption: &str, columns: &[(&str, &str, bool)]) -> Markup {
    html! {
        caption { (caption) }
        thead { tr {
            @for (fr, en, num) in columns {
                @if *num { th.num scope="col" { (ctx.t(fr, en)) } } @else { th scope="col" { (ctx.t(fr, en)) } }
            }
        } }
    }
}

fn list_row(ctx: &Ctx, r: usize, n: Counts) -> Markup {
    let f = &ctx.snap.facts;
    let res = &f.residences[r];
    let lang = ctx.lang;
    html! {
        tr {
            th scope="row" { a href={ "/residences/" (enc(&res.id)) } { (res.name) } }
            td { (f.territories[res.agency].name) }
            td.num { (format::thousands(i64::from(res.homes), lang)) }
            td.num { (n.posts) }
            td.num { (n.comments) }
            td.num {
                @if n.open > 0 {
                    a href={ "/inbox?residence=" (enc(&res.id)) } { (n.open) span.sr-only { " " (ctx.t("commentaires en attente, voir dans la boîte de réception", "comments waiting, see in the inbox")) } }
                } @else { "0" }
            }
            td.num { (format::thousands(n.scans as i64, lang)) }
        }
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ShowQuery {
    pub period: String,
}

#[allow(clippy::extra_unused_type_parameters)]
pub async fn show<S: AppStore>(
    ctx: Ctx,
    Path(id): Path<String>,
    Query(q): Query<ShowQuery>,
) -> Result<Response, Fail> {
    render_show(&ctx, &id, &q)
}

pub(crate) fn render_show(ctx: &Ctx, id: &str, q: &ShowQuery) -> Result<Response, Fail> {
    let r = ctx
        .snap
        .residence_index
        .get(id)
        .copied()
        .filter(|&r| ctx.scope.residence(&ctx.snap, r))
        .ok_or(Fail::NotFound)?;
    let period = period_of(ctx, &q.period)?;
    let res = &ctx.snap.facts.residences[r];
    let body = html! {
        p {
            (ctx.t("Agence", "Agency")) " : " (territory_name(&ctx.snap, &ctx.snap.facts.territories[res.agency].id))
            " · " (format::thousands(i64::from(res.homes), ctx.lang)) " " (ctx.t("logements", "homes"))
            " · " a href="/residences" { (ctx.t("Toutes les résidences", "All residences")) }
        }
        (kpis(ctx, &res.id, &period))
        (scans(ctx, r, &period))
        (comments(ctx, r))
        (posts(ctx, r))
    };
    Ok(page(ctx, &res.name, Nav::Residences, body))
}

fn kpis(ctx: &Ctx, id: &str, period: &Period) -> Markup {
    // The residence is in scope: its rows are its agency's, never another's.
    let dims = Visible::of(ctx).dims(&[Dim::Residence]);
    let rows = kpis_for(ctx, period, &dims);
    let mine: Vec<_> = rows
        .iter()
        .filter(|r| r.at("residence") == Some(id))
        .collect();
    let caption = format!(
        "{} — {} {period}",
        ctx.t("Indicateurs de la résidence", "The residence's KPIs"),
        ctx.t("période", "period")
    );
    html! {
        section aria-labelledby="kpis" {
            h2 #kpis { (ctx.t("Indicateurs", "KPIs")) }
            form.filters method="get" action={ "/residences/" (enc(id)) } {
                (period_field(ctx, period))
                button type="submit" { (ctx.t("Afficher", "Show")) }
            }
            (kpi_table(ctx, &caption, &mine))
        }
    }
}

/// Scans of the residence's short links in the period, per link.
fn scans(ctx: &Ctx, r: usize, period: &Period) -> Markup {
    let mut links: Vec<(&str, &str, u64, chrono::NaiveDate)> = Vec::new();
    for s in ctx
        .snap
        .facts
        .scans
        .iter()
        .filter(|s| s.residence == Some(r) && period.contains_day(s.day))
    {
        match links.iter_mut().find(|l| l.0 == s.link) {
            Some(l) => (l.2, l.3) = (l.2 + s.scans, l.3.max(s.day)),
            None => links.push((&s.link, &s.action, s.scans, s.day)),
        }
    }
    links.sort_by_key(|l| std::cmp::Reverse(l.2));
    let table = || {
        html! {
                    (head(ctx, &format!("{} — {period}", ctx.t("Scans par lien, robots exclus", "Scans per link, bots excluded")),
                        &[("Lien", "Link", false), ("Action terrain", "Field action", false), ("Scans", "Scans", true), ("Dernier scan", "Last scan", false)]))
                    tbody { @for (link, action, n, last) in &links { tr {
                        th scope="row" { (link) }
                        td { (action) }
                        td.num { (format::thousands(*n as i64, ctx.lang)) }
                        td { (last.format(ctx.t("%d/%m/%Y", "%Y-%m-%d")).to_string()) }
                    } } }
        }
    };
    part("links", ctx.t("Liens courts et QR codes", "Short links and QR codes"), links.is_empty().then(|| ctx.t("Aucun scan sur la période. Créez un lien court et son affiche QR pour le hall avec « relais link add ».",
                           "No scan in the period. Make a short link and its QR poster for the hall with `relais link add`.")), table)
}

/// The latest tenants' comments naming the residence.
fn comments(ctx: &Ctx, r: usize) -> Markup {
    let f = &ctx.snap.facts;
    let mut mine: Vec<usize> = (0..f.comments.len())
        .filter(|&c| f.comments[c].residence == Some(r) && !f.comments[c].is_landlord())
        .collect();
    mine.sort_by_key(|&c| std::cmp::Reverse(f.comments[c].created_at));
    let lang = ctx.lang;
    let dash = || "—".to_string();
    let table = || {
        html! {
                    (head(ctx, &format!("{} ({} {})", ctx.t("Les 20 derniers commentaires qui nomment la résidence", "The latest 20 comments naming the residence"), mine.len(), ctx.t("au total", "in all")),
                        &[("Reçu le", "Received", false), ("Catégorie", "Category", false), ("Urgence", "Urgency", false), ("Sentiment", "Sentiment", false), ("Réponse", "Answer", false)]))
                    tbody { @for &c in mine.iter().take(20) { @let cm = &f.comments[c]; tr {
                        th scope="row" { a href={ "/inbox/" (enc(&cm.id)) } { (when(cm.created_at, lang)) } }
                        td { (cm.category.map_or_else(dash, |v| i18n::category(v, lang))) }
                        td { (cm.urgency.map_or_else(dash, |v| i18n::urgency(v, lang))) }
                        td { (cm.sentiment.map_or_else(dash, |v| i18n::sentiment(v, lang))) }
                        td { (answer(ctx, c)) }
                    } } }
        }
    };
    part(
        "comments",
        ctx.t("Commentaires des locataires", "Tenants' comments"),
        mine.is_empty().then(|| {
            ctx.t(
                "Aucun commentaire ne nomme cette résidence.",
                "No comment names this residence.",
            )
        }),
        table,
    )
}

fn answer(ctx: &Ctx, c: usize) -> String {
    match ctx.snap.facts.comments[c].first_reply_at {
        Some(at) => format!("{} {}", ctx.t("répondu le", "answered"), when(at, ctx.lang)),
        None if needs_answer(&ctx.snap, c) => {
            ctx.t("en attente de réponse", "awaiting an answer").into()
        }
        None => ctx
            .t("pas de réponse attendue", "no answer expected")
            .into(),
    }
}

/// The latest posts about the residence.
fn posts(ctx: &Ctx, r: usize) -> Markup {
    let f = &ctx.snap.facts;
    let mut mine: Vec<usize> = (0..f.posts.len())
        .filter(|&p| f.posts[p].residence == Some(r))
        .collect();
    mine.sort_by_key(|&p| std::cmp::Reverse(f.posts[p].published_at));
    let lang = ctx.lang;
    let table = || {
        html! {
                    (head(ctx, &format!("{} ({} {})", ctx.t("Les 20 dernières publications sur la résidence", "The latest 20 posts about the residence"), mine.len(), ctx.t("au total", "in all")),
                        &[("Publiée le", "Published", false), ("Réseau", "Network", false), ("Thème", "Theme", false), ("Texte", "Text", false)]))
                    tbody { @for &p in mine.iter().take(20) { @let post = &f.posts[p]; tr {
                        th scope="row" {
                            @match &post.permalink {
                                Some(url) => a href=(url) rel="noopener noreferrer" { (when(post.published_at, lang)) },
                                None => (when(post.published_at, lang)),
                            }
                        }
                        td { (i18n::network(f.accounts[post.account].network, lang)) }
                        td { (post.theme.map_or_else(|| "—".to_string(), |t| i18n::theme(t, lang))) }
                        td { (excerpt(&post.text)) }
                    } } }
        }
    };
    part("posts", ctx.t("Publications", "Posts"), mine.is_empty().then(|| ctx.t("Aucune publication n'est liée à cette résidence : racontez-la (histoire, travaux, vie du quartier).",
                           "No post is linked to this residence: tell its story (history, works, neighbourhood life).")), table)
}

/// A section of the residence page: its heading, then its table, or what
/// to do when it has nothing to show.
fn part(id: &str, title: &str, empty: Option<&str>, table: impl FnOnce() -> Markup) -> Markup {
    html! {
        section aria-labelledby=(id) {
            h2 id=(id) { (title) }
            @match empty {
                Some(text) => p { (text) },
                None => table { (table()) },
            }
        }
    }
}

fn excerpt(text: &str) -> String {
    let mut s: String = text.chars().take(160).collect();
    if text.chars().count() > 160 {
        s.push('…');
    }
    s
}
