//! Passwords (argon2id), session and token values, cookies, CSRF checks and
//! login throttling.
//!
//! A session or token value is 32 random bytes shown once; the database
//! keeps its SHA-256 only. CSRF tokens are per session and compared in
//! constant time. Throttling counts failed logins per account and per
//! client in memory (an address is kept there for the window only, never
//! written anywhere).

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use axum::http::HeaderMap;
use sha2::{Digest, Sha256};

pub const SESSION_COOKIE: &str = "relais_session";
pub const LOGIN_COOKIE: &str = "relais_login";
pub const LANG_COOKIE: &str = "relais_lang";
/// Bearer tokens start with this, to be recognisable in a secret scanner.
pub const TOKEN_PREFIX: &str = "rls_";

fn argon() -> Argon2<'static> {
    // OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane.
    let params = Params::new(19 * 1024, 2, 1, None).expect("argon2 parameters");
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// The shortest password accepted.
pub const MIN_PASSWORD: usize = 12;

/// Refuses a password too short to keep, saying what is expected.
pub fn check_password(password: &str, lang: relais_core::Lang) -> Result<(), String> {
    if password.chars().count() >= MIN_PASSWORD {
        return Ok(());
    }
    Err(match lang {
        relais_core::Lang::Fr => format!(
            "mot de passe trop court : {MIN_PASSWORD} caractères au moins (une phrase de passe est idéale)"
        ),
        relais_core::Lang::En => {
            format!("password too short: at least {MIN_PASSWORD} characters (a passphrase is best)")
        }
    })
}

/// An argon2id PHC string of `password`.
pub fn hash_password(password: &str) -> String {
    let mut salt = [0u8; 16];
    getrandom::fill(&mut salt).expect("random salt");
    let salt = SaltString::encode_b64(&salt).expect("salt");
    argon()
        .hash_password(password.as_bytes(), &salt)
        .expect("argon2 hash")
        .to_string()
}

/// Whether `password` matches a stored PHC string.
pub fn verify_password(password: &str, phc: &str) -> bool {
    PasswordHash::new(phc).is_ok_and(|h| argon().verify_password(password.as_bytes(), &h).is_ok())
}

/// Some random hex.
pub fn random_hex(bytes: usize) -> String {
    let mut b = vec![0u8; bytes];
    getrandom::fill(&mut b).expect("randomness");
    hex::encode(b)
}

/// A new API token value (shown once).
pub fn new_token() -> String {
    format!("{TOKEN_PREFIX}{}", random_hex(32))
}

/// What the database keeps of a session or token value.
pub fn token_hash(value: &str) -> String {
    hex::encode(Sha256::digest(value.as_bytes()))
}

/// Compares two secrets in time independent of where they differ.
pub fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// A cookie's value from the request.
pub fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(axum::http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_string())
}

/// A `Set-Cookie` value: HttpOnly, SameSite=Lax, Path=/, Secure when asked;
/// `max_age` `None` for a browser-session cookie, `Some(0)` to delete.
pub fn set_cookie(name: &str, value: &str, secure: bool, max_age: Option<u64>) -> String {
    let mut c = format!("{name}={value}; Path=/; HttpOnly; SameSite=Lax");
    if secure {
        c.push_str("; Secure");
    }
    if let Some(age) = max_age {
        c.push_str(&format!("; Max-Age={age}"));
    }
    c
}

/// The bearer token of an `Authorization` header.
pub fn bearer(headers: &HeaderMap) -> Option<&str> {
    let v = headers
        .get(axum::http::header::AUTHORIZATION)?
        .to_str()
        .ok()?;
    let (scheme, token) = v.split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| token.trim())
        .filter(|t| !t.is_empty())
}

/// Failed logins within a window, per account and per client. A client
/// (one address, maybe a whole office behind one gateway) may fail
/// [`CLIENT_FACTOR`] times more than one account.
pub const CLIENT_FACTOR: u32 = 4;

pub struct Throttle {
    max: u32,
    window: Duration,
    failures: Mutex<HashMap<String, (Instant, u32)>>,
}

impl Throttle {
    pub fn new(max: u32, window: Duration) -> Throttle {
        Throttle {
            max,
            window,
            failures: Mutex::new(HashMap::new()),
        }
    }

    fn keys(email: &str, client: IpAddr) -> [String; 2] {
        [format!("user:{email}"), format!("client:{client}")]
    }

    /// Seconds to wait before trying again, when over the limit.
    pub fn blocked(&self, email: &str, client: IpAddr) -> Option<u64> {
        let now = Instant::now();
        let mut map = self.failures.lock().expect("throttle");
        map.retain(|_, (since, _)| now.duration_since(*since) < self.window);
        let [user, client] = Self::keys(email, client);
        [(user, self.max), (client, self.max * CLIENT_FACTOR)]
            .iter()
            .filter_map(|(k, max)| map.get(k).map(|v| (v, *max)))
            .filter(|((_, n), max)| *n >= *max)
            .map(|(v, _)| v)
            .map(|(since, _)| (self.window - now.duration_since(*since)).as_secs() + 1)
            .max()
    }

    pub fn failed(&self, email: &str, client: IpAddr) {
        let now = Instant::now();
        let mut map = self.failures.lock().expect("throttle");
        for k in Self::keys(email, client) {
            map.entry(k).or_insert((now, 0)).1 += 1;
        }
    }

    pub fn succeeded(&self, email: &str) {
        self.failures
            .lock()
            .expect("throttle")
            .remove(&format!("user:{email}"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_verify_only_themselves() {
        let h = hash_password("correct horse");
        assert!(h.starts_with("$argon2id$"), "{h}");
        assert!(verify_password("correct horse", &h));
        assert!(!verify_password("correct horsE", &h));
        assert!(!verify_password("correct horse", "not a hash"));
        assert_ne!(h, hash_password("correct horse"), "salted");
    }

    #[test]
    fn same_compares_whole_values() {
        assert!(same("abc", "abc"));
        assert!(!same("abc", "abd"));
        assert!(!same("abc", "abcd"));
    }

    #[test]
    fn throttle_blocks_after_the_limit_per_account_and_client() {
        let t = Throttle::new(2, Duration::from_secs(60));
        let ip: IpAddr = "127.0.0.1".parse().unwrap();
        let other: IpAddr = "127.0.0.2".parse().unwrap();
        assert!(t.blocked("a@x", ip).is_none());
        t.failed("a@x", ip);
        t.failed("a@x", ip);
        assert!(t.blocked("a@x", other).is_some(), "per account");
        assert!(
            t.blocked("b@x", ip).is_none(),
            "another account from the same client"
        );
        for i in 0..2 * CLIENT_FACTOR {
            t.failed(&format!("u{i}@x"), ip);
        }
        assert!(t.blocked("b@x", ip).is_some(), "per client");
        assert!(t.blocked("b@x", other).is_none());
    }

    #[test]
    fn cookies_are_read_and_written() {
        let mut h = HeaderMap::new();
        h.insert("cookie", "a=1; relais_session=abc; b=2".parse().unwrap());
        assert_eq!(cookie(&h, SESSION_COOKIE).as_deref(), Some("abc"));
        assert_eq!(cookie(&h, "c"), None);
        let c = set_cookie(SESSION_COOKIE, "v", true, None);
        assert!(c.contains("HttpOnly") && c.contains("SameSite=Lax") && c.contains("Secure"));
    }
}
