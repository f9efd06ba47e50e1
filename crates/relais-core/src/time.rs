//! Instants: stored in UTC, shown in Europe/Paris.

use chrono::{DateTime, TimeZone, Utc};
use chrono_tz::Europe::Paris;
use serde::Serialize;

use crate::error::DomainError;

/// An instant, always UTC, second precision (what the networks give).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(i64);

impl Timestamp {
    /// From Unix seconds.
    pub fn from_unix(secs: i64) -> Result<Self, DomainError> {
        Utc.timestamp_opt(secs, 0)
            .single()
            .map(|_| Self(secs))
            .ok_or(DomainError::Invalid {
                what: "timestamp",
                value: secs.to_string(),
                expected: "seconds since 1970 within chrono's range",
            })
    }

    pub fn from_utc(dt: DateTime<Utc>) -> Self {
        Self(dt.timestamp())
    }

    pub fn unix(self) -> i64 {
        self.0
    }

    pub fn utc(self) -> DateTime<Utc> {
        Utc.timestamp_opt(self.0, 0)
            .single()
            .expect("a Timestamp is always in range")
    }

    /// RFC 3339 in UTC (`2026-03-01T08:30:00Z`).
    pub fn rfc3339(self) -> String {
        self.utc().format("%Y-%m-%dT%H:%M:%SZ").to_string()
    }

    /// Local French time, as people read it (`01/03/2026 09:30`).
    pub fn paris(self) -> String {
        self.utc()
            .with_timezone(&Paris)
            .format("%d/%m/%Y %H:%M")
            .to_string()
    }
}

impl Serialize for Timestamp {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.rfc3339())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paris_time_follows_summer_and_winter_offsets() {
        let winter = Timestamp::from_unix(1_767_258_000).unwrap(); // 2026-01-01T09:00:00Z
        assert_eq!(winter.rfc3339(), "2026-01-01T09:00:00Z");
        assert_eq!(winter.paris(), "01/01/2026 10:00");
        let summer = Timestamp::from_unix(1_782_896_400).unwrap(); // 2026-07-01T09:00:00Z
        assert_eq!(summer.paris(), "01/07/2026 11:00");
    }
}
