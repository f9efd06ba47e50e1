//! Periods: what `--period` accepts (a year, a quarter, a month, an ISO week,
//! or a range of months or days), and the buckets a slice by week, month,
//! quarter or year puts an instant in. Days are Europe/Paris days.

use std::fmt;

use chrono::{Datelike, Duration, NaiveDate, TimeZone, Utc};
use chrono_tz::Europe::Paris;

/// A closed range of Paris days, with the label it was asked by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Period {
    pub start: NaiveDate,
    /// Inclusive.
    pub end: NaiveDate,
    label: String,
    /// Unix bounds of the Paris days, `[from, until)`, so that testing an
    /// instant costs two comparisons.
    from: i64,
    until: i64,
}

/// The instant a Paris day starts.
fn paris_midnight(d: NaiveDate) -> i64 {
    let naive = d.and_hms_opt(0, 0, 0).expect("midnight");
    match Paris.from_local_datetime(&naive) {
        chrono::LocalResult::Single(t) | chrono::LocalResult::Ambiguous(t, _) => t.timestamp(),
        // Paris never skips midnight; be safe anyway.
        chrono::LocalResult::None => naive.and_utc().timestamp() - 3600,
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "période « {0} » non comprise / period \"{0}\" not understood: write 2026, 2026-Q2, 2026-03, 2026-W12, 2026-01..2026-06 or 2026-01-15..2026-03-31"
)]
pub struct PeriodError(pub String);

impl Period {
    pub fn new(start: NaiveDate, end: NaiveDate) -> Self {
        let label = if start.day() == 1 && (end + Duration::days(1)).day() == 1 {
            if start.month() == 1 && end.month() == 12 && start.year() == end.year() {
                start.year().to_string()
            } else if start.year() == end.year() && start.month() == end.month() {
                start.format("%Y-%m").to_string()
            } else {
                format!("{}..{}", start.format("%Y-%m"), end.format("%Y-%m"))
            }
        } else {
            format!("{start}..{end}")
        };
        Self::labelled(start, end, label)
    }

    fn labelled(start: NaiveDate, end: NaiveDate, label: String) -> Self {
        let (from, until) = (
            paris_midnight(start),
            paris_midnight(end + Duration::days(1)),
        );
        Self {
            start,
            end,
            label,
            from,
            until,
        }
    }

    pub fn parse(raw: &str) -> Result<Self, PeriodError> {
        let s = raw.trim();
        let err = || PeriodError(raw.to_string());
        if let Some((a, b)) = s.split_once("..") {
            let (start, _) = one(a).ok_or_else(err)?;
            let (_, end) = one(b).ok_or_else(err)?;
            if end < start {
                return Err(err());
            }
            return Ok(Self::labelled(start, end, s.to_string()));
        }
        let (start, end) = one(s).ok_or_else(err)?;
        Ok(Self::labelled(start, end, s.to_string()))
    }

    /// The twelve whole months ending with the month of `last`.
    pub fn twelve_months_to(last: NaiveDate) -> Self {
        let end = month_end(last.year(), last.month());
        let index = last.year() * 12 + last.month0() as i32 - 11;
        let start = first(index.div_euclid(12), index.rem_euclid(12) as u32 + 1);
        Self::new(start, end)
    }

    pub fn contains_day(&self, d: NaiveDate) -> bool {
        self.start <= d && d <= self.end
    }

    pub fn contains(&self, unix: i64) -> bool {
        self.from <= unix && unix < self.until
    }

    pub fn days(&self) -> i64 {
        (self.end - self.start).num_days() + 1
    }

    pub fn label(&self) -> &str {
        &self.label
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.label)
    }
}

fn first(y: i32, m: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, 1).expect("valid month")
}

fn month_after(d: NaiveDate) -> NaiveDate {
    if d.month() == 12 {
        first(d.year() + 1, 1)
    } else {
        first(d.year(), d.month() + 1)
    }
}

fn month_end(y: i32, m: u32) -> NaiveDate {
    month_after(first(y, m)) - Duration::days(1)
}

