//! The community inbox: tenants' comments that need an answer, urgent
//! first, routed to the agencies; one comment with its context, its
//! assignment, saved replies, the reply, internal notes and label
//! corrections.

use std::sync::Arc;

use axum::Form;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use maud::{Markup, html};
use relais_core::{
    AuthorKind, Category, Label, LabelSource, LabelValue, Lang, Sentiment, Subject, Urgency,
};
use relais_store::{CommentDetail, Note, Role, SavedReply, User};
use serde::Deserialize;

use crate::app::{App, AppStore, Ctx, Fail, now, see_other};
use crate::filters::{self, CommentFilter, SlaState, Status};
use crate::html::{self, Nav, csrf, enc, notice, page, pager, select, when};
use crate::i18n;
use crate::scope::Scope;
use crate::snapshot::{Snapshot, Text};

/// The longest reply or note accepted.
const MAX_TEXT: usize = 8000;

/// The users a comment may be assigned to: anyone who sees it and may act.
pub fn assignable(users: &[User], snap: &Snapshot, c: usize) -> Vec<User> {
    users
        .iter()
        .filter(|u| u.role != Role::Auditor && Scope::of(u, snap).comment(snap, c))
        .cloned()
        .collect()
}

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

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ShowQuery {
    /// A saved reply to put in the reply box (works without JavaScript).
    template: Option<i64>,
    /// What was just done, for the confirmation.
    done: String,
}

fn done_text(ctx: &Ctx, done: &str) -> Option<&'static str> {
    Some(match done {
        "reply" => ctx.t(
            "Réponse enregistrée : le délai de réponse en tient compte.",
            "Reply recorded: the response time counts it.",
        ),
        "assign" => ctx.t("Attribution enregistrée.", "Assignment saved."),
        "note" => ctx.t("Note ajoutée.", "Note added."),
        "labels" => ctx.t(
            "Correction enregistrée : elle prime sur le modèle.",
            "Correction saved: it wins over the model.",
        ),
        _ => return None,
    })
}

pub async fn show<S: AppStore>(
    State(app): State<Arc<App<S>>>,
    ctx: Ctx,
    Path(id): Path<String>,
    Query(q): Query<ShowQuery>,
) -> Result<Response, Fail> {
    let c = ctx.comment(&id)?;
    let snap = ctx.snap.clone();
    let detail = app
        .store
        .comment_details(std::slice::from_ref(&id))
        .await
        .map_err(Fail::Store)?
        .into_iter()
        .next()
        .ok_or(Fail::NotFound)?;
    let saved = app.store.saved_replies().await.map_err(Fail::Store)?;
    let users = if ctx.may_write() {
        assignable(&app.store.users().await.map_err(Fail::Store)?, &snap, c)
    } else {
        Vec::new()
    };
    let prefill = q
        .template
        .and_then(|t| saved.iter().find(|s| s.id == t))
        .map(|s| s.body.clone())
        .unwrap_or_default();
    let cm = &snap.facts.comments[c];
    let title = match ctx.lang {
        Lang::Fr => format!("Message du {}", when(cm.created_at, ctx.lang)),
        Lang::En => format!("Message of {}", when(cm.created_at, ctx.lang)),
    };
    let body = html! {
        @if let Some(t) = done_text(&ctx, &q.done) { (notice("ok", t)) }
        p { a href="/inbox" { "← " (ctx.t("Retour à la boîte de réception", "Back to the inbox")) } }
        div.two {
            div.stack {
                (message(&ctx, &snap, c, &detail))
                (replies(&ctx, &detail))
                @if ctx.may_write() {
                    (reply_form(&ctx, &detail.id, &saved, &prefill))
                }
            }
            div.stack {
                (facts_box(&ctx, &snap, c))
                @if ctx.may_write() {
                    (assign_form(&ctx, &detail, &users))
                    (labels_form(&ctx, &snap, c))
                }
                (notes(&ctx, &detail))
            }
        }
    };
    Ok(page(&ctx, &title, Nav::Inbox, body))
}

