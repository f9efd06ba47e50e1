//! `relais traffic import` and `relais traffic report`.

use std::path::Path;

use crate::util::{TestDb, dump, relais, write_file};

const SITE: &str = "www.habitat-exemple.fr";
const LINE: &str = "203.0.113.9 - - [05/Jan/2026:10:00:00 +0100] \"GET /logements?utm_source=fb&utm_campaign=Hiver HTTP/1.1\" 200 512 \"https://l.facebook.com/\" \"Mozilla/5.0 (iPhone) [FBAN/FBIOS;FBAV/452.0]\"\n";

fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../relais-traffic/testdata")
        .join(name)
        .display()
        .to_string()
}

fn truth() -> serde_json::Value {
    serde_json::from_slice(&std::fs::read(fixture("generated.truth.json")).unwrap()).unwrap()
}

#[test]
fn a_generated_log_imports_with_its_true_visits_per_network_and_once_only() {
    let db = TestDb::sqlite();
    let log = fixture("generated.log.gz");
    let args = [
        "traffic",
        "import",
        &log,
        "--site",
        SITE,
        "--short-link-path",
        "/qr/",
        "--json",
    ];
    let out = relais(&db.url, &args).ok().json();
    let file = &out[0];
    let truth = truth();
    assert_eq!(file["status"], "imported");
    assert_eq!(file["format"], "combined");
    for key in [
        "lines",
        "malformed",
        "bots",
        "assets",
        "pageviews",
        "visits",
    ] {
        assert_eq!(file[key], truth[key], "{key}");
    }
    assert_eq!(file["visits_by_source"], truth["visits_by_channel"]);
    assert_eq!(file["hits_by_referrer"], truth["hits_by_referrer"]);

    let before = dump(&db.url);
    let again = relais(&db.url, &args).ok().json();
    assert_eq!(again[0]["status"], "unchanged");
    assert_eq!(again[0]["rows_written"], 0);
    assert_eq!(dump(&db.url), before);

    let report = relais(&db.url, &["traffic", "report", "--by", "network", "--json"])
        .ok()
        .json();
    let rows = report["rows"].as_array().unwrap();
    let facebook = rows.iter().find(|r| r["key"] == "facebook").unwrap();
    assert_eq!(facebook["visits"], truth["visits_by_channel"]["facebook"]);
    assert_eq!(facebook["label"], "Facebook");
    let total: i64 = rows.iter().map(|r| r["visits"].as_i64().unwrap()).sum();
    assert_eq!(total, truth["visits"].as_i64().unwrap());
}

#[test]
fn malformed_lines_are_counted_and_shown_with_their_numbers_in_french() {
    let db = TestDb::sqlite();
    let dir = tempfile::tempdir().unwrap();
    let text = format!("{LINE}ceci n'est pas une ligne\n{LINE}");
    let log = write_file(&dir, "access.log", text.as_bytes());
    relais(&db.url, &["traffic", "import", &log, "--site", SITE])
        .ok()
        .says(&[
            "importé (format combined)",
            "lignes illisibles",
            "ligne 2 : ceci n'est pas une ligne",
            "Facebook",
        ]);
}

#[test]
fn a_file_in_another_format_is_rejected_naming_the_file_the_line_and_the_fix() {
    let db = TestDb::sqlite();
    let dir = tempfile::tempdir().unwrap();
    let good = write_file(&dir, "good.log", LINE.as_bytes());
    let bad = write_file(&dir, "bad.log", b"2026-01-05 10:00:00 GET /\n");
    relais(
        &db.url,
        &[
            "--lang",
            "en",
            "traffic",
            "import",
            &bad,
            &good,
            "--site",
            SITE,
            "--format",
            "combined",
            "--retention-months",
            "1200",
        ],
    )
    .fails()
    .says(&[
        "bad.log, line 1: no line is in the combined format",
        "--format",
        "good.log: imported",
    ])
    .complains(&["1 file(s) rejected"]);
    let report = relais(
        &db.url,
        &["traffic", "report", "--by", "campaign", "--json"],
    )
    .ok()
    .json();
    assert_eq!(report["rows"][0]["key"], "hiver");
}

