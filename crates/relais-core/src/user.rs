//! People who use relais and what they may do.

use serde::Serialize;

use crate::error::DomainError;
use crate::ids::TerritoryId;

/// A role. A referent always has at least one territory; the other roles
/// have none, so "a referent of nowhere" cannot be built.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Role {
    Admin,
    Communication,
    Referent { territories: Vec<TerritoryId> },
    Auditor,
}

impl Role {
    pub fn code(&self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Communication => "communication",
            Role::Referent { .. } => "referent",
            Role::Auditor => "auditor",
        }
    }

    /// Builds a role from its code and territories, checking the pairing.
    pub fn new(code: &str, mut territories: Vec<TerritoryId>) -> Result<Self, DomainError> {
        territories.sort();
        territories.dedup();
        let role = match code {
            "admin" => Role::Admin,
            "communication" => Role::Communication,
            "auditor" => Role::Auditor,
            "referent" if !territories.is_empty() => return Ok(Role::Referent { territories }),
            "referent" => {
                return Err(DomainError::Invalid {
                    what: "referent",
                    value: "no territory".into(),
                    expected: "at least one territory",
                });
            }
            _ => {
                return Err(DomainError::UnknownCode {
                    what: "role",
                    value: code.to_string(),
                    expected: "admin, communication, referent, auditor".into(),
                });
            }
        };
        if territories.is_empty() {
            Ok(role)
        } else {
            Err(DomainError::Invalid {
                what: "role",
                value: code.to_string(),
                expected: "territories only for a referent",
            })
        }
    }

    pub fn territories(&self) -> &[TerritoryId] {
        match self {
            Role::Referent { territories } => territories,
            _ => &[],
        }
    }
}

/// An e-mail address, lower-cased; checked for shape, not deliverability.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Email(String);

impl Email {
    pub fn parse(raw: &str) -> Result<Self, DomainError> {
        let v = raw.trim().to_lowercase();
        let ok = match v.split_once('@') {
            Some((local, domain)) => {
                !local.is_empty()
                    && domain.contains('.')
                    && !domain.starts_with('.')
                    && !domain.ends_with('.')
                    && !v.chars().any(|c| c.is_whitespace() || c.is_control())
                    && v.matches('@').count() == 1
            }
            None => false,
        };
        if ok {
            Ok(Self(v))
        } else {
            Err(DomainError::Invalid {
                what: "e-mail",
                value: raw.to_string(),
                expected: "an address like prenom.nom@bailleur.fr",
            })
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A relais user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct User {
    pub email: Email,
    pub name: String,
    pub role: Role,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_referent_needs_a_territory_and_others_take_none() {
        let t = vec![TerritoryId::parse("agence-nord").unwrap()];
        assert!(Role::new("referent", vec![]).is_err());
        assert!(Role::new("referent", t.clone()).is_ok());
        assert!(Role::new("admin", t).is_err());
        assert_eq!(Role::new("auditor", vec![]).unwrap(), Role::Auditor);
        assert!(Role::new("boss", vec![]).is_err());
    }

    #[test]
    fn email_is_lower_cased_and_checked() {
        assert_eq!(
            Email::parse(" Anne@Habitat.FR ").unwrap().as_str(),
            "anne@habitat.fr"
        );
        assert!(Email::parse("anne@habitat").is_err());
        assert!(Email::parse("a b@c.fr").is_err());
    }
}
