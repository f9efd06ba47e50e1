//! Choosing the one residence a text names from the hits found in it, or
//! none: a hit inside a longer hit on another residence is dropped ("rue
//! des Roches" is a street, not Les Roches), weak hits give way to strong
//! ones, and two residences left at the same strength mean the text names
//! several, which the taxonomy links to none.

use super::scan::{Hit, WEAK};

/// The chosen residence, its confidence and the hit to quote.
pub(super) fn resolve(hits: &[Hit]) -> Option<(u32, f64, &Hit)> {
    let inside = |h: &Hit| {
        hits.iter().any(|g| {
            g.residence != h.residence
                && g.first <= h.first
                && h.last <= g.last
                && g.last - g.first > h.last - h.first
        })
    };
    // A text has a hit or two: the pool is filtered again rather than
    // collected, which would cost more than the filtering.
    let kept = || hits.iter().filter(|h| !inside(h));
    let any_strong = kept().any(|h| h.confidence >= WEAK);
    let pool = || kept().filter(move |h| !any_strong || h.confidence >= WEAK);
    let first = pool().next()?;
    if pool().any(|h| h.residence != first.residence) {
        return None;
    }
    let best = pool().max_by(|a, b| a.confidence.total_cmp(&b.confidence))?;
    let more = hits
        .iter()
        .filter(|h| h.residence == best.residence)
        .count()
        - 1;
    let confidence = (best.confidence + 0.02 * more as f64).min(0.99);
    Some((best.residence, confidence, best))
}
