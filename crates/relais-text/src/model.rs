//! A multinomial logistic regression over hashed sparse features, trained
//! here: deterministic (fixed example order from a seed, fixed epochs), with
//! L2 regularisation and AdaGrad steps. Small enough to explain: each class
//! has one weight per feature; the probabilities are a softmax.
//!
//! Models serialise to a compact little-endian byte format of their
//! non-zero rows, so a retrained model can be kept in the database.

use crate::features::{DIM, Features};

/// Training settings.
#[derive(Debug, Clone, Copy)]
pub struct TrainOptions {
    pub epochs: u32,
    pub learning_rate: f32,
    pub l2: f32,
    pub seed: u64,
}

impl Default for TrainOptions {
    fn default() -> Self {
        Self {
            epochs: 30,
            learning_rate: 0.5,
            l2: 1e-6,
            seed: 7,
        }
    }
}

/// A trained classifier of one field.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    pub classes: Vec<String>,
    /// Row-major: `weights[feature * classes + class]`.
    weights: Vec<f32>,
    bias: Vec<f32>,
}

impl Model {
    /// Class probabilities of a feature vector.
    pub fn probabilities(&self, x: &Features) -> Vec<f32> {
        let k = self.classes.len();
        let mut z = self.bias.clone();
        for &(i, v) in x {
            let row = &self.weights[i as usize * k..(i as usize + 1) * k];
            for (zc, w) in z.iter_mut().zip(row) {
                *zc += w * v;
            }
        }
        softmax(&mut z);
        z
    }

    /// The weights of one feature, one per class.
    pub(crate) fn row(&self, feature: usize) -> &[f32] {
        let k = self.classes.len();
        &self.weights[feature * k..(feature + 1) * k]
    }

    pub(crate) fn bias(&self) -> &[f32] {
        &self.bias
    }

    /// The most probable class and its probability.
    pub fn predict(&self, x: &Features) -> (usize, f32) {
        let p = self.probabilities(x);
        p.iter().enumerate().fold(
            (0, f32::MIN),
            |best, (i, &q)| if q > best.1 { (i, q) } else { best },
        )
    }

