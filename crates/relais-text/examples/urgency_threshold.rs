//! Chooses the urgent threshold by 5-fold cross-validation on the training
//! split only: `cargo run --release -p relais-text --example urgency_threshold`.
use relais_text::classify::Classifier;
use relais_text::corpus::Corpus;

fn fold_of(id: &str) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for b in id.bytes().chain(*b"cv") {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h % 5
}

fn main() {
    let train = Corpus::shipped().train();
    let mut scored = Vec::new();
    for f in 0..5 {
        let fit = Corpus {
            comments: train
                .comments
                .iter()
                .filter(|c| fold_of(&c.id) != f)
                .cloned()
                .collect(),
            posts: train.posts.clone(),
        };
        let model = Classifier::train(&fit, &[]);
        for c in train.comments.iter().filter(|c| fold_of(&c.id) == f) {
            let (p, rule) = model.urgent_probability(&c.text);
            scored.push((p, rule, c.urgency == "urgent"));
            if c.urgency == "urgent" && !rule && p < 0.25 && std::env::var("SHOW").is_ok() {
                println!("MISSED {:.2} {}", p, c.text.replace('\n', " "));
            }
        }
    }
    let urgent = scored.iter().filter(|s| s.2).count();
    for t in [0.5f32, 0.4, 0.3, 0.25, 0.2, 0.15, 0.1, 0.05, 0.03, 0.02] {
        let flagged: Vec<_> = scored
            .iter()
            .filter(|(p, rule, _)| *rule || *p >= t)
            .collect();
        let tp = flagged.iter().filter(|s| s.2).count();
        println!(
            "threshold {t:.2}: urgent recall {:.3}, precision {:.3} ({} flagged)",
            tp as f64 / urgent as f64,
            tp as f64 / flagged.len().max(1) as f64,
            flagged.len()
        );
    }
}
