//! A closed-loop load on a running `relais serve`: `bench/web.sh` starts the
//! server on the demo and runs this. Each session logs in through the login
//! form, then asks for the dashboard (`/`) and the inbox (`/inbox`) in turn,
//! thinking a random 0 to `--think-ms` milliseconds (uniform) after each
//! answer, until `--seconds` have passed. Prints, per page, the requests,
//! the throughput and the 50th/95th/99th percentile latencies, and fails
//! unless every answer was 200.
//!
//! ```text
//! web_load --base http://127.0.0.1:8080 --users users.txt --password PASS \
//!          [--sessions 200] [--seconds 20] [--think-ms 1000]
//! ```
//!
//! `users.txt` holds one e-mail a line; session `i` is user `i mod n`.

use std::sync::Arc;
use std::time::{Duration, Instant};

use reqwest::StatusCode;
use reqwest::header::{COOKIE, HeaderMap, SET_COOKIE};

const PAGES: [&str; 2] = ["/", "/inbox"];

struct Args {
    base: String,
    users: Vec<String>,
    password: String,
    sessions: usize,
    seconds: u64,
    think_ms: u64,
}

fn args() -> Args {
    let mut a = Args {
        base: String::new(),
        users: Vec::new(),
        password: String::new(),
        sessions: 200,
        seconds: 20,
        think_ms: 1000,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        // `cargo bench` adds `--bench`: not ours.
        if flag == "--bench" {
            continue;
        }
        let value = it.next().unwrap_or_else(|| panic!("{flag} needs a value"));
        let number = || value.parse().unwrap_or_else(|_| panic!("{flag}: a number"));
        match flag.as_str() {
            "--base" => a.base = value.trim_end_matches('/').to_string(),
            "--users" => {
                let text = std::fs::read_to_string(&value).expect("the users file");
                a.users = text
                    .lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .map(String::from)
                    .collect();
            }
            "--password" => a.password = value,
            "--sessions" => a.sessions = number() as usize,
            "--seconds" => a.seconds = number(),
            "--think-ms" => a.think_ms = number(),
            _ => panic!("unknown argument {flag}"),
        }
    }
    assert!(
        !a.base.is_empty() && !a.users.is_empty(),
        "--base and --users are needed"
    );
    a
}

fn cookie_of(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok()?.split(';').next()?.split_once('='))
        .find(|(k, v)| *k == name && !v.is_empty())
        .map(|(_, v)| v.to_string())
}

/// Logs in through the form; returns the session's `Cookie` header.
async fn login(http: &reqwest::Client, base: &str, email: &str, password: &str) -> String {
    let form = http
        .get(format!("{base}/login"))
        .send()
        .await
        .expect("GET /login");
    let token = cookie_of(form.headers(), "relais_login").expect("the login cookie");
    let body = form.text().await.unwrap_or_default();
    let marker = "name=\"csrf\" value=\"";
    let at = body.find(marker).expect("the login form's csrf") + marker.len();
    let csrf = body[at..].split('"').next().unwrap_or_default();
    let r = http
        .post(format!("{base}/login"))
        .header(COOKIE, format!("relais_login={token}"))
        .form(&[
            ("csrf", csrf),
            ("email", email),
            ("password", password),
            ("next", "/"),
        ])
        .send()
        .await
        .expect("POST /login");
    let session = cookie_of(r.headers(), "relais_session")
        .unwrap_or_else(|| panic!("login of {email} refused: {}", r.status()));
    format!("relais_session={session}")
}

/// A small xorshift generator: think times need no quality, only spread.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        if n == 0 { 0 } else { self.0 % n }
    }
}

/// One page's measures: latencies in microseconds, and the non-200 answers.
#[derive(Default)]
struct Measures {
    micros: Vec<u64>,
    failures: Vec<String>,
}

