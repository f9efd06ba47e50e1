//! Robots: whether a `User-Agent` is a crawler, a link-preview fetcher, a
//! script or a monitoring probe rather than a person's browser.
//!
//! One case-insensitive multi-pattern search over the raw bytes. The in-app
//! browsers of Facebook (`FBAN`/`FBAV`), Instagram and LinkedIn
//! (`LinkedInApp`) are people reading a post's link and must stay humans,
//! while the same companies' preview fetchers (`facebookexternalhit`,
//! `LinkedInBot`) are robots; the patterns are chosen so.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

/// Substrings that mark a robot, matched ignoring ASCII case.
const PATTERNS: &[&str] = &[
    // Crawlers and most fetchers call themselves so: Googlebot, bingbot,
    // AhrefsBot, Twitterbot, LinkedInBot, Slackbot, GPTBot, Discordbot…
    "bot",
    "crawl",
    "spider",
    "slurp",
    "archiver",
    // Link previews that do not say "bot".
    "facebookexternalhit",
    "facebookcatalog",
    "meta-externalagent",
    "meta-externalfetcher",
    "whatsapp/",
    "embedly",
    "preview",
    "google-inspectiontool",
    "googleother",
    "mediapartners-google",
    "feedfetcher",
    // Scripts and libraries.
    "curl/",
    "wget/",
    "python-requests",
    "python-urllib",
    "python-httpx",
    "aiohttp",
    "go-http-client",
    "java/",
    "okhttp",
    "apache-httpclient",
    "libwww-perl",
    "scrapy",
    "axios/",
    "node-fetch",
    "httrack",
    // Headless browsers, scanners, probes.
    "headlesschrome",
    "phantomjs",
    "lighthouse",
    "pingdom",
    "uptime",
    "zgrab",
    "masscan",
    "nmap",
    "nikto",
    "censys",
];

static MATCHER: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(PATTERNS)
        .expect("the robot patterns are valid")
});

/// Whether this user agent is a robot. An absent agent (`-` or empty) is:
/// browsers always send one.
pub(crate) fn is_bot(agent: &[u8]) -> bool {
    if agent.is_empty() || agent == b"-" {
        return true;
    }
    MATCHER.find_iter(agent).any(|m| {
        // "bot" inside the phone brand "CUBOT" is a person.
        let cubot = PATTERNS[m.pattern().as_usize()] == "bot"
            && m.start() >= 2
            && agent[m.start() - 2..m.start()].eq_ignore_ascii_case(b"cu");
        !cubot
    })
}

/// Remembered answers for recent user agents: a log repeats a few thousand
/// agents millions of times, and the search costs more than a look-up.
/// Direct-mapped, so its size is fixed.
pub(crate) struct BotCache {
    slots: Vec<Option<(Box<[u8]>, bool)>>,
}

const SLOTS: usize = 4096;

impl Default for BotCache {
    fn default() -> Self {
        BotCache {
            slots: vec![None; SLOTS],
        }
    }
}

impl BotCache {
    /// [`is_bot`], remembered.
    pub fn is_bot(&mut self, agent: &[u8]) -> bool {
        let slot = &mut self.slots[(quick_hash(agent) >> 52) as usize % SLOTS];
        if let Some((known, answer)) = slot
            && **known == *agent
        {
            return *answer;
        }
        let answer = is_bot(agent);
        *slot = Some((agent.into(), answer));
        answer
    }
}

/// A fast non-cryptographic hash (FxHash's mixing) for the cache's index.
fn quick_hash(bytes: &[u8]) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let mut h = bytes.len() as u64;
    let mut words = bytes.chunks_exact(8);
    for w in words.by_ref() {
        let word = u64::from_le_bytes(w.try_into().expect("8 bytes"));
        h = (h.rotate_left(5) ^ word).wrapping_mul(K);
    }
    for &b in words.remainder() {
        h = (h.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn robots_and_people_are_told_apart() {
        let cases = [
            (
                "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
                true,
            ),
            (
                "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
                true,
            ),
            (
                "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
                true,
            ),
            (
                "LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)",
                true,
            ),
            ("Twitterbot/1.0", true),
            ("WhatsApp/2.23.20.0 A", true),
            (
                "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
                true,
            ),
            ("curl/8.5.0", true),
            ("Wget/1.21.4", true),
            ("python-requests/2.31.0", true),
            ("Go-http-client/1.1", true),
            (
                "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0 Safari/537.36",
                true,
            ),
            ("Mozilla/5.0 (compatible; YandexBot/3.0)", true),
            (
                "Mozilla/5.0 (compatible; Bytespider; spider-feedback@bytedance.com)",
                true,
            ),
            ("-", true),
            ("", true),
            (
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0 Safari/537.36",
                false,
            ),
            (
                "Mozilla/5.0 (iPhone; CPU iPhone OS 17_3 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [FBAN/FBIOS;FBAV/452.0.0.40.103;]",
                false,
            ),
            (
                "Mozilla/5.0 (Linux; Android 13; wv) AppleWebKit/537.36 Chrome/122.0 Mobile Safari/537.36 [FB_IAB/FB4A;FBAV/453.0.0.33.107;]",
                false,
            ),
            (
                "Mozilla/5.0 (iPhone; CPU iPhone OS 17_3 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Instagram 320.0.2.27.111",
                false,
            ),
            (
                "Mozilla/5.0 (iPhone; CPU iPhone OS 17_3 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [LinkedInApp]/9.29.8",
                false,
            ),
            (
                "Mozilla/5.0 (Linux; Android 9; CUBOT X19) AppleWebKit/537.36 Chrome/120.0 Mobile Safari/537.36",
                false,
            ),
        ];
        let mut cache = BotCache::default();
        for _ in 0..2 {
            for (agent, want) in cases {
                assert_eq!(is_bot(agent.as_bytes()), want, "{agent}");
                assert_eq!(cache.is_bot(agent.as_bytes()), want, "cached {agent}");
            }
        }
    }
}
