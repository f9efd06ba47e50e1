//! One chunk of whole lines, parsed by one worker thread: counters, and the
//! human page views in line order, each with its client's daily hash.
//!
//! What counts (decided here, once):
//! - a line that does not have the format's shape, or whose time stamp is
//!   not one, is malformed (blank lines too);
//! - a robot's line (see `agent`) counts as a robot and nothing else; the
//!   common format has no user agent, so every line there is a person's;
//! - a person's request for a static asset (style sheets, scripts, images,
//!   fonts, media, `robots.txt`, sitemaps, `favicon.ico`) is not a page view;
//! - a page view is a person's `GET` answered 200–399: a redirect counts, as
//!   it is often the short link a QR code points to; errors do not.
//!
//! The client is a hash of (Paris day, IP, user agent) under a random key
//! made for this run and never written anywhere, so it cannot be linked to a
//! person after the run nor across days.

use std::collections::HashMap;
use std::hash::{BuildHasher, RandomState};

use crate::Options;
use crate::agent::BotCache;
use crate::campaign::{self, truncate};
use crate::channel::{COUNT, Channel};
use crate::clock::{self, ParisDays};
use crate::hosts;
use crate::line::{self, Format};

/// The longest landing path kept, in bytes.
const MAX_LANDING: usize = 300;
/// How many malformed lines each chunk keeps as examples.
pub(crate) const EXAMPLES: usize = 5;
/// How much of a malformed line an example keeps, in bytes.
const EXAMPLE_BYTES: usize = 200;

/// A span of a chunk's arena.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Span {
    start: u32,
    len: u32,
}

/// One human page view.
#[derive(Debug, Clone, Copy)]
pub(crate) struct PageView {
    pub client: u64,
    pub time: i64,
    pub day: i32,
    pub channel: Channel,
    pub campaign: Span,
    pub landing: Span,
}

/// What a worker found in one chunk.
#[derive(Debug, Default)]
pub(crate) struct ChunkResult {
    /// Physical lines in the chunk.
    pub lines: u64,
    pub malformed: u64,
    /// Malformed lines: index in the chunk (0-based) and text.
    pub examples: Vec<(u64, String)>,
    pub bots: u64,
    pub assets: u64,
    /// People's lines that are neither assets nor page views (errors, POST…).
    pub other: u64,
    /// Every person's line by the channel of its referrer alone.
    pub hits_by_referrer: [u64; COUNT],
    /// Every person's line by its `utm_source` value.
    pub hits_by_campaign_source: HashMap<String, u64>,
    pub views: Vec<PageView>,
    arena: Vec<u8>,
}

impl ChunkResult {
    /// The text of a span.
    pub fn text(&self, span: Span) -> &[u8] {
        &self.arena[span.start as usize..(span.start + span.len) as usize]
    }

    fn keep(&mut self, bytes: &[u8]) -> Span {
        let start = self.arena.len() as u32;
        self.arena.extend_from_slice(bytes);
        Span {
            start,
            len: bytes.len() as u32,
        }
    }
}

/// A worker's state, kept from one chunk to the next.
pub(crate) struct Parser<'o> {
    pub options: &'o Options,
    pub format: Format,
    pub key: RandomState,
    days: ParisDays,
    last_stamp: Vec<u8>,
    last_time: i64,
    host: Vec<u8>,
    bots: BotCache,
}

impl<'o> Parser<'o> {
    pub fn new(options: &'o Options, format: Format, key: RandomState) -> Self {
        Parser {
            options,
            format,
            key,
            days: ParisDays::default(),
            last_stamp: Vec::new(),
            last_time: 0,
            host: Vec::new(),
            bots: BotCache::default(),
        }
    }

    /// Parses a chunk of whole lines.
    pub fn chunk(&mut self, bytes: &[u8]) -> ChunkResult {
        let mut out = ChunkResult::default();
        let mut start = 0;
        while start < bytes.len() {
            let end = memchr::memchr(b'\n', &bytes[start..]).map_or(bytes.len(), |i| start + i);
            let mut line = &bytes[start..end];
            if line.last() == Some(&b'\r') {
                line = &line[..line.len() - 1];
            }
            if !self.line(line, &mut out) {
                out.malformed += 1;
                if out.examples.len() < EXAMPLES {
                    let shown = &line[..line.len().min(EXAMPLE_BYTES)];
                    out.examples
                        .push((out.lines, String::from_utf8_lossy(shown).into_owned()));
                }
            }
            out.lines += 1;
            start = end + 1;
        }
        out
    }

