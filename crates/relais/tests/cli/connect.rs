//! `relais connect facebook` and `relais sync`, as a user meets them without
//! the network (the sync itself is tested against a local Graph API in
//! crates/relais-connect).

use std::process::{Command, Stdio};

use crate::util::{Run, TestDb, dump, feed, relais};

const KEY: &str = "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0";

/// relais with a secret key (or none) and `input` on stdin.
fn with_key(db: &str, key: Option<&str>, args: &[&str], input: &str) -> Run {
    let mut all = vec!["--db".to_string(), db.to_string()];
    all.extend(args.iter().map(|s| s.to_string()));
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_relais"));
    cmd.args(&all)
        .env_remove("RELAIS_DATABASE_URL")
        .env_remove("RELAIS_LANG")
        .env_remove("RELAIS_SECRET_KEY")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if let Some(k) = key {
        cmd.env("RELAIS_SECRET_KEY", k);
    }
    let mut child = cmd.spawn().expect("run relais");
    feed(&mut child, input);
    let out = child.wait_with_output().unwrap();
    Run {
        args: all,
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

#[test]
fn a_connection_is_stored_encrypted_and_a_failed_sync_names_it() {
    let db = TestDb::sqlite();
    relais(&db.url, &["demo"]).ok();
    let token = "EAAG-page-token-that-must-never-be-stored-in-clear";
    let args = [
        "connect",
        "facebook",
        "--account",
        "BrevenneHabitat",
        "--token-stdin",
        "--api-base",
        "http://127.0.0.1:9",
    ];
    with_key(&db.url, None, &args, token)
        .fails()
        .complains(&["RELAIS_SECRET_KEY", "openssl rand -hex 32"]);
    with_key(&db.url, Some("short"), &args, token).fails();
    let mut unknown = args;
    unknown[3] = "nobody";
    with_key(&db.url, Some(KEY), &unknown, token)
        .fails()
        .complains(&["nobody", "relais status"]);
    // The X account shares the handle: the Facebook one is meant.
    with_key(&db.url, Some(KEY), &args, token)
        .ok()
        .says(&["facebook:brevennehabitat", "relais sync"]);
    let stored = format!("{:?}", dump(&db.url));
    assert!(
        !stored.contains(token),
        "the token is stored encrypted only"
    );
    // The API cannot be reached: the sync says which connection and fails.
    with_key(&db.url, Some(KEY), &["sync"], "")
        .fails()
        .says(&["facebook:brevennehabitat"]);
    with_key(&db.url, Some(KEY), &["sync", "--account", "nobody"], "").fails();
}

#[test]
fn serve_refuses_a_malformed_key_before_listening() {
    let db = TestDb::sqlite();
    relais(&db.url, &["demo"]).ok();
    with_key(
        &db.url,
        Some("not-hex"),
        &["serve", "--listen", "127.0.0.1:0"],
        "",
    )
    .fails()
    .complains(&["RELAIS_SECRET_KEY", "64"]);
}

#[test]
fn sync_takes_an_x_read_budget_and_refuses_a_malformed_one() {
    let db = TestDb::sqlite();
    relais(&db.url, &["demo"]).ok();
    let connect = [
        "connect",
        "x",
        "--account",
        "BrevenneHabitat",
        "--token-stdin",
        "--api-base",
        "http://127.0.0.1:9/2",
    ];
    with_key(&db.url, Some(KEY), &connect, "x-user-token")
        .ok()
        .says(&["x:BrevenneHabitat"]);
    let run = with_key(&db.url, Some(KEY), &["sync", "--x-read-budget", "lots"], "")
        .fails()
        .complains(&["--x-read-budget lots", "10000"]);
    assert!(!run.stdout.contains("x:BrevenneHabitat"), "nothing synced");
    // Accepted: the sync goes on to the (unreachable) API and names the connection.
    let run = with_key(&db.url, Some(KEY), &["sync", "--x-read-budget", "500"], "")
        .fails()
        .says(&["x:BrevenneHabitat"]);
    assert!(!run.stderr.contains("--x-read-budget"), "{}", run.stderr);
}
