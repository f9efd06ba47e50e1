//! A person's corrections: `relais label set`, and `relais classify retrain`
//! which learns from the corpus and every correction.

use anyhow::anyhow;
use relais_core::{Label, LabelSource, LabelValue, Lang};
use relais_store::Store;
use relais_text::classify::{Classifier, Correction};
use relais_text::corpus::Corpus;

use super::classify::{MODEL, subject};
use super::{open, store_err};
use crate::cli::LabelSetArgs;
use crate::output::json;

pub async fn retrain(db: &str, lang: Lang, as_json: bool) -> anyhow::Result<()> {
    let store = open(db, lang).await?;
    let human = store.human_labels().await.map_err(store_err(lang))?;
    let corrections: Vec<Correction> = human
        .into_iter()
        .filter(|h| h.field != "residence")
        .map(|h| {
            if h.kind == "post" {
                Correction::Post {
                    text: h.text,
                    network: h.network,
                    author_kind: h.author_kind,
                    field: h.field,
                    value: h.value,
                }
            } else {
                Correction::Comment {
                    text: h.text,
                    field: h.field,
                    value: h.value,
                }
            }
        })
        .collect();
    let classifier = Classifier::train(&Corpus::shipped(), &corrections);
    let at = chrono::Utc::now().timestamp();
    store
        .save_model(MODEL, &classifier.version, &classifier.to_bytes(), at)
        .await
        .map_err(store_err(lang))?;
    store.close().await;
    if as_json {
        return json(
            &serde_json::json!({ "model_version": classifier.version, "corrections": corrections.len() }),
        );
    }
    match lang {
        Lang::Fr => println!(
            "Modèle réentraîné sur le corpus et {} correction(s) : {}",
            corrections.len(),
            classifier.version
        ),
        Lang::En => println!(
            "Model retrained on the corpus and {} correction(s): {}",
            corrections.len(),
            classifier.version
        ),
    }
    Ok(())
}

pub async fn set_label(db: &str, lang: Lang, args: LabelSetArgs) -> anyhow::Result<()> {
    let (kind, id) = match (&args.post, &args.comment) {
        (Some(p), _) => ("post", p.as_str()),
        (None, Some(c)) => ("comment", c.as_str()),
        (None, None) => unreachable!("clap requires one"),
    };
    let subject = subject(kind, id).ok_or_else(|| {
        anyhow!(
            "{} « {id} » : {}",
            lang.pick("identifiant", "id"),
            lang.pick(
                "attendu réseau:identifiant, par ex. facebook:123_456",
                "expected network:id, e.g. facebook:123_456"
            )
        )
    })?;
    let value = LabelValue::from_parts(&args.field, &args.value).map_err(|e| anyhow!("{e}"))?;
    let by = relais_core::Email::parse(&args.by).map_err(|e| anyhow!("{e}"))?;
    let store = open(db, lang).await?;
    store
        .set_human_label(&Label {
            subject,
            value,
            source: LabelSource::Human {
                by: by.as_str().to_string(),
            },
        })
        .await
        .map_err(store_err(lang))?;
    store.close().await;
    println!(
        "{} {kind} {id} : {} = {}",
        lang.pick("Correction enregistrée pour", "Correction stored for"),
        args.field,
        args.value
    );
    Ok(())
}
