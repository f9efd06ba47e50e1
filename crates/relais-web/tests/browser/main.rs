//! The web app in a real browser: Debian's headless Chromium driven through
//! chromedriver (WebDriver), against a real server on port 0 over a real
//! SQLite file with the demo landlord.
//!
//! - `inbox`: a referent's morning, from the login form to a recorded reply
//!   and the agency's response rate that moves;
//! - `accessibility`: axe-core on the main pages, failing on any `serious`
//!   or `critical` violation.
//!
//! Every step leaves a screenshot in `<target>/web-screenshots/`, and any
//! error in the browser's console fails the test. Without Chromium and
//! chromedriver the tests say so and pass, unless `RELAIS_REQUIRE_CHROMIUM=1`
//! (CI sets it, after installing `chromium` and `chromium-driver`).

mod accessibility;
mod driver;
mod inbox;
mod server;
/// The HTTP tests' server and helpers, shared (not all used here).
#[allow(dead_code)]
#[path = "../http/support.rs"]
mod support;

use std::path::PathBuf;

use driver::Browser;
use server::{PASSWORD, Server};

/// Where a test's screenshots go: `<target>/web-screenshots/<test>/`.
pub fn screenshots(test: &str) -> PathBuf {
    let tmp = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    let dir = tmp
        .parent()
        .unwrap_or(&tmp)
        .join("web-screenshots")
        .join(test);
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

/// A server and a browser for one test, or `None` when the browser is missing.
pub async fn setup(test: &str) -> Option<(Server, Browser)> {
    let (chromium, chromedriver) = driver::installed()?;
    let _ = rustls::crypto::ring::default_provider().install_default();
    let server = server::start().await;
    let browser = Browser::start(&chromium, &chromedriver, &screenshots(test)).await;
    Some((server, browser))
}

/// Logs in through the form, as a person would; leaves the browser on the
/// page the login sends to.
pub async fn login(b: &mut Browser, s: &Server, email: &str) {
    b.goto(&s.url("/login")).await;
    let field = b.find("#email").await;
    b.type_in(&field, email).await;
    let field = b.find("#password").await;
    b.type_in(&field, PASSWORD).await;
    let submit = b.find("form[action='/login'] button[type=submit]").await;
    b.click_and_wait(&submit).await;
    let at = b.url().await;
    assert!(
        !at.contains("/login") && b.cookie("relais_session").await.is_some(),
        "{email} is logged in (now on {at})"
    );
}

/// Fails with the console's errors, if the page logged any.
pub async fn no_console_error(b: &Browser, step: &str) {
    let errors = b.console_errors().await;
    assert!(errors.is_empty(), "console errors at {step}: {errors:#?}");
}
