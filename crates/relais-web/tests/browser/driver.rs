//! A small WebDriver client over reqwest: Debian's `chromedriver` driving
//! Debian's headless `chromium`, both found on the machine (never
//! downloaded). Every look-up waits for its element explicitly; nothing
//! sleeps for a fixed time but the short poll between two tries.
//!
//! The browser's console is read through chromedriver's log endpoint
//! (`goog:loggingPrefs`), so a test can fail on any error a page logs (a
//! script error, a request the CSP blocked, a 404 asset).

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

/// How long an element, a page or the driver may take to appear.
const WAIT: Duration = Duration::from_secs(15);
const POLL: Duration = Duration::from_millis(50);
/// W3C's key for an element reference.
const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

/// The browser and its driver, when both are installed (`RELAIS_CHROMIUM`
/// and `RELAIS_CHROMEDRIVER` name other paths). Without them the test says
/// so and passes, unless `RELAIS_REQUIRE_CHROMIUM=1` (CI): then it fails.
pub fn installed() -> Option<(PathBuf, PathBuf)> {
    let find = |var: &str, names: &[&str]| -> Option<PathBuf> {
        if let Some(p) = std::env::var_os(var) {
            return Some(PathBuf::from(p)).filter(|p| p.is_file());
        }
        let path = std::env::var_os("PATH")?;
        names.iter().find_map(|n| {
            std::env::split_paths(&path)
                .map(|p| p.join(n))
                .find(|p| p.is_file())
        })
    };
    let chromium = find("RELAIS_CHROMIUM", &["chromium", "chromium-browser"]);
    let driver = find("RELAIS_CHROMEDRIVER", &["chromedriver"]);
    match (chromium, driver) {
        (Some(c), Some(d)) => Some((c, d)),
        (c, d) => {
            let missing = format!(
                "{}{}",
                if c.is_none() { "chromium " } else { "" },
                if d.is_none() { "chromedriver" } else { "" }
            );
            if std::env::var("RELAIS_REQUIRE_CHROMIUM").as_deref() == Ok("1") {
                panic!(
                    "RELAIS_REQUIRE_CHROMIUM=1 but {missing} is missing: \
                     apt-get install chromium chromium-driver"
                );
            }
            eprintln!(
                "browser tests not run: {missing} missing (apt-get install chromium chromium-driver)"
            );
            None
        }
    }
}

/// A chromedriver process with one browser session.
pub struct Browser {
    http: reqwest::Client,
    session: String,
    driver: Child,
    _profile: tempfile::TempDir,
    shots: PathBuf,
    step: usize,
}

/// An element found on the current page.
#[derive(Clone)]
pub struct Element(String);

impl Element {
    /// The element as a script argument.
    pub fn to_json(&self) -> Value {
        json!({ ELEMENT: self.0 })
    }
}

