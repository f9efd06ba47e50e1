//! Who may see and do what: every route, for every role, with and without a
//! session or token.

use std::collections::HashMap;

use relais_store::WebStore;
use relais_store::testing::TestDb;
use relais_web::Settings;
use reqwest::StatusCode;

use crate::story;
use crate::support::{Server, Session, USERS, enc, start};

story!(every_route_answers_each_role_as_it_should);

/// A form post: path, fields, the status expected for each role.
type Write<'a> = (String, Vec<(&'a str, &'a str)>, [u16; 5]);

const OK: u16 = 200;
const NF: u16 = 404;
const FB: u16 = 403;
const SO: u16 = 303;

/// A residence id of an agency.
fn residence_of(s: &Server, agency: &str) -> String {
    let snap = s.app.data.current();
    let f = &snap.facts;
    let t = snap.territory_index[agency];
    f.residences
        .iter()
        .find(|r| r.agency == t)
        .map(|r| r.id.clone())
        .expect("a residence in the agency")
}

/// A post located in an agency.
fn post_of(s: &Server, agency: &str) -> String {
    let snap = s.app.data.current();
    let t = snap.territory_index[agency];
    (0..snap.facts.posts.len())
        .find(|&p| snap.post_territory(p) == Some(t))
        .map(|p| snap.facts.posts[p].id.clone())
        .expect("a post in the agency")
}