    /// Counts one line; `false` when it is malformed.
    fn line(&mut self, line: &[u8], out: &mut ChunkResult) -> bool {
        let Some(f) = line::split(line, self.format) else {
            return false;
        };
        let Some(time) = self.time(f.time) else {
            return false;
        };
        if self.format != Format::Common && self.bots.is_bot(f.agent) {
            out.bots += 1;
            return true;
        }
        let referrer = self.referrer_channel(f.referrer);
        out.hits_by_referrer[referrer as usize] += 1;
        let (method, target) = request(f.request);
        let (path, query) = match memchr::memchr(b'?', target) {
            Some(q) => (&target[..q], &target[q + 1..]),
            None => (target, &b""[..]),
        };
        if !query.is_empty()
            && let Some(source) = campaign::source_value(query)
        {
            *out.hits_by_campaign_source.entry(source).or_default() += 1;
        }
        if is_asset(path) {
            out.assets += 1;
            return true;
        }
        if method != b"GET" || !(200..400).contains(&f.status) {
            out.other += 1;
            return true;
        }
        let (channel, campaign_name) = match campaign::tags(query) {
            Some(t) => (t.channel, t.campaign),
            None if self.is_short_link(path) => (Channel::Relais, String::new()),
            None => (referrer, String::new()),
        };
        let day = self.days.day(time);
        let client = self.key.hash_one((day, f.client, f.agent));
        let campaign = out.keep(campaign_name.as_bytes());
        let landing = out.keep(&path[..path.len().min(MAX_LANDING)]);
        out.views.push(PageView {
            client,
            time,
            day,
            channel,
            campaign,
            landing,
        });
        true
    }

    fn time(&mut self, stamp: &[u8]) -> Option<i64> {
        if stamp != self.last_stamp.as_slice() {
            self.last_time = clock::parse(stamp)?;
            self.last_stamp.clear();
            self.last_stamp.extend_from_slice(stamp);
        }
        Some(self.last_time)
    }

    fn referrer_channel(&mut self, referrer: &[u8]) -> Channel {
        let o = self.options;
        match hosts::host(referrer, &mut self.host) {
            None => Channel::Direct,
            Some(h) if hosts::same_site(h, &o.site_hosts) => Channel::Internal,
            Some(h) if hosts::same_site(h, &o.short_link_hosts) => Channel::Relais,
            Some(h) => hosts::channel_of_host(h).unwrap_or(Channel::Website),
        }
    }

    fn is_short_link(&self, path: &[u8]) -> bool {
        self.options
            .short_link_paths
            .iter()
            .any(|p| path.starts_with(p.as_bytes()))
    }
}

/// The method and the target of a request line; an absolute target
/// (`http://host/path`, sent to proxies) is cut to its path.
fn request(request: &[u8]) -> (&[u8], &[u8]) {
    let mut parts = request.split(|&b| b == b' ').filter(|p| !p.is_empty());
    let method = parts.next().unwrap_or_default();
    let mut target = parts.next().unwrap_or_default();
    if let Some(i) = memchr::memmem::find(target, b"://") {
        let after = &target[i + 3..];
        target = memchr::memchr(b'/', after).map_or(&b"/"[..], |j| &after[j..]);
    }
    (method, target)
}

/// Extensions of files that are not pages.
const ASSET_EXTENSIONS: &[&[u8]] = &[
    b"css",
    b"js",
    b"mjs",
    b"map",
    b"json",
    b"xml",
    b"txt",
    b"ico",
    b"png",
    b"jpg",
    b"jpeg",
    b"gif",
    b"webp",
    b"avif",
    b"svg",
    b"bmp",
    b"tif",
    b"tiff",
    b"woff",
    b"woff2",
    b"ttf",
    b"otf",
    b"eot",
    b"mp4",
    b"webm",
    b"ogg",
    b"mp3",
    b"wav",
    b"m4a",
    b"webmanifest",
];

/// Whether a path names a static asset, by its extension.
fn is_asset(path: &[u8]) -> bool {
    let name = memchr::memrchr(b'/', path).map_or(path, |i| &path[i + 1..]);
    let Some(dot) = memchr::memrchr(b'.', name) else {
        return false;
    };
    let ext = &name[dot + 1..];
    ext.len() <= 11 && ASSET_EXTENSIONS.iter().any(|e| e.eq_ignore_ascii_case(ext))
}

/// Cuts a landing path for storage: valid UTF-8, bounded.
pub(crate) fn landing_text(bytes: &[u8]) -> String {
    truncate(String::from_utf8_lossy(bytes).into_owned(), MAX_LANDING)
}

#[cfg(test)]
#[path = "chunk_tests.rs"]
mod tests;
