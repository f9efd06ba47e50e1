//! `relais ambassador`: tenants who qualify as ambassadors (≥ 3 positive
//! interactions in ≥ 2 months of the last 12, none negative in the last 3),
//! shown by pseudonym; a name appears only once their consent is recorded.

use anyhow::anyhow;
use relais_core::{Lang, Timestamp};
use relais_store::Store;
use serde::Serialize;

use super::kpi::{facts, period};
use super::{open, store_err};
use crate::cli::{AmbassadorListArgs, ConsentArgs, WithdrawArgs};
use crate::output::json;

#[derive(Serialize)]
struct Listed {
    pseudonym: String,
    positive_interactions: u32,
    months: u32,
    comments: u32,
    last_comment: Timestamp,
    consent: bool,
    shown_as: Option<String>,
}

pub async fn list(db: &str, lang: Lang, args: AmbassadorListArgs) -> anyhow::Result<()> {
    let facts = facts(db, lang).await?;
    let period = period(args.period.as_deref(), &facts, lang)?;
    let found = relais_kpi::ambassadors(&facts, &period, |_| true);
    let listed: Vec<Listed> = found
        .into_iter()
        .map(|a| Listed {
            consent: a.shown_as.is_some(),
            pseudonym: a.pseudonym,
            positive_interactions: a.positives,
            months: a.months,
            comments: a.comments,
            last_comment: Timestamp::from_unix(a.last_at)
                .unwrap_or(Timestamp::from_unix(0).expect("epoch")),
            shown_as: a.shown_as,
        })
        .collect();
    if args.json {
        return json(&listed);
    }
    println!(
        "{} {} ({} {})",
        listed.len(),
        lang.pick("ambassadeur(s) potentiel(s)", "ambassador candidate(s)"),
        lang.pick("au", "as of"),
        period.end
    );
    for a in &listed {
        println!(
            "  {:<28} {:>3} {} {} {:>2} {}  {}",
            a.shown_as.as_deref().unwrap_or(&a.pseudonym),
            a.positive_interactions,
            lang.pick("messages positifs", "positive messages"),
            lang.pick("sur", "over"),
            a.months,
            lang.pick("mois", "months"),
            if a.consent {
                lang.pick("consentement recueilli", "consent recorded")
            } else {
                lang.pick("sans consentement : non nommé", "no consent: not named")
            }
        );
    }
    Ok(())
}

pub async fn consent(db: &str, lang: Lang, args: ConsentArgs) -> anyhow::Result<()> {
    set(
        db,
        lang,
        &args.pseudonym,
        Some(args.shown_as.trim()),
        &args.by,
    )
    .await?;
    println!(
        "{} {} ({})",
        lang.pick("Consentement enregistré pour", "Consent recorded for"),
        args.shown_as,
        args.pseudonym
    );
    Ok(())
}

pub async fn withdraw(db: &str, lang: Lang, args: WithdrawArgs) -> anyhow::Result<()> {
    set(db, lang, &args.pseudonym, None, &args.by).await?;
    println!(
        "{} {}",
        lang.pick("Consentement retiré pour", "Consent withdrawn for"),
        args.pseudonym
    );
    Ok(())
}

async fn set(
    db: &str,
    lang: Lang,
    pseudonym: &str,
    shown_as: Option<&str>,
    by: &str,
) -> anyhow::Result<()> {
    if shown_as.is_some_and(str::is_empty) {
        return Err(anyhow!("--as: {}", lang.pick("nom vide", "empty name")));
    }
    let store = open(db, lang).await?;
    let known = store
        .set_consent(pseudonym, shown_as, by, chrono::Utc::now().timestamp())
        .await
        .map_err(store_err(lang))?;
    store.close().await;
    if !known {
        return Err(anyhow!(
            "{} « {pseudonym} » ({})",
            lang.pick("personne inconnue", "unknown person"),
            lang.pick("voir relais ambassador list", "see relais ambassador list")
        ));
    }
    Ok(())
}