fn message(ctx: &Ctx, snap: &Snapshot, c: usize, d: &CommentDetail) -> Markup {
    let cm = &snap.facts.comments[c];
    let post = &snap.facts.posts[cm.post];
    let account = &snap.facts.accounts[post.account];
    html! {
        section aria-labelledby="msg-h" {
            h2 #msg-h { (ctx.t("Le message", "The message")) }
            p {
                strong { (d.display_name.clone().unwrap_or_else(|| ctx.t("Personne non nommée", "Unnamed person").to_string())) }
                " · " (i18n::network(account.network, ctx.lang))
                " · " span.muted { (ctx.t("pseudonyme", "pseudonym")) " " code { (excerpt(&d.author, 12)) } }
            }
            blockquote.quote { (shown_text(ctx, &d.text, usize::MAX)) }
            (sla_badge(ctx, snap, c))
            h3 { (ctx.t("Sous la publication", "On the post")) }
            p.muted { (account.name) " · " (when(post.published_at, ctx.lang)) }
            blockquote.quote { (excerpt(&d.post_text, 400)) }
            @if let Some(link) = &d.post_permalink {
                p { a href=(link) rel="noopener noreferrer" { (ctx.t("Voir sur le réseau", "See on the network")) } }
            }
        }
    }
}

fn replies(ctx: &Ctx, d: &CommentDetail) -> Markup {
    html! {
        section aria-labelledby="rep-h" {
            h2 #rep-h { (ctx.t("Réponses du bailleur", "Landlord's replies")) }
            @if d.replies.is_empty() {
                p.muted { (ctx.t("Pas encore de réponse.", "No reply yet.")) }
            }
            @for r in &d.replies {
                div.card {
                    p.muted { (when(r.at, ctx.lang)) @if let Some(by) = &r.by { " · " (by) } }
                    p.quote { (r.text) }
                }
            }
        }
    }
}

fn reply_form(ctx: &Ctx, id: &str, saved: &[SavedReply], prefill: &str) -> Markup {
    let action = format!("/inbox/{}/reply", enc(id));
    html! {
        section aria-labelledby="answer-h" {
            h2 #answer-h { (ctx.t("Répondre", "Answer")) }
            div.notice {
                p { (ctx.t(
                    "Charte des réseaux sociaux de l'État : répondez d'abord aux demandes d'information ; ne traitez jamais une situation personnelle en public, orientez vers le message privé, l'agence ou le téléphone ; ne recopiez aucune donnée personnelle (nom, adresse, numéro de contrat).",
                    "The State's social-network charter: answer information requests first; never handle a personal case in public, send people to a private message, the agency or the phone; copy no personal data (name, address, contract number)."
                )) }
            }
            @if !saved.is_empty() {
                div.field {
                    label for="saved" { (ctx.t("Réponses types", "Saved replies")) }
                    select #saved data-fills="reply-text" {
                        option value="" { (ctx.t("Choisir un modèle…", "Choose a template…")) }
                        @for s in saved {
                            option value=(s.id) data-body=(s.body) { (s.title) }
                        }
                    }
                }
                details {
                    summary { (ctx.t("Modèles (sans JavaScript)", "Templates (without JavaScript)")) }
                    ul {
                        @for s in saved {
                            li { a href={ "/inbox/" (enc(id)) "?template=" (s.id) "#reply-text" } { (ctx.t("Utiliser :", "Use:")) " " (s.title) } }
                        }
                    }
                }
            }
            form method="post" action=(action) {
                (csrf(ctx))
                div.field {
                    label for="reply-text" { (ctx.t("Texte de la réponse publiée", "Text of the published reply")) }
                    textarea #reply-text name="text" required maxlength=(MAX_TEXT) { (prefill) }
                }
                p.muted { (ctx.t(
                    "Publiez ce texte sur le réseau, puis enregistrez-le ici : le message passe en « répondu » et les indicateurs de réponse en tiennent compte.",
                    "Post this text on the network, then record it here: the message becomes answered and the response KPIs count it."
                )) }
                button type="submit" { (ctx.t("Enregistrer la réponse", "Record the reply")) }
            }
        }
    }
}

