//! `relais classify`, `classify text`, `classify eval`, `classify retrain`,
//! `relais label set`.

use std::path::Path;

use crate::util::{TestDb, export, relais, write_file};

const X_CONTENT: &str = "x/account_analytics_content_2025-11-01_2025-11-30.csv";
const X_POST: &str = "1985248077493154500";

fn corpus(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../corpus")
        .join(name)
        .display()
        .to_string()
}

#[test]
fn classify_text_gives_each_label_with_its_confidence() {
    let db = TestDb::sqlite();
    let out = relais(
        &db.url,
        &["classify", "text", "L'ascenseur est en panne depuis 4 jours et ma mère en fauteuil roulant est bloquée au 9e", "--json"],
    )
    .ok()
    .json();
    let l = &out["labels"];
    assert_eq!(l["category"]["value"], "lift");
    assert_eq!(l["urgency"]["value"], "urgent");
    assert!(l["category"]["confidence"].as_f64().unwrap() > 0.0);
    assert!(
        out["model_version"]
            .as_str()
            .unwrap()
            .starts_with("relais-text-1")
    );
    relais(
        &db.url,
        &[
            "classify",
            "text",
            "--post",
            "--network",
            "linkedin",
            "Nous recrutons un gardien d'immeuble en CDI à Vienne, postulez !",
        ],
    )
    .ok()
    .says(&["Thème : Emploi & marque employeur"]);
}

#[test]
fn classify_labels_what_is_unlabelled_and_a_persons_correction_wins_and_is_learnt() {
    let db = TestDb::sqlite();
    relais(&db.url, &["import", &export(X_CONTENT)]).ok();
    let dir = tempfile::tempdir().unwrap();
    let file = write_file(
        &dir,
        "comments.csv",
        format!(
            "network,post_id,comment_id,parent_id,author,created_at,text\n\
             x,{X_POST},1985300000000000001,,4242,2025-11-03T10:00:00+01:00,\"Toujours pas d'eau chaude au 3e, c'est la 3e fois ce mois\"\n"
        )
        .as_bytes(),
    );
    relais(&db.url, &["import", &file]).ok();
    let first = relais(&db.url, &["classify", "--json"]).ok().json();
    assert!(first["posts"].as_u64().unwrap() >= 3);
    assert_eq!(first["comments"], 1);
    let again = relais(&db.url, &["classify", "--json"]).ok().json();
    assert_eq!(
        (again["posts"].as_u64(), again["comments"].as_u64()),
        (Some(0), Some(0))
    );
    relais(
        &db.url,
        &[
            "label",
            "set",
            "--comment",
            "x:1985300000000000001",
            "--field",
            "category",
            "--value",
            "rent_charges",
            "--by",
            "anne@habitat.fr",
        ],
    )
    .ok()
    .says(&["Correction enregistrée"]);
    relais(
        &db.url,
        &[
            "label",
            "set",
            "--comment",
            "x:0",
            "--field",
            "category",
            "--value",
            "lift",
            "--by",
            "anne@habitat.fr",
        ],
    )
    .fails()
    .complains(&["introuvable"]);
    relais(
        &db.url,
        &[
            "label",
            "set",
            "--comment",
            "x:1985300000000000001",
            "--field",
            "category",
            "--value",
            "colour",
            "--by",
            "anne@habitat.fr",
        ],
    )
    .fails();
    let retrained = relais(&db.url, &["classify", "retrain", "--json"])
        .ok()
        .json();
    assert_eq!(retrained["corrections"], 1);
    let version = retrained["model_version"].as_str().unwrap().to_string();
    assert!(version.ends_with("+human-1"), "{version}");
    let text = relais(&db.url, &["classify", "text", "bonjour", "--json"])
        .ok()
        .json();
    assert_eq!(text["model_version"], version.as_str());
}

#[test]
fn classify_eval_prints_the_documented_json() {
    let db = TestDb::sqlite();
    let dir = tempfile::tempdir().unwrap();
    let comments = write_file(
        &dir,
        "comments.csv",
        "id,network,text,category,urgency,sentiment,author_kind,residence_id\n\
         t1,facebook,\"Odeur de gaz dans la chaufferie du bât A, ça sent fort !\",heating_hot_water,urgent,negative,tenant,\n\
         t2,facebook,Merci à Karim notre gardien toujours souriant,praise,none,positive,tenant,\n\
         t3,facebook,\"Aux Genêts, l'ascenseur est encore en panne\",lift,normal,negative,tenant,C-001\n"
            .as_bytes(),
    );
    let posts = write_file(
        &dir,
        "posts.csv",
        "id,network,author_kind,text,theme,audience,residence_id\n\
         p1,facebook,page,\"Coupure d'eau chaude mardi de 8h à 12h aux Genêts, merci de votre compréhension\",practical,tenants,C-001\n"
            .as_bytes(),
    );
    let out = relais(
        &db.url,
        &[
            "classify",
            "eval",
            "--comments",
            &comments,
            "--posts",
            &posts,
            "--residences",
            &corpus("residences.csv"),
            "--json",
        ],
    )
    .ok()
    .json();
    let c = &out["comments"];
    for field in ["category", "urgency", "sentiment", "author_kind"] {
        assert!(c[field]["macro_f1"].is_number(), "{field}");
        assert!(c[field]["per_class"].is_object(), "{field}");
        assert!(c[field]["confusion"].is_object(), "{field}");
    }
    assert!(c["urgency"]["urgent_recall"].is_number());
    assert!(c["residence"]["accuracy"].is_number());
    assert!(out["posts"]["theme"]["macro_f1"].is_number());
    assert!(out["posts"]["audience"]["per_class"].is_object());
    assert!(out["posts"]["residence"]["accuracy"].is_number());
    relais(
        &db.url,
        &[
            "classify",
            "eval",
            "--comments",
            "/nowhere.csv",
            "--posts",
            &posts,
        ],
    )
    .fails()
    .complains(&["/nowhere.csv"]);
}
