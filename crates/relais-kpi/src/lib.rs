//! The KPI engine of relais: the non-commercial KPIs of `kpis.md`, each with
//! its definition word for word, computed on any slice (organisation,
//! network, account, author kind, theme, audience, territory, agency,
//! residence) and period, from [`Facts`] held in memory.
//!
//! No IO: the store builds the facts, the CLI, the API and the audit read the
//! rows. Every value carries the number of items behind it and, for rates,
//! a 95 % interval and a test against the rest of the landlord; a value that
//! cannot be computed says why instead of showing 0.

pub mod calendar;
pub mod catalogue;
pub mod engine;
pub mod facts;
pub mod format;
pub mod kpis;
pub mod period;
pub mod row;
pub mod sample;
pub mod slice;
pub mod stats;

pub use catalogue::{CATALOGUE, Kpi};
pub use engine::{Query, compute};
pub use facts::Facts;
pub use kpis::{Ambassador, SurveyPoint, ambassadors, survey_points};
pub use period::{Grain, Period, PeriodError};
pub use row::Row;
pub use slice::{Dim, DimError};
