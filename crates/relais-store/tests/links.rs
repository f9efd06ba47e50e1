//! The short links' store story ([`LinkStore`]), run against SQLite always
//! and PostgreSQL when `RELAIS_TEST_DATABASE_URL` is set.

use std::num::NonZeroU32;

use relais_core::*;
use relais_store::testing::TestDb;
use relais_store::{DailyCount, LinkScope, LinkStore, SqlStore, Store, StoreError, StoredLink};

macro_rules! story {
    ($($name:ident),+ $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test]
                async fn $name() {
                    let db = relais_store::testing::TestDb::sqlite();
                    super::$name(&db).await;
                    db.cleanup().await;
                }
            )+
        }
        mod postgres {
            $(
                #[tokio::test]
                async fn $name() {
                    if let Some(db) = relais_store::testing::TestDb::postgres().await {
                        super::$name(&db).await;
                        db.cleanup().await;
                    }
                }
            )+
        }
    };
}

story!(
    allowed_domains_are_kept_once,
    links_are_created_all_or_none,
    counts_add_up_per_link_and_day,
    old_counts_are_purged,
    the_demo_replaces_links_without_failing,
);

async fn with_residences(db: &TestDb) -> SqlStore {
    let store = SqlStore::open(&db.url).await.unwrap();
    let d = Territory::direction("Direction Est").unwrap();
    let a = Territory::agency("Agence Vaulx", &d.id).unwrap();
    let r = Residence {
        id: ResidenceId::parse("R1").unwrap(),
        name: "Les Tilleuls".into(),
        aliases: vec![],
        street: "12 rue des Lilas".into(),
        postcode: Postcode::parse("69120").unwrap(),
        city: "Vaulx-en-Velin".into(),
        homes: NonZeroU32::new(120).unwrap(),
        built_year: None,
        agency: a.id.clone(),
    };
    store.import_residences(&[d, a], &[r]).await.unwrap();
    store
}

fn link(code: &str, scope: LinkScope) -> StoredLink {
    StoredLink {
        code: code.into(),
        target: format!("https://bailleur.fr/?utm_content={code}"),
        scope,
        action: "Fête des voisins 2027".into(),
        action_slug: "fete-des-voisins-2027".into(),
        channel: "affiche".into(),
        created_at: 1_800_000_000,
    }
}

fn residence(id: &str) -> LinkScope {
    LinkScope::Residence(ResidenceId::parse(id).unwrap())
}

fn count(code: &str, day: &str, scans: i64, uniques: i64, bots: i64) -> DailyCount {
    DailyCount {
        code: code.into(),
        day: day.into(),
        scans,
        uniques,
        bots,
    }
}

async fn allowed_domains_are_kept_once(db: &TestDb) {
    let store = SqlStore::open(&db.url).await.unwrap();
    assert!(store.allow_link_domain("bailleur.fr").await.unwrap());
    assert!(!store.allow_link_domain("bailleur.fr").await.unwrap());
    assert!(store.allow_link_domain("facebook.com").await.unwrap());
    assert_eq!(
        store.link_domains().await.unwrap(),
        ["bailleur.fr", "facebook.com"]
    );
    store.close().await;
}

async fn links_are_created_all_or_none(db: &TestDb) {
    let store = with_residences(db).await;
    let agency = LinkScope::Territory(TerritoryId::parse("agence-vaulx").unwrap());
    let first = [
        link("aaaaaaaaa", residence("R1")),
        link("bbbbbbbbb", agency),
    ];
    store.create_links(&first).await.unwrap();
    assert_eq!(store.links().await.unwrap(), first);
    assert_eq!(
        store.link("aaaaaaaaa").await.unwrap().as_ref(),
        Some(&first[0])
    );
    assert_eq!(store.link("zzzzzzzzz").await.unwrap(), None);
    let before = store.dump().await.unwrap();
    // An unknown residence among good links: nothing is written.
    let bad = [
        link("ccccccccc", residence("R1")),
        link("ddddddddd", residence("R404")),
    ];
    let err = store.create_links(&bad).await.unwrap_err();
    assert!(
        matches!(&err, StoreError::Conflict { fr, .. } if fr.contains("R404")),
        "{err:?}"
    );
    // A code already taken: nothing is written either.
    let err = store
        .create_links(&[
            link("eeeeeeeee", residence("R1")),
            link("aaaaaaaaa", residence("R1")),
        ])
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::Conflict { .. }), "{err:?}");
    assert_eq!(store.dump().await.unwrap(), before);
    store.close().await;
}

