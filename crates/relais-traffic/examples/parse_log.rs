//! Parses one access log and prints its summary as JSON (without the rows):
//! `cargo run --release -p relais-traffic --example parse_log -- FILE [SITE_HOST]`.
//! The benchmark uses it to time the parser alone.

use std::fs::File;

use relais_traffic::{Options, parse};

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: parse_log FILE [SITE_HOST]");
        std::process::exit(2);
    };
    let options = Options {
        site_hosts: args.next().into_iter().collect(),
        short_link_paths: vec!["/qr/".into()],
        ..Options::default()
    };
    let file = File::open(&path).unwrap_or_else(|e| {
        eprintln!("{path}: {e}");
        std::process::exit(1);
    });
    match parse(file, &options) {
        Ok(mut s) => {
            let visits = s.visits_by_channel();
            let pageviews = s.pageviews_by_channel();
            let rows = s.rows.len();
            s.rows.clear();
            let out = serde_json::json!({
                "summary": s, "rows": rows,
                "visits_by_channel": visits, "pageviews_by_channel": pageviews,
            });
            println!("{}", serde_json::to_string_pretty(&out).expect("JSON"));
        }
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    }
}
