//! Reads decoded text as a table: one header, then rows, each with its physical line.
//!
//! Owns what both formats share: guessing the separator from the header line, quoting,
//! CRLF, skipping blank rows, checking each row's field count against the header, and
//! counting lines the way a user sees them in an editor (a quoted field spanning lines
//! counts its lines). It must not know any column name; the format readers give the
//! columns their meaning.

use super::error::{ResidenceFileError, ResidenceFileErrorKind as Kind};

/// A header and a cursor over the rows below it.
pub(crate) struct Table<'t> {
    text: &'t str,
    reader: csv::Reader<&'t [u8]>,
    /// Byte offsets of every `\n`, to turn a record's byte offset into a line.
    newlines: Vec<usize>,
    /// Column names as written, trimmed.
    pub header: Vec<String>,
    pub header_line: u64,
    /// Fields needed to reach the last named column (trailing unnamed columns, as left by
    /// a spreadsheet's trailing separator, may be missing).
    named_len: usize,
}

/// One non-blank data row.
#[derive(Debug)]
pub(crate) struct Row {
    pub line: u64,
    pub fields: Vec<String>,
}

impl Row {
    /// The trimmed field of column `index`, empty when the row stops before it.
    pub fn get(&self, index: usize) -> &str {
        self.fields.get(index).map_or("", String::as_str)
    }
}

impl<'t> Table<'t> {
    /// Reads the header; `Empty` if there is none.
    pub fn open(text: &'t str) -> Result<Table<'t>, ResidenceFileError> {
        let separator = guess_separator(text);
        let reader = csv::ReaderBuilder::new()
            .delimiter(separator)
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes());
        let newlines = text
            .bytes()
            .enumerate()
            .filter(|&(_, b)| b == b'\n')
            .map(|(i, _)| i)
            .collect();
        let mut table = Table {
            text,
            reader,
            newlines,
            header: Vec::new(),
            header_line: 1,
            named_len: 0,
        };
        let Some(header) = table.next_record()? else {
            return Err(Kind::Empty.into());
        };
        table.header_line = header.line;
        table.header = header
            .fields
            .iter()
            .map(|name| name.trim_start_matches('\u{feff}').to_owned())
            .collect();
        table.named_len = table
            .header
            .iter()
            .rposition(|name| !name.is_empty())
            .map_or(0, |i| i + 1);
        Ok(table)
    }

    /// The next non-blank row, its field count checked against the header.
    pub fn next_row(&mut self) -> Result<Option<Row>, ResidenceFileError> {
        let Some(row) = self.next_record()? else {
            return Ok(None);
        };
        let extra_is_blank = row
            .fields
            .iter()
            .skip(self.header.len())
            .all(String::is_empty);
        if row.fields.len() >= self.named_len && extra_is_blank {
            return Ok(Some(row));
        }
        let error: ResidenceFileError = match row.fields.iter().position(|f| f.contains('\n')) {
            Some(i) if self.reader.position().byte() as usize >= self.text.len() => {
                let name = self.header.get(i).map_or("", String::as_str);
                ResidenceFileError::from(Kind::UnclosedQuote).at_column(name, i)
            }
            _ => Kind::FieldCount {
                expected: self.header.len(),
                found: row.fields.len(),
            }
            .into(),
        };
        Err(error.at_line(row.line))
    }

    /// The next record with at least one non-blank field, trimmed.
    fn next_record(&mut self) -> Result<Option<Row>, ResidenceFileError> {
        let mut record = csv::StringRecord::new();
        loop {
            let start = self.reader.position().byte() as usize;
            let more = self.reader.read_record(&mut record).map_err(|e| {
                let line = e.position().map_or(self.line_at(start), |p| p.line());
                ResidenceFileError::from(Kind::Csv {
                    message: e.to_string(),
                })
                .at_line(line)
            })?;
            if !more {
                return Ok(None);
            }
            if record.iter().any(|f| !f.trim().is_empty()) {
                let fields = record.iter().map(|f| f.trim().to_owned()).collect();
                return Ok(Some(Row {
                    line: self.line_at(start),
                    fields,
                }));
            }
        }
    }

    /// The physical line of the first character at or after `byte` that is not a line
    /// break (the reader's position sits before the blank lines it skips).
    fn line_at(&self, byte: usize) -> u64 {
        let rest = &self.text.as_bytes()[byte.min(self.text.len())..];
        let skipped = rest
            .iter()
            .take_while(|&&b| b == b'\r' || b == b'\n')
            .count();
        let at = byte + skipped;
        self.newlines.partition_point(|&nl| nl < at) as u64 + 1
    }
}

