//! Social-network accounts: the landlord's pages, its collaborators' accounts
//! and residents' groups, with their follower series.

use chrono::NaiveDate;
use serde::Serialize;

use crate::codes::codes;
use crate::ids::{AccountId, NetworkId, TerritoryId};

codes!(
    /// The four networks relais follows.
    Network, "network" {
        Facebook = "facebook", "Facebook";
        Instagram = "instagram", "Instagram";
        Linkedin = "linkedin", "LinkedIn";
        X = "x", "X (Twitter)";
    }
);

codes!(
    /// Who speaks through an account.
    AccountKind, "account kind" {
        Page = "page", "Page de l'organisme";
        Collaborator = "collaborator", "Compte de collaborateur";
        Group = "group", "Groupe d'habitants";
    }
);

/// An account relais follows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Account {
    pub id: AccountId,
    pub network: Network,
    pub kind: AccountKind,
    /// The handle or vanity name (`@habitat`, `company/habitat`).
    pub handle: String,
    /// The network's own id of the page, profile or group.
    pub network_id: NetworkId,
    pub name: String,
    /// Set when the account belongs to one territory (an agency's page).
    pub territory: Option<TerritoryId>,
}

impl Account {
    /// The relais id of an account: `network:handle` without a leading `@`.
    pub fn make_id(network: Network, handle: &str) -> Result<AccountId, crate::DomainError> {
        AccountId::parse(&format!(
            "{}:{}",
            network.code(),
            handle.trim().trim_start_matches('@')
        ))
    }
}

/// The followers of an account (members, for a group) on one day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FollowerCount {
    pub account: AccountId,
    pub day: NaiveDate,
    pub count: u64,
    /// Where the figure comes from (`demo`, an export's name, `api`).
    pub source: String,
}
