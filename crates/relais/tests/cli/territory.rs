//! `relais territory list`.

use crate::util::{TestDb, relais};

#[test]
fn territory_list_json_gives_id_name_kind_and_parent() {
    let db = TestDb::sqlite();
    relais(&db.url, &["demo"]).ok();
    let list = relais(&db.url, &["territory", "list", "--json"])
        .ok()
        .json();
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), 11);
    let directions: Vec<_> = list.iter().filter(|t| t["kind"] == "direction").collect();
    assert_eq!(directions.len(), 3);
    assert!(directions.iter().all(|d| d["parent_id"].is_null()));
    for agency in list.iter().filter(|t| t["kind"] == "agency") {
        let parent = agency["parent_id"].as_str().unwrap();
        assert!(directions.iter().any(|d| d["id"] == parent), "{agency}");
    }
}

#[test]
fn territory_list_shows_agencies_under_their_direction() {
    let db = TestDb::sqlite();
    relais(&db.url, &["demo"]).ok();
    relais(&db.url, &["territory", "list"]).ok().says(&[
        "Direction territoriale Lyon Est",
        "  └ Agence de Vénissieux",
    ]);
}

#[test]
fn an_empty_territory_list_says_what_to_do() {
    let db = TestDb::sqlite();
    relais(&db.url, &["territory", "list"])
        .ok()
        .says(&["relais residence import"]);
}
