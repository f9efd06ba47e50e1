//! Retention settings (admins only): how long tenants' words and names are
//! kept, and how long the short links' daily counts are. The server applies
//! them when it starts and every day; an admin can apply them at once.

use std::sync::Arc;

use axum::Form;
use axum::extract::{Query, State};
use axum::response::Response;
use chrono::Months;
use maud::html;
use relais_core::Lang;
use serde::Deserialize;

use crate::app::{App, AppStore, Ctx, Fail, now, see_other};
use crate::html::{Nav, csrf, notice, page};

pub const COMMENTS_KEY: &str = "retention.comments_months";
pub const LINKS_KEY: &str = "retention.link_counts_months";
/// Three years for people's words and names, by default.
pub const COMMENTS_DEFAULT: u32 = 36;
/// Twenty-five months of daily link counts, by default.
pub const LINKS_DEFAULT: u32 = 25;
const MAX_MONTHS: u32 = 240;

/// The Paris day `months` before today (YYYY-MM-DD): counts of days before
/// it are purged.
pub fn cutoff_day(months: u32) -> String {
    let today = chrono::Utc::now()
        .with_timezone(&chrono_tz::Europe::Paris)
        .date_naive();
    today
        .checked_sub_months(Months::new(months))
        .unwrap_or(today)
        .format("%Y-%m-%d")
        .to_string()
}

/// The instant `months` before now: people's comments before it lose their
/// text.
fn cutoff_instant(months: u32) -> i64 {
    let now = chrono::Utc::now();
    now.checked_sub_months(Months::new(months))
        .unwrap_or(now)
        .timestamp()
}

async fn months<S: AppStore>(app: &App<S>, key: &str, default: u32) -> Result<u32, Fail> {
    Ok(app
        .store
        .setting(key)
        .await
        .map_err(Fail::Store)?
        .and_then(|v| v.parse().ok())
        .unwrap_or(default))
}

/// What applying the retention did.
pub struct Applied {
    pub texts: u64,
    pub names: u64,
    pub link_days: u64,
}

