//! Tests over the sample files in `testdata/residences`: realistic exports, fictional
//! landlord, one broken file per kind of mistake users make. The inline table tests sit
//! beside each reader; these check the whole path from bytes to residences.

use super::{ResidenceFileError, ResidenceFileFormat, parse};

/// The bytes and name of a sample file.
macro_rules! sample {
    ($name:literal) => {
        (
            include_bytes!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/testdata/residences/",
                $name
            ))
            .as_slice(),
            $name,
        )
    };
}

mod broken;

/// The error `parse` gives for a sample, checked to name the file.
fn error((bytes, name): (&[u8], &str)) -> ResidenceFileError {
    let e = parse(bytes, name).unwrap_err();
    assert_eq!(e.file, name);
    e
}

#[test]
fn csv_reads_the_sample_with_aliases_and_quoted_commas() {
    let (bytes, name) = sample!("relais_residences.csv");
    let parsed = parse(bytes, name).unwrap();
    assert_eq!(
        (parsed.format, parsed.encoding, parsed.grouping.as_ref()),
        (ResidenceFileFormat::RelaisCsv, "UTF-8", None)
    );
    let rows: Vec<_> = parsed
        .residences
        .iter()
        .map(|r| (r.line, r.residence_id.as_str(), r.homes, r.built_year))
        .collect();
    assert_eq!(
        rows,
        [
            (2, "VIL-001", 48, Some(1968)),
            (3, "VAU-014", 36, Some(1975)),
            (4, "BRG-102", 12, None),
            (5, "BRG-103", 8, Some(2004))
        ]
    );
    let clos = &parsed.residences[1];
    assert_eq!(
        (clos.name.as_str(), clos.street.as_str()),
        ("Le Clos de l'Église, bâtiments A et B", "3 rue de l'Église")
    );
    assert_eq!(parsed.residences[0].aliases, ["Cèdres", "Tour des Cèdres"]);
    assert_eq!(parsed.residences[3].aliases, ["Glycines", "\"La Glyc\""]);
    assert_eq!(
        (
            parsed.residences[2].postcode.as_str(),
            parsed.residences[2].city.as_str()
        ),
        ("01000", "Bourg-en-Bresse")
    );
    assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
}

