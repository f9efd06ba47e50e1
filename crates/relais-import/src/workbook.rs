//! Workbooks (.xls, .xlsx) as grids, one per sheet, rows numbered as the
//! spreadsheet shows them. Dates become `YYYY-MM-DD`, whole numbers lose
//! their `.0`.

use std::io::Cursor;

use calamine::{Data, Reader, open_workbook_auto_from_rs};

use crate::error::{ErrorKind, ImportError};
use crate::grid::{Grid, Row};

fn cell_text(d: &Data) -> String {
    match d {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(dt) => {
            let serial = dt.as_f64();
            let base = chrono::NaiveDate::from_ymd_opt(1899, 12, 30).expect("valid date");
            let day = base + chrono::Duration::days(serial.floor() as i64);
            day.format("%Y-%m-%d").to_string()
        }
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => format!("#{e:?}"),
    }
}

/// Every sheet of a workbook. A damaged workbook can make the reader crate
/// panic (a truncated .xls trips an assertion in calamine 0.38): that is
/// caught here and reported as a damaged file.
pub fn sheets(file: &str, bytes: &[u8]) -> Result<Vec<Grid>, ImportError> {
    // Silence the default "thread panicked" message for this call only: the
    // user gets a sentence about their file instead.
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let result = std::panic::catch_unwind(|| read_sheets(file, bytes));
    std::panic::set_hook(previous);
    result.unwrap_or_else(|_| {
        Err(ImportError::new(
            file,
            ErrorKind::Spreadsheet {
                detail: "classeur endommagé ou tronqué (damaged or truncated workbook)".into(),
            },
        ))
    })
}

fn read_sheets(file: &str, bytes: &[u8]) -> Result<Vec<Grid>, ImportError> {
    let mut wb = open_workbook_auto_from_rs(Cursor::new(bytes.to_vec())).map_err(|e| {
        ImportError::new(
            file,
            ErrorKind::Spreadsheet {
                detail: e.to_string(),
            },
        )
    })?;
    let names = wb.sheet_names().to_vec();
    let mut out = Vec::new();
    for name in names {
        let range = wb.worksheet_range(&name).map_err(|e| {
            ImportError::new(
                file,
                ErrorKind::Spreadsheet {
                    detail: e.to_string(),
                },
            )
            .in_sheet(&name)
        })?;
        let (first_row, _) = range.start().unwrap_or((0, 0));
        let rows = range
            .rows()
            .enumerate()
            .map(|(i, r)| Row {
                line: u64::from(first_row) + i as u64 + 1,
                cells: r.iter().map(cell_text).collect(),
            })
            .collect();
        out.push(Grid {
            sheet: Some(name),
            rows,
            sep_line: false,
        });
    }
    Ok(out)
}
