//! Running the binary and reading what it said; on failure, everything it
//! printed is shown.

use std::path::{Path, PathBuf};
use std::process::Command;

pub use relais_store::testing::TestDb;
use relais_store::{SqlStore, Store, TableDump};

/// What one run printed.
#[derive(Debug)]
pub struct Run {
    pub args: Vec<String>,
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    fn show(&self) -> String {
        format!(
            "relais {}\nexit code {}\n--- stdout ---\n{}\n--- stderr ---\n{}",
            self.args.join(" "),
            self.code,
            self.stdout,
            self.stderr
        )
    }

    /// Asserts success and returns the run.
    #[track_caller]
    pub fn ok(self) -> Self {
        assert_eq!(self.code, 0, "expected success\n{}", self.show());
        self
    }

    /// Asserts failure and returns the run.
    #[track_caller]
    pub fn fails(self) -> Self {
        assert_ne!(self.code, 0, "expected a failure\n{}", self.show());
        assert!(
            !self.stderr.contains("panicked"),
            "it panicked\n{}",
            self.show()
        );
        self
    }

    /// Asserts that stdout contains every piece.
    #[track_caller]
    pub fn says(self, pieces: &[&str]) -> Self {
        for p in pieces {
            assert!(
                self.stdout.contains(p),
                "stdout lacks {p:?}\n{}",
                self.show()
            );
        }
        self
    }

    /// Asserts that stderr contains every piece.
    #[track_caller]
    pub fn complains(self, pieces: &[&str]) -> Self {
        for p in pieces {
            assert!(
                self.stderr.contains(p),
                "stderr lacks {p:?}\n{}",
                self.show()
            );
        }
        self
    }

    /// Stdout parsed as JSON.
    #[track_caller]
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e})\n{}", self.show()))
    }
}

/// Runs `relais --db DB ARGS…` in French, with a clean environment.
pub fn relais(db: &str, args: &[&str]) -> Run {
    let mut all = vec!["--db".to_string(), db.to_string()];
    all.extend(args.iter().map(|s| s.to_string()));
    let out = Command::new(env!("CARGO_BIN_EXE_relais"))
        .args(&all)
        .env_remove("RELAIS_DATABASE_URL")
        .env_remove("RELAIS_LANG")
        .output()
        .expect("run relais");
    Run {
        args: all,
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// Runs relais with `input` on its standard input.
pub fn relais_stdin(db: &str, args: &[&str], input: &str) -> Run {
    use std::process::Stdio;
    let mut all = vec!["--db".to_string(), db.to_string()];
    all.extend(args.iter().map(|s| s.to_string()));
    let mut child = Command::new(env!("CARGO_BIN_EXE_relais"))
        .args(&all)
        .env_remove("RELAIS_DATABASE_URL")
        .env_remove("RELAIS_LANG")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run relais");
    feed(&mut child, input);
    let out = child.wait_with_output().expect("relais output");
    Run {
        args: all,
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// Every table of a database, as text.
pub fn dump(db: &str) -> Vec<TableDump> {
    runtime().block_on(async {
        let store = SqlStore::open(db).await.expect("open for dump");
        let d = store.dump().await.expect("dump");
        store.close().await;
        d
    })
}

pub fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime")
}

/// A sample file of the core crate's test data.
pub fn testdata(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../relais-core/testdata/residences")
        .join(name)
}

/// A sample export of the import crate's test data.
pub fn export(path: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../relais-import/testdata")
        .join(path)
        .display()
        .to_string()
}

/// A file written in a temporary folder.
pub fn write_file(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> String {
    let p = dir.path().join(name);
    std::fs::write(&p, bytes).expect("write test file");
    p.display().to_string()
}

/// Writes `input` to the child's stdin and closes it. relais may stop
/// before reading it (no key, a bad argument): a closed pipe is then no
/// failure of the test.
pub fn feed(child: &mut std::process::Child, input: &str) {
    use std::io::Write;
    let written = child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes());
    if let Err(e) = written {
        assert_eq!(
            e.kind(),
            std::io::ErrorKind::BrokenPipe,
            "writing stdin: {e}"
        );
    }
}
