//! The website-traffic story, run against SQLite always and PostgreSQL when
//! `RELAIS_TEST_DATABASE_URL` is set (`sqlite::…` and `postgres::…`).

use relais_core::{Dataset, InstallationSecret};
use relais_store::testing::TestDb;
use relais_store::{
    SqlStore, Store, StoreError, TrafficBy, TrafficImport, TrafficQuery, TrafficReportRow,
    TrafficRow, TrafficStore,
};

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
    a_log_is_imported_once_and_reported_by_each_dimension,
    two_files_of_the_same_day_add_up,
    rows_cut_alike_are_merged_before_writing,
    rows_past_the_retention_period_are_skipped_and_purged,
    a_report_can_be_limited_to_a_period_and_a_site,
    the_demo_is_refused_over_imported_traffic,
    a_pull_of_whole_days_replaces_those_days,
);

fn row(day: &str, source: &str, campaign: &str, landing: &str, pv: i64, v: i64) -> TrafficRow {
    TrafficRow {
        day: day.into(),
        source: source.into(),
        campaign: campaign.into(),
        landing: landing.into(),
        pageviews: pv,
        visits: v,
    }
}

fn import(digest: &str, site: &str, rows: Vec<TrafficRow>) -> TrafficImport {
    TrafficImport {
        digest: digest.into(),
        site: site.into(),
        file_name: format!("{digest}.log"),
        format: "combined".into(),
        imported_at: 1_767_600_000,
        lines: 100,
        malformed: 1,
        bots: 20,
        pageviews: rows.iter().map(|r| r.pageviews).sum(),
        visits: rows.iter().map(|r| r.visits).sum(),
        keep_from: None,
        replace_days: None,
        rows,
    }
}

fn query(by: TrafficBy) -> TrafficQuery {
    TrafficQuery {
        by,
        site: None,
        from: None,
        to: None,
    }
}

fn report(rows: &[TrafficReportRow]) -> Vec<(&str, i64, i64)> {
    rows.iter()
        .map(|r| (r.key.as_str(), r.visits, r.pageviews))
        .collect()
}

fn sample() -> Vec<TrafficRow> {
    vec![
        row("2026-01-05", "facebook", "", "/logements", 9, 4),
        row("2026-01-05", "facebook", "hiver", "/", 3, 2),
        row("2026-01-06", "relais", "", "/qr/les-tilleuls", 5, 5),
        row("2026-01-06", "direct", "", "/", 2, 1),
    ]
}

async fn a_log_is_imported_once_and_reported_by_each_dimension(db: &TestDb) {
    let store = SqlStore::open(&db.url).await.unwrap();
    let file = import("aa", "www.site.fr", sample());
    let first = store.import_traffic(&file).await.unwrap();
    assert_eq!((first.already_imported, first.rows_written), (false, 4));
    let again = store.import_traffic(&file).await.unwrap();
    assert!(again.already_imported);
    assert_eq!(again.rows_written, 0);

    let by_network = store
        .traffic_report(&query(TrafficBy::Network))
        .await
        .unwrap();
    assert_eq!(
        report(&by_network),
        vec![("facebook", 6, 12), ("relais", 5, 5), ("direct", 1, 2)]
    );
    let by_day = store.traffic_report(&query(TrafficBy::Day)).await.unwrap();
    assert_eq!(
        report(&by_day),
        vec![("2026-01-05", 6, 12), ("2026-01-06", 6, 7)]
    );
    let by_campaign = store
        .traffic_report(&query(TrafficBy::Campaign))
        .await
        .unwrap();
    assert_eq!(report(&by_campaign), vec![("", 10, 16), ("hiver", 2, 3)]);
    let by_landing = store
        .traffic_report(&query(TrafficBy::Landing))
        .await
        .unwrap();
    assert_eq!(by_landing[0].key, "/qr/les-tilleuls");
    // The dump sees both tables.
    let dump = store.dump().await.unwrap();
    let daily = dump.iter().find(|t| t.table == "traffic_daily").unwrap();
    assert_eq!(daily.rows.len(), 4);
    let imports = dump.iter().find(|t| t.table == "traffic_imports").unwrap();
    assert_eq!(imports.rows.len(), 1);
}

