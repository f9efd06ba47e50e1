//! Campaign tags in the requested URL: `utm_*` (Google Analytics, Plausible),
//! `mtm_*` and `pk_*` (Matomo). A tagged URL names its source itself, so it
//! wins over the referrer, as Matomo and Plausible decide. This module reads
//! the query string only; it never looks at who made the request.

use crate::channel::Channel;
use crate::hosts;

/// The `utm_medium` values relais writes on its posters, flyers, events and
/// letters: a visit tagged so came from a relais QR code or short link.
pub const RELAIS_MEDIUMS: &[&str] = &["affiche", "flyer", "evenement", "événement", "courrier"];

/// The longest campaign name kept (longer ones are cut, on a char boundary).
const MAX_CAMPAIGN: usize = 100;

/// What a tagged URL says about its visit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Tagged {
    pub channel: Channel,
    /// The campaign's name, lower-cased; empty when the URL names none.
    pub campaign: String,
}

/// The campaign tags of a query string (what follows `?`), if any.
pub(crate) fn tags(query: &[u8]) -> Option<Tagged> {
    memchr::memchr(b'_', query)?;
    let (mut source, mut medium, mut campaign) = (None, None, None);
    for pair in query.split(|&b| b == b'&' || b == b';') {
        let (key, value) = match memchr::memchr(b'=', pair) {
            Some(i) => (&pair[..i], &pair[i + 1..]),
            None => (pair, &b""[..]),
        };
        let name = key
            .strip_prefix(b"utm_")
            .or_else(|| key.strip_prefix(b"mtm_"))
            .or_else(|| key.strip_prefix(b"pk_"));
        let Some(name) = name else { continue };
        let slot = match name {
            b"source" => &mut source,
            b"medium" => &mut medium,
            b"campaign" | b"cpn" => &mut campaign,
            _ => continue,
        };
        if slot.is_none() {
            *slot = Some(decode(value));
        }
    }
    if source.is_none() && medium.is_none() && campaign.is_none() {
        return None;
    }
    let source = source.unwrap_or_default();
    let medium = medium.unwrap_or_default();
    let channel = if RELAIS_MEDIUMS.contains(&medium.as_str()) {
        Channel::Relais
    } else if let Some(network) = network_of_source(&source) {
        network
    } else if matches!(medium.as_str(), "email" | "e-mail" | "mail" | "newsletter")
        || matches!(source.as_str(), "newsletter" | "email" | "e-mail")
    {
        Channel::Email
    } else {
        Channel::Campaign
    };
    Some(Tagged {
        channel,
        campaign: campaign.unwrap_or_default(),
    })
}

/// The value of `utm_source` (or `mtm_`/`pk_`), decoded and lower-cased, for
/// the cross-check counters; `None` when the query has none.
pub(crate) fn source_value(query: &[u8]) -> Option<String> {
    for pair in query.split(|&b| b == b'&' || b == b';') {
        for key in [&b"utm_source="[..], b"mtm_source=", b"pk_source="] {
            if let Some(value) = pair.strip_prefix(key) {
                return Some(decode(value));
            }
        }
    }
    None
}

/// The network a campaign's source value names (`fb`, `ig`, `linkedin`…).
fn network_of_source(source: &str) -> Option<Channel> {
    let c = match source {
        "facebook" | "fb" | "meta" | "facebook_ads" | "messenger" => Channel::Facebook,
        "instagram" | "ig" | "insta" => Channel::Instagram,
        "linkedin" | "li" | "lnkd" => Channel::LinkedIn,
        "twitter" | "x" | "tw" => Channel::X,
        "youtube" | "yt" => Channel::YouTube,
        "tiktok" => Channel::TikTok,
        "threads" => Channel::Threads,
        "bluesky" | "bsky" => Channel::Bluesky,
        "mastodon" => Channel::Mastodon,
        "nextdoor" => Channel::Nextdoor,
        "whatsapp" | "wa" => Channel::WhatsApp,
        "pinterest" => Channel::Pinterest,
        "snapchat" => Channel::Snapchat,
        "reddit" => Channel::Reddit,
        "telegram" => Channel::Telegram,
        // A domain as source: `l.facebook.com`, `t.co`…
        other => return hosts::channel_of_host(other).filter(|c| c.is_social()),
    };
    Some(c)
}

/// Percent-decodes a query value (`+` is a space), lower-cases and trims it.
fn decode(value: &[u8]) -> String {
    let mut out = Vec::with_capacity(value.len());
    let mut i = 0;
    while i < value.len() {
        match value[i] {
            b'+' => out.push(b' '),
            b'%' => match (hex(value.get(i + 1)), hex(value.get(i + 2))) {
                (Some(h), Some(l)) => {
                    out.push(h << 4 | l);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    let text = String::from_utf8_lossy(&out).trim().to_lowercase();
    truncate(text, MAX_CAMPAIGN)
}

fn hex(b: Option<&u8>) -> Option<u8> {
    match b? {
        c @ b'0'..=b'9' => Some(c - b'0'),
        c @ b'a'..=b'f' => Some(c - b'a' + 10),
        c @ b'A'..=b'F' => Some(c - b'A' + 10),
        _ => None,
    }
}

/// Cuts `text` to at most `max` bytes on a char boundary.
pub(crate) fn truncate(mut text: String, max: usize) -> String {
    if text.len() > max {
        let mut end = max;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        text.truncate(end);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tagged(query: &str) -> Option<(Channel, String)> {
        tags(query.as_bytes()).map(|t| (t.channel, t.campaign))
    }

    #[test]
    fn campaign_tags_name_their_source() {
        let cases = [
            (
                "utm_source=facebook&utm_medium=social&utm_campaign=printemps-2024",
                Some((Channel::Facebook, "printemps-2024")),
            ),
            (
                "utm_source=fb&utm_campaign=X",
                Some((Channel::Facebook, "x")),
            ),
            ("utm_source=IG", Some((Channel::Instagram, ""))),
            (
                "mtm_source=linkedin&mtm_campaign=Portes%20ouvertes",
                Some((Channel::LinkedIn, "portes ouvertes")),
            ),
            (
                "pk_campaign=f%C3%AAte+des+voisins&pk_source=twitter",
                Some((Channel::X, "fête des voisins")),
            ),
            (
                "utm_source=les-tilleuls&utm_medium=affiche&utm_campaign=fete",
                Some((Channel::Relais, "fete")),
            ),
            (
                "utm_source=facebook&utm_medium=flyer",
                Some((Channel::Relais, "")),
            ),
            (
                "utm_source=newsletter&utm_medium=email&utm_campaign=c",
                Some((Channel::Email, "c")),
            ),
            ("utm_source=l.facebook.com", Some((Channel::Facebook, ""))),
            (
                "utm_source=partenaire&utm_campaign=c",
                Some((Channel::Campaign, "c")),
            ),
            ("fbclid=IwAR123", None),
            ("page=2&sort_by=date", None),
            ("utm_source=%zz%", Some((Channel::Campaign, ""))),
            ("", None),
        ];
        for (query, want) in cases {
            let want = want.map(|(c, s)| (c, s.to_string()));
            assert_eq!(tagged(query), want, "{query}");
        }
    }

    #[test]
    fn the_source_value_is_read_for_the_cross_check() {
        assert_eq!(
            source_value(b"a=1&utm_source=LinkedIn&x"),
            Some("linkedin".into())
        );
        assert_eq!(source_value(b"a=1"), None);
    }

    #[test]
    fn long_values_are_cut_on_a_char_boundary() {
        let long = "é".repeat(80);
        assert!(truncate(long, 101).len() <= 101);
    }
}
