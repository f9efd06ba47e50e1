//! The Page's own daily insights (views, reach, engagements, follows and
//! unfollows, page views), from the day after the last one read to
//! yesterday (28 days back on a first run, 90 days at most per call), as
//! account-level daily values. Each Graph metric keeps its name in the
//! value's source: `page_media_view` and the older `page_impressions` stay
//! different series.

use chrono::{Duration, NaiveDate};
use relais_core::{AccountMetric, AccountMetricValue};
use relais_store::{ConnectStore, Store};
use serde_json::Value;

use super::Sync;
use crate::error::ConnectError;
use crate::insights;
use crate::map::{self, Insight, Listing};

/// The Page metrics relais asks (platforms.md §7, state in 2026).
const PAGE_METRICS: [&str; 6] = [
    "page_media_view",
    "page_total_media_view_unique",
    "page_post_engagements",
    "page_daily_follows_unique",
    "page_daily_unfollows_unique",
    "page_views_total",
];

/// The cursor holding the last day read.
const STREAM: &str = "page_insights";

/// Days read on a first run, and at most per call.
const FIRST_DAYS: i64 = 28;
const MAX_DAYS: i64 = 90;

/// Which account metric a Graph Page metric is.
fn metric_of(name: &str) -> Option<AccountMetric> {
    Some(match name {
        "page_media_view" => AccountMetric::Views,
        "page_impressions" => AccountMetric::Impressions,
        "page_total_media_view_unique" => AccountMetric::Reach,
        "page_impressions_unique" => AccountMetric::UniqueImpressions,
        "page_post_engagements" => AccountMetric::Engagements,
        "page_daily_follows_unique" => AccountMetric::NewFollowers,
        "page_daily_unfollows_unique" => AccountMetric::Unfollows,
        "page_views_total" => AccountMetric::PageViews,
        _ => return None,
    })
}

/// What to ask when Meta refuses a Page metric: the 2025 successor, or on
/// older API versions the metric it replaced.
fn fallback(name: &str) -> Option<&'static str> {
    Some(match name {
        "page_impressions" => "page_media_view",
        "page_impressions_unique" => "page_total_media_view_unique",
        "page_media_view" => "page_impressions",
        "page_total_media_view_unique" => "page_impressions_unique",
        _ => return None,
    })
}

/// The day a daily value is for: Meta's `end_time` is the end of that day
/// (midnight, Pacific time), so the day before `end_time`'s date in UTC
/// (07:00 or 08:00) is meant.
fn day_of(end_time: &str) -> Option<NaiveDate> {
    let end = map::time(end_time).ok()?;
    Some(end.utc().date_naive() - Duration::days(1))
}

/// A value as a number: a breakdown object counts as the sum of its numbers.
fn number(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => n.as_f64(),
        Value::Object(m) => Some(m.values().filter_map(Value::as_f64).sum()),
        _ => None,
    }
}

impl<S: Store + ConnectStore> Sync<'_, S> {
    /// Reads the Page's daily insights not read yet, up to yesterday.
    pub(super) async fn page_insights(&mut self) -> Result<(), ConnectError> {
        let yesterday = self.run.now.utc().date_naive() - Duration::days(1);
        let mut from = match self.run.cursor(STREAM).await? {
            Some(last) => match NaiveDate::parse_from_str(&last, "%Y-%m-%d") {
                Ok(d) => d + Duration::days(1),
                Err(_) => yesterday - Duration::days(FIRST_DAYS - 1),
            },
            None => yesterday - Duration::days(FIRST_DAYS - 1),
        };
        let mut metrics: Vec<String> = PAGE_METRICS.iter().map(|m| m.to_string()).collect();
        while from <= yesterday {
            let to = yesterday.min(from + Duration::days(MAX_DAYS - 1));
            self.page_days(from, to, &mut metrics).await?;
            self.run
                .set_cursor(STREAM, &to.format("%Y-%m-%d").to_string())
                .await?;
            from = to + Duration::days(1);
        }
        Ok(())
    }

    /// One call's days, `from` to `to` included, in one batch.
    async fn page_days(
        &mut self,
        from: NaiveDate,
        to: NaiveDate,
        metrics: &mut Vec<String>,
    ) -> Result<(), ConnectError> {
        let midnight = |d: NaiveDate| {
            d.and_hms_opt(0, 0, 0)
                .map_or(0, |t| t.and_utc().timestamp())
        };
        let path = format!(
            "{}/insights?period=day&since={}&until={}",
            self.run.network_id,
            midnight(from),
            midnight(to + Duration::days(1))
        );
        let how = insights::Ask {
            path: &path,
            fallback,
            kind: None,
        };
        let answers = insights::ask(&self.graph, &how, metrics, &mut self.run.notes)
            .await
            .map_err(|e| self.fail(e, "read_insights"))?;
        let mut daily = Vec::new();
        for answer in &answers {
            let listing: Listing<Insight> = self.parse(answer.clone())?;
            for insight in &listing.data {
                let Some(metric) = metric_of(&insight.name) else {
                    continue;
                };
                for v in &insight.values {
                    let (Some(day), Some(value)) =
                        (v.end_time.as_deref().and_then(day_of), number(&v.value))
                    else {
                        continue;
                    };
                    if day < from || day > to {
                        continue;
                    }
                    daily.push(AccountMetricValue {
                        account: self.run.account.id.clone(),
                        day,
                        metric,
                        value,
                        source: format!("graph_api:{}", insight.name),
                    });
                }
            }
        }
        let data = Value::Array(answers);
        let mut batch = self.run.batch(STREAM, &[&data]);
        batch.daily = daily;
        self.run.write(batch).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_daily_value_is_for_the_day_before_its_end_time() {
        assert_eq!(
            day_of("2026-03-09T08:00:00+0000"),
            NaiveDate::from_ymd_opt(2026, 3, 8)
        );
        assert_eq!(day_of("not a time"), None);
    }

    #[test]
    fn breakdowns_count_as_their_sum_and_views_stay_apart_from_impressions() {
        assert_eq!(number(&serde_json::json!({"a": 2, "b": 3})), Some(5.0));
        assert_eq!(number(&serde_json::json!("x")), None);
        assert_ne!(metric_of("page_media_view"), metric_of("page_impressions"));
        assert_eq!(fallback("page_impressions"), Some("page_media_view"));
    }
}
