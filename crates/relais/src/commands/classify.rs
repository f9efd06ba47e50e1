//! `relais classify` (label what is not labelled yet), `classify text`,
//! `classify eval`, `classify retrain`, and `relais label set` (a person's
//! correction).

use std::time::Duration;

use anyhow::{Context, anyhow};
use indicatif::{ProgressBar, ProgressStyle};
use relais_core::residences::{Placement, parse as parse_residences, to_domain};
use relais_core::{
    CommentKey, Confidence, Label, LabelSource, LabelValue, Lang, Network, NetworkId, PostKey,
    Subject,
};
use relais_store::{SqlStore, Store};
use relais_text::classify::{Classifier, Correction};
use relais_text::corpus::{self, CommentExample, Corpus, PostExample};
use relais_text::evaluate::evaluate;
use relais_text::residence::ResidenceMatcher;
use serde::Serialize;

use super::{open, store_err};
use crate::cli::{ClassifyArgs, ClassifyCommand, ClassifyEvalArgs, ClassifyTextArgs, LabelSetArgs};
use crate::output::json;

/// The name under which a retrained classifier is kept.
const MODEL: &str = "text";

pub async fn run(db: &str, lang: Lang, args: ClassifyArgs) -> anyhow::Result<()> {
    match args.command {
        None => label_everything(db, lang, args.json).await,
        Some(ClassifyCommand::Text(t)) => text(db, lang, t, args.json).await,
        Some(ClassifyCommand::Eval(e)) => eval(lang, e, args.json),
        Some(ClassifyCommand::Retrain) => retrain(db, lang, args.json).await,
    }
}

/// The retrained classifier if there is one, else the shipped one.
async fn classifier(store: &SqlStore, lang: Lang) -> anyhow::Result<Classifier> {
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

fn subject(kind: &str, stored: &str) -> Option<Subject> {
    let (network, id) = stored.split_once(':')?;
    let network = Network::parse(network).ok()?;
    let network_id = NetworkId::parse(id).ok()?;
    Some(match kind {
        "post" => Subject::Post(PostKey {
            network,
            network_id,
        }),
        _ => Subject::Comment(CommentKey {
            network,
            network_id,
        }),
    })
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

async fn text(db: &str, lang: Lang, args: ClassifyTextArgs, as_json: bool) -> anyhow::Result<()> {
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

fn read_file(path: &std::path::Path, lang: Lang) -> anyhow::Result<String> {
    let bytes = std::fs::read(path).with_context(|| match lang {
        Lang::Fr => format!("impossible de lire {}", path.display()),
        Lang::En => format!("cannot read {}", path.display()),
    })?;
    String::from_utf8(bytes).map_err(|_| {
        anyhow!(
            "{} : {}",
            path.display(),
            lang.pick("le fichier doit être en UTF-8", "the file must be UTF-8")
        )
    })
}

fn eval(lang: Lang, args: ClassifyEvalArgs, as_json: bool) -> anyhow::Result<()> {
    let name = |p: &std::path::Path| p.display().to_string();
    let comments: Vec<CommentExample> =
        corpus::read(&name(&args.comments), &read_file(&args.comments, lang)?)?;
    let posts: Vec<PostExample> = corpus::read(&name(&args.posts), &read_file(&args.posts, lang)?)?;
    let matcher = match &args.residences {
        Some(path) => {
            let bytes = std::fs::read(path).with_context(|| format!("{}", path.display()))?;
            let parsed =
                parse_residences(&bytes, &name(path)).map_err(|e| anyhow!(e.message_fr()))?;
            let (_, residences) = to_domain(&parsed, &name(path), Placement::default())
                .map_err(|e| anyhow!(e.message_fr()))?;
            Some(ResidenceMatcher::new(&residences))
        }
        None => None,
    };
    let report = evaluate(&Classifier::shipped(), matcher.as_ref(), &comments, &posts);
    if as_json {
        return json(&report);
    }
    println!("{} {}", lang.pick("Modèle", "Model"), report.model_version);
    let field = |name: &str, r: &relais_text::eval::FieldReport| {
        println!(
            "{name}: macro-F1 {:.3}, {} {:.3} (n = {})",
            r.macro_f1,
            lang.pick("exactitude", "accuracy"),
            r.accuracy,
            r.n
        );
        for (class, s) in &r.per_class {
            println!(
                "    {class:<18} P {:.2}  R {:.2}  F1 {:.2}  ({})",
                s.precision, s.recall, s.f1, s.support
            );
        }
    };
    let c = &report.comments;
    field(
        lang.pick("Commentaires, catégorie", "Comments, category"),
        &c.category,
    );
    field(
        lang.pick("Commentaires, urgence", "Comments, urgency"),
        &c.urgency.field,
    );
    println!(
        "  {} {:.3}",
        lang.pick("rappel des urgences :", "urgent recall:"),
        c.urgency.urgent_recall
    );
    field(
        lang.pick("Commentaires, sentiment", "Comments, sentiment"),
        &c.sentiment,
    );
    field(
        lang.pick("Commentaires, auteur", "Comments, author kind"),
        &c.author_kind,
    );
    if matcher.is_some() {
        println!(
            "{} {:.3}",
            lang.pick(
                "Commentaires, résidence : exactitude",
                "Comments, residence: accuracy"
            ),
            c.residence.accuracy
        );
    }
    field(
        lang.pick("Publications, thème", "Posts, theme"),
        &report.posts.theme,
    );
    field(
        lang.pick("Publications, public", "Posts, audience"),
        &report.posts.audience,
    );
    if matcher.is_some() {
        println!(
            "{} {:.3}",
            lang.pick(
                "Publications, résidence : exactitude",
                "Posts, residence: accuracy"
            ),
            report.posts.residence.accuracy
        );
    }
    Ok(())
}

async fn retrain(db: &str, lang: Lang, as_json: bool) -> anyhow::Result<()> {
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
