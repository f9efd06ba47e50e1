//! The one error a residence file can give, in French for the landlord's staff and in
//! English for developers.
//!
//! Owns the error type: what is wrong (the kind) and where (file, line, column by name
//! and by position); `messages.rs` words it. It must not decide *whether* something is
//! an error; the readers do that and only fill in the kind and the place.

use super::messages;

/// A residence file was refused. `Display` is French; [`ResidenceFileError::message_en`]
/// says the same in English.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.message_fr())]
pub struct ResidenceFileError {
    /// The file name as given by the caller (only used in messages).
    pub file: String,
    /// 1-based physical line where the problem is, when it is on a line.
    pub line: Option<u64>,
    /// The column's name as written in the file's header.
    pub column: Option<String>,
    /// The column's 1-based position in the header.
    pub column_index: Option<usize>,
    pub kind: ResidenceFileErrorKind,
}

/// What is wrong; the place is in [`ResidenceFileError`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ResidenceFileErrorKind {
    /// The header is neither a relais residences CSV nor an RPLS export.
    UnknownFormat {
        header: String,
    },
    /// An Excel workbook was given instead of its CSV export (a case of unknown format).
    Spreadsheet {
        kind: Spreadsheet,
    },
    /// The bytes are not text in an encoding we read.
    UnknownEncoding {
        problem: EncodingProblem,
    },
    /// A required column is not in the header; `expected` is the header to write.
    MissingColumn {
        name: String,
        expected: &'static str,
    },
    /// The same column twice in the header; `first_index` is 1-based.
    DuplicateColumn {
        name: String,
        first_index: usize,
    },
    BadNumber {
        value: String,
        expected: Expected,
    },
    /// The id was already used on `first_line` (the error's line is the second use).
    DuplicateId {
        id: String,
        first_line: u64,
    },
    EmptyField,
    BadPostcode {
        value: String,
    },
    /// A row does not have as many fields as the header.
    FieldCount {
        expected: usize,
        found: usize,
    },
    /// A quote opened on this line is never closed.
    UnclosedQuote,
    /// Any other CSV reading problem, as the CSV reader words it (English).
    Csv {
        message: String,
    },
    /// Nothing but blanks (or a byte order mark).
    Empty,
    /// A header and no data row.
    NoRows,
    /// The file does not say which agency manages its residences (RPLS) and
    /// none was given.
    NoAgency,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Spreadsheet {
    Xlsx,
    Xls,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EncodingProblem {
    NulBytes,
    ControlByte { byte: u8 },
    BadUtf8AfterBom,
    BadUtf16,
}

/// What kind of number a field should hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    PositiveInteger,
    Year,
    StreetNumber,
}

impl From<ResidenceFileErrorKind> for ResidenceFileError {
    fn from(kind: ResidenceFileErrorKind) -> Self {
        ResidenceFileError {
            file: String::new(),
            line: None,
            column: None,
            column_index: None,
            kind,
        }
    }
}

impl ResidenceFileError {
    pub(crate) fn at_line(mut self, line: u64) -> Self {
        self.line = Some(line);
        self
    }

    /// `index` is 0-based here, as the readers count; it is stored 1-based.
    pub(crate) fn at_column(mut self, name: &str, index: usize) -> Self {
        self.column = Some(name.to_owned());
        self.column_index = Some(index + 1);
        self
    }

    /// The message in French (the same as `Display`).
    pub fn message_fr(&self) -> String {
        messages::message(self, true)
    }

    /// The message in English.
    pub fn message_en(&self) -> String {
        messages::message(self, false)
    }

    /// What is wrong, without the file's name and place.
    pub(crate) fn problem(&self, fr: bool) -> String {
        messages::problem(self, fr)
    }
}

/// The relais header, as messages show it.
pub(crate) const RELAIS: &str =
    "residence_id,name,aliases,street,postcode,city,agency,territory,homes,built_year";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_messages_say_what_where_and_what_to_do_in_both_languages() {
        let mut e: ResidenceFileError = ResidenceFileErrorKind::BadNumber {
            value: "19x8".into(),
            expected: Expected::Year,
        }
        .into();
        e = e.at_line(7).at_column("CONSTRUCT", 21);
        e.file = "rpls.csv".into();
        assert_eq!(
            e.to_string(),
            "rpls.csv, ligne 7, colonne « CONSTRUCT » (n° 22) : « 19x8 » n'est pas une année \
             à 4 chiffres (ex. 1968). Corrigez la valeur."
        );
        assert_eq!(
            e.message_en(),
            "rpls.csv, line 7, column \"CONSTRUCT\" (no. 22): \"19x8\" is not a 4-digit year \
             (e.g. 1968). Correct the value."
        );
    }
}
