//! The comment heads: several linear models over the same features, scored
//! together in one pass over their weights.

use crate::features::Features;
use crate::model::Model;

/// Several models over the same features, laid out feature by feature so
/// that scoring a text reads each feature's weights for every field at once
/// (one pass over memory instead of one per model). Only the features seen
/// in training have weights other than zero: their rows alone are kept, so
/// the table fits in the caches; every other feature reads one shared row
/// of zeros rather than being skipped, which spares a branch the processor
/// mispredicts. Adding `0 × v` (v > 0) changes no sum, but for turning a
/// -0.0 into 0.0, which the softmax cannot tell apart (exp gives 1 for
/// both).
/// Rows are padded to whole lanes of [`LANES`] weights so that each sum is
/// a run of fixed-width vector steps; the padding is never read back.
#[derive(Debug, Clone)]
pub(super) struct Heads {
    pub(super) sizes: Vec<usize>,
    /// Lanes per row.
    lanes: usize,
    /// For each feature, where its row starts in `weights` (`ZERO_ROW`
    /// when all its weights are zero).
    rows: Box<[u32; DIM]>,
    weights: Vec<[f32; LANES]>,
    bias: Vec<[f32; LANES]>,
}

/// The row of zeros, first in `weights`.
const ZERO_ROW: u32 = 0;

const DIM: usize = crate::features::DIM as usize;

/// Weights per vector step: one AVX register (two SSE ones).
pub(super) const LANES: usize = 8;

/// `values` cut into `lanes` lanes, the last ones padded with zeros.
fn push_lanes(values: &[f32], lanes: usize, out: &mut Vec<[f32; LANES]>) {
    let at = out.len();
    out.resize(at + lanes, [0.0; LANES]);
    out[at..].as_flattened_mut()[..values.len()].copy_from_slice(values);
}

impl Heads {
    pub(super) fn new(models: &[&Model]) -> Self {
        let sizes: Vec<usize> = models.iter().map(|m| m.classes.len()).collect();
        let lanes = sizes.iter().sum::<usize>().div_ceil(LANES);
        let mut rows = Vec::with_capacity(DIM);
        // Row 0 is all zeros, for every feature whose weights all are.
        let mut weights = vec![[0.0; LANES]; lanes];
        let mut row = Vec::new();
        for i in 0..DIM {
            if models.iter().all(|m| m.row(i).iter().all(|w| *w == 0.0)) {
                rows.push(ZERO_ROW);
                continue;
            }
            rows.push(weights.len() as u32);
            row.clear();
            for m in models {
                row.extend_from_slice(m.row(i));
            }
            push_lanes(&row, lanes, &mut weights);
        }
        let bias: Vec<f32> = models
            .iter()
            .flat_map(|m| m.bias().iter().copied())
            .collect();
        let mut padded = Vec::new();
        push_lanes(&bias, lanes, &mut padded);
        Self {
            sizes,
            lanes,
            rows: rows.try_into().expect("a row per feature"),
            weights,
            bias: padded,
        }
    }

    /// Each model's class probabilities, one after the other, into `z`
    /// (then padding).
    pub(super) fn probabilities(&self, x: &Features, z: &mut Vec<[f32; LANES]>) {
        z.clear();
        z.extend_from_slice(&self.bias);
        match self.lanes {
            // The comment heads (14 + 3 + 3 + 5 classes): sums in registers.
            4 => self.accumulate_fast::<4>(x, z),
            _ => self.accumulate_any(x, z),
        }
        let z = z.as_flattened_mut();
        let mut at = 0;
        for k in &self.sizes {
            crate::model::softmax(&mut z[at..at + k]);
            at += k;
        }
    }

    /// The rows of a text's features, in the order of its features.
    fn rows_of<'a>(&'a self, x: &'a Features) -> impl Iterator<Item = (usize, f32)> + 'a {
        x.iter().map(|&(i, v)| {
            // Indices are below DIM: the modulo only spares a bounds check.
            (self.rows[i as usize % DIM] as usize, v)
        })
    }

    /// [`Heads::accumulate`] in AVX registers when the processor has them
    /// (half the instructions of SSE). The sums are the same to the bit:
    /// each is still a multiplication then an addition, in the same order,
    /// never fused.
    fn accumulate_fast<const N: usize>(&self, x: &Features, z: &mut [[f32; LANES]]) {
        #[cfg(target_arch = "x86_64")]
        if std::arch::is_x86_feature_detected!("avx") {
            // SAFETY: the processor has AVX, checked just above.
            unsafe { self.accumulate_avx::<N>(x, z) };
            return;
        }
        self.accumulate::<N>(x, z);
    }

    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx")]
    fn accumulate_avx<const N: usize>(&self, x: &Features, z: &mut [[f32; LANES]]) {
        self.accumulate::<N>(x, z);
    }

    /// Adds each feature's weighted row to `z`, with `N` lanes a row known
    /// at compile time so that the sums stay in registers.
    #[inline(always)]
    fn accumulate<const N: usize>(&self, x: &Features, z: &mut [[f32; LANES]]) {
        let mut acc: [[f32; LANES]; N] = z.try_into().expect("N lanes");
        for (at, v) in self.rows_of(x) {
            let row: &[[f32; LANES]; N] = self.weights[at..at + N].try_into().expect("N lanes");
            for (zl, wl) in acc.iter_mut().zip(row) {
                for (zc, w) in zl.iter_mut().zip(wl) {
                    *zc += w * v;
                }
            }
        }
        z.copy_from_slice(&acc);
    }

    /// [`Heads::accumulate`] for any number of lanes.
    fn accumulate_any(&self, x: &Features, z: &mut [[f32; LANES]]) {
        for (at, v) in self.rows_of(x) {
            for (zl, wl) in z.iter_mut().zip(&self.weights[at..at + self.lanes]) {
                for (zc, w) in zl.iter_mut().zip(wl) {
                    *zc += w * v;
                }
            }
        }
    }
}
