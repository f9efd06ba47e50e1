//! KPI rows as the pages show them, shared by the dashboard, the residences
//! and the audit form: the period asked for, which rows a user may see, the
//! KPI table, and a value cited with its n.
//!
//! What a referent sees is decided here: KPIs computed by agency, only the
//! rows of their agencies kept. It must not compute anything itself: rows
//! come from the snapshot's cache.

use std::collections::HashSet;
use std::sync::Arc;

use maud::{Markup, html};
use relais_core::{Audience, Network, Theme};
use relais_kpi::{Dim, Kpi, Period, Query, Row, format};

use crate::app::{Ctx, Fail};
use crate::i18n;
use crate::snapshot::Snapshot;

/// The period when none is asked: the twelve months ending with the data.
pub(crate) fn default_period(snap: &Snapshot) -> Period {
    let last = snap
        .facts
        .last_day()
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    Period::twelve_months_to(last)
}

/// The period of a form field; empty means the default one.
pub(crate) fn period_of(ctx: &Ctx, raw: &str) -> Result<Period, Fail> {
    if raw.trim().is_empty() {
        return Ok(default_period(&ctx.snap));
    }
    Period::parse(raw).map_err(|_| {
        Fail::Bad(format!(
            "{} « {} » {} {}",
            ctx.t("Période", "Period"),
            raw.trim(),
            ctx.t(
                "non comprise. Écrivez une année (2026), un trimestre (2026-Q2), un mois (2026-03), une semaine (2026-W12), ou un intervalle de mois (2026-01..2026-06) ou de jours (2026-01-15..2026-03-31).",
                "not understood. Write a year (2026), a quarter (2026-Q2), a month (2026-03), a week (2026-W12), or a range of months (2026-01..2026-06) or days (2026-01-15..2026-03-31).",
            ),
            ctx.t("Laissez vide pour les 12 derniers mois.", "Leave empty for the last 12 months.")
        ))
    })
}

/// Suggested periods: the last twelve months, this year and the last, the
/// last four quarters (of the data's latest day).
pub(crate) fn period_choices(ctx: &Ctx) -> Vec<(String, String)> {
    use chrono::Datelike;
    let twelve = default_period(&ctx.snap);
    let last = twelve.end;
    let mut out = vec![(
        twelve.label().to_string(),
        ctx.t("12 derniers mois", "Last 12 months").to_string(),
    )];
    for y in [last.year(), last.year() - 1] {
        out.push((y.to_string(), format!("{} {y}", ctx.t("Année", "Year"))));
    }
    let index = last.year() * 4 + (last.month0() / 3) as i32;
    for i in (index - 3..=index).rev() {
        let (y, q) = (i.div_euclid(4), i.rem_euclid(4) + 1);
        out.push((
            format!("{y}-Q{q}"),
            format!("{} {q} {y}", ctx.t("Trimestre", "Quarter")),
        ));
    }
    out
}

/// A free-text period field with suggestions and what it accepts.
pub(crate) fn period_field(ctx: &Ctx, period: &Period) -> Markup {
    html! {
        div.field {
            label for="f-period" { (ctx.t("Période", "Period")) }
            input #f-period type="text" name="period" value=(period.label()) list="periods" aria-describedby="f-period-help" size="18";
            datalist #periods {
                @for (value, text) in period_choices(ctx) { option value=(value) { (text) } }
            }
            small #f-period-help.muted { (ctx.t(
                "ex. 2026, 2026-Q2, 2026-03, 2026-01..2026-06",
                "e.g. 2026, 2026-Q2, 2026-03, 2026-01..2026-06",
            )) }
        }
    }
}

/// Every KPI of `dims` on `period`, from the snapshot's cache.
pub(crate) fn kpis_for(ctx: &Ctx, period: &Period, dims: &[Dim]) -> Arc<Vec<Row>> {
    let names: Vec<&str> = dims.iter().map(|d| d.name()).collect();
    let key = format!(
        "all|{}|{}|{}",
        period.label(),
        names.join(","),
        ctx.t("fr", "en")
    );
    let query = Query {
        kpis: Vec::new(),
        dims: dims.to_vec(),
        period: period.clone(),
        lang: ctx.lang,
    };
    ctx.snap.kpis(&key, &query)
}

/// Which KPI rows a user may see.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Visible {
    /// `None`: everything; else the ids of the referent's agencies, in order.
    agencies: Option<Vec<String>>,
}

impl Visible {
    pub(crate) fn of(ctx: &Ctx) -> Visible {
        let agencies = (!ctx.scope.is_all()).then(|| {
            ctx.scope
                .agencies(&ctx.snap)
                .into_iter()
                .map(|a| ctx.snap.facts.territories[a].id.clone())
                .collect()
        });
        Visible { agencies }
    }

    /// The dims to compute a slice with: a referent's always start with the
    /// agency, and never go up to a direction.
    pub(crate) fn dims(&self, slice: &[Dim]) -> Vec<Dim> {
        match self.agencies {
            None => slice.to_vec(),
            Some(_) => std::iter::once(Dim::Agency)
                .chain(
                    slice
                        .iter()
                        .copied()
                        .filter(|d| !matches!(d, Dim::Agency | Dim::Territory)),
                )
                .collect(),
        }
    }

