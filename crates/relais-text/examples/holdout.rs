//! The shipped classifier on the corpus's test split (never trained or tuned on):
//! `cargo run --release -p relais-text --example holdout`.
use relais_text::classify::Classifier;
use relais_text::corpus::Corpus;
use relais_text::evaluate::evaluate;
use relais_text::residence::ResidenceMatcher;

fn main() {
    let residences = relais_text::corpus::residences();
    let matcher = ResidenceMatcher::new(&residences);
    let test = Corpus::shipped().test();
    let r = evaluate(
        &Classifier::shipped(),
        Some(&matcher),
        &test.comments,
        &test.posts,
    );
    println!(
        "test split: {} comments, {} posts\ncategory {:.3} urgency {:.3} (urgent recall {:.3}) sentiment {:.3} author {:.3} residence {:.3}\ntheme {:.3} audience {:.3} residence {:.3}",
        test.comments.len(),
        test.posts.len(),
        r.comments.category.macro_f1,
        r.comments.urgency.field.macro_f1,
        r.comments.urgency.urgent_recall,
        r.comments.sentiment.macro_f1,
        r.comments.author_kind.macro_f1,
        r.comments.residence.accuracy,
        r.posts.theme.macro_f1,
        r.posts.audience.macro_f1,
        r.posts.residence.accuracy
    );
}
