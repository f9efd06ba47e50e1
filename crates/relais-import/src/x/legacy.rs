//! The metric columns shared by the two legacy "Tweet activity" files (per
//! tweet and per day), English (2015 files say `favorites`), French, and
//! their `promoted …` twins. Only names live here; what is stored is decided
//! by the parsers that use them.
//!
//! French names: `J'aime`, `réponses`, `Retweets`, `impressions`,
//! `engagements` were seen in a real French export's columns; the others
//! are [P], guessed from the English ones and X's French UI.

use crate::header::Field;

/// The 18 metric columns of both legacy files, in their order.
pub(super) const METRICS: &[Field] = &[
    Field {
        key: "impressions",
        names: &["impressions"],
    },
    Field {
        key: "engagements",
        names: &["engagements"],
    },
    Field {
        key: "engagement_rate",
        names: &["engagement rate", "taux d'engagement"],
    },
    Field {
        key: "retweets",
        names: &["retweets"],
    },
    Field {
        key: "replies",
        names: &["replies", "réponses"],
    },
    Field {
        key: "likes",
        names: &["likes", "favorites", "J'aime"],
    },
    Field {
        key: "user_profile_clicks",
        names: &[
            "user profile clicks",
            "clics sur le profil de l'utilisateur",
        ],
    },
    Field {
        key: "url_clicks",
        names: &["url clicks", "clics sur l'URL"],
    },
    Field {
        key: "hashtag_clicks",
        names: &["hashtag clicks", "clics sur le hashtag"],
    },
    Field {
        key: "detail_expands",
        names: &["detail expands", "ouvertures des détails"],
    },
    Field {
        key: "permalink_clicks",
        names: &["permalink clicks", "clics sur le permalien"],
    },
    Field {
        key: "app_opens",
        names: &["app opens", "ouvertures de l'application"],
    },
    Field {
        key: "app_installs",
        names: &["app installs", "installations de l'application"],
    },
    Field {
        key: "follows",
        names: &["follows", "abonnements"],
    },
    Field {
        key: "email_tweet",
        names: &["email tweet", "Tweet envoyé par e-mail"],
    },
    Field {
        key: "dial_phone",
        names: &["dial phone", "appels téléphoniques"],
    },
    Field {
        key: "media_views",
        names: &["media views", "vues du média"],
    },
    Field {
        key: "media_engagements",
        names: &["media engagements", "engagements avec le média"],
    },
];

/// The paid twins of [`METRICS`] (French names unknown: a French file's
/// promoted columns are reported as unknown).
pub(super) const PROMOTED: Field = Field {
    key: "promoted",
    names: &[
        "promoted impressions",
        "promoted engagements",
        "promoted engagement rate",
        "promoted retweets",
        "promoted replies",
        "promoted likes",
        "promoted favorites",
        "promoted user profile clicks",
        "promoted url clicks",
        "promoted hashtag clicks",
        "promoted detail expands",
        "promoted permalink clicks",
        "promoted app opens",
        "promoted app installs",
        "promoted follows",
        "promoted email tweet",
        "promoted dial phone",
        "promoted media views",
        "promoted media engagements",
    ],
};

/// One file's alias table: its own leading columns, then the metrics.
pub(super) fn fields(lead: &[Field]) -> Vec<Field> {
    lead.iter()
        .chain(METRICS)
        .copied()
        .chain([PROMOTED])
        .collect()
}

/// True when a row reports a promoted figure (an unpromoted row has `-`).
pub(super) fn is_promoted(row: &crate::grid::Row, columns: &[usize]) -> bool {
    columns
        .iter()
        .any(|i| !matches!(crate::values::number(row.cell(*i)), Ok(None)))
}

/// The one warning saying that promoted figures were left out, `rows`
/// being the lines of the tweets (or days) that have some.
pub(super) fn promoted_warning(
    rows: &[u64],
    what_fr: &str,
    what_en: &str,
) -> Option<crate::error::Warning> {
    let first = rows.first()?;
    let n = rows.len();
    Some(crate::error::Warning::new(
        Some(*first),
        format!(
            "{n} {what_fr} avec des chiffres sponsorisés (colonnes « promoted … ») : ils ne sont pas \
             importés, relais mesure la portée organique"
        ),
        format!(
            "{n} {what_en} with promoted figures (`promoted …` columns): they are not imported, relais \
             measures organic reach"
        ),
    ))
}
