//! The classifiers of relais: for a comment, its request category, urgency,
//! sentiment and author kind; for a post, its theme (and secondary themes)
//! and audience; for both, the residence it names. Each label comes with a
//! confidence and the model version.
//!
//! One linear model per field, all reading the same features of a text;
//! high-precision rules override urgency; the residence comes from the
//! matcher, never from a model. Training is deterministic, so a version
//! names exactly one set of weights.

use relais_core::{Audience, AuthorKind, Category, ResidenceId, Sentiment, Theme, Urgency};
use serde::Serialize;

use crate::corpus::Corpus;
use crate::features::{Features, features, features_into};
use crate::model::Model;

mod heads;
mod train;

use crate::normalize::{Normalized, normalize, normalize_into};
use heads::{Heads, LANES};

/// A label and how sure the model is.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Scored<T> {
    pub value: T,
    pub confidence: f32,
}

/// The labels of a comment.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CommentLabels {
    pub category: Scored<Category>,
    pub urgency: Scored<Urgency>,
    pub sentiment: Scored<Sentiment>,
    pub author_kind: Scored<AuthorKind>,
    pub residence: Option<Scored<ResidenceId>>,
    /// The urgency rule that fired, if one did.
    pub rule: Option<&'static str>,
}

/// The labels of a post.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PostLabels {
    pub theme: Scored<Theme>,
    pub secondary_themes: Vec<Scored<Theme>>,
    pub audience: Scored<Audience>,
    pub residence: Option<Scored<ResidenceId>>,
}

/// A person's correction, learnt from by [`Classifier::train`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Correction {
    Comment {
        text: String,
        field: String,
        value: String,
    },
    Post {
        text: String,
        network: String,
        author_kind: String,
        field: String,
        value: String,
    },
}

/// A comment is urgent when the model gives `urgent` at least this
/// probability: missing an urgent message costs more than a false alarm.
/// Chosen by cross-validation on the training split (see
/// `examples/urgency_threshold.rs`: urgent recall 0.945 at precision 0.63),
/// never on the test split.
pub const URGENT_THRESHOLD: f32 = 0.05;

/// Extra signals from the domain cues, the lexicon and the rules, as
/// feature names.
fn signals(n: &Normalized) -> Vec<&'static str> {
    let mut out = Vec::new();
    let scan = crate::cues::CommentScan::of(&n.folded);
    signals_into(n, scan, crate::rules::urgent_scanned(n, scan), &mut out);
    out
}

/// [`signals`] into `out` (cleared first) when the urgency rule is already
/// known.
fn signals_into(
    n: &Normalized,
    scan: crate::cues::CommentScan,
    rule: Option<&'static crate::rules::UrgencyRule>,
    out: &mut Vec<&'static str>,
) {
    out.clear();
    scan.cues_into(out);
    crate::lexicon::features_into(n, out);
    if let Some(rule) = rule {
        out.push("rule:urgent");
        out.push(rule.name);
    }
}

fn comment_features(n: &Normalized) -> Features {
    features(n, &[], &signals(n))
}

fn post_features(n: &Normalized, network: &str, author_kind: &str) -> Features {
    let net = format!("net:{network}");
    let ak = format!("ak:{author_kind}");
    features(
        n,
        &[net.as_str(), ak.as_str()],
        &crate::cues::post_cues(&n.folded),
    )
}

/// What labelling a comment needs, kept from one comment to the next on a
/// thread so that no buffer is allocated per comment.
#[derive(Default)]
struct CommentScratch {
    normalized: Normalized,
    signals: Vec<&'static str>,
    features: Features,
    scores: Vec<[f32; LANES]>,
}

thread_local! {
    static COMMENT_SCRATCH: std::cell::RefCell<CommentScratch> =
        std::cell::RefCell::default();
}

/// The trained classifiers.
#[derive(Debug, Clone)]
pub struct Classifier {
    /// Category, urgency, sentiment and author kind, scored together.
    comment_heads: Heads,
    category: Model,
    urgency: Model,
    sentiment: Model,
    author_kind: Model,
    theme: Model,
    audience: Model,
    /// Names the corpus and corrections the weights were learnt from.
    pub version: String,
}

fn index_of(classes: &[String], value: &str) -> Option<usize> {
    classes.iter().position(|c| c == value)
}

impl Classifier {
    fn assemble(
        category: Model,
        urgency: Model,
        sentiment: Model,
        author_kind: Model,
        theme: Model,
        audience: Model,
        version: String,
    ) -> Self {
        let comment_heads = Heads::new(&[&category, &urgency, &sentiment, &author_kind]);
        Self {
            comment_heads,
            category,
            urgency,
            sentiment,
            author_kind,
            theme,
            audience,
            version,
        }
    }

    /// The shipped classifier: trained on the corpus's training split.
    pub fn shipped() -> Self {
        Self::train(&Corpus::shipped().train(), &[])
    }

