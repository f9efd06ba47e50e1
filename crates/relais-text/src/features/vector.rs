//! From the (index, value) pairs a text gives to its feature vector: sorted
//! by index, the values of an index summed, L2-normalised.
//!
//! The models add up floats in this order, so the result must be the one a
//! plain unstable sort of the pairs gives, bit for bit. Sorting packed
//! (index, position) keys is faster and gives the same sums wherever the
//! order of an index's values cannot matter: one or two values (addition
//! commutes), or several equal ones. Anything else, rare, is summed again
//! after the plain sort.

use super::Features;

/// Sorts and sums `pairs` into `out`, then scales `out` to unit length;
/// `keys` is scratch space.
pub(super) fn finish(pairs: &mut [(u32, f32)], keys: &mut Vec<u64>, out: &mut Features) {
    if !sum_by_keys(pairs, keys, out) {
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

/// Sums the values of each index in the order the pairs come in; false
/// when an index has three values or more, not all equal (their sum could
/// depend on the order the plain sort leaves them in).
fn sum_by_keys(pairs: &[(u32, f32)], keys: &mut Vec<u64>, out: &mut Features) -> bool {
    keys.clear();
    keys.extend(
        pairs
            .iter()
            .enumerate()
            .map(|(p, &(i, _))| (u64::from(i) << 32) | p as u64),
    );
    keys.sort_unstable();
    out.clear();
    let (mut count, mut first, mut uniform) = (0, 0.0, true);
    for &k in keys.iter() {
        let (i, x) = ((k >> 32) as u32, pairs[k as u32 as usize].1);
        match out.last_mut() {
            Some((j, y)) if *j == i => {
                *y += x;
                count += 1;
                uniform &= x == first;
                if count >= 3 && !uniform {
                    return false;
                }
            }
            _ => {
                out.push((i, x));
                (count, first, uniform) = (1, x, true);
            }
        }
    }
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
