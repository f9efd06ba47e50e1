//! One comment: its message and post, the landlord's replies, the reply
//! form with saved replies, labels, assignment and internal notes.

use std::sync::Arc;

use axum::extract::{Path, Query, State};
use axum::response::Response;
use maud::{Markup, html};
use relais_core::{AuthorKind, Category, Lang, Sentiment, Urgency};
use relais_store::{CommentDetail, SavedReply, User};
use serde::Deserialize;

use super::actions::{MAX_TEXT, assignable};
use super::network::{self, Channel};
use super::{excerpt, shown_text, sla_badge, territory_name};
use crate::app::{App, AppStore, Ctx, Fail};
use crate::html::{self, Nav, csrf, enc, notice, page, select, when};
use crate::i18n;
use crate::snapshot::Snapshot;

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
        "posted" => ctx.t(
            "Réponse publiée sur le réseau et enregistrée : le délai de réponse en tient compte.",
            "Reply posted on the network and recorded: the response time counts it.",
        ),
        "hidden" => ctx.t(
            "Commentaire masqué sur le réseau : seuls son auteur et ses amis le voient encore.",
            "Comment hidden on the network: only its author and their friends still see it.",
        ),
        "shown" => ctx.t(
            "Commentaire de nouveau visible sur le réseau.",
            "Comment visible again on the network.",
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
    let channel = if ctx.may_write() {
        network::channel(&app, &ctx, c).await?
    } else {
        None
    };
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
                (hidden_box(&ctx, &detail, channel.as_ref()))
                (replies(&ctx, &detail))
                @if ctx.may_write() {
                    (reply_form(&ctx, &detail.id, &saved, &prefill, channel.as_ref()))
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

/// Whether the comment is hidden on its network, and the button that hides
/// it or shows it again when relais can.
fn hidden_box(ctx: &Ctx, d: &CommentDetail, channel: Option<&Channel>) -> Markup {
    let able = channel.filter(|ch| ch.can_hide());
    html! {
        @if let Some(h) = &d.hidden {
            p.notice.error role="status" {
                (ctx.t("Masqué sur le réseau par", "Hidden on the network by")) " " (h.by) ", " (when(h.at, ctx.lang)) "."
            }
        }
        @if let Some(ch) = able {
            form method="post" action={ "/inbox/" (enc(&d.id)) "/hide" } {
                (csrf(ctx))
                @if d.hidden.is_some() {
                    input type="hidden" name="hidden" value="0";
                    button type="submit" { (ctx.t("Afficher à nouveau sur ", "Show again on ")) (ch.name(ctx.lang)) }
                } @else {
                    input type="hidden" name="hidden" value="1";
                    button type="submit" { (ctx.t("Masquer sur ", "Hide on ")) (ch.name(ctx.lang)) }
                    " " span.muted { (ctx.t("(données personnelles, insultes : le commentaire n'est plus visible du public)", "(personal data, insults: the comment is no longer public)")) }
                }
            }
        }
    }
}

fn reply_form(
    ctx: &Ctx,
    id: &str,
    saved: &[SavedReply],
    prefill: &str,
    channel: Option<&Channel>,
) -> Markup {
    let posts = channel.filter(|ch| ch.can_reply());
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
                @if let Some(ch) = posts {
                    p.muted { (ctx.t(
                        "relais publie ce texte sous le commentaire, au nom du compte ; le message passe en « répondu » et les indicateurs de réponse en tiennent compte.",
                        "relais posts this text under the comment, as the account; the message becomes answered and the response KPIs count it."
                    )) }
                    div.inline-list {
                        button type="submit" name="publish" value="network" { (ctx.t("Publier sur ", "Post on ")) (ch.name(ctx.lang)) }
                        " "
                        button.secondary type="submit" name="publish" value="recorded" { (ctx.t("J'ai répondu ailleurs : enregistrer seulement", "I answered elsewhere: record only")) }
                    }
                } @else {
                    p.muted { (ctx.t(
                        "Publiez ce texte sur le réseau, puis enregistrez-le ici : le message passe en « répondu » et les indicateurs de réponse en tiennent compte.",
                        "Post this text on the network, then record it here: the message becomes answered and the response KPIs count it."
                    )) }
                    button type="submit" { (ctx.t("Enregistrer la réponse", "Record the reply")) }
                }
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
