//! How a KPI value reads in French or English: percentages, per-thousand
//! rates, hours, multipliers. Shared by the CLI, the web app and the audit so
//! that a value looks the same everywhere.

use relais_core::Lang;

use crate::row::Row;

/// A whole number with French (narrow no-break space) or English (comma)
/// thousands separators.
pub fn thousands(n: i64, lang: Lang) -> String {
    let digits = n.unsigned_abs().to_string();
    let sep = lang.pick("\u{202f}", ",");
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(sep);
        }
        out.push(c);
    }
    if n < 0 { format!("-{out}") } else { out }
}

/// A decimal number with the language's decimal mark.
pub fn decimal(v: f64, places: usize, lang: Lang) -> String {
    let s = format!("{v:.places$}");
    match lang {
        Lang::Fr => s.replace('.', ","),
        Lang::En => s,
    }
}

/// `12,5 %` / `12.5%`.
pub fn percent(v: f64, places: usize, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("{}\u{a0}%", decimal(v * 100.0, places, lang)),
        Lang::En => format!("{}%", decimal(v * 100.0, places, lang)),
    }
}

/// The value of a row as people read it, or "n.d." / "n/a".
pub fn value(row: &Row, lang: Lang) -> String {
    match row.value {
        Some(v) => scaled(row.kpi, row.unit, v, lang),
        None => lang.pick("n.d.", "n/a").to_string(),
    }
}

/// A value of `kpi` (with its unit) as people read it.
pub fn scaled(kpi: &str, unit: Option<&str>, v: f64, lang: Lang) -> String {
    match (kpi, unit) {
        ("engagement_rate_reach" | "engagement_rate_followers" | "theme_engagement", _) => {
            percent(v, 2, lang)
        }
        ("conversation_rate" | "amplification_rate", _) => {
            format!("{}\u{a0}‰", decimal(v, 2, lang))
        }
        ("tenant_engagement_lift" | "collaborator_lift" | "group_diffusion", _) => {
            format!("×{}", decimal(v, 2, lang))
        }
        ("response_time_median", Some("business_hours")) => format!(
            "{}\u{a0}{}",
            decimal(v, 1, lang),
            lang.pick("h ouvrées", "business h")
        ),
        ("response_time_median", _) => format!("{}\u{a0}h", decimal(v, 1, lang)),
        ("net_sentiment", _) => {
            format!("{}{}", if v > 0.0 { "+" } else { "" }, decimal(v, 2, lang))
        }
        ("audience_growth", _) => {
            format!("{}{}", if v > 0.0 { "+" } else { "" }, percent(v, 2, lang))
        }
        ("posting_regularity", Some("longest_gap_days")) => {
            format!("{}\u{a0}{}", decimal(v, 0, lang), lang.pick("j", "d"))
        }
        ("posting_regularity", _) => format!(
            "{}{}",
            decimal(v, 1, lang),
            lang.pick("\u{a0}/\u{a0}semaine", "/week")
        ),
        ("ambassadors", _) => decimal(v, 0, lang),
        ("field_scans", Some("per_100_homes")) => format!(
            "{}{}",
            decimal(v, 1, lang),
            lang.pick(" pour 100 logements", " per 100 homes")
        ),
        ("field_scans", Some("per_action")) => format!(
            "{}{}",
            decimal(v, 1, lang),
            lang.pick(" par action", " per action")
        ),
        ("field_scans", _) => decimal(v, 0, lang),
        ("survey_alignment", _) => format!("ρ\u{a0}=\u{a0}{}", decimal(v, 2, lang)),
        _ => percent(v, 1, lang),
    }
}

/// The interval of a row, `[a ; b]`, or empty.
pub fn interval(row: &Row, lang: Lang) -> String {
    match row.interval {
        Some([a, b]) => match lang {
            Lang::Fr => format!(
                "[{} ; {}]",
                scaled(row.kpi, row.unit, a, lang),
                scaled(row.kpi, row.unit, b, lang)
            ),
            Lang::En => format!(
                "[{}, {}]",
                scaled(row.kpi, row.unit, a, lang),
                scaled(row.kpi, row.unit, b, lang)
            ),
        },
        None => String::new(),
    }
}

/// What a unit means, for a column header or a legend.
pub fn unit_name(unit: &str, lang: Lang) -> &'static str {
    match unit {
        "business_hours" => lang.pick("heures ouvrées", "business hours"),
        "calendar_hours" => lang.pick("heures calendaires", "calendar hours"),
        "posts_per_week" => lang.pick("publications par semaine", "posts per week"),
        "longest_gap_days" => lang.pick("plus long silence", "longest gap"),
        "per_month" => lang.pick("par mois", "per month"),
        "period" => lang.pick("sur la période", "over the period"),
        "reach" => lang.pick("sur la portée", "on reach"),
        "followers" => lang.pick("sur les abonnés", "on followers"),
        "scans" => lang.pick("scans", "scans"),
        "per_action" => lang.pick("par action", "per action"),
        "per_100_homes" => lang.pick("pour 100 logements", "per 100 homes"),
        "people" => lang.pick("personnes", "people"),
        "spearman" => lang.pick("corrélation de rang", "rank correlation"),
        "group_over_page" => lang.pick("groupe / page", "group / page"),
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_read_in_each_language() {
        assert_eq!(
            scaled("response_rate", None, 0.4567, Lang::Fr),
            "45,7\u{a0}%"
        );
        assert_eq!(scaled("response_rate", None, 0.4567, Lang::En), "45.7%");
        assert_eq!(
            scaled("tenant_engagement_lift", None, 1.5, Lang::En),
            "×1.50"
        );
        assert_eq!(
            scaled(
                "response_time_median",
                Some("business_hours"),
                3.25,
                Lang::En
            ),
            "3.2\u{a0}business h"
        );
    }
}
