//! Posts (publications) and the metrics observed on them.

use serde::Serialize;

use crate::account::Network;
use crate::codes::codes;
use crate::ids::{AccountId, NetworkId, ResidenceId, TerritoryId};
use crate::time::Timestamp;

codes!(
    /// What a post shows.
    MediaType, "media type" {
        Text = "text", "Texte";
        Photo = "photo", "Photo";
        Carousel = "carousel", "Carrousel";
        Video = "video", "Vidéo";
        Reel = "reel", "Reel";
        Story = "story", "Story";
        Link = "link", "Lien";
    }
);

/// A post's identity in relais: its network and the network's id.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct PostKey {
    pub network: Network,
    pub network_id: NetworkId,
}

impl PostKey {
    /// The stored form, `network:network_id`.
    pub fn stored(&self) -> String {
        format!("{}:{}", self.network.code(), self.network_id)
    }
}

/// A post published by an account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Post {
    pub key: PostKey,
    pub account: AccountId,
    pub published_at: Timestamp,
    pub text: String,
    pub permalink: Option<String>,
    pub media: MediaType,
    /// The residence the post is about, when it names one.
    pub residence: Option<ResidenceId>,
    /// The territory the post is about (from its residence or its account).
    pub territory: Option<TerritoryId>,
}

codes!(
    /// A per-post metric. `views` (the current Meta metric) and `impressions`
    /// (the legacy one) are distinct series and are never merged.
    Metric, "metric" {
        Views = "views", "Vues";
        Impressions = "impressions", "Impressions";
        Reach = "reach", "Portée";
        Reactions = "reactions", "Réactions";
        Comments = "comments", "Commentaires";
        Shares = "shares", "Partages";
        Saves = "saves", "Enregistrements";
        Clicks = "clicks", "Clics";
        LinkClicks = "link_clicks", "Clics sur un lien";
        Engagements = "engagements", "Interactions (total du réseau)";
        ProfileVisits = "profile_visits", "Visites du profil";
        VideoViews = "video_views", "Vues de vidéo";
        FollowsGained = "follows_gained", "Abonnements gagnés";
    }
);

/// Where a metric value comes from: which export or API, which version of
/// the metric (Meta renamed and redefined metrics in 2024–2025).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct MetricSource {
    /// `demo`, `meta_business_suite_csv`, `graph_api`, `linkedin_xls`, …
    pub origin: String,
    /// The metric's version at that source (`v23.0`, `2024-export`, `1`).
    pub version: String,
}

/// One observed value of one metric of one post.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MetricSnapshot {
    pub post: PostKey,
    pub observed_at: Timestamp,
    pub metric: Metric,
    pub value: f64,
    pub source: MetricSource,
}
