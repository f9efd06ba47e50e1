//! The target's UTM parameters: where a visit came from, in the words of the
//! landlord's own analytics.
//!
//! - `utm_source=relais`: the visit came through a relais short link (QR
//!   code or typed short URL alike: the two cannot be told apart).
//! - `utm_medium`: the channel (`affiche`, `flyer`, `evenement`, `courrier`).
//! - `utm_campaign`: the slug of the action (`fete-des-voisins-2027`).
//! - `utm_content`: the residence id, or the agency or direction id.
//!
//! A `utm_*` parameter the target already has is kept as it is: the
//! landlord's own tagging wins.

use std::fmt;
use std::str::FromStr;

use unicode_normalization::UnicodeNormalization;
use url::Url;

/// The value of `utm_source` on every link.
pub const SOURCE: &str = "relais";

/// Where the link is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Channel {
    #[default]
    Affiche,
    Flyer,
    Evenement,
    Courrier,
}

impl Channel {
    pub const ALL: [Channel; 4] = [
        Channel::Affiche,
        Channel::Flyer,
        Channel::Evenement,
        Channel::Courrier,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Channel::Affiche => "affiche",
            Channel::Flyer => "flyer",
            Channel::Evenement => "evenement",
            Channel::Courrier => "courrier",
        }
    }
}

impl fmt::Display for Channel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Channel {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        let folded = slug(s);
        Channel::ALL
            .into_iter()
            .find(|c| c.code() == folded)
            .ok_or(())
    }
}

/// `Fête des voisins 2027` → `fete-des-voisins-2027`: accents folded, lower
/// case, runs of anything else turned into one dash.
pub fn slug(text: &str) -> String {
    let text = text.replace(['œ', 'Œ'], "oe").replace(['æ', 'Æ'], "ae");
    let mut out = String::new();
    for c in text.nfkd().filter(|c| c.is_ascii()) {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let trimmed = out.trim_end_matches('-');
    trimmed
        .chars()
        .take(80)
        .collect::<String>()
        .trim_end_matches('-')
        .to_string()
}

/// Adds the UTM parameters the target does not have yet.
pub fn with_utm(target: &Url, channel: Channel, campaign: &str, content: &str) -> Url {
    let mut url = target.clone();
    let present: Vec<String> = url.query_pairs().map(|(k, _)| k.into_owned()).collect();
    let wanted = [
        ("utm_source", SOURCE),
        ("utm_medium", channel.code()),
        ("utm_campaign", campaign),
        ("utm_content", content),
    ];
    let missing: Vec<_> = wanted
        .iter()
        .filter(|(k, _)| !present.iter().any(|p| p == k))
        .collect();
    if !missing.is_empty() {
        let mut pairs = url.query_pairs_mut();
        for (k, v) in missing {
            pairs.append_pair(k, v);
        }
    }
    url
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_fold_accents_and_punctuation() {
        assert_eq!(slug("Fête des voisins 2027"), "fete-des-voisins-2027");
        assert_eq!(slug("  Réunion : l'ascenseur !! "), "reunion-l-ascenseur");
        assert_eq!(slug("Cœur de ville"), "coeur-de-ville");
        assert_eq!(slug("***"), "");
    }

    #[test]
    fn channels_parse_with_or_without_accents() {
        assert_eq!("Événement".parse(), Ok(Channel::Evenement));
        assert_eq!("affiche".parse(), Ok(Channel::Affiche));
        assert!("sms".parse::<Channel>().is_err());
    }

    #[test]
    fn utm_are_added_after_the_target_query_and_fragment_kept() {
        let t = Url::parse("https://bailleur.fr/actus?page=2#haut").unwrap();
        let u = with_utm(&t, Channel::Flyer, "fete-des-voisins-2027", "R042");
        assert_eq!(
            u.as_str(),
            "https://bailleur.fr/actus?page=2&utm_source=relais&utm_medium=flyer\
             &utm_campaign=fete-des-voisins-2027&utm_content=R042#haut"
        );
    }

    #[test]
    fn utm_the_target_already_has_are_kept() {
        let t = Url::parse("https://bailleur.fr/?utm_source=newsletter&utm_campaign=ete").unwrap();
        let u = with_utm(&t, Channel::Affiche, "fete", "R1");
        let pairs: Vec<(String, String)> = u.query_pairs().into_owned().collect();
        let get = |k: &str| {
            pairs
                .iter()
                .filter(|(p, _)| p == k)
                .map(|(_, v)| v.as_str())
                .collect::<Vec<_>>()
        };
        assert_eq!(get("utm_source"), ["newsletter"]);
        assert_eq!(get("utm_campaign"), ["ete"]);
        assert_eq!(get("utm_medium"), ["affiche"]);
        assert_eq!(get("utm_content"), ["R1"]);
    }
}
