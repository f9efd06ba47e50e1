//! A whole landlord's data as plain values: what the demo generator makes
//! and the store writes in one transaction.

use crate::account::{Account, FollowerCount};
use crate::account_metric::AccountMetricValue;
use crate::comment::Comment;
use crate::ids::AccountId;
use crate::label::Label;
use crate::organisation::{Organisation, Territory};
use crate::post::{MetricSnapshot, Post};
use crate::residence::Residence;
use crate::time::Timestamp;
use crate::user::User;

/// Everything relais knows about one landlord.
#[derive(Debug, Clone, Default)]
pub struct Dataset {
    pub organisation: Option<Organisation>,
    /// Directions before the agencies under them.
    pub territories: Vec<Territory>,
    pub residences: Vec<Residence>,
    pub accounts: Vec<Account>,
    pub followers: Vec<FollowerCount>,
    pub posts: Vec<Post>,
    pub metrics: Vec<MetricSnapshot>,
    /// Parents before their replies.
    pub comments: Vec<Comment>,
    pub labels: Vec<Label>,
    pub users: Vec<User>,
}

/// A comment of an imported file, with the line it came from.
#[derive(Debug, Clone)]
pub struct BatchComment {
    pub line: u64,
    pub comment: Comment,
}

/// Everything one imported file brings, as domain values, ready to be
/// written in one transaction.
#[derive(Debug, Clone)]
pub struct ImportBatch {
    /// SHA-256 of the file's bytes: the same file twice is recognised.
    pub digest: String,
    pub file_name: String,
    /// The format's code.
    pub format: String,
    /// The file's main account, when it has one.
    pub account: Option<AccountId>,
    pub imported_at: Timestamp,
    pub rows: u64,
    /// Accounts the file revealed, to create first.
    pub new_accounts: Vec<Account>,
    pub posts: Vec<Post>,
    pub metrics: Vec<MetricSnapshot>,
    pub daily: Vec<AccountMetricValue>,
    pub comments: Vec<BatchComment>,
}
