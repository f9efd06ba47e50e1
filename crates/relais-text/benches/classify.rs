//! Classification speed: comments per second, every comment field plus the
//! residence matcher, on the corpus's texts (one core).
//!
//! Run: `cargo bench -p relais-text --bench classify`.

use relais_text::classify::Classifier;
use relais_text::corpus::Corpus;
use relais_text::residence::ResidenceMatcher;

fn main() {
    divan::main();
}

#[divan::bench(sample_count = 10)]
fn comments_all_fields_and_residence(bencher: divan::Bencher) {
    let corpus = Corpus::shipped();
    let classifier = Classifier::train(&corpus.train(), &[]);
    let residences = relais_text::corpus::residences();
    let matcher = ResidenceMatcher::new(&residences);
    let texts: Vec<&str> = corpus.comments.iter().map(|c| c.text.as_str()).collect();
    bencher
        .counter(divan::counter::ItemsCount::new(texts.len()))
        .bench(|| {
            texts
                .iter()
                .map(|t| {
                    let l = classifier.comment(divan::black_box(t));
                    usize::from(matcher.find(t).is_some()) + l.category.value as usize
                })
                .sum::<usize>()
        });
}
