//! The load test: many requests on loopback over keep-alive connections
//! from several addresses, a clean shutdown, then the stored counts must
//! equal what was sent, exactly. (Throughput is measured by
//! `bench/links.sh`, not asserted here.)

mod common;

use common::*;
use relais_store::LinkStore;
use relais_store::testing::TestDb;

const CONNECTIONS: usize = 8;
const PER_CONNECTION: usize = 1_500;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_request_of_a_load_is_counted_after_a_clean_shutdown() {
    let db = TestDb::sqlite();
    let store = database(&db).await;
    let a = link(&store, "R1").await;
    let b = link(&store, "R2").await;
    let server = Server::start(&store).await;
    let mut clients = Vec::new();
    for i in 0..CONNECTIONS {
        let (addr, code) = (server.addr, if i % 2 == 0 { &a.code } else { &b.code });
        let path = format!("/r/{code}");
        clients.push(tokio::spawn(async move {
            let mut c = Client::connect(addr, Some(&format!("127.0.0.{}", 10 + i))).await;
            for n in 0..PER_CONNECTION {
                // Every tenth request is a link preview.
                let ua = if n % 10 == 9 { "WhatsApp/2.23" } else { PHONE };
                assert_eq!(c.send("GET", &path, Some(ua)).await.status, 302);
            }
        }));
    }
    for c in clients {
        c.await.unwrap();
    }
    let report = server.stop().await;
    let total = (CONNECTIONS * PER_CONNECTION) as i64;
    assert_eq!(report.scans + report.bots, total);
    let counts = store.link_counts(None).await.unwrap();
    let sum = |f: fn(&relais_store::DailyCount) -> i64| counts.iter().map(f).sum::<i64>();
    assert_eq!(sum(|c| c.scans), total * 9 / 10);
    assert_eq!(sum(|c| c.bots), total / 10);
    // One phone per connection: one unique scanner each.
    assert_eq!(sum(|c| c.uniques), CONNECTIONS as i64);
    store.close().await;
}
