//! The demo landlord's organisation: the company, its directions and
//! agencies, its sixty residences, its accounts and its relais users.

use std::num::NonZeroU32;

use super::corpus::City;
use super::corpus::places::{
    DIRECTIONS, FIRST_NAMES, LANDLORD, LAST_NAMES, RESIDENCE_NAMES, STREETS,
};
use super::rng::Rng;
use crate::account::{Account, AccountKind, Network};
use crate::ids::{NetworkId, Postcode, ResidenceId, Siren, TerritoryId};
use crate::organisation::{Family, Organisation, Territory};
use crate::residence::{BuiltYear, Residence};
use crate::text::slug;
use crate::user::{Email, Role, User};

/// How many residences the demo landlord has.
pub const RESIDENCES: usize = 60;

/// A residence with what the generator needs beyond the domain value.
#[derive(Debug, Clone)]
pub struct DemoResidence {
    pub residence: Residence,
    /// Index of its agency in [`Landlord::agencies`].
    pub agency: usize,
    /// Only the number and street, for comments that give an address.
    pub street: String,
}

/// Everything structural about the demo landlord.
#[derive(Debug, Clone)]
pub struct Landlord {
    pub organisation: Organisation,
    pub territories: Vec<Territory>,
    /// The agencies, in declaration order.
    pub agencies: Vec<Territory>,
    pub residences: Vec<DemoResidence>,
    pub accounts: Vec<Account>,
    pub users: Vec<User>,
    /// The residence the residents' group is about.
    pub group_residence: usize,
}

pub fn build(rng: &mut Rng) -> Landlord {
    let organisation = Organisation {
        siren: Siren::parse(LANDLORD.siren).expect("the demo SIREN is valid"),
        name: LANDLORD.name.to_string(),
        family: Family::parse(LANDLORD.family).expect("the demo family is valid"),
    };
    let mut territories = Vec::new();
    let mut agencies = Vec::new();
    let mut agency_cities: Vec<&'static [City]> = Vec::new();
    for d in DIRECTIONS {
        let direction = Territory::direction(d.name).expect("demo direction name");
        let id = direction.id.clone();
        territories.push(direction);
        for a in d.agencies {
            let agency = Territory::agency(a.name, &id).expect("demo agency name");
            territories.push(agency.clone());
            agencies.push(agency);
            agency_cities.push(a.cities);
        }
    }
    let residences = residences(rng, &agencies, &agency_cities);
    let group_residence = residences
        .iter()
        .enumerate()
        .max_by_key(|(_, r)| r.residence.homes)
        .map(|(i, _)| i)
        .expect("the demo has residences");
    let accounts = accounts(rng, &residences[group_residence]);
    let users = users(&territories);
    Landlord {
        organisation,
        territories,
        agencies,
        residences,
        accounts,
        users,
        group_residence,
    }
}