impl Table<'_> {
    /// The position of each `wanted` column (`None` when absent), comparing `key(name)`
    /// for each header name; a wanted column written twice is an error.
    pub fn locate(
        &self,
        wanted: &[&str],
        key: fn(&str) -> String,
    ) -> Result<Vec<Option<usize>>, ResidenceFileError> {
        let mut found = vec![None; wanted.len()];
        for (i, name) in self.header.iter().enumerate() {
            let Some(w) = wanted.iter().position(|w| *w == key(name)) else {
                continue;
            };
            if let Some(first) = found[w] {
                let kind = Kind::DuplicateColumn {
                    name: name.clone(),
                    first_index: first + 1,
                };
                return Err(ResidenceFileError::from(kind)
                    .at_line(self.header_line)
                    .at_column(name, i));
            }
            found[w] = Some(i);
        }
        Ok(found)
    }
}

/// The separator used most often, outside quotes, on the first non-blank line;
/// `;` wins ties because French spreadsheets write it (the decimal mark is a comma).
fn guess_separator(text: &str) -> u8 {
    let line = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let mut counts = [(b';', 0usize), (b',', 0), (b'\t', 0)];
    let mut quoted = false;
    for b in line.bytes() {
        if b == b'"' {
            quoted = !quoted;
        } else if !quoted && let Some(c) = counts.iter_mut().find(|(sep, _)| *sep == b) {
            c.1 += 1;
        }
    }
    let max = counts.iter().map(|c| c.1).max().unwrap_or(0);
    counts.iter().find(|c| c.1 == max).map_or(b';', |c| c.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str) -> Result<Vec<(u64, Vec<String>)>, ResidenceFileError> {
        let mut table = Table::open(text)?;
        let mut out = Vec::new();
        while let Some(row) = table.next_row()? {
            out.push((row.line, row.fields));
        }
        Ok(out)
    }

    fn lines(text: &str) -> Vec<u64> {
        rows(text)
            .unwrap()
            .into_iter()
            .map(|(line, _)| line)
            .collect()
    }

    #[test]
    fn table_counts_physical_lines() {
        let cases: &[(&str, &[u64])] = &[
            ("a;b\n1;2\n3;4\n", &[2, 3]),
            ("a;b\r\n1;2\r\n3;4", &[2, 3]),
            ("\n\na;b\n\n1;2\r\n\r\n\r\n3;4\n", &[5, 8]),
            ("a;b\n\"x\ny\nz\";2\n3;4\n", &[2, 5]),
            ("a;b\r\n\"x\r\ny\";2\r\n3;4\r\n", &[2, 4]),
            ("a;b\n;\n ; \n3;4\n", &[4]),
        ];
        for (text, expected) in cases {
            assert_eq!(lines(text), *expected, "{text:?}");
        }
    }

    #[test]
    fn table_guesses_the_separator_from_the_header() {
        let cases = [
            ("a;b,c;d", b';'),
            ("a,b;c,d", b','),
            ("\"x;y\",b,c", b','),
            ("a\tb", b'\t'),
            ("a", b';'),
        ];
        for (header, sep) in cases {
            assert_eq!(guess_separator(header), sep, "{header}");
        }
    }

    #[test]
    fn table_trims_fields_and_tolerates_a_trailing_separator() {
        let got = rows("\u{feff} a ; b ;\n 1 ;\" 2\";\n3;4\n").unwrap();
        assert_eq!(
            got,
            vec![
                (2, vec!["1".into(), "2".into(), "".into()]),
                (3, vec!["3".into(), "4".into()])
            ]
        );
    }

    #[test]
    fn table_rejects_a_row_with_the_wrong_field_count() {
        for (text, line, expected, found) in [
            ("a;b;c\n1;2;3\n4;5\n", 3, 3, 2),
            ("a;b\n1;2\n\n3;4;5\n", 4, 2, 3),
        ] {
            let e = rows(text).unwrap_err();
            assert_eq!(e.kind, Kind::FieldCount { expected, found });
            assert_eq!(
                (e.line, e.column.as_deref()),
                (Some(line), None),
                "{text:?}"
            );
        }
    }

    #[test]
    fn table_names_the_line_and_column_of_an_unclosed_quote() {
        let e = rows("a;b;c\n1;2;3\n4;\"5;6\n7;8;9\n").unwrap_err();
        assert_eq!(e.kind, Kind::UnclosedQuote);
        assert_eq!(
            (e.line, e.column.as_deref(), e.column_index),
            (Some(3), Some("b"), Some(2))
        );
    }

    #[test]
    fn table_says_empty_when_there_is_no_header() {
        for text in ["", "\n\r\n", " ; \n"] {
            assert_eq!(
                Table::open(text).err().map(|e| e.kind),
                Some(Kind::Empty),
                "{text:?}"
            );
        }
    }
}
