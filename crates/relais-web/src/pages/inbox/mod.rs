//! The community inbox: tenants' comments that need an answer, urgent
//! first, routed to the agencies; one comment with its context, its
//! assignment, saved replies, the reply, internal notes and label
//! corrections.

use std::sync::Arc;

use axum::extract::{Query, State};
use axum::response::Response;
use maud::{Markup, html};
use relais_core::{Category, Lang, Sentiment, Urgency};

use crate::app::{App, AppStore, Ctx, Fail, now};
use crate::filters::{self, CommentFilter, SlaState, Status};
use crate::html::{Nav, enc, page, pager, select, when};
use crate::i18n;
use crate::snapshot::{Snapshot, Text};

mod actions;
mod network;
mod show;

pub use actions::{assign, assign_checked, checked_text, label, note, reply, set_labels};
pub use network::{hide, publish};
pub use show::show;

pub fn sla_badge(ctx: &Ctx, snap: &Snapshot, c: usize) -> Markup {
    let s = filters::sla(snap, c, now());
    // Business hours, or business days (9 hours) beyond two days.
    let hours = |h: f64| {
        if h >= 48.0 {
            let days = (h / 9.0).floor();
            match ctx.lang {
                Lang::Fr => format!("{days:.0} j ouvrés"),
                Lang::En => format!("{days:.0} business days"),
            }
        } else {
            format!("{:.0} h", h.floor())
        }
    };
    let (class, text) = match s.state {
        SlaState::Kept => (
            "sla-done",
            format!("{} {}", ctx.t("Répondu en", "Answered in"), hours(s.waited)),
        ),
        SlaState::AnsweredLate => (
            "sla-late",
            format!(
                "{} {}",
                ctx.t("Répondu en retard :", "Answered late:"),
                hours(s.waited)
            ),
        ),
        SlaState::Waiting => (
            "sla-ok",
            format!(
                "{} {}",
                ctx.t("Reste", "Left:"),
                hours(s.promise - s.waited)
            ),
        ),
        SlaState::Soon => (
            "sla-soon",
            format!(
                "{} {}",
                ctx.t("Bientôt en retard : reste", "Nearly late: left"),
                hours(s.promise - s.waited)
            ),
        ),
        SlaState::Late => (
            "sla-late",
            format!(
                "{} {}",
                ctx.t("En retard de", "Late by"),
                hours(s.waited - s.promise)
            ),
        ),
        SlaState::None => (
            "sla-done",
            ctx.t("Pas de réponse attendue", "No answer needed")
                .to_string(),
        ),
    };
    let title = match ctx.lang {
        Lang::Fr => format!(
            "Engagement de service : {:.0} heures ouvrées (lundi–vendredi 9 h–18 h, hors jours fériés)",
            s.promise
        ),
        Lang::En => format!(
            "Service promise: {:.0} business hours (Mon–Fri 9:00–18:00, public holidays off)",
            s.promise
        ),
    };
    html! { span.badge.(class) title=(title) { (text) } }
}

fn excerpt(text: &str, max: usize) -> String {
    let mut s: String = text.chars().take(max).collect();
    if text.chars().count() > max {
        s.push('…');
    }
    s
}

/// A comment's text, or why there is none (erased past the retention period).
fn shown_text(ctx: &Ctx, text: &str, max: usize) -> String {
    if text.is_empty() {
        ctx.t(
            "(texte effacé : durée de conservation dépassée)",
            "(text erased: retention period over)",
        )
        .to_string()
    } else {
        excerpt(text, max)
    }
}

fn territory_name(snap: &Snapshot, t: Option<usize>) -> String {
    t.map_or_else(|| "—".into(), |t| snap.facts.territories[t].name.clone())
}

/// The territories a user may filter on: agencies and directions in scope.
fn place_options(ctx: &Ctx) -> Vec<(String, String)> {
    let snap = &ctx.snap;
    let mut out = vec![(String::new(), ctx.t("Toutes", "All").to_string())];
    for (t, terr) in snap.facts.territories.iter().enumerate() {
        if ctx.scope.territory(snap, Some(t)) {
            let name = if terr.direction.is_some() {
                format!("— {}", terr.name)
            } else {
                terr.name.clone()
            };
            out.push((terr.id.clone(), name));
        }
    }
    out
}

fn filters_form(ctx: &Ctx, f: &CommentFilter) -> Markup {
    let lang = ctx.lang;
    let any = Some(ctx.t("Toutes", "All"));
    let status = [
        ("open", ctx.t("À traiter", "To answer")),
        ("answered", ctx.t("Répondus", "Answered")),
        ("all", ctx.t("Tous", "All")),
    ]
    .map(|(v, t)| (v.to_string(), t.to_string()));
    let age = [
        ("", ctx.t("Toutes", "Any")),
        ("24h", ctx.t("Moins de 24 h", "Under 24 h")),
        ("7d", ctx.t("Moins de 7 jours", "Under 7 days")),
        ("30d", ctx.t("Moins de 30 jours", "Under 30 days")),
        ("older", ctx.t("Plus de 30 jours", "Over 30 days")),
    ]
    .map(|(v, t)| (v.to_string(), t.to_string()));
    let assigned = [
        ("", ctx.t("Tous", "Anyone")),
        ("me", ctx.t("À moi", "To me")),
        ("none", ctx.t("Personne", "Nobody")),
    ]
    .map(|(v, t)| (v.to_string(), t.to_string()));
    html! {
        form.filters method="get" action="/inbox" data-auto {
            (select("status", ctx.t("État", "Status"), &status, Some(f.status.as_str()).filter(|s| !s.is_empty()).or(Some("open"))))
            (select("agency", ctx.t("Agence", "Agency"), &place_options(ctx), Some(f.agency.as_str())))
            (select("category", ctx.t("Demande", "Request"), &i18n::options(Category::ALL, Category::code, i18n::category, lang, any), Some(f.category.as_str())))
            (select("urgency", ctx.t("Urgence", "Urgency"), &i18n::options(Urgency::ALL, Urgency::code, i18n::urgency, lang, any), Some(f.urgency.as_str())))
            (select("sentiment", ctx.t("Tonalité", "Sentiment"), &i18n::options(Sentiment::ALL, Sentiment::code, i18n::sentiment, lang, any), Some(f.sentiment.as_str())))
            (select("age", ctx.t("Reçu", "Received"), &age, Some(f.age.as_str())))
            (select("assigned", ctx.t("Attribué", "Assigned"), &assigned, Some(f.assigned.as_str())))
            button type="submit" { (ctx.t("Filtrer", "Filter")) }
        }
    }
}

