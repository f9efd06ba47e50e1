//! Prints how many comments per second one core labels (every comment field
//! and the residence), for `bench/sentiment_vs_vader.py`:
//! `cargo run --release -p relais-text --example classify_speed`.
use std::time::Instant;

use relais_text::classify::Classifier;
use relais_text::corpus::Corpus;
use relais_text::residence::ResidenceMatcher;

fn main() {
    let corpus = Corpus::shipped();
    let classifier = Classifier::train(&corpus.train(), &[]);
    let residences = relais_text::corpus::residences();
    let matcher = ResidenceMatcher::new(&residences);
    let texts: Vec<&str> = corpus.comments.iter().map(|c| c.text.as_str()).collect();
    let rounds = 20;
    let start = Instant::now();
    let mut sink = 0usize;
    for _ in 0..rounds {
        for t in &texts {
            let l = classifier.comment(t);
            sink += l.sentiment.value as usize + usize::from(matcher.find(t).is_some());
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!("{:.0}", (rounds * texts.len()) as f64 / secs);
    eprintln!(
        "({sink} checksum, {} comments × {rounds} in {secs:.2} s)",
        texts.len()
    );
}
