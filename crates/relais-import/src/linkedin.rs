//! LinkedIn Company Page analytics exports (content, followers, visitors),
//! workbooks already turned into one grid per sheet by `workbook`.
//!
//! This module finds, in each sheet, the header row (a title line sits above
//! it, sometimes two) and hands the sheet to the reader of what it holds:
//! the per-post sheet to `posts`, the daily sheets to `daily`. Sheets it
//! does not read (followers' and visitors' demographic breakdowns) are named
//! in one warning. It does not tell the three exports apart (that is
//! `detect`) and does not open workbooks (that is `workbook`).

mod daily;
mod fields;
#[cfg(test)]
mod fixture_tests;
mod posts;
#[cfg(test)]
mod tests;

use relais_core::Network;

use crate::error::Warning;
use crate::grid::Grid;
use crate::header::{Field, Header, normalise};
use crate::{Ctx, ErrorKind, Format, ImportError, Parsed};

use fields::DailyTable;

/// How far down a sheet the header row is looked for.
const HEADER_SEARCH_ROWS: usize = 10;

/// What a sheet holds.
#[derive(Clone, Copy)]
enum Kind {
    Posts,
    Daily(&'static DailyTable),
}

impl Kind {
    fn fields(self) -> &'static [Field] {
        match self {
            Kind::Posts => fields::POSTS,
            Kind::Daily(t) => t.fields,
        }
    }

    /// The keys whose names mark a row as this sheet's header.
    fn anchors(self) -> &'static [&'static str] {
        match self {
            Kind::Posts => fields::POST_ANCHORS,
            Kind::Daily(_) => &[fields::DATE],
        }
    }
}

/// The sheets an export is expected to hold (normalised names), so that an
/// expected sheet without a header is an error rather than a skipped sheet.
fn expected_sheets(format: Format) -> &'static [&'static str] {
    match format {
        Format::LinkedinContent => &["metrics", "all posts"],
        Format::LinkedinFollowers => &["new followers"],
        Format::LinkedinVisitors => &["visitor metrics"],
        _ => &[],
    }
}

/// Reads a LinkedIn page export of `format`.
pub(crate) fn parse(format: Format, sheets: &[Grid], ctx: &Ctx) -> Result<Parsed, ImportError> {
    let kinds: &[Kind] = match format {
        Format::LinkedinContent => &[Kind::Posts, Kind::Daily(&fields::CONTENT_METRICS)],
        Format::LinkedinFollowers => &[Kind::Daily(&fields::NEW_FOLLOWERS)],
        Format::LinkedinVisitors => &[Kind::Daily(&fields::VISITOR_METRICS)],
        _ => {
            return Err(ImportError::new(
                ctx.file,
                ErrorKind::Other {
                    fr: "ce classeur n'est pas un export LinkedIn".into(),
                    en: "this workbook is not a LinkedIn export".into(),
                },
            ));
        }
    };
    let mut out = Parsed::new(format, Network::Linkedin, ctx.encoding);
    let mut skipped_sheets = Vec::new();
    let mut read = 0;
    for grid in sheets {
        let name = grid.sheet.as_deref().unwrap_or("");
        match locate(grid, kinds) {
            Some((Kind::Posts, start)) => posts::read(grid, start, ctx, &mut out)?,
            Some((Kind::Daily(table), start)) => daily::read(table, grid, start, ctx, &mut out)?,
            None if expected_sheets(format).contains(&normalise(name).as_str()) => {
                return Err(missing_header(ctx, kinds).in_sheet(name));
            }
            None => {
                skipped_sheets.push(name.to_string());
                continue;
            }
        }
        read += 1;
    }
    if read == 0 {
        return Err(missing_header(ctx, kinds));
    }
    if out.rows == 0 {
        return Err(ImportError::new(ctx.file, ErrorKind::NoRows));
    }
    if !skipped_sheets.is_empty() {
        let list = skipped_sheets.join(", ");
        out.warnings.push(Warning::new(
            None,
            format!("feuilles ignorées (répartitions que relais ne lit pas) : {list}"),
            format!("sheets skipped (breakdowns relais does not read): {list}"),
        ));
    }
    set_file_account(&mut out);
    Ok(out)
}

/// The header row of a sheet and what the sheet holds: the first of the top
/// rows naming an anchor column of one of `kinds` (the per-post sheet is
/// tried first: it has no `Date` column but the daily ones do).
fn locate(grid: &Grid, kinds: &[Kind]) -> Option<(Kind, usize)> {
    grid.rows
        .iter()
        .take(HEADER_SEARCH_ROWS)
        .enumerate()
        .find_map(|(i, row)| {
            let cells: Vec<String> = row.cells.iter().map(|c| normalise(c)).collect();
            kinds.iter().copied().find_map(|kind| {
                let anchored = kind
                    .fields()
                    .iter()
                    .filter(|f| kind.anchors().contains(&f.key))
                    .any(|f| f.names.iter().any(|n| cells.contains(&normalise(n))));
                anchored.then_some((kind, i))
            })
        })
}

/// The error for a workbook (or an expected sheet) without a header row.
fn missing_header(ctx: &Ctx, kinds: &[Kind]) -> ImportError {
    let expected = kinds
        .iter()
        .flat_map(|k| {
            let anchors = k.anchors();
            k.fields()
                .iter()
                .filter(move |f| anchors.contains(&f.key))
                .filter_map(|f| f.names.first())
        })
        .map(|n| format!("« {n} »"))
        .collect::<Vec<_>>()
        .join(" / ");
    ImportError::new(ctx.file, ErrorKind::MissingColumn { expected })
}

/// The unknown-columns warning of a sheet, naming the sheet.
fn unknown_columns(header: &Header, sheet: &str) -> Option<Warning> {
    header.unknown_warning().map(|w| Warning {
        fr: format!("feuille « {sheet} », {}", w.fr),
        en: format!("sheet \"{sheet}\", {}", w.en),
        ..w
    })
}

/// The file's account, when every post that names one names the same.
fn set_file_account(out: &mut Parsed) {
    let mut named = out
        .posts
        .iter()
        .map(|p| &p.account)
        .filter(|a| !a.is_empty());
    if let Some(first) = named.next()
        && named.all(|a| a == first)
    {
        out.account = first.clone();
    }
}
