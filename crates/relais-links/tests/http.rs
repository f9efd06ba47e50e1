//! The redirect over real HTTP: what a phone, a preview fetcher and a
//! stranger guessing codes each get, what is counted, and that nothing
//! personal is written anywhere.

mod common;

use std::io::Write;
use std::sync::{Arc, Mutex, OnceLock};

use common::*;
use relais_store::LinkStore;
use relais_store::testing::TestDb;
use sqlx::{AnyConnection, Connection};

#[tokio::test]
async fn a_scan_is_redirected_to_the_target_with_its_utm() {
    let db = TestDb::sqlite();
    let store = database(&db).await;
    let l = link(&store, "R1").await;
    let server = Server::start(&store).await;
    let r = get(server.addr, &format!("/r/{}", l.code), Some(PHONE)).await;
    assert_eq!(r.status, 302);
    assert_eq!(
        r.header("location"),
        Some(
            "https://www.bailleur.fr/actus?page=2&utm_source=relais&utm_medium=affiche\
             &utm_campaign=fete-des-voisins-2027&utm_content=R1"
        )
    );
    assert_eq!(r.header("cache-control"), Some("no-store"));
    assert_eq!(r.header("set-cookie"), None);
    server.stop().await;
    let counts = store.link_counts(None).await.unwrap();
    assert_eq!(counts.len(), 1);
    assert_eq!(
        (counts[0].scans, counts[0].uniques, counts[0].bots),
        (1, 1, 0)
    );
    assert_eq!(counts[0].code, l.code);
    store.close().await;
}

#[tokio::test]
async fn unknown_codes_get_the_french_404_and_never_a_redirect() {
    let db = TestDb::sqlite();
    let store = database(&db).await;
    link(&store, "R1").await;
    let server = Server::start(&store).await;
    for path in [
        "/r/abcdefghj",
        "/r/nope",
        "/r/https:%2F%2Fevil.example",
        "/r/",
        "/",
        "/r/abcdefghj/extra",
        "//evil.example/",
    ] {
        let r = get(server.addr, path, Some(PHONE)).await;
        assert_eq!(r.status, 404, "{path}");
        assert_eq!(r.header("location"), None, "{path}");
        assert!(
            r.body.contains("Ce lien n’existe pas"),
            "{path}: {}",
            r.body
        );
        assert_eq!(r.header("content-type"), Some("text/html; charset=utf-8"));
        assert_eq!(r.header("set-cookie"), None);
    }
    server.stop().await;
    assert!(store.link_counts(None).await.unwrap().is_empty());
    store.close().await;
}

#[tokio::test]
async fn previews_crawlers_and_head_are_redirected_but_counted_as_bots() {
    let db = TestDb::sqlite();
    let store = database(&db).await;
    let l = link(&store, "R1").await;
    let path = format!("/r/{}", l.code);
    let server = Server::start(&store).await;
    for ua in [
        Some("facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)"),
        Some(
            "LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)",
        ),
        Some("WhatsApp/2.23.20.0 A"),
        Some("curl/8.5.0"),
        None,
    ] {
        let r = get(server.addr, &path, ua).await;
        assert_eq!(r.status, 302, "{ua:?}");
    }
    let mut c = Client::connect(server.addr, None).await;
    let head = c.send("HEAD", &path, Some(PHONE)).await;
    assert_eq!(head.status, 302);
    assert!(head.header("location").is_some());
    // Two scans by the same phone, one by another: 3 scans, 2 unique.
    get(server.addr, &path, Some(PHONE)).await;
    get(server.addr, &path, Some(PHONE)).await;
    get(
        server.addr,
        &path,
        Some("Mozilla/5.0 (Linux; Android 14) Chrome/126 Mobile"),
    )
    .await;
    server.stop().await;
    let c = &store.link_counts(None).await.unwrap()[0];
    assert_eq!((c.scans, c.uniques, c.bots), (3, 2, 6));
    store.close().await;
}

#[tokio::test]
async fn a_target_edited_by_hand_outside_the_allowed_domains_is_not_followed() {
    let db = TestDb::sqlite();
    let store = database(&db).await;
    let l = link(&store, "R1").await;
    let mut conn = AnyConnection::connect(&db.url).await.unwrap();
    for evil in [
        "https://evil.example/phishing",
        "https://www.bailleur.fr@evil.example/",
        "https://bailleur.fr.evil.example/",
        "javascript:alert(1)",
    ] {
        sqlx::query("UPDATE links SET target = $1 WHERE code = $2")
            .bind(evil)
            .bind(l.code.as_str())
            .execute(&mut conn)
            .await
            .unwrap();
        // A fresh server each time: nothing cached from before the edit.
        let server = Server::start(&store).await;
        let r = get(server.addr, &format!("/r/{}", l.code), Some(PHONE)).await;
        assert_eq!(r.status, 404, "{evil}");
        assert_eq!(r.header("location"), None, "{evil}");
        server.stop().await;
    }
    conn.close().await.unwrap();
    assert!(store.link_counts(None).await.unwrap().is_empty());
    store.close().await;
}

