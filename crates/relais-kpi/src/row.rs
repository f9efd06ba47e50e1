//! One KPI value as the CLI, the API and the audit show it: its slice, its
//! period, the value and the number of items behind it, its 95 % interval,
//! whether it differs significantly from the rest of the landlord, or why it
//! is not available. A missing value is never 0.

use std::collections::BTreeMap;

use serde::Serialize;

/// One row of `relais kpi --json`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    pub kpi: &'static str,
    pub slice: BTreeMap<&'static str, String>,
    pub period: String,
    pub value: Option<f64>,
    pub n: u64,
    pub interval: Option<[f64; 2]>,
    pub available: bool,
    pub reason: Option<String>,
    /// What the value counts when a KPI has several (`business_hours`, `posts_per_week`…).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<&'static str>,
    /// For a slice of a rate: does it differ from the rest of the landlord at 95 %?
    #[serde(skip_serializing_if = "Option::is_none")]
    pub significant: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub p_value: Option<f64>,
}

impl Row {
    pub fn new(kpi: &'static str, slice: BTreeMap<&'static str, String>, period: &str) -> Self {
        Row {
            kpi,
            slice,
            period: period.to_string(),
            value: None,
            n: 0,
            interval: None,
            available: false,
            reason: None,
            unit: None,
            significant: None,
            p_value: None,
        }
    }

    pub fn unit(mut self, unit: &'static str) -> Self {
        self.unit = Some(unit);
        self
    }

    /// The row of a measured value.
    pub fn value(mut self, value: f64, n: u64, interval: Option<(f64, f64)>) -> Self {
        self.value = Some(value);
        self.n = n;
        self.interval = interval.map(|(a, b)| [a, b]);
        self.available = true;
        self.reason = None;
        self
    }

    /// The row of a value that cannot be computed, and why.
    pub fn missing(mut self, n: u64, reason: String) -> Self {
        self.value = None;
        self.n = n;
        self.interval = None;
        self.available = false;
        self.reason = Some(reason);
        self
    }

    /// Records the test against the rest of the landlord.
    pub fn tested(mut self, p: Option<f64>) -> Self {
        if let Some(p) = p {
            self.p_value = Some(p);
            self.significant = Some(p < 0.05);
        }
        self
    }

    /// The slice value along one dimension, if the row has it.
    pub fn at(&self, dim: &str) -> Option<&str> {
        self.slice.get(dim).map(String::as_str)
    }
}
