//! The shipped classifier kept in a file between runs of the speed
//! examples, so that training (seconds) is not counted or run under
//! valgrind: read from `path`, or trained and written there.

use relais_text::classify::Classifier;
use relais_text::corpus::Corpus;

pub fn classifier(corpus: &Corpus, path: &str) -> Classifier {
    match std::fs::read(path)
        .ok()
        .and_then(|b| Classifier::from_bytes(&b))
    {
        Some(c) => c,
        None => {
            let c = Classifier::train(&corpus.train(), &[]);
            std::fs::write(path, c.to_bytes()).expect("model written");
            c
        }
    }
}
