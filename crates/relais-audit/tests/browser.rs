//! The report in a real browser: Debian's headless Chromium opens it, takes
//! a screenshot, logs no console message (a blocked request or a script
//! error would log one), and sends no request outside the file: every
//! request goes through a recording proxy of the test's own.
//!
//! Chromium talks to Google's update and account services on its own, page
//! or not; those few exact hosts are set aside. Two controls show the test
//! can fail: a page that fetches an image, and a page that logs an error.
//!
//! Without Chromium the test says so and passes, unless
//! `RELAIS_REQUIRE_CHROMIUM=1` (CI sets it, after installing `chromium`).

use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::NaiveDate;
use relais_audit::{Audit, render};
use relais_core::Lang;
use relais_kpi::Period;
use relais_kpi::sample::{PERIOD, landlord};

/// Chromium's own background services, which it calls whatever the page.
const CHROMIUM_OWN: &[&str] = &[
    "update.googleapis.com",
    "accounts.google.com",
    "clients1.google.com",
    "clients2.google.com",
    "android.clients.google.com",
    "safebrowsing.googleapis.com",
    "optimizationguide-pa.googleapis.com",
    "content-autofill.googleapis.com",
    "redirector.gvt1.com",
];

fn chromium() -> Option<PathBuf> {
    let found = ["chromium", "chromium-browser"].iter().find_map(|n| {
        std::env::split_paths(&std::env::var_os("PATH")?)
            .map(|p| p.join(n))
            .find(|p| p.is_file())
    });
    if found.is_none() && std::env::var_os("RELAIS_REQUIRE_CHROMIUM").is_some() {
        panic!(
            "RELAIS_REQUIRE_CHROMIUM is set but chromium is not installed (apt-get install chromium)"
        );
    }
    found
}

/// What the browser did with one page.
struct Visit {
    requests: Vec<String>,
    console: Vec<String>,
    screenshot: Vec<u8>,
}

fn visit(chrome: &Path, html: &str) -> Visit {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("page.html");
    std::fs::write(&page, html).unwrap();
    let shot = dir.path().join("shot.png");
    let proxy = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = proxy.local_addr().unwrap().port();
    proxy.set_nonblocking(true).unwrap();
    let seen = Arc::new(Mutex::new(Vec::new()));
    let stop = Arc::new(AtomicBool::new(false));
    let recorder = {
        let (seen, stop) = (seen.clone(), stop.clone());
        std::thread::spawn(move || {
            while !stop.load(Ordering::Relaxed) {
                match proxy.accept() {
                    Ok((conn, _)) => {
                        conn.set_nonblocking(false).unwrap();
                        conn.set_read_timeout(Some(Duration::from_secs(2))).unwrap();
                        let mut line = String::new();
                        let _ = BufReader::new(conn).read_line(&mut line);
                        seen.lock().unwrap().push(line.trim().to_string());
                    }
                    Err(_) => std::thread::sleep(Duration::from_millis(20)),
                }
            }
        })
    };
    let out = Command::new(chrome)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            "--window-size=1100,2400",
            "--enable-logging=stderr",
            "--v=0",
        ])
        .arg(format!(
            "--user-data-dir={}",
            dir.path().join("profile").display()
        ))
        .arg(format!("--proxy-server=http://127.0.0.1:{port}"))
        .arg("--proxy-bypass-list=<-loopback>")
        .arg(format!("--screenshot={}", shot.display()))
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("run chromium");
    stop.store(true, Ordering::Relaxed);
    recorder.join().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    let requests = seen
        .lock()
        .unwrap()
        .iter()
        .filter(|l| !CHROMIUM_OWN.iter().any(|h| l.contains(h)))
        .cloned()
        .collect();
    Visit {
        requests,
        console: stderr
            .lines()
            .filter(|l| l.contains(":CONSOLE"))
            .map(str::to_string)
            .collect(),
        screenshot: std::fs::read(&shot).unwrap_or_default(),
    }
}

#[test]
fn the_report_opens_in_chromium_with_no_console_message_and_no_request() {
    let Some(chrome) = chromium() else {
        eprintln!("chromium not installed: browser test not run");
        return;
    };
    let facts = landlord();
    let html = render(&Audit {
        facts: &facts,
        period: Period::parse(PERIOD).unwrap(),
        lang: Lang::Fr,
        written: NaiveDate::from_ymd_opt(2026, 4, 2).unwrap(),
    });
    let v = visit(&chrome, &html);
    assert!(
        v.screenshot.starts_with(b"\x89PNG") && v.screenshot.len() > 20_000,
        "a real screenshot ({} bytes)",
        v.screenshot.len()
    );
    assert!(v.console.is_empty(), "console messages: {:#?}", v.console);
    assert!(
        v.requests.is_empty(),
        "requests outside the file: {:#?}",
        v.requests
    );
    if let Some(dir) = std::env::var_os("RELAIS_SCREENSHOT_DIR") {
        std::fs::write(Path::new(&dir).join("audit.png"), &v.screenshot).unwrap();
    }
}

#[test]
fn the_browser_check_sees_a_request_and_a_console_error_when_there_is_one() {
    let Some(chrome) = chromium() else {
        return;
    };
    let v = visit(
        &chrome,
        "<!DOCTYPE html><html><body><img src=\"http://relais-control.invalid/x.png\"><script>console.error('boom')</script></body></html>",
    );
    assert!(
        v.requests
            .iter()
            .any(|r| r.contains("relais-control.invalid")),
        "{:?}",
        v.requests
    );
    assert!(
        v.console.iter().any(|c| c.contains("boom")),
        "{:?}",
        v.console
    );
}
