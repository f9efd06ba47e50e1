//! The referrer: which channel a `Referer` header points to, from its host.
//!
//! A host belongs to a network when it is one of the network's domains or a
//! subdomain of one (`l.facebook.com` → `facebook.com`), so the table lists
//! registrable domains only. Android apps send `android-app://PACKAGE/`; the
//! packages are in the same table. The table is ours (Matomo's `Socials.yml`
//! was a reference for which domains exist); it does no IO.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::channel::Channel;

/// Domains and Android packages of each network and search engine.
const TABLE: &[(Channel, &[&str])] = &[
    (
        Channel::Facebook,
        &[
            "facebook.com",
            "fb.com",
            "fb.me",
            "fb.watch",
            "m.me",
            "messenger.com",
            "com.facebook.katana",
            "com.facebook.lite",
            "com.facebook.orca",
        ],
    ),
    (
        Channel::Instagram,
        &["instagram.com", "instagr.am", "com.instagram.android"],
    ),
    (
        Channel::LinkedIn,
        &[
            "linkedin.com",
            "lnkd.in",
            "linkedin.android",
            "com.linkedin.android",
        ],
    ),
    (
        Channel::X,
        &["t.co", "twitter.com", "x.com", "com.twitter.android"],
    ),
    (
        Channel::YouTube,
        &["youtube.com", "youtu.be", "com.google.android.youtube"],
    ),
    (
        Channel::TikTok,
        &[
            "tiktok.com",
            "com.zhiliaoapp.musically",
            "com.ss.android.ugc.trill",
        ],
    ),
    (
        Channel::Threads,
        &["threads.net", "threads.com", "com.instagram.barcelona"],
    ),
    (
        Channel::Bluesky,
        &["bsky.app", "bsky.social", "xyz.blueskyweb.app"],
    ),
    (
        Channel::Mastodon,
        &[
            "mastodon.social",
            "mastodon.online",
            "mastodon.world",
            "mastodon.xyz",
            "mastodon.green",
            "mastodon.art",
            "mstdn.social",
            "mstdn.io",
            "mas.to",
            "piaille.fr",
            "framapiaf.org",
            "mamot.fr",
            "pouet.chapril.org",
            "toot.aquilenet.fr",
            "eldritch.cafe",
            "fosstodon.org",
            "hachyderm.io",
            "infosec.exchange",
            "techhub.social",
            "universeodon.com",
            "troet.cafe",
            "social.vivaldi.net",
            "masto.ai",
            "org.joinmastodon.android",
        ],
    ),
    (
        Channel::Nextdoor,
        &[
            "nextdoor.com",
            "nextdoor.fr",
            "nextdoor.co.uk",
            "nextdoor.de",
            "nextdoor.es",
            "nextdoor.it",
            "nextdoor.nl",
            "com.nextdoor",
        ],
    ),
    (
        Channel::WhatsApp,
        &["whatsapp.com", "whatsapp.net", "wa.me", "com.whatsapp"],
    ),
    (
        Channel::Pinterest,
        &[
            "pinterest.com",
            "pinterest.fr",
            "pinterest.co.uk",
            "pinterest.de",
            "pinterest.es",
            "pinterest.it",
            "pinterest.ca",
            "pin.it",
            "com.pinterest",
        ],
    ),
    (Channel::Snapchat, &["snapchat.com", "com.snapchat.android"]),
    (
        Channel::Reddit,
        &["reddit.com", "redd.it", "com.reddit.frontpage"],
    ),
    (
        Channel::Telegram,
        &[
            "telegram.org",
            "telegram.me",
            "t.me",
            "org.telegram.messenger",
        ],
    ),
    (
        Channel::Search,
        &[
            "bing.com",
            "duckduckgo.com",
            "qwant.com",
            "ecosia.org",
            "yahoo.com",
            "yandex.ru",
            "yandex.com",
            "baidu.com",
            "startpage.com",
            "search.brave.com",
            "lilo.org",
            "search.lilo.org",
            "com.google.android.googlequicksearchbox",
        ],
    ),
    (
        Channel::Email,
        &[
            "mail.google.com",
            "outlook.live.com",
            "mail.yahoo.com",
            "com.google.android.gm",
        ],
    ),
];

static BY_DOMAIN: LazyLock<HashMap<&'static str, Channel>> = LazyLock::new(|| {
    TABLE
        .iter()
        .flat_map(|(c, domains)| domains.iter().map(move |d| (*d, *c)))
        .collect()
});

