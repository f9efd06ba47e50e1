//! Identifiers and small validated values shared by the whole domain.
//!
//! Each is a newtype with a private field and a `parse` constructor, so that a
//! value that exists has been checked once (an empty id, a SIREN with a wrong
//! checksum or a postcode of four digits cannot be built). No IO here.

use std::fmt;

use serde::Serialize;

use crate::error::DomainError;

macro_rules! text_id {
    ($(#[$doc:meta])* $name:ident, $what:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            /// Checks and wraps an identifier: non-empty after trimming, at most
            /// 128 characters, no control characters.
            pub fn parse(raw: &str) -> Result<Self, DomainError> {
                let v = raw.trim();
                if v.is_empty() {
                    return Err(DomainError::Empty { what: $what });
                }
                if v.chars().count() > 128 || v.chars().any(char::is_control) {
                    return Err(DomainError::Invalid {
                        what: $what,
                        value: v.to_string(),
                        expected: "at most 128 printable characters",
                    });
                }
                Ok(Self(v.to_string()))
            }

            /// The identifier as text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

text_id!(
    /// A residence's stable identifier, as the landlord's own files give it.
    ResidenceId,
    "residence id"
);
text_id!(
    /// An account's identifier in relais: `network:handle`.
    AccountId,
    "account id"
);
text_id!(
    /// An object's identifier on its network (post, comment, page, user).
    NetworkId,
    "network id"
);

/// A territory's identifier: a slug made of `a-z`, `0-9` and `-`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct TerritoryId(String);

impl TerritoryId {
    /// Accepts an existing slug as is.
    pub fn parse(raw: &str) -> Result<Self, DomainError> {
        let ok = !raw.is_empty()
            && raw.len() <= 80
            && raw
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !raw.starts_with('-')
            && !raw.ends_with('-');
        if ok {
            Ok(Self(raw.to_string()))
        } else {
            Err(DomainError::Invalid {
                what: "territory id",
                value: raw.to_string(),
                expected: "lower-case letters, digits and dashes, e.g. agence-villeurbanne",
            })
        }
    }

    /// The slug of a territory's name: accents folded, lower case, words
    /// joined by dashes ("Agence de Vénissieux" → "agence-de-venissieux").
    pub fn from_name(name: &str) -> Result<Self, DomainError> {
        let slug = crate::text::slug(name);
        if slug.is_empty() {
            return Err(DomainError::Empty {
                what: "territory name",
            });
        }
        Self::parse(&slug)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for TerritoryId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A French company number (SIREN): nine digits with a valid Luhn checksum.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct Siren(String);

impl Siren {
    pub fn parse(raw: &str) -> Result<Self, DomainError> {
        let digits: String = raw.chars().filter(|c| !c.is_whitespace()).collect();
        let invalid = || DomainError::Invalid {
            what: "SIREN",
            value: raw.to_string(),
            expected: "nine digits with a valid checksum",
        };
        if digits.len() != 9 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(invalid());
        }
        if !luhn_ok(&digits) {
            return Err(invalid());
        }
        Ok(Self(digits))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

fn luhn_ok(digits: &str) -> bool {
    let sum: u32 = digits
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| {
            let d = u32::from(b - b'0');
            if i % 2 == 1 {
                let x = d * 2;
                if x > 9 { x - 9 } else { x }
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

/// A French postcode: five digits, kept as text ("01000").
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct Postcode(String);

impl Postcode {
    pub fn parse(raw: &str) -> Result<Self, DomainError> {
        let v = raw.trim();
        if v.len() == 5 && v.bytes().all(|b| b.is_ascii_digit()) {
            Ok(Self(v.to_string()))
        } else {
            Err(DomainError::Invalid {
                what: "postcode",
                value: v.to_string(),
                expected: "five digits, e.g. 69100",
            })
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn siren_accepts_a_valid_checksum_and_rejects_a_wrong_one() {
        assert!(Siren::parse("732 829 320").is_ok());
        assert!(Siren::parse("732829321").is_err());
        assert!(Siren::parse("73282932").is_err());
    }

    #[test]
    fn territory_slug_folds_accents_and_joins_words() {
        let id = TerritoryId::from_name("Agence de Vénissieux – Centre").unwrap();
        assert_eq!(id.as_str(), "agence-de-venissieux-centre");
        assert!(TerritoryId::parse("Agence").is_err());
        assert!(TerritoryId::from_name(" — ").is_err());
    }

    #[test]
    fn ids_are_trimmed_and_never_empty() {
        assert_eq!(ResidenceId::parse("  R-12 ").unwrap().as_str(), "R-12");
        assert!(ResidenceId::parse("   ").is_err());
        assert!(ResidenceId::parse("a\u{0}b").is_err());
    }

    #[test]
    fn postcode_keeps_its_leading_zero() {
        assert_eq!(Postcode::parse("01000").unwrap().as_str(), "01000");
        assert!(Postcode::parse("1000").is_err());
    }
}
