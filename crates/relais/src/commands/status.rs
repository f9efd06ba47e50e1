//! `relais status`: the organisation(s) and how much the database holds.

use relais_core::Lang;
use relais_store::Store;

use super::{open, store_err};
use crate::output::{json, number, rows};

pub async fn run(db: &str, lang: Lang, as_json: bool) -> anyhow::Result<()> {
    let store = open(db, lang).await?;
    let status = store.status().await.map_err(store_err(lang))?;
    store.close().await;
    if as_json {
        return json(&status);
    }
    println!(
        "{} {} ({} {}) — {}",
        lang.pick("Base", "Database"),
        status.backend,
        lang.pick("schéma", "schema"),
        status.schema_version,
        relais_store::redact(db)
    );
    if status.organisations.is_empty() {
        println!(
            "{}",
            lang.pick(
                "Aucun organisme pour l'instant : lancez `relais demo` pour un bailleur fictif.",
                "No organisation yet: run `relais demo` for a fictional landlord."
            )
        );
    }
    for o in &status.organisations {
        let demo = match status.demo_seed {
            Some(seed) => format!(" — {} {seed}", lang.pick("démo, graine", "demo, seed")),
            None => String::new(),
        };
        println!(
            "{} ({}, SIREN {}){demo}",
            o.name,
            o.family.code(),
            o.siren.as_str()
        );
    }
    let c = &status.counts;
    let n = |v: i64| number(v, lang);
    rows(&[
        (
            lang.pick("Directions territoriales", "Territorial directions"),
            n(c.directions),
        ),
        (lang.pick("Agences", "Agencies"), n(c.agencies)),
        (lang.pick("Résidences", "Residences"), n(c.residences)),
        (lang.pick("Comptes", "Accounts"), n(c.accounts)),
        (
            lang.pick("Relevés d'abonnés", "Follower counts"),
            n(c.follower_counts),
        ),
        (lang.pick("Publications", "Posts"), n(c.posts)),
        (
            lang.pick("Mesures", "Metric snapshots"),
            n(c.metric_snapshots),
        ),
        (lang.pick("Commentaires", "Comments"), n(c.comments)),
        (
            lang.pick("Réponses du bailleur", "Landlord replies"),
            n(c.replies),
        ),
        (
            lang.pick("Auteurs (pseudonymisés)", "Authors (pseudonymised)"),
            n(c.authors),
        ),
        (lang.pick("Étiquettes", "Labels"), n(c.labels)),
        (lang.pick("Utilisateurs", "Users"), n(c.users)),
        (
            lang.pick(
                "Séries quotidiennes (jours × mesures)",
                "Daily series (days × metrics)",
            ),
            n(c.account_metrics),
        ),
        (
            lang.pick("Fichiers importés", "Files imported"),
            n(c.imports),
        ),
        (
            lang.pick(
                "Résultats d'enquête de satisfaction",
                "Satisfaction survey results",
            ),
            n(c.survey_results),
        ),
        (
            lang.pick("Groupes d'habitants déclarés", "Declared residents' groups"),
            n(c.groups),
        ),
        (
            lang.pick("Ambassadeurs ayant consenti", "Ambassadors who consented"),
            n(c.ambassador_consents),
        ),
        (lang.pick("Liens courts", "Short links"), n(c.links)),
        (
            lang.pick("Jours de scans comptés", "Days of counted scans"),
            n(c.link_days),
        ),
        (
            lang.pick("Imports de trafic du site", "Website traffic imports"),
            n(c.traffic_imports),
        ),
    ]);
    Ok(())
}
