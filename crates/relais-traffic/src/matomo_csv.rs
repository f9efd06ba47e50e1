//! Matomo's CSV and TSV exports (the Reporting API with `format=CSV` or
//! `TSV`, or the "export" button): UTF-16LE with a byte-order mark by
//! default, or UTF-8; one row per day and label when exported with
//! `period=day` over a range of dates (the `date` column).
//!
//! Which report a file is comes from its content, never its name:
//! no `label` column is `VisitsSummary.get`; labels that are all social
//! networks are `Referrers.getSocials`; other labels are campaigns
//! (`Referrers.getCampaigns`). The three together give the same rows as
//! the API path ([`crate::matomo::rows`]).

use std::collections::BTreeMap;

use crate::channel::Channel;
use crate::matomo::{Table, network};

/// Which Matomo report a CSV file holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MatomoCsv {
    Socials(Table),
    Campaigns(Table),
    /// Per day, (visits, actions).
    Summary(BTreeMap<String, (u64, u64)>),
}

/// Why a Matomo export cannot be read: where and what to do.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct MatomoCsvError {
    pub line: u64,
    pub message: String,
}

fn fail(line: u64, message: impl Into<String>) -> MatomoCsvError {
    MatomoCsvError {
        line,
        message: message.into(),
    }
}

/// The text of a Matomo export: UTF-16LE or UTF-16BE with a byte-order
/// mark, or UTF-8 (with or without one).
fn decode(bytes: &[u8]) -> Option<String> {
    let utf16 = |rest: &[u8], le: bool| {
        let units: Vec<u16> = rest
            .chunks_exact(2)
            .map(|c| {
                if le {
                    u16::from_le_bytes([c[0], c[1]])
                } else {
                    u16::from_be_bytes([c[0], c[1]])
                }
            })
            .collect();
        String::from_utf16(&units).ok()
    };
    match bytes {
        [0xFF, 0xFE, rest @ ..] => utf16(rest, true),
        [0xFE, 0xFF, rest @ ..] => utf16(rest, false),
        [0xEF, 0xBB, 0xBF, rest @ ..] => std::str::from_utf8(rest).ok().map(str::to_string),
        _ => std::str::from_utf8(bytes).ok().map(str::to_string),
    }
}

/// Does this look like a Matomo export (a header with `nb_visits`)?
pub fn is_matomo_csv(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4096)];
    // A cut in the middle of a UTF-16 pair or a UTF-8 sequence: keep what decodes.
    let even = head.len() - head.len() % 2;
    let text = decode(&head[..even]).or_else(|| decode(&head[..even.saturating_sub(2)]));
    let text = text.unwrap_or_else(|| String::from_utf8_lossy(head).into_owned());
    text.lines().next().is_some_and(|h| h.contains("nb_visits"))
}

