//! Time for the demo: local Paris times turned into UTC instants, and the
//! office hours a communication team answers in.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Weekday};
use chrono_tz::Europe::Paris;

use super::rng::Rng;
use crate::time::Timestamp;

/// The instant of a Paris wall-clock time (the earlier one when ambiguous,
/// one hour later when it falls in the spring-forward gap).
pub fn paris(day: NaiveDate, hour: u32, minute: u32) -> Timestamp {
    let naive = day.and_time(NaiveTime::from_hms_opt(hour, minute, 0).expect("valid time"));
    from_paris_naive(naive)
}

fn from_paris_naive(naive: NaiveDateTime) -> Timestamp {
    let local = Paris
        .from_local_datetime(&naive)
        .earliest()
        .or_else(|| {
            Paris
                .from_local_datetime(&(naive + Duration::hours(1)))
                .earliest()
        })
        .expect("a Paris time exists within an hour");
    Timestamp::from_utc(local.with_timezone(&chrono::Utc))
}

/// The Paris wall-clock of an instant.
pub fn local(t: Timestamp) -> NaiveDateTime {
    t.utc().with_timezone(&Paris).naive_local()
}

pub fn is_weekend(day: NaiveDate) -> bool {
    matches!(day.weekday(), Weekday::Sat | Weekday::Sun)
}

/// Moves an instant into the team's office hours (Monday to Friday,
/// 9:00–18:00 Paris): a reply is written when someone is at work.
pub fn next_office_time(t: Timestamp, rng: &mut Rng) -> Timestamp {
    let l = local(t);
    let mut day = l.date();
    let time = l.time();
    let start = NaiveTime::from_hms_opt(9, 0, 0).expect("9:00");
    let end = NaiveTime::from_hms_opt(18, 0, 0).expect("18:00");
    if !is_weekend(day) && time >= start && time < end {
        return t;
    }
    if time >= end {
        day = day.succ_opt().expect("date in range");
    }
    while is_weekend(day) {
        day = day.succ_opt().expect("date in range");
    }
    paris(day, 9, 0).plus_secs(rng.range(0, 150) * 60)
}

impl Timestamp {
    /// The instant `secs` seconds later.
    pub fn plus_secs(self, secs: i64) -> Timestamp {
        Timestamp::from_unix(self.unix() + secs).expect("demo instants stay in range")
    }
}

/// Whether a month is in the heating season (October to April).
pub fn heating_season(month: u32) -> bool {
    !(5..=9).contains(&month)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paris_times_convert_with_their_offset() {
        let d = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
        assert_eq!(paris(d, 10, 0).rfc3339(), "2026-01-05T09:00:00Z");
        let gap = NaiveDate::from_ymd_opt(2026, 3, 29).unwrap();
        assert_eq!(paris(gap, 2, 30).rfc3339(), "2026-03-29T01:30:00Z");
    }

    #[test]
    fn a_saturday_evening_moves_to_monday_morning() {
        let sat = NaiveDate::from_ymd_opt(2026, 1, 10).unwrap();
        let mut rng = Rng::new(1);
        let t = next_office_time(paris(sat, 20, 0), &mut rng);
        let l = local(t);
        assert_eq!(l.date(), NaiveDate::from_ymd_opt(2026, 1, 12).unwrap());
        assert!(l.time() >= NaiveTime::from_hms_opt(9, 0, 0).unwrap());
        let tue = NaiveDate::from_ymd_opt(2026, 1, 13).unwrap();
        assert_eq!(
            next_office_time(paris(tue, 11, 0), &mut rng),
            paris(tue, 11, 0)
        );
    }
}
