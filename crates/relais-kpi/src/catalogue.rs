//! The KPI catalogue of `kpis.md`: each code with its French and English
//! names and its definition, word for word. The engine computes exactly
//! these; the CLI, the API and the audit show these names.

use relais_core::Lang;

/// One KPI of the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Kpi {
    pub code: &'static str,
    pub fr: &'static str,
    pub en: &'static str,
    pub definition: &'static str,
}

impl Kpi {
    pub fn name(&self, lang: Lang) -> &'static str {
        lang.pick(self.fr, self.en)
    }

    pub fn find(code: &str) -> Option<&'static Kpi> {
        CATALOGUE.iter().find(|k| k.code == code)
    }
}

macro_rules! kpis {
    ($($code:literal, $fr:literal, $en:literal, $def:literal;)+) => {
        /// Every KPI, in the order of `kpis.md`.
        pub const CATALOGUE: &[Kpi] = &[$(Kpi { code: $code, fr: $fr, en: $en, definition: $def }),+];
    };
}

kpis! {
    "engagement_rate_reach", "Taux d'engagement (portée)", "Engagement rate (reach)", "median over posts of E / reach";
    "engagement_rate_followers", "Taux d'engagement (abonnés)", "Engagement rate (followers)", "median over posts of E / F";
    "conversation_rate", "Taux de conversation", "Conversation rate", "mean C / F × 1000";
    "amplification_rate", "Taux d'amplification", "Amplification rate", "mean S / F × 1000";
    "tenant_post_share", "Part des publications pour les locataires", "Share of posts for tenants", "posts with audience `tenants` / all posts";
    "tenant_voice_share", "Part de la parole locataire", "Tenants' share of the conversation", "comments by `tenant` authors / all comments";
    "tenant_engagement_lift", "Sur-engagement des contenus locataires", "Tenant content engagement lift", "engagement_rate of tenant-audience posts / of the others";
    "theme_engagement", "Engagement par thème", "Engagement by theme", "engagement_rate per theme, with its confidence interval";
    "response_rate", "Taux de réponse", "Response rate", "comments needing an answer (urgency ≠ none) that got a landlord reply / all such comments";
    "response_time_median", "Délai médian de réponse", "Median response time", "median time from comment to first landlord reply, in business hours (Mon–Fri 9–18, French public holidays off) and in calendar hours";
    "response_within_48h", "Réponses sous 48 h", "Answered within 48 h", "share answered within 48 business hours; urgent ones within 4";
    "net_sentiment", "Sentiment net", "Net sentiment", "(positive − negative) / all classified comments";
    "local_content_share", "Part de contenu local", "Local content share", "posts linked to a territory or residence / all posts";
    "agency_coverage", "Couverture des agences", "Agency coverage", "agencies with at least one local post in the period / all agencies";
    "residence_told", "Résidences racontées", "Residences told", "residences featured in a heritage post ever / all residences";
    "field_scans", "Scans terrain", "Field scans", "QR/short-link scans per field action, per residence, and per 100 homes";
    "social_web_share", "Trafic issu des réseaux", "Traffic from social networks", "website visits referred by a social network / all visits, per network";
    "audience_growth", "Croissance d'audience", "Audience growth", "(F end − F start) / F start, per month";
    "posting_regularity", "Régularité", "Posting regularity", "posts per week, and the longest gap in days";
    "collaborator_lift", "Effet collaborateurs", "Collaborator lift", "engagement_rate of collaborators' posts / of the page's posts (LinkedIn)";
    "group_diffusion", "Diffusion groupe vs page", "Group vs page diffusion", "median reach / members for group posts vs reach / followers for page posts";
    "ambassadors", "Ambassadeurs", "Ambassadors", "tenant authors with ≥ 3 positive interactions in ≥ 2 distinct months of the last 12, and no negative one in the last 3";
    "survey_alignment", "Satisfaction et numérique", "Satisfaction and digital", "per territory: survey communication score beside tenant engagement, with their rank correlation (Spearman) across territories";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_catalogue_holds_every_kpi_of_kpis_md_once() {
        assert_eq!(CATALOGUE.len(), 23);
        let mut codes: Vec<_> = CATALOGUE.iter().map(|k| k.code).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), 23);
        assert_eq!(Kpi::find("net_sentiment").unwrap().fr, "Sentiment net");
    }
}
