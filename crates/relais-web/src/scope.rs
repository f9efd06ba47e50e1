//! Who sees what. Admins, the communication team and auditors see the
//! whole landlord; a referent sees what belongs to their territories: the
//! agencies they were given, and every agency under a direction they were
//! given (with the direction's own posts). Whatever has no territory (a
//! head-office post nobody located) is the communication team's.

use std::collections::HashSet;

use relais_store::{Role, User};

use crate::snapshot::Snapshot;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    All,
    Territories {
        /// Agency indices given directly.
        agencies: HashSet<usize>,
        /// Direction indices given (everything under them).
        directions: HashSet<usize>,
    },
}

impl Scope {
    pub fn of(user: &User, snap: &Snapshot) -> Scope {
        if user.role != Role::Referent {
            return Scope::All;
        }
        let mut agencies = HashSet::new();
        let mut directions = HashSet::new();
        for id in &user.territories {
            if let Some(&t) = snap.territory_index.get(id) {
                if snap.facts.territories[t].direction.is_some() {
                    agencies.insert(t);
                } else {
                    directions.insert(t);
                }
            }
        }
        Scope::Territories {
            agencies,
            directions,
        }
    }

    pub fn is_all(&self) -> bool {
        matches!(self, Scope::All)
    }

    /// Whether a territory (agency or direction) is in scope.
    pub fn territory(&self, snap: &Snapshot, t: Option<usize>) -> bool {
        match self {
            Scope::All => true,
            Scope::Territories {
                agencies,
                directions,
            } => t.is_some_and(|t| {
                agencies.contains(&t) || directions.contains(&snap.facts.direction_of(t))
            }),
        }
    }

    pub fn comment(&self, snap: &Snapshot, c: usize) -> bool {
        self.is_all() || self.territory(snap, snap.comment_territory(c))
    }

    pub fn post(&self, snap: &Snapshot, p: usize) -> bool {
        self.is_all() || self.territory(snap, snap.post_territory(p))
    }

    pub fn residence(&self, snap: &Snapshot, r: usize) -> bool {
        self.is_all() || self.territory(snap, Some(snap.facts.residence_agency(r)))
    }

    /// The agencies in scope, in the order of the territories.
    pub fn agencies(&self, snap: &Snapshot) -> Vec<usize> {
        snap.facts
            .agencies()
            .filter(|&a| self.territory(snap, Some(a)))
            .collect()
    }
}
