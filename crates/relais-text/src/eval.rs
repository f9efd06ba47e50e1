//! Measuring a classifier on labelled examples: precision, recall and F1 per
//! class, macro-F1, the confusion matrix, accuracy.

use std::collections::BTreeMap;

use serde::Serialize;

/// Precision, recall, F1 and support of one class.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClassScores {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub support: u64,
}

/// The scores of one field.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FieldReport {
    pub macro_f1: f64,
    pub accuracy: f64,
    pub per_class: BTreeMap<String, ClassScores>,
    /// `confusion[truth][predicted]`.
    pub confusion: BTreeMap<String, BTreeMap<String, u64>>,
    pub n: u64,
}

/// Scores `(truth, predicted)` pairs. Classes are those seen in either.
pub fn score(pairs: &[(String, String)]) -> FieldReport {
    let mut confusion: BTreeMap<String, BTreeMap<String, u64>> = BTreeMap::new();
    let mut classes = std::collections::BTreeSet::new();
    for (t, p) in pairs {
        classes.insert(t.clone());
        classes.insert(p.clone());
        *confusion
            .entry(t.clone())
            .or_default()
            .entry(p.clone())
            .or_default() += 1;
    }
    let mut per_class = BTreeMap::new();
    for c in &classes {
        let tp = confusion
            .get(c)
            .and_then(|r| r.get(c))
            .copied()
            .unwrap_or(0) as f64;
        let support: u64 = confusion.get(c).map_or(0, |r| r.values().sum());
        let predicted: u64 = confusion
            .values()
            .map(|r| r.get(c).copied().unwrap_or(0))
            .sum();
        let precision = if predicted > 0 {
            tp / predicted as f64
        } else {
            0.0
        };
        let recall = if support > 0 {
            tp / support as f64
        } else {
            0.0
        };
        let f1 = if precision + recall > 0.0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        };
        per_class.insert(
            c.clone(),
            ClassScores {
                precision,
                recall,
                f1,
                support,
            },
        );
    }
    // Macro-F1 over the classes that occur in the truth.
    let truth: Vec<&ClassScores> = per_class.values().filter(|s| s.support > 0).collect();
    let macro_f1 = if truth.is_empty() {
        0.0
    } else {
        truth.iter().map(|s| s.f1).sum::<f64>() / truth.len() as f64
    };
    let correct = pairs.iter().filter(|(t, p)| t == p).count();
    FieldReport {
        macro_f1,
        accuracy: if pairs.is_empty() {
            0.0
        } else {
            correct as f64 / pairs.len() as f64
        },
        per_class,
        confusion,
        n: pairs.len() as u64,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(t: &str, q: &str) -> (String, String) {
        (t.to_string(), q.to_string())
    }

    #[test]
    fn scores_match_a_hand_computed_case() {
        let r = score(&[p("a", "a"), p("a", "b"), p("b", "b"), p("b", "b")]);
        let a = &r.per_class["a"];
        assert_eq!((a.precision, a.recall), (1.0, 0.5));
        let b = &r.per_class["b"];
        assert!((b.precision - 2.0 / 3.0).abs() < 1e-9 && b.recall == 1.0);
        assert!((r.macro_f1 - (2.0 / 3.0 + 0.8) / 2.0).abs() < 1e-9);
        assert_eq!(r.accuracy, 0.75);
        assert_eq!(r.confusion["a"]["b"], 1);
    }
}
