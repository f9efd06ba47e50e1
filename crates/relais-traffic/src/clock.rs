//! Time stamps: `10/Oct/2000:13:55:36 -0700` to Unix seconds, and the
//! Europe/Paris calendar day of an instant (the day a landlord's staff
//! would say a visit happened).
//!
//! Parsing is by hand because a log repeats the same stamp format millions
//! of times; the time zone database (chrono-tz) is asked once per hour of
//! log, since Paris offsets are whole hours.

use chrono::{Datelike, NaiveDate, TimeZone};
use chrono_tz::Europe::Paris;

const MONTHS: [&[u8; 3]; 12] = [
    b"Jan", b"Feb", b"Mar", b"Apr", b"May", b"Jun", b"Jul", b"Aug", b"Sep", b"Oct", b"Nov", b"Dec",
];

/// Unix seconds of a log time stamp; `None` when it is not one.
pub(crate) fn parse(stamp: &[u8]) -> Option<i64> {
    // 10/Oct/2000:13:55:36 -0700
    if stamp.len() != 26
        || stamp[2] != b'/'
        || stamp[6] != b'/'
        || stamp[11] != b':'
        || stamp[14] != b':'
        || stamp[17] != b':'
        || stamp[20] != b' '
    {
        return None;
    }
    let num = |range: std::ops::Range<usize>| -> Option<i64> {
        stamp[range].iter().try_fold(0i64, |n, &d| {
            d.is_ascii_digit().then(|| n * 10 + i64::from(d - b'0'))
        })
    };
    let day = num(0..2)?;
    let month = MONTHS.iter().position(|m| &stamp[3..6] == *m)? as i64 + 1;
    let year = num(7..11)?;
    let (hour, minute, second) = (num(12..14)?, num(15..17)?, num(18..20)?);
    let sign = match stamp[21] {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let offset = sign * (num(22..24)? * 3600 + num(24..26)? * 60);
    if !(1..=31).contains(&day) || hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let days = days_from_civil(year, month, day);
    Some(days * 86_400 + hour * 3600 + minute * 60 + second - offset)
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's
/// algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The Paris calendar day of instants, with the last hour remembered.
#[derive(Debug, Default)]
pub(crate) struct ParisDays {
    hour: Option<i64>,
    day: i32,
}

impl ParisDays {
    /// Days since 1970-01-01 of the Paris date at `utc` (Unix seconds).
    pub fn day(&mut self, utc: i64) -> i32 {
        let hour = utc.div_euclid(3600);
        if self.hour != Some(hour) {
            let local = Paris.timestamp_opt(hour * 3600, 0).single();
            self.day = local.map_or(0, |t| {
                let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).expect("valid date");
                (t.date_naive() - epoch).num_days() as i32
            });
            self.hour = Some(hour);
        }
        self.day
    }
}

/// `YYYY-MM-DD` of days since 1970-01-01.
pub fn day_string(days: i32) -> String {
    let date = NaiveDate::from_ymd_opt(1970, 1, 1)
        .expect("valid date")
        .checked_add_signed(chrono::Duration::days(i64::from(days)))
        .unwrap_or(NaiveDate::MIN);
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stamps_become_unix_seconds() {
        assert_eq!(parse(b"10/Oct/2000:13:55:36 -0700"), Some(971_211_336));
        assert_eq!(parse(b"01/Jan/1970:01:00:00 +0100"), Some(0));
        assert_eq!(parse(b"29/Feb/2024:00:00:00 +0000"), Some(1_709_164_800));
        for bad in [
            &b"10/Foo/2000:13:55:36 -0700"[..],
            b"10/Oct/2000:13:55:36",
            b"10/Oct/2000:25:55:36 -0700",
            b"1x/Oct/2000:13:55:36 -0700",
            b"10/Oct/2000:13:55:36 *0700",
            b"",
        ] {
            assert_eq!(parse(bad), None, "{}", String::from_utf8_lossy(bad));
        }
    }

    #[test]
    fn the_paris_day_follows_summer_time() {
        let mut days = ParisDays::default();
        // 2024-03-30 23:30 UTC is 2024-03-31 00:30 in Paris (UTC+1).
        let t = parse(b"30/Mar/2024:23:30:00 +0000").unwrap();
        assert_eq!(day_string(days.day(t)), "2024-03-31");
        // 2024-07-01 22:30 UTC is 2024-07-02 00:30 in Paris (UTC+2).
        let t = parse(b"01/Jul/2024:22:30:00 +0000").unwrap();
        assert_eq!(day_string(days.day(t)), "2024-07-02");
        let t = parse(b"01/Jul/2024:21:59:59 +0000").unwrap();
        assert_eq!(day_string(days.day(t)), "2024-07-01");
    }
}
