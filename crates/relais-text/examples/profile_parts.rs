//! Where the time of labelling a comment goes (one core):
//! `cargo run --release -p relais-text --example profile_parts`.
use std::time::Instant;

use relais_text::classify::Classifier;
use relais_text::corpus::Corpus;
use relais_text::features::features;
use relais_text::normalize::normalize;

fn main() {
    let corpus = Corpus::shipped();
    let texts: Vec<&str> = corpus.comments.iter().map(|c| c.text.as_str()).collect();
    let classifier = Classifier::train(&corpus.train(), &[]);
    let n = texts.len() as f64 * 10.0;
    let time = |name: &str, f: &dyn Fn(&str) -> usize| {
        let start = Instant::now();
        let mut sink = 0;
        for _ in 0..10 {
            for t in &texts {
                sink += f(t);
            }
        }
        println!(
            "{name:<28} {:>8.2} µs per comment ({sink})",
            start.elapsed().as_secs_f64() * 1e6 / n
        );
    };
    time("normalize", &|t| normalize(t).word_count());
    time("normalize+features", &|t| {
        features(&normalize(t), &[], &[]).len()
    });
    time("cues", &|t| {
        relais_text::cues::comment_cues(&normalize(t).folded).len()
    });
    time("lexicon", &|t| {
        relais_text::lexicon::features(&normalize(t)).len()
    });
    time("rules", &|t| {
        usize::from(relais_text::rules::urgent(&normalize(t)).is_some())
    });
    time("whole comment()", &|t| {
        classifier.comment(t).category.value as usize
    });
}
