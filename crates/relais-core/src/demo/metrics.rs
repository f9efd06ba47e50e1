//! The metrics of the demo posts, as each network reports them: lifetime
//! totals observed up to a month after publication. Meta's `impressions`
//! became `views` (Facebook in November 2025, Instagram in April 2025): the
//! demo records each under its own name and never merges them.

use chrono::NaiveDate;

use super::posts::DemoPost;
use super::rng::Rng;
use crate::account::{AccountKind, Network};
use crate::label::Theme;
use crate::post::{MediaType, Metric, MetricSnapshot, MetricSource};
use crate::time::Timestamp;

/// The day Meta's `views` replaced `impressions` for a network's posts.
fn views_since(network: Network) -> Option<NaiveDate> {
    match network {
        Network::Facebook => NaiveDate::from_ymd_opt(2025, 11, 15),
        Network::Instagram => NaiveDate::from_ymd_opt(2025, 4, 21),
        _ => None,
    }
}

/// Reactions per person reached.
fn reaction_rate(p: &DemoPost) -> f64 {
    let base = match (p.post.key.network, p.kind) {
        (Network::Facebook, AccountKind::Group) => 0.11,
        (Network::Facebook, _) => 0.028,
        (Network::Instagram, _) => 0.055,
        (Network::Linkedin, AccountKind::Collaborator) => 0.05,
        (Network::Linkedin, _) => 0.024,
        (Network::X, _) => 0.011,
    };
    let theme = match (p.post.key.network, p.theme) {
        (Network::Instagram, Theme::Heritage) => 1.7,
        (Network::Linkedin, Theme::Institutional | Theme::Employer) => 1.4,
        (_, Theme::Neighbourhood | Theme::Solidarity) => 1.3,
        (_, Theme::Practical) => 0.7,
        _ => 1.0,
    };
    base * theme
}

/// Every metric snapshot of every post; `comments` counts what was written.
pub fn generate(
    rng: &mut Rng,
    posts: &[DemoPost],
    comments: &[u64],
    end: Timestamp,
) -> Vec<MetricSnapshot> {
    let mut out = Vec::new();
    for (p, c) in posts.iter().zip(comments) {
        let network = p.post.key.network;
        let observed = p.post.published_at.plus_secs(30 * 86_400).min(end);
        let day = p.post.published_at.utc().date_naive();
        let (legacy, version) = match views_since(network) {
            Some(since) if day >= since => (false, "v24.0"),
            Some(_) => (true, "v21.0"),
            None => (true, "1"),
        };
        let source = MetricSource {
            origin: "demo".to_string(),
            version: version.to_string(),
        };
        let reach = p.reach;
        let seen = reach * (1.25 + rng.unit() * 0.6);
        let reactions = (reach * reaction_rate(p) * rng.log_normal(0.0, 0.45)).round();
        let share_rate = match (network, p.theme) {
            (Network::Facebook, Theme::Practical) => 0.009,
            (Network::Instagram, _) => 0.002,
            _ => 0.004,
        };
        let shares = (reach * share_rate * rng.log_normal(0.0, 0.6)).round();
        let mut values = vec![
            (Metric::Reactions, reactions),
            (Metric::Comments, *c as f64),
            (Metric::Shares, shares),
        ];
        // X reports impressions only; the others report unique reach too.
        if network != Network::X {
            values.push((Metric::Reach, reach));
        }
        if p.kind != AccountKind::Group {
            values.push((
                if legacy {
                    Metric::Impressions
                } else {
                    Metric::Views
                },
                seen.round(),
            ));
        }
        if network == Network::Instagram {
            let rate = if p.theme == Theme::Heritage {
                0.011
            } else {
                0.004
            };
            values.push((
                Metric::Saves,
                (reach * rate * rng.log_normal(0.0, 0.5)).round(),
            ));
        }
        if network != Network::Instagram && p.kind == AccountKind::Page {
            let rate = if p.post.media == MediaType::Link {
                0.03
            } else {
                0.009
            };
            values.push((
                Metric::Clicks,
                (reach * rate * rng.log_normal(0.0, 0.5)).round(),
            ));
        }
        if matches!(p.post.media, MediaType::Video | MediaType::Reel) {
            values.push((Metric::VideoViews, (seen * 0.45).round()));
        }
        for (metric, value) in values {
            out.push(MetricSnapshot {
                post: p.post.key.clone(),
                observed_at: observed,
                metric,
                value,
                source: source.clone(),
            });
        }
    }
    out
}
