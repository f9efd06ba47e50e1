//! `relais classify`: label what is not labelled yet, and the dispatch of
//! its subcommands (`text`, `eval`, `retrain` live in their own files).

use std::time::Duration;

use anyhow::anyhow;
use indicatif::{ProgressBar, ProgressStyle};
use relais_core::{Confidence, Label, LabelSource, LabelValue, Lang, Subject};
use relais_store::{SqlStore, Store};
use relais_text::classify::Classifier;
use relais_text::residence::ResidenceMatcher;
use serde::Serialize;

use super::{open, store_err};
use crate::cli::{ClassifyArgs, ClassifyCommand};
use crate::output::json;

/// The name under which a retrained classifier is kept.
pub(super) const MODEL: &str = "text";

pub async fn run(db: &str, lang: Lang, args: ClassifyArgs) -> anyhow::Result<()> {
    match args.command {
        None => label_everything(db, lang, args.json).await,
        Some(ClassifyCommand::Text(t)) => super::classify_text::text(db, lang, t, args.json).await,
        Some(ClassifyCommand::Eval(e)) => super::classify_eval::eval(lang, e, args.json),
        Some(ClassifyCommand::Retrain) => super::label::retrain(db, lang, args.json).await,
    }
}

/// The retrained classifier if there is one, else the shipped one.
pub(super) async fn classifier(store: &SqlStore, lang: Lang) -> anyhow::Result<Classifier> {
    match store.load_model(MODEL).await.map_err(store_err(lang))? {
        Some(bytes) => Classifier::from_bytes(&bytes).ok_or_else(|| {
            anyhow!(lang.pick(
                "le modèle réentraîné enregistré est illisible : relancez `relais classify retrain`",
                "the stored retrained model is unreadable: run `relais classify retrain`"
            ))
        }),
        None => Ok(Classifier::shipped()),
    }
}

pub(super) fn subject(kind: &str, stored: &str) -> Option<Subject> {
    Subject::from_stored(if kind == "post" { "post" } else { "comment" }, stored)
}

fn model(version: &str, confidence: f32) -> LabelSource {
    LabelSource::Model {
        version: version.to_string(),
        confidence: Confidence::new(f64::from(confidence).clamp(0.0, 1.0))
            .unwrap_or_else(|_| Confidence::new(0.0).expect("0 is a confidence")),
    }
}

#[derive(Serialize)]
struct Labelled {
    model_version: String,
    posts: u64,
    comments: u64,
    labels: u64,
}

async fn label_everything(db: &str, lang: Lang, as_json: bool) -> anyhow::Result<()> {
    let store = open(db, lang).await?;
    let todo = store.unlabelled().await.map_err(store_err(lang))?;
    let classifier = classifier(&store, lang).await?;
    let residences = store.residences().await.map_err(store_err(lang))?;
    let matcher = ResidenceMatcher::new(&residences);
    let bar = ProgressBar::new(todo.len() as u64);
    bar.set_style(
        ProgressStyle::with_template("{spinner} [{bar:30}] {pos}/{len} {msg}")
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
    );
    bar.enable_steady_tick(Duration::from_millis(120));
    let mut labels = Vec::new();
    let (mut posts, mut comments) = (0u64, 0u64);
    let v = classifier.version.as_str();
    for item in &todo {
        let Some(subject) = subject(&item.kind, &item.id) else {
            continue;
        };
        let residence = matcher.find(&item.text);
        let mut values: Vec<(LabelValue, f32)> = Vec::new();
        if item.kind == "post" {
            posts += 1;
            let l = classifier.post(&item.text, &item.network, &item.author_kind);
            values.push((LabelValue::Theme(l.theme.value), l.theme.confidence));
            values.push((
                LabelValue::Audience(l.audience.value),
                l.audience.confidence,
            ));
            for s in l.secondary_themes {
                values.push((LabelValue::SecondaryTheme(s.value), s.confidence));
            }
        } else {
            comments += 1;
            let l = classifier.comment(&item.text);
            values.push((
                LabelValue::Category(l.category.value),
                l.category.confidence,
            ));
            values.push((LabelValue::Urgency(l.urgency.value), l.urgency.confidence));
            values.push((
                LabelValue::Sentiment(l.sentiment.value),
                l.sentiment.confidence,
            ));
            values.push((
                LabelValue::AuthorKind(l.author_kind.value),
                l.author_kind.confidence,
            ));
        }
        if let Some(r) = residence {
            values.push((LabelValue::Residence(r.residence), r.confidence as f32));
        }
        for (value, confidence) in values {
            labels.push(Label {
                subject: subject.clone(),
                value,
                source: model(v, confidence),
            });
        }
        bar.inc(1);
    }
    bar.finish_and_clear();
    let written = store
        .write_model_labels(&labels)
        .await
        .map_err(store_err(lang))?;
    store.close().await;
    let report = Labelled {
        model_version: classifier.version.clone(),
        posts,
        comments,
        labels: written,
    };
    if as_json {
        return json(&report);
    }
    match lang {
        Lang::Fr => println!(
            "{posts} publication(s) et {comments} commentaire(s) étiquetés ({written} étiquettes, modèle {}).",
            report.model_version
        ),
        Lang::En => println!(
            "{posts} post(s) and {comments} comment(s) labelled ({written} labels, model {}).",
            report.model_version
        ),
    }
    Ok(())
}
