//! `relais link …` and `relais serve --links-only`.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};

use crate::util::{TestDb, relais, runtime};

const TARGET: &str = "https://www.brevenne-habitat.fr/actualites";

/// A demo database with the landlord's site allowed, and one of its agencies.
fn demo() -> (TestDb, String) {
    demo_on(TestDb::sqlite())
}

fn demo_on(db: TestDb) -> (TestDb, String) {
    relais(&db.url, &["demo"]).ok();
    relais(&db.url, &["link", "allow-domain", "brevenne-habitat.fr"])
        .ok()
        .says(&["Domaine autorisé : brevenne-habitat.fr"]);
    let ts = relais(&db.url, &["territory", "list", "--json"])
        .ok()
        .json();
    let agency = ts
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["kind"] == "agency")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    (db, agency)
}

fn first_residence(db: &str) -> (String, String) {
    let rs = relais(db, &["residence", "list", "--json"]).ok().json();
    let r = &rs.as_array().unwrap()[0];
    (
        r["id"].as_str().unwrap().into(),
        r["name"].as_str().unwrap().into(),
    )
}

#[test]
fn link_create_json_gives_code_short_url_and_tagged_target() {
    let (db, _) = demo();
    let (residence, _) = first_residence(&db.url);
    let out = relais(
        &db.url,
        &[
            "link",
            "create",
            "--target",
            TARGET,
            "--residence",
            &residence,
            "--action",
            "Fête des voisins 2027",
            "--channel",
            "flyer",
            "--json",
            "--base-url",
            "https://l.brevenne-habitat.fr/",
        ],
    )
    .ok()
    .json();
    let code = out["code"].as_str().unwrap();
    assert_eq!(code.len(), 9);
    assert_eq!(
        out["short_url"],
        format!("https://l.brevenne-habitat.fr/r/{code}")
    );
    assert_eq!(
        out["target"],
        format!(
            "{TARGET}?utm_source=relais&utm_medium=flyer&utm_campaign=fete-des-voisins-2027\
             &utm_content={residence}"
        )
    );
}

#[test]
fn a_target_outside_the_allowed_domains_is_refused_with_what_to_do() {
    let (db, _) = demo();
    let (residence, _) = first_residence(&db.url);
    let args = [
        "link",
        "create",
        "--target",
        "https://evil.example/",
        "--residence",
        &residence,
        "--action",
        "Fête",
    ];
    relais(&db.url, &args)
        .fails()
        .complains(&["evil.example", "relais link allow-domain evil.example"]);
    let mut en = vec!["--lang", "en"];
    en.extend(args);
    relais(&db.url, &en).fails().complains(&["is not allowed"]);
    let stats = relais(&db.url, &["link", "stats", "--json"]).ok().json();
    assert!(stats.as_array().unwrap().is_empty(), "nothing was created");
}

#[test]
fn an_unknown_residence_or_agency_is_named() {
    let (db, _) = demo();
    relais(
        &db.url,
        &[
            "link",
            "create",
            "--target",
            TARGET,
            "--residence",
            "R-NOPE",
            "--action",
            "Fête",
        ],
    )
    .fails()
    .complains(&["R-NOPE", "relais residence list"]);
    relais(
        &db.url,
        &[
            "link",
            "bulk",
            "--agency",
            "agence-nope",
            "--target",
            TARGET,
            "--action",
            "Fête",
        ],
    )
    .fails()
    .complains(&["agence-nope", "relais territory list"]);
}