#[tokio::test]
async fn forwarded_addresses_count_only_from_a_trusted_proxy() {
    let db = TestDb::sqlite();
    let store = database(&db).await;
    let l = link(&store, "R1").await;
    let path = format!("/r/{}", l.code);
    // From an untrusted peer the header is whatever the client wrote: ignored.
    assert_eq!(forwarded_uniques(&db, &store, &path, vec![]).await, (3, 1));
    let proxy = vec!["127.0.0.1".parse().unwrap()];
    assert_eq!(forwarded_uniques(&db, &store, &path, proxy).await, (3, 3));
    store.close().await;
}

/// Scans and uniques of three requests from one phone with three
/// `X-Forwarded-For` addresses (the counts are emptied afterwards).
async fn forwarded_uniques(
    db: &TestDb,
    store: &relais_store::SqlStore,
    path: &str,
    trusted: Vec<std::net::IpAddr>,
) -> (i64, i64) {
    let server = Server::start_with(store, trusted).await;
    let mut c = Client::connect(server.addr, None).await;
    for xff in ["203.0.113.1", "203.0.113.2", "198.51.100.9, 203.0.113.3"] {
        let h = format!("X-Forwarded-For: {xff}\r\n");
        assert_eq!(c.send_with("GET", path, Some(PHONE), &h).await.status, 302);
    }
    server.stop().await;
    let counts = store.link_counts(None).await.unwrap();
    let mut conn = AnyConnection::connect(&db.url).await.unwrap();
    sqlx::query("DELETE FROM link_daily")
        .execute(&mut conn)
        .await
        .unwrap();
    conn.close().await.unwrap();
    (counts[0].scans, counts[0].uniques)
}

/// Every log line of this test binary, at every level.
fn captured_logs() -> Arc<Mutex<Vec<u8>>> {
    static LOGS: OnceLock<Arc<Mutex<Vec<u8>>>> = OnceLock::new();
    LOGS.get_or_init(|| {
        let buf = Arc::new(Mutex::new(Vec::new()));
        let writer = buf.clone();
        tracing_subscriber::fmt()
            .with_max_level(tracing::Level::TRACE)
            .with_writer(move || Sink(writer.clone()))
            .init();
        buf
    })
    .clone()
}

struct Sink(Arc<Mutex<Vec<u8>>>);

impl Write for Sink {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(b);
        Ok(b.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test]
async fn no_address_user_agent_or_cookie_is_written_anywhere() {
    let logs = captured_logs();
    let db = TestDb::sqlite();
    let store = database(&db).await;
    let l = link(&store, "R1").await;
    let server = Server::start(&store).await;
    let ua = "Mozilla/5.0 (iPhone; relais-privacy-probe-7f3a) Mobile Safari/604.1";
    let mut c = Client::connect(server.addr, Some("127.0.0.77")).await;
    for _ in 0..3 {
        let r = c.send("GET", &format!("/r/{}", l.code), Some(ua)).await;
        assert_eq!(r.status, 302);
        assert_eq!(r.header("set-cookie"), None);
    }
    c.send("GET", "/r/zzzzzzzzz", Some(ua)).await;
    server.stop().await;
    assert_eq!(store.link_counts(None).await.unwrap()[0].scans, 3);
    store.close().await;
    let logs = String::from_utf8(logs.lock().unwrap().clone()).unwrap();
    assert!(
        logs.contains("link counts written"),
        "the capture works: {logs}"
    );
    let path = db.url.trim_start_matches("sqlite://").to_string();
    let mut files = vec![("log", logs.into_bytes())];
    for suffix in ["", "-wal", "-shm"] {
        if let Ok(bytes) = std::fs::read(format!("{path}{suffix}")) {
            files.push(("database", bytes));
        }
    }
    for (what, bytes) in &files {
        let text = String::from_utf8_lossy(bytes);
        for secret in ["127.0.0.77", "relais-privacy-probe-7f3a", "iPhone"] {
            assert!(!text.contains(secret), "{secret} found in the {what}");
        }
    }
}
