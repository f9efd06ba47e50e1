//! Tokens at rest: ChaCha20-Poly1305 under a 32-byte key that lives outside
//! the database (`RELAIS_SECRET_KEY`, 64 hex characters). A copy of the
//! database alone opens no account. Neither the key nor a token is ever
//! printed: both are redacted in `Debug`.

use std::fmt;

use chacha20poly1305::aead::{Aead, KeyInit};
use chacha20poly1305::{ChaCha20Poly1305, Key, Nonce};

use crate::error::ConnectError;

/// The environment variable that holds the key.
pub const KEY_ENV: &str = "RELAIS_SECRET_KEY";

/// An API access token.
#[derive(Clone, PartialEq, Eq)]
pub struct Token(String);

impl Token {
    /// Trims the token read from stdin; refuses an empty one.
    pub fn parse(raw: &str) -> Result<Self, ConnectError> {
        let t = raw.trim();
        if t.is_empty() || t.chars().any(char::is_whitespace) {
            return Err(ConnectError::BadToken);
        }
        Ok(Self(t.to_string()))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Token(***)")
    }
}

/// The key that encrypts tokens.
#[derive(Clone)]
pub struct SecretKey([u8; 32]);

impl fmt::Debug for SecretKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SecretKey(***)")
    }
}

impl SecretKey {
    /// Parses 64 hex characters; `raw` is `None` when the variable is unset.
    pub fn parse(raw: Option<&str>) -> Result<Self, ConnectError> {
        let raw = raw
            .map(str::trim)
            .ok_or(ConnectError::NoKey { malformed: false })?;
        hex::decode(raw)
            .ok()
            .and_then(|b| <[u8; 32]>::try_from(b).ok())
            .map(Self)
            .ok_or(ConnectError::NoKey { malformed: true })
    }

    /// The key of `RELAIS_SECRET_KEY`.
    pub fn from_env() -> Result<Self, ConnectError> {
        Self::parse(std::env::var(KEY_ENV).ok().as_deref())
    }

    fn cipher(&self) -> ChaCha20Poly1305 {
        ChaCha20Poly1305::new(Key::from_slice(&self.0))
    }

    /// The token's ciphertext and a fresh nonce, both hex.
    pub fn encrypt(&self, token: &Token) -> Result<(String, String), ConnectError> {
        let mut nonce = [0u8; 12];
        getrandom::fill(&mut nonce).map_err(|_| ConnectError::Crypto)?;
        let sealed = self
            .cipher()
            .encrypt(Nonce::from_slice(&nonce), token.0.as_bytes())
            .map_err(|_| ConnectError::Crypto)?;
        Ok((hex::encode(sealed), hex::encode(nonce)))
    }

    /// The token back; refused (naming the connection) when the key is not
    /// the one it was encrypted with.
    pub fn decrypt(
        &self,
        connection: &str,
        ciphertext: &str,
        nonce: &str,
    ) -> Result<Token, ConnectError> {
        let wrong = || ConnectError::WrongKey {
            connection: connection.to_string(),
        };
        let sealed = hex::decode(ciphertext).map_err(|_| wrong())?;
        let nonce = hex::decode(nonce).map_err(|_| wrong())?;
        if nonce.len() != 12 {
            return Err(wrong());
        }
        let plain = self
            .cipher()
            .decrypt(Nonce::from_slice(&nonce), sealed.as_slice())
            .map_err(|_| wrong())?;
        String::from_utf8(plain).map(Token).map_err(|_| wrong())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &str = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";

    #[test]
    fn a_token_comes_back_from_its_ciphertext_and_never_shows_in_debug() {
        let key = SecretKey::parse(Some(KEY)).unwrap();
        let token = Token::parse(" EAAB-secret\n").unwrap();
        let (sealed, nonce) = key.encrypt(&token).unwrap();
        assert!(!sealed.contains("EAAB"));
        assert_eq!(key.decrypt("c", &sealed, &nonce).unwrap(), token);
        assert_eq!(format!("{token:?} {key:?}"), "Token(***) SecretKey(***)");
    }

    #[test]
    fn another_key_cannot_open_a_token() {
        let key = SecretKey::parse(Some(KEY)).unwrap();
        let (sealed, nonce) = key.encrypt(&Token::parse("t").unwrap()).unwrap();
        let other = SecretKey::parse(Some(&KEY.replace('0', "f"))).unwrap();
        let err = other
            .decrypt("facebook:habitat", &sealed, &nonce)
            .unwrap_err();
        assert!(err.to_string().contains("facebook:habitat"));
    }

    #[test]
    fn a_missing_or_short_key_says_how_to_make_one() {
        for raw in [None, Some("abcd")] {
            let err = SecretKey::parse(raw).unwrap_err().to_string();
            assert!(err.contains("openssl rand -hex 32"), "{err}");
            assert!(err.contains(KEY_ENV), "{err}");
        }
    }
}
