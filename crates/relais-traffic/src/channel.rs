//! Where a visit comes from: a social network, a relais QR code or short
//! link, a search engine, an e-mail, another campaign or website, or nowhere
//! (direct). One closed set with stable codes, which the store and the CLI
//! keep as text; this module owns the codes and nothing else.

use serde::{Serialize, Serializer};

macro_rules! channels {
    ($($variant:ident => $code:literal, $fr:literal, $en:literal;)+) => {
        /// The source of a page view or a visit.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[repr(u8)]
        pub enum Channel {
            $($variant,)+
        }

        impl Channel {
            /// Every channel, in code order of declaration.
            pub const ALL: &'static [Channel] = &[$(Channel::$variant,)+];

            /// The stable code stored in the database (`facebook`, `relais`…).
            pub fn code(self) -> &'static str {
                match self {
                    $(Channel::$variant => $code,)+
                }
            }

            /// The name shown to people, in French or English.
            pub fn label(self, french: bool) -> &'static str {
                match self {
                    $(Channel::$variant => if french { $fr } else { $en },)+
                }
            }

            /// The channel of a stored code.
            pub fn parse(code: &str) -> Option<Channel> {
                match code {
                    $($code => Some(Channel::$variant),)+
                    _ => None,
                }
            }
        }
    };
}

channels! {
    Facebook => "facebook", "Facebook", "Facebook";
    Instagram => "instagram", "Instagram", "Instagram";
    LinkedIn => "linkedin", "LinkedIn", "LinkedIn";
    X => "x", "X (Twitter)", "X (Twitter)";
    YouTube => "youtube", "YouTube", "YouTube";
    TikTok => "tiktok", "TikTok", "TikTok";
    Threads => "threads", "Threads", "Threads";
    Bluesky => "bluesky", "Bluesky", "Bluesky";
    Mastodon => "mastodon", "Mastodon", "Mastodon";
    Nextdoor => "nextdoor", "Nextdoor", "Nextdoor";
    WhatsApp => "whatsapp", "WhatsApp", "WhatsApp";
    Pinterest => "pinterest", "Pinterest", "Pinterest";
    Snapchat => "snapchat", "Snapchat", "Snapchat";
    Reddit => "reddit", "Reddit", "Reddit";
    Telegram => "telegram", "Telegram", "Telegram";
    Relais => "relais", "QR code / lien court relais", "relais QR/short link";
    Search => "search", "Moteur de recherche", "Search engine";
    Email => "email", "E-mail", "E-mail";
    Campaign => "campaign", "Autre campagne", "Other campaign";
    Other => "other", "Autre source", "Other source";
    Website => "website", "Autre site", "Other website";
    Internal => "internal", "Navigation interne", "Internal navigation";
    Direct => "direct", "Accès direct", "Direct";
}

/// How many channels there are (for counters indexed by channel).
pub const COUNT: usize = Channel::ALL.len();

impl Channel {
    /// Whether this channel is a social network.
    pub fn is_social(self) -> bool {
        (self as u8) <= (Channel::Telegram as u8)
    }

    /// Whether a page view from this channel starts a new visit when the
    /// current one came from elsewhere (direct and internal never do).
    pub(crate) fn is_external(self) -> bool {
        !matches!(self, Channel::Direct | Channel::Internal)
    }
}

impl Serialize for Channel {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_parses_back_to_its_channel() {
        for &c in Channel::ALL {
            assert_eq!(Channel::parse(c.code()), Some(c));
        }
        assert_eq!(Channel::parse("myspace"), None);
    }

    #[test]
    fn social_networks_are_the_first_channels() {
        assert!(Channel::Telegram.is_social());
        assert!(Channel::Facebook.is_social());
        assert!(!Channel::Relais.is_social());
        assert!(!Channel::Direct.is_social());
    }
}
