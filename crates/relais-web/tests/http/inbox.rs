//! A referent answers an urgent message of their agency, and the response
//! KPIs of their agency reflect it.

use relais_store::testing::TestDb;
use relais_web::Settings;
use reqwest::StatusCode;

use crate::story;
use crate::support::{enc, start};

story!(a_referent_answers_and_the_response_kpis_move);

/// The response rate of one agency, from the API.
async fn response_rate(s: &crate::support::Server, token: &str, agency: &str) -> (f64, u64) {
    let (status, rows) = s
        .api_get(token, "/api/v1/kpis?kpi=response_rate&slice=agency")
        .await;
    assert_eq!(status, StatusCode::OK, "{rows}");
    let row = rows
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["slice"]["agency"] == agency)
        .unwrap_or_else(|| panic!("a row for {agency}: {rows}"))
        .clone();
    (row["value"].as_f64().unwrap(), row["n"].as_u64().unwrap())
}

async fn a_referent_answers_and_the_response_kpis_move(db: &TestDb) {
    let s = start(db, Settings::default()).await;
    let (agency, comment) = s.a.clone();
    let referent = s.login("refa@test.fr").await;
    let token = s.token_for("refa@test.fr").await;
    let agency_name = {
        let snap = s.app.data.current();
        snap.facts.territories[snap.territory_index[&agency]]
            .name
            .clone()
    };

    // The inbox lists the comment, urgent ones first.
    let (status, page) = s.get_with(&referent, "/inbox?per_page=200").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        page.contains(&format!("/inbox/{}", enc(&comment))),
        "the open comment is listed"
    );
    let (_, list) = s.api_get(&token, "/api/v1/comments?per_page=200").await;
    let items = list["items"].as_array().unwrap();
    let urgent: Vec<bool> = items
        .iter()
        .map(|i| i["labels"]["urgency"] == "urgent")
        .collect();
    assert!(
        urgent.windows(2).all(|w| w[0] >= w[1]),
        "urgent first: {urgent:?}"
    );

    let (rate_before, n_before) = response_rate(&s, &token, &agency).await;

    // Assign to oneself, reply.
    let (status, _, to) = s
        .post_form(
            &referent,
            &format!("/inbox/{}/assign", enc(&comment)),
            &[("assignee", "refa@test.fr")],
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(
        to.as_deref(),
        Some(format!("/inbox/{}?done=assign", enc(&comment)).as_str())
    );
    let reply = "Bonjour, merci pour votre message. Nous vous contactons en privé pour organiser l'intervention.";
    let (status, _, _) = s
        .post_form(
            &referent,
            &format!("/inbox/{}/reply", enc(&comment)),
            &[("text", reply)],
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);

    // The comment page shows the reply and who wrote it.
    let (_, page) = s
        .get_with(&referent, &format!("/inbox/{}", enc(&comment)))
        .await;
    assert!(
        page.contains("Nous vous contactons en privé"),
        "the reply is shown"
    );
    assert!(page.contains("refa@test.fr"), "with its author");

    // It left the open inbox, and the agency's response rate counts it.
    let (_, page) = s.get_with(&referent, "/inbox?per_page=200").await;
    assert!(
        !page.contains(&format!("/inbox/{}\"", enc(&comment))),
        "no longer open"
    );
    let (rate_after, n_after) = response_rate(&s, &token, &agency).await;
    assert_eq!(
        n_after, n_before,
        "same comments needing an answer in {agency_name}"
    );
    let expected = rate_before + 1.0 / n_before as f64;
    assert!(
        (rate_after - expected).abs() < 1e-9,
        "{agency_name}: response rate {rate_before} → {rate_after}, expected {expected}"
    );
    let (_, one) = s
        .api_get(&token, &format!("/api/v1/comments/{}", enc(&comment)))
        .await;
    assert_eq!(one["answered"], true, "{one}");

    // Empty replies are refused with a message, nothing recorded.
    let (status, body, _) = s
        .post_form(
            &referent,
            &format!("/inbox/{}/reply", enc(&comment)),
            &[("text", "   ")],
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body.contains("vide"), "says the text is empty");

    // The action log holds the assignment and the reply.
    let log = relais_store::WebStore::action_log(&s.store, 50)
        .await
        .unwrap();
    for action in ["comment.assign", "comment.reply"] {
        assert!(
            log.iter()
                .any(|e| e.action == action && e.actor == "refa@test.fr" && e.subject == comment),
            "{action} logged: {log:?}"
        );
    }
    s.stop().await;
}
