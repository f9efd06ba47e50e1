//! `/residences`: the residences in the caller's scope, with what the inbox
//! and the field scans say of each.

use axum::Json;
use axum::response::IntoResponse;
use relais_kpi::Facts;
use serde_json::json;

use super::shapes::{self, ResidenceCounts};
use super::{ApiResult, within};
use crate::app::Ctx;
use crate::filters::needs_answer;
use crate::snapshot::Snapshot;

/// The counts of every residence, in one pass over the comments and scans.
/// A comment counts for the residence it names, else its post's (as the
/// KPIs' residence slice does).
pub fn counts(snap: &Snapshot) -> Vec<ResidenceCounts> {
    let f: &Facts = &snap.facts;
    let mut out = vec![ResidenceCounts::default(); f.residences.len()];
    for (c, cm) in f.comments.iter().enumerate() {
        let Some(r) = cm.residence.or(f.posts[cm.post].residence) else {
            continue;
        };
        if cm.is_landlord() {
            continue;
        }
        out[r].comments += 1;
        if needs_answer(snap, c) && cm.first_reply_at.is_none() {
            out[r].open_comments += 1;
        }
    }
    for s in &f.scans {
        if let Some(r) = s.residence {
            out[r].scans += s.scans;
        }
    }
    out
}

pub async fn list(ctx: Ctx) -> ApiResult {
    within(ctx.lang, async {
        let snap = &ctx.snap;
        let counts = counts(snap);
        let items: Vec<_> = (0..snap.facts.residences.len())
            .filter(|&r| ctx.scope.residence(snap, r))
            .map(|r| shapes::residence(&snap.facts, r, counts[r]))
            .collect();
        Ok(Json(json!({"items": items, "total": items.len()})).into_response())
    })
    .await
}
