//! `relais link allow-domain | create | bulk | purge`: the admin's allowed
//! domains, making short links, and the retention of their counts.
//! (`stats` and `poster` have their own files.)

use anyhow::anyhow;
use relais_core::{Lang, ResidenceId, Territory, TerritoryId, TerritoryKind};
use relais_links::plan::{LinkRequest, plan_links};
use relais_links::{AllowedDomain, LinkError};
use relais_store::{LinkScope, LinkStore, SqlStore, Store, StoredLink};
use serde::Serialize;

use super::{open, store_err};
use crate::cli::{LinkBulkArgs, LinkCommand, LinkCommon, LinkCreateArgs, LinkPurgeArgs};
use crate::output::json;

pub async fn run(db: &str, lang: Lang, command: LinkCommand) -> anyhow::Result<()> {
    match command {
        LinkCommand::AllowDomain(args) => allow_domain(db, lang, &args.domain, args.json).await,
        LinkCommand::Create(args) => create(db, lang, args).await,
        LinkCommand::Bulk(args) => bulk(db, lang, args).await,
        LinkCommand::Purge(args) => purge(db, lang, args).await,
        LinkCommand::Stats(_) | LinkCommand::Poster(_) => unreachable!("dispatched in commands"),
    }
}

/// A link error in the user's language.
pub fn link_err(lang: Lang) -> impl Fn(LinkError) -> anyhow::Error {
    move |e| anyhow!(e.message(lang))
}

/// `BASE/r/CODE`, after checking that the base is an http(s) address.
pub fn short_url(base: &str, code: &str, lang: Lang) -> anyhow::Result<String> {
    let ok = url::Url::parse(base)
        .is_ok_and(|u| matches!(u.scheme(), "https" | "http") && u.host().is_some());
    if !ok {
        return Err(anyhow!(
            "{}",
            match lang {
                Lang::Fr => format!(
                    "--base-url (ou RELAIS_BASE_URL) invalide « {base} » : attendu une adresse \
                     comme https://l.bailleur.fr"
                ),
                Lang::En => format!(
                    "invalid --base-url (or RELAIS_BASE_URL) `{base}`: expected an address such \
                     as https://l.bailleur.fr"
                ),
            }
        ));
    }
    Ok(format!("{}/r/{code}", base.trim_end_matches('/')))
}

async fn allow_domain(db: &str, lang: Lang, raw: &str, as_json: bool) -> anyhow::Result<()> {
    let domain = AllowedDomain::parse(raw).map_err(link_err(lang))?;
    let store = open(db, lang).await?;
    let new = store
        .allow_link_domain(domain.as_str())
        .await
        .map_err(store_err(lang))?;
    store.close().await;
    if as_json {
        return json(&serde_json::json!({"domain": domain.as_str(), "new": new}));
    }
    let d = domain.as_str();
    match (lang, new) {
        (Lang::Fr, true) => println!("Domaine autorisé : {d} (et ses sous-domaines)."),
        (Lang::Fr, false) => println!("{d} était déjà autorisé ; rien n'a changé."),
        (Lang::En, true) => println!("Domain allowed: {d} (and its subdomains)."),
        (Lang::En, false) => println!("{d} was already allowed; nothing changed."),
    }
    Ok(())
}

fn unknown(lang: Lang, what: [&str; 2], id: &str, list: &str) -> anyhow::Error {
    match lang {
        Lang::Fr => anyhow!(
            "{} inconnue : « {id} ». Voyez la liste : relais {list} list",
            what[0]
        ),
        Lang::En => anyhow!(
            "unknown {} `{id}`. See the list: relais {list} list",
            what[1]
        ),
    }
}

/// The territory `id`, which must be an agency when `agency_only`.
fn territory<'a>(
    territories: &'a [Territory],
    id: &str,
    agency_only: bool,
    lang: Lang,
) -> anyhow::Result<&'a Territory> {
    let what = if agency_only {
        ["agence", "agency"]
    } else {
        ["direction ou agence", "direction or agency"]
    };
    territories
        .iter()
        .find(|t| t.id.as_str() == id)
        .filter(|t| !agency_only || t.is_agency())
        .ok_or_else(|| unknown(lang, what, id, "territory"))
}

#[derive(Serialize)]
struct Created<'a> {
    code: &'a str,
    short_url: String,
    target: &'a str,
    #[serde(flatten)]
    link: &'a StoredLink,
    place: &'a str,
}

async fn create(db: &str, lang: Lang, args: LinkCreateArgs) -> anyhow::Result<()> {
    let store = open(db, lang).await?;
    let scope = match (&args.residence, &args.agency, &args.territory) {
        (Some(r), _, _) => {
            let id = ResidenceId::parse(r)
                .map_err(|_| unknown(lang, ["résidence", "residence"], r, "residence"))?;
            LinkScope::Residence(id)
        }
        (_, Some(a), _) | (_, _, Some(a)) => {
            let ts = store.territories().await.map_err(store_err(lang))?;
            let t = territory(&ts, a, args.agency.is_some(), lang)?;
            LinkScope::Territory(t.id.clone())
        }
        _ => unreachable!("clap requires one scope"),
    };
    let done = make(&store, lang, &args.common, vec![scope]).await;
    store.close().await;
    done
}