/// Applies both retention periods now.
pub async fn apply<S: AppStore>(app: &App<S>) -> Result<Applied, Fail> {
    let comments = months(app, COMMENTS_KEY, COMMENTS_DEFAULT).await?;
    let links = months(app, LINKS_KEY, LINKS_DEFAULT).await?;
    let (texts, names) = app
        .store
        .apply_retention(cutoff_instant(comments))
        .await
        .map_err(Fail::Store)?;
    let link_days = app
        .store
        .purge_link_counts(&cutoff_day(links))
        .await
        .map_err(Fail::Store)?;
    if texts + names + link_days > 0 {
        app.data.reload(&app.store).await.map_err(Fail::Store)?;
    }
    Ok(Applied {
        texts,
        names,
        link_days,
    })
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct Done {
    done: String,
    texts: u64,
    names: u64,
    days: u64,
}

pub async fn show<S: AppStore>(
    State(app): State<Arc<App<S>>>,
    ctx: Ctx,
    Query(done): Query<Done>,
) -> Result<Response, Fail> {
    ctx.require_admin()?;
    let comments = months(&app, COMMENTS_KEY, COMMENTS_DEFAULT).await?;
    let links = months(&app, LINKS_KEY, LINKS_DEFAULT).await?;
    let applied = match ctx.lang {
        Lang::Fr => format!(
            "Conservation appliquée : {} texte(s) de commentaire effacé(s), {} nom(s) retiré(s), {} jour(s) de comptage de liens purgé(s).",
            done.texts, done.names, done.days
        ),
        Lang::En => format!(
            "Retention applied: {} comment text(s) erased, {} name(s) removed, {} day(s) of link counts purged.",
            done.texts, done.names, done.days
        ),
    };
    let body = html! {
        (super::admin::tabs(&ctx, "/admin/retention"))
        @match done.done.as_str() {
            "saved" => (notice("ok", ctx.t("Durées enregistrées ; elles s'appliquent chaque jour.", "Periods saved; they apply every day."))),
            "applied" => (notice("ok", &applied)),
            _ => {}
        }
        p { (ctx.t(
            "Les commentaires des locataires sont des données personnelles. Au-delà de la durée choisie, un commentaire garde ce que comptent les indicateurs (date, publication, classement, réponse) mais perd son texte et les notes internes ; une personne sans commentaire plus récent perd son nom affiché. Pour effacer tout de suite une personne qui le demande : « relais person erase PSEUDONYME ».",
            "Tenants' comments are personal data. Past the chosen period a comment keeps what the KPIs count (date, post, labels, reply) but loses its text and internal notes; a person with no more recent comment loses their display name. To erase a person who asks at once: `relais person erase PSEUDONYM`."
        )) }
        form method="post" action="/admin/retention" {
            (csrf(&ctx))
            div.field {
                label for="comments-months" { (ctx.t("Textes et noms des personnes (mois)", "People's texts and names (months)")) }
                input #comments-months type="number" name="comments_months" min="1" max=(MAX_MONTHS) value=(comments) required;
            }
            div.field {
                label for="links-months" { (ctx.t("Comptages quotidiens des liens courts (mois)", "Short links' daily counts (months)")) }
                input #links-months type="number" name="links_months" min="1" max=(MAX_MONTHS) value=(links) required;
            }
            button type="submit" { (ctx.t("Enregistrer", "Save")) }
        }
        form method="post" action="/admin/retention/apply"
            data-confirm=(ctx.t("Effacer maintenant ce qui dépasse ces durées ?", "Erase now what is past these periods?")) {
            (csrf(&ctx))
            button.secondary type="submit" { (ctx.t("Appliquer maintenant", "Apply now")) }
        }
    };
    Ok(page(
        &ctx,
        ctx.t("Conservation des données", "Data retention"),
        Nav::Admin,
        body,
    ))
}

#[derive(Deserialize)]
pub struct SaveForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    comments_months: String,
    #[serde(default)]
    links_months: String,
}

pub async fn save<S: AppStore>(
    State(app): State<Arc<App<S>>>,
    ctx: Ctx,
    Form(f): Form<SaveForm>,
) -> Result<Response, Fail> {
    ctx.require_admin()?;
    ctx.check_csrf(&f.csrf)?;
    for (key, raw) in [
        (COMMENTS_KEY, &f.comments_months),
        (LINKS_KEY, &f.links_months),
    ] {
        let months: u32 = raw
            .trim()
            .parse()
            .ok()
            .filter(|m| (1..=MAX_MONTHS).contains(m))
            .ok_or_else(|| {
                Fail::Bad(match ctx.lang {
                    Lang::Fr => {
                        format!("durée « {raw} » : un nombre de mois entre 1 et {MAX_MONTHS}.")
                    }
                    Lang::En => {
                        format!("period `{raw}`: a number of months from 1 to {MAX_MONTHS}.")
                    }
                })
            })?;
        app.store
            .set_setting(key, &months.to_string(), &ctx.user.email, now())
            .await
            .map_err(Fail::Store)?;
    }
    Ok(see_other("/admin/retention?done=saved"))
}

#[derive(Deserialize)]
pub struct CsrfForm {
    #[serde(default)]
    pub csrf: String,
}

pub async fn apply_now<S: AppStore>(
    State(app): State<Arc<App<S>>>,
    ctx: Ctx,
    Form(f): Form<CsrfForm>,
) -> Result<Response, Fail> {
    ctx.require_admin()?;
    ctx.check_csrf(&f.csrf)?;
    let a = apply(&app).await?;
    app.log(
        &ctx.user.email,
        "retention.apply",
        "comments, link counts",
        &format!(
            "{} texts, {} names, {} link days",
            a.texts, a.names, a.link_days
        ),
    )
    .await;
    Ok(see_other(&format!(
        "/admin/retention?done=applied&texts={}&names={}&days={}",
        a.texts, a.names, a.link_days
    )))
}
