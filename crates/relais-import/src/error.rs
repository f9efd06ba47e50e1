//! The one error an export file can give: what is wrong, where (file, line,
//! column), what to do. `Display` is French; [`ImportError::message_en`] is
//! the same in English.

use std::fmt;

/// A refused file. Nothing of it is imported.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub struct ImportError {
    /// The file's name as the user gave it.
    pub file: String,
    /// 1-based physical line (or spreadsheet row), when the problem is on one.
    pub line: Option<u64>,
    /// The column's name as written in the file.
    pub column: Option<String>,
    /// The sheet, for spreadsheets.
    pub sheet: Option<String>,
    pub kind: ErrorKind,
}

/// What is wrong.
#[derive(Debug, Clone, PartialEq)]
pub enum ErrorKind {
    /// Not a format relais knows; `seen` is what the header looked like.
    UnknownFormat { seen: String },
    /// Bytes that are not text in an encoding relais reads.
    Encoding { detail: String },
    /// A column every file of this format has is missing.
    MissingColumn { expected: String },
    /// A value that does not read as what the column holds.
    BadValue {
        value: String,
        expected: &'static str,
        expected_en: &'static str,
    },
    /// A numeric id written in scientific notation by a spreadsheet
    /// (`1.22158E+17`): the digits are lost.
    MangledId { value: String },
    /// An id that is empty where the row has data.
    EmptyId,
    /// The CSV structure itself is broken (unclosed quote…).
    Csv { detail: String },
    /// A spreadsheet that cannot be opened.
    Spreadsheet { detail: String },
    /// The file has a header and nothing below it.
    NoRows,
    /// The file is empty.
    Empty,
    /// Another problem, worded in both languages.
    Other { fr: String, en: String },
}

impl ImportError {
    /// An error of `kind` in `file`, to be placed with the `at_*` methods.
    pub fn new(file: &str, kind: ErrorKind) -> Self {
        Self {
            file: file.to_string(),
            line: None,
            column: None,
            sheet: None,
            kind,
        }
    }

    pub fn at_line(mut self, line: u64) -> Self {
        self.line = Some(line);
        self
    }

    pub fn at_column(mut self, column: &str) -> Self {
        self.column = Some(column.to_string());
        self
    }

    pub fn in_sheet(mut self, sheet: &str) -> Self {
        self.sheet = Some(sheet.to_string());
        self
    }

    /// The French message (the same as `Display`).
    pub fn message_fr(&self) -> String {
        self.message(true)
    }

    /// The English message.
    pub fn message_en(&self) -> String {
        self.message(false)
    }

