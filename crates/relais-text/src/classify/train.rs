//! Learning a classifier from the corpus and people's corrections, and
//! keeping it as bytes (a retrained classifier lives in the database).
//! Training is deterministic, so a version names exactly one set of
//! weights.

use relais_core::{Audience, AuthorKind, Category, Sentiment, Theme, Urgency};

use super::{Classifier, Correction, comment_features, index_of, post_features};
use crate::corpus::{CommentExample, Corpus, PostExample};
use crate::features::Features;
use crate::model::{Model, TrainOptions};
use crate::normalize::normalize;

/// How much a human correction weighs against a corpus example.
const CORRECTION_WEIGHT: f32 = 3.0;

fn codes<T: Copy>(all: &[T], code: fn(T) -> &'static str) -> Vec<String> {
    all.iter().map(|c| code(*c).to_string()).collect()
}

fn train_field(
    classes: Vec<String>,
    examples: &[(Features, String, f32)],
    opts: TrainOptions,
) -> Model {
    let data: Vec<(Features, usize, f32)> = examples
        .iter()
        .filter_map(|(x, y, w)| index_of(&classes, y).map(|i| (x.clone(), i, *w)))
        .collect();
    Model::train(classes, &data, opts)
}

impl Classifier {
    /// Trains every model on a corpus and corrections.
    pub fn train(corpus: &Corpus, corrections: &[Correction]) -> Self {
        let opts = TrainOptions::default();
        let mut comments: Vec<(Features, &CommentExample)> = corpus
            .comments
            .iter()
            .map(|c| (comment_features(&normalize(&c.text)), c))
            .collect();
        comments.sort_by(|a, b| a.1.id.cmp(&b.1.id));
        let mut posts: Vec<(Features, &PostExample)> = corpus
            .posts
            .iter()
            .map(|p| {
                (
                    post_features(&normalize(&p.text), &p.network, &p.author_kind),
                    p,
                )
            })
            .collect();
        posts.sort_by(|a, b| a.1.id.cmp(&b.1.id));
        // Each correction's features once, with the field it corrects.
        let corrected: Vec<(bool, &str, Features, &str)> = corrections
            .iter()
            .map(|corr| match corr {
                Correction::Comment { text, field, value } => (
                    false,
                    field.as_str(),
                    comment_features(&normalize(text)),
                    value.as_str(),
                ),
                Correction::Post {
                    text,
                    network,
                    author_kind,
                    field,
                    value,
                } => (
                    true,
                    field.as_str(),
                    post_features(&normalize(text), network, author_kind),
                    value.as_str(),
                ),
            })
            .collect();
        let examples =
            |base: Vec<(Features, &str)>, post: bool, name: &str| -> Vec<(Features, String, f32)> {
                base.into_iter()
                    .map(|(x, y)| (x, y.to_string(), 1.0))
                    .chain(
                        corrected
                            .iter()
                            .filter(|(p, f, _, _)| *p == post && *f == name)
                            .map(|(_, _, x, v)| (x.clone(), v.to_string(), CORRECTION_WEIGHT)),
                    )
                    .collect()
            };
        let field = |pick: fn(&CommentExample) -> &str, name: &str| {
            examples(
                comments.iter().map(|(x, c)| (x.clone(), pick(c))).collect(),
                false,
                name,
            )
        };
        let post_field = |pick: fn(&PostExample) -> &str, name: &str| {
            examples(
                posts.iter().map(|(x, p)| (x.clone(), pick(p))).collect(),
                true,
                name,
            )
        };
        let category = train_field(
            codes(Category::ALL, Category::code),
            &field(|c| &c.category, "category"),
            opts,
        );
        let urgency = train_field(
            codes(Urgency::ALL, Urgency::code),
            &field(|c| &c.urgency, "urgency"),
            opts,
        );
        let sentiment = train_field(
            codes(Sentiment::ALL, Sentiment::code),
            &field(|c| &c.sentiment, "sentiment"),
            opts,
        );
        let author_kind = train_field(
            codes(&AuthorKind::ALL[..5], AuthorKind::code),
            &field(|c| &c.author_kind, "author_kind"),
            opts,
        );
        let theme = train_field(
            codes(Theme::ALL, Theme::code),
            &post_field(|p| &p.theme, "theme"),
            opts,
        );
        let audience = train_field(
            codes(Audience::ALL, Audience::code),
            &post_field(|p| &p.audience, "audience"),
            opts,
        );
        let version = format!(
            "relais-text-1+corpus-{}{}",
            corpus.fingerprint(),
            if corrections.is_empty() {
                String::new()
            } else {
                format!("+human-{}", corrections.len())
            }
        );
        Self::assemble(
            category,
            urgency,
            sentiment,
            author_kind,
            theme,
            audience,
            version,
        )
    }

    /// Every model as bytes, with the version, for keeping a retrained
    /// classifier in the database.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(b"RLC1");
        out.extend_from_slice(&(self.version.len() as u32).to_le_bytes());
        out.extend_from_slice(self.version.as_bytes());
        for m in [
            &self.category,
            &self.urgency,
            &self.sentiment,
            &self.author_kind,
            &self.theme,
            &self.audience,
        ] {
            let b = m.to_bytes();
            out.extend_from_slice(&(b.len() as u64).to_le_bytes());
            out.extend_from_slice(&b);
        }
        out
    }

    /// Reads [`Classifier::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Option<Self> {
        let rest = bytes.strip_prefix(b"RLC1")?;
        let len = u32::from_le_bytes(rest.get(..4)?.try_into().ok()?) as usize;
        let version = String::from_utf8(rest.get(4..4 + len)?.to_vec()).ok()?;
        let mut at = 4 + len;
        let mut models = Vec::new();
        for _ in 0..6 {
            let n = u64::from_le_bytes(rest.get(at..at + 8)?.try_into().ok()?) as usize;
            at += 8;
            models.push(Model::from_bytes(rest.get(at..at + n)?)?);
            at += n;
        }
        let mut it = models.into_iter();
        Some(Self::assemble(
            it.next()?,
            it.next()?,
            it.next()?,
            it.next()?,
            it.next()?,
            it.next()?,
            version,
        ))
    }
}
