//! Evaluation of the lexicon on the hand-labelled comment corpus, and the
//! corpus loader the rules' evaluation shares. Test-only: reports numbers and
//! checks floors; it tunes nothing.

use crate::normalize::normalize;

/// One labelled comment.
pub(crate) struct Labelled {
    pub id: String,
    pub text: String,
    pub urgency: String,
    pub sentiment: String,
}

/// Both halves of the hand-labelled corpus.
pub(crate) fn labelled() -> Vec<Labelled> {
    let mut out = Vec::new();
    for data in [
        include_str!("../../../../corpus/comments_a.csv"),
        include_str!("../../../../corpus/comments_b.csv"),
    ] {
        let mut reader = csv::Reader::from_reader(data.as_bytes());
        let headers = reader.headers().expect("corpus header").clone();
        let col = |name: &str| headers.iter().position(|h| h == name).expect(name);
        let (id, text, urgency, sentiment) =
            (col("id"), col("text"), col("urgency"), col("sentiment"));
        for record in reader.records() {
            let r = record.expect("corpus row");
            out.push(Labelled {
                id: r[id].to_string(),
                text: r[text].to_string(),
                urgency: r[urgency].to_string(),
                sentiment: r[sentiment].to_string(),
            });
        }
    }
    out
}

fn label(score: f32, threshold: f32) -> &'static str {
    if score > threshold {
        "positive"
    } else if score < -threshold {
        "negative"
    } else {
        "neutral"
    }
}

fn macro_f1(pairs: &[(&str, &str)]) -> f32 {
    let classes = ["negative", "neutral", "positive"];
    let mut total = 0.0;
    for c in classes {
        let tp = pairs.iter().filter(|(g, p)| *g == c && *p == c).count() as f32;
        let fp = pairs.iter().filter(|(g, p)| *g != c && *p == c).count() as f32;
        let fn_ = pairs.iter().filter(|(g, p)| *g == c && *p != c).count() as f32;
        let f1 = if tp == 0.0 {
            0.0
        } else {
            2.0 * tp / (2.0 * tp + fp + fn_)
        };
        println!("  {c:<9} f1 {f1:.3} (tp {tp}, fp {fp}, fn {fn_})");
        total += f1;
    }
    total / classes.len() as f32
}

#[test]
fn lexicon_only_sentiment_reaches_a_decent_macro_f1_on_the_corpus() {
    let rows = labelled();
    let scored: Vec<(&str, f32)> = rows
        .iter()
        .map(|r| {
            (
                r.sentiment.as_str(),
                super::sentiment(&normalize(&r.text)).score,
            )
        })
        .collect();
    let threshold = 0.25;
    let pairs: Vec<(&str, &str)> = scored
        .iter()
        .map(|(g, s)| (*g, label(*s, threshold)))
        .collect();
    let f1 = macro_f1(&pairs);
    println!(
        "lexicon-only sentiment on {} comments, threshold {threshold}: macro-F1 {f1:.3}",
        rows.len()
    );
    assert!(f1 >= 0.6, "macro-F1 {f1:.3}");
}