/// The query string of a filter, for the pager.
fn query_of(f: &CommentFilter) -> String {
    let pairs = [
        ("status", &f.status),
        ("agency", &f.agency),
        ("residence", &f.residence),
        ("network", &f.network),
        ("category", &f.category),
        ("urgency", &f.urgency),
        ("sentiment", &f.sentiment),
        ("age", &f.age),
        ("assigned", &f.assigned),
    ];
    crate::html::address("/inbox", &pairs)
}

pub async fn list<S: AppStore>(
    State(app): State<Arc<App<S>>>,
    ctx: Ctx,
    Query(f): Query<CommentFilter>,
) -> Result<Response, Fail> {
    f.check(&ctx.snap, ctx.lang).map_err(Fail::Bad)?;
    let snap = ctx.snap.clone();
    let all = filters::cached_comments(&snap, &ctx.scope, &f, &ctx.user.email, now());
    let urgent = all
        .iter()
        .filter(|&&c| snap.facts.comments[c].urgency == Some(Urgency::Urgent))
        .count();
    let (shown, page_no, pages) = filters::paginate(&all, f.page, f.per_page);
    let ids: Vec<String> = shown
        .iter()
        .map(|&c| snap.facts.comments[c].id.clone())
        .collect();
    let (mut texts, missing) = snap.texts(&ids);
    if !missing.is_empty() {
        for d in app
            .store
            .comment_details(&missing)
            .await
            .map_err(Fail::Store)?
        {
            let t = Text {
                text: d.text,
                display_name: d.display_name,
            };
            texts.insert(d.id.clone(), snap.keep_text(&d.id, t));
        }
    }
    let text_of = |id: &str| {
        texts
            .get(id)
            .map(|t| (t.text.clone(), t.display_name.clone()))
    };
    let summary = match (f.status(), ctx.lang) {
        (Status::Open, Lang::Fr) => format!(
            "{} message(s) attendent une réponse, dont {urgent} urgent(s).",
            all.len()
        ),
        (Status::Open, Lang::En) => {
            format!(
                "{} message(s) await an answer, {urgent} of them urgent.",
                all.len()
            )
        }
        (_, Lang::Fr) => format!("{} message(s).", all.len()),
        (_, Lang::En) => format!("{} message(s).", all.len()),
    };
    let body = html! {
        (filters_form(&ctx, &f))
        p role="status" { (summary) " " a href="/replies" { (ctx.t("Réponses types", "Saved replies")) } }
        @if !ctx.scope.is_all() {
            p.muted { (ctx.t("Vous voyez les messages de vos territoires.", "You see your territories' messages.")) }
        }
        @if shown.is_empty() {
            p { (ctx.t("Rien à traiter ici : aucun message ne correspond à ces filtres.", "Nothing here: no message matches these filters.")) }
        } @else {
            table {
                caption { (ctx.t("Messages des locataires", "Tenants' messages")) }
                thead { tr {
                    th scope="col" { (ctx.t("Message", "Message")) }
                    th scope="col" { (ctx.t("Délai", "Time")) }
                    th scope="col" { (ctx.t("Urgence", "Urgency")) }
                    th scope="col" { (ctx.t("Demande", "Request")) }
                    th scope="col" { (ctx.t("Agence", "Agency")) }
                    th scope="col" { (ctx.t("Reçu le", "Received")) }
                    th scope="col" { (ctx.t("Attribué à", "Assigned to")) }
                } }
                tbody {
                    @for &c in &shown {
                        @let cm = &snap.facts.comments[c];
                        @let (text, name) = text_of(&cm.id).unwrap_or_default();
                        tr {
                            td {
                                a href={ "/inbox/" (enc(&cm.id)) } { (shown_text(&ctx, &text, 140)) }
                                br;
                                span.muted { (name.unwrap_or_else(|| ctx.t("Personne non nommée", "Unnamed person").to_string())) }
                            }
                            td { (sla_badge(&ctx, &snap, c)) }
                            td {
                                @match cm.urgency {
                                    Some(Urgency::Urgent) => strong.urgent { (i18n::urgency(Urgency::Urgent, ctx.lang)) },
                                    Some(u) => (i18n::urgency(u, ctx.lang)),
                                    None => "—",
                                }
                            }
                            td { (cm.category.map_or_else(|| "—".into(), |v| i18n::category(v, ctx.lang))) }
                            td { (territory_name(&snap, snap.comment_territory(c))) }
                            td { (when(cm.created_at, ctx.lang)) }
                            td { (snap.assignments.get(&cm.id).map_or("—", |a| a.assignee.as_str())) }
                        }
                    }
                }
            }
            (pager(&ctx, &query_of(&f), page_no, pages))
        }
    };
    Ok(page(
        &ctx,
        ctx.t("Boîte de réception", "Inbox"),
        Nav::Inbox,
        body,
    ))
}
