//! Residences (résidences, groupes immobiliers): the buildings an agency manages.

use std::num::NonZeroU32;

use serde::Serialize;

use crate::error::DomainError;
use crate::ids::{Postcode, ResidenceId, TerritoryId};

/// A residence of the landlord, always attached to an agency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Residence {
    pub id: ResidenceId,
    pub name: String,
    /// Other names tenants use ("les tours", "rés. du Parc").
    pub aliases: Vec<String>,
    pub street: String,
    pub postcode: Postcode,
    pub city: String,
    pub homes: NonZeroU32,
    pub built_year: Option<BuiltYear>,
    /// The agency (a territory of kind agency) that manages it.
    pub agency: TerritoryId,
}

/// A construction year between 1800 and 2100.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct BuiltYear(i32);

impl BuiltYear {
    pub fn new(year: i32) -> Result<Self, DomainError> {
        if (1800..=2100).contains(&year) {
            Ok(Self(year))
        } else {
            Err(DomainError::Invalid {
                what: "construction year",
                value: year.to_string(),
                expected: "a year between 1800 and 2100",
            })
        }
    }

    pub fn get(self) -> i32 {
        self.0
    }
}

/// Aliases are stored joined by `|`, the separator of the residences CSV.
pub fn join_aliases(aliases: &[String]) -> String {
    aliases.join("|")
}

/// The inverse of [`join_aliases`]: trimmed, empties dropped.
pub fn split_aliases(raw: &str) -> Vec<String> {
    raw.split('|')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_year_rejects_the_impossible() {
        assert!(BuiltYear::new(1965).is_ok());
        assert!(BuiltYear::new(196).is_err());
    }

    #[test]
    fn aliases_round_trip_through_their_stored_form() {
        let a = vec!["les tours".to_string(), "rés. du Parc".to_string()];
        assert_eq!(split_aliases(&join_aliases(&a)), a);
        assert_eq!(split_aliases(" a | |b "), vec!["a", "b"]);
    }
}
