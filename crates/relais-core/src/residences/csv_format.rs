//! relais's own residences CSV: one row per residence, written by the landlord's staff.
//!
//! Owns the meaning of its ten columns and the rules on their values (ids unique and
//! non-empty, 5-digit postcodes, a positive number of homes, aliases split on `|`). It
//! must not guess: any bad value rejects the whole file with its line and column, so a
//! half-imported referential never reaches the database.

use std::collections::HashMap;

use super::ResidenceRow;
use super::csv_row::Cells;
use super::error::{RELAIS, ResidenceFileError, ResidenceFileErrorKind as Kind};
use super::table::Table;

const COLUMNS: [&str; 10] = [
    "residence_id",
    "name",
    "aliases",
    "street",
    "postcode",
    "city",
    "agency",
    "territory",
    "homes",
    "built_year",
];
// Positions in `COLUMNS`.
pub(super) const ID: usize = 0;
pub(super) const NAME: usize = 1;
pub(super) const ALIASES: usize = 2;
pub(super) const STREET: usize = 3;
pub(super) const POSTCODE: usize = 4;
pub(super) const CITY: usize = 5;
pub(super) const AGENCY: usize = 6;
pub(super) const TERRITORY: usize = 7;
pub(super) const HOMES: usize = 8;
pub(super) const BUILT_YEAR: usize = 9;

fn key(name: &str) -> String {
    name.trim().to_lowercase()
}

/// How many relais columns the header holds (for format detection).
pub(crate) fn known_columns(header: &[String]) -> usize {
    header
        .iter()
        .filter(|name| COLUMNS.contains(&key(name).as_str()))
        .count()
}

/// The residences, and warnings about ignored columns.
pub(crate) fn read(
    mut table: Table<'_>,
) -> Result<(Vec<ResidenceRow>, Vec<String>), ResidenceFileError> {
    let found = table.locate(&COLUMNS, key)?;
    let mut at = [0; 10];
    for (w, index) in found.iter().enumerate() {
        let Some(index) = *index else {
            let kind = Kind::MissingColumn {
                name: COLUMNS[w].to_owned(),
                expected: RELAIS,
            };
            let mut e = ResidenceFileError::from(kind).at_line(table.header_line);
            e.column = Some(COLUMNS[w].to_owned());
            return Err(e);
        };
        at[w] = index;
    }
    let warnings = table
        .header
        .iter()
        .enumerate()
        .filter(|(i, name)| !name.is_empty() && !at.contains(i))
        .map(|(i, name)| format!("colonne « {name} » (n° {}) inconnue, ignorée", i + 1))
        .collect();
    let mut residences = Vec::new();
    let mut first_lines: HashMap<String, u64> = HashMap::new();
    while let Some(row) = table.next_row()? {
        let cells = Cells {
            row: &row,
            header: &table.header,
            at: &at,
        };
        let residence = cells.residence()?;
        if let Some(&first_line) = first_lines.get(&residence.residence_id) {
            let kind = Kind::DuplicateId {
                id: residence.residence_id,
                first_line,
            };
            return Err(cells.error(kind, ID));
        }
        first_lines.insert(residence.residence_id.clone(), row.line);
        residences.push(residence);
    }
    if residences.is_empty() {
        return Err(ResidenceFileError::from(Kind::NoRows).at_line(table.header_line));
    }
    Ok((residences, warnings))
}

#[cfg(test)]
mod tests {
    use super::super::{ResidenceFileErrorKind as Kind, parse};
    use super::*;

    const HEADER: &str =
        "residence_id,name,aliases,street,postcode,city,agency,territory,homes,built_year\n";

    /// The error for `rows` under the standard header, with its line and column name.
    fn error(rows: &str) -> (Kind, Option<u64>, Option<String>) {
        let e = parse(format!("{HEADER}{rows}").as_bytes(), "r.csv").unwrap_err();
        (e.kind, e.line, e.column)
    }

    #[test]
    fn csv_ignores_an_extra_column_with_a_warning() {
        let text = format!(
            "{},gardien\nr1,A,,,01000,,Ag,T,1,1970,M. Martin\n",
            HEADER.trim_end()
        );
        let parsed = parse(text.as_bytes(), "r.csv").unwrap();
        assert_eq!(
            parsed.warnings,
            ["colonne « gardien » (n° 11) inconnue, ignorée"]
        );
        assert_eq!(parsed.residences[0].built_year, Some(1970));
    }

    #[test]
    fn csv_rejects_a_file_with_a_missing_column() {
        let text = HEADER.replace(",homes", "") + "r1,A,,,01000,,Ag,T,\n";
        let e = parse(text.as_bytes(), "r.csv").unwrap_err();
        assert_eq!(
            e.kind,
            Kind::MissingColumn {
                name: "homes".into(),
                expected: RELAIS
            }
        );
        let place = (e.line, e.column.as_deref(), e.column_index);
        assert_eq!(place, (Some(1), Some("homes"), None));
        assert!(
            e.message_en().contains("the column \"homes\" is missing"),
            "{}",
            e.message_en()
        );
    }

    #[test]
    fn csv_duplicate_id_names_both_lines() {
        let rows = "r1,A,,,01000,,Ag,T,1,\nr2,B,,,01000,,Ag,T,1,\n\nr1,C,,,01000,,Ag,T,1,\n";
        let kind = Kind::DuplicateId {
            id: "r1".into(),
            first_line: 2,
        };
        assert_eq!(error(rows), (kind, Some(5), Some("residence_id".into())));
    }

    #[test]
    fn csv_rejects_a_header_without_rows() {
        assert_eq!(error("\n"), (Kind::NoRows, Some(1), None));
    }

    #[test]
    fn csv_rejects_a_column_written_twice() {
        let text = format!("{},homes\n", HEADER.trim_end());
        let e = parse(text.as_bytes(), "r.csv").unwrap_err();
        assert_eq!(
            e.kind,
            Kind::DuplicateColumn {
                name: "homes".into(),
                first_index: 9
            }
        );
        let place = (e.line, e.column.as_deref(), e.column_index);
        assert_eq!(place, (Some(1), Some("homes"), Some(11)));
    }
}
