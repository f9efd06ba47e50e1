//! Visits: the page views of one client with less than 30 minutes between
//! them, and the aggregates per day × source × campaign × landing page.
//!
//! A visit's source, campaign and landing page are those of its first page
//! view. A page view from an external source (a network, a campaign, a
//! search engine, another site) that differs from the visit's starts a new
//! visit, as Matomo does when a campaign changes; direct and internal page
//! views never do. A visit opened by internal navigation (a tab left open
//! past 30 minutes) counts as direct. Clients are keyed by their daily hash,
//! so a visit never spans two Paris days. Runs on one thread, in line order.
//!
//! Memory: clients more than an hour of log time away are forgotten, so the
//! table holds about two hours of clients whatever the file's length or order.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::channel::Channel;
use crate::chunk::{ChunkResult, landing_text};
use crate::summary::Row;

/// Inactivity that ends a visit, in seconds.
pub const VISIT_TIMEOUT: i64 = 30 * 60;

/// Client keys are already hashes; hashing them again would waste time.
#[derive(Default)]
struct Identity(u64);

impl Hasher for Identity {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

struct Client {
    last: i64,
    row: u32,
}

/// The visits being built, and the aggregate rows.
#[derive(Default)]
pub(crate) struct Visits {
    clients: HashMap<u64, Client, BuildHasherDefault<Identity>>,
    pub rows: Vec<Row>,
    index: HashMap<Vec<u8>, u32>,
    key: Vec<u8>,
    swept: i64,
    pub visits: u64,
    pub pageviews: u64,
}

impl Visits {
    /// Adds a chunk's page views, in order.
    pub fn add(&mut self, chunk: &ChunkResult) {
        for v in &chunk.views {
            self.pageviews += 1;
            let campaign = chunk.text(v.campaign);
            if let Some(c) = self.clients.get_mut(&v.client) {
                let row = &self.rows[c.row as usize];
                let same_source = !v.channel.is_external()
                    || (row.channel == v.channel && row.campaign.as_bytes() == campaign);
                // Lines a few seconds out of order stay in their visit.
                let near = (v.time - c.last).abs() <= VISIT_TIMEOUT;
                if near && same_source {
                    c.last = c.last.max(v.time);
                    self.rows[c.row as usize].pageviews += 1;
                    continue;
                }
            }
            let channel = match v.channel {
                Channel::Internal => Channel::Direct,
                c => c,
            };
            let row = self.row(v.day, channel, campaign, chunk.text(v.landing));
            self.rows[row as usize].visits += 1;
            self.rows[row as usize].pageviews += 1;
            self.visits += 1;
            self.clients.insert(v.client, Client { last: v.time, row });
        }
        // Forget clients more than an hour of log time away from the last
        // page view, in either direction: files concatenated out of order
        // (`cat access.log.2 access.log.1`) keep memory bounded too.
        if let Some(now) = chunk.views.last().map(|v| v.time)
            && (now - self.swept).abs() > VISIT_TIMEOUT
        {
            self.clients
                .retain(|_, c| (c.last - now).abs() <= 2 * VISIT_TIMEOUT);
            self.swept = now;
        }
    }

    fn row(&mut self, day: i32, channel: Channel, campaign: &[u8], landing: &[u8]) -> u32 {
        self.key.clear();
        self.key.extend_from_slice(&day.to_le_bytes());
        self.key.push(channel as u8);
        self.key.extend_from_slice(campaign);
        self.key.push(0xff); // never in UTF-8 text
        self.key.extend_from_slice(landing);
        if let Some(&i) = self.index.get(self.key.as_slice()) {
            return i;
        }
        let i = self.rows.len() as u32;
        self.rows.push(Row {
            day,
            channel,
            campaign: String::from_utf8_lossy(campaign).into_owned(),
            landing: landing_text(landing),
            pageviews: 0,
            visits: 0,
        });
        self.index.insert(self.key.clone(), i);
        i
    }

    /// How many clients are remembered (for the memory test).
    #[cfg(test)]
    pub fn clients(&self) -> usize {
        self.clients.len()
    }
}

#[cfg(test)]
#[path = "visits_tests.rs"]
mod tests;