impl Browser {
    /// Starts chromedriver on a free port and opens a headless window;
    /// screenshots go to `shots`, numbered in the order they are taken.
    pub async fn start(chromium: &Path, chromedriver: &Path, shots: &Path) -> Browser {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        let driver = Command::new(chromedriver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start chromedriver");
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(60))
            .build()
            .unwrap();
        let base = format!("http://127.0.0.1:{port}");
        let ready = Instant::now();
        while http.get(format!("{base}/status")).send().await.is_err() {
            assert!(ready.elapsed() < WAIT, "chromedriver did not start");
            tokio::time::sleep(POLL).await;
        }
        let profile = tempfile::tempdir().unwrap();
        // The flags the machine needs: no sandbox as root, and none of
        // Chromium's own network chatter (the network is closed).
        let caps = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:loggingPrefs": {"browser": "ALL"},
            "goog:chromeOptions": {
                "binary": chromium,
                "args": [
                    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                    "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--window-size=1280,1000",
                    format!("--user-data-dir={}", profile.path().display()),
                ],
            },
        }}});
        let r: Value = http
            .post(format!("{base}/session"))
            .json(&caps)
            .send()
            .await
            .expect("new session")
            .json()
            .await
            .unwrap();
        let session = r["value"]["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("chromedriver refused the session: {r}"))
            .to_string();
        std::fs::create_dir_all(shots).unwrap();
        Browser {
            http,
            session: format!("{base}/session/{session}"),
            driver,
            _profile: profile,
            shots: shots.to_path_buf(),
            step: 0,
        }
    }

    async fn call(&self, method: reqwest::Method, path: &str, body: Option<Value>) -> Value {
        let mut req = self.http.request(method, format!("{}{path}", self.session));
        if let Some(b) = body {
            req = req.json(&b);
        }
        let r: Value = req
            .send()
            .await
            .expect("webdriver call")
            .json()
            .await
            .unwrap();
        if let Some(e) = r["value"]["error"].as_str() {
            panic!("webdriver {path}: {e}: {}", r["value"]["message"]);
        }
        r["value"].clone()
    }

    async fn post(&self, path: &str, body: Value) -> Value {
        self.call(reqwest::Method::POST, path, Some(body)).await
    }

    async fn get(&self, path: &str) -> Value {
        self.call(reqwest::Method::GET, path, None).await
    }

    /// Opens a URL and waits for the page to be loaded.
    pub async fn goto(&self, url: &str) {
        self.post("/url", json!({ "url": url })).await;
    }

    pub async fn url(&self) -> String {
        self.get("/url")
            .await
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    /// Runs a script in the page (not subject to the page's CSP).
    pub async fn run(&self, script: &str, args: Value) -> Value {
        self.post("/execute/sync", json!({ "script": script, "args": args }))
            .await
    }

    /// Runs a script whose last argument is a callback to call with the result.
    pub async fn run_async(&self, script: &str, args: Value) -> Value {
        self.post("/execute/async", json!({ "script": script, "args": args }))
            .await
    }

    /// Waits until `script` returns a truthy value; returns it.
    pub async fn wait_for(&self, what: &str, script: &str, args: Value) -> Value {
        let start = Instant::now();
        loop {
            let v = self.run(script, args.clone()).await;
            if !matches!(v, Value::Null | Value::Bool(false)) {
                return v;
            }
            assert!(start.elapsed() < WAIT, "waited {WAIT:?} for {what}");
            tokio::time::sleep(POLL).await;
        }
    }

    /// The first element matching a CSS selector, once it is there.
    pub async fn find(&self, css: &str) -> Element {
        let start = Instant::now();
        loop {
            let r: Value = self
                .http
                .post(format!("{}/element", self.session))
                .json(&json!({ "using": "css selector", "value": css }))
                .send()
                .await
                .expect("webdriver call")
                .json()
                .await
                .unwrap();
            if let Some(id) = r["value"][ELEMENT].as_str() {
                return Element(id.to_string());
            }
            if start.elapsed() > WAIT {
                let page = self.get("/source").await;
                let page: String = page
                    .as_str()
                    .unwrap_or_default()
                    .chars()
                    .take(3000)
                    .collect();
                panic!(
                    "no element `{css}` on {} after {WAIT:?}; the page:\n{page}",
                    self.url().await
                );
            }
            tokio::time::sleep(POLL).await;
        }
    }

    pub async fn click(&self, e: &Element) {
        self.post(&format!("/element/{}/click", e.0), json!({}))
            .await;
    }

    /// Clicks and waits for the next page to replace this one.
    pub async fn click_and_wait(&self, e: &Element) {
        self.run("window.__relais_old_page = true;", json!([]))
            .await;
        self.click(e).await;
        self.wait_for(
            "the next page",
            "return !window.__relais_old_page && document.readyState === 'complete';",
            json!([]),
        )
        .await;
    }

    pub async fn type_in(&self, e: &Element, text: &str) {
        self.post(&format!("/element/{}/value", e.0), json!({ "text": text }))
            .await;
    }

    pub async fn text(&self, e: &Element) -> String {
        let v = self.get(&format!("/element/{}/text", e.0)).await;
        v.as_str().unwrap_or_default().to_string()
    }

    /// A form field's current value (its `value` property).
    pub async fn value(&self, e: &Element) -> String {
        let v = self.get(&format!("/element/{}/property/value", e.0)).await;
        v.as_str().unwrap_or_default().to_string()
    }

    /// Saves a screenshot of the page as `NN-name.png`.
    pub async fn shot(&mut self, name: &str) -> PathBuf {
        let v = self.get("/screenshot").await;
        let png = decode_base64(v.as_str().expect("a screenshot"));
        assert!(png.starts_with(b"\x89PNG"), "a PNG screenshot");
        self.step += 1;
        let path = self.shots.join(format!("{:02}-{name}.png", self.step));
        std::fs::write(&path, png).unwrap();
        path
    }

    /// The console's errors since the last call (the log is drained).
    pub async fn console_errors(&self) -> Vec<String> {
        let v = self.post("/se/log", json!({ "type": "browser" })).await;
        v.as_array()
            .into_iter()
            .flatten()
            .filter(|e| e["level"] == "SEVERE")
            .map(|e| e["message"].as_str().unwrap_or_default().to_string())
            .collect()
    }

    /// Forgets the cookies (a new visitor).
    pub async fn clear_cookies(&self) {
        self.call(reqwest::Method::DELETE, "/cookie", None).await;
    }

    /// The value of one of the site's cookies, as the browser holds it.
    pub async fn cookie(&self, name: &str) -> Option<String> {
        let all = self.get("/cookie").await;
        all.as_array()?
            .iter()
            .find(|c| c["name"] == name)
            .and_then(|c| c["value"].as_str())
            .map(str::to_string)
    }

    pub async fn quit(mut self) {
        let _ = self.http.delete(&self.session).send().await;
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        // A failed test still stops its driver (and with it the browser).
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

fn decode_base64(s: &str) -> Vec<u8> {
    const ABC: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = Vec::with_capacity(s.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0);
    for b in s.bytes().filter(|b| *b != b'=' && !b.is_ascii_whitespace()) {
        let v = ABC.iter().position(|&a| a == b).expect("base64") as u32;
        acc = (acc << 6) | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    out
}
