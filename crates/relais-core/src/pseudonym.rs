//! Pseudonymised identities of the people who comment.
//!
//! A commenter's network id is never stored: relais keeps a keyed hash of it
//! (HMAC-SHA256 with a per-installation secret), so that the same person gets
//! the same pseudonym across imports, nobody can recompute it without the
//! secret, and erasing one person means deleting the rows that carry their
//! pseudonym. The secret is redacted in `Debug`.

use std::fmt;

use hmac::{Hmac, Mac};
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::account::Network;
use crate::error::DomainError;

/// The per-installation key of the pseudonyms: 32 bytes.
#[derive(Clone, PartialEq, Eq)]
pub struct InstallationSecret([u8; 32]);

impl InstallationSecret {
    pub fn from_bytes(bytes: [u8; 32]) -> Self {
        Self(bytes)
    }

    /// The demo's secret, derived from its seed so that the demo is
    /// reproducible; never used for a real installation.
    pub fn for_demo(seed: u64) -> Self {
        let digest = Sha256::new()
            .chain_update(b"relais demo installation secret\0")
            .chain_update(seed.to_le_bytes())
            .finalize();
        Self(digest.into())
    }

    /// Parses the stored hex form.
    pub fn from_hex(raw: &str) -> Result<Self, DomainError> {
        let bytes = hex::decode(raw.trim())
            .ok()
            .and_then(|b| <[u8; 32]>::try_from(b).ok());
        bytes.map(Self).ok_or(DomainError::Invalid {
            what: "installation secret",
            value: "(hidden)".to_string(),
            expected: "64 hexadecimal characters",
        })
    }

    pub fn to_hex(&self) -> String {
        hex::encode(self.0)
    }

    /// The pseudonym of a person known on `network` by `author_id`.
    pub fn pseudonym(&self, network: Network, author_id: &str) -> Pseudonym {
        let mut mac =
            <Hmac<Sha256> as Mac>::new_from_slice(&self.0).expect("HMAC accepts any key length");
        mac.update(network.code().as_bytes());
        mac.update(b"\0");
        mac.update(author_id.as_bytes());
        let tag = mac.finalize().into_bytes();
        Pseudonym(format!("p_{}", hex::encode(&tag[..12])))
    }
}

impl fmt::Debug for InstallationSecret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("InstallationSecret(<redacted>)")
    }
}

/// A stable, non-reversible identifier of a commenter: `p_` and 24 hex digits.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Pseudonym(String);

impl Pseudonym {
    pub fn parse(raw: &str) -> Result<Self, DomainError> {
        let v = raw.trim();
        let ok = v.len() == 26
            && v.starts_with("p_")
            && v[2..]
                .bytes()
                .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase());
        if ok {
            Ok(Self(v.to_string()))
        } else {
            Err(DomainError::Invalid {
                what: "pseudonym",
                value: v.to_string(),
                expected: "p_ followed by 24 lower-case hexadecimal digits",
            })
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Pseudonym {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_person_same_pseudonym_other_secret_other_pseudonym() {
        let a = InstallationSecret::for_demo(1);
        let b = InstallationSecret::for_demo(2);
        let p1 = a.pseudonym(Network::Facebook, "10001");
        assert_eq!(p1, a.pseudonym(Network::Facebook, "10001"));
        assert_ne!(p1, a.pseudonym(Network::Instagram, "10001"));
        assert_ne!(p1, b.pseudonym(Network::Facebook, "10001"));
        assert!(Pseudonym::parse(p1.as_str()).is_ok());
        assert!(!p1.as_str().contains("10001"));
    }

    #[test]
    fn the_secret_never_shows_in_debug_and_round_trips_in_hex() {
        let s = InstallationSecret::for_demo(7);
        assert_eq!(format!("{s:?}"), "InstallationSecret(<redacted>)");
        assert_eq!(InstallationSecret::from_hex(&s.to_hex()).unwrap(), s);
        assert!(InstallationSecret::from_hex("abc").is_err());
    }
}
