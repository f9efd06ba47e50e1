//! The RPLS export (répertoire des logements locatifs des bailleurs sociaux): one row
//! per dwelling, grouped here into one residence per street address.
//!
//! Owns the RPLS column names (upper case in recent vintages, lower case with a `_red`
//! suffix in older ones), the required columns, duplicate dwellings (IDENT_REP) and the
//! walk over the rows; `rpls_dwelling.rs` checks each row and `grouping.rs` groups. It
//! must not read agencies or territories (RPLS has none) and must not group by anything
//! but the address: a residence's id depends only on its normalised address, so
//! re-importing the same data gives the same ids.

use std::collections::HashMap;

use super::error::{ResidenceFileError, ResidenceFileErrorKind as Kind};
use super::grouping::Grouper;
use super::rpls_dwelling::Cells;
use super::table::Table;
use super::{ResidenceRow, RplsGrouping};

/// The columns relais reads, by their key (lower case, no `_red`).
const USED: [&str; 10] = [
    "numvoie",
    "indrep",
    "typvoie",
    "nomvoie",
    "codepostal",
    "libcom",
    "depcom",
    "construct",
    "ident_rep",
    "ident_int",
];
pub(super) const NUMVOIE: usize = 0;
pub(super) const INDREP: usize = 1;
pub(super) const TYPVOIE: usize = 2;
pub(super) const NOMVOIE: usize = 3;
pub(super) const CODEPOSTAL: usize = 4;
pub(super) const LIBCOM: usize = 5;
pub(super) const DEPCOM: usize = 6;
pub(super) const CONSTRUCT: usize = 7;
pub(super) const IDENT_REP: usize = 8;
pub(super) const IDENT_INT: usize = 9;

/// Other RPLS columns, only used to recognise the format.
const OTHERS: &[&str] = &[
    "numappt",
    "numboite",
    "esc",
    "couloir",
    "etage",
    "complident",
    "qpv",
    "sru_expir",
    "sru_alinea",
    "codsegpatrim",
    "libsegpatrim",
    "droit",
    "patrimoine",
    "locat",
    "typeconst",
    "nbpiece",
    "surfhab",
    "ident_org",
    "rs",
    "siret",
];

const EXPECTED: &str = "NOMVOIE;CODEPOSTAL;LIBCOM|DEPCOM (NUMVOIE;INDREP;TYPVOIE;CONSTRUCT…)";

fn key(name: &str) -> String {
    let name = name.trim().to_lowercase();
    name.strip_suffix("_red")
        .map_or_else(|| name.clone(), str::to_owned)
}

/// How many RPLS columns the header holds (for format detection).
pub(crate) fn known_columns(header: &[String]) -> usize {
    header
        .iter()
        .map(|name| key(name))
        .filter(|k| USED.contains(&k.as_str()) || OTHERS.contains(&k.as_str()))
        .count()
}

/// The residences, the grouping report and warnings.
pub(crate) fn read(
    mut table: Table<'_>,
) -> Result<(Vec<ResidenceRow>, RplsGrouping, Vec<String>), ResidenceFileError> {
    let at = table.locate(&USED, key)?;
    let missing = |name: &str| {
        let kind = Kind::MissingColumn {
            name: name.to_owned(),
            expected: EXPECTED,
        };
        let mut e = ResidenceFileError::from(kind).at_line(table.header_line);
        e.column = Some(name.to_owned());
        e
    };
    for (column, name) in [(NOMVOIE, "NOMVOIE"), (CODEPOSTAL, "CODEPOSTAL")] {
        if at[column].is_none() {
            return Err(missing(name));
        }
    }
    let mut warnings = Vec::new();
    match (at[LIBCOM], at[DEPCOM]) {
        (None, None) => return Err(missing("LIBCOM")),
        (None, Some(_)) => warnings.push(
            "colonne LIBCOM absente : le code commune (DEPCOM) tient lieu de nom de ville"
                .to_owned(),
        ),
        _ => {}
    }
    let mut padded: Option<(u64, String, usize)> = None;
    let mut ident_lines: HashMap<String, u64> = HashMap::new();
    let mut grouper = Grouper::default();
    while let Some(row) = table.next_row()? {
        let cells = Cells {
            row: &row,
            header: &table.header,
            at: &at,
        };
        let ident = cells.get(IDENT_REP);
        if let Some(&first_line) = ident_lines.get(ident) {
            return Err(cells.error(
                Kind::DuplicateId {
                    id: ident.to_owned(),
                    first_line,
                },
                IDENT_REP,
            ));
        } else if !ident.is_empty() {
            ident_lines.insert(ident.to_owned(), row.line);
        }
        let dwelling = cells.dwelling()?;
        if dwelling.postcode != cells.get(CODEPOSTAL) {
            let (line, from, count) =
                padded
                    .take()
                    .unwrap_or((row.line, cells.get(CODEPOSTAL).to_owned(), 0));
            padded = Some((line, from, count + 1));
        }
        grouper.add(dwelling)?;
    }
    if grouper.is_empty() {
        return Err(ResidenceFileError::from(Kind::NoRows).at_line(table.header_line));
    }
    if let Some((line, from, count)) = padded {
        warnings.push(format!(
            "{count} code(s) postal(aux) à 4 chiffres complété(s) d'un zéro initial \
             (dès la ligne {line} : « {from} » → « 0{from} »)"
        ));
    }
    let (residences, grouping) = grouper.finish();
    Ok((residences, grouping, warnings))
}

