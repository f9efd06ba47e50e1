//! The people who comment on the demo landlord's posts: tenants, applicants,
//! partners, employees and spammers, each known on one network by an id that
//! is stored only as a pseudonym. A few people write a lot; most write once.

use std::collections::BTreeMap;

use super::corpus::places::{FIRST_NAMES, LAST_NAMES, PARTNERS};
use super::rng::Rng;
use crate::account::Network;
use crate::label::AuthorKind;
use crate::pseudonym::{InstallationSecret, Pseudonym};
use crate::text::slug;

/// One commenter.
#[derive(Debug, Clone)]
pub struct Person {
    pub pseudonym: Pseudonym,
    pub display_name: String,
}

/// People pools per network and kind, with cumulative Zipf-like activity
/// weights (drawn by binary search: the demo draws tens of thousands).
pub struct People {
    pools: BTreeMap<(Network, AuthorKind), (Vec<Person>, Vec<f64>)>,
}

fn pool_size(network: Network, kind: AuthorKind) -> usize {
    use AuthorKind::*;
    match (network, kind) {
        (Network::Facebook, Tenant) => 2_400,
        (Network::Instagram, Tenant) => 500,
        (Network::X, Tenant) => 220,
        (Network::Linkedin, Tenant) => 60,
        (_, Public) => 450,
        (_, Partner) => 70,
        (_, Employee) => 35,
        _ => 120,
    }
}

fn display_name(rng: &mut Rng, network: Network, kind: AuthorKind) -> String {
    let first = *rng.pick(FIRST_NAMES);
    let last = *rng.pick(LAST_NAMES);
    if kind == AuthorKind::Partner && rng.chance(0.4) {
        return rng.pick(PARTNERS).to_string();
    }
    if kind == AuthorKind::Unknown {
        return format!(
            "{} {}",
            rng.pick(&["Offre", "Promo", "Logement", "Gain"]),
            rng.range(10, 999)
        );
    }
    match network {
        Network::Instagram => format!("{}.{}{}", slug(first), slug(last), rng.range(1, 99)),
        Network::X => format!("@{}{}", slug(first).replace('-', ""), rng.range(1, 999)),
        _ => format!("{first} {last}"),
    }
}

impl People {
    pub fn new(rng: &mut Rng, secret: &InstallationSecret) -> Self {
        let mut pools = BTreeMap::new();
        let mut serial = 0u64;
        for network in Network::ALL {
            for kind in AuthorKind::ALL
                .iter()
                .filter(|k| **k != AuthorKind::Landlord)
            {
                let n = pool_size(*network, *kind);
                let mut people = Vec::with_capacity(n);
                for _ in 0..n {
                    serial += 1;
                    let network_id = format!("{}-{}", network.code(), 100_000 + serial * 37);
                    people.push(Person {
                        pseudonym: secret.pseudonym(*network, &network_id),
                        display_name: display_name(rng, *network, *kind),
                    });
                }
                let mut total = 0.0;
                let cumulative = (0..n)
                    .map(|i| {
                        total += 1.0 / (i as f64 + 1.0).powf(0.85);
                        total
                    })
                    .collect();
                pools.insert((*network, *kind), (people, cumulative));
            }
        }
        Self { pools }
    }

    /// Someone of that kind on that network; the active few come up often.
    pub fn pick(&self, rng: &mut Rng, network: Network, kind: AuthorKind) -> &Person {
        let (people, cumulative) = &self.pools[&(network, kind)];
        let x = rng.unit() * cumulative.last().copied().unwrap_or(0.0);
        let i = cumulative
            .partition_point(|c| *c <= x)
            .min(people.len() - 1);
        &people[i]
    }
}
