//! Logging in: argon2id passwords, cookie flags, throttling, logout,
//! expiry, tokens, security headers.

use std::time::Duration;

use relais_store::WebStore;
use relais_store::testing::TestDb;
use relais_web::Settings;
use reqwest::StatusCode;

use crate::story;
use crate::support::{PASSWORD, set_cookie_line, start};

story!(sessions_are_guarded, sessions_expire_when_idle);

async fn sessions_are_guarded(db: &TestDb) {
    let settings = Settings {
        max_failed_logins: 3,
        ..Settings::default()
    };
    let s = start(db, settings).await;

    // Stored passwords are argon2id hashes.
    let user = s.store.user("com@test.fr").await.unwrap().unwrap();
    assert!(user.password_hash.unwrap().starts_with("$argon2id$"));

    // A good login sets a session cookie that scripts cannot read.
    let form = s.http.get(s.url("/login")).send().await.unwrap();
    let login = crate::support::cookie_of(form.headers(), "relais_login").unwrap();
    let token = crate::support::csrf_in(&form.text().await.unwrap()).unwrap();
    let r = s
        .http
        .post(s.url("/login"))
        .header("cookie", format!("relais_login={login}"))
        .form(&[
            ("csrf", token.as_str()),
            ("email", "COM@test.fr"),
            ("password", PASSWORD),
            ("next", "//evil.example/"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        r.headers()["location"],
        "/",
        "never sent off-site after login"
    );
    let line = set_cookie_line(r.headers(), "relais_session").unwrap();
    assert!(
        line.contains("HttpOnly") && line.contains("SameSite=Lax"),
        "{line}"
    );
    // Without the login form's own token: refused.
    let r = s
        .http
        .post(s.url("/login"))
        .form(&[
            ("csrf", "x"),
            ("email", "com@test.fr"),
            ("password", PASSWORD),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::FORBIDDEN);

    // Wrong passwords, then throttled even with the right one.
    for _ in 0..3 {
        let (status, session) = s.try_login("audit@test.fr", "wrong password!").await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
        assert!(session.is_none());
    }
    let (status, session) = s.try_login("audit@test.fr", PASSWORD).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    assert!(session.is_none());
    let (status, _) = s.try_login("com@test.fr", PASSWORD).await;
    assert_eq!(status, StatusCode::SEE_OTHER, "other accounts still log in");
    let log = s.store.action_log(100).await.unwrap();
    assert!(
        log.iter()
            .any(|e| e.action == "login.failed" && e.subject == "audit@test.fr")
    );

    // Logout ends the session for good.
    let session = s.login("admin@test.fr").await;
    let (status, _) = s.get_with(&session, "/").await;
    assert_eq!(status, StatusCode::OK);
    let (status, _, to) = s.post_form(&session, "/logout", &[]).await;
    assert_eq!(
        (status, to.as_deref()),
        (StatusCode::SEE_OTHER, Some("/login"))
    );
    let (status, _) = s.get_with(&session, "/").await;
    assert_eq!(
        status,
        StatusCode::SEE_OTHER,
        "the old cookie opens nothing"
    );

    // Error pages speak the user's language.
    let r = s
        .http
        .get(s.url("/no/such/page"))
        .header("cookie", "relais_lang=en")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
    assert!(r.text().await.unwrap().contains("Page not found"));
    let r = s.http.get(s.url("/no/such/page")).send().await.unwrap();
    assert!(r.text().await.unwrap().contains("Page introuvable"));

    // Security headers on pages.
    let r = s.http.get(s.url("/login")).send().await.unwrap();
    let h = r.headers();
    assert!(
        h["content-security-policy"]
            .to_str()
            .unwrap()
            .contains("default-src 'none'")
    );
    assert_eq!(h["x-frame-options"], "DENY");
    assert_eq!(h["x-content-type-options"], "nosniff");
    assert_eq!(h["cache-control"], "no-store");

    // A deleted user's session and token stop working.
    let session = s.login("refb@test.fr").await;
    let token = s.token_for("refb@test.fr").await;
    assert_eq!(s.api_get(&token, "/api/v1/posts").await.0, StatusCode::OK);
    assert!(s.store.delete_user("refb@test.fr").await.unwrap());
    s.app.forget_sessions();
    assert_eq!(s.get_with(&session, "/").await.0, StatusCode::SEE_OTHER);
    assert_eq!(
        s.api_get(&token, "/api/v1/posts").await.0,
        StatusCode::UNAUTHORIZED
    );

    // A revoked token stops working.
    let token = s.token_for("com@test.fr").await;
    assert_eq!(s.api_get(&token, "/api/v1/posts").await.0, StatusCode::OK);
    let prefix: String = token.chars().take(12).collect();
    assert_eq!(s.store.revoke_token(&prefix).await.unwrap(), 1);
    assert_eq!(
        s.api_get(&token, "/api/v1/posts").await.0,
        StatusCode::UNAUTHORIZED
    );

    // Nothing secret is stored in clear: neither the session nor the token.
    let dump = format!("{:?}", relais_store::Store::dump(&s.store).await.unwrap());
    assert!(!dump.contains(&token), "the token value is not stored");
    assert!(
        !dump.contains(&session.cookie["relais_session=".len()..]),
        "the session value is not stored"
    );
    s.stop().await;
}

async fn sessions_expire_when_idle(db: &TestDb) {
    let settings = Settings {
        idle_timeout: Duration::from_secs(2),
        ..Settings::default()
    };
    let s = start(db, settings).await;
    let session = s.login("com@test.fr").await;
    assert_eq!(s.get_with(&session, "/inbox").await.0, StatusCode::OK);
    tokio::time::sleep(Duration::from_millis(3200)).await;
    s.app.forget_sessions();
    let (status, _) = s.get_with(&session, "/inbox").await;
    assert_eq!(status, StatusCode::SEE_OTHER, "an idle session ends");
    s.stop().await;
}