#[test]
fn csv_reads_a_spreadsheet_export_with_bom_semicolons_and_an_extra_column() {
    let (bytes, name) = sample!("relais_residences_excel.csv");
    let parsed = parse(bytes, name).unwrap();
    let rows: Vec<_> = parsed
        .residences
        .iter()
        .map(|r| {
            (
                r.line,
                r.residence_id.as_str(),
                r.name.as_str(),
                r.agency.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            (2, "VIL-001", "Les Cèdres", Some("Agence Villeurbanne")),
            (4, "VAU-014", "Le Clos de l'Église", Some("Agence Vaulx"))
        ]
    );
    assert_eq!(
        parsed.warnings,
        ["colonne « Gardien » (n° 11) inconnue, ignorée"]
    );
}

#[test]
fn rpls_reads_windows_1252() {
    let (bytes, name) = sample!("rpls_2023_windows1252.csv");
    let parsed = parse(bytes, name).unwrap();
    assert_eq!(
        (parsed.format, parsed.encoding),
        (ResidenceFileFormat::Rpls, "windows-1252")
    );
    let rows: Vec<_> = parsed
        .residences
        .iter()
        .map(|r| {
            (
                r.line,
                r.name.as_str(),
                r.postcode.as_str(),
                r.city.as_str(),
                r.homes,
                r.built_year,
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            (
                2,
                "12 bis allée des Cedres",
                "69100",
                "Villeurbanne",
                3,
                Some(1967)
            ),
            (
                4,
                "3 rue de l'Eglise",
                "69120",
                "Vaulx-en-Velin",
                3,
                Some(1975)
            ),
            (
                8,
                "7 chemin des Prés",
                "01000",
                "Bourg-en-Bresse",
                2,
                Some(1992)
            ),
            (
                10,
                "résidence les Glycines",
                "01000",
                "Bourg-en-Bresse",
                1,
                Some(2004)
            ),
            (
                12,
                "5 place de l'École",
                "69120",
                "Vaulx-en-Velin",
                1,
                Some(1981)
            ),
        ]
    );
    assert!(
        parsed
            .residences
            .iter()
            .all(|r| r.agency.is_none() && r.territory.is_none() && r.aliases.is_empty())
    );
    assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
}

#[test]
fn rpls_reports_the_lines_and_programs_of_each_group() {
    let (bytes, name) = sample!("rpls_2023_windows1252.csv");
    let grouping = parse(bytes, name).unwrap().grouping.unwrap();
    assert_eq!((grouping.dwellings, grouping.residences), (10, 5));
    let groups: Vec<_> = grouping
        .groups
        .iter()
        .map(|g| (g.address.as_str(), g.dwellings, g.lines.clone()))
        .collect();
    assert_eq!(
        groups[..3],
        [
            (
                "12 bis allée des Cedres, 69100 Villeurbanne",
                3,
                vec![2, 3, 6]
            ),
            ("3 rue de l'Eglise, 69120 Vaulx-en-Velin", 3, vec![4, 7, 11]),
            ("7 chemin des Prés, 01000 Bourg-en-Bresse", 2, vec![8, 9]),
        ]
    );
    assert_eq!(
        grouping.groups[0].program_ids,
        ["VIL001-A-01", "VIL001-A-02", "VIL001-B-01"]
    );
    assert!(
        grouping.groups[0].residence_id.starts_with("rpls-69266-"),
        "{}",
        grouping.groups[0].residence_id
    );
}

#[test]
fn rpls_reads_the_older_red_column_names() {
    let (bytes, name) = sample!("rpls_2015_red.csv");
    let parsed = parse(bytes, name).unwrap();
    assert_eq!(
        (parsed.format, parsed.encoding),
        (ResidenceFileFormat::Rpls, "UTF-8")
    );
    let rows: Vec<_> = parsed
        .residences
        .iter()
        .map(|r| (r.line, r.name.as_str(), r.postcode.as_str(), r.homes))
        .collect();
    assert_eq!(
        rows,
        [
            (2, "12 bis allée des Cedres", "69100", 2),
            (4, "3 rue de l'Eglise", "69120", 1),
            (5, "7 chemin des Pres", "01000", 1)
        ]
    );
    let grouping = parsed.grouping.unwrap();
    assert_eq!(grouping.groups[0].program_ids, ["0691000001", "0691000002"]);
    assert_eq!(
        parsed.warnings,
        [
            "1 code(s) postal(aux) à 4 chiffres complété(s) d'un zéro initial \
             (dès la ligne 5 : « 1000 » → « 01000 »)"
        ]
    );
}

#[test]
fn rpls_ids_are_the_same_across_vintages_and_encodings() {
    let ids = |(bytes, name): (&[u8], &str)| -> Vec<String> {
        parse(bytes, name)
            .unwrap()
            .residences
            .into_iter()
            .map(|r| r.residence_id)
            .collect()
    };
    let recent = ids(sample!("rpls_2023_windows1252.csv"));
    let older = ids(sample!("rpls_2015_red.csv"));
    let unicode = ids(sample!("rpls_unicode_text.txt"));
    assert_eq!(older, recent[..3]);
    assert_eq!(unicode, recent[2..3]);
}

#[test]
fn rpls_reads_excel_unicode_text_in_utf16_with_tabs() {
    let (bytes, name) = sample!("rpls_unicode_text.txt");
    let parsed = parse(bytes, name).unwrap();
    assert_eq!(parsed.encoding, "UTF-16LE");
    let r = &parsed.residences[0];
    assert_eq!(
        (
            parsed.residences.len(),
            r.name.as_str(),
            r.homes,
            r.built_year
        ),
        (1, "7 chemin des Prés", 2, Some(1990))
    );
}
