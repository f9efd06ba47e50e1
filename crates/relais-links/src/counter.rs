//! The in-memory counter buffer: scans, unique scanners and bots per link
//! per Europe/Paris day, waiting for the next flush.
//!
//! A unique scanner is a keyed BLAKE3 hash of the link, the IP address and
//! the user agent, with a 256-bit salt drawn from the OS when the Paris day
//! changes. The salt lives only in this struct: it is never stored, logged
//! or returned, so once the day is over nobody (relais included) can
//! recompute a hash from an address. Only the set of today's hashes is
//! kept, to tell a second scan from a first, and it is dropped with the salt.

use std::collections::{HashMap, HashSet};
use std::net::IpAddr;
use std::sync::Mutex;

use relais_store::DailyCount;

/// Who made a request, as far as counting goes.
#[derive(Debug, Clone, Copy)]
pub enum Hit<'a> {
    /// A preview fetcher, crawler, tool or `HEAD` request.
    Bot,
    /// A person: their address and user agent, used for the daily hash only.
    Person { ip: IpAddr, user_agent: &'a str },
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
struct Counts {
    scans: i64,
    uniques: i64,
    bots: i64,
}

struct Inner {
    day: String,
    salt: [u8; 32],
    seen: HashSet<u128>,
    pending: HashMap<(String, String), Counts>,
}

/// Counts waiting to be written. Cheap to share behind an `Arc`.
pub struct Counter {
    inner: Mutex<Inner>,
}

impl Default for Counter {
    fn default() -> Self {
        Self::new()
    }
}

impl Counter {
    pub fn new() -> Self {
        Counter {
            inner: Mutex::new(Inner {
                day: String::new(),
                salt: [0; 32],
                seen: HashSet::new(),
                pending: HashMap::new(),
            }),
        }
    }

    /// Counts one hit on `code` on `day` (YYYY-MM-DD, Europe/Paris).
    pub fn record(&self, code: &str, day: &str, hit: Hit<'_>) {
        let mut inner = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        if inner.day != day {
            rotate(&mut inner, day);
        }
        let unique = match hit {
            Hit::Bot => None,
            Hit::Person { ip, user_agent } => {
                let mut h = blake3::Hasher::new_keyed(&inner.salt);
                h.update(code.as_bytes());
                h.update(&[0]);
                match ip {
                    IpAddr::V4(v4) => h.update(&v4.octets()),
                    IpAddr::V6(v6) => h.update(&v6.octets()),
                };
                h.update(&[0]);
                h.update(user_agent.as_bytes());
                let bytes = h.finalize();
                let mut first = [0u8; 16];
                first.copy_from_slice(&bytes.as_bytes()[..16]);
                Some(inner.seen.insert(u128::from_le_bytes(first)))
            }
        };
        let c = inner
            .pending
            .entry((code.to_string(), day.to_string()))
            .or_default();
        match unique {
            None => c.bots += 1,
            Some(new) => {
                c.scans += 1;
                c.uniques += i64::from(new);
            }
        }
    }

    /// Takes every pending count, leaving the buffer empty.
    pub fn take(&self) -> Vec<DailyCount> {
        let mut inner = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        let mut out: Vec<DailyCount> = inner
            .pending
            .drain()
            .map(|((code, day), c)| DailyCount {
                code,
                day,
                scans: c.scans,
                uniques: c.uniques,
                bots: c.bots,
            })
            .collect();
        out.sort_by(|a, b| (&a.code, &a.day).cmp(&(&b.code, &b.day)));
        out
    }

    /// Puts back counts a flush could not write, to try again later.
    pub fn restore(&self, counts: Vec<DailyCount>) {
        let mut inner = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        for d in counts {
            let c = inner.pending.entry((d.code, d.day)).or_default();
            c.scans += d.scans;
            c.uniques += d.uniques;
            c.bots += d.bots;
        }
    }
}

/// A new day: a new salt, and yesterday's hashes forgotten.
fn rotate(inner: &mut Inner, day: &str) {
    let mut salt = [0u8; 32];
    if getrandom::fill(&mut salt).is_err() {
        // Still unknowable from outside: derived from the forgotten salt.
        salt = *blake3::keyed_hash(&inner.salt, day.as_bytes()).as_bytes();
    }
    inner.salt = salt;
    inner.seen = HashSet::new();
    inner.day = day.to_string();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(ip: &str, ua: &'static str) -> Hit<'static> {
        Hit::Person {
            ip: ip.parse().unwrap(),
            user_agent: ua,
        }
    }

    #[test]
    fn scans_uniques_and_bots_are_counted_per_link_and_day() {
        let c = Counter::new();
        c.record("aaaaaaaaa", "2027-06-01", person("10.0.0.1", "phone A"));
        c.record("aaaaaaaaa", "2027-06-01", person("10.0.0.1", "phone A"));
        c.record("aaaaaaaaa", "2027-06-01", person("10.0.0.1", "phone B"));
        c.record("aaaaaaaaa", "2027-06-01", person("10.0.0.2", "phone A"));
        c.record("aaaaaaaaa", "2027-06-01", Hit::Bot);
        // The same person on another link is another unique scanner of it.
        c.record("bbbbbbbbb", "2027-06-01", person("10.0.0.1", "phone A"));
        // Next day, the same person counts as unique again.
        c.record("aaaaaaaaa", "2027-06-02", person("10.0.0.1", "phone A"));
        let got = c.take();
        let row = |code: &str, day: &str| {
            got.iter()
                .find(|d| d.code == code && d.day == day)
                .map(|d| (d.scans, d.uniques, d.bots))
        };
        assert_eq!(row("aaaaaaaaa", "2027-06-01"), Some((4, 3, 1)));
        assert_eq!(row("bbbbbbbbb", "2027-06-01"), Some((1, 1, 0)));
        assert_eq!(row("aaaaaaaaa", "2027-06-02"), Some((1, 1, 0)));
        assert_eq!(got.len(), 3);
        assert!(c.take().is_empty(), "taking empties the buffer");
    }

    #[test]
    fn restored_counts_add_up_with_new_ones() {
        let c = Counter::new();
        c.record("aaaaaaaaa", "2027-06-01", Hit::Bot);
        let failed = c.take();
        c.record("aaaaaaaaa", "2027-06-01", Hit::Bot);
        c.restore(failed);
        assert_eq!(c.take()[0].bots, 2);
    }

    #[test]
    fn the_salt_changes_with_the_day() {
        let c = Counter::new();
        c.record("aaaaaaaaa", "2027-06-01", Hit::Bot);
        let first = c.inner.lock().unwrap().salt;
        c.record("aaaaaaaaa", "2027-06-02", Hit::Bot);
        let second = c.inner.lock().unwrap().salt;
        assert_ne!(first, second);
        assert_ne!(second, [0; 32]);
    }
}
