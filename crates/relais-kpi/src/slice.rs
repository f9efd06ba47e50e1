//! Slices: the dimensions a KPI can be cut by, and the key of each post and
//! comment along them. A comment takes its post's network, account, author
//! kind, theme and audience, and its own place (the residence it names) or
//! else its post's.

use std::str::FromStr;

use crate::facts::{CommentFact, Facts, PostFact};
use crate::period::{Grain, paris_day};

/// A dimension of a slice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Dim {
    Network,
    Account,
    AuthorKind,
    Theme,
    Audience,
    Territory,
    Agency,
    Residence,
    Time(Grain),
}

pub const DIM_NAMES: &str = "organisation, network, account, author_kind, theme, audience, territory, agency, residence, week, month, quarter, year";

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("découpage « {0} » inconnu / unknown slice \"{0}\": use {DIM_NAMES}")]
pub struct DimError(pub String);

impl FromStr for Dim {
    type Err = DimError;
    fn from_str(s: &str) -> Result<Self, DimError> {
        Ok(match s.trim() {
            "network" => Dim::Network,
            "account" => Dim::Account,
            "author_kind" => Dim::AuthorKind,
            "theme" => Dim::Theme,
            "audience" => Dim::Audience,
            "territory" => Dim::Territory,
            "agency" => Dim::Agency,
            "residence" => Dim::Residence,
            "week" => Dim::Time(Grain::Week),
            "month" => Dim::Time(Grain::Month),
            "quarter" => Dim::Time(Grain::Quarter),
            "year" => Dim::Time(Grain::Year),
            other => return Err(DimError(other.to_string())),
        })
    }
}

impl Dim {
    /// Parses `network,theme`; `organisation` alone (or nothing) is the whole landlord.
    pub fn parse_list(raw: &str) -> Result<Vec<Dim>, DimError> {
        let mut dims = Vec::new();
        for part in raw.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            if part == "organisation" || part == "organization" {
                continue;
            }
            let d: Dim = part.parse()?;
            if !dims.contains(&d) {
                dims.push(d);
            }
        }
        Ok(dims)
    }

    pub fn name(self) -> &'static str {
        match self {
            Dim::Network => "network",
            Dim::Account => "account",
            Dim::AuthorKind => "author_kind",
            Dim::Theme => "theme",
            Dim::Audience => "audience",
            Dim::Territory => "territory",
            Dim::Agency => "agency",
            Dim::Residence => "residence",
            Dim::Time(Grain::Week) => "week",
            Dim::Time(Grain::Month) => "month",
            Dim::Time(Grain::Quarter) => "quarter",
            Dim::Time(Grain::Year) => "year",
        }
    }

    /// Is this a place (territory, agency, residence)?
    pub fn is_place(self) -> bool {
        matches!(self, Dim::Territory | Dim::Agency | Dim::Residence)
    }
}

/// A post's value along `dim`; `None` when it has none (a post with no
/// residence is in no residence's slice).
pub fn post_key(f: &Facts, p: &PostFact, dim: Dim) -> Option<String> {
    let account = &f.accounts[p.account];
    Some(match dim {
        Dim::Network => account.network.code().to_string(),
        Dim::Account => account.id.clone(),
        Dim::AuthorKind => account.kind.code().to_string(),
        Dim::Theme => p.theme?.code().to_string(),
        Dim::Audience => p.audience?.code().to_string(),
        Dim::Territory => f.territories[f.post_direction(p)?].id.clone(),
        Dim::Agency => f.territories[f.post_agency(p)?].id.clone(),
        Dim::Residence => f.residences[p.residence?].id.clone(),
        Dim::Time(g) => g.bucket(paris_day(p.published_at)),
    })
}

/// A comment's value along `dim`.
pub fn comment_key(f: &Facts, c: &CommentFact, dim: Dim) -> Option<String> {
    let p = &f.posts[c.post];
    match dim {
        Dim::Residence => Some(f.residences[c.residence.or(p.residence)?].id.clone()),
        Dim::Agency => match c.residence {
            Some(r) => Some(f.territories[f.residence_agency(r)].id.clone()),
            None => post_key(f, p, dim),
        },
        Dim::Territory => match c.residence {
            Some(r) => Some(
                f.territories[f.direction_of(f.residence_agency(r))]
                    .id
                    .clone(),
            ),
            None => post_key(f, p, dim),
        },
        Dim::Time(g) => Some(g.bucket(paris_day(c.created_at))),
        _ => post_key(f, p, dim),
    }
}

/// The key of an item along every dim, or `None` if it lacks one.
pub fn key_of(dims: &[Dim], one: impl Fn(Dim) -> Option<String>) -> Option<Vec<String>> {
    dims.iter().map(|&d| one(d)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slice_lists_parse_and_refuse_unknown_names() {
        assert_eq!(
            Dim::parse_list("network, theme,month").unwrap(),
            vec![Dim::Network, Dim::Theme, Dim::Time(Grain::Month)]
        );
        assert!(Dim::parse_list("organisation").unwrap().is_empty());
        assert!(Dim::parse_list("network,colour").is_err());
    }
}