    fn message(&self, fr: bool) -> String {
        let mut place = self.file.clone();
        if let Some(sheet) = &self.sheet {
            place.push_str(&if fr {
                format!(", feuille « {sheet} »")
            } else {
                format!(", sheet \"{sheet}\"")
            });
        }
        if let Some(line) = self.line {
            place.push_str(&if fr {
                format!(", ligne {line}")
            } else {
                format!(", line {line}")
            });
        }
        if let Some(col) = &self.column {
            place.push_str(&if fr {
                format!(", colonne « {col} »")
            } else {
                format!(", column \"{col}\"")
            });
        }
        let what = match (&self.kind, fr) {
            (ErrorKind::UnknownFormat { seen }, true) => format!(
                "format non reconnu (en-tête : {seen}). relais lit les exports Meta Business Suite \
                 (Facebook, Instagram), LinkedIn (.xls, .xlsx), X, et le format de commentaires \
                 décrit dans docs/formats.md"
            ),
            (ErrorKind::UnknownFormat { seen }, false) => format!(
                "unknown format (header: {seen}). relais reads Meta Business Suite (Facebook, \
                 Instagram), LinkedIn (.xls, .xlsx) and X exports, and the comments format of \
                 docs/formats.md"
            ),
            (ErrorKind::Encoding { detail }, true) => format!(
                "ce n'est pas un fichier texte lisible ({detail}). Réexportez le fichier depuis le \
                 réseau, sans l'ouvrir dans un tableur"
            ),
            (ErrorKind::Encoding { detail }, false) => format!(
                "not a readable text file ({detail}). Export the file again from the network, \
                 without opening it in a spreadsheet"
            ),
            (ErrorKind::MissingColumn { expected }, true) => format!(
                "il manque la colonne {expected}. Exportez le fichier complet depuis le réseau"
            ),
            (ErrorKind::MissingColumn { expected }, false) => format!(
                "the column {expected} is missing. Export the complete file from the network"
            ),
            (
                ErrorKind::BadValue {
                    value, expected, ..
                },
                true,
            ) => {
                format!("« {value} » n'est pas {expected}")
            }
            (
                ErrorKind::BadValue {
                    value, expected_en, ..
                },
                false,
            ) => {
                format!("`{value}` is not {expected_en}")
            }
            (ErrorKind::MangledId { value }, true) => format!(
                "l'identifiant « {value} » a été abîmé par un tableur (écriture scientifique : \
                 les derniers chiffres sont perdus). Téléchargez à nouveau l'export et importez-le \
                 tel quel, sans l'ouvrir ni l'enregistrer dans Excel ou LibreOffice (ou importez \
                 la colonne en texte)"
            ),
            (ErrorKind::MangledId { value }, false) => format!(
                "the id `{value}` was damaged by a spreadsheet (scientific notation: its last \
                 digits are lost). Download the export again and import it as it is, without \
                 opening or saving it in Excel or LibreOffice (or import the column as text)"
            ),
            (ErrorKind::EmptyId, true) => {
                "l'identifiant est vide alors que la ligne a des données".into()
            }
            (ErrorKind::EmptyId, false) => "the id is empty but the row has data".into(),
            (ErrorKind::Csv { detail }, true) => format!("CSV mal formé : {detail}"),
            (ErrorKind::Csv { detail }, false) => format!("malformed CSV: {detail}"),
            (ErrorKind::Spreadsheet { detail }, true) => {
                format!("classeur illisible : {detail}. Téléchargez-le à nouveau depuis LinkedIn")
            }
            (ErrorKind::Spreadsheet { detail }, false) => {
                format!("unreadable workbook: {detail}. Download it again from LinkedIn")
            }
            (ErrorKind::NoRows, true) => "le fichier n'a pas de ligne de données".into(),
            (ErrorKind::NoRows, false) => "the file has no data row".into(),
            (ErrorKind::Empty, true) => "le fichier est vide".into(),
            (ErrorKind::Empty, false) => "the file is empty".into(),
            (ErrorKind::Other { fr: m, .. }, true) => m.clone(),
            (ErrorKind::Other { en: m, .. }, false) => m.clone(),
        };
        format!("{place}{}{what}.", if fr { " : " } else { ": " })
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message_fr())
    }
}

/// A problem that does not stop the import: said, then carried on.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Warning {
    pub line: Option<u64>,
    pub fr: String,
    pub en: String,
}

impl Warning {
    pub fn new(line: Option<u64>, fr: impl Into<String>, en: impl Into<String>) -> Self {
        Self {
            line,
            fr: fr.into(),
            en: en.into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_names_file_line_and_column_in_both_languages() {
        let e = ImportError::new(
            "posts.csv",
            ErrorKind::MangledId {
                value: "1.22158E+17".into(),
            },
        )
        .at_line(4)
        .at_column("Post ID");
        let fr = e.message_fr();
        assert!(
            fr.starts_with("posts.csv, ligne 4, colonne « Post ID » : "),
            "{fr}"
        );
        assert!(fr.contains("tableur"));
        let en = e.message_en();
        assert!(
            en.starts_with("posts.csv, line 4, column \"Post ID\": "),
            "{en}"
        );
    }
}
