//! `relais user …`, `relais token …` and `relais serve` with the web app.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};

use crate::util::{TestDb, relais, relais_stdin};

const PASSWORD: &str = "une phrase de passe assez longue\n";

/// The first agency of the demo.
fn an_agency(db: &str) -> String {
    let list = relais(db, &["territory", "list", "--json"]).ok().json();
    list.as_array()
        .unwrap()
        .iter()
        .find(|t| t["kind"] == "agency")
        .map(|t| t["id"].as_str().unwrap().to_string())
        .unwrap()
}

#[test]
fn users_are_added_checked_listed_and_removed() {
    let db = TestDb::sqlite();
    relais(&db.url, &["demo"]).ok();
    let agency = an_agency(&db.url);
    relais_stdin(
        &db.url,
        &[
            "user",
            "add",
            "Chef.Com@Bailleur.fr",
            "--role",
            "admin",
            "--password-stdin",
        ],
        PASSWORD,
    )
    .ok()
    .says(&["Utilisateur ajouté : chef.com@bailleur.fr (admin)"]);
    // Bad input, each refused with what to do, nothing written.
    relais_stdin(
        &db.url,
        &[
            "user",
            "add",
            "a@bailleur.fr",
            "--role",
            "admin",
            "--password-stdin",
        ],
        "court\n",
    )
    .fails()
    .complains(&["12 caractères au moins"]);
    relais(
        &db.url,
        &["user", "add", "b@bailleur.fr", "--role", "referent"],
    )
    .fails()
    .complains(&["--territory"]);
    relais(
        &db.url,
        &[
            "user",
            "add",
            "b@bailleur.fr",
            "--role",
            "auditor",
            "--territory",
            &agency,
        ],
    )
    .fails()
    .complains(&["--territory"]);
    relais(
        &db.url,
        &[
            "user",
            "add",
            "b@bailleur.fr",
            "--role",
            "referent",
            "--territory",
            "nowhere",
        ],
    )
    .fails()
    .complains(&["nowhere", "relais territory list"]);
    relais(
        &db.url,
        &["user", "add", "pas-une-adresse", "--role", "auditor"],
    )
    .fails();
    // A referent without a password is told they cannot log in yet.
    relais(
        &db.url,
        &[
            "user",
            "add",
            "ref@bailleur.fr",
            "--role",
            "referent",
            "--territory",
            &agency,
            "--name",
            "Léa",
        ],
    )
    .ok()
    .says(&["--password-stdin"]);
    let users = relais(&db.url, &["user", "list", "--json"]).ok().json();
    let added: Vec<&serde_json::Value> = users
        .as_array()
        .unwrap()
        .iter()
        .filter(|u| u["email"].as_str().unwrap().ends_with("@bailleur.fr"))
        .collect();
    assert_eq!(added.len(), 2, "{users}");
    let lea = added.iter().find(|u| u["name"] == "Léa").unwrap();
    assert_eq!(lea["role"], "referent");
    assert_eq!(lea["territories"][0], agency.as_str());
    assert!(lea.get("password_hash").is_none(), "never printed");

    // Tokens: shown once, listed by prefix, revoked.
    let token = relais(
        &db.url,
        &["token", "create", "--user", "ref@bailleur.fr", "--json"],
    )
    .ok()
    .json();
    let value = token["token"].as_str().unwrap();
    assert!(value.starts_with("rls_") && value.len() > 60, "{token}");
    let list = relais(&db.url, &["token", "list"]).ok();
    assert!(!list.stdout.contains(value), "the list never shows a token");
    relais(
        &db.url,
        &["token", "revoke", token["prefix"].as_str().unwrap()],
    )
    .ok();
    relais(
        &db.url,
        &["token", "revoke", token["prefix"].as_str().unwrap()],
    )
    .fails()
    .complains(&["relais token list"]);
    relais(
        &db.url,
        &["token", "create", "--user", "nobody@bailleur.fr"],
    )
    .fails()
    .complains(&["relais user add"]);

    relais(&db.url, &["user", "remove", "ref@bailleur.fr"]).ok();
    relais(&db.url, &["user", "remove", "ref@bailleur.fr"])
        .fails()
        .complains(&["relais user list"]);
}

fn get(addr: &str, path: &str, auth: Option<&str>) -> String {
    let mut s = TcpStream::connect(addr).unwrap();
    let auth = auth.map_or(String::new(), |t| format!("Authorization: Bearer {t}\r\n"));
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: x\r\n{auth}Connection: close\r\n\r\n"
    )
    .unwrap();
    let mut resp = String::new();
    s.read_to_string(&mut resp).unwrap();
    resp
}

#[test]
fn serve_runs_the_web_app_and_stops_cleanly_on_sigterm() {
    let db = TestDb::sqlite();
    relais(&db.url, &["demo"]).ok();
    relais_stdin(
        &db.url,
        &[
            "user",
            "add",
            "com@bailleur.fr",
            "--role",
            "communication",
            "--password-stdin",
        ],
        PASSWORD,
    )
    .ok();
    let token = relais(
        &db.url,
        &["token", "create", "--user", "com@bailleur.fr", "--json"],
    )
    .ok()
    .json()["token"]
        .as_str()
        .unwrap()
        .to_string();
    let mut server = Command::new(env!("CARGO_BIN_EXE_relais"))
        .args(["--db", &db.url, "serve", "--listen", "127.0.0.1:0"])
        .env_remove("RELAIS_LANG")
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = BufReader::new(server.stderr.take().unwrap());
    let mut line = String::new();
    stderr.read_line(&mut line).unwrap();
    assert!(line.contains("relais servi sur"), "{line}");
    let addr = line
        .split("http://")
        .nth(1)
        .and_then(|s| s.split_whitespace().next())
        .unwrap_or_else(|| panic!("no address in {line:?}"))
        .to_string();
    let login = get(&addr, "/login", None);
    assert!(login.starts_with("HTTP/1.1 200"), "{login}");
    assert!(
        login.contains("Se connecter"),
        "the login page is French by default"
    );
    let home = get(&addr, "/", None);
    assert!(
        home.starts_with("HTTP/1.1 303") && home.contains("location: /login"),
        "{home}"
    );
    let api = get(&addr, "/api/v1/residences", Some(&token));
    assert!(api.starts_with("HTTP/1.1 200"), "{api}");
    assert!(api.contains("\"items\""), "{api}");
    let nobody = get(&addr, "/api/v1/residences", None);
    assert!(nobody.starts_with("HTTP/1.1 401"), "{nobody}");
    Command::new("kill")
        .args(["-TERM", &server.id().to_string()])
        .status()
        .unwrap();
    assert!(server.wait().unwrap().success(), "a clean stop on SIGTERM");
    let mut rest = String::new();
    stderr.read_to_string(&mut rest).unwrap();
    assert!(rest.contains("Arrêté"), "{rest}");
}
