//! axe-core on the main pages, as the admin sees them (the most complete
//! pages) and the login page as a visitor sees it. Any violation of impact
//! `serious` or `critical` fails the test, listed with its rule, impact,
//! help and the selectors of the elements at fault.
//!
//! axe-core comes from npm, pinned in `tests/axe/package-lock.json`
//! (`npm ci --prefix crates/relais-web/tests/axe`); it is injected through
//! WebDriver, which the page's CSP does not govern.

use std::path::PathBuf;

use serde_json::json;

use crate::driver::Browser;
use crate::server::ADMIN;
use crate::{login, no_console_error, setup};

fn axe_source() -> Option<String> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/axe/node_modules/axe-core/axe.min.js");
    match std::fs::read_to_string(&path) {
        Ok(s) => Some(s),
        Err(_) => {
            let say = format!(
                "axe-core missing ({}): run `npm ci --prefix crates/relais-web/tests/axe`",
                path.display()
            );
            if std::env::var("RELAIS_REQUIRE_CHROMIUM").as_deref() == Ok("1") {
                panic!("{say}");
            }
            eprintln!("accessibility test not run: {say}");
            None
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_main_pages_have_no_serious_accessibility_violation() {
    let Some(axe) = axe_source() else {
        return;
    };
    let Some((s, mut b)) = setup("accessibility").await else {
        return;
    };
    let mut found = Vec::new();
    b.goto(&s.url("/login")).await;
    check(&mut b, &axe, "login", &mut found).await;

    login(&mut b, &s, ADMIN).await;
    b.goto(&s.url("/inbox")).await;
    let first = b.find("table tbody tr:first-child td:first-child a").await;
    let comment = b
        .run(
            "return arguments[0].getAttribute('href');",
            json!([first.to_json()]),
        )
        .await;
    let comment = comment.as_str().expect("a message's link").to_string();
    let pages = [
        ("/", "dashboard"),
        ("/inbox", "inbox"),
        (comment.as_str(), "message"),
        ("/posts", "posts"),
        ("/residences", "residences"),
        ("/admin/users", "admin-users"),
        ("/admin/retention", "admin-retention"),
        ("/admin/log", "admin-log"),
        ("/admin/connections", "admin-connections"),
        ("/replies", "saved-replies"),
        ("/audit", "audit"),
    ];
    let cookie = b.cookie("relais_session").await.expect("a session");
    let http = reqwest::Client::new();
    for (path, name) in pages {
        // The page exists (its content may grow; its address stays).
        let status = http
            .get(s.url(path))
            .header("cookie", format!("relais_session={cookie}"))
            .send()
            .await
            .expect("GET")
            .status();
        assert_eq!(status.as_u16(), 200, "GET {path}");
        b.goto(&s.url(path)).await;
        check(&mut b, &axe, name, &mut found).await;
    }
    assert!(
        found.is_empty(),
        "serious or critical accessibility violations:\n{}",
        found.join("\n")
    );
    // The check can fail: a button without a name is seen.
    b.run(
        "document.querySelector('main').appendChild(document.createElement('button'));",
        json!([]),
    )
    .await;
    let control = serious(&b, &axe, "control").await;
    assert!(
        control.iter().any(|f| f.contains("button-name")),
        "axe sees a nameless button: {control:?}"
    );
    b.quit().await;
    s.stop().await;
}

/// Shows the current page (screenshot, console) and adds axe's serious and
/// critical findings on it to `found`.
async fn check(b: &mut Browser, axe: &str, page: &str, found: &mut Vec<String>) {
    b.find("main").await;
    b.shot(page).await;
    no_console_error(b, page).await;
    found.extend(serious(b, axe, page).await);
}

/// axe's `serious` and `critical` violations on the current page, one line
/// per element at fault; the lesser ones are printed, not returned.
async fn serious(b: &Browser, axe: &str, page: &str) -> Vec<String> {
    b.run(&format!("{axe}\n;return typeof axe;"), json!([]))
        .await;
    let done = b
        .run_async(
            "const done = arguments[arguments.length - 1];
             axe.run(document, { resultTypes: ['violations'] })
                .then(r => done(r.violations))
                .catch(e => done({ error: String(e) }));",
            json!([]),
        )
        .await;
    assert!(done.get("error").is_none(), "axe on {page}: {done}");
    let mut found = Vec::new();
    for v in done.as_array().into_iter().flatten() {
        let impact = v["impact"].as_str().unwrap_or_default();
        if !matches!(impact, "serious" | "critical") {
            // Shown, not failed: worth a look, not a barrier.
            eprintln!("axe on {page}: [{impact}] {}", v["id"]);
            continue;
        }
        for n in v["nodes"].as_array().into_iter().flatten() {
            found.push(format!(
                "  {page}: [{impact}] {} — {} ({})\n      at {}",
                v["id"].as_str().unwrap_or_default(),
                v["help"].as_str().unwrap_or_default(),
                v["helpUrl"].as_str().unwrap_or_default(),
                n["target"],
            ));
        }
    }
    found
}
