//! Reading cell values the way each network writes them: counts with
//! thousands separators, `"1323.0"`, `"-"` for none; numeric ids (and the
//! spreadsheet damage `1.22158E+17`); dates and times in every format the
//! exports use, in the page's time zone when they carry none.

use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeZone};
use chrono_tz::Tz;
use relais_core::Timestamp;

use crate::error::ErrorKind;

fn bad(value: &str, expected: &'static str, expected_en: &'static str) -> ErrorKind {
    ErrorKind::BadValue {
        value: value.chars().take(60).collect(),
        expected,
        expected_en,
    }
}

/// A count or amount. Empty, `-`, `N/A` and `--` are "not reported" (None).
/// Accepts `1,234`, `1 234`, `1323.0`, `12,5` (decimal comma), `4.5%`.
pub fn number(raw: &str) -> Result<Option<f64>, ErrorKind> {
    let t = raw.trim().trim_matches('"').trim();
    if t.is_empty() || matches!(t, "-" | "--" | "N/A" | "n/a" | "NA" | "—") {
        return Ok(None);
    }
    let t = t.trim_end_matches('%').trim();
    let compact: String = t
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\''))
        .collect();
    let normalised = if compact.contains(',') && compact.contains('.') {
        // 1,234.5 (English) or 1.234,5 (French): the last one is the decimal mark.
        if compact.rfind(',') > compact.rfind('.') {
            compact.replace('.', "").replace(',', ".")
        } else {
            compact.replace(',', "")
        }
    } else if let Some(pos) = compact.find(',') {
        // 15,000 (thousands) or 12,5 (decimal comma).
        let decimals = compact.len() - pos - 1;
        if compact.matches(',').count() > 1 || decimals == 3 {
            compact.replace(',', "")
        } else {
            compact.replace(',', ".")
        }
    } else {
        compact
    };
    normalised
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .map(Some)
        .ok_or_else(|| bad(raw, "un nombre", "a number"))
}

/// A non-negative count (a metric value).
pub fn count(raw: &str) -> Result<Option<f64>, ErrorKind> {
    match number(raw)? {
        Some(v) if v < 0.0 => Err(bad(raw, "un nombre positif", "a non-negative number")),
        other => Ok(other),
    }
}

/// A network id as text. Numeric ids written in scientific notation by a
/// spreadsheet are refused (their digits are gone); a trailing `.0` left by a
/// spreadsheet on a whole number is dropped.
pub fn id(raw: &str) -> Result<String, ErrorKind> {
    let t = raw.trim().trim_matches('"').trim();
    if t.is_empty() {
        return Err(ErrorKind::EmptyId);
    }
    let lower = t.to_ascii_lowercase();
    if let Some((mantissa, exp)) = lower.split_once('e')
        && mantissa
            .replace('.', "")
            .chars()
            .all(|c| c.is_ascii_digit())
        && exp
            .trim_start_matches('+')
            .chars()
            .all(|c| c.is_ascii_digit())
        && !mantissa.is_empty()
    {
        return Err(ErrorKind::MangledId {
            value: t.to_string(),
        });
    }
    if let Some(whole) = t.strip_suffix(".0")
        && !whole.is_empty()
        && whole.chars().all(|c| c.is_ascii_digit())
    {
        return Ok(whole.to_string());
    }
    Ok(t.to_string())
}

/// A local wall-clock time in `tz` as an instant (the earlier of two in the
/// autumn overlap, one hour on in the spring gap).
pub fn local(naive: NaiveDateTime, tz: Tz) -> Timestamp {
    let dt = tz
        .from_local_datetime(&naive)
        .earliest()
        .or_else(|| {
            tz.from_local_datetime(&(naive + chrono::Duration::hours(1)))
                .earliest()
        })
        .map(|d| d.with_timezone(&chrono::Utc))
        .unwrap_or_else(|| chrono::Utc.from_utc_datetime(&naive));
    Timestamp::from_utc(dt)
}

/// Meta's `Publish time`: `MM/DD/YYYY HH:MM` (also in French exports), in
/// the page's time zone; seconds and `AM`/`PM` tolerated (legacy Insights:
/// `01/19/2017 09:03:47 AM`); ISO `2025-08-01T10:00:00` accepted too.
pub fn meta_time(raw: &str, tz: Tz) -> Result<Timestamp, ErrorKind> {
    let t = raw.trim();
    for f in [
        "%m/%d/%Y %H:%M",
        "%m/%d/%Y %H:%M:%S",
        "%m/%d/%Y %I:%M:%S %p",
        "%m/%d/%Y %I:%M %p",
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%d %H:%M",
    ] {
        if let Ok(n) = NaiveDateTime::parse_from_str(t, f) {
            return Ok(local(n, tz));
        }
    }
    if let Ok(dt) = DateTime::parse_from_rfc3339(t) {
        return Ok(Timestamp::from_utc(dt.with_timezone(&chrono::Utc)));
    }
    Err(bad(
        raw,
        "une date MM/JJ/AAAA HH:MM",
        "a date MM/DD/YYYY HH:MM",
    ))
}

