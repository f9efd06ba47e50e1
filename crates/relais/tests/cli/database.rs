//! `--db`: wrong URLs, unreachable servers, databases from a newer relais.

use crate::util::{TestDb, dump, relais, runtime};

#[test]
fn an_unsupported_database_url_is_explained() {
    relais("mysql://localhost/relais", &["status"])
        .fails()
        .complains(&["mysql://localhost/relais", "sqlite://", "postgres://"]);
}

#[test]
fn a_url_without_a_scheme_is_explained() {
    relais("relais.db", &["status"])
        .fails()
        .complains(&["sqlite://relais.db"]);
}

#[test]
fn an_unreachable_postgresql_is_explained_without_its_password() {
    relais("postgres://bob:s3cret@127.0.0.1:1/relais", &["status"])
        .fails()
        .complains(&["PostgreSQL", "***", "serveur"]);
    let run = relais("postgres://bob:s3cret@127.0.0.1:1/relais", &["status"]);
    assert!(!run.stderr.contains("s3cret"), "{}", run.stderr);
}

#[test]
fn a_sqlite_file_in_a_missing_folder_is_explained() {
    relais("sqlite:///no/such/folder/relais.db", &["status"])
        .fails()
        .complains(&["SQLite", "dossier"]);
}

#[test]
fn a_database_from_a_newer_relais_is_refused_and_left_untouched() {
    let db = TestDb::sqlite();
    relais(&db.url, &["demo", "--seed", "1"]).ok();
    runtime().block_on(async {
        sqlx::any::install_default_drivers();
        let pool = sqlx::AnyPool::connect(&db.url).await.unwrap();
        sqlx::query(
            "INSERT INTO relais_migrations (version, description, checksum, applied_at)
             VALUES (99, 'future', 'x', 0)",
        )
        .execute(&pool)
        .await
        .unwrap();
        pool.close().await;
    });
    let file = std::fs::read(db.url.trim_start_matches("sqlite://")).unwrap();
    relais(&db.url, &["residence", "list"])
        .fails()
        .complains(&["version plus récente", "Mettez relais à jour"]);
    let after = std::fs::read(db.url.trim_start_matches("sqlite://")).unwrap();
    assert!(file == after, "the database file changed");
    let _ = dump;
}
