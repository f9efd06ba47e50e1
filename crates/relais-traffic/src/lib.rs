//! relais-traffic: which social networks, campaigns and relais QR posters
//! bring people to a landlord's website, read from the site's own nginx or
//! Apache access logs.
//!
//! [`parse`] reads a log (plain or gzip, any size, in bounded memory, on
//! every core) and returns a [`Summary`]: totals, the first malformed lines,
//! and aggregates per Paris day × source × campaign × landing page (page
//! views and visits). The pipeline reads top to bottom: `pipeline` cuts the
//! input into chunks → `chunk` cuts lines (`line`), reads stamps (`clock`),
//! tells robots (`agent`), sources (`hosts`, `campaign`) and page views →
//! `visits` groups page views into visits → `summary`.
//!
//! No database, no files, no network: the caller hands bytes in. Nothing
//! personal comes out: clients are hashed with a key that lives only for the
//! run, and the output holds counts per day.

mod agent;
mod campaign;
mod channel;
mod chunk;
mod clock;
mod hosts;
mod line;
pub mod matomo;
pub mod matomo_csv;
mod pipeline;
mod summary;
mod visits;

use std::io::Read;

pub use campaign::RELAIS_MEDIUMS;
pub use channel::Channel;
pub use clock::day_string;
pub use line::Format;
pub use summary::{Malformed, Row, Summary};
pub use visits::VISIT_TIMEOUT;

/// How to read a log.
#[derive(Debug, Clone)]
pub struct Options {
    /// The lines' format; `Auto` decides from the first lines.
    pub format: Format,
    /// The site's own hosts: a referrer there is internal navigation.
    pub site_hosts: Vec<String>,
    /// Hosts of relais short links: a referrer there is a relais source.
    pub short_link_hosts: Vec<String>,
    /// Path prefixes of relais short links on the site itself (`/qr/`).
    pub short_link_paths: Vec<String>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            format: Format::Auto,
            site_hosts: Vec::new(),
            short_link_hosts: Vec::new(),
            short_link_paths: Vec::new(),
        }
    }
}

impl Options {
    /// Options with the hosts lower-cased, as referrers are compared.
    pub fn normalised(mut self) -> Self {
        for h in self.site_hosts.iter_mut().chain(&mut self.short_link_hosts) {
            *h = h.trim().trim_end_matches('.').to_ascii_lowercase();
        }
        self
    }
}

/// Why a log could not be read.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The input failed (a disk error, a damaged gzip stream…).
    #[error("reading failed near byte {offset} of the (uncompressed) log: {source}")]
    Read {
        offset: u64,
        #[source]
        source: std::io::Error,
    },
    /// No newline in a huge stretch: not a text log.
    #[error(
        "no end of line in 64 MiB after byte {offset}: this is not an access log (check the file)"
    )]
    LineTooLong { offset: u64 },
}

/// Parses a whole access log.
pub fn parse<R: Read + Send>(input: R, options: &Options) -> Result<Summary, Error> {
    pipeline::run(input, &options.clone().normalised())
}
