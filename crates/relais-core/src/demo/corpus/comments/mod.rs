//! Comment templates of the demo landlord: what tenants, applicants, partners,
//! employees and spammers write under the landlord's Facebook, Instagram,
//! LinkedIn and X posts, each with its true labels (category, urgency,
//! sentiment, author kind) set by the labelling rules of
//! `shared/domain/taxonomy.md`. Texts hold `{placeholders}` (see
//! [`super::style::render`]) and go through [`super::style::vary`] for spelling.
//!
//! This is demo data only: it must never be used to train, tune or evaluate a
//! classifier (the text classifiers have their own hand-written corpus).
//!
//! One file per group of categories: `building` (lift, heating and hot water,
//! leaks and damp), `living` (pests, cleanliness, safety, common areas),
//! `tenancy` (rent and charges, housing requests, works) and `social` (praise,
//! general questions, off-topic, spam).

use super::CommentTemplate;

/// Builds a `&[CommentTemplate]` from lines `urgency sentiment author_kind
/// [winter] "text";` sharing one category, so that each template holds on one
/// line. Codes are written as bare words and checked by the tests below.
macro_rules! templates {
    (@winter) => { false };
    (@winter winter) => { true };
    ($category:ident; $($urgency:ident $sentiment:ident $author:ident $($winter:ident)? $text:literal;)*) => {
        &[$(CommentTemplate {
            category: stringify!($category),
            urgency: stringify!($urgency),
            sentiment: stringify!($sentiment),
            author_kind: stringify!($author),
            winter: templates!(@winter $($winter)?),
            text: $text,
        }),*]
    };
}

mod building;
mod living;
mod social;
mod tenancy;

/// Every comment template, grouped by category in taxonomy order.
pub fn all() -> Vec<CommentTemplate> {
    [
        building::LIFT,
        building::HEATING_HOT_WATER,
        building::WATER_DAMP,
        living::PESTS,
        living::CLEANLINESS,
        living::SAFETY,
        living::COMMON_AREAS,
        tenancy::RENT_CHARGES,
        tenancy::HOUSING_REQUEST,
        tenancy::WORKS,
        social::PRAISE,
        social::QUESTION,
        social::OFF_TOPIC,
        social::SPAM,
    ]
    .concat()
}

#[cfg(test)]
mod tests {
    use super::super::style::placeholders;
    use super::*;
    use std::collections::{BTreeMap, HashSet};

    const CATEGORIES: &[&str] = &[
        "lift",
        "heating_hot_water",
        "water_damp",
        "pests",
        "cleanliness",
        "safety",
        "common_areas",
        "rent_charges",
        "housing_request",
        "works",
        "praise",
        "question",
        "off_topic",
        "spam",
    ];
    const URGENCIES: &[&str] = &["urgent", "normal", "none"];
    const SENTIMENTS: &[&str] = &["negative", "neutral", "positive"];
    const AUTHORS: &[&str] = &["tenant", "employee", "partner", "public", "unknown"];
    const PLACEHOLDERS: &[&str] = &[
        "residence",
        "street",
        "bat",
        "floor",
        "first_name",
        "n",
        "city",
        "landlord",
        "link",
    ];
    /// Categories whose text may only make sense in winter.
    const WINTER_CATEGORIES: &[&str] = &[
        "heating_hot_water",
        "water_damp",
        "common_areas",
        "rent_charges",
    ];

    fn balanced(text: &str) -> bool {
        let mut open = false;
        for c in text.chars() {
            match c {
                '{' if open => return false,
                '{' => open = true,
                '}' if !open => return false,
                '}' => open = false,
                _ => {}
            }
        }
        !open
    }

    #[test]
    fn there_are_enough_templates_and_no_two_alike() {
        let all = all();
        assert!(all.len() >= 500, "{} templates", all.len());
        let mut seen = HashSet::new();
        for t in &all {
            assert!(!t.text.trim().is_empty());
            assert_eq!(t.text, t.text.trim(), "{:?}", t.text);
            assert!(!t.text.contains('\n'), "{:?}", t.text);
            assert!(
                seen.insert(t.text.to_lowercase()),
                "duplicate: {:?}",
                t.text
            );
        }
    }

    #[test]
    fn templates_use_only_allowed_placeholders_and_balanced_braces() {
        for t in all() {
            assert!(balanced(t.text), "unbalanced braces: {:?}", t.text);
            for key in placeholders(t.text) {
                assert!(
                    PLACEHOLDERS.contains(&key),
                    "placeholder {{{key}}} in {:?}",
                    t.text
                );
            }
        }
    }

    #[test]
    fn templates_use_only_allowed_codes_and_cover_them_all() {
        let all = all();
        for t in &all {
            assert!(CATEGORIES.contains(&t.category), "{t:?}");
            assert!(URGENCIES.contains(&t.urgency), "{t:?}");
            assert!(SENTIMENTS.contains(&t.sentiment), "{t:?}");
            assert!(AUTHORS.contains(&t.author_kind), "{t:?}");
        }
        for c in CATEGORIES {
            let n = all.iter().filter(|t| t.category == *c).count();
            assert!(n >= 25, "only {n} templates for {c}");
        }
        for u in URGENCIES {
            assert!(all.iter().any(|t| t.urgency == *u), "{u}");
        }
        for s in SENTIMENTS {
            assert!(all.iter().any(|t| t.sentiment == *s), "{s}");
        }
        for a in AUTHORS {
            assert!(all.iter().any(|t| t.author_kind == *a), "{a}");
        }
    }

    #[test]
    fn templates_follow_the_labelling_rules() {
        for t in all() {
            if t.winter {
                assert!(WINTER_CATEGORIES.contains(&t.category), "winter on {t:?}");
            }
            if t.category == "heating_hot_water" && t.urgency == "urgent" {
                assert!(t.winter, "urgent heating without winter: {t:?}");
                let lower = t.text.to_lowercase();
                let cold = [
                    "hiver",
                    "froid",
                    "gel",
                    "gèle",
                    "glac",
                    "degré",
                    "°",
                    "neige",
                    "janvier",
                    "décembre",
                ];
                assert!(
                    cold.iter().any(|w| lower.contains(w)),
                    "urgent heating must say cold: {t:?}"
                );
            }
            if matches!(t.category, "praise" | "off_topic" | "spam") {
                assert_eq!(t.urgency, "none", "{t:?}");
            }
            if t.category == "praise" {
                assert_ne!(t.sentiment, "negative", "{t:?}");
            }
            if t.category == "spam" {
                assert_eq!(t.author_kind, "unknown", "{t:?}");
            }
            if t.author_kind == "employee" && t.category != "question" {
                assert_eq!(
                    t.urgency, "none",
                    "employees' replies need no answer: {t:?}"
                );
            }
        }
    }

    #[test]
    fn every_category_has_plausible_urgencies() {
        let mut grid: BTreeMap<(&str, &str), usize> = BTreeMap::new();
        for t in all() {
            *grid.entry((t.category, t.urgency)).or_default() += 1;
        }
        for c in [
            "lift",
            "heating_hot_water",
            "water_damp",
            "safety",
            "housing_request",
        ] {
            assert!(
                grid.get(&(c, "urgent")).copied().unwrap_or(0) >= 5,
                "{c} urgent"
            );
        }
        for c in CATEGORIES
            .iter()
            .filter(|c| !matches!(**c, "praise" | "off_topic" | "spam"))
        {
            assert!(
                grid.get(&(*c, "normal")).copied().unwrap_or(0) >= 10,
                "{c} normal"
            );
        }
    }
}