    /// Labels a comment (the residence is left to the matcher).
    pub fn comment(&self, text: &str) -> CommentLabels {
        COMMENT_SCRATCH.with(|scratch| {
            let scratch = &mut *scratch.borrow_mut();
            let n = &mut scratch.normalized;
            normalize_into(text, n);
            let scan = crate::cues::CommentScan::of(&n.folded);
            let rule = crate::rules::urgent_scanned(n, scan);
            signals_into(n, scan, rule, &mut scratch.signals);
            features_into(n, &[], &scratch.signals, &mut scratch.features);
            self.comment_heads
                .probabilities(&scratch.features, &mut scratch.scores);
            self.comment_labels(scratch.scores.as_flattened(), rule)
        })
    }

    /// A comment's labels from its heads' probabilities.
    fn comment_labels<'a>(
        &'a self,
        p: &[f32],
        rule: Option<&'static crate::rules::UrgencyRule>,
    ) -> CommentLabels {
        let sizes = &self.comment_heads.sizes;
        let (pc, rest) = p.split_at(sizes[0]);
        let (pu, rest) = rest.split_at(sizes[1]);
        let (ps, rest) = rest.split_at(sizes[2]);
        let pa = &rest[..sizes[3]];
        let best = |m: &'a Model, probs: &[f32]| {
            let (i, q) = probs
                .iter()
                .enumerate()
                .fold((0, f32::MIN), |b, (i, &q)| if q > b.1 { (i, q) } else { b });
            (m.classes[i].as_str(), q)
        };
        let (category, cp) = best(&self.category, pc);
        let (sentiment, sp) = best(&self.sentiment, ps);
        let (author, ap) = best(&self.author_kind, pa);
        let urgency = match rule {
            Some(_) => Scored {
                value: Urgency::Urgent,
                confidence: 0.99,
            },
            None => {
                let (u, up) = self.urgency_from(pu);
                Scored {
                    value: Urgency::parse(u).unwrap_or(Urgency::Normal),
                    confidence: up,
                }
            }
        };
        CommentLabels {
            category: Scored {
                value: Category::parse(category).unwrap_or(Category::Question),
                confidence: cp,
            },
            urgency,
            sentiment: Scored {
                value: Sentiment::parse(sentiment).unwrap_or(Sentiment::Neutral),
                confidence: sp,
            },
            author_kind: Scored {
                value: AuthorKind::parse(author).unwrap_or(AuthorKind::Unknown),
                confidence: ap,
            },
            residence: None,
            rule: rule.map(|r| r.name),
        }
    }

    /// The urgency class and its probability, with the urgent threshold.
    fn urgency_from(&self, p: &[f32]) -> (&str, f32) {
        let urgent = index_of(&self.urgency.classes, "urgent");
        if let Some(u) = urgent
            && p[u] >= URGENT_THRESHOLD
        {
            return ("urgent", p[u]);
        }
        let best = p
            .iter()
            .enumerate()
            .filter(|(i, _)| Some(*i) != urgent)
            .fold((0, f32::MIN), |b, (i, &q)| if q > b.1 { (i, q) } else { b });
        (self.urgency.classes[best.0].as_str(), best.1)
    }

    /// The model's probability that a comment is urgent, and whether a rule
    /// fires (for choosing the threshold).
    pub fn urgent_probability(&self, text: &str) -> (f32, bool) {
        let n = normalize(text);
        let p = self.urgency.probabilities(&comment_features(&n));
        let u = index_of(&self.urgency.classes, "urgent").map_or(0.0, |i| p[i]);
        (u, crate::rules::urgent(&n).is_some())
    }

    /// Labels a post (the residence is left to the matcher).
    pub fn post(&self, text: &str, network: &str, author_kind: &str) -> PostLabels {
        let n = normalize(text);
        let x = post_features(&n, network, author_kind);
        let probs = self.theme.probabilities(&x);
        let mut ranked: Vec<(usize, f32)> = probs.iter().copied().enumerate().collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1));
        let theme_of = |i: usize| Theme::parse(&self.theme.classes[i]).unwrap_or(Theme::Other);
        let (main, mp) = ranked[0];
        let secondary = ranked[1..]
            .iter()
            .take(2)
            .filter(|(_, p)| *p >= 0.2)
            .map(|(i, p)| Scored {
                value: theme_of(*i),
                confidence: *p,
            })
            .collect();
        let (a, ap) = self.audience.predict(&x);
        PostLabels {
            theme: Scored {
                value: theme_of(main),
                confidence: mp,
            },
            secondary_themes: secondary,
            audience: Scored {
                value: Audience::parse(&self.audience.classes[a]).unwrap_or(Audience::Public),
                confidence: ap,
            },
            residence: None,
        }
    }
}
