//! The demo landlord's yearly satisfaction survey: per agency, the overall
//! and communication scores (percent of satisfied tenants) of the two last
//! whole years, as the landlord's survey provider would send them.

use chrono::Datelike;

use super::DemoConfig;
use super::rng::Rng;
use crate::Territory;
use crate::survey::{SurveyResult, SurveyScope};

/// Survey results for every agency of `territories`.
pub fn surveys(cfg: &DemoConfig, territories: &[Territory]) -> Vec<SurveyResult> {
    let mut rng = Rng::new(cfg.seed).fork("surveys");
    let mut out = Vec::new();
    let mut line = 1;
    for t in territories.iter().filter(|t| t.is_agency()) {
        let base = 64.0 + rng.unit() * 16.0;
        let respondents = 120 + rng.below(260) as u32;
        for year in [cfg.until.year() - 2, cfg.until.year() - 1] {
            for (question, offset) in [("overall", 6.0), ("communication", -4.0)] {
                line += 1;
                let score = (base + offset + (rng.unit() - 0.5) * 6.0).clamp(0.0, 100.0);
                out.push(SurveyResult {
                    line,
                    scope: SurveyScope::Territory(t.id.clone()),
                    year,
                    question: question.to_string(),
                    score: (score * 10.0).round() / 10.0,
                    respondents,
                });
            }
        }
    }
    out
}
