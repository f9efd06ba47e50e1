//! From a parsed residence file to domain values: the territories to create
//! (directions and agencies named in the file) and the residences.
//!
//! It checks what the domain requires beyond the file's syntax (a year in
//! range, an agency for every residence, one place in the tree for each
//! agency) and names the line and column of anything it refuses. No IO.

use std::collections::BTreeMap;
use std::num::NonZeroU32;

use super::{Expected, ParsedResidences, ResidenceFileError, ResidenceFileErrorKind as K};
use crate::ids::{Postcode, ResidenceId, TerritoryId};
use crate::organisation::Territory;
use crate::residence::{BuiltYear, Residence};

/// The agency and direction for rows that do not name one (RPLS files).
#[derive(Debug, Clone, Copy, Default)]
pub struct Placement<'a> {
    pub agency: Option<&'a str>,
    pub territory: Option<&'a str>,
}

/// Territories (directions first) and residences of a parsed file.
pub fn to_domain(
    parsed: &ParsedResidences,
    file: &str,
    fallback: Placement<'_>,
) -> Result<(Vec<Territory>, Vec<Residence>), ResidenceFileError> {
    let mut directions: BTreeMap<TerritoryId, Territory> = BTreeMap::new();
    let mut agencies: BTreeMap<TerritoryId, (Territory, u64)> = BTreeMap::new();
    let mut residences = Vec::with_capacity(parsed.residences.len());
    for row in &parsed.residences {
        let at = |kind: K, column: &str| {
            let mut e = ResidenceFileError::from(kind).at_line(row.line);
            e.file = file.to_string();
            e.column = Some(column.to_string());
            e
        };
        let agency_name = row.agency.as_deref().or(fallback.agency);
        let direction_name = row.territory.as_deref().or(fallback.territory);
        let (Some(agency_name), Some(direction_name)) = (agency_name, direction_name) else {
            let mut e = ResidenceFileError::from(K::NoAgency);
            e.file = file.to_string();
            return Err(e);
        };
        let direction =
            Territory::direction(direction_name).map_err(|_| at(K::EmptyField, "territory"))?;
        let agency = Territory::agency(agency_name, &direction.id)
            .map_err(|_| at(K::EmptyField, "agency"))?;
        if agency.id == direction.id {
            return Err(at(
                K::Csv {
                    message: format!(
                        "the agency and its direction have the same name ({agency_name}); \
                         give the direction its own name"
                    ),
                },
                "territory",
            ));
        }
        match agencies.get(&agency.id) {
            Some((known, first_line)) if known.kind != agency.kind => {
                let parent = known
                    .kind
                    .parent()
                    .map(|p| p.to_string())
                    .unwrap_or_default();
                return Err(at(
                    K::Csv {
                        message: format!(
                            "agency \"{agency_name}\" is under \"{parent}\" on line {first_line} \
                             and under \"{direction_name}\" here; an agency has one direction"
                        ),
                    },
                    "territory",
                ));
            }
            Some(_) => {}
            None => {
                agencies.insert(agency.id.clone(), (agency.clone(), row.line));
            }
        }
        directions.entry(direction.id.clone()).or_insert(direction);
        let built_year = row
            .built_year
            .map(BuiltYear::new)
            .transpose()
            .map_err(|_| {
                at(
                    K::BadNumber {
                        value: row.built_year.unwrap_or_default().to_string(),
                        expected: Expected::Year,
                    },
                    "built_year",
                )
            })?;
        residences.push(Residence {
            id: ResidenceId::parse(&row.residence_id)
                .map_err(|_| at(K::EmptyField, "residence_id"))?,
            name: row.name.clone(),
            aliases: row.aliases.clone(),
            street: row.street.clone(),
            postcode: Postcode::parse(&row.postcode).map_err(|_| {
                at(
                    K::BadPostcode {
                        value: row.postcode.clone(),
                    },
                    "postcode",
                )
            })?,
            city: row.city.clone(),
            homes: NonZeroU32::new(row.homes).ok_or_else(|| {
                at(
                    K::BadNumber {
                        value: row.homes.to_string(),
                        expected: Expected::PositiveInteger,
                    },
                    "homes",
                )
            })?,
            built_year,
            agency: agency.id,
        });
    }
    let mut territories: Vec<Territory> = directions.into_values().collect();
    territories.extend(agencies.into_values().map(|(t, _)| t));
    Ok((territories, residences))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::residences::parse;

    const HEADER: &str =
        "residence_id,name,aliases,street,postcode,city,agency,territory,homes,built_year\n";

    #[test]
    fn a_relais_csv_gives_its_directions_agencies_and_residences() {
        let text = format!(
            "{HEADER}R1,Les Tilleuls,les tours,12 rue des Lilas,69120,Vaulx-en-Velin,Agence Vaulx,Direction Est,120,1968\n\
             R2,Le Parc,,3 allée du Parc,69120,Vaulx-en-Velin,Agence Vaulx,Direction Est,40,\n"
        );
        let parsed = parse(text.as_bytes(), "r.csv").unwrap();
        let (ts, rs) = to_domain(&parsed, "r.csv", Placement::default()).unwrap();
        assert_eq!(ts.len(), 2);
        assert!(!ts[0].is_agency() && ts[1].is_agency());
        assert_eq!(rs.len(), 2);
        assert_eq!(rs[0].agency.as_str(), "agence-vaulx");
        crate::organisation::check_tree(&ts).unwrap();
    }

    #[test]
    fn an_agency_under_two_directions_is_refused_with_its_line() {
        let text = format!(
            "{HEADER}R1,A,,1 rue A,69120,V,Agence Vaulx,Direction Est,1,\n\
             R2,B,,2 rue B,69120,V,Agence Vaulx,Direction Ouest,1,\n"
        );
        let parsed = parse(text.as_bytes(), "r.csv").unwrap();
        let e = to_domain(&parsed, "r.csv", Placement::default()).unwrap_err();
        assert_eq!(e.line, Some(3));
        assert_eq!(e.column.as_deref(), Some("territory"));
        assert!(e.message_en().contains("line 2"), "{}", e.message_en());
    }

    #[test]
    fn a_year_out_of_range_names_its_line_and_column() {
        let text = format!("{HEADER}R1,A,,1 rue A,69120,V,Agence Vaulx,Direction Est,1,1492\n");
        let parsed = parse(text.as_bytes(), "r.csv").unwrap();
        let e = to_domain(&parsed, "r.csv", Placement::default()).unwrap_err();
        assert_eq!((e.line, e.column.as_deref()), (Some(2), Some("built_year")));
    }

    #[test]
    fn rpls_rows_need_an_agency_from_the_command_line() {
        let rpls = include_bytes!("../../testdata/residences/rpls_2023_windows1252.csv");
        let parsed = parse(rpls, "rpls.csv").unwrap();
        let e = to_domain(&parsed, "rpls.csv", Placement::default()).unwrap_err();
        assert_eq!(e.kind, K::NoAgency);
        assert!(e.message_fr().contains("--agency"));
        let placed = Placement {
            agency: Some("Agence de Givors"),
            territory: Some("Direction Sud"),
        };
        let (ts, rs) = to_domain(&parsed, "rpls.csv", placed).unwrap();
        assert_eq!(ts.len(), 2);
        assert!(rs.iter().all(|r| r.agency.as_str() == "agence-de-givors"));
    }
}
