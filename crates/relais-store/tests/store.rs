//! The store story, run against SQLite always and PostgreSQL when
//! `RELAIS_TEST_DATABASE_URL` is set: each test exists once per backend
//! (`sqlite::…` and `postgres::…`), each on a throwaway database.

use std::num::NonZeroU32;

use relais_core::*;
use relais_store::testing::TestDb;
use relais_store::{SqlStore, Store, StoreError};

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
    a_new_database_is_migrated_and_empty,
    residence_import_creates_territories_and_is_idempotent,
    a_refused_import_leaves_the_database_as_it_was,
    a_database_from_a_newer_relais_is_refused_untouched,
    the_demo_is_refused_over_real_data,
    the_same_dataset_gives_the_same_dump,
    erasing_a_person_removes_their_comments_labels_and_name,
    the_installation_secret_is_kept_once_created,
    an_import_is_written_once_and_a_dry_run_writes_nothing,
    comments_on_unknown_posts_are_refused_whole,
);

fn territory_tree() -> Vec<Territory> {
    let d = Territory::direction("Direction Est").unwrap();
    let a = Territory::agency("Agence Vaulx", &d.id).unwrap();
    vec![d, a]
}

fn residence(id: &str, name: &str, homes: u32) -> Residence {
    Residence {
        id: ResidenceId::parse(id).unwrap(),
        name: name.into(),
        aliases: vec!["les tours".into()],
        street: "12 rue des Lilas".into(),
        postcode: Postcode::parse("69120").unwrap(),
        city: "Vaulx-en-Velin".into(),
        homes: NonZeroU32::new(homes).unwrap(),
        built_year: Some(BuiltYear::new(1968).unwrap()),
        agency: TerritoryId::parse("agence-vaulx").unwrap(),
    }
}

async fn a_new_database_is_migrated_and_empty(db: &TestDb) {
    let store = SqlStore::open(&db.url).await.unwrap();
    let status = store.status().await.unwrap();
    assert_eq!(status.counts.residences, 0);
    assert!(status.organisations.is_empty());
    assert_eq!(status.schema_version, relais_store::SCHEMA_VERSION);
    store.close().await;
    // Opening again finds the schema in place.
    let again = SqlStore::open(&db.url).await.unwrap();
    assert_eq!(again.status().await.unwrap().counts.posts, 0);
    again.close().await;
}

async fn residence_import_creates_territories_and_is_idempotent(db: &TestDb) {
    let store = SqlStore::open(&db.url).await.unwrap();
    let rs = vec![
        residence("R1", "Les Tilleuls", 120),
        residence("R2", "Le Parc", 40),
    ];
    let first = store
        .import_residences(&territory_tree(), &rs)
        .await
        .unwrap();
    assert_eq!(first.territories_created, 2);
    assert_eq!(first.residences_created, 2);
    let before = store.dump().await.unwrap();
    let second = store
        .import_residences(&territory_tree(), &rs)
        .await
        .unwrap();
    assert_eq!(second.territories_created, 0);
    assert_eq!(second.residences_unchanged, 2);
    assert_eq!(store.dump().await.unwrap(), before);
    let changed = vec![residence("R1", "Les Tilleuls", 121)];
    let third = store
        .import_residences(&territory_tree(), &changed)
        .await
        .unwrap();
    assert_eq!(third.residences_updated, 1);
    let listed = store.residences().await.unwrap();
    assert_eq!(listed.len(), 2);
    assert_eq!(
        listed
            .iter()
            .find(|r| r.id.as_str() == "R1")
            .unwrap()
            .homes
            .get(),
        121
    );
    assert_eq!(listed[0].aliases, vec!["les tours".to_string()]);
    let ts = store.territories().await.unwrap();
    assert_eq!(ts, territory_tree());
    store.close().await;
}

