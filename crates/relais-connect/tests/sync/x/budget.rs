//! The monthly read budget: never exceeded, a clean stop with a note, and
//! the next month resuming where the last one stopped.

use relais_core::Timestamp;
use relais_store::Store;
use relais_store::testing::TestDb;

use super::{asked, cursor, setup, sync_with};
use crate::{now, table, x_mock};

story!(a_small_budget_is_never_exceeded_and_the_next_month_resumes);

/// Every listing call of a run asked at most what its month's budget left:
/// `max_results` (twice for mentions, whose authors come along) within the
/// budget minus what the mock had served since `start`.
fn within(api: &x_mock::Shared, from: usize, start: u64, budget: u64) {
    let m = api.lock().unwrap();
    for r in m.requests.iter().skip(from) {
        let Some(max) = r.query.get("max_results") else {
            continue;
        };
        let per = if r.path.ends_with("/mentions") { 2 } else { 1 };
        let left = budget - (r.served_before - start);
        assert!(
            per * max.parse::<u64>().unwrap() <= left,
            "{} asked {max} with {left} left",
            r.path
        );
    }
}

async fn a_small_budget_is_never_exceeded_and_the_next_month_resumes<F, Fut>(make: F)
where
    F: FnOnce() -> Fut,
    Fut: Future<Output = Option<TestDb>>,
{
    let Some(db) = make().await else { return };
    let (api, store, c) = setup(&db, "good").await;
    let march = sync_with(&store, &c, now(), 9).await.unwrap();
    let served = api.lock().unwrap().served;
    assert!(served <= 9, "served {served}");
    within(&api, 0, 0, 9);
    let reads = march.reads.unwrap();
    assert_eq!((reads.run, reads.month, reads.budget), (served, served, 9));
    // Two pages of two posts, then fewer than 5 results left: the walk
    // stops; the read kept for the account gives the follower count.
    assert_eq!((march.posts, march.comments), (3, 0), "{march:?}");
    assert_eq!(march.followers, Some(1820));
    assert_eq!(march.notes.len(), 1, "{:?}", march.notes);
    let note = march
        .notes
        .iter()
        .find(|n| n.contains("--x-read-budget"))
        .unwrap();
    assert!(note.contains("5 lectures en 2026-03 sur 9"), "{note}");
    assert!(note.contains("5 reads in 2026-03 out of 9"), "{note}");
    assert!(asked(&api, "/mentions").is_empty());
    let dump = store.dump().await.unwrap();
    assert_eq!(cursor(&dump, "x_reads:2026-03"), Some("5"));
    assert_eq!(cursor(&dump, "posts"), None, "the walk did not end");

    // April: a new count, and the walk goes on from its page.
    let april = Timestamp::from_unix(1_775_088_000).unwrap(); // 2026-04-02
    let from = api.lock().unwrap().requests.len();
    let start = api.lock().unwrap().served;
    let next = sync_with(&store, &c, april, 9).await.unwrap();
    within(&api, from, start, 9);
    let first = api.lock().unwrap().requests[from].clone();
    assert_eq!(
        first.query.get("pagination_token").map(String::as_str),
        Some("t4")
    );
    assert_eq!(next.reads.unwrap().month, 2, "the old post and the account");
    assert!(
        next.notes
            .iter()
            .any(|n| n.contains("2 lectures en 2026-04 sur 9"))
    );

    // A raised budget reads the mentions; March's count stays as it was.
    let more = sync_with(&store, &c, april, 30).await.unwrap();
    assert_eq!((more.comments, more.replies), (2, 1), "{more:?}");
    assert!(!more.notes.iter().any(|n| n.contains("--x-read-budget")));
    let dump = store.dump().await.unwrap();
    assert_eq!(cursor(&dump, "x_reads:2026-03"), Some("5"));
    assert_eq!(cursor(&dump, "x_reads:2026-04"), Some("9"));
    assert_eq!(table(&dump, "posts").len(), 4);
    store.close().await;
    db.cleanup().await;
}