    /// The rows shown: all, or those of the referent's agencies only (a row
    /// without an agency is a landlord-wide one, and is dropped).
    pub(crate) fn keep<'a>(&self, rows: &'a [Row]) -> Vec<&'a Row> {
        let Some(ids) = &self.agencies else {
            return rows.iter().collect();
        };
        let ids: HashSet<&str> = ids.iter().map(String::as_str).collect();
        rows.iter()
            .filter(|r| r.at("agency").is_some_and(|a| ids.contains(a)))
            .collect()
    }

    /// The referent's agencies' names; `None` for a user who sees all.
    pub(crate) fn agency_names(&self, snap: &Snapshot) -> Option<Vec<String>> {
        let ids = self.agencies.as_ref()?;
        Some(ids.iter().map(|id| territory_name(snap, id)).collect())
    }

    /// One series per agency for a referent, one for the landlord otherwise.
    pub(crate) fn series_agencies(&self) -> Vec<Option<&str>> {
        match &self.agencies {
            None => vec![None],
            Some(ids) => ids.iter().map(|id| Some(id.as_str())).collect(),
        }
    }
}

pub(crate) fn territory_name(snap: &Snapshot, id: &str) -> String {
    snap.territory_index
        .get(id)
        .map_or(id.to_string(), |&t| snap.facts.territories[t].name.clone())
}

/// The rows of one KPI (with `unit` when it has several; a KPI without data
/// has a single row without unit, saying why).
pub(crate) fn rows_of<'a>(rows: &[&'a Row], code: &str, unit: Option<&str>) -> Vec<&'a Row> {
    rows.iter()
        .copied()
        .filter(|r| r.kpi == code && (unit.is_none() || r.unit.is_none() || r.unit == unit))
        .collect()
}

/// "45,7 % (n = 1 234)", per slice when there are several, or why not.
pub(crate) fn cite(ctx: &Ctx, rows: &[&Row]) -> String {
    if rows.is_empty() {
        return ctx.t("non disponible", "not available").to_string();
    }
    let one = |r: &Row| {
        let text = if r.available {
            let sig = match r.significant {
                Some(true) => ctx.t(", écart significatif", ", significant difference"),
                _ => "",
            };
            format!(
                "{} (n = {}{sig})",
                format::value(r, ctx.lang),
                format::thousands(r.n as i64, ctx.lang)
            )
        } else {
            format!(
                "{} ({})",
                ctx.t("non disponible", "not available"),
                r.reason.clone().unwrap_or_default()
            )
        };
        if rows.len() > 1 && !r.slice.is_empty() {
            format!("{} : {text}", slice_text(ctx, r, &[]))
        } else {
            text
        }
    };
    rows.iter().map(|r| one(r)).collect::<Vec<_>>().join(" ; ")
}

/// The slice of a row in words (territory and residence names, labels of
/// codes), leaving out the dims in `skip`.
pub(crate) fn slice_text(ctx: &Ctx, row: &Row, skip: &[&str]) -> String {
    let parts: Vec<String> = row
        .slice
        .iter()
        .filter(|(d, _)| !skip.contains(d))
        .map(|(d, v)| slice_value(ctx, d, v))
        .collect();
    if parts.is_empty() {
        ctx.t("Organisme entier", "Whole landlord").to_string()
    } else {
        parts.join(" · ")
    }
}

fn slice_value(ctx: &Ctx, dim: &str, v: &str) -> String {
    let snap = &ctx.snap;
    let lang = ctx.lang;
    match dim {
        "network" => Network::parse(v).map_or(v.to_string(), |x| i18n::network(x, lang)),
        "theme" => Theme::parse(v).map_or(v.to_string(), |x| i18n::theme(x, lang)),
        "audience" => Audience::parse(v).map_or(v.to_string(), |x| i18n::audience(x, lang)),
        "agency" | "territory" => territory_name(snap, v),
        "residence" => snap
            .residence_index
            .get(v)
            .map_or(v.to_string(), |&r| snap.facts.residences[r].name.clone()),
        "account" => snap
            .facts
            .accounts
            .iter()
            .find(|a| a.id == v)
            .map_or(v.to_string(), |a| a.name.clone()),
        _ => v.to_string(),
    }
}

fn significance(ctx: &Ctx, row: &Row) -> &'static str {
    match row.significant {
        Some(true) => ctx.t("écart significatif", "significant difference"),
        Some(false) => ctx.t("écart non significatif", "difference not significant"),
        None => "—",
    }
}

/// Every row in one table; a missing value says why, never 0.
pub(crate) fn kpi_table(ctx: &Ctx, caption: &str, rows: &[&Row]) -> Markup {
    let lang = ctx.lang;
    html! {
        @if rows.is_empty() {
            p { (ctx.t("Aucun indicateur à afficher pour ce choix.", "No KPI to show for this choice.")) }
        } @else {
            table {
                caption { (caption) }
                thead { tr {
                    th scope="col" { (ctx.t("Indicateur", "KPI")) }
                    th scope="col" { (ctx.t("Découpage", "Slice")) }
                    th.num scope="col" { (ctx.t("Valeur", "Value")) }
                    th.num scope="col" { "n" }
                    th scope="col" { (ctx.t("Intervalle à 95 %", "95% interval")) }
                    th scope="col" { (ctx.t("Écart au reste", "Versus the rest")) }
                    th scope="col" { (ctx.t("Remarque", "Note")) }
                } }
                tbody {
                    @for r in rows {
                        tr {
                            th scope="row" {
                                (Kpi::find(r.kpi).map_or(r.kpi, |k| k.name(lang)))
                                @if let Some(u) = r.unit.map(|u| format::unit_name(u, lang)).filter(|u| !u.is_empty()) {
                                    " (" (u) ")"
                                }
                            }
                            td { (slice_text(ctx, r, &[])) }
                            td.num { (format::value(r, lang)) }
                            td.num { (format::thousands(r.n as i64, lang)) }
                            td { (format::interval(r, lang)) }
                            td { (significance(ctx, r)) }
                            td { @if !r.available { (ctx.t("non disponible : ", "not available: ")) (r.reason.clone().unwrap_or_default()) } }
                        }
                    }
                }
            }
        }
    }
}
