//! Matomo's Reporting API answers (JSON, `period=day`, `date=FROM,TO`) turned
//! into daily rows per source: `Referrers.getSocials` (visits from each
//! social network), `Referrers.getCampaigns` (visits per campaign) and
//! `VisitsSummary.get` (all visits; what is neither social nor campaign
//! becomes "other source"). Matomo answers a day without data with `[]`
//! and may write numbers as strings; both are accepted. No HTTP here: the
//! caller fetches the bytes.

use std::collections::BTreeMap;

use serde_json::Value;

use crate::channel::Channel;

/// One day's visits from one source (and campaign) in Matomo.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MatomoRow {
    pub day: String,
    pub channel: Channel,
    pub campaign: String,
    pub visits: u64,
    /// Matomo's actions (page views, downloads, outlinks).
    pub actions: u64,
}

/// A Matomo answer that cannot be used.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum MatomoError {
    /// Matomo said no (bad token, unknown site…): its own message.
    #[error("Matomo answered with an error: {0}")]
    Api(String),
    /// Not the documented shape.
    #[error(
        "unexpected answer from Matomo ({0}); is the URL Matomo's and the period made of days?"
    )]
    Shape(String),
}

/// Per day, the table's rows: (label, visits, actions).
pub type Table = BTreeMap<String, Vec<(String, u64, u64)>>;

/// Reads a `Referrers.getSocials` or `Referrers.getCampaigns` answer.
pub fn table(json: &[u8]) -> Result<Table, MatomoError> {
    let mut out = Table::new();
    for (day, value) in days(json)? {
        let rows = match value {
            Value::Array(rows) => rows,
            Value::Object(o) if o.is_empty() => Vec::new(),
            other => return Err(MatomoError::Shape(format!("{day}: {}", kind(&other)))),
        };
        let mut read = Vec::new();
        for row in rows {
            let label = row
                .get("label")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_string();
            read.push((
                label,
                number(&row, "nb_visits")?,
                number(&row, "nb_actions")?,
            ));
        }
        out.insert(day, read);
    }
    Ok(out)
}

/// Reads a `VisitsSummary.get` answer: per day, (visits, actions).
pub fn summary(json: &[u8]) -> Result<BTreeMap<String, (u64, u64)>, MatomoError> {
    let mut out = BTreeMap::new();
    for (day, value) in days(json)? {
        let figures = match &value {
            Value::Array(a) if a.is_empty() => (0, 0),
            Value::Object(_) => (number(&value, "nb_visits")?, number(&value, "nb_actions")?),
            other => return Err(MatomoError::Shape(format!("{day}: {}", kind(other)))),
        };
        out.insert(day, figures);
    }
    Ok(out)
}

/// The three answers as rows: socials by network, campaigns, and the rest.
pub fn rows(
    socials: &Table,
    campaigns: &Table,
    totals: &BTreeMap<String, (u64, u64)>,
) -> Vec<MatomoRow> {
    let mut out = Vec::new();
    for (day, &(visits, actions)) in totals {
        let (mut seen_visits, mut seen_actions) = (0u64, 0u64);
        let mut by_key: BTreeMap<(Channel, String), (u64, u64)> = BTreeMap::new();
        for (label, v, a) in socials.get(day).into_iter().flatten() {
            let e = by_key.entry((network(label), String::new())).or_default();
            (e.0, e.1) = (e.0 + v, e.1 + a);
        }
        for (label, v, a) in campaigns.get(day).into_iter().flatten() {
            let e = by_key
                .entry((Channel::Campaign, label.to_lowercase()))
                .or_default();
            (e.0, e.1) = (e.0 + v, e.1 + a);
        }
        for (v, a) in by_key.values() {
            seen_visits += v;
            seen_actions += a;
        }
        if visits > seen_visits {
            let e = by_key.entry((Channel::Other, String::new())).or_default();
            e.0 += visits - seen_visits;
            e.1 += actions.saturating_sub(seen_actions);
        }
        for ((channel, campaign), (v, a)) in by_key {
            out.push(MatomoRow {
                day: day.clone(),
                channel,
                campaign,
                visits: v,
                actions: a,
            });
        }
    }
    out
}

