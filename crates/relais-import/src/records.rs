//! What a parsed export file holds, before it meets the database: posts,
//! their metrics, account-level daily series and comments, with the lines
//! they come from. Ids are the networks' own, as text.

use chrono::NaiveDate;
use chrono_tz::Tz;
use relais_core::{AccountMetric, MediaType, Metric, Network, Timestamp};
use serde::Serialize;

use crate::error::Warning;

/// The formats relais recognises. Detection lives in `detect`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    MetaFacebookPosts,
    MetaInstagramPosts,
    MetaDailySeries,
    MetaAudience,
    LegacyFacebookInsights,
    LinkedinContent,
    LinkedinFollowers,
    LinkedinVisitors,
    XTweetActivity,
    XDailyActivity,
    XContent,
    XOverview,
    CommentsCsv,
    CommentsJsonl,
}

impl Format {
    /// How the summary names the format, in French.
    pub fn label_fr(self) -> &'static str {
        match self {
            Format::MetaFacebookPosts => "Meta Business Suite, publications Facebook",
            Format::MetaInstagramPosts => "Meta Business Suite, publications Instagram",
            Format::MetaDailySeries => "Meta Business Suite, série quotidienne de la page",
            Format::MetaAudience => "Meta Business Suite, audience",
            Format::LegacyFacebookInsights => "Facebook Insights (ancien export par publication)",
            Format::LinkedinContent => "LinkedIn, contenu",
            Format::LinkedinFollowers => "LinkedIn, abonnés",
            Format::LinkedinVisitors => "LinkedIn, visiteurs",
            Format::XTweetActivity => "X, activité des tweets (ancien)",
            Format::XDailyActivity => "X, activité quotidienne (ancien)",
            Format::XContent => "X, contenu (2024+)",
            Format::XOverview => "X, vue d'ensemble (2024+)",
            Format::CommentsCsv => "commentaires relais (CSV)",
            Format::CommentsJsonl => "commentaires relais (JSON Lines)",
        }
    }

    /// How the summary names the format, in English.
    pub fn label_en(self) -> &'static str {
        match self {
            Format::MetaFacebookPosts => "Meta Business Suite, Facebook posts",
            Format::MetaInstagramPosts => "Meta Business Suite, Instagram posts",
            Format::MetaDailySeries => "Meta Business Suite, page daily series",
            Format::MetaAudience => "Meta Business Suite, audience",
            Format::LegacyFacebookInsights => "Facebook Insights (legacy post-level export)",
            Format::LinkedinContent => "LinkedIn, content",
            Format::LinkedinFollowers => "LinkedIn, followers",
            Format::LinkedinVisitors => "LinkedIn, visitors",
            Format::XTweetActivity => "X, tweet activity (legacy)",
            Format::XDailyActivity => "X, daily activity (legacy)",
            Format::XContent => "X, content (2024+)",
            Format::XOverview => "X, account overview (2024+)",
            Format::CommentsCsv => "relais comments (CSV)",
            Format::CommentsJsonl => "relais comments (JSON Lines)",
        }
    }

    /// The `source` recorded with each metric value from this format.
    pub fn source(self) -> &'static str {
        match self {
            Format::MetaFacebookPosts => "meta_business_suite_facebook_csv",
            Format::MetaInstagramPosts => "meta_business_suite_instagram_csv",
            Format::MetaDailySeries => "meta_business_suite_daily_csv",
            Format::MetaAudience => "meta_business_suite_audience_csv",
            Format::LegacyFacebookInsights => "facebook_insights_legacy",
            Format::LinkedinContent => "linkedin_content_export",
            Format::LinkedinFollowers => "linkedin_followers_export",
            Format::LinkedinVisitors => "linkedin_visitors_export",
            Format::XTweetActivity => "x_tweet_activity_csv",
            Format::XDailyActivity => "x_daily_activity_csv",
            Format::XContent => "x_account_analytics_content_csv",
            Format::XOverview => "x_account_overview_analytics_csv",
            Format::CommentsCsv => "relais_comments_csv",
            Format::CommentsJsonl => "relais_comments_jsonl",
        }
    }
}

/// What a file says about the account it belongs to.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct AccountHint {
    /// The network's id of the page or account (`Page ID`, `Account ID`).
    pub network_id: Option<String>,
    /// The handle (`Account username`, X user in a permalink).
    pub handle: Option<String>,
    /// The display name (`Page name`, `Account name`).
    pub name: Option<String>,
}

impl AccountHint {
    pub fn is_empty(&self) -> bool {
        self.network_id.is_none() && self.handle.is_none() && self.name.is_none()
    }
}

/// A post as a file describes it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PostRecord {
    pub line: u64,
    pub network_id: String,
    /// The account of this row (one Meta file can mix several pages).
    pub account: AccountHint,
    pub published_at: Timestamp,
    pub text: String,
    pub permalink: Option<String>,
    pub media: MediaType,
}

/// One metric value of one post, a lifetime total as of the export.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PostMetric {
    pub line: u64,
    pub post_id: String,
    pub metric: Metric,
    pub value: f64,
}

/// One day's value of an account-level metric.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DailyRecord {
    pub line: u64,
    pub day: NaiveDate,
    pub metric: AccountMetric,
    pub value: f64,
}

/// A comment or reply from the generic comments format.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CommentRecord {
    pub line: u64,
    pub network: Network,
    pub post_id: String,
    pub comment_id: String,
    pub parent_id: Option<String>,
    /// The author's id (or name) on the network: pseudonymised before storage.
    pub author: String,
    pub author_name: Option<String>,
    pub created_at: Timestamp,
    pub text: String,
    /// `Some(true)` when the file says the account itself wrote it.
    pub is_landlord: Option<bool>,
}

/// Everything read from one file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Parsed {
    pub format: Format,
    pub network: Network,
    pub encoding: &'static str,
    /// The file's account when all its rows share one.
    pub account: AccountHint,
    pub posts: Vec<PostRecord>,
    pub post_metrics: Vec<PostMetric>,
    pub daily: Vec<DailyRecord>,
    pub comments: Vec<CommentRecord>,
    pub warnings: Vec<Warning>,
    /// Data rows read.
    pub rows: u64,
    /// Junk rows skipped (empty ids, `undefined` links…).
    pub skipped: u64,
}

impl Parsed {
    /// An empty result of a format, to be filled by its parser.
    pub fn new(format: Format, network: Network, encoding: &'static str) -> Self {
        Self {
            format,
            network,
            encoding,
            account: AccountHint::default(),
            posts: Vec::new(),
            post_metrics: Vec::new(),
            daily: Vec::new(),
            comments: Vec::new(),
            warnings: Vec::new(),
            rows: 0,
            skipped: 0,
        }
    }
}

/// What a parser needs besides the rows.
#[derive(Debug, Clone, Copy)]
pub struct Ctx<'a> {
    /// The file's name, for messages.
    pub file: &'a str,
    /// The page's time zone, for formats that write local times.
    pub tz: Tz,
    pub encoding: &'static str,
}
