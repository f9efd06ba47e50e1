//! A whole landlord's data as plain values: what the demo generator makes
//! and the store writes in one transaction.

use crate::account::{Account, FollowerCount};
use crate::comment::Comment;
use crate::label::Label;
use crate::organisation::{Organisation, Territory};
use crate::post::{MetricSnapshot, Post};
use crate::residence::Residence;
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
