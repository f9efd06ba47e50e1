//! `relais classify eval`: the shipped model's scores on labelled files (it
//! learns nothing from them).

use anyhow::{Context, anyhow};
use relais_core::Lang;
use relais_core::residences::{Placement, parse as parse_residences, to_domain};
use relais_text::classify::Classifier;
use relais_text::corpus::{self, CommentExample, PostExample};
use relais_text::evaluate::evaluate;
use relais_text::residence::ResidenceMatcher;

use crate::cli::ClassifyEvalArgs;
use crate::output::json;

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

pub fn eval(lang: Lang, args: ClassifyEvalArgs, as_json: bool) -> anyhow::Result<()> {
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
