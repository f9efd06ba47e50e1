//! Labels every corpus comment (all fields and the residence) a few times,
//! for counting instructions per comment under valgrind, which gives stable
//! figures on a busy machine:
//!
//! ```text
//! cargo build --release -p relais-text --example instructions
//! target/release/examples/instructions /tmp/classifier.bin   # trains, keeps the model
//! valgrind --tool=callgrind --toggle-collect='*label_all*' \
//!     target/release/examples/instructions /tmp/classifier.bin
//! ```
//!
//! The model is kept in the file named so that training does not run under
//! valgrind. Instructions per comment = collected instructions / the count
//! printed.
#[path = "shared/kept.rs"]
mod kept;

use relais_text::classify::Classifier;
use relais_text::corpus::Corpus;
use relais_text::residence::ResidenceMatcher;

const ROUNDS: usize = 3;

#[inline(never)]
fn label_all(classifier: &Classifier, matcher: &ResidenceMatcher, texts: &[&str]) -> usize {
    let mut sink = 0;
    for _ in 0..ROUNDS {
        for t in texts {
            let l = classifier.comment(std::hint::black_box(t));
            sink += l.category.value as usize + usize::from(matcher.find(t).is_some());
        }
    }
    sink
}

fn main() {
    let corpus = Corpus::shipped();
    let path = std::env::args()
        .nth(1)
        .expect("a file to keep the model in");
    let classifier = kept::classifier(&corpus, &path);
    let residences = relais_text::corpus::residences();
    let matcher = ResidenceMatcher::new(&residences);
    let texts: Vec<&str> = corpus.comments.iter().map(|c| c.text.as_str()).collect();
    // Warm the per-thread caches (stems), as the benchmark's rounds do.
    for t in &texts {
        classifier.comment(t);
    }
    let sink = label_all(&classifier, &matcher, &texts);
    println!("{} comments ({sink})", ROUNDS * texts.len());
}
