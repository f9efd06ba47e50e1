//! The landlord itself and its territories, a tree of directions and agencies.

use serde::Serialize;

use crate::codes::codes;
use crate::error::DomainError;
use crate::ids::{Siren, TerritoryId};

codes!(
    /// The four families of French social landlords.
    Family, "landlord family" {
        Oph = "OPH", "Office public de l'habitat";
        Esh = "ESH", "Entreprise sociale pour l'habitat";
        Coop = "Coop", "Coopérative HLM";
        Sem = "SEM", "Société d'économie mixte";
    }
);

/// A social landlord (organisme HLM).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Organisation {
    pub siren: Siren,
    pub name: String,
    pub family: Family,
}

/// Where a territory sits in the tree. A direction has no parent; an agency
/// always belongs to a direction, so no other shape can be built.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum TerritoryKind {
    Direction,
    Agency { direction: TerritoryId },
}

impl TerritoryKind {
    /// `direction` or `agency`.
    pub fn code(&self) -> &'static str {
        match self {
            TerritoryKind::Direction => "direction",
            TerritoryKind::Agency { .. } => "agency",
        }
    }

    pub fn parent(&self) -> Option<&TerritoryId> {
        match self {
            TerritoryKind::Direction => None,
            TerritoryKind::Agency { direction } => Some(direction),
        }
    }

    /// Rebuilds a kind from its stored form (`kind`, `parent_id`).
    pub fn from_parts(kind: &str, parent: Option<&str>) -> Result<Self, DomainError> {
        match (kind, parent) {
            ("direction", None) => Ok(TerritoryKind::Direction),
            ("agency", Some(p)) => Ok(TerritoryKind::Agency {
                direction: TerritoryId::parse(p)?,
            }),
            _ => Err(DomainError::Invalid {
                what: "territory kind",
                value: format!("{kind} (parent {parent:?})"),
                expected: "a direction without parent or an agency with a direction",
            }),
        }
    }
}

/// A territorial direction or an agency.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Territory {
    pub id: TerritoryId,
    pub name: String,
    pub kind: TerritoryKind,
}

impl Territory {
    pub fn direction(name: &str) -> Result<Self, DomainError> {
        Ok(Self {
            id: TerritoryId::from_name(name)?,
            name: name.trim().to_string(),
            kind: TerritoryKind::Direction,
        })
    }

    pub fn agency(name: &str, direction: &TerritoryId) -> Result<Self, DomainError> {
        Ok(Self {
            id: TerritoryId::from_name(name)?,
            name: name.trim().to_string(),
            kind: TerritoryKind::Agency {
                direction: direction.clone(),
            },
        })
    }

    pub fn is_agency(&self) -> bool {
        matches!(self.kind, TerritoryKind::Agency { .. })
    }
}

impl Serialize for Territory {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Territory", 4)?;
        st.serialize_field("id", &self.id)?;
        st.serialize_field("name", &self.name)?;
        st.serialize_field("kind", self.kind.code())?;
        st.serialize_field("parent_id", &self.kind.parent())?;
        st.end()
    }
}

/// Checks that a set of territories forms a tree: unique ids, and every
/// agency's direction exists and is a direction.
pub fn check_tree(territories: &[Territory]) -> Result<(), DomainError> {
    let mut seen = std::collections::BTreeMap::new();
    for t in territories {
        if seen.insert(t.id.as_str(), t).is_some() {
            return Err(DomainError::Invalid {
                what: "territory id",
                value: t.id.to_string(),
                expected: "each id once",
            });
        }
    }
    for t in territories {
        if let TerritoryKind::Agency { direction } = &t.kind {
            match seen.get(direction.as_str()) {
                Some(p) if !p.is_agency() => {}
                _ => {
                    return Err(DomainError::Invalid {
                        what: "agency parent",
                        value: format!("{} → {}", t.id, direction),
                        expected: "an existing direction",
                    });
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_agency_always_has_a_direction_and_a_direction_none() {
        assert!(TerritoryKind::from_parts("agency", None).is_err());
        assert!(TerritoryKind::from_parts("direction", Some("x")).is_err());
        let k = TerritoryKind::from_parts("agency", Some("direction-est")).unwrap();
        assert_eq!(k.parent().unwrap().as_str(), "direction-est");
    }

    #[test]
    fn check_tree_rejects_an_agency_under_an_agency() {
        let d = Territory::direction("Direction Est").unwrap();
        let a = Territory::agency("Agence A", &d.id).unwrap();
        let b = Territory::agency("Agence B", &a.id).unwrap();
        assert!(check_tree(&[d.clone(), a.clone()]).is_ok());
        assert!(check_tree(&[d, a, b]).is_err());
    }

    #[test]
    fn family_codes_round_trip() {
        for f in Family::ALL {
            assert_eq!(Family::parse(f.code()).unwrap(), *f);
        }
        assert!(Family::parse("SA").is_err());
    }
}