/// The host of a referrer URL, lower-cased into `buf`; `None` for `-`, an
/// empty referrer or one without a host.
pub(crate) fn host<'b>(referrer: &[u8], buf: &'b mut Vec<u8>) -> Option<&'b str> {
    let rest = match memchr::memmem::find(referrer, b"://") {
        Some(i) => &referrer[i + 3..],
        None => referrer,
    };
    let end = rest
        .iter()
        .position(|&b| matches!(b, b'/' | b'?' | b'#' | b' '))
        .unwrap_or(rest.len());
    let mut authority = &rest[..end];
    if let Some(at) = memchr::memrchr(b'@', authority) {
        authority = &authority[at + 1..];
    }
    // A port, unless the host is an IPv6 literal.
    if authority.first() != Some(&b'[')
        && let Some(colon) = memchr::memchr(b':', authority)
    {
        authority = &authority[..colon];
    }
    while authority.last() == Some(&b'.') {
        authority = &authority[..authority.len() - 1];
    }
    if authority.is_empty() || authority == b"-" {
        return None;
    }
    buf.clear();
    buf.extend(authority.iter().map(u8::to_ascii_lowercase));
    std::str::from_utf8(buf).ok()
}

/// The channel of a referrer host known to the table, by domain suffix.
pub(crate) fn channel_of_host(host: &str) -> Option<Channel> {
    let mut h = host;
    loop {
        if let Some(&c) = BY_DOMAIN.get(h) {
            return Some(c);
        }
        match h.find('.') {
            Some(dot) => h = &h[dot + 1..],
            None => break,
        }
    }
    if host.starts_with("mastodon.") || host.starts_with("mstdn.") || host.contains(".mastodon.") {
        return Some(Channel::Mastodon);
    }
    // google.fr, www.google.com, news.google.co.uk…
    if host.starts_with("google.") || host.contains(".google.") {
        return Some(Channel::Search);
    }
    None
}

/// Whether `host` is one of `hosts`, ignoring a leading `www.` on either side.
pub(crate) fn same_site(host: &str, hosts: &[String]) -> bool {
    let bare = host.strip_prefix("www.").unwrap_or(host);
    hosts
        .iter()
        .any(|h| h.strip_prefix("www.").unwrap_or(h) == bare)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn classify(referrer: &str) -> Option<Channel> {
        let mut buf = Vec::new();
        host(referrer.as_bytes(), &mut buf).and_then(channel_of_host)
    }

    #[test]
    fn referrers_are_classified_by_host_suffix() {
        let cases = [
            ("https://l.facebook.com/l.php?u=x", Some(Channel::Facebook)),
            ("https://lm.facebook.com/", Some(Channel::Facebook)),
            ("http://m.facebook.com/story.php", Some(Channel::Facebook)),
            ("https://FaceBook.COM./", Some(Channel::Facebook)),
            ("https://fb.me/abc", Some(Channel::Facebook)),
            ("https://l.instagram.com/?u=x", Some(Channel::Instagram)),
            ("https://www.linkedin.com/feed/", Some(Channel::LinkedIn)),
            ("https://lnkd.in/eXyz", Some(Channel::LinkedIn)),
            (
                "android-app://com.linkedin.android/",
                Some(Channel::LinkedIn),
            ),
            ("android-app://com.facebook.katana", Some(Channel::Facebook)),
            ("https://t.co/AbC", Some(Channel::X)),
            ("https://x.com/bailleur", Some(Channel::X)),
            ("https://box.com/", None),
            ("https://youtu.be/x", Some(Channel::YouTube)),
            ("https://www.tiktok.com/@x", Some(Channel::TikTok)),
            ("https://www.threads.net/", Some(Channel::Threads)),
            ("https://bsky.app/profile/x", Some(Channel::Bluesky)),
            ("https://piaille.fr/@x", Some(Channel::Mastodon)),
            ("https://mastodon.example.org/@x", Some(Channel::Mastodon)),
            ("https://nextdoor.fr/", Some(Channel::Nextdoor)),
            ("https://web.whatsapp.com/", Some(Channel::WhatsApp)),
            ("https://www.google.fr/", Some(Channel::Search)),
            ("https://www.bing.com/search?q=x", Some(Channel::Search)),
            ("https://www.service-public.fr/particuliers", None),
            (
                "https://user:pw@www.facebook.com:443/x",
                Some(Channel::Facebook),
            ),
        ];
        for (referrer, want) in cases {
            assert_eq!(classify(referrer), want, "{referrer}");
        }
    }

    #[test]
    fn an_absent_referrer_has_no_host() {
        let mut buf = Vec::new();
        assert_eq!(host(b"-", &mut buf), None);
        assert_eq!(host(b"", &mut buf), None);
        assert_eq!(host(b"https:///x", &mut buf), None);
    }

    #[test]
    fn the_site_itself_is_recognised_with_or_without_www() {
        let hosts = vec!["habitat-exemple.fr".to_string()];
        assert!(same_site("www.habitat-exemple.fr", &hosts));
        assert!(same_site("habitat-exemple.fr", &hosts));
        assert!(!same_site("autre.fr", &hosts));
    }
}