/// One period word: its first and last day.
fn one(s: &str) -> Option<(NaiveDate, NaiveDate)> {
    let s = s.trim();
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return Some((d, d));
    }
    let (y, rest) = s.split_at_checked(4)?;
    let y: i32 = y.parse().ok()?;
    if !(1990..=2200).contains(&y) {
        return None;
    }
    match rest.strip_prefix('-') {
        None if rest.is_empty() => Some((first(y, 1), month_end(y, 12))),
        Some(q) if q.starts_with(['Q', 'q', 'T', 't']) => {
            let q: u32 = q[1..].parse().ok().filter(|q| (1..=4).contains(q))?;
            Some((first(y, 3 * q - 2), month_end(y, 3 * q)))
        }
        Some(w) if w.starts_with(['W', 'w', 'S', 's']) => {
            let w: u32 = w[1..].parse().ok()?;
            let monday = NaiveDate::from_isoywd_opt(y, w, chrono::Weekday::Mon)?;
            Some((monday, monday + Duration::days(6)))
        }
        Some(m) => {
            let m: u32 = m.parse().ok().filter(|m| (1..=12).contains(m))?;
            Some((first(y, m), month_end(y, m)))
        }
        None => None,
    }
}

/// The Paris day of a Unix instant.
pub fn paris_day(unix: i64) -> NaiveDate {
    Utc.timestamp_opt(unix, 0)
        .single()
        .expect("instant in range")
        .with_timezone(&Paris)
        .date_naive()
}

/// How a period slice buckets time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Grain {
    Week,
    Month,
    Quarter,
    Year,
}

impl Grain {
    /// The bucket label of a day: `2026-W05`, `2026-03`, `2026-Q1`, `2026`.
    pub fn bucket(self, d: NaiveDate) -> String {
        match self {
            Grain::Week => {
                let w = d.iso_week();
                format!("{}-W{:02}", w.year(), w.week())
            }
            Grain::Month => d.format("%Y-%m").to_string(),
            Grain::Quarter => format!("{}-Q{}", d.year(), (d.month() - 1) / 3 + 1),
            Grain::Year => d.year().to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn every_period_word_is_understood() {
        let p = Period::parse("2026").unwrap();
        assert_eq!((p.start, p.end), (d(2026, 1, 1), d(2026, 12, 31)));
        let p = Period::parse("2026-Q2").unwrap();
        assert_eq!((p.start, p.end), (d(2026, 4, 1), d(2026, 6, 30)));
        let p = Period::parse("2024-02").unwrap();
        assert_eq!(p.end, d(2024, 2, 29));
        let p = Period::parse("2026-W01").unwrap();
        assert_eq!((p.start, p.end), (d(2025, 12, 29), d(2026, 1, 4)));
        let p = Period::parse("2026-01..2026-06").unwrap();
        assert_eq!(
            (p.start, p.end, p.label()),
            (d(2026, 1, 1), d(2026, 6, 30), "2026-01..2026-06")
        );
        let p = Period::parse("2026-01-15..2026-03-31").unwrap();
        assert_eq!(p.days(), 76);
    }

    #[test]
    fn instants_are_in_the_period_by_their_paris_day() {
        let p = Period::parse("2026-03").unwrap();
        // 28 Feb 23:30 UTC is 1 March 00:30 in Paris; 31 March 22:30 UTC is 1 April 00:30.
        assert!(
            p.contains(
                Utc.with_ymd_and_hms(2026, 2, 28, 23, 30, 0)
                    .unwrap()
                    .timestamp()
            )
        );
        assert!(
            !p.contains(
                Utc.with_ymd_and_hms(2026, 3, 31, 22, 30, 0)
                    .unwrap()
                    .timestamp()
            )
        );
        assert!(
            p.contains(
                Utc.with_ymd_and_hms(2026, 3, 31, 21, 30, 0)
                    .unwrap()
                    .timestamp()
            )
        );
    }

    #[test]
    fn nonsense_periods_are_refused() {
        for bad in [
            "",
            "26",
            "2026-13",
            "2026-Q5",
            "2026-06..2026-01",
            "janvier",
        ] {
            assert!(Period::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn twelve_months_end_with_the_given_month() {
        let p = Period::twelve_months_to(d(2026, 10, 17));
        assert_eq!(
            (p.start, p.end, p.label()),
            (d(2025, 11, 1), d(2026, 10, 31), "2025-11..2026-10")
        );
        let p = Period::twelve_months_to(d(2026, 12, 3));
        assert_eq!(p.label(), "2026");
    }

    #[test]
    fn buckets_follow_iso_weeks_and_quarters() {
        assert_eq!(Grain::Week.bucket(d(2026, 1, 1)), "2026-W01");
        assert_eq!(Grain::Week.bucket(d(2027, 1, 1)), "2026-W53");
        assert_eq!(Grain::Quarter.bucket(d(2026, 8, 1)), "2026-Q3");
    }
}