fn facts_box(ctx: &Ctx, snap: &Snapshot, c: usize) -> Markup {
    let f = &snap.facts;
    let cm = &f.comments[c];
    let dash = || "—".to_string();
    html! {
        section aria-labelledby="facts-h" {
            h2 #facts-h { (ctx.t("Classement", "Labels")) }
            dl {
                dt { (ctx.t("Demande", "Request")) } dd { (cm.category.map_or_else(dash, |v| i18n::category(v, ctx.lang))) }
                dt { (ctx.t("Urgence", "Urgency")) } dd { (cm.urgency.map_or_else(dash, |v| i18n::urgency(v, ctx.lang))) }
                dt { (ctx.t("Tonalité", "Sentiment")) } dd { (cm.sentiment.map_or_else(dash, |v| i18n::sentiment(v, ctx.lang))) }
                dt { (ctx.t("Auteur", "Author")) } dd { (cm.author_kind.map_or_else(dash, |v| i18n::author_kind(v, ctx.lang))) }
                dt { (ctx.t("Résidence", "Residence")) } dd {
                    @if let Some(r) = cm.residence {
                        a href={ "/residences/" (enc(&f.residences[r].id)) } { (f.residences[r].name) }
                    } @else { "—" }
                }
                dt { (ctx.t("Agence", "Agency")) } dd { (territory_name(snap, snap.comment_territory(c))) }
            }
        }
    }
}

fn assign_form(ctx: &Ctx, d: &CommentDetail, users: &[User]) -> Markup {
    let current = d.assignment.as_ref().map(|a| a.assignee.as_str());
    let mut options = vec![(String::new(), ctx.t("Personne", "Nobody").to_string())];
    options.extend(users.iter().map(|u| {
        (
            u.email.clone(),
            format!("{} ({})", u.name, html::role_name(u.role, ctx.lang)),
        )
    }));
    html! {
        section aria-labelledby="assign-h" {
            h2 #assign-h { (ctx.t("Attribution", "Assignment")) }
            @if let Some(a) = &d.assignment {
                p { (ctx.t("Attribué à", "Assigned to")) " " strong { (a.assignee) } " " span.muted { "(" (when(a.assigned_at, ctx.lang)) ")" } }
            }
            form method="post" action={ "/inbox/" (enc(&d.id)) "/assign" } {
                (csrf(ctx))
                (select("assignee", ctx.t("Attribuer à", "Assign to"), &options, current))
                button type="submit" { (ctx.t("Attribuer", "Assign")) }
            }
            @if current != Some(ctx.user.email.as_str()) {
                form method="post" action={ "/inbox/" (enc(&d.id)) "/assign" } {
                    (csrf(ctx))
                    input type="hidden" name="assignee" value=(ctx.user.email);
                    button.secondary type="submit" { (ctx.t("Je m'en occupe", "I'll handle it")) }
                }
            }
        }
    }
}

fn labels_form(ctx: &Ctx, snap: &Snapshot, c: usize) -> Markup {
    let cm = &snap.facts.comments[c];
    let lang = ctx.lang;
    let keep = Some(ctx.t("(inchangé)", "(unchanged)"));
    let residences: Vec<(String, String)> = std::iter::once((
        String::new(),
        ctx.t("(inchangé)", "(unchanged)").to_string(),
    ))
    .chain(
        snap.facts
            .residences
            .iter()
            .enumerate()
            .filter(|&(r, _)| ctx.scope.residence(snap, r))
            .map(|(_, r)| (r.id.clone(), r.name.clone())),
    )
    .collect();
    html! {
        section aria-labelledby="labels-h" {
            h2 #labels-h { (ctx.t("Corriger le classement", "Correct the labels")) }
            form method="post" action={ "/inbox/" (enc(&cm.id)) "/labels" } {
                (csrf(ctx))
                (select("category", ctx.t("Demande", "Request"), &i18n::options(Category::ALL, Category::code, i18n::category, lang, keep), None))
                (select("urgency", ctx.t("Urgence", "Urgency"), &i18n::options(Urgency::ALL, Urgency::code, i18n::urgency, lang, keep), None))
                (select("sentiment", ctx.t("Tonalité", "Sentiment"), &i18n::options(Sentiment::ALL, Sentiment::code, i18n::sentiment, lang, keep), None))
                (select("author_kind", ctx.t("Auteur", "Author"), &i18n::options(AuthorKind::ALL, AuthorKind::code, i18n::author_kind, lang, keep), None))
                (select("residence", ctx.t("Résidence", "Residence"), &residences, None))
                button type="submit" { (ctx.t("Enregistrer la correction", "Save the correction")) }
            }
        }
    }
}

