//! Evaluating the classifiers on labelled examples, in the layout
//! `relais classify eval` prints: per field, precision/recall/F1 per class,
//! macro-F1, confusion; the recall of `urgent`; residence accuracy with
//! "none" counted as a class.

use serde::Serialize;

use crate::classify::Classifier;
use crate::corpus::{CommentExample, PostExample};
use crate::eval::{FieldReport, score};
use crate::residence::ResidenceMatcher;

/// Accuracy of residence links.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ResidenceReport {
    pub accuracy: f64,
    pub n: u64,
    /// A link where the truth has none.
    pub false_links: u64,
    /// No link where the truth has one.
    pub missed: u64,
    /// A link to another residence.
    pub wrong: u64,
}

/// Urgency scores, with the recall of `urgent`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UrgencyReport {
    #[serde(flatten)]
    pub field: FieldReport,
    pub urgent_recall: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CommentsReport {
    pub category: FieldReport,
    pub urgency: UrgencyReport,
    pub sentiment: FieldReport,
    pub author_kind: FieldReport,
    pub residence: ResidenceReport,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PostsReport {
    pub theme: FieldReport,
    pub audience: FieldReport,
    pub residence: ResidenceReport,
}

/// The whole evaluation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EvalReport {
    pub model_version: String,
    pub comments: CommentsReport,
    pub posts: PostsReport,
}

fn residences(pairs: &[(String, String)]) -> ResidenceReport {
    let mut r = ResidenceReport {
        accuracy: 0.0,
        n: pairs.len() as u64,
        false_links: 0,
        missed: 0,
        wrong: 0,
    };
    let mut right = 0;
    for (t, p) in pairs {
        match (t.is_empty(), p.is_empty()) {
            _ if t == p => right += 1,
            (true, false) => r.false_links += 1,
            (false, true) => r.missed += 1,
            _ => r.wrong += 1,
        }
    }
    r.accuracy = if pairs.is_empty() {
        0.0
    } else {
        f64::from(right) / pairs.len() as f64
    };
    r
}

/// Evaluates `classifier` (and `matcher`, when residences are known).
pub fn evaluate(
    classifier: &Classifier,
    matcher: Option<&ResidenceMatcher>,
    comments: &[CommentExample],
    posts: &[PostExample],
) -> EvalReport {
    let (mut cat, mut urg, mut sen, mut ak, mut res) = (vec![], vec![], vec![], vec![], vec![]);
    for c in comments {
        let l = classifier.comment(&c.text);
        cat.push((c.category.clone(), l.category.value.code().to_string()));
        urg.push((c.urgency.clone(), l.urgency.value.code().to_string()));
        sen.push((c.sentiment.clone(), l.sentiment.value.code().to_string()));
        ak.push((
            c.author_kind.clone(),
            l.author_kind.value.code().to_string(),
        ));
        if let Some(m) = matcher {
            let found = m
                .find(&c.text)
                .map(|r| r.residence.to_string())
                .unwrap_or_default();
            res.push((c.residence_id.trim().to_string(), found));
        }
    }
    let (mut theme, mut aud, mut pres) = (vec![], vec![], vec![]);
    for p in posts {
        let l = classifier.post(&p.text, &p.network, &p.author_kind);
        theme.push((p.theme.clone(), l.theme.value.code().to_string()));
        aud.push((p.audience.clone(), l.audience.value.code().to_string()));
        if let Some(m) = matcher {
            let found = m
                .find(&p.text)
                .map(|r| r.residence.to_string())
                .unwrap_or_default();
            pres.push((p.residence_id.trim().to_string(), found));
        }
    }
    let urgency = score(&urg);
    let urgent_recall = urgency.per_class.get("urgent").map_or(0.0, |s| s.recall);
    EvalReport {
        model_version: classifier.version.clone(),
        comments: CommentsReport {
            category: score(&cat),
            urgency: UrgencyReport {
                field: urgency,
                urgent_recall,
            },
            sentiment: score(&sen),
            author_kind: score(&ak),
            residence: residences(&res),
        },
        posts: PostsReport {
            theme: score(&theme),
            audience: score(&aud),
            residence: residences(&pres),
        },
    }
}
