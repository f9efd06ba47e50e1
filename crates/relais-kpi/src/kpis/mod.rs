//! One function per KPI of the catalogue, grouped by what they read: posts'
//! engagement, tenants' comments, the landlord's presence, and data from
//! outside the networks (field scans, website visits, surveys).

mod audience;
mod engagement;
mod outside;
mod presence;
mod voice;

pub use outside::{SurveyPoint, survey_points};
pub use voice::{Ambassador, PROMISE_HOURS, URGENT_PROMISE_HOURS, ambassadors, within_promise_of};

use crate::engine::Cx;
use crate::row::Row;

/// The rows of one KPI.
pub(crate) fn compute(cx: &Cx, code: &str) -> Vec<Row> {
    match code {
        "engagement_rate_reach" => engagement::rate_reach(cx),
        "engagement_rate_followers" => engagement::rate_followers(cx),
        "conversation_rate" => engagement::conversation(cx),
        "amplification_rate" => engagement::amplification(cx),
        "tenant_engagement_lift" => engagement::tenant_lift(cx),
        "theme_engagement" => engagement::by_theme(cx),
        "collaborator_lift" => engagement::collaborator_lift(cx),
        "group_diffusion" => engagement::group_diffusion(cx),
        "tenant_post_share" => presence::tenant_posts(cx),
        "local_content_share" => presence::local_content(cx),
        "agency_coverage" => presence::agency_coverage(cx),
        "residence_told" => presence::residence_told(cx),
        "audience_growth" => audience::audience_growth(cx),
        "posting_regularity" => audience::regularity(cx),
        "tenant_voice_share" => voice::tenant_voice(cx),
        "net_sentiment" => voice::net_sentiment(cx),
        "response_rate" => voice::response_rate(cx),
        "response_time_median" => voice::response_time(cx),
        "response_within_48h" => voice::within_promise(cx),
        "ambassadors" => voice::ambassador_count(cx),
        "field_scans" => outside::field_scans(cx),
        "social_web_share" => outside::social_web(cx),
        "survey_alignment" => outside::survey_alignment(cx),
        other => unreachable!("{other} is not in the catalogue"),
    }
}