#[test]
fn bulk_makes_one_link_per_residence_of_the_agency_and_posters_for_them() {
    let (db, agency) = demo();
    let residences = relais(&db.url, &["residence", "list", "--json"])
        .ok()
        .json();
    let expected = residences
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["agency"] == agency.as_str())
        .count();
    assert!(expected > 1);
    let made = relais(
        &db.url,
        &[
            "link",
            "bulk",
            "--agency",
            &agency,
            "--target",
            TARGET,
            "--action",
            "Nettoyage de printemps",
            "--json",
        ],
    )
    .ok()
    .json();
    assert_eq!(made.as_array().unwrap().len(), expected);
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("svg");
    relais(
        &db.url,
        &[
            "link",
            "poster",
            "--action",
            "Nettoyage de printemps",
            "--format",
            "svg",
            "--out",
            out.to_str().unwrap(),
        ],
    )
    .ok()
    .says(&[&format!("{expected} affiche(s)")]);
    let first = &made[0];
    let svg = std::fs::read_to_string(
        out.join(format!("affiche-{}.svg", first["code"].as_str().unwrap())),
    )
    .unwrap();
    assert!(svg.contains(first["short_url"].as_str().unwrap()));
    let first_word = first["place"]
        .as_str()
        .unwrap()
        .split_whitespace()
        .next()
        .unwrap();
    assert!(svg.contains(&first_word.replace('&', "&amp;")), "{svg}");
    assert!(svg.contains("Suivez l'actualité"));
}

#[test]
fn a_pdf_batch_has_one_page_per_poster_or_names_the_package_to_install() {
    let (db, agency) = demo();
    let made = relais(
        &db.url,
        &[
            "link", "bulk", "--agency", &agency, "--target", TARGET, "--action", "Fête", "--json",
        ],
    )
    .ok()
    .json();
    let codes: Vec<&str> = made
        .as_array()
        .unwrap()
        .iter()
        .take(3)
        .map(|l| l["code"].as_str().unwrap())
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("affiches.pdf");
    let mut args = vec![
        "link",
        "poster",
        "--format",
        "pdf",
        "--size",
        "A5",
        "--out",
        pdf.to_str().unwrap(),
    ];
    args.extend(&codes);
    let chromium_here = Command::new("chromium").arg("--version").output().is_ok();
    let run = relais(&db.url, &args);
    if chromium_here {
        run.ok();
        let bytes = std::fs::read(&pdf).unwrap();
        assert!(bytes.starts_with(b"%PDF-"));
        let text = String::from_utf8_lossy(&bytes).replace("/Type/", "/Type /");
        let pages = text.matches("/Type /Page").count() - text.matches("/Type /Pages").count();
        assert_eq!(pages, 3, "one page per poster");
    } else {
        run.fails()
            .complains(&["paquet Debian « chromium »", "--format svg"]);
    }
}

#[test]
fn serve_redirects_counts_and_stats_show_scans_per_100_homes() {
    serve_story(TestDb::sqlite());
}

#[test]
fn serve_and_stats_work_on_postgresql_too() {
    if let Some(pg) = runtime().block_on(TestDb::postgres()) {
        serve_story(pg);
    }
}