    /// Trains on `(features, class index)` examples; `weights` per example
    /// (human corrections count more) default to 1.
    pub fn train(
        classes: Vec<String>,
        examples: &[(Features, usize, f32)],
        opts: TrainOptions,
    ) -> Self {
        let k = classes.len();
        let mut weights = vec![0f32; DIM as usize * k];
        let mut bias = vec![0f32; k];
        let mut g2 = vec![1e-8f32; DIM as usize * k];
        let mut g2b = vec![1e-8f32; k];
        // Class weights against imbalance: rarer classes count more.
        let mut counts = vec![0f32; k];
        for (_, y, w) in examples {
            counts[*y] += w;
        }
        let total: f32 = counts.iter().sum();
        let balance: Vec<f32> = counts
            .iter()
            .map(|c| {
                if *c > 0.0 {
                    (total / (k as f32 * c)).sqrt()
                } else {
                    0.0
                }
            })
            .collect();
        let mut order: Vec<usize> = (0..examples.len()).collect();
        let mut state = opts.seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = vec![0f32; k];
        for _ in 0..opts.epochs {
            // Fisher–Yates with a SplitMix64 stream: same seed, same order.
            for i in (1..order.len()).rev() {
                state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
                let mut r = state;
                r = (r ^ (r >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
                r = (r ^ (r >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
                r ^= r >> 31;
                order.swap(i, (r % (i as u64 + 1)) as usize);
            }
            for &e in &order {
                let (x, y, w) = &examples[e];
                z.copy_from_slice(&bias);
                for &(i, v) in x {
                    let row = &weights[i as usize * k..(i as usize + 1) * k];
                    for (zc, wc) in z.iter_mut().zip(row) {
                        *zc += wc * v;
                    }
                }
                softmax(&mut z);
                let scale = w * balance[*y];
                for c in 0..k {
                    let err = (z[c] - if c == *y { 1.0 } else { 0.0 }) * scale;
                    g2b[c] += err * err;
                    bias[c] -= opts.learning_rate * err / g2b[c].sqrt();
                    for &(i, v) in x {
                        let at = i as usize * k + c;
                        let g = err * v + opts.l2 * weights[at];
                        g2[at] += g * g;
                        weights[at] -= opts.learning_rate * g / g2[at].sqrt();
                    }
                }
            }
        }
        Self {
            classes,
            weights,
            bias,
        }
    }

    /// The model as bytes: classes, biases, then each non-zero row.
    pub fn to_bytes(&self) -> Vec<u8> {
        let k = self.classes.len();
        let mut out = Vec::new();
        out.extend_from_slice(b"RLM1");
        out.extend_from_slice(&(k as u32).to_le_bytes());
        for c in &self.classes {
            out.extend_from_slice(&(c.len() as u32).to_le_bytes());
            out.extend_from_slice(c.as_bytes());
        }
        for b in &self.bias {
            out.extend_from_slice(&b.to_le_bytes());
        }
        for (i, row) in self.weights.chunks(k).enumerate() {
            if row.iter().any(|w| *w != 0.0) {
                out.extend_from_slice(&(i as u32).to_le_bytes());
                for w in row {
                    out.extend_from_slice(&w.to_le_bytes());
                }
            }
        }
        out
    }

    /// Reads [`Model::to_bytes`]; `None` when the bytes are not a model.
    pub fn from_bytes(bytes: &[u8]) -> Option<Self> {
        let mut at = 0usize;
        let mut take = |n: usize| -> Option<&[u8]> {
            let s = bytes.get(at..at + n)?;
            at += n;
            Some(s)
        };
        if take(4)? != b"RLM1" {
            return None;
        }
        let u32_of = |b: &[u8]| u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
        let k = u32_of(take(4)?) as usize;
        if k == 0 || k > 64 {
            return None;
        }
        let mut classes = Vec::with_capacity(k);
        for _ in 0..k {
            let len = u32_of(take(4)?) as usize;
            classes.push(String::from_utf8(take(len)?.to_vec()).ok()?);
        }
        let mut bias = Vec::with_capacity(k);
        for _ in 0..k {
            bias.push(f32::from_le_bytes(take(4)?.try_into().ok()?));
        }
        let mut weights = vec![0f32; DIM as usize * k];
        while let Some(idx) = take(4) {
            let i = u32_of(idx) as usize;
            if i >= DIM as usize {
                return None;
            }
            for c in 0..k {
                weights[i * k + c] = f32::from_le_bytes(take(4)?.try_into().ok()?);
            }
        }
        Some(Self {
            classes,
            weights,
            bias,
        })
    }
}

pub(crate) fn softmax(z: &mut [f32]) {
    let max = z.iter().copied().fold(f32::MIN, f32::max);
    let mut sum = 0.0;
    for v in z.iter_mut() {
        *v = (*v - max).exp();
        sum += *v;
    }
    for v in z.iter_mut() {
        *v /= sum;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::features;
    use crate::normalize::normalize;

    fn data() -> Vec<(Features, usize, f32)> {
        let texts = [
            ("ascenseur en panne", 0),
            ("l'ascenseur est bloqué", 0),
            ("encore l'ascenseur", 0),
            ("merci beaucoup", 1),
            ("bravo et merci", 1),
            ("super merci", 1),
        ];
        texts
            .iter()
            .map(|(t, y)| (features(&normalize(t), &[], &[]), *y, 1.0))
            .collect()
    }

    #[test]
    fn a_model_learns_and_round_trips_through_bytes() {
        let m = Model::train(
            vec!["lift".into(), "praise".into()],
            &data(),
            TrainOptions::default(),
        );
        let x = features(&normalize("ascenseur toujours en panne"), &[], &[]);
        assert_eq!(m.predict(&x).0, 0);
        let back = Model::from_bytes(&m.to_bytes()).unwrap();
        assert_eq!(back.predict(&x), m.predict(&x));
        assert!(Model::from_bytes(b"nope").is_none());
    }

    #[test]
    fn training_is_deterministic() {
        let a = Model::train(
            vec!["a".into(), "b".into()],
            &data(),
            TrainOptions::default(),
        );
        let b = Model::train(
            vec!["a".into(), "b".into()],
            &data(),
            TrainOptions::default(),
        );
        assert_eq!(a, b);
    }
}
