//! `relais person erase`.

use crate::util::{TestDb, relais, runtime};

fn busiest_author(url: &str) -> String {
    runtime().block_on(async {
        sqlx::any::install_default_drivers();
        let pool = sqlx::AnyPool::connect(url).await.unwrap();
        let (p,): (String,) = sqlx::query_as(
            "SELECT author FROM comments WHERE author IS NOT NULL
             GROUP BY author ORDER BY COUNT(*) DESC, author LIMIT 1",
        )
        .fetch_one(&pool)
        .await
        .unwrap();
        pool.close().await;
        p
    })
}

#[test]
fn erasing_a_person_removes_their_comments_and_nothing_else() {
    let db = TestDb::sqlite();
    relais(&db.url, &["demo"]).ok();
    let before = relais(&db.url, &["status", "--json"]).ok().json();
    let person = busiest_author(&db.url);
    let out = relais(&db.url, &["person", "erase", &person, "--json"])
        .ok()
        .json();
    let erased = out["comments_erased"].as_i64().unwrap();
    assert!(erased > 1);
    let after = relais(&db.url, &["status", "--json"]).ok().json();
    let count = |s: &serde_json::Value, k: &str| s["counts"][k].as_i64().unwrap();
    assert_eq!(
        count(&after, "comments"),
        count(&before, "comments") - erased
    );
    assert_eq!(count(&after, "authors"), count(&before, "authors") - 1);
    assert_eq!(count(&after, "posts"), count(&before, "posts"));
    assert_ne!(busiest_author(&db.url), person);
    let again = relais(&db.url, &["person", "erase", &person, "--json"])
        .ok()
        .json();
    assert_eq!(again["comments_erased"], 0);
}

#[test]
fn an_invalid_pseudonym_is_refused() {
    let db = TestDb::sqlite();
    relais(&db.url, &["person", "erase", "Jean Dupont"])
        .fails()
        .complains(&["pseudonyme"]);
}
