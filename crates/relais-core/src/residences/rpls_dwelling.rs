//! One RPLS row read as a dwelling: its fields checked and its address normalised.
//!
//! Owns the rules on the fields relais uses (NUMVOIE a number, CODEPOSTAL 5 digits or 4
//! that lost their zero, CONSTRUCT a year, a commune from LIBCOM or DEPCOM) and the error
//! placed at the row's line and the column's name as written in the file. It must not
//! group dwellings or look at other rows: duplicates and grouping are `rpls.rs`'s and
//! `grouping.rs`'s.

use super::address::{StreetParts, fold, title_case};
use super::error::{Expected, ResidenceFileError, ResidenceFileErrorKind as Kind};
use super::grouping::Dwelling;
use super::parse_year;
use super::rpls::{
    CODEPOSTAL, CONSTRUCT, DEPCOM, IDENT_INT, IDENT_REP, INDREP, LIBCOM, NOMVOIE, NUMVOIE, TYPVOIE,
};
use super::table::Row;

/// A commune code that lost its leading zero in a spreadsheet ("1053") gets it back.
fn pad_commune(depcom: &str) -> String {
    if depcom.len() == 4 && depcom.bytes().all(|b| b.is_ascii_digit()) {
        format!("0{depcom}")
    } else {
        depcom.to_uppercase()
    }
}

/// One dwelling's row with the header, to read its fields and place its errors.
pub(crate) struct Cells<'a> {
    pub row: &'a Row,
    pub header: &'a [String],
    pub at: &'a [Option<usize>],
}

impl Cells<'_> {
    pub fn dwelling(&self) -> Result<Dwelling, ResidenceFileError> {
        let street = StreetParts {
            number: self.street_number()?,
            repeat: self.get(INDREP),
            kind: self.get(TYPVOIE),
            name: self.required(NOMVOIE)?,
        }
        .split_type_from_name();
        let postcode = self.postcode(self.required(CODEPOSTAL)?)?;
        let depcom = pad_commune(self.get(DEPCOM));
        let city = match self.get(LIBCOM) {
            "" if depcom.is_empty() => {
                return Err(
                    self.error(Kind::EmptyField, self.at[LIBCOM].map_or(DEPCOM, |_| LIBCOM))
                );
            }
            "" => depcom.clone(),
            libcom => title_case(libcom, true),
        };
        let commune = if depcom.is_empty() {
            fold(&city)
        } else {
            depcom.clone()
        };
        let built_year = match self.get(CONSTRUCT) {
            "" => None,
            value => Some(
                parse_year(value)
                    .ok_or_else(|| self.bad_number(value, Expected::Year, CONSTRUCT))?,
            ),
        };
        let program = self.get(if self.at[IDENT_INT].is_some() {
            IDENT_INT
        } else {
            IDENT_REP
        });
        Ok(Dwelling {
            line: self.row.line,
            key: format!("{}|{postcode}|{commune}", street.key()),
            commune_code: if depcom.is_empty() {
                postcode.clone()
            } else {
                depcom
            },
            street: street.readable(),
            postcode,
            city,
            built_year,
            program_id: Some(program.to_owned()).filter(|p| !p.is_empty()),
        })
    }

    pub fn get(&self, column: usize) -> &str {
        self.at[column].map_or("", |i| self.row.get(i))
    }

    fn required(&self, column: usize) -> Result<&str, ResidenceFileError> {
        match self.get(column) {
            "" => Err(self.error(Kind::EmptyField, column)),
            value => Ok(value),
        }
    }

    /// `None` when empty or 0 (some exports write 0 for "no number").
    fn street_number(&self) -> Result<Option<u32>, ResidenceFileError> {
        let value = self.get(NUMVOIE);
        if value.is_empty() {
            return Ok(None);
        }
        match value.parse::<u32>() {
            Ok(n) if value.bytes().all(|b| b.is_ascii_digit()) => Ok(Some(n).filter(|&n| n > 0)),
            _ => Err(self.bad_number(value, Expected::StreetNumber, NUMVOIE)),
        }
    }

    /// 5 digits; 4 digits are a postcode whose leading zero a spreadsheet dropped.
    fn postcode(&self, value: &str) -> Result<String, ResidenceFileError> {
        match value.len() {
            4 | 5 if value.bytes().all(|b| b.is_ascii_digit()) => Ok(format!("{value:0>5}")),
            _ => Err(self.error(
                Kind::BadPostcode {
                    value: value.to_owned(),
                },
                CODEPOSTAL,
            )),
        }
    }

    fn bad_number(&self, value: &str, expected: Expected, column: usize) -> ResidenceFileError {
        self.error(
            Kind::BadNumber {
                value: value.to_owned(),
                expected,
            },
            column,
        )
    }

    pub fn error(&self, kind: Kind, column: usize) -> ResidenceFileError {
        let e = ResidenceFileError::from(kind).at_line(self.row.line);
        match self.at[column] {
            Some(i) => e.at_column(&self.header[i], i),
            None => e,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::parse;
    use super::*;

    const HEADER: &str =
        "NUMVOIE;INDREP;TYPVOIE;NOMVOIE;CODEPOSTAL;LIBCOM;DEPCOM;CONSTRUCT;IDENT_REP\n";

    /// The error for `rows`: its kind, line and column name.
    fn error(rows: &str) -> (Kind, Option<u64>, Option<String>) {
        let e = parse(format!("{HEADER}{rows}").as_bytes(), "rpls.csv").unwrap_err();
        (e.kind, e.line, e.column)
    }

    #[test]
    fn bad_number_names_line_and_column() {
        let year = |v: &str| Kind::BadNumber {
            value: v.into(),
            expected: Expected::Year,
        };
        let cases = [
            (
                "12;;RUE;A;69003;LYON;69383;19x8;",
                year("19x8"),
                "CONSTRUCT",
            ),
            ("12;;RUE;A;69003;LYON;69383;68;", year("68"), "CONSTRUCT"),
            (
                "12B;;RUE;A;69003;LYON;69383;;",
                Kind::BadNumber {
                    value: "12B".into(),
                    expected: Expected::StreetNumber,
                },
                "NUMVOIE",
            ),
            (
                "12;;RUE;A;690;LYON;69383;;",
                Kind::BadPostcode {
                    value: "690".into(),
                },
                "CODEPOSTAL",
            ),
            (
                "12;;RUE;A;6900A;LYON;69383;;",
                Kind::BadPostcode {
                    value: "6900A".into(),
                },
                "CODEPOSTAL",
            ),
            ("12;;RUE; ;69003;LYON;69383;;", Kind::EmptyField, "NOMVOIE"),
            ("12;;RUE;A;69003;;;;", Kind::EmptyField, "LIBCOM"),
            (
                "12;;RUE;A;69003;LYON;69383;;L1",
                Kind::DuplicateId {
                    id: "L1".into(),
                    first_line: 2,
                },
                "IDENT_REP",
            ),
        ];
        for (row, kind, column) in cases {
            let rows = format!("1;;RUE;A;69003;LYON;69383;1970;L1\n{row}\n");
            assert_eq!(error(&rows), (kind, Some(3), Some(column.into())), "{row}");
        }
    }
}
