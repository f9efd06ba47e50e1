//! relais short links: the codes printed on posters and flyers, the
//! redirect that serves them, and the counts they give, without personal data.
//!
//! - [`code`]: nine characters of OS randomness (45 bits), no look-alikes.
//! - [`domain`]: allowed domains and the target check, made at creation and
//!   again at every redirect (no open redirect, even after a hand edit).
//! - [`utm`]: `utm_source=relais`, `utm_medium` the channel, `utm_campaign`
//!   the action's slug, `utm_content` the residence (or territory) id; the
//!   target's own `utm_*` are kept.
//! - [`plan`]: turning a request for links into the rows to store.
//! - [`agent`]: previews, crawlers, tools and `HEAD` are counted as bots.
//! - [`counter`]: the in-memory buffer and the daily salt of unique scanners.
//! - [`server`]: the axum router and [`serve`], which takes its listener and
//!   its shutdown signal.
//! - [`stats`]: the counts grouped by link, residence, action, agency,
//!   direction or day, with scans per 100 homes.
//! - [`poster`]: the QR poster as a self-contained SVG, and the HTML page
//!   that prints a batch.
//!
//! # What is written, and what a crash can lose
//!
//! Counts are kept in memory and written in one transaction every half
//! second (at most every second), and once more after a clean shutdown. A
//! crash or a `kill -9` loses the hits of the last flush interval (at most
//! one second), never more; a failed write is kept in memory and tried again.
//! A restart also forgets the day's salt, so a person scanning before and
//! after a restart counts as two unique scanners that day.
//!
//! Nothing stores or logs an IP address, a user agent or a cookie: the
//! database gets counts per link per day (Europe/Paris), nothing else.

pub mod agent;
pub mod code;
pub mod counter;
pub mod domain;
mod error;
mod page;
pub mod plan;
pub mod poster;
pub mod server;
pub mod stats;
pub mod utm;

pub use code::Code;
pub use domain::{AllowedDomain, check_target};
pub use error::LinkError;
pub use server::{Links, ServeReport, Settings, router, routes, serve, serve_with};
pub use utm::Channel;

/// The Europe/Paris day of an instant, `YYYY-MM-DD`: counts are per Paris day.
pub fn paris_day(at: chrono::DateTime<chrono::Utc>) -> String {
    at.with_timezone(&chrono_tz::Europe::Paris)
        .format("%Y-%m-%d")
        .to_string()
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    #[test]
    fn days_are_paris_days() {
        let late = chrono::Utc.with_ymd_and_hms(2027, 6, 1, 22, 30, 0).unwrap();
        assert_eq!(super::paris_day(late), "2027-06-02");
        let winter = chrono::Utc.with_ymd_and_hms(2027, 1, 1, 22, 59, 0).unwrap();
        assert_eq!(super::paris_day(winter), "2027-01-01");
    }
}
