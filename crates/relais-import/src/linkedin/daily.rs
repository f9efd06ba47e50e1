//! The daily sheets (content › `Metrics`, followers › `New followers`,
//! visitors › `Visitor metrics`): one row per day, each stored column a
//! [`DailyRecord`]. Which columns are stored is the sheet's [`DailyTable`];
//! this module only reads rows below a header the parent module found.

use super::fields::{DATE, DailyTable};
use super::unknown_columns;
use crate::grid::Grid;
use crate::header::Header;
use crate::values;
use crate::{Ctx, DailyRecord, ErrorKind, ImportError, Parsed};

/// Reads the daily sheet whose header is `grid.rows[start]`.
pub(super) fn read(
    table: &DailyTable,
    grid: &Grid,
    start: usize,
    ctx: &Ctx,
    out: &mut Parsed,
) -> Result<(), ImportError> {
    let sheet = grid.sheet.as_deref().unwrap_or("");
    let Some(header_row) = grid.rows.get(start) else {
        return Ok(());
    };
    let header = Header::map(header_row, table.fields);
    out.warnings.extend(unknown_columns(&header, sheet));
    // Each metric from the first of its candidate columns the sheet has.
    let columns: Vec<_> = table
        .stored
        .iter()
        .filter_map(|(metric, keys)| keys.iter().find(|k| header.has(k)).map(|k| (*metric, *k)))
        .collect();
    for row in grid.rows.iter().skip(start + 1).filter(|r| !r.is_blank()) {
        out.rows += 1;
        let fail = |key: &str, kind: ErrorKind| {
            ImportError::new(ctx.file, kind)
                .in_sheet(sheet)
                .at_line(row.line)
                .at_column(&header.name_of(key))
        };
        let mut figures = Vec::new();
        for (metric, key) in &columns {
            if let Some(value) = values::count(header.get(row, key)).map_err(|k| fail(key, k))? {
                figures.push((*metric, value));
            }
        }
        let raw_day = header.get(row, DATE);
        if raw_day.is_empty() && figures.iter().all(|(_, v)| *v == 0.0) {
            out.skipped += 1;
            continue;
        }
        let day = values::day(raw_day).map_err(|k| fail(DATE, k))?;
        out.daily
            .extend(figures.into_iter().map(|(metric, value)| DailyRecord {
                line: row.line,
                day,
                metric,
                value,
            }));
    }
    Ok(())
}