async fn session(
    http: reqwest::Client,
    base: Arc<str>,
    cookie: String,
    seed: u64,
    think_ms: u64,
    until: Instant,
) -> [Measures; 2] {
    let mut out: [Measures; 2] = Default::default();
    let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    // Sessions start spread over one think time, not all at once.
    tokio::time::sleep(Duration::from_millis(rng.below(think_ms + 1))).await;
    'run: loop {
        for (i, page) in PAGES.iter().enumerate() {
            if Instant::now() >= until {
                break 'run;
            }
            let start = Instant::now();
            let r = http
                .get(format!("{base}{page}"))
                .header(COOKIE, &cookie)
                .send()
                .await;
            let result = match r {
                Ok(r) => {
                    let status = r.status();
                    r.bytes().await.map(|_| status).map_err(|e| e.to_string())
                }
                Err(e) => Err(e.to_string()),
            };
            out[i].micros.push(start.elapsed().as_micros() as u64);
            match result {
                Ok(StatusCode::OK) => {}
                Ok(s) => out[i].failures.push(s.to_string()),
                Err(e) => out[i].failures.push(e),
            }
            tokio::time::sleep(Duration::from_millis(rng.below(think_ms + 1))).await;
        }
    }
    out
}

fn percentile(sorted: &[u64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let rank = ((p * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len());
    sorted[rank - 1] as f64 / 1000.0
}

#[tokio::main]
async fn main() {
    let a = args();
    let _ = rustls::crypto::ring::default_provider().install_default();
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .pool_max_idle_per_host(a.sessions)
        .timeout(Duration::from_secs(30))
        .build()
        .expect("an HTTP client");
    let base: Arc<str> = a.base.clone().into();

    let started = Instant::now();
    let mut logins = tokio::task::JoinSet::new();
    // A few logins at a time: argon2 costs ~20 ms of CPU each.
    let gate = Arc::new(tokio::sync::Semaphore::new(4));
    for i in 0..a.sessions {
        let (http, base, gate) = (http.clone(), base.clone(), gate.clone());
        let email = a.users[i % a.users.len()].clone();
        let password = a.password.clone();
        logins.spawn(async move {
            let _permit = gate.acquire().await;
            (i, login(&http, &base, &email, &password).await)
        });
    }
    let mut cookies = vec![String::new(); a.sessions];
    while let Some(r) = logins.join_next().await {
        let (i, c) = r.expect("a login");
        cookies[i] = c;
    }
    println!(
        "{} sessions logged in ({} users) in {:.1} s",
        a.sessions,
        a.users.len().min(a.sessions),
        started.elapsed().as_secs_f64()
    );

    let until = Instant::now() + Duration::from_secs(a.seconds);
    let began = Instant::now();
    let mut runs = tokio::task::JoinSet::new();
    for (i, cookie) in cookies.into_iter().enumerate() {
        runs.spawn(session(
            http.clone(),
            base.clone(),
            cookie,
            i as u64 + 1,
            a.think_ms,
            until,
        ));
    }
    let mut all: [Measures; 2] = Default::default();
    while let Some(r) = runs.join_next().await {
        for (total, part) in all.iter_mut().zip(r.expect("a session")) {
            total.micros.extend(part.micros);
            total.failures.extend(part.failures);
        }
    }
    let elapsed = began.elapsed().as_secs_f64();
    println!(
        "{} sessions, {:.1} s, think time uniform 0–{} ms after each answer",
        a.sessions, elapsed, a.think_ms
    );
    println!(
        "{:<8} {:>9} {:>9} {:>9} {:>9} {:>9} {:>9} {:>7}",
        "page", "requests", "req/s", "p50 ms", "p95 ms", "p99 ms", "max ms", "non-200"
    );
    let mut failed = 0;
    for (page, m) in PAGES.iter().zip(all.iter_mut()) {
        m.micros.sort_unstable();
        println!(
            "{:<8} {:>9} {:>9.1} {:>9.1} {:>9.1} {:>9.1} {:>9.1} {:>7}",
            page,
            m.micros.len(),
            m.micros.len() as f64 / elapsed,
            percentile(&m.micros, 0.50),
            percentile(&m.micros, 0.95),
            percentile(&m.micros, 0.99),
            percentile(&m.micros, 1.0),
            m.failures.len()
        );
        failed += m.failures.len();
        if let Some(first) = m.failures.first() {
            println!("  first non-200 on {page}: {first}");
        }
    }
    if failed > 0 {
        eprintln!("{failed} answer(s) were not 200");
        std::process::exit(1);
    }
}