async fn a_refused_import_leaves_the_database_as_it_was(db: &TestDb) {
    let store = SqlStore::open(&db.url).await.unwrap();
    store
        .import_residences(&territory_tree(), &[residence("R1", "Les Tilleuls", 120)])
        .await
        .unwrap();
    let before = store.dump().await.unwrap();
    // The same agency name under another direction, with a new residence.
    let other = Territory::direction("Direction Ouest").unwrap();
    let moved = Territory::agency("Agence Vaulx", &other.id).unwrap();
    let err = store
        .import_residences(&[other, moved], &[residence("R9", "Nouvelle", 10)])
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::Conflict { .. }), "{err:?}");
    assert!(
        err.message(Lang::Fr).contains("agence-vaulx"),
        "{}",
        err.message(Lang::Fr)
    );
    assert_eq!(store.dump().await.unwrap(), before);
    store.close().await;
}

async fn a_database_from_a_newer_relais_is_refused_untouched(db: &TestDb) {
    let store = SqlStore::open(&db.url).await.unwrap();
    store.close().await;
    sqlx::any::install_default_drivers();
    let pool = sqlx::AnyPool::connect(&db.url).await.unwrap();
    sqlx::query(
        "INSERT INTO relais_migrations (version, description, checksum, applied_at)
         VALUES (99, 'from the future', 'x', 0)",
    )
    .execute(&pool)
    .await
    .unwrap();
    pool.close().await;
    let err = SqlStore::open(&db.url).await.unwrap_err();
    assert!(
        matches!(err, StoreError::NewerDatabase { found: 99, .. }),
        "{err:?}"
    );
    assert!(err.message(Lang::En).contains("newer relais"));
}

fn small_dataset(secret: &InstallationSecret) -> Dataset {
    let mut d = Dataset {
        organisation: Some(Organisation {
            siren: Siren::parse("732829320").unwrap(),
            name: "Test Habitat".into(),
            family: Family::Oph,
        }),
        territories: territory_tree(),
        residences: vec![residence("R1", "Les Tilleuls", 120)],
        ..Dataset::default()
    };
    let account = Account {
        id: Account::make_id(Network::Facebook, "testhabitat").unwrap(),
        network: Network::Facebook,
        kind: AccountKind::Page,
        handle: "testhabitat".into(),
        network_id: NetworkId::parse("1001").unwrap(),
        name: "Test Habitat".into(),
        territory: None,
    };
    let post = PostKey {
        network: Network::Facebook,
        network_id: NetworkId::parse("1001_1").unwrap(),
    };
    d.posts.push(Post {
        key: post.clone(),
        account: account.id.clone(),
        published_at: Timestamp::from_unix(1_767_258_000).unwrap(),
        text: "Coupure d'eau aux Tilleuls".into(),
        permalink: None,
        media: MediaType::Photo,
        residence: Some(ResidenceId::parse("R1").unwrap()),
        territory: Some(TerritoryId::parse("agence-vaulx").unwrap()),
    });
    d.metrics.push(MetricSnapshot {
        post: post.clone(),
        observed_at: Timestamp::from_unix(1_767_300_000).unwrap(),
        metric: Metric::Views,
        value: 1234.0,
        source: MetricSource {
            origin: "test".into(),
            version: "1".into(),
        },
    });
    let c1 = CommentKey {
        network: Network::Facebook,
        network_id: NetworkId::parse("c1").unwrap(),
    };
    for (id, person) in [("c1", "u-1"), ("c2", "u-2")] {
        d.comments.push(Comment {
            key: CommentKey {
                network: Network::Facebook,
                network_id: NetworkId::parse(id).unwrap(),
            },
            post: post.clone(),
            parent: None,
            author: CommentAuthor::Person {
                pseudonym: secret.pseudonym(Network::Facebook, person),
                display_name: Some(format!("Personne {person}")),
            },
            text: "Toujours pas d'eau chaude".into(),
            created_at: Timestamp::from_unix(1_767_260_000).unwrap(),
        });
    }
    d.comments.push(Comment {
        key: CommentKey {
            network: Network::Facebook,
            network_id: NetworkId::parse("r1").unwrap(),
        },
        post: post.clone(),
        parent: Some(c1.clone()),
        author: CommentAuthor::Landlord {
            account: account.id.clone(),
        },
        text: "Bonjour, nous vous répondons en message privé.".into(),
        created_at: Timestamp::from_unix(1_767_270_000).unwrap(),
    });
    d.accounts.push(account);
    d.labels.push(Label {
        subject: Subject::Comment(c1),
        value: LabelValue::Category(Category::HeatingHotWater),
        source: LabelSource::Model {
            version: "test-1".into(),
            confidence: Confidence::new(0.9).unwrap(),
        },
    });
    d.labels.push(Label {
        subject: Subject::Post(post),
        value: LabelValue::Theme(Theme::Practical),
        source: LabelSource::Human {
            by: "anne@habitat.fr".into(),
        },
    });
    d
}

