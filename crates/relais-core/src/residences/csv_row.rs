//! One row of a relais residences CSV read as a residence, its values checked.
//!
//! Owns the rules on single values: ids, names, agencies and territories non-empty,
//! postcodes of 5 digits, homes a positive whole number, built_year empty or a year,
//! aliases split on `|`. It must not look at other rows or at the header's shape:
//! duplicate ids and missing columns are `csv_format.rs`'s.

use super::ResidenceRow;
use super::csv_format::{
    AGENCY, ALIASES, BUILT_YEAR, CITY, HOMES, ID, NAME, POSTCODE, STREET, TERRITORY,
};
use super::error::{Expected, ResidenceFileError, ResidenceFileErrorKind as Kind};
use super::parse_year;
use super::table::Row;

/// One row with the header, to read its fields and place its errors.
pub(crate) struct Cells<'a> {
    pub row: &'a Row,
    pub header: &'a [String],
    pub at: &'a [usize; 10],
}

impl Cells<'_> {
    pub fn residence(&self) -> Result<ResidenceRow, ResidenceFileError> {
        Ok(ResidenceRow {
            line: self.row.line,
            residence_id: self.required(ID)?.to_owned(),
            name: self.required(NAME)?.to_owned(),
            aliases: self
                .get(ALIASES)
                .split('|')
                .map(str::trim)
                .filter(|a| !a.is_empty())
                .map(str::to_owned)
                .collect(),
            street: self.get(STREET).to_owned(),
            postcode: self.postcode()?,
            city: self.get(CITY).to_owned(),
            agency: Some(self.required(AGENCY)?.to_owned()),
            territory: Some(self.required(TERRITORY)?.to_owned()),
            homes: self.homes()?,
            built_year: self.built_year()?,
        })
    }

    fn get(&self, column: usize) -> &str {
        self.row.get(self.at[column])
    }

    fn required(&self, column: usize) -> Result<&str, ResidenceFileError> {
        match self.get(column) {
            "" => Err(self.error(Kind::EmptyField, column)),
            value => Ok(value),
        }
    }

    fn postcode(&self) -> Result<String, ResidenceFileError> {
        let value = self.required(POSTCODE)?;
        if value.len() == 5 && value.bytes().all(|b| b.is_ascii_digit()) {
            Ok(value.to_owned())
        } else {
            Err(self.error(
                Kind::BadPostcode {
                    value: value.to_owned(),
                },
                POSTCODE,
            ))
        }
    }

    fn homes(&self) -> Result<u32, ResidenceFileError> {
        let value = self.required(HOMES)?;
        match value.parse::<u32>() {
            Ok(n) if n > 0 && value.bytes().all(|b| b.is_ascii_digit()) => Ok(n),
            _ => Err(self.bad_number(value, Expected::PositiveInteger, HOMES)),
        }
    }

    fn built_year(&self) -> Result<Option<i32>, ResidenceFileError> {
        let value = self.get(BUILT_YEAR);
        if value.is_empty() {
            return Ok(None);
        }
        parse_year(value)
            .map(Some)
            .ok_or_else(|| self.bad_number(value, Expected::Year, BUILT_YEAR))
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
        let index = self.at[column];
        ResidenceFileError::from(kind)
            .at_line(self.row.line)
            .at_column(&self.header[index], index)
    }
}

#[cfg(test)]
mod tests {
    use super::super::parse;
    use super::*;

    const HEADER: &str =
        "residence_id,name,aliases,street,postcode,city,agency,territory,homes,built_year\n";

    /// The error for `rows` under the standard header, with its line and column name.
    fn error(rows: &str) -> (Kind, Option<u64>, Option<String>) {
        let e = parse(format!("{HEADER}{rows}").as_bytes(), "r.csv").unwrap_err();
        (e.kind, e.line, e.column)
    }

    fn number(value: &str, expected: Expected) -> Kind {
        Kind::BadNumber {
            value: value.into(),
            expected,
        }
    }

    #[test]
    fn csv_reads_a_row_with_aliases_and_no_year() {
        let text = " Territory ; HOMES;residence_id;name;aliases;street;postcode;city;agency;built_year\n\
                    Nord;24;r1;Les Lilas; Lilas | | Tour A ;12 rue des Lilas;01000;Bourg;Agence Ain;\n";
        let parsed = parse(text.as_bytes(), "r.csv").unwrap();
        let r = &parsed.residences[0];
        let got = (
            r.line,
            r.residence_id.as_str(),
            r.homes,
            r.built_year,
            r.postcode.as_str(),
        );
        assert_eq!(got, (2, "r1", 24, None, "01000"));
        let got = (
            r.street.as_str(),
            r.city.as_str(),
            r.agency.as_deref(),
            r.territory.as_deref(),
        );
        assert_eq!(
            got,
            (
                "12 rue des Lilas",
                "Bourg",
                Some("Agence Ain"),
                Some("Nord")
            )
        );
        assert_eq!(r.aliases, ["Lilas", "Tour A"]);
        assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
    }

    #[test]
    fn csv_rejects_bad_values_naming_line_and_column() {
        let cases = [
            (
                "r1,A,,,1000,,Ag,T,1,",
                Kind::BadPostcode {
                    value: "1000".into(),
                },
                "postcode",
            ),
            (
                "r1,A,,,6900A,,Ag,T,1,",
                Kind::BadPostcode {
                    value: "6900A".into(),
                },
                "postcode",
            ),
            (
                "r1,A,,,01000,,Ag,T,0,",
                number("0", Expected::PositiveInteger),
                "homes",
            ),
            (
                "r1,A,,,01000,,Ag,T,+3,",
                number("+3", Expected::PositiveInteger),
                "homes",
            ),
            (
                "r1,A,,,01000,,Ag,T,3,19x8",
                number("19x8", Expected::Year),
                "built_year",
            ),
            (" ,A,,,01000,,Ag,T,1,", Kind::EmptyField, "residence_id"),
            ("r1,,,,01000,,Ag,T,1,", Kind::EmptyField, "name"),
            ("r1,A,,,01000,,,T,1,", Kind::EmptyField, "agency"),
            ("r1,A,,,01000,,Ag,\"\",1,", Kind::EmptyField, "territory"),
            ("r1,A,,,01000,,Ag,T,,", Kind::EmptyField, "homes"),
        ];
        for (row, kind, column) in cases {
            let got = error(&format!("r0,Z,,,01000,,Ag,T,1,\n{row}\n"));
            assert_eq!(got, (kind, Some(3), Some(column.into())), "{row}");
        }
    }
}
