//! The facts the KPIs are computed from: one flat, in-memory picture of what
//! the database holds, with every label already resolved (a human label wins
//! over the model's) and every post's latest metric values.
//!
//! The store builds it (one read per table); the engine only reads it. It
//! holds pseudonyms, never names, except for consented ambassadors.

use chrono::NaiveDate;
use relais_core::{
    AccountKind, Audience, AuthorKind, Category, Network, Sentiment, Theme, Urgency,
};

/// Everything the KPI engine reads.
#[derive(Debug, Clone, Default)]
pub struct Facts {
    pub organisation: String,
    /// Directions and agencies.
    pub territories: Vec<TerritoryFact>,
    pub residences: Vec<ResidenceFact>,
    pub accounts: Vec<AccountFact>,
    pub posts: Vec<PostFact>,
    pub comments: Vec<CommentFact>,
    /// Follower (or group member) counts: `(account index, day, count)`,
    /// sorted by account then day (what [`Facts::followers_on`] searches).
    pub followers: Vec<(usize, NaiveDate, u64)>,
    pub surveys: Vec<SurveyFact>,
    /// Pseudonyms of the people whose consent to be named as ambassadors is recorded.
    pub consents: Vec<Consent>,
    /// Field scans per link and day, when the links feature holds data.
    pub scans: Vec<ScanFact>,
    /// Website visits per day and source, when traffic data exists.
    pub visits: Vec<VisitFact>,
    /// Website visits from the networks and from relais short links, per day,
    /// source and landing page (for the audit's website section).
    pub landings: Vec<LandingFact>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TerritoryFact {
    pub id: String,
    pub name: String,
    /// `None` for a direction; the direction's index for an agency.
    pub direction: Option<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ResidenceFact {
    pub id: String,
    pub name: String,
    pub homes: u32,
    /// Index of the agency in [`Facts::territories`].
    pub agency: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AccountFact {
    pub id: String,
    pub name: String,
    pub network: Network,
    pub kind: AccountKind,
    /// Index of the account's territory, when it belongs to one.
    pub territory: Option<usize>,
}

/// A post's latest known metric values; `None` is "not reported", never 0.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Metrics {
    pub reactions: Option<f64>,
    pub comments: Option<f64>,
    pub shares: Option<f64>,
    pub saves: Option<f64>,
    pub link_clicks: Option<f64>,
    pub reach: Option<f64>,
    /// Impressions, or views where the network reports views instead.
    pub impressions: Option<f64>,
}

impl Metrics {
    /// `E = R + C + S + V`. Reactions must be known; a component the network
    /// does not report for this post counts as absent (LinkedIn has no saves).
    pub fn engagement(&self) -> Option<f64> {
        let r = self.reactions?;
        Some(
            r + self.comments.unwrap_or(0.0)
                + self.shares.unwrap_or(0.0)
                + self.saves.unwrap_or(0.0),
        )
    }

    /// `E / reach`, when both are known and reach is positive.
    pub fn engagement_on_reach(&self) -> Option<f64> {
        let reach = self.reach.filter(|&r| r > 0.0)?;
        Some(self.engagement()? / reach)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct PostFact {
    pub id: String,
    pub account: usize,
    /// Unix seconds, UTC.
    pub published_at: i64,
    pub text: String,
    pub permalink: Option<String>,
    pub residence: Option<usize>,
    /// The post's own territory (agency or direction) when it is local.
    pub territory: Option<usize>,
    pub metrics: Metrics,
    pub theme: Option<Theme>,
    pub secondary_themes: Vec<Theme>,
    pub audience: Option<Audience>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CommentFact {
    /// The comment's id in the database.
    pub id: String,
    pub post: usize,
    /// Unix seconds, UTC.
    pub created_at: i64,
    /// The commenter's pseudonym; `None` for the landlord's own replies.
    pub author: Option<String>,
    pub category: Option<Category>,
    pub urgency: Option<Urgency>,
    pub sentiment: Option<Sentiment>,
    pub author_kind: Option<AuthorKind>,
    pub residence: Option<usize>,
    /// When the landlord first replied to it (Unix seconds), if ever.
    pub first_reply_at: Option<i64>,
}

impl CommentFact {
    pub fn is_landlord(&self) -> bool {
        self.author.is_none() || self.author_kind == Some(AuthorKind::Landlord)
    }
}

/// One survey result: a score for one question in one scope and year.
#[derive(Debug, Clone, PartialEq)]
pub struct SurveyFact {
    pub scope: SurveyScope,
    pub year: i32,
    pub question: String,
    /// The score as the survey gives it (a percentage of satisfied tenants, or a mark).
    pub score: f64,
    pub respondents: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SurveyScope {
    Territory(usize),
    Residence(usize),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Consent {
    pub pseudonym: String,
    /// The name the person agreed to be shown under.
    pub shown_as: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ScanFact {
    pub link: String,
    pub action: String,
    pub residence: Option<usize>,
    pub territory: Option<usize>,
    pub day: NaiveDate,
    pub scans: u64,
    pub bots: u64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct VisitFact {
    pub day: NaiveDate,
    /// The referring network's code (`facebook`, `linkedin`…), `None` for other sources.
    pub network: Option<String>,
    pub visits: u64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct LandingFact {
    pub day: NaiveDate,
    /// A social network's code, or `relais` for short links and QR posters.
    pub source: String,
    /// The page visitors landed on (path without query).
    pub landing: String,
    pub visits: u64,
}

impl Facts {
    /// The followers of an account on a day: its last count on or before it.
    pub fn followers_on(&self, account: usize, day: NaiveDate) -> Option<u64> {
        let i = self
            .followers
            .partition_point(|&(a, d, _)| (a, d) <= (account, day));
        (i > 0 && self.followers[i - 1].0 == account).then(|| self.followers[i - 1].2)
    }

    /// The agency a residence belongs to.
    pub fn residence_agency(&self, r: usize) -> usize {
        self.residences[r].agency
    }

    /// The direction above a territory (itself for a direction).
    pub fn direction_of(&self, t: usize) -> usize {
        self.territories[t].direction.unwrap_or(t)
    }

    /// Indices of the agencies.
    pub fn agencies(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.territories.len()).filter(|&t| self.territories[t].direction.is_some())
    }

    /// The post's agency: its residence's, or its territory when that is an agency.
    /// The post's territory: its residence's agency, its own territory, or
    /// its account's (an agency's page speaks for its agency).
    pub fn post_territory(&self, p: &PostFact) -> Option<usize> {
        p.residence
            .map(|r| self.residence_agency(r))
            .or(p.territory)
            .or(self.accounts[p.account].territory)
    }

    /// The post's agency, when its territory is an agency.
    pub fn post_agency(&self, p: &PostFact) -> Option<usize> {
        self.post_territory(p)
            .filter(|&t| self.territories[t].direction.is_some())
    }

    /// The post's direction: above its agency, or its own territory.
    pub fn post_direction(&self, p: &PostFact) -> Option<usize> {
        self.post_territory(p).map(|t| self.direction_of(t))
    }
}

impl Facts {
    /// The Paris day of the latest post or comment, if any.
    pub fn last_day(&self) -> Option<NaiveDate> {
        let posts = self.posts.iter().map(|p| p.published_at);
        let comments = self.comments.iter().map(|c| c.created_at);
        posts.chain(comments).max().map(crate::period::paris_day)
    }
}