/// A day: `2025-08-01`, `2025-08-01T00:00:00`, `08/01/2025`, `Sun, Nov 9,
/// 2025`, `Nov 9, 2025`, or an Excel serial day number (LinkedIn).
pub fn day(raw: &str) -> Result<NaiveDate, ErrorKind> {
    let t = raw.trim().trim_matches('"').trim();
    let date_part = t.split(['T', ' ']).next().unwrap_or(t);
    for f in ["%Y-%m-%d", "%m/%d/%Y", "%Y/%m/%d"] {
        if let Ok(d) = NaiveDate::parse_from_str(date_part, f) {
            return Ok(d);
        }
    }
    for f in [
        "%a, %b %d, %Y",
        "%b %d, %Y",
        "%a, %b %e, %Y",
        "%b %e, %Y",
        "%d/%m/%Y",
    ] {
        if let Ok(d) = NaiveDate::parse_from_str(t, f) {
            return Ok(d);
        }
    }
    if let Ok(serial) = t.parse::<f64>()
        && (20_000.0..80_000.0).contains(&serial)
    {
        // Excel's day 0 is 1899-12-30 (it counts a 29 February 1900 that never was).
        let base = NaiveDate::from_ymd_opt(1899, 12, 30).expect("valid date");
        return Ok(base + chrono::Duration::days(serial.floor() as i64));
    }
    Err(bad(raw, "une date", "a date"))
}

/// X's legacy `time`: `2021-02-28 08:42 +0000`.
pub fn x_time(raw: &str) -> Result<Timestamp, ErrorKind> {
    let t = raw.trim();
    for f in ["%Y-%m-%d %H:%M %z", "%Y-%m-%d %H:%M:%S %z"] {
        if let Ok(dt) = DateTime::parse_from_str(t, f) {
            return Ok(Timestamp::from_utc(dt.with_timezone(&chrono::Utc)));
        }
    }
    Err(bad(
        raw,
        "une date AAAA-MM-JJ HH:MM +0000",
        "a date YYYY-MM-DD HH:MM +0000",
    ))
}

/// The instant inside an X (Twitter) snowflake id: `(id >> 22) + 1288834974657` ms.
pub fn snowflake_time(id: &str) -> Option<Timestamp> {
    let n: u64 = id.trim().parse().ok()?;
    let ms = (n >> 22) + 1_288_834_974_657;
    Timestamp::from_unix((ms / 1000) as i64).ok()
}

/// The instant inside a LinkedIn activity or share id (its top 41 bits are
/// milliseconds since 1970).
pub fn linkedin_id_time(urn_or_id: &str) -> Option<Timestamp> {
    let digits: String = urn_or_id
        .rsplit(':')
        .next()?
        .chars()
        .take_while(|c| c.is_ascii_digit())
        .collect();
    let n: u64 = digits.parse().ok()?;
    let ms = n >> 22;
    // Sanity: LinkedIn ids of posts are from 2010 on.
    (ms > 1_262_304_000_000).then(|| Timestamp::from_unix((ms / 1000) as i64).ok())?
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono_tz::Europe::Paris;

    #[test]
    fn numbers_as_the_networks_write_them() {
        for (raw, want) in [
            ("1323.0", Some(1323.0)),
            ("\"15,000\"", Some(15000.0)),
            ("1 234", Some(1234.0)),
            ("12,5", Some(12.5)),
            ("1.234,5", Some(1234.5)),
            ("4.5%", Some(4.5)),
            ("-", None),
            ("", None),
        ] {
            assert_eq!(number(raw).unwrap(), want, "{raw}");
        }
        assert!(number("douze").is_err());
        assert!(count("-3").is_err());
    }

    #[test]
    fn ids_refuse_spreadsheet_damage() {
        assert_eq!(id(" 1221580000000001 ").unwrap(), "1221580000000001");
        assert_eq!(id("123_456").unwrap(), "123_456");
        assert_eq!(id("1323.0").unwrap(), "1323");
        assert!(matches!(
            id("1.22158E+17"),
            Err(ErrorKind::MangledId { .. })
        ));
        assert!(matches!(id(""), Err(ErrorKind::EmptyId)));
    }

    #[test]
    fn meta_times_are_month_first_in_the_page_time_zone() {
        let t = meta_time("08/01/2025 10:30", Paris).unwrap();
        assert_eq!(t.rfc3339(), "2025-08-01T08:30:00Z");
        let legacy = meta_time("01/19/2017 09:03:47 AM", Paris).unwrap();
        assert_eq!(legacy.rfc3339(), "2017-01-19T08:03:47Z");
        assert!(meta_time("19/01/2017 09:03", Paris).is_err());
    }

    #[test]
    fn days_in_every_export_format() {
        let d = NaiveDate::from_ymd_opt(2025, 11, 9).unwrap();
        for raw in [
            "2025-11-09",
            "2025-11-09T00:00:00",
            "11/09/2025",
            "Sun, Nov 9, 2025",
            "45970",
        ] {
            assert_eq!(day(raw).unwrap(), d, "{raw}");
        }
    }

    #[test]
    fn x_times_and_snowflakes() {
        assert_eq!(
            x_time("2021-02-28 08:42 +0000").unwrap().rfc3339(),
            "2021-02-28T08:42:00Z"
        );
        // 1455000000000000000 >> 22 = 346899032592 ms after the Twitter epoch:
        // 2021-11-01T02:33:27Z.
        let t = snowflake_time("1455000000000000000").unwrap();
        assert_eq!(t.rfc3339(), "2021-11-01T02:33:27Z");
        assert!(snowflake_time("abc").is_none());
    }
}
