//! How fast export files are read: rows per second for a Meta Business Suite
//! Facebook posts export of 100,000 posts (about 40 MB), generated here.
//!
//! Run: `cargo bench -p relais-import --bench parse`. The whole command
//! (reading, planning, writing to SQLite) is measured beside Python's csv
//! module by `bench/import.sh`.

use std::fmt::Write as _;

fn main() {
    divan::main();
}

/// A Facebook posts export of `n` posts, in Meta's English column order.
pub fn facebook_export(n: usize) -> Vec<u8> {
    let mut out = String::from(
        "\u{feff}\"Post ID\",\"Page ID\",\"Page name\",Title,Description,\"Duration (sec)\",\"Publish time\",\"Caption type\",Permalink,\"Is crosspost\",\"Is share\",\"Post type\",Languages,\"Custom labels\",\"Funded content status\",\"Data comment\",Date,Views,Reach,\"Reactions, Comments and Shares\",Reactions,Comments,Shares,\"Total clicks\"\n",
    );
    for i in 0..n {
        let id = 1_000_000_000_000_000u64 + i as u64 * 7;
        let _ = writeln!(
            out,
            "{id},104900000000001,Brévenne Habitat,\"Coupure d'eau chaude aux Tilleuls, bâtiment {b} : intervention le {d}/03 de 8h à 12h. Merci de votre compréhension.\",,,{m:02}/{d:02}/2025 {h:02}:{mi:02},,https://www.facebook.com/104900000000001/posts/{id},0,0,Photos,,,,,Lifetime,{v},{r},{e},{re},{c},{s},{k}",
            b = ["A", "B", "C"][i % 3],
            d = 1 + i % 28,
            m = 1 + i % 12,
            h = 8 + i % 10,
            mi = i % 60,
            v = 1000 + i % 5000,
            r = 700 + i % 3000,
            e = 40 + i % 90,
            re = 30 + i % 60,
            c = 5 + i % 20,
            s = 2 + i % 10,
            k = 10 + i % 40,
        );
    }
    out.into_bytes()
}

#[divan::bench(args = [10_000, 100_000], sample_count = 5)]
fn facebook_posts_export(bencher: divan::Bencher, posts: usize) {
    let bytes = facebook_export(posts);
    bencher
        .counter(divan::counter::ItemsCount::new(posts))
        .bench(|| {
            relais_import::parse(
                "posts.csv",
                divan::black_box(&bytes),
                &relais_import::Options::default(),
            )
            .map(|p| p.posts.len())
        });
}
