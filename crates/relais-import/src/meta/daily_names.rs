//! The names Meta Business Suite gives its page-level daily series, English
//! and French, and the account metric each one is. The network is read from
//! the name too (`Instagram reach`, `Couverture Instagram`); a name without
//! one is Facebook's. Names only: no reading of rows here.

use relais_core::{AccountMetric, Network};

use crate::header::normalise;

/// Each metric with the names it goes by (the network's name left out).
const NAMES: &[(AccountMetric, &[&str])] = &[
    (
        AccountMetric::NewFollowers,
        &[
            "Follows",
            "Followers",
            "New followers",
            "New follows",
            "Followers en plus",
            "Nouveaux followers",
            "Nouveaux abonnés",
            "Abonnés en plus",
        ],
    ),
    (
        AccountMetric::Unfollows,
        &[
            "Unfollows",
            "Unfollowers",
            "Désabonnements",
            "Followers en moins",
            "Ne suivent plus",
        ],
    ),
    (AccountMetric::Views, &["Views", "Vues"]),
    (
        AccountMetric::Reach,
        &[
            "Viewers",
            "Reach",
            "Couverture",
            "Spectateurs",
            "Accounts reached",
            "Comptes touchés",
            "Personnes touchées",
        ],
    ),
    (
        AccountMetric::Visits,
        &["Visits", "Visites", "Page visits", "Visites de la Page"],
    ),
    (
        AccountMetric::ProfileVisits,
        &["Profile visits", "Visites du profil", "Visites de profil"],
    ),
    (
        AccountMetric::Interactions,
        &[
            "Interactions",
            "Content interactions",
            "Interactions avec le contenu",
        ],
    ),
    (
        AccountMetric::LinkClicks,
        &[
            "Link clicks",
            "Clics sur un lien",
            "Clics sur le lien",
            "Clics sur les liens",
        ],
    ),
    (
        AccountMetric::Clicks,
        &["Clicks", "Clics", "Total clicks", "Total des clics"],
    ),
    (AccountMetric::Impressions, &["Impressions"]),
    (AccountMetric::Engagements, &["Engagement", "Engagements"]),
    (
        AccountMetric::Reactions,
        &["Reactions", "Réactions", "Likes", "Mentions J'aime"],
    ),
    (AccountMetric::Comments, &["Comments", "Commentaires"]),
    (AccountMetric::Shares, &["Shares", "Partages"]),
    (AccountMetric::Saves, &["Saves", "Enregistrements"]),
    (
        AccountMetric::VideoViews,
        &["Video views", "Vues de vidéo", "3-second video views"],
    ),
];

/// Words that carry no meaning for routing: the network and linking words.
const NOISE: &[&str] = &[
    "facebook",
    "instagram",
    "fb",
    "ig",
    "sur",
    "on",
    "from",
    "de",
    "du",
    "des",
    "la",
    "le",
    "les",
];

fn key(name: &str) -> String {
    normalise(name)
        .split(' ')
        .filter(|w| !NOISE.contains(w))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The network and metric a series' name says.
pub(crate) fn route(name: &str) -> Option<(Network, AccountMetric)> {
    let k = key(name);
    let metric = NAMES
        .iter()
        .find(|(_, names)| names.iter().any(|n| key(n) == k))
        .map(|(m, _)| *m)?;
    let network = if normalise(name)
        .split(' ')
        .any(|w| w == "instagram" || w == "ig")
    {
        Network::Instagram
    } else {
        Network::Facebook
    };
    Some((network, metric))
}

/// The names relais knows, for the error on an unknown one.
pub(crate) fn known() -> String {
    NAMES
        .iter()
        .flat_map(|(_, names)| names.iter().copied())
        .collect::<Vec<_>>()
        .join(", ")
}
