//! `relais classify text "…"`: the labels of one text with their confidences.

use anyhow::Result;
use relais_core::Lang;
use relais_store::Store;
use relais_text::residence::ResidenceMatcher;

use super::classify::classifier;
use super::{open, store_err};
use crate::cli::ClassifyTextArgs;
use crate::output::json;

pub async fn text(db: &str, lang: Lang, args: ClassifyTextArgs, as_json: bool) -> Result<()> {
    let store = open(db, lang).await?;
    let classifier = classifier(&store, lang).await?;
    let residences = store.residences().await.map_err(store_err(lang))?;
    store.close().await;
    let matcher = ResidenceMatcher::new(&residences);
    let residence = matcher.find(&args.text);
    if args.post {
        let mut l = classifier.post(&args.text, &args.network, &args.author_kind);
        l.residence = residence.map(|r| relais_text::classify::Scored {
            value: r.residence,
            confidence: r.confidence as f32,
        });
        if as_json {
            return json(&serde_json::json!({ "model_version": classifier.version, "labels": l }));
        }
        println!(
            "{} {} ({:.0} %)",
            lang.pick("Thème :", "Theme:"),
            l.theme.value.label_fr(),
            l.theme.confidence * 100.0
        );
        for s in &l.secondary_themes {
            println!("  + {} ({:.0} %)", s.value.label_fr(), s.confidence * 100.0);
        }
        println!(
            "{} {} ({:.0} %)",
            lang.pick("Public :", "Audience:"),
            l.audience.value.label_fr(),
            l.audience.confidence * 100.0
        );
        if let Some(r) = &l.residence {
            println!(
                "{} {} ({:.0} %)",
                lang.pick("Résidence :", "Residence:"),
                r.value,
                r.confidence * 100.0
            );
        }
    } else {
        let mut l = classifier.comment(&args.text);
        l.residence = residence.map(|r| relais_text::classify::Scored {
            value: r.residence,
            confidence: r.confidence as f32,
        });
        if as_json {
            return json(&serde_json::json!({ "model_version": classifier.version, "labels": l }));
        }
        let line =
            |name: &str, label: &str, c: f32| println!("{name} {label} ({:.0} %)", c * 100.0);
        line(
            lang.pick("Catégorie :", "Category:"),
            l.category.value.label_fr(),
            l.category.confidence,
        );
        line(
            lang.pick("Urgence :", "Urgency:"),
            l.urgency.value.label_fr(),
            l.urgency.confidence,
        );
        line(
            lang.pick("Sentiment :", "Sentiment:"),
            l.sentiment.value.label_fr(),
            l.sentiment.confidence,
        );
        line(
            lang.pick("Auteur :", "Author:"),
            l.author_kind.value.label_fr(),
            l.author_kind.confidence,
        );
        if let Some(rule) = l.rule {
            println!(
                "  ({} {rule})",
                lang.pick("règle d'urgence :", "urgency rule:")
            );
        }
        if let Some(r) = &l.residence {
            println!(
                "{} {} ({:.0} %)",
                lang.pick("Résidence :", "Residence:"),
                r.value,
                r.confidence * 100.0
            );
        }
    }
    println!("{} {}", lang.pick("modèle", "model"), classifier.version);
    Ok(())
}
