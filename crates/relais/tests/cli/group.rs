//! `relais group declare`.

use crate::util::{TestDb, relais};

#[test]
fn a_declared_group_feeds_the_group_diffusion_kpi() {
    let db = TestDb::sqlite();
    relais(&db.url, &["demo", "--seed", "2", "--until", "2026-03-31"]).ok();
    let residence = relais(&db.url, &["residence", "list", "--json"])
        .ok()
        .json()[0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    relais(
        &db.url,
        &[
            "group",
            "declare",
            "https://www.facebook.com/groups/les-voisins-du-parc/",
            "--name",
            "Les voisins du parc",
            "--residence",
            &residence,
            "--members",
            "2026-01-01=120",
            "--members",
            "2026-03-01=150",
        ],
    )
    .ok()
    .says(&[
        "Groupe déclaré",
        "facebook:groups/les-voisins-du-parc",
        "2 relevé(s)",
    ]);
    // Declaring it again (a new count) updates, never duplicates.
    relais(
        &db.url,
        &[
            "group",
            "declare",
            "https://www.facebook.com/groups/les-voisins-du-parc",
            "--name",
            "Les voisins du parc",
            "--residence",
            &residence,
            "--members",
            "2026-03-01=155",
            "--json",
        ],
    )
    .ok();
    let status = relais(&db.url, &["status", "--json"]).ok().json();
    assert_eq!(
        status["counts"]["accounts"], 8,
        "the demo's 7 accounts and the group"
    );
}

#[test]
fn group_declare_refuses_a_page_address_and_an_unknown_residence() {
    let db = TestDb::sqlite();
    relais(&db.url, &["demo", "--seed", "2", "--until", "2026-03-31"]).ok();
    relais(
        &db.url,
        &[
            "group",
            "declare",
            "https://www.facebook.com/brevenne",
            "--name",
            "x",
            "--residence",
            "C-001",
        ],
    )
    .fails()
    .complains(&["adresse de groupe attendue"]);
    relais(
        &db.url,
        &[
            "group",
            "declare",
            "https://www.facebook.com/groups/x",
            "--name",
            "x",
            "--residence",
            "nulle-part",
        ],
    )
    .fails()
    .complains(&["nulle-part", "relais residence list"]);
    relais(
        &db.url,
        &[
            "group",
            "declare",
            "https://www.facebook.com/groups/x",
            "--name",
            "x",
            "--residence",
            "C-001",
            "--members",
            "hier=3",
        ],
    )
    .fails()
    .complains(&["DATE=NOMBRE"]);
}
