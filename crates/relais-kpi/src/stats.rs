//! The statistics behind every KPI value: medians and their distribution-free
//! intervals, Wilson intervals for proportions, means with normal intervals,
//! a deterministic bootstrap for ratios of medians, the two-proportion and
//! Mann–Whitney tests used to say whether a slice differs from the rest, and
//! Spearman's rank correlation.
//!
//! Everything is deterministic: the bootstrap draws from a fixed-seed
//! generator, so the same data always gives the same report.

/// z for a two-sided 95 % interval.
pub const Z95: f64 = 1.959_963_984_540_054;

/// The median of `values` (sorted in place). `None` when empty.
pub fn median(values: &mut [f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let n = values.len();
    Some(if n % 2 == 1 {
        values[n / 2]
    } else {
        (values[n / 2 - 1] + values[n / 2]) / 2.0
    })
}

/// The distribution-free 95 % interval of a median from sorted values: the
/// order statistics at n/2 ∓ 1.96·√n/2 (normal approximation of the binomial).
pub fn median_interval(sorted: &[f64]) -> Option<(f64, f64)> {
    let n = sorted.len();
    if n < 2 {
        return None;
    }
    let half = Z95 * (n as f64).sqrt() / 2.0;
    let lo = ((n as f64 / 2.0 - half).floor().max(1.0) as usize) - 1;
    let hi = ((n as f64 / 2.0 + half).ceil() as usize).min(n) - 1;
    Some((sorted[lo], sorted[hi]))
}

/// Wilson's 95 % interval for `k` successes out of `n`.
pub fn wilson(k: u64, n: u64) -> Option<(f64, f64)> {
    if n == 0 {
        return None;
    }
    let (k, n) = (k as f64, n as f64);
    let p = k / n;
    let z2 = Z95 * Z95;
    let denom = 1.0 + z2 / n;
    let centre = (p + z2 / (2.0 * n)) / denom;
    let half = Z95 * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt() / denom;
    Some(((centre - half).max(0.0), (centre + half).min(1.0)))
}

/// Mean and its normal 95 % interval (`None` interval below two values).
pub fn mean(values: &[f64]) -> Option<(f64, Option<(f64, f64)>)> {
    if values.is_empty() {
        return None;
    }
    let n = values.len() as f64;
    let m = values.iter().sum::<f64>() / n;
    if values.len() < 2 {
        return Some((m, None));
    }
    let var = values.iter().map(|v| (v - m).powi(2)).sum::<f64>() / (n - 1.0);
    let half = Z95 * (var / n).sqrt();
    Some((m, Some((m - half, m + half))))
}

/// The standard normal cumulative distribution (Abramowitz–Stegun 7.1.26).
pub fn normal_cdf(x: f64) -> f64 {
    let t = 1.0 / (1.0 + 0.327_591_1 * x.abs() / std::f64::consts::SQRT_2);
    let poly = t
        * (0.254_829_592
            + t * (-0.284_496_736
                + t * (1.421_413_741 + t * (-1.453_152_027 + t * 1.061_405_429))));
    let erf = 1.0 - poly * (-(x * x) / 2.0).exp();
    if x >= 0.0 {
        (1.0 + erf) / 2.0
    } else {
        (1.0 - erf) / 2.0
    }
}

/// Two-sided p-value of the two-proportion z-test of k1/n1 against k2/n2.
pub fn two_proportions(k1: u64, n1: u64, k2: u64, n2: u64) -> Option<f64> {
    if n1 == 0 || n2 == 0 {
        return None;
    }
    let (k1, n1, k2, n2) = (k1 as f64, n1 as f64, k2 as f64, n2 as f64);
    let pooled = (k1 + k2) / (n1 + n2);
    let se = (pooled * (1.0 - pooled) * (1.0 / n1 + 1.0 / n2)).sqrt();
    if se == 0.0 {
        return Some(1.0);
    }
    let z = (k1 / n1 - k2 / n2) / se;
    Some(2.0 * (1.0 - normal_cdf(z.abs())))
}

/// Average ranks (1-based) of `values`, ties sharing their mean rank.
pub fn ranks(values: &[f64]) -> Vec<f64> {
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by(|&a, &b| values[a].total_cmp(&values[b]));
    let mut out = vec![0.0; values.len()];
    let mut i = 0;
    while i < order.len() {
        let mut j = i;
        while j + 1 < order.len() && values[order[j + 1]] == values[order[i]] {
            j += 1;
        }
        let rank = (i + j) as f64 / 2.0 + 1.0;
        for &o in &order[i..=j] {
            out[o] = rank;
        }
        i = j + 1;
    }
    out
}

/// Two-sided p-value of the Mann–Whitney U test (normal approximation),
/// for samples of at least two values each.
pub fn mann_whitney(a: &[f64], b: &[f64]) -> Option<f64> {
    if a.len() < 2 || b.len() < 2 {
        return None;
    }
    let all: Vec<f64> = a.iter().chain(b).copied().collect();
    let r = ranks(&all);
    let r1: f64 = r[..a.len()].iter().sum();
    mann_whitney_from_ranks(r1, a.len() as u64, b.len() as u64)
}

/// Two-sided p-value of the Mann–Whitney U test from the rank sum `r1` of
/// the first sample (`n1` values) among all `n1 + n2` values.
pub fn mann_whitney_from_ranks(r1: f64, n1: u64, n2: u64) -> Option<f64> {
    if n1 < 2 || n2 < 2 {
        return None;
    }
    let (n1, n2) = (n1 as f64, n2 as f64);
    let u = r1 - n1 * (n1 + 1.0) / 2.0;
    let sigma = (n1 * n2 * (n1 + n2 + 1.0) / 12.0).sqrt();
    Some(2.0 * (1.0 - normal_cdf((u - n1 * n2 / 2.0).abs() / sigma)))
}

/// Spearman's rank correlation, with its Fisher-z 95 % interval (n ≥ 4).
pub fn spearman(x: &[f64], y: &[f64]) -> Option<(f64, Option<(f64, f64)>)> {
    if x.len() != y.len() || x.len() < 3 {
        return None;
    }
    let (rx, ry) = (ranks(x), ranks(y));
    let rho = pearson(&rx, &ry)?;
    let n = x.len() as f64;
    let interval = (x.len() >= 4).then(|| {
        let z = rho.clamp(-0.999_999, 0.999_999).atanh();
        let half = Z95 / (n - 3.0).sqrt();
        ((z - half).tanh(), (z + half).tanh())
    });
    Some((rho, interval))
}

fn pearson(x: &[f64], y: &[f64]) -> Option<f64> {
    let n = x.len() as f64;
    let (mx, my) = (x.iter().sum::<f64>() / n, y.iter().sum::<f64>() / n);
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (a, b) in x.iter().zip(y) {
        sxy += (a - mx) * (b - my);
        sxx += (a - mx).powi(2);
        syy += (b - my).powi(2);
    }
    (sxx > 0.0 && syy > 0.0).then(|| sxy / (sxx * syy).sqrt())
}

/// A small fixed-seed generator (SplitMix64) for the bootstrap.
struct SplitMix(u64);

impl SplitMix {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        (((z >> 32) * n as u64) >> 32) as usize
    }
}