/// The network of one of Matomo's social labels (`Facebook`, `LinkedIn`…).
pub(crate) fn network(label: &str) -> Channel {
    let l = label.to_lowercase();
    let table = [
        ("facebook", Channel::Facebook),
        ("instagram", Channel::Instagram),
        ("linkedin", Channel::LinkedIn),
        ("twitter", Channel::X),
        ("youtube", Channel::YouTube),
        ("tiktok", Channel::TikTok),
        ("threads", Channel::Threads),
        ("bluesky", Channel::Bluesky),
        ("mastodon", Channel::Mastodon),
        ("nextdoor", Channel::Nextdoor),
        ("whatsapp", Channel::WhatsApp),
        ("pinterest", Channel::Pinterest),
        ("snapchat", Channel::Snapchat),
        ("reddit", Channel::Reddit),
        ("telegram", Channel::Telegram),
    ];
    if l == "x" {
        return Channel::X;
    }
    table
        .iter()
        .find(|(name, _)| l.contains(name))
        .map_or(Channel::Other, |&(_, c)| c)
}

/// The answer's days: `{"2026-01-05": …, …}`, or Matomo's error object.
fn days(json: &[u8]) -> Result<Vec<(String, Value)>, MatomoError> {
    let value: Value =
        serde_json::from_slice(json).map_err(|e| MatomoError::Shape(format!("not JSON: {e}")))?;
    let Value::Object(map) = value else {
        return Err(MatomoError::Shape(format!(
            "a {} instead of days",
            kind(&value)
        )));
    };
    if map.get("result").and_then(Value::as_str) == Some("error") {
        let message = map.get("message").and_then(Value::as_str).unwrap_or("");
        return Err(MatomoError::Api(message.to_string()));
    }
    let mut out = Vec::new();
    for (day, v) in map {
        if chrono::NaiveDate::parse_from_str(&day, "%Y-%m-%d").is_err() {
            return Err(MatomoError::Shape(format!("key {day:?} is not a day")));
        }
        out.push((day, v));
    }
    Ok(out)
}

/// A count that Matomo may write as a number or a string; absent is zero.
fn number(row: &Value, key: &str) -> Result<u64, MatomoError> {
    match row.get(key) {
        None | Some(Value::Null) => Ok(0),
        Some(Value::Number(n)) => n
            .as_u64()
            .or_else(|| n.as_f64().filter(|f| *f >= 0.0).map(|f| f as u64))
            .ok_or_else(|| MatomoError::Shape(format!("{key} = {n}"))),
        Some(Value::String(s)) => s
            .trim()
            .parse()
            .map_err(|_| MatomoError::Shape(format!("{key} = {s:?}"))),
        Some(other) => Err(MatomoError::Shape(format!("{key} is a {}", kind(other)))),
    }
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "list",
        Value::Object(_) => "object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SOCIALS: &str = r#"{"2026-01-05":[{"label":"Facebook","nb_uniq_visitors":9,"nb_visits":"12","nb_actions":30},{"label":"LinkedIn","nb_visits":3,"nb_actions":"4"},{"label":"Vkontakte","nb_visits":1,"nb_actions":1}],"2026-01-06":[]}"#;
    const CAMPAIGNS: &str =
        r#"{"2026-01-05":[{"label":"hiver-2026","nb_visits":5,"nb_actions":7}],"2026-01-06":[]}"#;
    const SUMMARY: &str = r#"{"2026-01-05":{"nb_uniq_visitors":80,"nb_visits":100,"nb_actions":"250","bounce_rate":"40%"},"2026-01-06":[]}"#;

    #[test]
    fn the_documented_shapes_become_daily_rows() {
        let rows = rows(
            &table(SOCIALS.as_bytes()).unwrap(),
            &table(CAMPAIGNS.as_bytes()).unwrap(),
            &summary(SUMMARY.as_bytes()).unwrap(),
        );
        let got: Vec<_> = rows
            .iter()
            .map(|r| {
                (
                    r.day.as_str(),
                    r.channel.code(),
                    r.campaign.as_str(),
                    r.visits,
                    r.actions,
                )
            })
            .collect();
        assert_eq!(
            got,
            vec![
                ("2026-01-05", "facebook", "", 12, 30),
                ("2026-01-05", "linkedin", "", 3, 4),
                ("2026-01-05", "campaign", "hiver-2026", 5, 7),
                ("2026-01-05", "other", "", 80, 209),
            ]
        );
    }

    #[test]
    fn errors_and_unexpected_shapes_are_said() {
        let err = table(br#"{"result":"error","message":"You can't access this resource"}"#);
        assert_eq!(
            err,
            Err(MatomoError::Api("You can't access this resource".into()))
        );
        assert!(matches!(table(b"[1,2]"), Err(MatomoError::Shape(_))));
        assert!(matches!(
            table(br#"{"hier":[]}"#),
            Err(MatomoError::Shape(_))
        ));
        assert!(matches!(
            summary(br#"{"2026-01-05":{"nb_visits":"beaucoup"}}"#),
            Err(MatomoError::Shape(_))
        ));
        assert!(matches!(table(b"<html>"), Err(MatomoError::Shape(_))));
    }
}