async fn every_route_answers_each_role_as_it_should(db: &TestDb) {
    let s = start(db, Settings::default()).await;
    let mut sessions: HashMap<&str, Session> = HashMap::new();
    let mut tokens: HashMap<&str, String> = HashMap::new();
    for (email, _) in USERS {
        sessions.insert(email, s.login(email).await);
        tokens.insert(email, s.token_for(email).await);
    }
    let (agency_a, ca) = s.a.clone();
    let (agency_b, cb) = s.b.clone();
    let (ra, rb) = (residence_of(&s, &agency_a), residence_of(&s, &agency_b));
    let pa = post_of(&s, &agency_a);
    let order = [
        "admin@test.fr",
        "com@test.fr",
        "refa@test.fr",
        "refb@test.fr",
        "audit@test.fr",
    ];

    // Pages: [admin, communication, referent A, referent B, auditor].
    let pages: Vec<(String, [u16; 5])> = vec![
        ("/".into(), [OK; 5]),
        ("/inbox".into(), [OK; 5]),
        (
            "/inbox?status=all&agency=".to_string() + &agency_a,
            [OK, OK, OK, OK, OK],
        ),
        (format!("/inbox/{}", enc(&ca)), [OK, OK, OK, NF, OK]),
        (format!("/inbox/{}", enc(&cb)), [OK, OK, NF, OK, OK]),
        ("/inbox/facebook%3Anope".into(), [NF; 5]),
        ("/posts".into(), [OK; 5]),
        ("/residences".into(), [OK; 5]),
        (format!("/residences/{}", enc(&ra)), [OK, OK, OK, NF, OK]),
        (format!("/residences/{}", enc(&rb)), [OK, OK, NF, OK, OK]),
        ("/audit".into(), [OK, OK, NF, NF, OK]),
        ("/admin/users".into(), [OK, NF, NF, NF, NF]),
        ("/admin/territories".into(), [OK, NF, NF, NF, NF]),
        ("/admin/log".into(), [OK, NF, NF, NF, NF]),
        ("/admin/retention".into(), [OK, NF, NF, NF, NF]),
        ("/admin/connections".into(), [OK, NF, NF, NF, NF]),
        ("/replies".into(), [OK; 5]),
        ("/no/such/page".into(), [NF; 5]),
    ];
    for (path, want) in &pages {
        for (who, code) in order.iter().zip(want) {
            let (got, _) = s.get_with(&sessions[who], path).await;
            assert_eq!(got.as_u16(), *code, "GET {path} as {who}");
        }
        // Without a session: to the login page (an unknown address is
        // simply not found).
        let r = s.http.get(s.url(path)).send().await.unwrap();
        if want == &[NF; 5] && !path.starts_with("/inbox") {
            assert_eq!(r.status().as_u16(), NF, "GET {path} without a session");
            continue;
        }
        assert_eq!(r.status().as_u16(), SO, "GET {path} without a session");
        assert_eq!(
            r.headers()["location"],
            "/login",
            "GET {path} without a session"
        );
    }

    // The audit download: the whole landlord, so not for referents.
    for (who, code) in order.iter().zip([OK, OK, NF, NF, OK]) {
        let (got, body) = s.get_with(&sessions[who], "/audit/report").await;
        assert_eq!(got.as_u16(), code, "audit report as {who}");
        if code == OK {
            assert!(body.contains("<html"), "an HTML report");
        }
    }

    // The API with tokens.
    let api: Vec<(String, [u16; 5])> = vec![
        ("/api/v1/comments".into(), [OK; 5]),
        (
            format!("/api/v1/comments/{}", enc(&ca)),
            [OK, OK, OK, NF, OK],
        ),
        (
            format!("/api/v1/comments/{}", enc(&cb)),
            [OK, OK, NF, OK, OK],
        ),
        ("/api/v1/posts".into(), [OK; 5]),
        ("/api/v1/kpis".into(), [OK; 5]),
        ("/api/v1/residences".into(), [OK; 5]),
        ("/api/v1/openapi.json".into(), [OK; 5]),
        ("/api/v1/comments?category=nope".into(), [400; 5]),
    ];
    for (path, want) in &api {
        for (who, code) in order.iter().zip(want) {
            let (got, _) = s.api_get(&tokens[who], path).await;
            assert_eq!(got.as_u16(), *code, "API GET {path} as {who}");
        }
        let r = s.http.get(s.url(path)).send().await.unwrap();
        assert_eq!(
            r.status(),
            StatusCode::UNAUTHORIZED,
            "API GET {path} without a token"
        );
        let r = s
            .http
            .get(s.url(path))
            .bearer_auth("rls_forged")
            .send()
            .await
            .unwrap();
        assert_eq!(
            r.status(),
            StatusCode::UNAUTHORIZED,
            "API GET {path} with a forged token"
        );
    }

    // What needs no session: the login page, static assets, short links.
    for (path, code) in [
        ("/login", OK),
        ("/static/app.css", OK),
        ("/static/app.js", OK),
        ("/r/abcdefgh", NF),
    ] {
        let r = s.http.get(s.url(path)).send().await.unwrap();
        assert_eq!(r.status().as_u16(), code, "GET {path} without a session");
    }

    // A referent's lists hold only their territory's items.
    let (_, list) = s
        .api_get(
            &tokens["refa@test.fr"],
            &format!("/api/v1/comments?status=all&agency={agency_b}"),
        )
        .await;
    assert_eq!(
        list["total"], 0,
        "referent A filtering on agency B sees nothing: {list}"
    );
    let (_, page) = s
        .get_with(&sessions["refa@test.fr"], "/inbox?status=all&per_page=200")
        .await;
    assert!(
        !page.contains(&enc(&cb)),
        "referent A's inbox never shows B's comment"
    );
    let (_, kpis) = s
        .api_get(&tokens["refb@test.fr"], "/api/v1/kpis?kpi=response_rate")
        .await;
    let rows = kpis.as_array().expect("rows");
    assert!(!rows.is_empty());
    for row in rows {
        assert_eq!(
            row["slice"]["agency"].as_str().map(|v| !v.is_empty()),
            Some(true),
            "referent KPI rows are per agency: {row}"
        );
    }

    // Changes: [admin, communication, referent A, referent B, auditor].
    let writes: Vec<Write> = vec![
        (
            format!("/inbox/{}/note", enc(&ca)),
            vec![("text", "Appelé le gardien")],
            [SO, SO, SO, NF, FB],
        ),
        (
            format!("/inbox/{}/assign", enc(&ca)),
            vec![("assignee", "refa@test.fr")],
            [SO, SO, SO, NF, FB],
        ),
        (
            format!("/inbox/{}/labels", enc(&ca)),
            vec![("sentiment", "negative")],
            [SO, SO, SO, NF, FB],
        ),
        (
            format!("/posts/{}/labels", enc(&pa)),
            vec![("audience", "tenants")],
            [SO, SO, SO, NF, FB],
        ),
        (
            "/admin/users".into(),
            vec![
                ("email", "new@test.fr"),
                ("role", "auditor"),
                ("name", "Nouvel"),
            ],
            [SO, NF, NF, NF, NF],
        ),
        (
            "/admin/retention".into(),
            vec![("comments_months", "240"), ("links_months", "240")],
            [SO, NF, NF, NF, NF],
        ),
        (
            "/admin/retention/apply".into(),
            vec![],
            [SO, NF, NF, NF, NF],
        ),
    ];
    let before = s.store.assignments().await.unwrap();
    // The auditor and the other territory's referent first: nothing may change.
    for (path, fields, want) in &writes {
        for i in [4usize, 3] {
            let (got, _, _) = s.post_form(&sessions[order[i]], path, fields).await;
            assert_eq!(got.as_u16(), want[i], "POST {path} as {}", order[i]);
        }
    }
    assert_eq!(
        s.store.assignments().await.unwrap(),
        before,
        "refused posts changed nothing"
    );
    for (path, fields, want) in &writes {
        for i in [0usize, 1, 2] {
            let (got, _, _) = s.post_form(&sessions[order[i]], path, fields).await;
            assert_eq!(got.as_u16(), want[i], "POST {path} as {}", order[i]);
        }
        // Without a session, or with a wrong CSRF token.
        let r = s.http.post(s.url(path)).form(fields).send().await.unwrap();
        assert_eq!(r.status().as_u16(), SO, "POST {path} without a session");
        let forged = Session {
            csrf: "0".repeat(64),
            ..sessions["admin@test.fr"].clone()
        };
        let (got, _, _) = s.post_form(&forged, path, fields).await;
        assert_eq!(
            got,
            StatusCode::FORBIDDEN,
            "POST {path} with a wrong CSRF token"
        );
    }
    // The API's changes: auditors 403, the other territory 404.
    let reply = serde_json::json!({ "text": "Bonjour, nous transmettons à l'agence." });
    let assign = serde_json::json!({ "assignee": null });
    for (path, body) in [
        (format!("/api/v1/comments/{}/assign", enc(&ca)), &assign),
        (format!("/api/v1/comments/{}/reply", enc(&ca)), &reply),
    ] {
        let (got, _) = s
            .api_post(&tokens["audit@test.fr"], &path, body.clone())
            .await;
        assert_eq!(got, StatusCode::FORBIDDEN, "API POST {path} as the auditor");
        let (got, _) = s
            .api_post(&tokens["refb@test.fr"], &path, body.clone())
            .await;
        assert_eq!(
            got,
            StatusCode::NOT_FOUND,
            "API POST {path} as the other referent"
        );
        let r = s.http.post(s.url(&path)).json(body).send().await.unwrap();
        assert_eq!(
            r.status(),
            StatusCode::UNAUTHORIZED,
            "API POST {path} without a token"
        );
    }
    // Saved replies: the communication team and admins add them.
    let fields = [
        ("title", "Horaires de l'agence"),
        (
            "body",
            "Bonjour, l'agence vous reçoit du lundi au vendredi.",
        ),
    ];
    for who in ["refa@test.fr", "audit@test.fr"] {
        let (got, _, _) = s.post_form(&sessions[who], "/replies", &fields).await;
        assert_eq!(got, StatusCode::FORBIDDEN, "POST /replies as {who}");
    }
    let (got, _, to) = s
        .post_form(&sessions["com@test.fr"], "/replies", &fields)
        .await;
    assert_eq!(
        (got, to.as_deref()),
        (StatusCode::SEE_OTHER, Some("/replies?done=added"))
    );
    let (got, body, _) = s
        .post_form(&sessions["admin@test.fr"], "/replies", &fields)
        .await;
    assert_eq!(got, StatusCode::BAD_REQUEST, "the same title twice");
    assert!(
        body.contains("Horaires de l&#39;agence") || body.contains("Horaires de l'agence"),
        "names it: {body}"
    );
    let (_, page) = s.get_with(&sessions["refa@test.fr"], "/replies").await;
    assert!(page.contains("l'agence vous reçoit") || page.contains("l&#39;agence vous reçoit"));

    // A session (not a token) posting to the API needs the CSRF header.
    let r = s
        .http
        .post(s.url(&format!("/api/v1/comments/{}/assign", enc(&ca))))
        .header("cookie", &sessions["com@test.fr"].cookie)
        .json(&assign)
        .send()
        .await
        .unwrap();
    assert_eq!(
        r.status(),
        StatusCode::FORBIDDEN,
        "API POST by session without X-CSRF-Token"
    );
    s.stop().await;
}
