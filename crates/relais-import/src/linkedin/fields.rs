//! The LinkedIn page exports' column names, one alias table per sheet, and
//! which of their columns relais stores. It only names columns: reading
//! cells is `posts` and `daily`.
//!
//! English names are the spec's (platforms.md §5, older vocabulary
//! included). LinkedIn localises its headers but no French export has been
//! seen: every French name here is a guess, unverified [P], kept so a French
//! file has a chance to be read and so that a wrong guess costs only an
//! "unknown column" warning.

use relais_core::{AccountMetric, Metric};

use crate::header::Field;

/// The key of the day column of every daily sheet; it anchors the header row.
pub const DATE: &str = "date";
/// The keys that anchor the header row of the per-post sheet.
pub const POST_ANCHORS: &[&str] = &["title", "link"];

const fn field(key: &'static str, names: &'static [&'static str]) -> Field {
    Field { key, names }
}

// French names below: unverified [P].
const DATE_FIELD: Field = field(DATE, &["Date", "Jour"]);

/// Content › `All posts`: one row per post, lifetime figures.
pub const POSTS: &[Field] = &[
    field(
        "title",
        &["Post title", "Titre de la publication", "Titre du post"],
    ),
    field(
        "link",
        &["Post link", "Lien de la publication", "Lien du post"],
    ),
    field(
        "post_type",
        &["Post type", "Type de publication", "Type de post"],
    ),
    field("content_type", &["Content Type", "Type de contenu"]),
    field("campaign", &["Campaign name", "Nom de la campagne"]),
    field("posted_by", &["Posted by", "Published by", "Publié par"]),
    field(
        "created",
        &["Created date", "Date de création", "Date de publication"],
    ),
    field(
        "campaign_start",
        &["Campaign start date", "Date de début de la campagne"],
    ),
    field(
        "campaign_end",
        &["Campaign end date", "Date de fin de la campagne"],
    ),
    field("audience", &["Audience", "Public"]),
    field("impressions", &["Impressions"]),
    field(
        "views",
        &[
            "Views (excluding off-site video views)",
            "Views",
            "Vues (hors vues de vidéos hors site)",
            "Vues",
        ],
    ),
    field("offsite_views", &["Off-site views", "Vues hors site"]),
    field("clicks", &["Clicks", "Clics"]),
    field(
        "ctr",
        &[
            "Click through rate (CTR)",
            "Taux de clics (CTR)",
            "Taux de clics",
        ],
    ),
    field(
        "likes",
        &[
            "Likes",
            "Reactions",
            "J'aime",
            "Mentions J'aime",
            "Réactions",
        ],
    ),
    field("comments", &["Comments", "Commentaires"]),
    field(
        "shares",
        &["Reposts", "Shares", "Republications", "Partages"],
    ),
    field("follows", &["Follows", "Abonnements", "Abonnés gagnés"]),
    field("engagement_rate", &["Engagement rate", "Taux d'engagement"]),
];

/// The per-post columns relais stores; the others of [`POSTS`] are known
/// and left aside (rates, off-site views, campaign details).
pub const POST_METRICS: &[(&str, Metric)] = &[
    ("impressions", Metric::Impressions),
    ("views", Metric::Views),
    ("clicks", Metric::Clicks),
    ("likes", Metric::Reactions),
    ("comments", Metric::Comments),
    ("shares", Metric::Shares),
    ("follows", Metric::FollowsGained),
];

/// A daily sheet: its columns, and which of them relais stores, each
/// metric with its candidate columns by priority (the first the file has).
pub struct DailyTable {
    pub fields: &'static [Field],
    pub stored: &'static [(AccountMetric, &'static [&'static str])],
}

/// Content › `Metrics`: organic, sponsored and total figures per day; relais
/// keeps the totals. Unique impressions exist only as organic in the files
/// seen, so that column stands in when no total is given.
pub const CONTENT_METRICS: DailyTable = DailyTable {
    fields: &[
        DATE_FIELD,
        field(
            "impressions_organic",
            &[
                "Impressions (organic)",
                "Impressions (naturelles)",
                "Impressions (organiques)",
            ],
        ),
        field(
            "impressions_sponsored",
            &["Impressions (sponsored)", "Impressions (sponsorisées)"],
        ),
        field("impressions_total", &["Impressions (total)", "Impressions"]),
        field(
            "unique_organic",
            &[
                "Unique impressions (organic)",
                "Impressions uniques (naturelles)",
                "Impressions uniques (organiques)",
            ],
        ),
        field(
            "unique_sponsored",
            &[
                "Unique impressions (sponsored)",
                "Impressions uniques (sponsorisées)",
            ],
        ),
        field(
            "unique_total",
            &[
                "Unique impressions (total)",
                "Unique impressions",
                "Impressions uniques (total)",
                "Impressions uniques",
            ],
        ),
        field(
            "clicks_organic",
            &["Clicks (organic)", "Clics (naturels)", "Clics (organiques)"],
        ),
        field(
            "clicks_sponsored",
            &["Clicks (sponsored)", "Clics (sponsorisés)"],
        ),
        field(
            "clicks_total",
            &["Clicks (total)", "Clicks", "Clics (total)", "Clics"],
        ),
        field(
            "reactions_organic",
            &[
                "Reactions (organic)",
                "Réactions (naturelles)",
                "Réactions (organiques)",
            ],
        ),
        field(
            "reactions_sponsored",
            &["Reactions (sponsored)", "Réactions (sponsorisées)"],
        ),
        field(
            "reactions_total",
            &[
                "Reactions (total)",
                "Reactions",
                "Réactions (total)",
                "Réactions",
            ],
        ),
        field(
            "comments_organic",
            &[
                "Comments (organic)",
                "Commentaires (naturels)",
                "Commentaires (organiques)",
            ],
        ),
        field(
            "comments_sponsored",
            &["Comments (sponsored)", "Commentaires (sponsorisés)"],
        ),
        field(
            "comments_total",
            &[
                "Comments (total)",
                "Comments",
                "Commentaires (total)",
                "Commentaires",
            ],
        ),
        field(
            "shares_organic",
            &[
                "Reposts (organic)",
                "Shares (organic)",
                "Republications (naturelles)",
                "Partages (naturels)",
            ],
        ),
        field(
            "shares_sponsored",
            &[
                "Reposts (sponsored)",
                "Shares (sponsored)",
                "Republications (sponsorisées)",
                "Partages (sponsorisés)",
            ],
        ),
        field(
            "shares_total",
            &[
                "Reposts (total)",
                "Shares (total)",
                "Reposts",
                "Shares",
                "Republications (total)",
                "Partages (total)",
            ],
        ),
        field(
            "rate_organic",
            &[
                "Engagement rate (organic)",
                "Taux d'engagement (naturel)",
                "Taux d'engagement (organique)",
            ],
        ),
        field(
            "rate_sponsored",
            &[
                "Engagement rate (sponsored)",
                "Taux d'engagement (sponsorisé)",
            ],
        ),
        field(
            "rate_total",
            &[
                "Engagement rate (total)",
                "Engagement rate",
                "Taux d'engagement (total)",
                "Taux d'engagement",
            ],
        ),
    ],
    stored: &[
        (AccountMetric::Impressions, &["impressions_total"]),
        (
            AccountMetric::UniqueImpressions,
            &["unique_total", "unique_organic"],
        ),
        (AccountMetric::Clicks, &["clicks_total"]),
        (AccountMetric::Reactions, &["reactions_total"]),
        (AccountMetric::Comments, &["comments_total"]),
        (AccountMetric::Shares, &["shares_total"]),
    ],
};

/// Followers › `New followers`: followers gained each day (not a running
/// total), split by origin; relais keeps the total.
pub const NEW_FOLLOWERS: DailyTable = DailyTable {
    fields: &[
        DATE_FIELD,
        field("sponsored", &["Sponsored followers", "Abonnés sponsorisés"]),
        field(
            "organic",
            &[
                "Organic followers",
                "Abonnés naturels",
                "Abonnés organiques",
            ],
        ),
        field(
            "auto_invited",
            &["Auto-invited followers", "Abonnés invités automatiquement"],
        ),
        field(
            "total",
            &[
                "Total followers",
                "Abonnés totaux",
                "Total des abonnés",
                "Nouveaux abonnés",
                "Nouveaux abonnés (total)",
            ],
        ),
    ],
    stored: &[(AccountMetric::NewFollowers, &["total"])],
};

/// Visitors › `Visitor metrics`: page views and unique visitors by section
/// and device; relais keeps the all-sections, all-devices totals.
pub const VISITOR_METRICS: DailyTable = DailyTable {
    fields: &[
        DATE_FIELD,
        field(
            "page_views_total",
            &[
                "Total page views (total)",
                "Pages vues totales (total)",
                "Total des pages vues (total)",
            ],
        ),
        field(
            "unique_visitors_total",
            &[
                "Total unique visitors (total)",
                "Visiteurs uniques totaux (total)",
                "Total des visiteurs uniques (total)",
            ],
        ),
        field(
            "section_views",
            &[
                "Overview page views (desktop)",
                "Overview page views (mobile)",
                "Overview page views (total)",
                "Life page views (desktop)",
                "Life page views (mobile)",
                "Life page views (total)",
                "Jobs page views (desktop)",
                "Jobs page views (mobile)",
                "Jobs page views (total)",
                "Total page views (desktop)",
                "Total page views (mobile)",
            ],
        ),
        field(
            "section_visitors",
            &[
                "Overview unique visitors (desktop)",
                "Overview unique visitors (mobile)",
                "Overview unique visitors (total)",
                "Life unique visitors (desktop)",
                "Life unique visitors (mobile)",
                "Life unique visitors (total)",
                "Jobs unique visitors (desktop)",
                "Jobs unique visitors (mobile)",
                "Jobs unique visitors (total)",
                "Total unique visitors (desktop)",
                "Total unique visitors (mobile)",
            ],
        ),
    ],
    stored: &[
        (AccountMetric::PageViews, &["page_views_total"]),
        (AccountMetric::UniqueVisitors, &["unique_visitors_total"]),
    ],
};
