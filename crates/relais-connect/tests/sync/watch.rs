//! Comments on posts older than the last run: the next run finds them,
//! reading only the new ones, and refreshes those posts' insights once a
//! day.

use relais_core::Timestamp;
use relais_store::Store;
use relais_store::testing::TestDb;

use super::{cell, connected, mock, now, sync, sync_at, table};

story!(a_comment_on_an_older_post_reaches_the_next_run);

async fn a_comment_on_an_older_post_reaches_the_next_run<F, Fut>(make: F)
where
    F: FnOnce() -> Fut,
    Fut: Future<Output = Option<TestDb>>,
{
    let Some(db) = make().await else { return };
    let api = mock::start().await;
    let base = api.lock().unwrap().base.clone();
    let (store, c) = connected(&db, &base, "good").await;
    sync(&store, &c).await.unwrap();
    let insights = |api: &mock::Shared| {
        api.lock()
            .unwrap()
            .requests
            .iter()
            .filter(|r| r.ends_with("insights") && !r.starts_with("111/"))
            .count()
    };
    let asked_first = insights(&api);

    // The next day, a tenant answers a post of the first run.
    api.lock().unwrap().late_comment = true;
    let tomorrow = Timestamp::from_unix(now().unix() + 86_400).unwrap();
    let next = sync_at(&store, &c, tomorrow).await.unwrap();
    assert_eq!(next.posts, 0, "no new post");
    assert_eq!(next.comments, 1, "only the new comment: {next:?}");
    let dump = store.dump().await.unwrap();
    let late = table(&dump, "comments")
        .iter()
        .find(|r| cell(r, 0) == "facebook:111_2_2")
        .expect("the late comment is stored");
    assert_eq!(cell(late, 3), "facebook:111_2");
    assert!(
        !api.lock()
            .unwrap()
            .requests
            .iter()
            .any(|r| r.contains("page=2") && r.contains("111_2")),
        "paging stops at the first comment already seen"
    );
    // Each watched post's insights, once that day, one ask each: the
    // metrics the first run learnt are asked directly.
    assert_eq!(insights(&api), asked_first + 3);
    let again = sync_at(&store, &c, tomorrow).await.unwrap();
    assert_eq!((again.comments, again.metrics), (0, 0));
    assert_eq!(insights(&api), asked_first + 3, "not twice a day");
    store.close().await;
    db.cleanup().await;
}
