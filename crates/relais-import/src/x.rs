//! X (Twitter) analytics exports: the legacy "Tweet activity" files of
//! analytics.twitter.com (per tweet, `tweets`; per day, `daily`) and the
//! 2024+ account analytics files (per post, `content`; per day, `daily`).
//! This module owns their alias tables and how their figures map onto
//! relais's metrics; it does not tell formats apart (`detect` does), nor read
//! bytes or CSV (`decode`, `grid`), nor store anything.
//!
//! Choices that hold for every X file:
//! - **Shares are reposts.** The KPI `S` counts public redistribution:
//!   retweets (legacy) and reposts (2024+) → `shares`. The 2024+ `Shares`
//!   column (a post sent by DM, copied link, share sheet) has no legacy
//!   equivalent; adding it would break the series at the 2023 change, so it
//!   is a known column that is not stored.
//! - **Organic figures only.** The legacy `promoted …` columns are paid
//!   reach; the KPIs measure organic reach, so they are known, not stored,
//!   and a file with promoted figures says so in one warning.
//! - The account is the handle in the permalinks
//!   (`https://twitter.com/<user>/status/<id>`, `https://x.com/…`), kept
//!   when every row agrees.
//! - `Parsed.rows` counts every non-blank row under the header, junk
//!   included; `Parsed.skipped` counts the junk among them (empty id, only
//!   zeros, an `…/status/undefined` link).

mod content;
mod daily;
mod legacy;
mod tweets;

#[cfg(test)]
mod fixtures;

use relais_core::Timestamp;

use crate::grid::{Grid, Row};
use crate::header::{Field, Header, normalise};
use crate::values;
use crate::{Ctx, ErrorKind, Format, ImportError, Parsed};

pub(crate) fn parse(format: Format, grid: &Grid, ctx: &Ctx) -> Result<Parsed, ImportError> {
    match format {
        Format::XTweetActivity => tweets::parse(grid, ctx),
        Format::XContent => content::parse(grid, ctx),
        Format::XDailyActivity | Format::XOverview => daily::parse(format, grid, ctx),
        other => Err(ImportError::new(
            ctx.file,
            ErrorKind::UnknownFormat {
                seen: other.label_en().into(),
            },
        )),
    }
}

/// The header row (the first non-blank one) mapped with `fields`, and the
/// rows below it.
fn header<'g>(
    grid: &'g Grid,
    fields: &[Field],
    ctx: &Ctx,
) -> Result<(Header, &'g [Row]), ImportError> {
    let (i, row) = grid
        .first_row()
        .ok_or_else(|| ImportError::new(ctx.file, ErrorKind::Empty))?;
    Ok((
        Header::map(row, fields),
        grid.rows.get(i + 1..).unwrap_or_default(),
    ))
}

/// Refuses a file whose header lacks a column every file of its format has.
fn require(header: &Header, key: &str, expected: &str, ctx: &Ctx) -> Result<(), ImportError> {
    if header.has(key) {
        return Ok(());
    }
    Err(ImportError::new(
        ctx.file,
        ErrorKind::MissingColumn {
            expected: expected.into(),
        },
    )
    .at_line(header.line))
}

/// An error on one cell, named by its line and its column as written.
fn cell_error(ctx: &Ctx, header: &Header, row: &Row, key: &str, kind: ErrorKind) -> ImportError {
    ImportError::new(ctx.file, kind)
        .at_line(row.line)
        .at_column(&header.name_of(key))
}

/// The reported figures of a row: `(metric, value)` for each column of
/// `table` the file has and the row fills (`-` and empty are "not
/// reported", never 0).
fn figures<M: Copy>(
    header: &Header,
    row: &Row,
    table: &[(&str, M)],
    ctx: &Ctx,
) -> Result<Vec<(M, f64)>, ImportError> {
    let mut out = Vec::new();
    for (key, metric) in table {
        if !header.has(key) {
            continue;
        }
        let value = values::count(header.get(row, key))
            .map_err(|kind| cell_error(ctx, header, row, key, kind))?;
        if let Some(v) = value {
            out.push((*metric, v));
        }
    }
    Ok(out)
}

/// True when no cell of the row outside `ignore` holds anything but zero:
/// the X junk rows (`,,,https://x.com/<u>/status/undefined,0,0,…`).
fn no_data(row: &Row, ignore: &[usize]) -> bool {
    row.cells
        .iter()
        .enumerate()
        .filter(|(i, _)| !ignore.contains(i))
        .all(|(_, c)| {
            let c = c.trim();
            c.is_empty()
                || c.ends_with("/status/undefined")
                || matches!(values::number(c), Ok(None | Some(0.0)))
        })
}