/// Reads one Matomo export.
pub fn parse(bytes: &[u8]) -> Result<MatomoCsv, MatomoCsvError> {
    let text =
        decode(bytes).ok_or_else(|| fail(1, "neither UTF-16 with a byte-order mark nor UTF-8"))?;
    let header_line = text.lines().next().unwrap_or_default();
    let sep = if header_line.contains('\t') {
        b'\t'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(sep)
        .flexible(true)
        .from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .map_err(|e| fail(1, e.to_string()))?
        .iter()
        .map(|h| h.trim().to_lowercase())
        .collect();
    let col = |name: &str| header.iter().position(|h| h == name);
    let visits =
        col("nb_visits").ok_or_else(|| fail(1, "no nb_visits column: is this a Matomo export?"))?;
    let date = col("date").ok_or_else(|| {
        fail(1, "no date column: export with period=day over a range of dates (date=2026-01-01,2026-01-31)")
    })?;
    let actions = col("nb_actions");
    let label = col("label");
    let mut summary: BTreeMap<String, (u64, u64)> = BTreeMap::new();
    let mut table = Table::new();
    for record in reader.records() {
        let record =
            record.map_err(|e| fail(e.position().map_or(0, |p| p.line()), e.to_string()))?;
        let line = record.position().map_or(0, |p| p.line());
        let day = record.get(date).unwrap_or("").trim().to_string();
        if chrono::NaiveDate::parse_from_str(&day, "%Y-%m-%d").is_err() {
            return Err(fail(
                line,
                format!("date {day:?} is not a day (YYYY-MM-DD): export with period=day"),
            ));
        }
        let count = |i: Option<usize>, what: &str| -> Result<u64, MatomoCsvError> {
            let raw = i.and_then(|i| record.get(i)).unwrap_or("").trim();
            if raw.is_empty() {
                return Ok(0);
            }
            raw.parse::<f64>()
                .ok()
                .filter(|v| v.is_finite() && *v >= 0.0)
                .map(|v| v as u64)
                .ok_or_else(|| fail(line, format!("{what} {raw:?} is not a count")))
        };
        let (v, a) = (
            count(Some(visits), "nb_visits")?,
            count(actions, "nb_actions")?,
        );
        match label {
            None => {
                let e = summary.entry(day).or_default();
                (e.0, e.1) = (e.0 + v, e.1 + a);
            }
            Some(l) => {
                let name = record.get(l).unwrap_or("").trim().to_string();
                table.entry(day).or_default().push((name, v, a));
            }
        }
    }
    if label.is_none() {
        return Ok(MatomoCsv::Summary(summary));
    }
    let labels: Vec<&str> = table
        .values()
        .flatten()
        .map(|(l, _, _)| l.as_str())
        .filter(|l| !l.is_empty())
        .collect();
    let all_social = !labels.is_empty() && labels.iter().all(|l| network(l) != Channel::Other);
    Ok(if all_social {
        MatomoCsv::Socials(table)
    } else {
        MatomoCsv::Campaigns(table)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16le(text: &str) -> Vec<u8> {
        let mut out = vec![0xFF, 0xFE];
        out.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        out
    }

    #[test]
    fn a_utf16_socials_export_is_recognised_and_read() {
        let bytes = utf16le(
            "date,label,nb_uniq_visitors,nb_visits,nb_actions\n2026-01-05,Facebook,40,42,97\n2026-01-05,LinkedIn,9,10,21\n2026-01-06,Facebook,30,31,60\n",
        );
        assert!(is_matomo_csv(&bytes));
        let MatomoCsv::Socials(t) = parse(&bytes).unwrap() else {
            panic!("socials")
        };
        assert_eq!(
            t["2026-01-05"],
            vec![("Facebook".into(), 42, 97), ("LinkedIn".into(), 10, 21)]
        );
        assert_eq!(t["2026-01-06"].len(), 1);
    }

    #[test]
    fn campaigns_and_the_summary_are_told_apart_by_their_content() {
        let c = parse(b"date,label,nb_visits,nb_actions\n2026-01-05,fete-voisins,7,9\n").unwrap();
        assert!(matches!(c, MatomoCsv::Campaigns(_)));
        let s = parse(
            "date\tnb_uniq_visitors\tnb_visits\tnb_actions\n2026-01-05\t300\t320\t800\n".as_bytes(),
        )
        .unwrap();
        assert_eq!(
            s,
            MatomoCsv::Summary(BTreeMap::from([("2026-01-05".to_string(), (320, 800))]))
        );
    }

    #[test]
    fn a_single_period_export_or_a_bad_count_is_refused_with_its_line() {
        let e = parse(b"label,nb_visits\nFacebook,3\n").unwrap_err();
        assert!(e.message.contains("period=day"), "{e}");
        let e =
            parse(b"date,label,nb_visits\n2026-01-05,Facebook,3\n2026-01-06,Facebook,beaucoup\n")
                .unwrap_err();
        assert_eq!(e.line, 3);
        assert!(!is_matomo_csv(
            b"127.0.0.1 - - [05/Jan/2026:10:00:00 +0100] \"GET / HTTP/1.1\" 200 1 \"-\" \"-\"\n"
        ));
    }
}
