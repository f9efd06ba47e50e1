//! Allowed domains and the target check, made when a link is created and
//! again at every redirect, so that a code can never send anyone outside the
//! domains the admin allowed, even after the database was edited by hand.
//!
//! A target is allowed when its scheme is `https` or `http`, it carries no
//! user name or password (`https://trusted.fr@evil.example` tricks), and its
//! host is an allowed domain or one of its subdomains (`www.bailleur.fr`
//! under `bailleur.fr`; `evilbailleur.fr` is not).

use url::Url;

use crate::LinkError;

/// A domain the admin allowed, lower case, without scheme or path.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct AllowedDomain(String);

impl AllowedDomain {
    /// `bailleur.fr`, `www.facebook.com`… (a URL is accepted and reduced to its host).
    pub fn parse(raw: &str) -> Result<Self, LinkError> {
        let raw = raw.trim().trim_end_matches('.').to_ascii_lowercase();
        let host = if raw.contains("://") {
            Url::parse(&raw)
                .ok()
                .and_then(|u| u.host_str().map(str::to_string))
                .unwrap_or_default()
        } else {
            raw.clone()
        };
        let ok = host.contains('.')
            && host.len() <= 253
            && host.split('.').all(|label| {
                !label.is_empty()
                    && label.len() <= 63
                    && !label.starts_with('-')
                    && !label.ends_with('-')
                    && label
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'-')
            })
            && !host.bytes().all(|b| b.is_ascii_digit() || b == b'.');
        if ok {
            Ok(AllowedDomain(host))
        } else {
            Err(LinkError::BadDomain(raw))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// True when `host` is this domain or one of its subdomains.
    pub fn covers(&self, host: &str) -> bool {
        let host = host.trim_end_matches('.');
        host.eq_ignore_ascii_case(&self.0)
            || (host.len() > self.0.len()
                && host[host.len() - self.0.len()..].eq_ignore_ascii_case(&self.0)
                && host.as_bytes()[host.len() - self.0.len() - 1] == b'.')
    }
}

/// Parses `raw` and checks it against `allowed` (the same check at creation
/// and at redirect time).
pub fn check_target<'a>(
    raw: &str,
    allowed: impl IntoIterator<Item = &'a AllowedDomain>,
) -> Result<Url, LinkError> {
    let url = Url::parse(raw.trim()).map_err(|_| LinkError::BadTarget(raw.into()))?;
    if !matches!(url.scheme(), "https" | "http") {
        return Err(LinkError::BadTarget(raw.into()));
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(LinkError::BadTarget(raw.into()));
    }
    let Some(url::Host::Domain(host)) = url.host() else {
        return Err(LinkError::DomainNotAllowed(raw.into()));
    };
    if allowed.into_iter().any(|d| d.covers(host)) {
        Ok(url)
    } else {
        Err(LinkError::DomainNotAllowed(host.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn allowed() -> Vec<AllowedDomain> {
        ["bailleur.fr", "facebook.com"]
            .iter()
            .map(|d| AllowedDomain::parse(d).unwrap())
            .collect()
    }

    #[test]
    fn domains_are_normalised_or_refused() {
        assert_eq!(
            AllowedDomain::parse(" Bailleur.FR. ").unwrap().as_str(),
            "bailleur.fr"
        );
        assert_eq!(
            AllowedDomain::parse("https://www.bailleur.fr/actus")
                .unwrap()
                .as_str(),
            "www.bailleur.fr"
        );
        for bad in [
            "",
            "localhost",
            "bailleur..fr",
            "-x.fr",
            "a b.fr",
            "127.0.0.1",
            "*.fr",
        ] {
            assert!(AllowedDomain::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn targets_on_allowed_domains_and_subdomains_pass() {
        for ok in [
            "https://bailleur.fr/",
            "https://www.bailleur.fr/residences/tilleuls?x=1",
            "http://actus.bailleur.fr",
            "https://www.facebook.com/BrevenneHabitat",
            "https://WWW.BAILLEUR.FR/",
        ] {
            assert!(check_target(ok, &allowed()).is_ok(), "{ok}");
        }
    }

    #[test]
    fn open_redirect_tricks_are_refused() {
        for bad in [
            "https://evilbailleur.fr/",
            "https://bailleur.fr.evil.example/",
            "https://bailleur.fr@evil.example/",
            "https://user:pw@bailleur.fr/",
            "javascript:alert(1)",
            "ftp://bailleur.fr/",
            "//evil.example/",
            "https://93.184.216.34/",
            "https://[::1]/",
            "data:text/html,hi",
            "bailleur.fr/page",
        ] {
            assert!(check_target(bad, &allowed()).is_err(), "{bad}");
        }
        assert!(check_target("https://bailleur.fr/", &[]).is_err());
    }
}
