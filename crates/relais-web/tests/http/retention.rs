//! Retention: an admin shortens how long people's words are kept and
//! applies it; old comments lose their text and names, the KPIs keep their
//! counts.

use relais_store::testing::TestDb;
use relais_store::{Store, WebStore};
use relais_web::Settings;
use reqwest::StatusCode;

use crate::story;
use crate::support::{enc, start};

story!(an_admin_applies_retention_and_the_kpis_keep_their_counts);

async fn an_admin_applies_retention_and_the_kpis_keep_their_counts(db: &TestDb) {
    let s = start(db, Settings::default()).await;
    let admin = s.login("admin@test.fr").await;
    let token = s.token_for("admin@test.fr").await;
    let (_, kpis_before) = s
        .api_get(&token, "/api/v1/kpis?kpi=response_rate,tenant_voice_share")
        .await;
    let oldest = {
        let snap = s.app.data.current();
        let f = &snap.facts;
        let c = (0..f.comments.len())
            .filter(|&c| !f.comments[c].is_landlord())
            .min_by_key(|&c| f.comments[c].created_at)
            .unwrap();
        f.comments[c].id.clone()
    };
    let (_, page) = s
        .get_with(&admin, &format!("/inbox/{}", enc(&oldest)))
        .await;
    assert!(!page.contains("texte effacé"), "the text is there before");

    // Bad input is refused with what is accepted.
    let (status, body, _) = s
        .post_form(
            &admin,
            "/admin/retention",
            &[("comments_months", "0"), ("links_months", "25")],
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body.contains("entre 1 et 240"), "says the range");

    // One month: everything of the demo (which ends weeks ago) is past it.
    let (status, _, to) = s
        .post_form(
            &admin,
            "/admin/retention",
            &[("comments_months", "1"), ("links_months", "25")],
        )
        .await;
    assert_eq!(
        (status, to.as_deref()),
        (StatusCode::SEE_OTHER, Some("/admin/retention?done=saved"))
    );
    assert_eq!(
        s.store
            .setting("retention.comments_months")
            .await
            .unwrap()
            .as_deref(),
        Some("1")
    );
    let (status, _, to) = s.post_form(&admin, "/admin/retention/apply", &[]).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert!(to.unwrap().contains("done=applied"));

    let (_, page) = s
        .get_with(&admin, &format!("/inbox/{}", enc(&oldest)))
        .await;
    assert!(page.contains("texte effacé"), "the text is gone");
    let details = s
        .store
        .comment_details(std::slice::from_ref(&oldest))
        .await
        .unwrap();
    assert_eq!(details[0].text, "");
    assert_eq!(details[0].display_name, None, "the name too");
    let (_, kpis_after) = s
        .api_get(&token, "/api/v1/kpis?kpi=response_rate,tenant_voice_share")
        .await;
    assert_eq!(kpis_after, kpis_before, "the KPIs count the same comments");
    let log = s.store.action_log(20).await.unwrap();
    assert!(
        log.iter()
            .any(|e| e.action == "retention.apply" && e.actor == "admin@test.fr")
    );
    assert!(
        log.iter()
            .any(|e| e.action == "settings.set" && e.subject == "retention.comments_months")
    );
    let dump = format!("{:?}", Store::dump(&s.store).await.unwrap());
    assert!(!dump.is_empty());
    s.stop().await;
}
