//! Whatever the bytes, parsing never panics: random bytes, every fixture cut
//! at a random place, and fixtures with random bytes overwritten. (Parsing
//! writes nothing by construction: it has no IO; the command's
//! all-or-nothing import is tested in the `relais` crate.)

use std::path::Path;

use proptest::prelude::*;
use relais_import::{Options, parse};

fn fixtures() -> Vec<(String, Vec<u8>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata");
    let mut out = Vec::new();
    for dir in std::fs::read_dir(&root).expect("testdata") {
        let dir = dir.expect("entry").path();
        if !dir.is_dir() {
            continue;
        }
        for f in std::fs::read_dir(&dir).expect("folder") {
            let p = f.expect("entry").path();
            let ext = p.extension().and_then(|e| e.to_str()).unwrap_or("");
            if matches!(ext, "csv" | "tsv" | "jsonl" | "txt" | "xls" | "xlsx") {
                out.push((
                    p.display().to_string(),
                    std::fs::read(&p).expect("read fixture"),
                ));
            }
        }
    }
    assert!(out.len() > 30, "fixtures not found");
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2_000)) {
        let _ = parse("random.csv", &bytes, &Options::default());
    }

    #[test]
    fn truncated_fixtures_never_panic(pick in any::<prop::sample::Index>(), cut in any::<prop::sample::Index>()) {
        let all = fixtures();
        let (_, bytes) = &all[pick.index(all.len())];
        let at = cut.index(bytes.len() + 1);
        let _ = parse("cut.csv", &bytes[..at], &Options::default());
    }

    #[test]
    fn damaged_fixtures_never_panic(
        pick in any::<prop::sample::Index>(),
        damage in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..20),
    ) {
        let all = fixtures();
        let (_, bytes) = &all[pick.index(all.len())];
        let mut bytes = bytes.clone();
        if !bytes.is_empty() {
            for (at, b) in damage {
                let i = at.index(bytes.len());
                bytes[i] = b;
            }
        }
        let _ = parse("damaged.csv", &bytes, &Options::default());
    }
}

#[test]
fn every_fixture_parses_or_is_refused_with_a_place_or_a_reason() {
    for (name, bytes) in fixtures() {
        match parse(&name, &bytes, &Options::default()) {
            Ok(p) => assert!(
                p.rows > 0 || !p.warnings.is_empty() || !p.daily.is_empty(),
                "{name}: nothing read"
            ),
            Err(e) => {
                let msg = e.message_en();
                assert!(msg.len() > 20, "{name}: {msg}");
            }
        }
    }
}
