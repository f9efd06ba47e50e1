//! Follower (and group member) series of the demo accounts: one count a day,
//! each network with its own trend (LinkedIn and Instagram grow, X erodes).

use chrono::NaiveDate;

use super::rng::Rng;
use crate::account::{Account, AccountKind, FollowerCount, Network};

/// Starting audience and yearly growth of an account.
fn profile(a: &Account) -> (f64, f64) {
    match (a.network, a.kind) {
        (Network::Facebook, AccountKind::Page) => (2_350.0, 0.07),
        (Network::Instagram, _) => (880.0, 0.32),
        (Network::Linkedin, AccountKind::Page) => (3_100.0, 0.24),
        (Network::X, _) => (1_820.0, -0.05),
        (Network::Linkedin, _) => (650.0, 0.18),
        (Network::Facebook, AccountKind::Group) => (118.0, 0.22),
        _ => (500.0, 0.05),
    }
}

/// The daily counts of every account from `start` to `end` included.
pub fn series(
    rng: &mut Rng,
    accounts: &[Account],
    start: NaiveDate,
    end: NaiveDate,
) -> Vec<FollowerCount> {
    let mut out = Vec::new();
    for a in accounts {
        let (initial, growth) = profile(a);
        let mut count = initial + rng.range(-40, 40) as f64;
        let mut day = start;
        while day <= end {
            let drift = count * growth / 365.0;
            let noise = rng.normal() * (count / 2_000.0).max(0.6);
            // A few days bring a burst (a post that went far, a local event).
            let burst = if rng.chance(0.01) {
                rng.range(5, 60) as f64
            } else {
                0.0
            };
            count = (count + drift + noise + burst).max(0.0);
            out.push(FollowerCount {
                account: a.id.clone(),
                day,
                count: count.round() as u64,
                source: "demo".to_string(),
            });
            day = day.succ_opt().expect("date in range");
        }
    }
    out
}

/// The count of an account on a day, from a series sorted by account then day.
pub fn on_day(series: &[FollowerCount], account: &Account, day: NaiveDate) -> u64 {
    series
        .iter()
        .filter(|f| f.account == account.id && f.day <= day)
        .map(|f| f.count)
        .next_back()
        .unwrap_or(0)
}
