//! The demo landlord: a deterministic fictional social landlord, two years
//! of its life on four networks, for newcomers, screenshots and tests.
//!
//! Same seed and same end date, same data, byte for byte: every draw comes
//! from [`rng::Rng`], every collection iterates in a fixed order, and the
//! pseudonym secret is derived from the seed. The story follows `field.md`:
//! institutional news engage partners, not tenants; heritage photos do well
//! on Instagram; practical notices draw tenants' comments; collaborators
//! outperform the page on LinkedIn; the far agencies are never told about;
//! replies come in office hours, some never. The generated texts are never
//! to be used to train or tune a classifier.

mod audience;
pub mod calendar;
mod comments;
pub mod corpus;
mod french;
mod landlord;
mod metrics;
mod people;
mod posts;
pub mod rng;
mod scale;
mod survey;
pub use scale::scale;
pub use survey::surveys;

use chrono::{Duration, NaiveDate};

use crate::dataset::Dataset;
use crate::label::{Label, LabelValue, Subject};
use crate::pseudonym::InstallationSecret;

/// The model version the demo's true labels are stored under.
pub const LABEL_VERSION: &str = "demo-truth-1";

/// The day the demo ends by default: fixed, so that the demo never depends
/// on the clock.
pub const DEFAULT_UNTIL: (i32, u32, u32) = (2026, 10, 31);

/// How many comments from people the demo aims at.
pub const TARGET_COMMENTS: f64 = 20_000.0;

/// What to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DemoConfig {
    pub seed: u64,
    /// The last day of the demo's two years.
    pub until: NaiveDate,
}

impl DemoConfig {
    pub fn new(seed: u64, until: Option<NaiveDate>) -> Self {
        let (y, m, d) = DEFAULT_UNTIL;
        Self {
            seed,
            until: until.unwrap_or_else(|| NaiveDate::from_ymd_opt(y, m, d).expect("valid date")),
        }
    }

    /// The first day of the demo: two years before `until`.
    pub fn start(&self) -> NaiveDate {
        self.until - Duration::days(729)
    }

    /// The pseudonym secret of this demo installation.
    pub fn secret(&self) -> InstallationSecret {
        InstallationSecret::for_demo(self.seed)
    }
}

/// Generates the demo landlord.
pub fn generate(cfg: &DemoConfig) -> Dataset {
    let mut root = rng::Rng::new(cfg.seed);
    let secret = cfg.secret();
    let landlord = landlord::build(&mut root.fork("landlord"));
    let start = cfg.start();
    let end = calendar::paris(cfg.until, 23, 59);
    let followers = audience::series(
        &mut root.fork("audience"),
        &landlord.accounts,
        start,
        cfg.until,
    );
    let posts = posts::generate(
        &mut root.fork("posts"),
        &landlord,
        &followers,
        start,
        cfg.until,
    );
    let people = people::People::new(&mut root.fork("people"), &secret);
    let talk = comments::generate(
        &mut root.fork("comments"),
        &landlord,
        &posts,
        &people,
        end,
        TARGET_COMMENTS,
    );
    let metrics = metrics::generate(&mut root.fork("metrics"), &posts, &talk.per_post, end);
    let mut labels = post_labels(&mut root.fork("post labels"), &posts);
    labels.extend(talk.labels);
    Dataset {
        organisation: Some(landlord.organisation),
        territories: landlord.territories,
        residences: landlord
            .residences
            .into_iter()
            .map(|r| r.residence)
            .collect(),
        accounts: landlord.accounts,
        followers,
        posts: posts.into_iter().map(|p| p.post).collect(),
        metrics,
        comments: talk.comments,
        labels,
        users: landlord.users,
    }
}

fn post_labels(rng: &mut rng::Rng, posts: &[posts::DemoPost]) -> Vec<Label> {
    let mut out = Vec::new();
    for p in posts {
        let subject = Subject::Post(p.post.key.clone());
        let mut values = vec![LabelValue::Theme(p.theme), LabelValue::Audience(p.audience)];
        values.extend(p.secondary.iter().map(|t| LabelValue::SecondaryTheme(*t)));
        if let Some(r) = &p.post.residence {
            values.push(LabelValue::Residence(r.clone()));
        }
        for value in values {
            let confidence = ((0.6 + rng.unit() * 0.39) * 100.0).round() / 100.0;
            out.push(Label {
                subject: subject.clone(),
                value,
                source: crate::label::LabelSource::Model {
                    version: LABEL_VERSION.to_string(),
                    confidence: crate::label::Confidence::new(confidence).expect("in range"),
                },
            });
        }
    }
    out
}

#[cfg(test)]
mod tests;
