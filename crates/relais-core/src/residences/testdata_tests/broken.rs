//! The broken samples: one file per kind of mistake users make, each error checked for
//! what, where (line, column name and position) and its wording in both languages.

use super::super::error::RELAIS;
use super::super::{Expected, ResidenceFileErrorKind as Kind, Spreadsheet};
use super::error;

#[test]
fn broken_samples_say_what_and_where() {
    let year = Kind::BadNumber {
        value: "19x8".into(),
        expected: Expected::Year,
    };
    let cases = [
        (
            error(sample!("broken_missing_column.csv")),
            Kind::MissingColumn {
                name: "homes".into(),
                expected: RELAIS,
            },
            Some(1),
            Some("homes"),
            None,
        ),
        (
            error(sample!("broken_duplicate_id.csv")),
            Kind::DuplicateId {
                id: "VIL-001".into(),
                first_line: 2,
            },
            Some(5),
            Some("residence_id"),
            Some(1),
        ),
        (
            error(sample!("broken_rpls_bad_construct.csv")),
            year,
            Some(6),
            Some("CONSTRUCT"),
            Some(24),
        ),
        (
            error(sample!("broken_unclosed_quote.csv")),
            Kind::UnclosedQuote,
            Some(3),
            Some("name"),
            Some(2),
        ),
        (
            error(sample!("broken_workbook.xlsx")),
            Kind::Spreadsheet {
                kind: Spreadsheet::Xlsx,
            },
            None,
            None,
            None,
        ),
    ];
    for (e, kind, line, column, index) in cases {
        assert_eq!(
            (&e.kind, e.line, e.column.as_deref(), e.column_index),
            (&kind, line, column, index),
            "{e}"
        );
    }
}

#[test]
fn broken_samples_read_well_in_french_and_english() {
    let e = error(sample!("broken_duplicate_id.csv"));
    assert_eq!(
        e.to_string(),
        "broken_duplicate_id.csv, ligne 5, colonne « residence_id » (n° 1) : l'identifiant \
         « VIL-001 » est déjà celui de la ligne 2. Chaque résidence doit avoir son propre \
         identifiant : corrigez l'une des deux lignes."
    );
    let e = error(sample!("broken_workbook.xlsx"));
    assert_eq!(
        e.message_en(),
        "broken_workbook.xlsx: this is an Excel (.xlsx) workbook, not a CSV file. Open it in \
         your spreadsheet and save the sheet as \"CSV (semicolon-separated)\"."
    );
}