async fn bulk(db: &str, lang: Lang, args: LinkBulkArgs) -> anyhow::Result<()> {
    let store = open(db, lang).await?;
    let ts = store.territories().await.map_err(store_err(lang))?;
    let (id, agency_only) = match (&args.agency, &args.territory) {
        (Some(a), _) => (a, true),
        (_, Some(t)) => (t, false),
        _ => unreachable!("clap requires one scope"),
    };
    let t = territory(&ts, id, agency_only, lang)?;
    let agencies: Vec<&TerritoryId> = ts
        .iter()
        .filter(|a| {
            a.id == t.id
                || matches!(&a.kind, TerritoryKind::Agency { direction } if *direction == t.id)
        })
        .map(|a| &a.id)
        .collect();
    let scopes: Vec<LinkScope> = store
        .residences()
        .await
        .map_err(store_err(lang))?
        .into_iter()
        .filter(|r| agencies.contains(&&r.agency))
        .map(|r| LinkScope::Residence(r.id))
        .collect();
    if scopes.is_empty() {
        return Err(match lang {
            Lang::Fr => anyhow!(
                "{} n'a aucune résidence : importez-les d'abord (relais residence import FICHIER)",
                t.name
            ),
            Lang::En => anyhow!(
                "{} has no residence: import them first (relais residence import FILE)",
                t.name
            ),
        });
    }
    let done = make(&store, lang, &args.common, scopes).await;
    store.close().await;
    done?;
    // The posters of the agency's residences in the same command.
    if let Some(out) = args.posters {
        let posters = crate::cli::LinkPosterArgs {
            codes: Vec::new(),
            action: Some(args.common.action.clone()),
            format: crate::cli::PosterFormat::Pdf,
            size: crate::cli::PosterSize::A4,
            message: relais_links::poster::MESSAGE.to_string(),
            out: Some(out),
            base: args.common.base.clone(),
        };
        super::link_poster::run(db, lang, posters).await?;
    }
    Ok(())
}

/// Plans, stores and prints the links of `scopes`.
async fn make(
    store: &SqlStore,
    lang: Lang,
    common: &LinkCommon,
    scopes: Vec<LinkScope>,
) -> anyhow::Result<()> {
    short_url(&common.base.base_url, "", lang)?;
    let allowed: Vec<AllowedDomain> = store
        .link_domains()
        .await
        .map_err(store_err(lang))?
        .iter()
        .filter_map(|d| AllowedDomain::parse(d).ok())
        .collect();
    let request = LinkRequest {
        target: &common.target,
        action: &common.action,
        channel: common.channel,
    };
    let now = chrono::Utc::now().timestamp();
    let links = plan_links(&request, &scopes, &allowed, now).map_err(link_err(lang))?;
    store.create_links(&links).await.map_err(store_err(lang))?;
    let names = super::link_stats::place_names(store, lang).await?;
    let created: Vec<Created> = links
        .iter()
        .map(|l| {
            Ok(Created {
                code: &l.code,
                short_url: short_url(&common.base.base_url, &l.code, lang)?,
                target: &l.target,
                link: l,
                place: names
                    .get(super::link_stats::scope_id(&l.scope))
                    .map_or("", String::as_str),
            })
        })
        .collect::<anyhow::Result<_>>()?;
    if common.json {
        return match created.as_slice() {
            [one] => json(one),
            all => json(&all),
        };
    }
    println!(
        "{}",
        lang.pick(
            &format!("{} lien(s) créé(s) :", created.len()),
            &format!("{} link(s) created:", created.len())
        )
    );
    for c in &created {
        println!("  {}  {}  → {}", c.short_url, c.place, c.target);
    }
    let codes: Vec<&str> = created.iter().map(|c| c.code).collect();
    println!(
        "{} relais link poster {}",
        lang.pick("Affiches :", "Posters:"),
        if codes.len() > 3 {
            format!("--action {}", links[0].action_slug)
        } else {
            codes.join(" ")
        }
    );
    Ok(())
}

async fn purge(db: &str, lang: Lang, args: LinkPurgeArgs) -> anyhow::Result<()> {
    let before = retention_cutoff(args.months);
    let store = open(db, lang).await?;
    let n = store
        .purge_link_counts(&before)
        .await
        .map_err(store_err(lang))?;
    store.close().await;
    if args.json {
        return json(&serde_json::json!({"before": before, "deleted_days": n}));
    }
    match lang {
        Lang::Fr => println!("{n} compteur(s) journalier(s) antérieur(s) au {before} supprimé(s)."),
        Lang::En => println!("{n} daily count(s) before {before} deleted."),
    }
    Ok(())
}

/// The first day kept: today (Paris) minus `months`.
pub fn retention_cutoff(months: u32) -> String {
    relais_web::cutoff_day(months)
}
