//! Account-level daily metrics: what a page's daily series says about the
//! whole account on one day (new followers, page views, visits…), as the
//! networks' exports give them. Per-post figures are [`crate::Metric`].

use chrono::NaiveDate;
use serde::Serialize;

use crate::codes::codes;
use crate::ids::AccountId;

codes!(
    /// A daily metric of a whole account.
    AccountMetric, "account metric" {
        NewFollowers = "new_followers", "Nouveaux abonnés";
        Unfollows = "unfollows", "Désabonnements";
        Views = "views", "Vues";
        Impressions = "impressions", "Impressions";
        UniqueImpressions = "unique_impressions", "Impressions uniques";
        Reach = "reach", "Couverture";
        Visits = "visits", "Visites";
        PageViews = "page_views", "Pages vues";
        UniqueVisitors = "unique_visitors", "Visiteurs uniques";
        Interactions = "interactions", "Interactions";
        Engagements = "engagements", "Engagements";
        Reactions = "reactions", "Réactions";
        Comments = "comments", "Commentaires";
        Shares = "shares", "Partages";
        Saves = "saves", "Enregistrements";
        Clicks = "clicks", "Clics";
        LinkClicks = "link_clicks", "Clics sur un lien";
        ProfileVisits = "profile_visits", "Visites du profil";
        PostsPublished = "posts_published", "Publications";
        VideoViews = "video_views", "Vues de vidéo";
        MediaViews = "media_views", "Vues de médias";
    }
);

/// One day's value of one account metric.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AccountMetricValue {
    pub account: AccountId,
    pub day: NaiveDate,
    pub metric: AccountMetric,
    pub value: f64,
    /// Which export or API it comes from.
    pub source: String,
}