#[cfg(test)]
mod tests {
    use super::super::address::fnv1a64;
    use super::super::{ParsedResidences, parse};
    use super::*;

    const HEADER: &str =
        "NUMVOIE;INDREP;TYPVOIE;NOMVOIE;CODEPOSTAL;LIBCOM;DEPCOM;CONSTRUCT;IDENT_REP\n";

    fn rpls(rows: &str) -> Result<ParsedResidences, ResidenceFileError> {
        parse(format!("{HEADER}{rows}").as_bytes(), "rpls.csv")
    }

    /// The error for `rows`: its kind, line and column name.
    fn error(rows: &str) -> (Kind, Option<u64>, Option<String>) {
        let e = rpls(rows).unwrap_err();
        (e.kind, e.line, e.column)
    }

    #[test]
    fn rpls_groups_dwellings_by_address() {
        let parsed = rpls(
            "12;B;ALL;DES CEDRES;69003;LYON 3E ARRONDISSEMENT;69383;1972;L1\n\
             3;;RUE;DE L'EGLISE;69003;LYON;69383;;L2\n\
             12;bis;allée;des Cèdres;69003;LYON;69383;1968;L3\n\
             12;;ALL;DES CEDRES;69003;LYON;69383;1968;L4\n",
        )
        .unwrap();
        let names: Vec<_> = parsed
            .residences
            .iter()
            .map(|r| (r.line, r.name.as_str(), r.homes, r.built_year))
            .collect();
        assert_eq!(
            names,
            [
                (2, "12 bis allée des Cedres", 2, Some(1968)),
                (3, "3 rue de l'Eglise", 1, None),
                (5, "12 allée des Cedres", 1, Some(1968)),
            ]
        );
        let grouping = parsed.grouping.unwrap();
        assert_eq!((grouping.dwellings, grouping.residences), (4, 3));
        let first = &grouping.groups[0];
        assert_eq!(
            (first.address.as_str(), first.lines.as_slice()),
            (
                "12 bis allée des Cedres, 69003 Lyon 3E Arrondissement",
                &[2, 4][..]
            )
        );
        assert_eq!(first.program_ids, ["L1", "L3"]);
        assert_eq!(
            (
                parsed.residences[0].agency.as_ref(),
                parsed.residences[0].territory.as_ref()
            ),
            (None, None)
        );
    }

    #[test]
    fn rpls_ids_depend_only_on_the_normalised_address() {
        let a = rpls("12;B;ALL;DES CEDRES;69003;LYON;69383;;\n").unwrap();
        let b = rpls(
            "1;;RUE;X;01000;BOURG;01053;;\n012;bis;Allée; des cèdres ;69003;Lyon;69383;1990;\n",
        )
        .unwrap();
        assert_eq!(a.residences[0].residence_id, b.residences[1].residence_id);
        // Pinned: a change here changes every stored RPLS residence id.
        assert_eq!(
            a.residences[0].residence_id,
            format!(
                "rpls-69383-{:012x}",
                fnv1a64("12|BIS|ALLEE|DES CEDRES|69003|69383") & 0xffff_ffff_ffff
            )
        );
        assert_eq!(a.residences[0].residence_id, "rpls-69383-3730c970622c");
    }

    #[test]
    fn rpls_uses_depcom_when_libcom_is_missing_and_pads_lost_zeros() {
        let text = "NOMVOIE;CODEPOSTAL;DEPCOM\nDES LILAS;1000;1053\n";
        let parsed = parse(text.as_bytes(), "rpls.csv").unwrap();
        let r = &parsed.residences[0];
        assert_eq!(
            (r.name.as_str(), r.postcode.as_str(), r.city.as_str()),
            ("Des Lilas", "01000", "01053")
        );
        assert!(
            r.residence_id.starts_with("rpls-01053-"),
            "{}",
            r.residence_id
        );
        assert_eq!(parsed.warnings.len(), 2, "{:?}", parsed.warnings);
    }

    #[test]
    fn rpls_rejects_a_file_without_a_required_column() {
        let cases = [
            (
                "NUMVOIE;TYPVOIE;CODEPOSTAL;LIBCOM\n1;RUE;69003;LYON\n",
                "NOMVOIE",
            ),
            ("NOMVOIE;LIBCOM;DEPCOM\nA;LYON;69383\n", "CODEPOSTAL"),
            ("NOMVOIE;CODEPOSTAL;QPV\nA;69003;0\n", "LIBCOM"),
        ];
        for (text, name) in cases {
            let e = parse(text.as_bytes(), "rpls.csv").unwrap_err();
            assert_eq!(
                e.kind,
                Kind::MissingColumn {
                    name: name.into(),
                    expected: EXPECTED
                },
                "{text}"
            );
            assert_eq!(
                (e.line, e.column.as_deref(), e.column_index),
                (Some(1), Some(name), None),
                "{text}"
            );
        }
    }

    #[test]
    fn rpls_rejects_a_header_without_dwellings() {
        assert_eq!(error(""), (Kind::NoRows, Some(1), None));
    }
}
