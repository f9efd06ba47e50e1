//! The alias tables of Meta Business Suite's post exports (Facebook posts,
//! Instagram posts and stories), English and French, with the mojibake
//! variants seen in real French files. Tables only: no reading here.

use relais_core::{MediaType, Metric};

use crate::header::{Field, normalise};

const fn f(key: &'static str, names: &'static [&'static str]) -> Field {
    Field { key, names }
}

/// Columns that describe the post or its account.
pub(crate) const IDENTITY: &[Field] = &[
    f(
        "post_id",
        &[
            "Post ID",
            "Identifiant de la publication",
            "ID de la publication",
        ],
    ),
    f("page_id", &["Page ID", "ID de la Page"]),
    f("page_name", &["Page name", "Nom de la page"]),
    f("account_id", &["Account ID", "ID du compte"]),
    f(
        "account_username",
        &[
            "Account username",
            "Nom de profil du compte",
            "Nom d'utilisateur du compte",
        ],
    ),
    f("account_name", &["Account name", "Nom du compte"]),
    f("title", &["Title", "Titre"]),
    f("description", &["Description"]),
    f("publish_time", &["Publish time", "Heure de publication"]),
    f("permalink", &["Permalink", "Permalien"]),
    f("post_type", &["Post type", "Type de publication"]),
    // Known, not used.
    f("duration", &["Duration (sec)", "Durée (s)", "DurＦ (s)"]),
    f("caption_type", &["Caption type", "Type de légende"]),
    f(
        "is_crosspost",
        &["Is crosspost", "Est une publication croisée"],
    ),
    f("is_share", &["Is share", "Est un partage"]),
    f("languages", &["Languages", "Langues"]),
    f(
        "custom_labels",
        &["Custom labels", "Étiquettes personnalisées"],
    ),
    f(
        "funded",
        &["Funded content status", "Statut du contenu financé"],
    ),
    f(
        "data_comment",
        &[
            "Data comment",
            "Commentaire des données",
            "Commentaire des donnＦs",
        ],
    ),
    // `Lifetime` / `Global`: every figure is a lifetime total.
    f("date", &["Date"]),
];

/// A metric column and what relais stores it as (None: known, not stored).
pub(crate) struct MetricColumn {
    pub field: Field,
    pub metric: Option<Metric>,
}

const fn m(
    key: &'static str,
    names: &'static [&'static str],
    metric: Option<Metric>,
) -> MetricColumn {
    MetricColumn {
        field: f(key, names),
        metric,
    }
}

/// Metric columns. When two columns give one metric (Reactions and Likes),
/// the first in this table that is filled wins.
pub(crate) const METRICS: &[MetricColumn] = &[
    m("views", &["Views", "Vues"], Some(Metric::Views)),
    // Before 2025: a different metric from views, never merged with it.
    m("impressions", &["Impressions"], Some(Metric::Impressions)),
    m("reach", &["Reach", "Couverture"], Some(Metric::Reach)),
    // The sum of the next three: relais recomputes it.
    m(
        "interactions_total",
        &[
            "Reactions, Comments and Shares",
            "Réactions, commentaires et partages",
        ],
        None,
    ),
    m(
        "reactions",
        &["Reactions", "Réactions"],
        Some(Metric::Reactions),
    ),
    m(
        "likes",
        &["Likes", "Mentions J'aime"],
        Some(Metric::Reactions),
    ),
    m(
        "comments",
        &["Comments", "Commentaires"],
        Some(Metric::Comments),
    ),
    // Story replies are the comments of a story.
    m(
        "replies",
        &["Replies", "Réponses", "RＱonses"],
        Some(Metric::Comments),
    ),
    m("shares", &["Shares", "Partages"], Some(Metric::Shares)),
    m("saves", &["Saves", "Enregistrements"], Some(Metric::Saves)),
    m(
        "clicks",
        &["Total clicks", "Total des clics"],
        Some(Metric::Clicks),
    ),
    m(
        "link_clicks",
        &["Link clicks", "Clics sur un lien", "Clics sur le lien"],
        Some(Metric::LinkClicks),
    ),
    m("other_clicks", &["Other Clicks", "Autres clics"], None),
    m(
        "photo_clicks",
        &["Matched Audience Targeting Consumption (Photo Click)"],
        None,
    ),
    // Follows gained from this post, not the follower total.
    m(
        "follows",
        &["Follows", "Followers en plus"],
        Some(Metric::FollowsGained),
    ),
    m(
        "profile_visits",
        &["Profile visits", "Visites de profil", "Visites du profil"],
        Some(Metric::ProfileVisits),
    ),
    m(
        "video_views",
        &["3-Second Video Views", "Vues de vidéo de 3 secondes"],
        Some(Metric::VideoViews),
    ),
    m(
        "video_views_1min",
        &["1-Minute Video Views", "Vues de vidéo de 1 minute"],
        None,
    ),
    m(
        "seconds_viewed",
        &["Seconds viewed", "Secondes regardées"],
        None,
    ),
    m(
        "average_seconds",
        &["Average Seconds viewed", "Secondes regardées en moyenne"],
        None,
    ),
    m(
        "qualified_views",
        &["Qualified Views", "Vues qualifiées"],
        None,
    ),
    m(
        "sticker_taps",
        &["Sticker taps", "Appuis sur des stickers"],
        None,
    ),
    m("navigation", &["Navigation"], None),
];

/// Words of header names known without a table entry (see
/// `shared::known_by_word`): organic/boosted splits, negative feedback,
/// earnings, the localised crosspost flag.
pub(crate) const KNOWN_WORDS: &[&str] = &[
    "organic",
    "organique",
    "boosted",
    "boostée",
    "negative feedback",
    "retours négatifs",
    "commentaires négatifs",
    "earnings",
    "revenus",
    "crosspost",
];

/// Every field, for `Header::map`.
pub(crate) fn all_fields() -> Vec<Field> {
    IDENTITY
        .iter()
        .copied()
        .chain(METRICS.iter().map(|c| c.field))
        .collect()
}

/// The media of a `Post type` value, Facebook's (`Photos`, `Vidéos`,
/// `Liens`, `Statut`…) or Instagram's (`IG image`, `IG carousel`, `IG reel`,
/// `IG story`). None for a value relais does not know.
pub(crate) fn media_of(post_type: &str) -> Option<MediaType> {
    let n = normalise(post_type);
    let words: Vec<&str> = n
        .split(' ')
        .filter(|w| *w != "ig" && *w != "instagram")
        .collect();
    let media = match words.join(" ").as_str() {
        "photo" | "photos" | "image" | "images" => MediaType::Photo,
        "video" | "videos" | "vidéo" | "vidéos" => MediaType::Video,
        "reel" | "reels" => MediaType::Reel,
        "carousel" | "carrousel" | "album" | "albums" => MediaType::Carousel,
        "story" | "stories" => MediaType::Story,
        "link" | "links" | "lien" | "liens" => MediaType::Link,
        "text" | "texte" | "status" | "statut" | "statuts" => MediaType::Text,
        _ => return None,
    };
    Some(media)
}
