//! Random and damaged input never panics, and every line is counted once.

use proptest::prelude::*;
use relais_traffic::{Format, Options, parse};

const GOOD: &str = "203.0.113.9 - - [10/Mar/2024:13:55:36 +0100] \"GET /a?utm_source=fb HTTP/1.1\" 200 5 \"https://l.facebook.com/\" \"Mozilla/5.0\"\n";

fn options(format: Format) -> Options {
    Options {
        format,
        site_hosts: vec!["www.site.fr".into()],
        ..Options::default()
    }
}

proptest! {
    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..4096)) {
        for format in [Format::Auto, Format::Combined, Format::VCombined, Format::Common] {
            let s = parse(bytes.as_slice(), &options(format)).unwrap();
            // Lines end at each newline; a last line without one counts too,
            // and an empty input has none.
            let lines = bytes.split(|&b| b == b'\n').count() as u64
                - u64::from(bytes.is_empty() || bytes.last() == Some(&b'\n'));
            prop_assert_eq!(s.lines, lines);
        }
    }

    #[test]
    fn damaged_lines_never_panic_and_are_counted_once(
        cuts in proptest::collection::vec((0..GOOD.len(), any::<u8>()), 1..40)
    ) {
        let mut text = Vec::new();
        for (cut, byte) in &cuts {
            let mut line = GOOD.as_bytes().to_vec();
            line[*cut] = *byte;
            if *byte != b'\n' {
                text.extend_from_slice(&line);
            }
        }
        let s = parse(text.as_slice(), &options(Format::Combined)).unwrap();
        prop_assert_eq!(s.lines, s.malformed + s.bots + s.assets + s.other + s.pageviews);
    }
}

#[test]
fn a_truncated_gzip_stream_is_an_error_not_a_panic() {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    std::io::Write::write_all(&mut gz, GOOD.repeat(1000).as_bytes()).unwrap();
    let gz = gz.finish().unwrap();
    let err = parse(&gz[..gz.len() / 2], &options(Format::Auto)).unwrap_err();
    assert!(err.to_string().contains("reading failed"), "{err}");
}

#[test]
fn an_empty_log_is_empty() {
    let s = parse(&b""[..], &options(Format::Auto)).unwrap();
    assert_eq!((s.lines, s.visits, s.rows.len()), (0, 0, 0));
}
