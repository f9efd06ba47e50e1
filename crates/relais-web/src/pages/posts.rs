//! The posts: filter by network, theme, audience, territory, residence or
//! words; see their engagement; correct a theme or an audience (stored as a
//! person's label, which wins over the model's).

use std::sync::Arc;

use axum::Form;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use maud::{Markup, html};
use relais_core::{Audience, Network, Theme};
use serde::Deserialize;

use super::inbox::set_labels;
use crate::app::{App, AppStore, Ctx, Fail, see_other};
use crate::filters::{self, PostFilter};
use crate::html::{Nav, csrf, enc, notice, page, pager, select, when};
use crate::i18n;

fn filters_form(ctx: &Ctx, f: &PostFilter) -> Markup {
    let lang = ctx.lang;
    let any = Some(ctx.t("Tous", "All"));
    let snap = &ctx.snap;
    let places: Vec<(String, String)> =
        std::iter::once((String::new(), ctx.t("Tous", "All").to_string()))
            .chain(
                snap.facts
                    .territories
                    .iter()
                    .enumerate()
                    .filter(|&(t, _)| ctx.scope.territory(snap, Some(t)))
                    .map(|(_, t)| {
                        let name = if t.direction.is_some() {
                            format!("— {}", t.name)
                        } else {
                            t.name.clone()
                        };
                        (t.id.clone(), name)
                    }),
            )
            .collect();
    let residences: Vec<(String, String)> =
        std::iter::once((String::new(), ctx.t("Toutes", "All").to_string()))
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
        form.filters method="get" action="/posts" {
            (select("network", ctx.t("Réseau", "Network"), &i18n::options(Network::ALL, Network::code, i18n::network, lang, any), Some(f.network.as_str())))
            (select("theme", ctx.t("Thème", "Theme"), &i18n::options(Theme::ALL, Theme::code, i18n::theme, lang, any), Some(f.theme.as_str())))
            (select("audience", ctx.t("Public", "Audience"), &i18n::options(Audience::ALL, Audience::code, i18n::audience, lang, any), Some(f.audience.as_str())))
            (select("territory", ctx.t("Territoire", "Territory"), &places, Some(f.territory.as_str())))
            (select("residence", ctx.t("Résidence", "Residence"), &residences, Some(f.residence.as_str())))
            div.field {
                label for="f-q" { (ctx.t("Mots", "Words")) }
                input #f-q type="search" name="q" value=(f.q);
            }
            button type="submit" { (ctx.t("Filtrer", "Filter")) }
        }
    }
}

