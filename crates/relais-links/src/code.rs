//! Short link codes: nine characters from an alphabet without look-alikes,
//! drawn from the operating system's randomness (45 bits), so that codes
//! cannot be guessed or enumerated.
//!
//! Codes are lower case only: a code read aloud or typed from a poster has
//! no case to get wrong. `0`, `1`, `l` and `o` are left out.

use std::fmt;

use crate::LinkError;

/// The 32 characters of a code (5 bits each).
pub const ALPHABET: &[u8; 32] = b"23456789abcdefghijkmnpqrstuvwxyz";
/// Characters in a code: 9 × 5 = 45 bits of randomness.
pub const LEN: usize = 9;

/// A short link code.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Code(String);

impl Code {
    /// A fresh random code.
    pub fn random() -> Result<Self, LinkError> {
        let mut bytes = [0u8; LEN];
        getrandom::fill(&mut bytes).map_err(|e| LinkError::Random(e.to_string()))?;
        // 256 is a multiple of 32: taking the low 5 bits is uniform.
        Ok(Code(
            bytes
                .iter()
                .map(|b| ALPHABET[usize::from(b & 31)] as char)
                .collect(),
        ))
    }

    /// A code as typed or found in a URL; `None` when it cannot be one.
    pub fn parse(raw: &str) -> Option<Self> {
        (raw.len() == LEN && raw.bytes().all(|b| ALPHABET.contains(&b))).then(|| Code(raw.into()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn random_codes_parse_and_avoid_look_alikes() {
        let mut seen = std::collections::HashSet::new();
        for _ in 0..2000 {
            let c = Code::random().unwrap();
            assert_eq!(Code::parse(c.as_str()), Some(c.clone()));
            assert!(!c.as_str().contains(['0', '1', 'l', 'o', 'O', 'I']));
            seen.insert(c);
        }
        assert_eq!(
            seen.len(),
            2000,
            "45 random bits do not collide in 2000 draws"
        );
        // Every character of the alphabet shows up.
        let all: String = seen.iter().map(|c| c.as_str()).collect();
        assert!(ALPHABET.iter().all(|a| all.contains(*a as char)));
    }

    #[test]
    fn parse_refuses_what_cannot_be_a_code() {
        for bad in [
            "",
            "abc",
            "abcdefgh0",
            "ABCDEFGHJ",
            "abcdefghjk",
            "abcdefgh/",
            "../../etc",
        ] {
            assert_eq!(Code::parse(bad), None, "{bad}");
        }
        assert!(Code::parse("abcdefghj").is_some());
    }
}
