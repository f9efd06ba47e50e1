//! The relais domain: social landlords, their territories and residences,
//! their accounts on four networks, posts, metrics, comments, labels and
//! users; the parsers of the landlord's own files; the demo landlord.
//!
//! This crate does no IO: no database, no file system, no network, no clock.
//! Parsers take bytes, generators take a seed and a date. Storage lives in
//! `relais-store`, the command line in `relais`.

mod codes;

pub mod account;
pub mod account_metric;
pub mod comment;
pub mod dataset;
pub mod demo;
pub mod error;
pub mod ids;
pub mod label;
pub mod lang;
pub mod organisation;
pub mod post;
pub mod pseudonym;
pub mod residence;
pub mod survey;
pub mod text;
pub mod time;
pub mod user;

pub use account::{Account, AccountKind, FollowerCount, Network};
pub use account_metric::{AccountMetric, AccountMetricValue};
pub use comment::{Comment, CommentAuthor, CommentKey};
pub use dataset::{BatchComment, Dataset, ImportBatch};
pub use error::DomainError;
pub use ids::{AccountId, NetworkId, Postcode, ResidenceId, Siren, TerritoryId};
pub use label::{
    Audience, AuthorKind, Category, Confidence, Label, LabelSource, LabelValue, Sentiment, Subject,
    Theme, Urgency,
};
pub use lang::Lang;
pub use organisation::{Family, Organisation, Territory, TerritoryKind};
pub use post::{MediaType, Metric, MetricSnapshot, MetricSource, Post, PostKey};
pub use pseudonym::{InstallationSecret, Pseudonym};
pub use residence::{BuiltYear, Residence};
pub use time::Timestamp;
pub use user::{Email, Role, User};
pub mod residences;