fn notes(ctx: &Ctx, d: &CommentDetail) -> Markup {
    html! {
        section aria-labelledby="notes-h" {
            h2 #notes-h { (ctx.t("Notes internes", "Internal notes")) }
            p.muted { (ctx.t("Jamais publiées ; visibles des personnes qui voient ce message.", "Never published; seen by those who see this message.")) }
            @for n in &d.notes {
                div.card {
                    p.muted { (n.author) " · " (when(n.at, ctx.lang)) }
                    p.quote { (n.text) }
                }
            }
            @if ctx.may_write() {
                form method="post" action={ "/inbox/" (enc(&d.id)) "/note" } {
                    (csrf(ctx))
                    div.field {
                        label for="note-text" { (ctx.t("Nouvelle note", "New note")) }
                        textarea #note-text name="text" required maxlength=(MAX_TEXT) {}
                    }
                    button type="submit" { (ctx.t("Ajouter la note", "Add the note")) }
                }
            }
        }
    }
}

#[derive(Deserialize)]
pub struct TextForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    text: String,
}

/// Checks a form posted on a comment: in scope (404), allowed (403), CSRF.
fn writable(ctx: &Ctx, id: &str, token: &str) -> Result<usize, Fail> {
    let c = ctx.comment(id)?;
    ctx.require_write()?;
    ctx.check_csrf(token)?;
    Ok(c)
}

/// A reply's or note's text, trimmed and checked.
pub fn checked_text(lang: Lang, text: &str) -> Result<String, Fail> {
    let text = text.trim();
    if text.is_empty() {
        return Err(Fail::Bad(
            lang.pick(
                "le texte est vide : écrivez la réponse.",
                "the text is empty: write the reply.",
            )
            .into(),
        ));
    }
    if text.chars().count() > MAX_TEXT {
        return Err(Fail::Bad(match lang {
            Lang::Fr => format!("texte trop long : {MAX_TEXT} caractères au plus."),
            Lang::En => format!("text too long: {MAX_TEXT} characters at most."),
        }));
    }
    Ok(text.to_string())
}

fn back(id: &str, done: &str) -> Response {
    see_other(&format!("/inbox/{}?done={done}", enc(id)))
}

pub async fn reply<S: AppStore>(
    State(app): State<Arc<App<S>>>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(f): Form<TextForm>,
) -> Result<Response, Fail> {
    writable(&ctx, &id, &f.csrf)?;
    let text = checked_text(ctx.lang, &f.text)?;
    app.store
        .record_reply(&id, &text, &ctx.user.email, now())
        .await
        .map_err(Fail::Store)?
        .ok_or(Fail::NotFound)?;
    app.refresh().await?;
    Ok(back(&id, "reply"))
}

pub async fn note<S: AppStore>(
    State(app): State<Arc<App<S>>>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(f): Form<TextForm>,
) -> Result<Response, Fail> {
    writable(&ctx, &id, &f.csrf)?;
    let text = checked_text(ctx.lang, &f.text)?;
    let note = Note {
        comment_id: id.clone(),
        author: ctx.user.email.clone(),
        at: now(),
        text,
    };
    if !app.store.add_note(&note).await.map_err(Fail::Store)? {
        return Err(Fail::NotFound);
    }
    app.log(&ctx.user.email, "comment.note", &id, "").await;
    Ok(back(&id, "note"))
}

#[derive(Deserialize)]
pub struct AssignForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    assignee: String,
}

