//! Business hours as French landlords count them: Monday to Friday, 9:00 to
//! 18:00 Europe/Paris, French public holidays off (the fixed ones and those
//! computed from Easter: Easter Monday, Ascension, Whit Monday).
//!
//! Alsace-Moselle's two extra days (Good Friday, 26 December) are not
//! counted: a landlord there gets slightly longer business-hour delays.

use chrono::{Datelike, Duration, NaiveDate, TimeZone, Timelike, Utc, Weekday};
use chrono_tz::Europe::Paris;

const OPEN_HOUR: u32 = 9;
const CLOSE_HOUR: u32 = 18;

/// Easter Sunday of `year` (anonymous Gregorian algorithm, Meeus/Jones/Butcher).
pub fn easter(year: i32) -> NaiveDate {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32).expect("Easter is a real date")
}

/// The eleven French public holidays of `year`.
pub fn public_holidays(year: i32) -> [NaiveDate; 11] {
    let d = |m, day| NaiveDate::from_ymd_opt(year, m, day).expect("fixed holiday");
    let e = easter(year);
    [
        d(1, 1),
        e + Duration::days(1),
        d(5, 1),
        d(5, 8),
        e + Duration::days(39),
        e + Duration::days(50),
        d(7, 14),
        d(8, 15),
        d(11, 1),
        d(11, 11),
        d(12, 25),
    ]
}

pub fn is_public_holiday(day: NaiveDate) -> bool {
    match (day.month(), day.day()) {
        (1, 1) | (5, 1) | (5, 8) | (7, 14) | (8, 15) | (11, 1) | (11, 11) | (12, 25) => true,
        // Easter Monday to Whit Monday fall between 23 March and 14 June.
        (3..=6, _) => public_holidays(day.year()).contains(&day),
        _ => false,
    }
}

/// Is `day` a working day (Monday to Friday, not a public holiday)?
pub fn is_working_day(day: NaiveDate) -> bool {
    !matches!(day.weekday(), Weekday::Sat | Weekday::Sun) && !is_public_holiday(day)
}

/// The Paris local date and seconds since local midnight of a Unix instant.
fn paris(unix: i64) -> (NaiveDate, i64) {
    let local = Utc
        .timestamp_opt(unix, 0)
        .single()
        .expect("instant in range")
        .with_timezone(&Paris)
        .naive_local();
    (
        local.date(),
        i64::from(local.time().num_seconds_from_midnight()),
    )
}

/// Business seconds of `day` that fall between local seconds `from` and `to`.
fn open_seconds(day: NaiveDate, from: i64, to: i64) -> i64 {
    if !is_working_day(day) {
        return 0;
    }
    let open = i64::from(OPEN_HOUR) * 3600;
    let close = i64::from(CLOSE_HOUR) * 3600;
    (to.min(close) - from.max(open)).max(0)
}

/// Business hours between two instants (Unix seconds); 0 when `end <= start`.
pub fn business_hours(start: i64, end: i64) -> f64 {
    if end <= start {
        return 0.0;
    }
    let (d0, s0) = paris(start);
    let (d1, s1) = paris(end);
    let day_len = 24 * 3600;
    let secs = if d0 == d1 {
        open_seconds(d0, s0, s1)
    } else {
        let mut total = open_seconds(d0, s0, day_len) + open_seconds(d1, 0, s1);
        let mut d = d0 + Duration::days(1);
        while d < d1 {
            total += open_seconds(d, 0, day_len);
            d += Duration::days(1);
        }
        total
    };
    secs as f64 / 3600.0
}

/// Calendar hours between two instants.
pub fn calendar_hours(start: i64, end: i64) -> f64 {
    (end - start).max(0) as f64 / 3600.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> i64 {
        Paris
            .with_ymd_and_hms(y, m, d, h, min, 0)
            .single()
            .unwrap()
            .timestamp()
    }

    #[test]
    fn easter_matches_known_dates() {
        for (y, m, d) in [
            (2024, 3, 31),
            (2025, 4, 20),
            (2026, 4, 5),
            (2027, 3, 28),
            (2038, 4, 25),
        ] {
            assert_eq!(easter(y), NaiveDate::from_ymd_opt(y, m, d).unwrap(), "{y}");
        }
    }

    #[test]
    fn easter_based_holidays_of_2026() {
        let h = public_holidays(2026);
        let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
        assert!(h.contains(&day(4, 6)), "Easter Monday");
        assert!(h.contains(&day(5, 14)), "Ascension");
        assert!(h.contains(&day(5, 25)), "Whit Monday");
        assert!(!is_working_day(day(7, 14)));
        assert!(is_working_day(day(7, 15)));
    }

    #[test]
    fn a_comment_friday_evening_answered_monday_morning_is_one_business_hour() {
        // Friday 2026-03-06 19:00 → Monday 2026-03-09 10:00.
        let h = business_hours(at(2026, 3, 6, 19, 0), at(2026, 3, 9, 10, 0));
        assert_eq!(h, 1.0);
        assert_eq!(
            calendar_hours(at(2026, 3, 6, 19, 0), at(2026, 3, 9, 10, 0)),
            63.0
        );
    }

    #[test]
    fn holidays_and_weekends_are_skipped() {
        // Thursday 2026-05-07 17:00 → Monday 2026-05-11 10:00: Friday 8 May is off.
        assert_eq!(
            business_hours(at(2026, 5, 7, 17, 0), at(2026, 5, 11, 10, 0)),
            2.0
        );
        // Same day inside opening hours.
        assert_eq!(
            business_hours(at(2026, 3, 3, 9, 30), at(2026, 3, 3, 12, 0)),
            2.5
        );
        // Both outside hours, two full days between: 18 hours.
        assert_eq!(
            business_hours(at(2026, 3, 2, 20, 0), at(2026, 3, 5, 7, 0)),
            18.0
        );
    }

    #[test]
    fn summer_time_change_does_not_shift_opening_hours() {
        // Friday 27 March 2026 17:00 → Monday 30 March 10:00 (clocks changed on Sunday).
        assert_eq!(
            business_hours(at(2026, 3, 27, 17, 0), at(2026, 3, 30, 10, 0)),
            2.0
        );
    }
}
