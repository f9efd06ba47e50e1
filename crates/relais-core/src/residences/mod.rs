//! The landlord's residence files: a relais residences CSV, or an RPLS export (one row
//! per dwelling) grouped into residences by address.
//!
//! Owns the public API ([`parse`]), the one place the format is detected (from the
//! header, never from the file name) and the types both formats produce. It takes bytes
//! and returns values: it must not touch the file system, a database or the clock, and
//! any problem rejects the whole file with an error saying what, where and what to do.

mod address;
mod csv_format;
mod csv_row;
pub(crate) mod decode;
mod error;
mod grouping;
mod messages;
mod plan;
mod rpls;
mod rpls_dwelling;
mod table;
#[cfg(test)]
mod testdata_tests;

use serde::Serialize;

pub use error::{
    EncodingProblem, Expected, ResidenceFileError, ResidenceFileErrorKind, Spreadsheet,
};
pub use plan::{Placement, to_domain};

/// The two kinds of residence file relais reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ResidenceFileFormat {
    /// relais's own CSV: one row per residence, with agency and territory.
    RelaisCsv,
    /// The national register's export: one row per dwelling, no agency.
    Rpls,
}

/// A residence file, read and checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ParsedResidences {
    pub format: ResidenceFileFormat,
    /// The encoding the bytes were read in: "UTF-8", "windows-1252", "UTF-16LE"…
    pub encoding: &'static str,
    /// In file order (the line each residence is first seen on).
    pub residences: Vec<ResidenceRow>,
    /// For RPLS, what was grouped into each residence.
    pub grouping: Option<RplsGrouping>,
    /// Things accepted but worth telling the user, in French (e.g. ignored columns).
    pub warnings: Vec<String>,
}

/// One residence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ResidenceRow {
    /// 1-based physical line where the residence starts (its first dwelling for RPLS).
    pub line: u64,
    /// Stable id: as written in a relais CSV; `rpls-<commune>-<hash of the address>`.
    pub residence_id: String,
    pub name: String,
    pub aliases: Vec<String>,
    /// E.g. "12 rue des Lilas".
    pub street: String,
    /// 5 digits, as text ("01000").
    pub postcode: String,
    pub city: String,
    /// `None` for RPLS, which has no agency.
    pub agency: Option<String>,
    /// `None` for RPLS.
    pub territory: Option<String>,
    /// Number of homes, at least 1.
    pub homes: u32,
    pub built_year: Option<i32>,
}

/// How an RPLS file's dwellings were grouped into residences.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RplsGrouping {
    pub dwellings: u64,
    pub residences: u64,
    /// One per residence, in the same order as [`ParsedResidences::residences`].
    pub groups: Vec<RplsGroup>,
}

/// The dwellings grouped into one residence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RplsGroup {
    pub residence_id: String,
    /// "12 rue des Lilas, 69003 Lyon".
    pub address: String,
    pub dwellings: u64,
    /// The physical line of each dwelling, in file order.
    pub lines: Vec<u64>,
    /// Distinct IDENT_INT values (IDENT_REP when there is no IDENT_INT column), in file
    /// order; empty when the file has neither.
    pub program_ids: Vec<String>,
}

/// Reads a residence file. `file_name` only appears in error messages: the format is
/// told from the header.
pub fn parse(bytes: &[u8], file_name: &str) -> Result<ParsedResidences, ResidenceFileError> {
    parse_inner(bytes).map_err(|mut e| {
        e.file = file_name.to_owned();
        e
    })
}

fn parse_inner(bytes: &[u8]) -> Result<ParsedResidences, ResidenceFileError> {
    let (text, encoding) = decode::decode(bytes)?;
    let table = table::Table::open(&text)?;
    let Some(format) = detect(&table.header) else {
        let header = table.header.join(";");
        let header = header.chars().take(120).collect();
        return Err(
            ResidenceFileError::from(ResidenceFileErrorKind::UnknownFormat { header })
                .at_line(table.header_line),
        );
    };
    let (residences, grouping, warnings) = match format {
        ResidenceFileFormat::RelaisCsv => {
            let (residences, warnings) = csv_format::read(table)?;
            (residences, None, warnings)
        }
        ResidenceFileFormat::Rpls => {
            let (residences, grouping, warnings) = rpls::read(table)?;
            (residences, Some(grouping), warnings)
        }
    };
    Ok(ParsedResidences {
        format,
        encoding,
        residences,
        grouping,
        warnings,
    })
}

/// The format whose columns the header holds more of; a few are needed to be sure.
fn detect(header: &[String]) -> Option<ResidenceFileFormat> {
    let relais = csv_format::known_columns(header);
    let rpls = rpls::known_columns(header);
    if relais >= 3 && relais > rpls {
        Some(ResidenceFileFormat::RelaisCsv)
    } else if rpls >= 2 && rpls > relais {
        Some(ResidenceFileFormat::Rpls)
    } else {
        None
    }
}

/// A 4-digit year between 1000 and 2100.
fn parse_year(value: &str) -> Option<i32> {
    let ok = value.len() == 4 && value.bytes().all(|b| b.is_ascii_digit());
    value
        .parse()
        .ok()
        .filter(|y| ok && (1000..=2100).contains(y))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detect_reads_the_header_and_not_the_file_name() {
        let relais = "residence_id,name,aliases,street,postcode,city,agency,territory,homes,built_year\n\
                      r1,Les Lilas,,1 rue A,01000,Bourg,Nord,Ain,3,\n";
        let rpls = "NUMVOIE;TYPVOIE;NOMVOIE;CODEPOSTAL;LIBCOM\n1;RUE;A;01000;BOURG\n";
        for (text, name, format) in [
            (relais, "rpls_2024.csv", ResidenceFileFormat::RelaisCsv),
            (rpls, "residences.csv", ResidenceFileFormat::Rpls),
        ] {
            assert_eq!(
                parse(text.as_bytes(), name).unwrap().format,
                format,
                "{text}"
            );
        }
    }

    #[test]
    fn parse_rejects_a_header_of_another_kind_of_file() {
        let e = parse(b"\n\ndate;montant;libelle\n2024-01-01;12;x\n", "banque.csv").unwrap_err();
        assert_eq!(
            e.kind,
            ResidenceFileErrorKind::UnknownFormat {
                header: "date;montant;libelle".into()
            }
        );
        assert_eq!(
            (e.file.as_str(), e.line, e.column.as_deref()),
            ("banque.csv", Some(3), None)
        );
        assert!(
            e.to_string()
                .starts_with("banque.csv, ligne 3 : format non reconnu"),
            "{e}"
        );
    }

    #[test]
    fn parse_names_the_file_in_every_error() {
        let e = parse(b"", "vide.csv").unwrap_err();
        assert_eq!(
            (e.kind, e.line, e.column),
            (ResidenceFileErrorKind::Empty, None, None)
        );
        assert_eq!(e.file, "vide.csv");
    }
}