fn residences(
    rng: &mut Rng,
    agencies: &[Territory],
    cities: &[&'static [City]],
) -> Vec<DemoResidence> {
    let mut names: Vec<usize> = (0..RESIDENCE_NAMES.len()).collect();
    rng.shuffle(&mut names);
    let mut streets: Vec<usize> = (0..STREETS.len()).collect();
    rng.shuffle(&mut streets);
    let mut out = Vec::with_capacity(RESIDENCES);
    for i in 0..RESIDENCES {
        let agency = i % agencies.len();
        let city = rng.pick(cities[agency]);
        let seed = RESIDENCE_NAMES[names[i % names.len()]];
        let number = rng.range(1, 140);
        let street = format!("{number} {}", STREETS[streets[i % streets.len()]]);
        // Most of the stock dates from the 1960s–70s, as in most social landlords.
        let era = rng.weighted(&[0.45, 0.25, 0.18, 0.12]);
        let (lo, hi) = [(1955, 1975), (1976, 1990), (1991, 2010), (2011, 2025)][era];
        let year = rng.range(lo, hi) as i32;
        let homes = (rng.log_normal(4.3, 0.7).round() as u32).clamp(12, 620);
        out.push(DemoResidence {
            residence: Residence {
                id: ResidenceId::parse(&format!("GRP-{:04}", 101 + i * 7))
                    .expect("demo residence id"),
                name: seed.name.to_string(),
                aliases: seed.aliases.iter().map(|a| a.to_string()).collect(),
                street: street.clone(),
                postcode: Postcode::parse(city.postcode).expect("demo postcode"),
                city: city.name.to_string(),
                homes: NonZeroU32::new(homes).expect("clamped above zero"),
                built_year: Some(BuiltYear::new(year).expect("demo year")),
                agency: agencies[agency].id.clone(),
            },
            agency,
            street,
        });
    }
    out
}

fn accounts(rng: &mut Rng, group_home: &DemoResidence) -> Vec<Account> {
    let short = LANDLORD.short;
    let lower = short.to_lowercase();
    let page = |network: Network, handle: String, network_id: String| Account {
        id: Account::make_id(network, &handle).expect("demo handle"),
        network,
        kind: AccountKind::Page,
        handle,
        network_id: NetworkId::parse(&network_id).expect("demo network id"),
        name: LANDLORD.name.to_string(),
        territory: None,
    };
    let mut out = vec![
        page(
            Network::Facebook,
            lower.clone(),
            format!("10{:013}", rng.below(10u64.pow(13))),
        ),
        page(
            Network::Instagram,
            lower.clone(),
            format!("178414{:011}", rng.below(10u64.pow(11))),
        ),
        page(
            Network::Linkedin,
            format!("company/{}", slug(LANDLORD.name)),
            format!("{}", 10_000_000 + rng.below(80_000_000)),
        ),
        page(
            Network::X,
            short.to_string(),
            format!("{}", 800_000_000 + rng.below(900_000_000)),
        ),
    ];
    for _ in 0..2 {
        let first = rng.pick(FIRST_NAMES);
        let last = rng.pick(LAST_NAMES);
        let handle = format!("in/{}-{}", slug(first), slug(last));
        out.push(Account {
            id: Account::make_id(Network::Linkedin, &handle).expect("demo handle"),
            network: Network::Linkedin,
            kind: AccountKind::Collaborator,
            handle,
            network_id: NetworkId::parse(&format!("ACoAA{:010}", rng.below(10u64.pow(10))))
                .expect("demo network id"),
            name: format!("{first} {last}"),
            territory: None,
        });
    }
    let group_name = format!("Les habitants de {}", group_home.residence.name);
    let handle = format!("groups/{}", slug(&group_name));
    out.push(Account {
        id: Account::make_id(Network::Facebook, &handle).expect("demo handle"),
        network: Network::Facebook,
        kind: AccountKind::Group,
        handle,
        network_id: NetworkId::parse(&format!(
            "{}",
            100_000_000_000_000u64 + rng.below(10u64.pow(14))
        ))
        .expect("demo network id"),
        name: group_name,
        territory: Some(group_home.residence.agency.clone()),
    });
    out
}

fn users(territories: &[Territory]) -> Vec<User> {
    let domain = LANDLORD
        .website
        .trim_start_matches("https://")
        .trim_start_matches("www.");
    let user = |local: &str, name: &str, role: Role| User {
        email: Email::parse(&format!("{local}@{domain}")).expect("demo e-mail"),
        name: name.to_string(),
        role,
    };
    let directions: Vec<TerritoryId> = territories
        .iter()
        .filter(|t| !t.is_agency())
        .map(|t| t.id.clone())
        .collect();
    let mut out = vec![
        user("admin", "Administration relais", Role::Admin),
        user(
            "communication",
            "Service communication",
            Role::Communication,
        ),
        user("audit", "Cabinet d'audit", Role::Auditor),
    ];
    for (i, d) in directions.iter().enumerate() {
        out.push(user(
            &format!("referent{}", i + 1),
            &format!("Référent·e {}", i + 1),
            Role::Referent {
                territories: vec![d.clone()],
            },
        ));
    }
    out
}