#[test]
fn a_report_for_a_period_without_visits_says_what_to_do_and_a_bad_period_is_refused() {
    let db = TestDb::sqlite();
    relais(&db.url, &["traffic", "report", "--period", "2025"])
        .fails()
        .complains(&["relais traffic import"]);
    relais(
        &db.url,
        &["--lang", "en", "traffic", "report", "--period", "yesterday"],
    )
    .fails()
    .complains(&["--period `yesterday`", "2026-01-01..2026-03-31"]);
}

#[test]
fn a_missing_file_is_named() {
    let db = TestDb::sqlite();
    relais(
        &db.url,
        &[
            "traffic",
            "import",
            "/nonexistent/access.log",
            "--site",
            SITE,
        ],
    )
    .fails()
    .says(&["/nonexistent/access.log : lecture impossible"]);
}

#[test]
fn vcombined_and_common_logs_are_detected_and_internal_navigation_is_not_a_source() {
    let db = TestDb::sqlite();
    let dir = tempfile::tempdir().unwrap();
    let v = "www.bailleur.fr:443 203.0.113.9 - - [05/Jan/2026:10:00:00 +0100] \"GET /contact HTTP/2.0\" 200 10 \"https://bailleur.fr/\" \"Mozilla/5.0 (Android 14)\"\n\
             www.bailleur.fr:443 203.0.113.7 - - [05/Jan/2026:10:00:00 +0100] \"GET / HTTP/2.0\" 200 10 \"https://lnkd.in/x\" \"Mozilla/5.0 (Android 14)\"\n";
    let c = "203.0.113.9 - - [06/Jan/2026:10:00:00 +0100] \"GET /logements HTTP/1.1\" 200 10\n";
    let vlog = write_file(&dir, "vhost.log", v.as_bytes());
    let clog = write_file(&dir, "common.log", c.as_bytes());
    let out = relais(
        &db.url,
        &[
            "traffic",
            "import",
            &vlog,
            &clog,
            "--site",
            "bailleur",
            "--site-host",
            "www.bailleur.fr",
            "--retention-months",
            "1200",
            "--json",
        ],
    )
    .ok()
    .json();
    assert_eq!(out[0]["format"], "vcombined");
    assert_eq!(out[1]["format"], "common");
    assert_eq!(
        out[0]["visits_by_source"],
        serde_json::json!({"direct": 1, "linkedin": 1})
    );
    assert_eq!(out[1]["visits_by_source"], serde_json::json!({"direct": 1}));
    let days = relais(
        &db.url,
        &[
            "traffic", "report", "--by", "day", "--site", "bailleur", "--json",
        ],
    )
    .ok()
    .json();
    assert_eq!(days["rows"][0]["key"], "2026-01-05");
    assert_eq!(days["rows"][1]["visits"], 1);
}

/// Matomo's documented shapes: a list of rows per day, `[]` for a day
/// without data, numbers sometimes written as strings.
const SOCIALS: &str = r#"{"2026-01-05":[{"label":"Facebook","nb_uniq_visitors":9,"nb_visits":"12","nb_actions":30},{"label":"LinkedIn","nb_visits":3,"nb_actions":"4"}],"2026-01-06":[]}"#;
const CAMPAIGNS: &str =
    r#"{"2026-01-05":[{"label":"Hiver-2026","nb_visits":5,"nb_actions":7}],"2026-01-06":[]}"#;
const SUMMARY: &str =
    r#"{"2026-01-05":{"nb_uniq_visitors":80,"nb_visits":100,"nb_actions":"250"},"2026-01-06":[]}"#;

