//! A file as rows of text cells, each row with the line (or spreadsheet row)
//! a person sees it on. CSV text becomes a grid here: separator detection
//! (`sep=` preamble, or the most frequent of `,` `;` tab in the first line),
//! quoting, multi-line fields, CRLF. Workbooks become grids in `workbook`.

use crate::error::{ErrorKind, ImportError};

/// One row of cells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// 1-based physical line where the row starts (spreadsheet: row number).
    pub line: u64,
    pub cells: Vec<String>,
}

impl Row {
    /// The cell at `index`, trimmed; empty when the row is shorter.
    pub fn cell(&self, index: usize) -> &str {
        self.cells.get(index).map_or("", |c| c.trim())
    }

    /// True when every cell is blank.
    pub fn is_blank(&self) -> bool {
        self.cells.iter().all(|c| c.trim().is_empty())
    }
}

/// Rows of one CSV file or one sheet.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Grid {
    /// The sheet's name, for workbooks.
    pub sheet: Option<String>,
    pub rows: Vec<Row>,
    /// The separator given by a `sep=` line, when there was one.
    pub sep_line: bool,
}

impl Grid {
    /// The first row that is not blank, with its index.
    pub fn first_row(&self) -> Option<(usize, &Row)> {
        self.rows.iter().enumerate().find(|(_, r)| !r.is_blank())
    }
}

/// The separator of a CSV text: a `sep=` first line wins, then the most
/// frequent candidate outside quotes in the first non-blank line.
fn separator(first_line: &str) -> u8 {
    let mut counts = [(b',', 0usize), (b';', 0), (b'\t', 0)];
    let mut quoted = false;
    for b in first_line.bytes() {
        if b == b'"' {
            quoted = !quoted;
        } else if !quoted {
            for (c, n) in counts.iter_mut() {
                if *c == b {
                    *n += 1;
                }
            }
        }
    }
    counts
        .iter()
        .max_by_key(|(_, n)| *n)
        .filter(|(_, n)| *n > 0)
        .map_or(b',', |(c, _)| *c)
}

/// Reads a CSV text (already decoded) into a grid.
pub fn from_csv(file: &str, text: &str) -> Result<Grid, ImportError> {
    let mut body = text;
    let mut offset = 0u64;
    let mut sep = None;
    let mut sep_line = false;
    if let Some(first) = text.lines().next() {
        let f = first.trim().trim_matches('"');
        if let Some(rest) = f.strip_prefix("sep=") {
            sep = rest.bytes().next();
            sep_line = true;
            body = &text[first.len()..];
            body = body
                .strip_prefix("\r\n")
                .or_else(|| body.strip_prefix('\n'))
                .unwrap_or(body);
            offset = 1;
        }
    }
    let first_content = body.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let sep = sep.unwrap_or_else(|| separator(first_content));
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(sep)
        .from_reader(body.as_bytes());
    // Lines from byte offsets: the csv crate's own line count is off by one
    // after a CRLF.
    let newlines: Vec<usize> = body
        .bytes()
        .enumerate()
        .filter(|(_, b)| *b == b'\n')
        .map(|(i, _)| i)
        .collect();
    let line_at = |byte: u64| newlines.partition_point(|n| (*n as u64) <= byte) as u64 + 1 + offset;
    let mut rows = Vec::new();
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                // The csv crate places a record after a blank line at that
                // blank line: skip line breaks to where the record starts.
                let line = record.position().map_or(0, |p| {
                    let mut b = p.byte() as usize;
                    while matches!(body.as_bytes().get(b), Some(b'\r' | b'\n')) {
                        b += 1;
                    }
                    line_at(b as u64)
                });
                rows.push(Row {
                    line,
                    cells: record.iter().map(str::to_string).collect(),
                });
            }
            Err(e) => {
                let line = e.position().map(|p| line_at(p.byte()));
                let detail = match e.kind() {
                    csv::ErrorKind::Utf8 { .. } => "texte mal encodé".to_string(),
                    _ => e.to_string(),
                };
                let mut err = ImportError::new(file, ErrorKind::Csv { detail });
                err.line = line;
                return Err(err);
            }
        }
    }
    // A quote left open swallows the rest of the file into one field: the
    // csv crate accepts that, a person would not. Quotes come in pairs (an
    // escaped one is doubled), so an odd count means one was never closed.
    if body.bytes().filter(|b| *b == b'"').count() % 2 == 1 {
        let line = rows.last().map_or(1, |r| r.line);
        return Err(ImportError::new(
            file,
            ErrorKind::Csv {
                detail: "guillemet ouvert jamais refermé (a quote is never closed)".into(),
            },
        )
        .at_line(line));
    }
    Ok(Grid {
        sheet: None,
        rows,
        sep_line,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_count_multi_line_fields_and_the_sep_preamble() {
        let g = from_csv("f", "sep=,\n\"Date\",\"Primary\"\n\"a\nb\",1\nc,2\n").unwrap();
        assert!(g.sep_line);
        let lines: Vec<u64> = g.rows.iter().map(|r| r.line).collect();
        assert_eq!(lines, vec![2, 3, 5]);
        assert_eq!(g.rows[1].cells, vec!["a\nb", "1"]);
    }

    #[test]
    fn the_separator_is_guessed_outside_quotes() {
        let g = from_csv("f", "\"a,b\";c;d\n1;2;3\n").unwrap();
        assert_eq!(g.rows[0].cells, vec!["a,b", "c", "d"]);
        let t = from_csv("f", "a\tb\n1\t2\n").unwrap();
        assert_eq!(t.rows[1].cells, vec!["1", "2"]);
    }

    #[test]
    fn an_unclosed_quote_names_the_line_where_its_row_starts() {
        let e = from_csv("f", "a,b\n1,2\n\"3,4\n5,6\n").unwrap_err();
        assert_eq!(e.line, Some(3));
    }

    #[test]
    fn crlf_and_short_rows_are_fine() {
        let g = from_csv("f", "a,b,c\r\n1,2\r\n").unwrap();
        assert_eq!(g.rows[1].cell(2), "");
        assert_eq!(g.rows[1].line, 2);
    }
}
