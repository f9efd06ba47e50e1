//! `relais residence import` and `relais residence list`.

use crate::util::{TestDb, dump, relais, runtime, testdata, write_file};

const HEADER: &str =
    "residence_id,name,aliases,street,postcode,city,agency,territory,homes,built_year\n";

fn path(name: &str) -> String {
    testdata(name).display().to_string()
}

#[test]
fn importing_a_residences_csv_creates_its_territories_and_residences() {
    let db = TestDb::sqlite();
    relais(
        &db.url,
        &["residence", "import", &path("relais_residences.csv")],
    )
    .ok()
    .says(&["CSV de résidences relais", "nouvelle(s)"]);
    let list = relais(&db.url, &["residence", "list", "--json"])
        .ok()
        .json();
    let cedres = list
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "VIL-001")
        .expect("VIL-001 imported");
    assert_eq!(cedres["name"], "Les Cèdres");
    assert_eq!(cedres["aliases"][1], "Tour des Cèdres");
    assert_eq!(cedres["postcode"], "69100");
    let brg = list
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "BRG-102")
        .unwrap();
    assert_eq!(brg["postcode"], "01000", "leading zero kept");
    assert!(brg["built_year"].is_null());
    let ts = relais(&db.url, &["territory", "list", "--json"])
        .ok()
        .json();
    assert!(
        ts.as_array()
            .unwrap()
            .iter()
            .any(|t| t["id"] == "agence-vaulx" && t["parent_id"] == "direction-rhone")
    );
}

#[test]
fn importing_the_same_file_twice_changes_nothing() {
    let db = TestDb::sqlite();
    let file = path("relais_residences.csv");
    relais(&db.url, &["residence", "import", &file]).ok();
    let before = dump(&db.url);
    let again = relais(&db.url, &["residence", "import", &file, "--json"])
        .ok()
        .json();
    assert_eq!(again["changes"]["residences_created"], 0);
    assert_eq!(again["changes"]["residences_updated"], 0);
    assert_eq!(dump(&db.url), before);
}

#[test]
fn a_spreadsheet_saved_csv_with_bom_semicolons_and_crlf_imports_like_the_plain_one() {
    let (a, b) = (TestDb::sqlite(), TestDb::sqlite());
    relais(
        &a.url,
        &["residence", "import", &path("relais_residences.csv")],
    )
    .ok();
    relais(
        &b.url,
        &["residence", "import", &path("relais_residences_excel.csv")],
    )
    .ok()
    .complains(&["Gardien"]);
    let la = relais(&a.url, &["residence", "list", "--json"]).ok().json();
    let lb = relais(&b.url, &["residence", "list", "--json"]).ok().json();
    // The spreadsheet holds two of the plain file's residences, written the same.
    let lb = lb.as_array().unwrap();
    assert_eq!(lb.len(), 2);
    for r in lb {
        let same = la
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["id"] == r["id"])
            .unwrap();
        assert_eq!(same["street"], r["street"]);
        assert_eq!(same["homes"], r["homes"]);
    }
}

#[test]
fn a_broken_csv_leaves_the_database_exactly_as_it_was_and_names_line_and_column() {
    let db = TestDb::sqlite();
    relais(&db.url, &["demo"]).ok();
    let before = dump(&db.url);
    let dir = tempfile::tempdir().unwrap();
    let bad = write_file(
        &dir,
        "bad.csv",
        format!(
            "{HEADER}N1,Nouvelle,,1 rue A,69120,Vaulx-en-Velin,Agence Neuve,Direction Neuve,10,1990\n\
             N2,Autre,,2 rue B,69120,Vaulx-en-Velin,Agence Neuve,Direction Neuve,douze,1990\n"
        )
        .as_bytes(),
    );
    relais(&db.url, &["residence", "import", &bad])
        .fails()
        .complains(&[
            "bad.csv",
            "ligne 3",
            "homes",
            "douze",
            "Rien n'a été importé",
        ]);
    assert_eq!(dump(&db.url), before);
}

#[test]
fn a_duplicate_id_names_both_lines() {
    let db = TestDb::sqlite();
    relais(
        &db.url,
        &["residence", "import", &path("broken_duplicate_id.csv")],
    )
    .fails()
    .complains(&["VIL-001", "ligne 2", "ligne 5"]);
    assert_eq!(
        relais(&db.url, &["status", "--json"]).ok().json()["counts"]["residences"],
        0
    );
}

#[test]
fn a_missing_column_is_named_with_the_expected_header() {
    let db = TestDb::sqlite();
    relais(
        &db.url,
        &[
            "--lang",
            "en",
            "residence",
            "import",
            &path("broken_missing_column.csv"),
        ],
    )
    .fails()
    .complains(&["homes", "Nothing was imported"]);
}

#[test]
fn a_workbook_instead_of_a_csv_says_how_to_export_it() {
    let db = TestDb::sqlite();
    relais(
        &db.url,
        &["residence", "import", &path("broken_workbook.xlsx")],
    )
    .fails()
    .complains(&["Excel", "CSV"]);
}

