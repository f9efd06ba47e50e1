//! Telling people from machines: link-preview fetchers (Facebook, LinkedIn,
//! X, WhatsApp, Slack, Telegram, Discord…), search engine crawlers and
//! command-line tools are counted apart, as bots, and so is every `HEAD`.
//!
//! The user agent is read here and then dropped: it is never stored or
//! logged.

/// Lower-case fragments of user agents that are not a person scanning.
const BOT_MARKERS: &[&str] = &[
    "facebookexternalhit",
    "facebookcatalog",
    "meta-externalagent",
    "linkedinbot",
    "twitterbot",
    "whatsapp",
    "slackbot",
    "slack-imgproxy",
    "telegrambot",
    "discordbot",
    "skypeuripreview",
    "googlebot",
    "google-inspectiontool",
    "adsbot-google",
    "bingbot",
    "bingpreview",
    "applebot",
    "yandex",
    "baiduspider",
    "duckduckbot",
    "qwantify",
    "petalbot",
    "pinterest",
    "redditbot",
    "embedly",
    "bot/",
    "bot;",
    "bot ",
    "crawler",
    "spider",
    "preview",
    "headless",
    "curl/",
    "wget/",
    "python-requests",
    "python-urllib",
    "aiohttp",
    "go-http-client",
    "java/",
    "okhttp",
    "libwww-perl",
    "httpclient",
    "axios/",
    "node-fetch",
];

/// True when a request with this user agent is a bot or a preview.
/// A missing or empty user agent counts as a bot: every phone browser sends one.
pub fn is_bot(user_agent: Option<&str>) -> bool {
    let Some(ua) = user_agent.map(str::trim).filter(|u| !u.is_empty()) else {
        return true;
    };
    let ua = ua.to_ascii_lowercase();
    ua.ends_with("bot") || BOT_MARKERS.iter().any(|m| ua.contains(m))
}

#[cfg(test)]
mod tests {
    use super::is_bot;

    #[test]
    fn previews_crawlers_and_tools_are_bots() {
        for ua in [
            "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
            "LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)",
            "Twitterbot/1.0",
            "WhatsApp/2.23.20.0 A",
            "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
            "TelegramBot (like TwitterBot)",
            "Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)",
            "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
            "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
            "SomeCrawler/3.1",
            "my-spider",
            "curl/8.5.0",
            "Wget/1.21.3",
            "python-requests/2.31",
            "",
        ] {
            assert!(is_bot(Some(ua)), "{ua}");
        }
        assert!(is_bot(None));
    }

    #[test]
    fn phone_browsers_are_people() {
        for ua in [
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
            "Mozilla/5.0 (Linux; Android 14; SM-A546B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36",
            "Mozilla/5.0 (Linux; Android 13; Redmi Note 12) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/24.0 Chrome/117.0.0.0 Mobile Safari/537.36",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0",
        ] {
            assert!(!is_bot(Some(ua)), "{ua}");
        }
    }
}
