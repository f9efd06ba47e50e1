//! The presence audit: from the KPI engine's rows to one self-contained HTML
//! report (inline CSS and SVG, a print stylesheet, a policy that forbids any
//! request), in French by default.
//!
//! Pure: facts and a period in, a string out. The CLI writes the file and
//! prints it to PDF through Chromium; nothing here touches a disk.
//!
//! Sections follow the consultant's audit a landlord would otherwise buy:
//! summary, presence by network, "why would a tenant follow?", the tenants'
//! voice, listening, proximity, field and digital, satisfaction,
//! collaborators and groups, ambassadors, and prioritised recommendations,
//! each recommendation citing the KPI values (with n and significance) it
//! rests on. A section without data says which data to bring and how.

mod html;
mod recommend;
mod sections;
pub mod svg;

use chrono::NaiveDate;
use relais_core::Lang;
use relais_kpi::{Dim, Facts, Kpi, Period, Query, Row};

pub use recommend::{Priority, Recommendation};

/// What an audit is computed from.
pub struct Audit<'a> {
    pub facts: &'a Facts,
    pub period: Period,
    pub lang: Lang,
    /// The day the report says it was written (the CLI gives today; tests fix it).
    pub written: NaiveDate,
}

impl Audit<'_> {
    pub(crate) fn t<'s>(&self, fr: &'s str, en: &'s str) -> &'s str {
        self.lang.pick(fr, en)
    }

    /// The rows of one KPI on a slice.
    pub(crate) fn kpi(&self, code: &str, slice: &[Dim]) -> Vec<Row> {
        let q = Query {
            kpis: vec![Kpi::find(code).expect("a catalogue code")],
            dims: slice.to_vec(),
            period: self.period.clone(),
            lang: self.lang,
        };
        relais_kpi::compute(self.facts, &q)
    }

    /// The organisation-wide row of a KPI (with `unit` when it has several).
    pub(crate) fn whole(&self, code: &str, unit: Option<&str>) -> Row {
        let rows = self.kpi(code, &[]);
        // A KPI with no data has one row, without a unit, saying why.
        let at = rows
            .iter()
            .position(|r| unit.is_none() || r.unit == unit)
            .unwrap_or(0);
        rows.into_iter()
            .nth(at)
            .expect("an organisation-wide row for every KPI")
    }

    pub(crate) fn value(&self, row: &Row) -> String {
        relais_kpi::format::value(row, self.lang)
    }

    /// "45,7 % (n = 1 234, IC 95 % [43,0 % ; 48,4 %])".
    pub(crate) fn cite(&self, row: &Row) -> String {
        if !row.available {
            return format!(
                "{} ({})",
                self.t("non disponible", "not available"),
                row.reason.clone().unwrap_or_default()
            );
        }
        let mut s = format!("{} (n = {}", self.value(row), number(row.n, self.lang));
        if row.interval.is_some() {
            s.push_str(&format!(
                ", {} {}",
                self.t("IC 95 %", "95% CI"),
                relais_kpi::format::interval(row, self.lang)
            ));
        }
        match row.significant {
            Some(true) => s.push_str(&format!(
                ", {}",
                self.t("différence significative", "significant difference")
            )),
            Some(false) => s.push_str(&format!(
                ", {}",
                self.t("différence non significative", "difference not significant")
            )),
            None => {}
        }
        s.push(')');
        s
    }

    pub(crate) fn kpi_name(&self, code: &str) -> &'static str {
        Kpi::find(code).expect("a catalogue code").name(self.lang)
    }
}

/// A count with the language's thousands separator.
pub(crate) fn number(n: u64, lang: Lang) -> String {
    relais_kpi::format::thousands(i64::try_from(n).unwrap_or(i64::MAX), lang)
}

/// Writes the whole report.
pub fn render(audit: &Audit) -> String {
    let recos = recommend::recommendations(audit);
    let mut body = sections::cover(audit);
    body.push_str(&sections::summary(audit, &recos));
    body.push_str(&sections::presence::section(audit));
    body.push_str(&sections::tenants::why_follow(audit));
    body.push_str(&sections::tenants::voice(audit));
    body.push_str(&sections::listening::listening(audit));
    body.push_str(&sections::listening::proximity(audit));
    body.push_str(&sections::outside::field(audit));
    body.push_str(&sections::outside::satisfaction(audit));
    body.push_str(&sections::outside::community(audit));
    body.push_str(&sections::outside::ambassadors(audit));
    body.push_str(&recommend::section(audit, &recos));
    body.push_str(&sections::footer(audit));
    let title = format!(
        "{} — {}",
        audit.t("Audit de présence", "Presence audit"),
        audit.facts.organisation
    );
    html::page(audit.lang.pick("fr", "en"), &title, &body)
}