/// A one-thread Matomo answering `n` requests; returns what it was sent.
fn fake_matomo(n: usize) -> (String, std::thread::JoinHandle<Vec<String>>) {
    use std::io::{BufRead, BufReader, Read, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/", listener.local_addr().unwrap());
    let server = std::thread::spawn(move || {
        let mut seen = Vec::new();
        for _ in 0..n {
            let (stream, _) = listener.accept().unwrap();
            let mut reader = BufReader::new(stream);
            let mut head = String::new();
            let mut length = 0;
            loop {
                let mut line = String::new();
                reader.read_line(&mut line).unwrap();
                if let Some(v) = line.to_ascii_lowercase().strip_prefix("content-length:") {
                    length = v.trim().parse().unwrap();
                }
                head.push_str(&line);
                if line == "\r\n" || line.is_empty() {
                    break;
                }
            }
            let mut body = vec![0; length];
            reader.read_exact(&mut body).unwrap();
            let body = String::from_utf8(body).unwrap();
            let answer = if body.contains("method=Referrers.getSocials") {
                SOCIALS
            } else if body.contains("method=Referrers.getCampaigns") {
                CAMPAIGNS
            } else {
                SUMMARY
            };
            let mut stream = reader.into_inner();
            write!(
                stream,
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{answer}",
                answer.len()
            )
            .unwrap();
            seen.push(format!("{head}{body}"));
        }
        seen
    });
    (url, server)
}

fn matomo(db: &str, url: &str, token: &str) -> serde_json::Value {
    use std::io::Write;
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_relais"))
        .args([
            "--db",
            db,
            "traffic",
            "matomo",
            "--url",
            url,
            "--site-id",
            "3",
        ])
        .args(["--token-stdin", "--period", "2026-01-05..2026-01-06"])
        .args(["--retention-months", "1200", "--json"])
        .env_remove("RELAIS_DATABASE_URL")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(token.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_str(&stdout).unwrap()
}

#[test]
fn matomo_daily_visits_are_pulled_with_the_token_in_the_post_body_and_once_only() {
    let db = TestDb::sqlite();
    let (url, server) = fake_matomo(6);
    let first = matomo(&db.url, &url, "s3cret\n");
    assert_eq!(first["status"], "imported");
    assert_eq!(first["site"], "matomo-3");
    assert_eq!(
        first["visits_by_source"],
        serde_json::json!({"facebook": 12, "linkedin": 3, "campaign": 5, "other": 80})
    );
    let again = matomo(&db.url, &url, "s3cret\n");
    assert_eq!(again["status"], "unchanged");
    let requests = server.join().unwrap();
    assert_eq!(requests.len(), 6);
    for r in &requests {
        let first_line = r.lines().next().unwrap();
        assert!(first_line.starts_with("POST /index.php "), "{r}");
        assert!(
            !first_line.contains("s3cret"),
            "the token must not be in the URL: {r}"
        );
        assert!(
            r.contains("token_auth=s3cret") && r.contains("idSite=3"),
            "{r}"
        );
        assert!(r.contains("period=day") && r.contains("format=JSON"), "{r}");
    }
    let report = relais(
        &db.url,
        &[
            "traffic", "report", "--site", "matomo-3", "--by", "campaign", "--json",
        ],
    )
    .ok()
    .json();
    assert_eq!(report["rows"][1]["key"], "hiver-2026");
    assert_eq!(report["rows"][1]["visits"], 5);
}

#[test]
fn a_missing_matomo_token_is_said_with_how_to_give_it() {
    let db = TestDb::sqlite();
    relais(
        &db.url,
        &[
            "traffic",
            "matomo",
            "--url",
            "http://127.0.0.1:9/",
            "--site-id",
            "1",
            "--token-stdin",
            "--period",
            "2026-01",
        ],
    )
    .fails()
    .complains(&["aucun jeton"]);
}

#[test]
fn website_visits_from_the_networks_reach_the_kpi_and_the_audit() {
    let db = TestDb::sqlite();
    relais(&db.url, &["demo", "--seed", "2", "--until", "2026-03-31"]).ok();
    let log = fixture("generated.log.gz");
    relais(
        &db.url,
        &[
            "traffic",
            "import",
            &log,
            "--site",
            SITE,
            "--short-link-path",
            "/qr/",
            "--retention-months",
            "1200",
        ],
    )
    .ok();
    let truth = truth();
    let social: u64 = [
        "facebook",
        "instagram",
        "linkedin",
        "x",
        "youtube",
        "tiktok",
        "threads",
        "bluesky",
        "mastodon",
        "nextdoor",
        "whatsapp",
        "pinterest",
        "snapchat",
        "reddit",
        "telegram",
    ]
    .iter()
    .filter_map(|n| truth["visits_by_channel"][n].as_u64())
    .sum();
    let all = truth["visits"].as_u64().unwrap();
    let rows = relais(
        &db.url,
        &[
            "kpi",
            "--kpi",
            "social_web_share",
            "--period",
            "2000..2100",
            "--json",
        ],
    )
    .ok()
    .json();
    assert_eq!(rows[0]["n"].as_u64(), Some(all));
    let value = rows[0]["value"].as_f64().unwrap();
    assert!(
        (value - social as f64 / all as f64).abs() < 1e-12,
        "{value} vs {social}/{all}"
    );
    let by = relais(
        &db.url,
        &[
            "kpi",
            "--kpi",
            "social_web_share",
            "--slice",
            "network",
            "--period",
            "2000..2100",
            "--json",
        ],
    )
    .ok()
    .json();
    let fb = by
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["slice"]["network"] == "facebook")
        .unwrap();
    let expected = truth["visits_by_channel"]["facebook"].as_u64().unwrap() as f64 / all as f64;
    assert!((fb["value"].as_f64().unwrap() - expected).abs() < 1e-12);
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("r.html");
    relais(
        &db.url,
        &[
            "audit",
            "--period",
            "2000..2100",
            "--out",
            out.to_str().unwrap(),
        ],
    )
    .ok();
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(html.contains("Part des visites du site venues de chaque réseau"));
    assert!(html.contains("arrivée des visiteurs venus des réseaux et des QR codes"));
}

fn utf16le(text: &str) -> Vec<u8> {
    let mut out = vec![0xFF, 0xFE];
    out.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    out
}

#[test]
fn matomo_csv_exports_import_together_once_only() {
    let db = TestDb::sqlite();
    let dir = tempfile::tempdir().unwrap();
    // As Matomo's "export" writes them: UTF-16LE with a byte-order mark, one row per day.
    let summary = write_file(
        &dir,
        "visites.csv",
        &utf16le(
            "date,nb_uniq_visitors,nb_visits,nb_actions,bounce_count\n2026-01-05,280,300,900,120\n2026-01-06,190,200,500,80\n",
        ),
    );
    let socials = write_file(
        &dir,
        "reseaux.csv",
        &utf16le(
            "date,label,nb_uniq_visitors,nb_visits,nb_actions\n2026-01-05,Facebook,40,42,97\n2026-01-05,LinkedIn,9,10,21\n2026-01-06,Facebook,30,31,60\n",
        ),
    );
    let campaigns = write_file(
        &dir,
        "campagnes.csv",
        "date\tlabel\tnb_visits\tnb_actions\n2026-01-05\tFete-Voisins\t7\t9\n".as_bytes(),
    );
    let args = [
        "traffic",
        "import",
        &summary,
        &socials,
        &campaigns,
        "--site",
        SITE,
        "--retention-months",
        "1200",
        "--json",
    ];
    let out = relais(&db.url, &args).ok().json();
    assert_eq!(out[0]["status"], "imported");
    assert_eq!(out[0]["visits"], 500);
    let report = relais(&db.url, &["traffic", "report", "--by", "network", "--json"])
        .ok()
        .json();
    let rows = report["rows"].as_array().unwrap();
    let visits = |key: &str| {
        rows.iter()
            .find(|r| r["key"] == key)
            .map(|r| r["visits"].as_i64().unwrap())
    };
    assert_eq!(visits("facebook"), Some(73));
    assert_eq!(visits("linkedin"), Some(10));
    // 500 visits in all: 83 social, 7 from the campaign, the rest from other sources.
    let total: i64 = rows.iter().map(|r| r["visits"].as_i64().unwrap()).sum();
    assert_eq!(total, 500);
    let again = relais(&db.url, &args).ok().json();
    assert_eq!(again[0]["status"], "unchanged");
    let kpi = relais(
        &db.url,
        &[
            "kpi",
            "--kpi",
            "social_web_share",
            "--period",
            "2026-01",
            "--json",
        ],
    )
    .ok()
    .json();
    assert!(
        (kpi[0]["value"].as_f64().unwrap() - 83.0 / 500.0).abs() < 1e-12,
        "{kpi}"
    );
}

#[test]
fn a_matomo_referrers_export_alone_is_refused_with_what_to_add() {
    let db = TestDb::sqlite();
    let dir = tempfile::tempdir().unwrap();
    let socials = write_file(
        &dir,
        "reseaux.csv",
        &utf16le("date,label,nb_visits\n2026-01-05,Facebook,42\n"),
    );
    relais(&db.url, &["traffic", "import", &socials, "--site", SITE])
        .fails()
        .says(&["reseaux.csv", "VisitsSummary.get"])
        .complains(&["refusé"]);
    let bad = write_file(
        &dir,
        "visites.csv",
        b"date,nb_visits\n2026-01-05,beaucoup\n",
    );
    relais(
        &db.url,
        &["traffic", "import", &bad, &socials, "--site", SITE],
    )
    .fails()
    .says(&["visites.csv, ligne 2", "nb_visits"]);
}