async fn counts_add_up_per_link_and_day(db: &TestDb) {
    let store = with_residences(db).await;
    store
        .create_links(&[
            link("aaaaaaaaa", residence("R1")),
            link("bbbbbbbbb", residence("R1")),
        ])
        .await
        .unwrap();
    store
        .add_link_counts(&[
            count("aaaaaaaaa", "2027-06-01", 3, 2, 1),
            count("bbbbbbbbb", "2027-06-01", 1, 1, 0),
        ])
        .await
        .unwrap();
    store
        .add_link_counts(&[
            count("aaaaaaaaa", "2027-06-01", 2, 1, 4),
            count("aaaaaaaaa", "2027-06-02", 5, 5, 0),
        ])
        .await
        .unwrap();
    assert_eq!(
        store.link_counts(None).await.unwrap(),
        [
            count("aaaaaaaaa", "2027-06-01", 5, 3, 5),
            count("aaaaaaaaa", "2027-06-02", 5, 5, 0),
            count("bbbbbbbbb", "2027-06-01", 1, 1, 0),
        ]
    );
    assert_eq!(
        store.link_counts(Some("2027-06-02")).await.unwrap(),
        [count("aaaaaaaaa", "2027-06-02", 5, 5, 0)]
    );
    store.close().await;
}

async fn old_counts_are_purged(db: &TestDb) {
    let store = with_residences(db).await;
    store
        .create_links(&[link("aaaaaaaaa", residence("R1"))])
        .await
        .unwrap();
    store
        .add_link_counts(&[
            count("aaaaaaaaa", "2025-04-30", 1, 1, 0),
            count("aaaaaaaaa", "2025-05-01", 2, 2, 0),
        ])
        .await
        .unwrap();
    assert_eq!(store.purge_link_counts("2025-05-01").await.unwrap(), 1);
    assert_eq!(
        store.link_counts(None).await.unwrap(),
        [count("aaaaaaaaa", "2025-05-01", 2, 2, 0)]
    );
    assert_eq!(store.purge_link_counts("2025-05-01").await.unwrap(), 0);
    store.close().await;
}

async fn the_demo_replaces_links_without_failing(db: &TestDb) {
    let store = SqlStore::open(&db.url).await.unwrap();
    let seed_db = TestDb::sqlite();
    let seeded = with_residences(&seed_db).await;
    let data = Dataset {
        organisation: Some(Organisation {
            siren: Siren::parse("732829320").unwrap(),
            name: "Test Habitat".into(),
            family: Family::Oph,
        }),
        territories: seeded.territories().await.unwrap(),
        residences: seeded.residences().await.unwrap(),
        ..Dataset::default()
    };
    seeded.close().await;
    let secret = InstallationSecret::for_demo(1);
    store.replace_with_demo(1, &secret, &data).await.unwrap();
    let r = store.residences().await.unwrap()[0].id.clone();
    store
        .create_links(&[link("aaaaaaaaa", LinkScope::Residence(r))])
        .await
        .unwrap();
    store
        .add_link_counts(&[count("aaaaaaaaa", "2027-06-01", 1, 1, 0)])
        .await
        .unwrap();
    // Links point at residences the new demo replaces: they go with them.
    store.replace_with_demo(1, &secret, &data).await.unwrap();
    assert!(store.links().await.unwrap().is_empty());
    store.close().await;
}