/// The value of a figure column in a row, when it reads as a number.
fn value_of(header: &Header, row: &Row, key: &str) -> f64 {
    values::number(header.get(row, key))
        .ok()
        .flatten()
        .unwrap_or(0.0)
}

/// The user in an X permalink: `https://twitter.com/<user>/status/<id>`,
/// `https://x.com/<user>/status/<id>` (also `www.`, `mobile.`).
fn handle_of(link: &str) -> Option<String> {
    let rest = link
        .trim()
        .split_once("://")
        .map_or(link.trim(), |(_, r)| r);
    let (host, path) = rest.split_once('/')?;
    let host = host.to_ascii_lowercase();
    let host = host
        .trim_start_matches("www.")
        .trim_start_matches("mobile.");
    if host != "twitter.com" && host != "x.com" {
        return None;
    }
    let (user, tail) = path.split_once('/')?;
    let valid = !user.is_empty()
        && user.len() <= 50
        && user.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    (valid && user != "i" && tail.starts_with("status")).then(|| user.to_string())
}

/// The handle every row names (X handles ignore case), if they agree.
fn common_handle<'a>(handles: impl IntoIterator<Item = Option<&'a str>>) -> Option<String> {
    let mut first: Option<&str> = None;
    for h in handles.into_iter().flatten() {
        match first {
            None => first = Some(h),
            Some(f) if f.eq_ignore_ascii_case(h) => {}
            Some(_) => return None,
        }
    }
    first.map(str::to_string)
}

/// The instant inside a snowflake id, for ids that are snowflakes (since
/// November 2010; older tweet ids were a plain sequence and carry no time).
fn snowflake(id: &str) -> Option<Timestamp> {
    let n: u64 = id.trim().parse().ok()?;
    // One day past the snowflake epoch: below that, a sequential id.
    ((n >> 22) >= 86_400_000)
        .then(|| values::snowflake_time(id))
        .flatten()
}

/// The columns of a header whose normalised names are in `names`.
fn columns_named(header: &Header, names: &[&str]) -> Vec<usize> {
    header
        .names
        .iter()
        .enumerate()
        .filter(|(_, n)| {
            let n = normalise(n);
            names.iter().any(|a| normalise(a) == n)
        })
        .map(|(i, _)| i)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn any_rows_under_an_x_header_never_panic(
            head in 0..4usize,
            body in "[0-9a-zE+,\"\n .:/_-]{0,300}",
        ) {
            let heads = [
                "Tweet id,Tweet permalink,time,impressions,promoted likes",
                "Date,Tweets published,likes",
                "Post id,Date,Post text,Post Link,Impressions,Likes",
                "Date,Create Post,New follows",
            ];
            let text = format!("{}\n{body}", heads[head]);
            let _ = crate::parse("x.csv", text.as_bytes(), &crate::Options::default());
        }
    }

    #[test]
    fn handles_come_from_twitter_and_x_permalinks() {
        for (link, want) in [
            (
                "https://twitter.com/HabitatVal/status/1366",
                Some("HabitatVal"),
            ),
            ("https://x.com/habitat_val/status/1987", Some("habitat_val")),
            ("https://mobile.twitter.com/hv/status/1", Some("hv")),
            ("https://x.com/hv/status/undefined", Some("hv")),
            ("https://x.com/i/web/status/1987", None),
            ("https://example.org/hv/status/1", None),
            ("", None),
        ] {
            assert_eq!(handle_of(link).as_deref(), want, "{link}");
        }
    }

    #[test]
    fn a_handle_is_kept_only_when_every_row_agrees() {
        assert_eq!(
            common_handle([Some("HV"), None, Some("hv")]).as_deref(),
            Some("HV")
        );
        assert_eq!(common_handle([Some("hv"), Some("other")]), None);
        assert_eq!(common_handle([None]), None);
    }

    #[test]
    fn only_real_snowflakes_give_a_time() {
        assert_eq!(
            snowflake("1455000000000000000").unwrap().rfc3339(),
            "2021-11-01T02:33:27Z"
        );
        assert!(snowflake("20").is_none());
        assert!(snowflake("12345678901").is_none());
        assert!(snowflake("abc").is_none());
    }

    #[test]
    fn junk_rows_hold_nothing_but_zeros_and_undefined_links() {
        let row = |cells: &[&str]| Row {
            line: 2,
            cells: cells.iter().map(|c| c.to_string()).collect(),
        };
        assert!(no_data(
            &row(&[
                "",
                "",
                "",
                "https://x.com/hv/status/undefined",
                "0",
                "0",
                ""
            ]),
            &[]
        ));
        assert!(!no_data(&row(&["", "", "", "", "0", "3"]), &[]));
        assert!(no_data(&row(&["", "Sun, Nov 9, 2025", "0"]), &[1]));
    }
}
