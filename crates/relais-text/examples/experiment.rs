//! Cross-validation on the training split only (the test split is never
//! used to tune): `cargo run --release -p relais-text --example experiment`.
//! Settings come from the environment: EPOCHS, LR, L2.
use relais_text::corpus::{CommentExample, Corpus, PostExample};
use relais_text::eval::score;
use relais_text::features::{Features, features};
use relais_text::model::{Model, TrainOptions};
use relais_text::normalize::normalize;

fn fold_of(id: &str) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for b in id.bytes().chain(*b"cv") {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h % 5
}

fn cv<E>(
    items: &[E],
    id: fn(&E) -> &str,
    x: &dyn Fn(&E) -> Features,
    y: &dyn Fn(&E) -> String,
    opts: TrainOptions,
) -> f64 {
    let xs: Vec<Features> = items.iter().map(x).collect();
    let mut classes: Vec<String> = items.iter().map(y).collect();
    classes.sort();
    classes.dedup();
    let mut pairs = Vec::new();
    for f in 0..5 {
        let data: Vec<_> = items
            .iter()
            .zip(&xs)
            .filter(|(e, _)| fold_of(id(e)) != f)
            .map(|(e, x)| {
                (
                    x.clone(),
                    classes.iter().position(|c| *c == y(e)).unwrap(),
                    1.0,
                )
            })
            .collect();
        let m = Model::train(classes.clone(), &data, opts);
        for (e, x) in items.iter().zip(&xs).filter(|(e, _)| fold_of(id(e)) == f) {
            pairs.push((y(e), classes[m.predict(x).0].clone()));
        }
    }
    score(&pairs).macro_f1
}

fn main() {
    let env = |k: &str, d: f32| {
        std::env::var(k)
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(d)
    };
    let opts = TrainOptions {
        epochs: env("EPOCHS", 30.0) as u32,
        learning_rate: env("LR", 0.5),
        l2: env("L2", 1e-6),
        seed: 7,
    };
    let c = Corpus::shipped().train();
    let use_cues = std::env::var("CUES").is_ok();
    let cx = |e: &CommentExample| {
        let n = normalize(&e.text);
        let cues = if use_cues {
            relais_text::cues::comment_cues(&n.folded)
        } else {
            vec![]
        };
        features(&n, &[], &cues)
    };
    let px = |e: &PostExample| {
        let a = format!("net:{}", e.network);
        let b = format!("ak:{}", e.author_kind);
        let n = normalize(&e.text);
        let cues = if use_cues {
            relais_text::cues::post_cues(&n.folded)
        } else {
            vec![]
        };
        features(&n, &[a.as_str(), b.as_str()], &cues)
    };
    fn cid(e: &CommentExample) -> &str {
        &e.id
    }
    fn pid(e: &PostExample) -> &str {
        &e.id
    }
    print!(
        "epochs {} lr {} l2 {}: ",
        opts.epochs, opts.learning_rate, opts.l2
    );
    print!(
        "category {:.3} ",
        cv(&c.comments, cid, &cx, &|e| e.category.clone(), opts)
    );
    print!(
        "urgency {:.3} ",
        cv(&c.comments, cid, &cx, &|e| e.urgency.clone(), opts)
    );
    print!(
        "sentiment {:.3} ",
        cv(&c.comments, cid, &cx, &|e| e.sentiment.clone(), opts)
    );
    print!(
        "author {:.3} ",
        cv(&c.comments, cid, &cx, &|e| e.author_kind.clone(), opts)
    );
    print!(
        "theme {:.3} ",
        cv(&c.posts, pid, &px, &|e| e.theme.clone(), opts)
    );
    println!(
        "audience {:.3}",
        cv(&c.posts, pid, &px, &|e| e.audience.clone(), opts)
    );
}