async fn two_files_of_the_same_day_add_up(db: &TestDb) {
    let store = SqlStore::open(&db.url).await.unwrap();
    store
        .import_traffic(&import("aa", "s", sample()))
        .await
        .unwrap();
    let evening = vec![row("2026-01-06", "relais", "", "/qr/les-tilleuls", 2, 1)];
    store
        .import_traffic(&import("bb", "s", evening))
        .await
        .unwrap();
    let by_network = store
        .traffic_report(&query(TrafficBy::Network))
        .await
        .unwrap();
    assert_eq!(report(&by_network)[1], ("relais", 6, 7));
}

async fn rows_cut_alike_are_merged_before_writing(db: &TestDb) {
    let store = SqlStore::open(&db.url).await.unwrap();
    let rows = vec![
        row("2026-01-05", "x", "", "/\u{fffd}", 1, 1),
        row("2026-01-05", "x", "", "/\u{fffd}", 2, 1),
    ];
    let out = store
        .import_traffic(&import("cc", "s", rows))
        .await
        .unwrap();
    assert_eq!(out.rows_written, 1);
    let by_network = store
        .traffic_report(&query(TrafficBy::Network))
        .await
        .unwrap();
    assert_eq!(report(&by_network), vec![("x", 2, 3)]);
}

async fn rows_past_the_retention_period_are_skipped_and_purged(db: &TestDb) {
    let store = SqlStore::open(&db.url).await.unwrap();
    store
        .import_traffic(&import("aa", "s", sample()))
        .await
        .unwrap();
    let mut late = import("dd", "s", vec![row("2026-01-07", "x", "", "/", 1, 1)]);
    late.rows.push(row("2026-01-04", "x", "", "/", 1, 1));
    late.keep_from = Some("2026-01-06".into());
    let out = store.import_traffic(&late).await.unwrap();
    assert_eq!(
        (out.rows_written, out.rows_too_old, out.rows_purged),
        (1, 1, 2)
    );
    let by_day = store.traffic_report(&query(TrafficBy::Day)).await.unwrap();
    assert_eq!(
        report(&by_day),
        vec![("2026-01-06", 6, 7), ("2026-01-07", 1, 1)]
    );
    assert_eq!(store.purge_traffic("2026-01-07").await.unwrap(), 2);
    assert_eq!(store.purge_traffic("2026-01-07").await.unwrap(), 0);
}

async fn a_report_can_be_limited_to_a_period_and_a_site(db: &TestDb) {
    let store = SqlStore::open(&db.url).await.unwrap();
    store
        .import_traffic(&import("aa", "one", sample()))
        .await
        .unwrap();
    store
        .import_traffic(&import("bb", "two", sample()))
        .await
        .unwrap();
    let mut q = query(TrafficBy::Network);
    q.site = Some("two".into());
    q.from = Some("2026-01-06".into());
    q.to = Some("2026-01-06".into());
    let rows = store.traffic_report(&q).await.unwrap();
    assert_eq!(report(&rows), vec![("relais", 5, 5), ("direct", 1, 2)]);
    q.site = None;
    let rows = store.traffic_report(&q).await.unwrap();
    assert_eq!(report(&rows), vec![("relais", 10, 10), ("direct", 2, 4)]);
}

async fn the_demo_is_refused_over_imported_traffic(db: &TestDb) {
    let store = SqlStore::open(&db.url).await.unwrap();
    store
        .import_traffic(&import("aa", "s", sample()))
        .await
        .unwrap();
    let before = store.dump().await.unwrap();
    let secret = InstallationSecret::for_demo(1);
    let err = store
        .replace_with_demo(1, &secret, &Dataset::default())
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::Conflict { .. }), "{err}");
    assert_eq!(store.dump().await.unwrap(), before);
}

async fn a_pull_of_whole_days_replaces_those_days(db: &TestDb) {
    let store = SqlStore::open(&db.url).await.unwrap();
    store
        .import_traffic(&import("aa", "m", sample()))
        .await
        .unwrap();
    let mut pull = import("bb", "m", vec![row("2026-01-06", "facebook", "", "", 4, 2)]);
    pull.replace_days = Some(("2026-01-06".into(), "2026-01-06".into()));
    store.import_traffic(&pull).await.unwrap();
    let by_day = store.traffic_report(&query(TrafficBy::Day)).await.unwrap();
    assert_eq!(
        report(&by_day),
        vec![("2026-01-05", 6, 12), ("2026-01-06", 2, 4)]
    );
}