/// The median by selection, in linear time (the values are reordered).
fn quick_median(v: &mut [f64]) -> f64 {
    let n = v.len();
    let (_, &mut hi, _) = v.select_nth_unstable_by(n / 2, f64::total_cmp);
    if n % 2 == 1 {
        hi
    } else {
        let lo = v[..n / 2].iter().copied().fold(f64::NEG_INFINITY, f64::max);
        (lo + hi) / 2.0
    }
}

/// Resamples of the bootstrap.
const RESAMPLES: usize = 400;

/// The percentile-bootstrap 95 % interval of median(a) / median(b).
pub fn ratio_of_medians_interval(a: &[f64], b: &[f64]) -> Option<(f64, f64)> {
    if a.len() < 2 || b.len() < 2 {
        return None;
    }
    let mut rng = SplitMix(0x5EED_0F4E_1A15);
    let mut ratios = Vec::with_capacity(RESAMPLES);
    let (mut ra, mut rb) = (vec![0.0; a.len()], vec![0.0; b.len()]);
    for _ in 0..RESAMPLES {
        ra.iter_mut().for_each(|v| *v = a[rng.below(a.len())]);
        rb.iter_mut().for_each(|v| *v = b[rng.below(b.len())]);
        let (ma, mb) = (quick_median(&mut ra), quick_median(&mut rb));
        if mb > 0.0 {
            ratios.push(ma / mb);
        }
    }
    if ratios.len() < RESAMPLES / 2 {
        return None;
    }
    ratios.sort_by(f64::total_cmp);
    let at = |q: f64| ratios[((ratios.len() - 1) as f64 * q).round() as usize];
    Some((at(0.025), at(0.975)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-6
    }

    #[test]
    fn medians_of_odd_and_even_lengths() {
        assert_eq!(median(&mut [3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median(&mut [4.0, 1.0, 2.0, 3.0]), Some(2.5));
        assert_eq!(median(&mut []), None);
    }

    #[test]
    fn wilson_matches_a_textbook_value() {
        // 8 out of 10: Wilson 95 % interval [0.4902, 0.9433].
        let (lo, hi) = wilson(8, 10).unwrap();
        assert!(
            (lo - 0.4902).abs() < 1e-4 && (hi - 0.9433).abs() < 1e-4,
            "{lo} {hi}"
        );
        assert_eq!(wilson(0, 0), None);
    }

    #[test]
    fn normal_cdf_is_accurate_enough() {
        assert!((normal_cdf(1.959_964) - 0.975).abs() < 1e-6);
        assert!(close(normal_cdf(0.0), 0.5));
    }

    #[test]
    fn spearman_of_a_monotone_relation_is_one() {
        let (rho, _) = spearman(&[1.0, 2.0, 3.0, 4.0, 5.0], &[2.0, 4.0, 8.0, 16.0, 32.0]).unwrap();
        assert!(close(rho, 1.0));
        let (rho, _) = spearman(&[1.0, 2.0, 3.0, 4.0], &[4.0, 3.0, 2.0, 1.0]).unwrap();
        assert!(close(rho, -1.0));
        // Hand computation: d = (0, -1, 1), Σd² = 2, ρ = 1 − 6·2 / (3·8) = 0.5.
        let (rho, _) = spearman(&[1.0, 2.0, 3.0], &[1.0, 3.0, 2.0]).unwrap();
        assert!(close(rho, 0.5));
    }

    #[test]
    fn tests_tell_a_real_difference_from_noise() {
        assert!(two_proportions(80, 100, 40, 100).unwrap() < 0.001);
        assert!(two_proportions(50, 100, 52, 100).unwrap() > 0.5);
        let a: Vec<f64> = (0..30).map(|i| f64::from(i) + 100.0).collect();
        let b: Vec<f64> = (0..30).map(f64::from).collect();
        assert!(mann_whitney(&a, &b).unwrap() < 0.001);
        assert!(mann_whitney(&b, &b).unwrap() > 0.9);
    }

    #[test]
    fn the_bootstrap_is_deterministic_and_brackets_the_ratio() {
        let a: Vec<f64> = (1..=40).map(|i| f64::from(i) * 2.0).collect();
        let b: Vec<f64> = (1..=40).map(f64::from).collect();
        let i1 = ratio_of_medians_interval(&a, &b).unwrap();
        assert_eq!(Some(i1), ratio_of_medians_interval(&a, &b));
        assert!(i1.0 < 2.0 && 2.0 < i1.1, "{i1:?}");
    }

    #[test]
    fn median_interval_brackets_the_median() {
        let v: Vec<f64> = (1..=100).map(f64::from).collect();
        let (lo, hi) = median_interval(&v).unwrap();
        assert!(
            lo < 50.5 && 50.5 < hi && lo >= 38.0 && hi <= 63.0,
            "{lo} {hi}"
        );
    }
}
