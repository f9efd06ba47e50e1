//! `/kpis`: the rows `relais kpi --json` prints, for the same `kpi`, `slice`
//! and `period`, computed once per snapshot.
//!
//! A referent sees their places only: the query is cut by agency when it
//! names no place, and only the rows whose every place (agency, residence,
//! territory) is in their scope are answered, never an organisation-wide
//! row (which would tell the other agencies' figures).

use axum::Json;
use axum::extract::Query;
use axum::extract::rejection::QueryRejection;
use axum::response::IntoResponse;
use relais_kpi::{CATALOGUE, Dim, Kpi, Period, Row};
use serde::Deserialize;

use super::{ApiResult, query, within};
use crate::app::{Ctx, Fail};
use crate::scope::Scope;
use crate::snapshot::Snapshot;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct KpiParams {
    /// KPI codes, comma-separated; every one when empty.
    pub kpi: String,
    /// Dimensions, comma-separated (`Dim::parse_list`).
    pub slice: String,
    /// A period as `relais kpi --period` reads it; the twelve months ending
    /// with the latest data when empty.
    pub period: String,
}

fn kpis(ctx: &Ctx, raw: &str) -> Result<Vec<&'static Kpi>, Fail> {
    raw.split(',')
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(|c| {
            Kpi::find(c).ok_or_else(|| {
                let known: Vec<&str> = CATALOGUE.iter().map(|k| k.code).collect();
                Fail::Bad(format!(
                    "kpi « {c} » : {} {}",
                    ctx.t(
                        "indicateur inconnu ; indicateurs connus :",
                        "unknown KPI; known KPIs:"
                    ),
                    known.join(", ")
                ))
            })
        })
        .collect()
}

/// The dimensions a referent's query is computed on: an agency cut when
/// none of `dims` is a place.
pub fn placed(mut dims: Vec<Dim>, scope: &Scope) -> Vec<Dim> {
    if !scope.is_all() && !dims.iter().any(|d| d.is_place()) {
        dims.push(Dim::Agency);
    }
    dims
}

/// The rows a referent sees: those with at least one place (agency,
/// residence, territory), every one of which `sees(dimension, id)`.
pub fn in_scope(rows: &[Row], sees: impl Fn(&str, &str) -> bool) -> Vec<&Row> {
    rows.iter()
        .filter(|row| {
            let mut places = row
                .slice
                .iter()
                .filter(|(dim, _)| PLACES.contains(dim))
                .peekable();
            places.peek().is_some() && places.all(|(dim, id)| sees(dim, id))
        })
        .collect()
}

const PLACES: [&str; 3] = ["agency", "residence", "territory"];

/// Whether a place of a row's slice is in `scope`.
fn sees(snap: &Snapshot, scope: &Scope, dim: &str, id: &str) -> bool {
    if dim == "residence" {
        snap.residence_index
            .get(id)
            .is_some_and(|&r| scope.residence(snap, r))
    } else {
        snap.territory_index
            .get(id)
            .is_some_and(|&t| scope.territory(snap, Some(t)))
    }
}

pub async fn rows(ctx: Ctx, q: Result<Query<KpiParams>, QueryRejection>) -> ApiResult {
    within(ctx.lang, async {
        let p = query(&ctx, q)?;
        let wanted = kpis(&ctx, &p.kpi)?;
        let dims = Dim::parse_list(&p.slice).map_err(|e| Fail::Bad(format!("slice : {e}")))?;
        let dims = placed(dims, &ctx.scope);
        let snap = &ctx.snap;
        let period = if p.period.trim().is_empty() {
            match snap.facts.last_day() {
                Some(day) => Period::twelve_months_to(day),
                // No data, so no period to default to: no row either.
                None => return Ok(Json(Vec::<Row>::new()).into_response()),
            }
        } else {
            Period::parse(&p.period).map_err(|e| Fail::Bad(format!("period : {e}")))?
        };
        let key = format!(
            "api|{}|{}|{}|{}..{}|{}",
            ctx.t("fr", "en"),
            wanted.iter().map(|k| k.code).collect::<Vec<_>>().join(","),
            dims.iter().map(|d| d.name()).collect::<Vec<_>>().join(","),
            period.start,
            period.end,
            period.label(),
        );
        let query = relais_kpi::Query {
            kpis: wanted,
            dims,
            period,
            lang: ctx.lang,
        };
        let all = snap.kpis(&key, &query);
        if ctx.scope.is_all() {
            return Ok(Json(&*all).into_response());
        }
        let mine = in_scope(&all, |dim, id| sees(snap, &ctx.scope, dim, id));
        Ok(Json(mine).into_response())
    })
    .await
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, HashSet};

    use super::*;

    fn row(slice: &[(&'static str, &str)]) -> Row {
        let slice: BTreeMap<&'static str, String> =
            slice.iter().map(|&(k, v)| (k, v.to_string())).collect();
        Row::new("response_rate", slice, "2026").value(0.5, 10, Some((0.2, 0.8)))
    }

    fn referent() -> Scope {
        Scope::Territories {
            agencies: HashSet::from([1]),
            directions: HashSet::new(),
        }
    }

    #[test]
    fn a_referent_query_without_a_place_is_cut_by_agency() {
        let dims = Dim::parse_list("network,month").unwrap();
        assert_eq!(
            placed(dims.clone(), &referent()),
            [dims.clone(), vec![Dim::Agency]].concat()
        );
        assert_eq!(placed(dims.clone(), &Scope::All), dims);
        let by_residence = Dim::parse_list("residence").unwrap();
        assert_eq!(placed(by_residence.clone(), &referent()), by_residence);
        assert_eq!(placed(Vec::new(), &referent()), vec![Dim::Agency]);
    }

    #[test]
    fn a_referent_gets_only_rows_whose_every_place_is_theirs() {
        let rows = vec![
            row(&[]),
            row(&[("network", "facebook")]),
            row(&[("agency", "ag-a")]),
            row(&[("agency", "ag-b")]),
            row(&[("agency", "ag-a"), ("network", "facebook")]),
            row(&[("agency", "ag-a"), ("residence", "res-b")]),
            row(&[("residence", "res-a"), ("territory", "dir")]),
        ];
        let mine = |dim: &str, id: &str| match dim {
            "agency" => id == "ag-a",
            "residence" => id == "res-a",
            _ => false,
        };
        let kept: Vec<&Row> = in_scope(&rows, mine);
        assert_eq!(kept, vec![&rows[2], &rows[4]]);
    }

    #[test]
    fn kept_rows_serialise_as_relais_kpi_json_prints_them() {
        let rows = vec![row(&[("agency", "ag-a")])];
        let kept = in_scope(&rows, |_, _| true);
        assert_eq!(
            serde_json::to_value(&kept).unwrap(),
            serde_json::to_value(&rows).unwrap()
        );
    }
}