async fn the_demo_is_refused_over_real_data(db: &TestDb) {
    let store = SqlStore::open(&db.url).await.unwrap();
    store
        .import_residences(&territory_tree(), &[residence("R1", "Les Tilleuls", 120)])
        .await
        .unwrap();
    let before = store.dump().await.unwrap();
    let secret = InstallationSecret::for_demo(1);
    let err = store
        .replace_with_demo(1, &secret, &small_dataset(&secret))
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::Conflict { .. }));
    assert_eq!(store.dump().await.unwrap(), before);
    store.close().await;
}

async fn the_same_dataset_gives_the_same_dump(db: &TestDb) {
    let store = SqlStore::open(&db.url).await.unwrap();
    let secret = InstallationSecret::for_demo(3);
    let data = small_dataset(&secret);
    let summary = store.replace_with_demo(3, &secret, &data).await.unwrap();
    assert_eq!(summary.comments, 3);
    assert_eq!(summary.authors, 2);
    let first = store.dump().await.unwrap();
    // Writing it again replaces, never duplicates.
    store.replace_with_demo(3, &secret, &data).await.unwrap();
    assert_eq!(store.dump().await.unwrap(), first);
    let status = store.status().await.unwrap();
    assert_eq!(status.counts.comments, 2);
    assert_eq!(status.counts.replies, 1);
    assert_eq!(status.counts.labels, 2);
    assert_eq!(status.demo_seed, Some(3));
    assert_eq!(status.organisations[0].name, "Test Habitat");
    store.close().await;
}

async fn erasing_a_person_removes_their_comments_labels_and_name(db: &TestDb) {
    let store = SqlStore::open(&db.url).await.unwrap();
    let secret = InstallationSecret::for_demo(4);
    store
        .replace_with_demo(4, &secret, &small_dataset(&secret))
        .await
        .unwrap();
    let person = secret.pseudonym(Network::Facebook, "u-1");
    assert_eq!(store.erase_person(&person).await.unwrap(), 1);
    let status = store.status().await.unwrap();
    assert_eq!(status.counts.comments, 1);
    assert_eq!(status.counts.authors, 1);
    assert_eq!(
        status.counts.labels, 1,
        "the erased comment's label goes too"
    );
    assert_eq!(status.counts.replies, 1, "the landlord's reply stays");
    let dump = format!("{:?}", store.dump().await.unwrap());
    assert!(!dump.contains(person.as_str()));
    assert!(!dump.contains("Personne u-1"));
    store.close().await;
}

async fn the_installation_secret_is_kept_once_created(db: &TestDb) {
    let store = SqlStore::open(&db.url).await.unwrap();
    let first = store
        .installation_secret(InstallationSecret::from_bytes([1; 32]))
        .await
        .unwrap();
    let second = store
        .installation_secret(InstallationSecret::from_bytes([2; 32]))
        .await
        .unwrap();
    assert_eq!(first, second);
    assert_eq!(first, InstallationSecret::from_bytes([1; 32]));
    store.close().await;
}

