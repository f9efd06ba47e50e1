//! What parsing a log gives: totals, the malformed lines' examples, the
//! cross-check counters, and the aggregate rows. Nothing in it identifies a
//! person: no address, agent, hash or time finer than a day.

use std::collections::BTreeMap;

use serde::{Serialize, Serializer};

use crate::channel::Channel;
use crate::clock::day_string;
use crate::line::Format;

/// One aggregate: the visits that started on `day` from `channel` with
/// `campaign` on `landing`, and their page views.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Row {
    /// Days since 1970-01-01 of the Paris date.
    #[serde(serialize_with = "as_day")]
    pub day: i32,
    pub channel: Channel,
    /// The campaign's name, empty without one.
    pub campaign: String,
    /// The first page's path, without its query string.
    pub landing: String,
    pub pageviews: u64,
    pub visits: u64,
}

impl Row {
    /// The day as `YYYY-MM-DD`.
    pub fn day_string(&self) -> String {
        day_string(self.day)
    }
}

fn as_day<S: Serializer>(day: &i32, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&day_string(*day))
}

/// A malformed line: its physical number (from 1) and its start.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Malformed {
    pub line: u64,
    pub text: String,
}

/// Everything one log gave.
#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    /// The format the lines were read in (the detected one under `auto`).
    pub format: Format,
    /// Physical lines, blank ones included.
    pub lines: u64,
    pub malformed: u64,
    /// The first few malformed lines.
    pub malformed_examples: Vec<Malformed>,
    pub bots: u64,
    /// People's requests for static assets.
    pub assets: u64,
    /// People's requests that are neither assets nor page views.
    pub other: u64,
    pub pageviews: u64,
    pub visits: u64,
    /// Every person's line (any request, any status) by the channel of its
    /// referrer alone, campaign tags ignored: what the referrer counts of a
    /// generated log's truth are checked against.
    pub hits_by_referrer: BTreeMap<Channel, u64>,
    /// Every person's line by its `utm_source` (or `mtm_`/`pk_`) value.
    pub hits_by_campaign_source: BTreeMap<String, u64>,
    /// The aggregates, by day, channel, campaign and landing page.
    pub rows: Vec<Row>,
}

impl Summary {
    /// Visits by channel, summed over days, campaigns and landing pages.
    pub fn visits_by_channel(&self) -> BTreeMap<Channel, u64> {
        let mut out = BTreeMap::new();
        for r in &self.rows {
            *out.entry(r.channel).or_default() += r.visits;
        }
        out
    }

    /// Page views by channel of their visit.
    pub fn pageviews_by_channel(&self) -> BTreeMap<Channel, u64> {
        let mut out = BTreeMap::new();
        for r in &self.rows {
            *out.entry(r.channel).or_default() += r.pageviews;
        }
        out
    }

    /// The first and last days with a page view, as `YYYY-MM-DD`.
    pub fn days(&self) -> Option<(String, String)> {
        let first = self.rows.iter().map(|r| r.day).min()?;
        let last = self.rows.iter().map(|r| r.day).max()?;
        Some((day_string(first), day_string(last)))
    }
}