/// Assigns a comment after checking the assignee sees it; shared with the API.
pub async fn assign_to<S: AppStore>(
    app: &App<S>,
    ctx: &Ctx,
    c: usize,
    assignee: Option<&str>,
) -> Result<(), Fail> {
    let id = &ctx.snap.facts.comments[c].id;
    if let Some(email) = assignee {
        let users = app.store.users().await.map_err(Fail::Store)?;
        let ok = assignable(&users, &ctx.snap, c)
            .iter()
            .any(|u| u.email == email);
        if !ok {
            return Err(Fail::Bad(match ctx.lang {
                Lang::Fr => format!(
                    "« {email} » ne peut pas recevoir ce message : ce n'est pas un utilisateur qui voit ce territoire (ou il est en lecture seule)."
                ),
                Lang::En => format!(
                    "`{email}` cannot be given this message: not a user who sees this territory (or read-only)."
                ),
            }));
        }
    }
    if !app
        .store
        .assign(id, assignee, &ctx.user.email, now())
        .await
        .map_err(Fail::Store)?
    {
        return Err(Fail::NotFound);
    }
    app.refresh().await
}

pub async fn assign<S: AppStore>(
    State(app): State<Arc<App<S>>>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(f): Form<AssignForm>,
) -> Result<Response, Fail> {
    let c = writable(&ctx, &id, &f.csrf)?;
    let assignee = f.assignee.trim().to_lowercase();
    assign_to(
        &app,
        &ctx,
        c,
        Some(assignee.as_str()).filter(|a| !a.is_empty()),
    )
    .await?;
    Ok(back(&id, "assign"))
}

#[derive(Deserialize)]
pub struct LabelsForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    category: String,
    #[serde(default)]
    urgency: String,
    #[serde(default)]
    sentiment: String,
    #[serde(default)]
    author_kind: String,
    #[serde(default)]
    residence: String,
}

/// Stores a person's labels (the non-empty fields) on a post or comment.
pub async fn set_labels<S: AppStore>(
    app: &App<S>,
    ctx: &Ctx,
    kind: &str,
    id: &str,
    fields: &[(&str, &str)],
) -> Result<usize, Fail> {
    let subject = Subject::from_stored(kind, id).ok_or(Fail::NotFound)?;
    let mut n = 0;
    for (field, value) in fields.iter().filter(|(_, v)| !v.trim().is_empty()) {
        let value = LabelValue::from_parts(field, value.trim())
            .map_err(|e| Fail::Bad(format!("{field} : {e}")))?;
        if let LabelValue::Residence(r) = &value {
            let known = ctx
                .snap
                .residence_index
                .get(r.as_str())
                .is_some_and(|&i| ctx.scope.residence(&ctx.snap, i));
            if !known {
                return Err(Fail::Bad(format!(
                    "residence « {} » : {}",
                    r.as_str(),
                    ctx.t(
                        "inconnue dans vos territoires",
                        "unknown in your territories"
                    )
                )));
            }
        }
        let label = Label {
            subject: subject.clone(),
            value,
            source: LabelSource::Human {
                by: ctx.user.email.clone(),
            },
        };
        app.store
            .set_human_label(&label)
            .await
            .map_err(Fail::Store)?;
        app.log(
            &ctx.user.email,
            "label.set",
            id,
            &format!("{field}={value}", value = value_code(&label.value)),
        )
        .await;
        n += 1;
    }
    if n > 0 {
        app.refresh().await?;
    }
    Ok(n)
}

fn value_code(v: &LabelValue) -> String {
    v.value().to_string()
}

pub async fn label<S: AppStore>(
    State(app): State<Arc<App<S>>>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(f): Form<LabelsForm>,
) -> Result<Response, Fail> {
    writable(&ctx, &id, &f.csrf)?;
    let fields = [
        ("category", f.category.as_str()),
        ("urgency", f.urgency.as_str()),
        ("sentiment", f.sentiment.as_str()),
        ("author_kind", f.author_kind.as_str()),
        ("residence", f.residence.as_str()),
    ];
    set_labels(&app, &ctx, "comment", &id, &fields).await?;
    Ok(back(&id, "labels"))
}