fn import_batch(digest: &str, secret: &InstallationSecret) -> ImportBatch {
    let d = small_dataset(secret);
    ImportBatch {
        digest: digest.into(),
        file_name: "posts.csv".into(),
        format: "MetaFacebookPosts".into(),
        account: Some(d.accounts[0].id.clone()),
        imported_at: Timestamp::from_unix(1_767_400_000).unwrap(),
        rows: 1,
        new_accounts: d.accounts.clone(),
        posts: d.posts.clone(),
        metrics: d.metrics.clone(),
        daily: vec![AccountMetricValue {
            account: d.accounts[0].id.clone(),
            day: chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
            metric: AccountMetric::NewFollowers,
            value: 12.0,
            source: "test".into(),
        }],
        comments: d
            .comments
            .iter()
            .enumerate()
            .map(|(i, c)| BatchComment {
                line: i as u64 + 2,
                comment: c.clone(),
            })
            .collect(),
    }
}

async fn an_import_is_written_once_and_a_dry_run_writes_nothing(db: &TestDb) {
    let store = SqlStore::open(&db.url).await.unwrap();
    let secret = InstallationSecret::for_demo(9);
    let mut batch = import_batch("d1", &secret);
    // The post's residence is not in this database: an export never sets it.
    batch.posts[0].residence = None;
    batch.posts[0].territory = None;
    let before = store.dump().await.unwrap();
    let dry = store.import_batch(&batch, true).await.unwrap();
    assert_eq!(dry.posts_new, 1);
    assert_eq!(
        store.dump().await.unwrap(),
        before,
        "a dry run wrote something"
    );
    let first = store.import_batch(&batch, false).await.unwrap();
    assert_eq!(
        (first.posts_new, first.comments_new, first.replies),
        (1, 3, 1)
    );
    assert_eq!(first.accounts_created, 1);
    let after = store.dump().await.unwrap();
    let again = store.import_batch(&batch, false).await.unwrap();
    assert!(again.already_imported);
    assert_eq!(store.dump().await.unwrap(), after);
    // Another export of the same post: the post is unchanged, a new snapshot is kept.
    let mut later = import_batch("d2", &secret);
    later.posts[0].residence = None;
    later.posts[0].territory = None;
    later.new_accounts.clear();
    for m in &mut later.metrics {
        m.observed_at = Timestamp::from_unix(1_767_500_000).unwrap();
        m.value = 2000.0;
    }
    let second = store.import_batch(&later, false).await.unwrap();
    assert_eq!(
        (
            second.posts_new,
            second.posts_unchanged,
            second.comments_updated
        ),
        (0, 1, 3)
    );
    let status = store.status().await.unwrap();
    assert_eq!(status.counts.metric_snapshots, 2);
    assert_eq!(status.counts.comments, 2);
    assert_eq!(status.counts.replies, 1);
    let dump = store.dump().await.unwrap();
    let comments = dump.iter().find(|t| t.table == "comments").unwrap();
    let reply = comments
        .rows
        .iter()
        .find(|r| r[0].as_deref() == Some("facebook:r1"))
        .unwrap();
    assert_eq!(
        reply[4].as_deref(),
        Some("facebook:c1"),
        "the reply is linked to its parent"
    );
    store.close().await;
}

async fn comments_on_unknown_posts_are_refused_whole(db: &TestDb) {
    let store = SqlStore::open(&db.url).await.unwrap();
    let secret = InstallationSecret::for_demo(10);
    let mut batch = import_batch("d3", &secret);
    batch.posts.clear();
    batch.metrics.clear();
    let before = store.dump().await.unwrap();
    let err = store.import_batch(&batch, false).await.unwrap_err();
    assert!(
        err.message(Lang::Fr).contains("ligne 2"),
        "{}",
        err.message(Lang::Fr)
    );
    assert_eq!(store.dump().await.unwrap(), before);
    store.close().await;
}
