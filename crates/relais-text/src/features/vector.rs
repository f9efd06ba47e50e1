//! From the (index, value) pairs a text gives to its feature vector: sorted
//! by index, the values of an index summed, L2-normalised.
//!
//! The models add up floats in this order, so the result must be the one a
//! plain unstable sort of the pairs gives, bit for bit. A stable bucket sort
//! is faster and gives the same sums wherever the order of an index's
//! values cannot matter: one or two values (addition commutes), or several
//! equal ones. Anything else, rare, is summed again after the plain sort.

use super::{DIM, Features};

/// Sorts and sums `pairs` into `out`, then scales `out` to unit length;
/// `sorted` is scratch space.
// Out of line: inlined into `features_into` it cost about 2k more
// instructions per comment (callgrind, examples/instructions).
#[inline(never)]
pub(super) fn finish(pairs: &mut [(u32, f32)], sorted: &mut Vec<(u32, f32)>, out: &mut Features) {
    sort_stable(pairs, sorted);
    if !sum_stable(sorted, out) {
        pairs.sort_unstable_by_key(|(i, _)| *i);
        sum_sorted(pairs, out);
    }
    let norm = out.iter().map(|(_, x)| x * x).sum::<f32>().sqrt();
    if norm > 0.0 {
        for (_, x) in out.iter_mut() {
            *x /= norm;
        }
    }
}

/// Buckets of the sort: a text has one or two hundred pairs, so a pair
/// seldom finds its bucket taken, and the insertion's loop seldom runs, a
/// branch the processor then guesses right. With 128 buckets it ran for
/// a pair in four, and the mispredictions (about a hundred per comment,
/// cachegrind's branch simulation) cost more time than the longer counts
/// of 512 buckets (the bench: 6% faster, for 1.7k more instructions).
const BUCKETS: usize = 512;

/// Bits of an index below its bucket's.
const LOW_BITS: u32 = DIM.trailing_zeros() - BUCKETS.trailing_zeros();

fn bucket(index: u32) -> usize {
    (index >> LOW_BITS) as usize % BUCKETS
}

/// Sorts `pairs` by index into `sorted`, pairs of the same index in the
/// order they come in: a counting sort on the index's top bits, each pair
/// inserted in order within its bucket as it is placed.
fn sort_stable(pairs: &[(u32, f32)], sorted: &mut Vec<(u32, f32)>) {
    // Counts, then where each bucket's next pair goes.
    let mut next = [0u32; BUCKETS];
    for &(i, _) in pairs {
        next[bucket(i)] += 1;
    }
    let mut begins = [0u32; BUCKETS];
    let mut total = 0;
    for (begin, at) in begins.iter_mut().zip(&mut next) {
        (*begin, total) = (total, total + *at);
        *at = *begin;
    }
    sorted.clear();
    sorted.resize(pairs.len(), (0, 0.0));
    for &pair in pairs {
        let k = bucket(pair.0);
        let (begin, mut j) = (begins[k] as usize, next[k] as usize);
        next[k] += 1;
        sorted[j] = pair;
        // One branch, seldom taken (a greater index already in the bucket),
        // rather than two the predictor often misses: `&` evaluates both.
        let before = sorted[j.saturating_sub(1)].0;
        if (j > begin) & (before > pair.0) {
            while j > begin && sorted[j - 1].0 > pair.0 {
                sorted[j] = sorted[j - 1];
                j -= 1;
            }
            sorted[j] = pair;
        }
    }
}

/// Sums the values of each index of pairs sorted stably; false when an
/// index has three values or more, not all equal (their sum could depend
/// on the order the plain sort leaves them in).
fn sum_stable(sorted: &[(u32, f32)], out: &mut Features) -> bool {
    // Written in place then cut: cheaper than a push per index.
    out.clear();
    out.resize(sorted.len(), (0, 0.0));
    let Some(&(mut last, mut sum)) = sorted.first() else {
        return true;
    };
    let (mut written, mut count, mut first, mut uniform) = (0, 1, sum, true);
    for &(i, x) in &sorted[1..] {
        if i == last {
            sum += x;
            count += 1;
            uniform &= x == first;
            if count >= 3 && !uniform {
                return false;
            }
        } else {
            out[written] = (last, sum);
            written += 1;
            (last, sum, count, first, uniform) = (i, x, 1, x, true);
        }
    }
    out[written] = (last, sum);
    out.truncate(written + 1);
    true
}

/// Sums the values of each index of sorted pairs into `out`.
fn sum_sorted(pairs: &[(u32, f32)], out: &mut Features) {
    out.clear();
    for &(i, x) in pairs {
        match out.last_mut() {
            Some((j, y)) if *j == i => *y += x,
            _ => out.push((i, x)),
        }
    }
}