fn query_of(f: &PostFilter) -> String {
    let pairs = [
        ("network", &f.network),
        ("theme", &f.theme),
        ("audience", &f.audience),
        ("territory", &f.territory),
        ("residence", &f.residence),
        ("q", &f.q),
    ];
    crate::html::address("/posts", &pairs)
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct Done {
    done: String,
}

pub async fn list<S: AppStore>(
    _app: State<Arc<App<S>>>,
    ctx: Ctx,
    Query(f): Query<PostFilter>,
    Query(done): Query<Done>,
) -> Result<Response, Fail> {
    f.check(&ctx.snap, ctx.lang).map_err(Fail::Bad)?;
    let snap = ctx.snap.clone();
    let all = filters::posts(&snap, &ctx.scope, &f);
    let (shown, page_no, pages) = filters::paginate(&all, f.page, f.per_page);
    let lang = ctx.lang;
    let keep = Some(ctx.t("(inchangé)", "(unchanged)"));
    let themes = i18n::options(Theme::ALL, Theme::code, i18n::theme, lang, keep);
    let audiences = i18n::options(Audience::ALL, Audience::code, i18n::audience, lang, keep);
    let back = query_of(&f);
    let body = html! {
        @if done.done == "labels" {
            (notice("ok", ctx.t("Correction enregistrée : elle prime sur le modèle.", "Correction saved: it wins over the model.")))
        }
        (filters_form(&ctx, &f))
        p role="status" { (all.len()) " " (ctx.t("publication(s)", "post(s)")) }
        @if shown.is_empty() {
            p { (ctx.t("Aucune publication ne correspond à ces filtres.", "No post matches these filters.")) }
        } @else {
            table {
                caption { (ctx.t("Publications, les plus récentes d'abord", "Posts, newest first")) }
                thead { tr {
                    th scope="col" { (ctx.t("Publication", "Post")) }
                    th scope="col" { (ctx.t("Thème", "Theme")) }
                    th scope="col" { (ctx.t("Public", "Audience")) }
                    th scope="col" { (ctx.t("Lieu", "Place")) }
                    th.num scope="col" { (ctx.t("Engagements", "Engagements")) }
                } }
                tbody {
                    @for &p in &shown {
                        @let post = &snap.facts.posts[p];
                        @let account = &snap.facts.accounts[post.account];
                        tr {
                            td {
                                span.muted { (i18n::network(account.network, lang)) " · " (account.name) " · " (when(post.published_at, lang)) }
                                p { (post.text.chars().take(220).collect::<String>()) @if post.text.chars().count() > 220 { "…" } }
                                @if let Some(link) = &post.permalink {
                                    a href=(link) rel="noopener noreferrer" { (ctx.t("Voir sur le réseau", "See on the network")) }
                                }
                                @if ctx.may_write() {
                                    details {
                                        summary { (ctx.t("Corriger le classement", "Correct the labels")) }
                                        form method="post" action={ "/posts/" (enc(&post.id)) "/labels" } {
                                            (csrf(&ctx))
                                            input type="hidden" name="back" value=(back);
                                            (select_for(&post.id, "theme", ctx.t("Thème", "Theme"), &themes))
                                            (select_for(&post.id, "audience", ctx.t("Public", "Audience"), &audiences))
                                            button type="submit" { (ctx.t("Enregistrer", "Save")) }
                                        }
                                    }
                                }
                            }
                            td { (post.theme.map_or_else(|| "—".into(), |t| i18n::theme(t, lang))) }
                            td { (post.audience.map_or_else(|| "—".into(), |a| i18n::audience(a, lang))) }
                            td {
                                @if let Some(r) = post.residence {
                                    a href={ "/residences/" (enc(&snap.facts.residences[r].id)) } { (snap.facts.residences[r].name) }
                                } @else {
                                    (snap.post_territory(p).map_or_else(|| "—".to_string(), |t| snap.facts.territories[t].name.clone()))
                                }
                            }
                            td.num { (post.metrics.engagement().map_or_else(|| "—".into(), |e| relais_kpi::format::thousands(e as i64, lang))) }
                        }
                    }
                }
            }
            (pager(&ctx, &back, page_no, pages))
        }
    };
    Ok(page(&ctx, ctx.t("Publications", "Posts"), Nav::Posts, body))
}

/// A select whose id is unique on a page of many forms.
fn select_for(post: &str, name: &str, label: &str, options: &[(String, String)]) -> Markup {
    let id = format!(
        "{name}-{}",
        post.replace(|c: char| !c.is_ascii_alphanumeric(), "-")
    );
    html! {
        div.field {
            label for=(id) { (label) }
            select id=(id) name=(name) {
                @for (v, t) in options { option value=(v) { (t) } }
            }
        }
    }
}

#[derive(Deserialize)]
pub struct PostLabels {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    theme: String,
    #[serde(default)]
    audience: String,
    #[serde(default)]
    back: String,
}

pub async fn label<S: AppStore>(
    State(app): State<Arc<App<S>>>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(f): Form<PostLabels>,
) -> Result<Response, Fail> {
    let p = ctx
        .snap
        .post_index
        .get(&id)
        .copied()
        .ok_or(Fail::NotFound)?;
    if !ctx.scope.post(&ctx.snap, p) {
        return Err(Fail::NotFound);
    }
    ctx.require_write()?;
    ctx.check_csrf(&f.csrf)?;
    let fields = [
        ("theme", f.theme.as_str()),
        ("audience", f.audience.as_str()),
    ];
    set_labels(&app, &ctx, "post", &id, &fields).await?;
    let back = if f.back.starts_with("/posts") {
        f.back
    } else {
        "/posts?".into()
    };
    let sep = if back.contains('?') { '&' } else { '?' };
    Ok(see_other(&format!("{back}{sep}done=labels")))
}
