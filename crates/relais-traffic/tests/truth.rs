//! The parser against the true counts of generated logs: the committed
//! fixture (`testdata/`), and a fresh one from the repository's generator
//! (`bench/gen_access_log.py`, python3) with another seed, plain and gzip.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use relais_traffic::{Channel, Format, Options, Summary, parse};
use serde_json::Value;

fn options() -> Options {
    Options {
        format: Format::Auto,
        site_hosts: vec!["www.habitat-exemple.fr".into()],
        short_link_hosts: Vec::new(),
        short_link_paths: vec!["/qr/".into()],
    }
}

fn counts(v: &Value) -> BTreeMap<String, u64> {
    v.as_object()
        .expect("an object of counts")
        .iter()
        .map(|(k, n)| (k.clone(), n.as_u64().expect("a count")))
        .collect()
}

fn by_code(m: BTreeMap<Channel, u64>) -> BTreeMap<String, u64> {
    m.into_iter()
        .filter(|&(_, n)| n > 0)
        .map(|(c, n)| (c.code().to_string(), n))
        .collect()
}

fn assert_matches_truth(s: &Summary, truth: &Value) {
    let n = |k: &str| truth[k].as_u64().unwrap_or_else(|| panic!("truth has {k}"));
    assert_eq!(s.format, Format::Combined);
    assert_eq!(s.lines, n("lines"), "lines");
    assert_eq!(s.malformed, n("malformed"), "malformed");
    assert_eq!(s.malformed_examples.len(), n("malformed").min(5) as usize);
    assert_eq!(s.bots, n("bots"), "bots");
    assert_eq!(s.assets, n("assets"), "assets");
    assert_eq!(s.pageviews, n("pageviews"), "page views");
    assert_eq!(s.visits, n("visits"), "visits");
    assert_eq!(
        by_code(s.visits_by_channel()),
        counts(&truth["visits_by_channel"])
    );
    assert_eq!(
        by_code(s.pageviews_by_channel()),
        counts(&truth["pageviews_by_channel"])
    );
    assert_eq!(
        by_code(s.hits_by_referrer.clone()),
        counts(&truth["hits_by_referrer"])
    );
    assert_eq!(
        s.hits_by_campaign_source,
        counts(&truth["hits_by_campaign_source"])
    );
}

fn testdata(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("testdata")
        .join(name)
}

#[test]
fn the_committed_generated_log_gives_its_true_counts() {
    let log = std::fs::File::open(testdata("generated.log.gz")).unwrap();
    let truth: Value =
        serde_json::from_slice(&std::fs::read(testdata("generated.truth.json")).unwrap()).unwrap();
    let summary = parse(log, &options()).unwrap();
    assert_matches_truth(&summary, &truth);
}

#[test]
fn a_freshly_generated_log_gives_its_true_counts_plain_and_gzipped() {
    let dir = tempfile::tempdir().unwrap();
    let (log, truth) = (dir.path().join("access.log"), dir.path().join("truth.json"));
    let generator = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../bench/gen_access_log.py");
    let status = Command::new("python3")
        .arg(&generator)
        .args(["--lines", "60000", "--days", "4", "--seed", "11"])
        .arg("--out")
        .arg(&log)
        .arg("--truth")
        .arg(&truth)
        .status()
        .expect("python3 runs the generator (install python3)");
    assert!(status.success());
    let truth: Value = serde_json::from_slice(&std::fs::read(&truth).unwrap()).unwrap();
    let bytes = std::fs::read(&log).unwrap();
    assert_matches_truth(&parse(bytes.as_slice(), &options()).unwrap(), &truth);

    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    std::io::Write::write_all(&mut gz, &bytes).unwrap();
    let gz = gz.finish().unwrap();
    assert_matches_truth(&parse(gz.as_slice(), &options()).unwrap(), &truth);
}