fn serve_story(db: TestDb) {
    let (db, _) = demo_on(db);
    let (residence, name) = first_residence(&db.url);
    let link = relais(
        &db.url,
        &[
            "link",
            "create",
            "--target",
            TARGET,
            "--residence",
            &residence,
            "--action",
            "Fête",
            "--json",
        ],
    )
    .ok()
    .json();
    let code = link["code"].as_str().unwrap();
    let mut server = Command::new(env!("CARGO_BIN_EXE_relais"))
        .args([
            "--db",
            &db.url,
            "serve",
            "--links-only",
            "--listen",
            "127.0.0.1:0",
        ])
        .env_remove("RELAIS_LANG")
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = BufReader::new(server.stderr.take().unwrap());
    let mut line = String::new();
    stderr.read_line(&mut line).unwrap();
    let addr = line
        .split("http://")
        .nth(1)
        .and_then(|s| s.split_whitespace().next())
        .unwrap_or_else(|| panic!("no address in {line:?}"))
        .to_string();
    for ua in [
        "Mozilla/5.0 (iPhone) Mobile Safari",
        "Mozilla/5.0 (iPhone) Mobile Safari",
        "Twitterbot/1.0",
    ] {
        let mut s = TcpStream::connect(&addr).unwrap();
        write!(
            s,
            "GET /r/{code} HTTP/1.1\r\nHost: x\r\nUser-Agent: {ua}\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        let mut resp = String::new();
        s.read_to_string(&mut resp).unwrap();
        assert!(resp.starts_with("HTTP/1.1 302"), "{resp}");
        assert!(
            resp.contains(&format!("location: {TARGET}?utm_source=relais")),
            "{resp}"
        );
    }
    Command::new("kill")
        .args(["-TERM", &server.id().to_string()])
        .status()
        .unwrap();
    assert!(server.wait().unwrap().success());
    let mut rest = String::new();
    stderr.read_to_string(&mut rest).unwrap();
    assert!(rest.contains("2 scan(s) et 1 robot(s)"), "{rest}");
    let stats = relais(&db.url, &["link", "stats", "--by", "residence", "--json"])
        .ok()
        .json();
    let row = &stats[0];
    assert_eq!(row["key"], residence.as_str());
    assert_eq!(
        (
            row["scans"].as_i64(),
            row["uniques"].as_i64(),
            row["bots"].as_i64()
        ),
        (Some(2), Some(1), Some(1))
    );
    let homes = row["homes"].as_f64().unwrap();
    let per100 = row["scans_per_100_homes"].as_f64().unwrap();
    assert!((per100 - (200.0 / homes * 10.0).round() / 10.0).abs() < 1e-9);
    relais(&db.url, &["link", "stats", "--by", "residence"])
        .ok()
        .says(&[&name, "scans/100 lgts"]);
    relais(&db.url, &["link", "stats", "--by", "day", "--json"]).ok();
    relais(&db.url, &["link", "purge", "--months", "25"])
        .ok()
        .says(&["0 compteur(s)"]);
    runtime().block_on(db.cleanup());
}

#[test]
fn without_chromium_a_pdf_is_refused_naming_the_debian_package() {
    let (db, _) = demo();
    let (residence, _) = first_residence(&db.url);
    let link = relais(
        &db.url,
        &[
            "link",
            "create",
            "--target",
            TARGET,
            "--residence",
            &residence,
            "--action",
            "Fête",
            "--json",
        ],
    )
    .ok()
    .json();
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_relais"))
        .args([
            "--db",
            &db.url,
            "link",
            "poster",
            link["code"].as_str().unwrap(),
        ])
        .current_dir(dir.path())
        .env("RELAIS_CHROMIUM", "/nonexistent/chromium")
        .env_remove("RELAIS_LANG")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(stderr.contains("paquet Debian « chromium »"), "{stderr}");
    assert!(stderr.contains("--format svg"), "{stderr}");
    assert!(!dir.path().join("affiches.pdf").exists());
}

#[test]
fn bulk_with_posters_makes_an_agencys_links_and_their_pdf_in_one_command() {
    let (db, agency) = demo();
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("affiches.pdf");
    let run = relais(
        &db.url,
        &[
            "link",
            "bulk",
            "--agency",
            &agency,
            "--target",
            TARGET,
            "--action",
            "Fête des voisins",
            "--posters",
            pdf.to_str().unwrap(),
        ],
    );
    let chromium_here = Command::new("chromium").arg("--version").output().is_ok();
    if chromium_here {
        let run = run.ok();
        let bytes = std::fs::read(&pdf).unwrap();
        assert!(bytes.starts_with(b"%PDF"), "{}", run.stdout);
        let text = String::from_utf8_lossy(&bytes).replace("/Type/", "/Type /");
        let pages = text.matches("/Type /Page").count() - text.matches("/Type /Pages").count();
        assert!(pages > 1, "one page per residence ({pages})");
    } else {
        // The links are made; the posters name the package to install.
        run.fails().complains(&["paquet Debian « chromium »"]);
    }
}