#[test]
fn an_rpls_export_needs_an_agency_then_groups_dwellings_by_address() {
    let db = TestDb::sqlite();
    let file = path("rpls_2023_windows1252.csv");
    relais(&db.url, &["residence", "import", &file])
        .fails()
        .complains(&["--agency"]);
    let out = relais(
        &db.url,
        &[
            "residence",
            "import",
            &file,
            "--agency",
            "Agence de Villeurbanne",
            "--territory",
            "Direction Rhône",
        ],
    )
    .ok()
    .says(&[
        "export RPLS",
        "windows-1252",
        "logements regroupés par adresse",
    ]);
    assert!(out.stdout.contains("lignes"), "{}", out.stdout);
    let list = relais(&db.url, &["residence", "list", "--json"])
        .ok()
        .json();
    let list = list.as_array().unwrap();
    assert!(!list.is_empty());
    assert!(list.iter().all(|r| r["agency"] == "agence-de-villeurbanne"));
    assert!(
        list.iter()
            .all(|r| r["id"].as_str().unwrap().starts_with("rpls-"))
    );
    let homes: i64 = list.iter().map(|r| r["homes"].as_i64().unwrap()).sum();
    let report = relais(
        &db.url,
        &[
            "residence",
            "import",
            &file,
            "--agency",
            "Agence de Villeurbanne",
            "--territory",
            "Direction Rhône",
            "--json",
        ],
    )
    .ok()
    .json();
    assert_eq!(
        report["parsed"]["grouping"]["dwellings"].as_i64().unwrap(),
        homes
    );
    assert_eq!(
        report["changes"]["residences_unchanged"].as_u64().unwrap() as usize,
        list.len()
    );
}

#[test]
fn an_older_rpls_vintage_with_red_columns_imports() {
    let db = TestDb::sqlite();
    relais(
        &db.url,
        &[
            "residence",
            "import",
            &path("rpls_2015_red.csv"),
            "--agency",
            "Agence Ain",
            "--territory",
            "Direction Ain",
        ],
    )
    .ok()
    .says(&["export RPLS"]);
}

#[test]
fn a_bad_construction_year_in_rpls_names_line_and_column() {
    let db = TestDb::sqlite();
    relais(
        &db.url,
        &[
            "residence",
            "import",
            &path("broken_rpls_bad_construct.csv"),
            "--agency",
            "A",
            "--territory",
            "D",
        ],
    )
    .fails()
    .complains(&["ligne", "CONSTRUCT"]);
}

#[test]
fn dry_run_shows_the_changes_and_writes_nothing() {
    let db = TestDb::sqlite();
    let before = dump(&db.url);
    relais(
        &db.url,
        &[
            "residence",
            "import",
            &path("relais_residences.csv"),
            "--dry-run",
        ],
    )
    .ok()
    .says(&["Simulation"]);
    assert_eq!(dump(&db.url), before);
}

#[test]
fn a_missing_file_is_named() {
    let db = TestDb::sqlite();
    relais(&db.url, &["residence", "import", "/nowhere/residences.csv"])
        .fails()
        .complains(&["/nowhere/residences.csv"]);
}

#[test]
fn an_agency_moved_to_another_direction_is_refused_whole() {
    let db = TestDb::sqlite();
    let dir = tempfile::tempdir().unwrap();
    let first = write_file(
        &dir,
        "a.csv",
        format!("{HEADER}R1,A,,1 rue A,69120,V,Agence Vaulx,Direction Est,10,\n").as_bytes(),
    );
    let second = write_file(
        &dir,
        "b.csv",
        format!("{HEADER}R2,B,,2 rue B,69120,V,Agence Vaulx,Direction Ouest,10,\n").as_bytes(),
    );
    relais(&db.url, &["residence", "import", &first]).ok();
    let before = dump(&db.url);
    relais(&db.url, &["residence", "import", &second])
        .fails()
        .complains(&["agence-vaulx", "rien n'a été importé"]);
    assert_eq!(dump(&db.url), before);
}

#[test]
fn residence_import_is_all_or_nothing_on_postgresql_too() {
    let Some(pg) = runtime().block_on(TestDb::postgres()) else {
        return;
    };
    relais(
        &pg.url,
        &["residence", "import", &path("relais_residences.csv")],
    )
    .ok();
    let before = dump(&pg.url);
    relais(
        &pg.url,
        &["residence", "import", &path("broken_duplicate_id.csv")],
    )
    .fails();
    assert_eq!(dump(&pg.url), before);
    let again = relais(
        &pg.url,
        &[
            "residence",
            "import",
            &path("relais_residences.csv"),
            "--json",
        ],
    )
    .ok()
    .json();
    assert_eq!(again["changes"]["residences_created"], 0);
    runtime().block_on(pg.cleanup());
}
