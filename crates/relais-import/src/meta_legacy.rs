//! The legacy Facebook Insights post-level export (before Business Suite):
//! a names row, then a row of long descriptions, then one row per post with
//! lifetime figures; some names repeat (a count, then a unique count), so
//! such columns are read by their position within the group of equal names.
//! It reads rows into records; it must not decide the format (`detect`).

#[cfg(test)]
#[path = "meta/legacy_tests.rs"]
mod tests;

use std::collections::BTreeSet;

use relais_core::{MediaType, Metric, Network};

use crate::error::Warning;
use crate::grid::{Grid, Row};
use crate::header::{Field, Header};
use crate::meta_posts::shared::{self, Columns, at, some};
use crate::records::{AccountHint, PostMetric, PostRecord};
use crate::values;
use crate::{Ctx, ErrorKind, Format, ImportError, Parsed};

const FIELDS: &[Field] = &[
    Field {
        key: "post_id",
        names: &["Post ID"],
    },
    Field {
        key: "permalink",
        names: &["Permalink"],
    },
    Field {
        key: "message",
        names: &["Post Message"],
    },
    Field {
        key: "type",
        names: &["Type"],
    },
    Field {
        key: "posted",
        names: &["Posted"],
    },
    Field {
        key: "countries",
        names: &["Countries"],
    },
    Field {
        key: "languages",
        names: &["Languages"],
    },
    Field {
        key: "targeting",
        names: &["Audience Targeting"],
    },
];

/// A stored metric: the columns that give it, by priority, each as (name,
/// position within the group of columns of that name). Position 0 is the
/// total count; a repeated name's second column is a unique count.
///
/// `Lifetime Engaged Users` is a number of people, not of interactions, so
/// it is not stored as `engagements`; `Lifetime Post Consumptions` (clicks
/// anywhere in the post) is the old name of today's `Total clicks`.
const METRICS: &[(Metric, &[(&str, usize)])] = &[
    (Metric::Reach, &[("Lifetime Post Total Reach", 0)]),
    (
        Metric::Impressions,
        &[("Lifetime Post Total Impressions", 0)],
    ),
    (
        Metric::Comments,
        &[
            (
                "Lifetime Talking About This (Post) by action type - comment",
                0,
            ),
            ("Lifetime Post Stories by action type - comment", 0),
        ],
    ),
    (
        Metric::Reactions,
        &[
            (
                "Lifetime Talking About This (Post) by action type - like",
                0,
            ),
            ("Lifetime Post Stories by action type - like", 0),
        ],
    ),
    (
        Metric::Shares,
        &[
            (
                "Lifetime Talking About This (Post) by action type - share",
                0,
            ),
            ("Lifetime Post Stories by action type - share", 0),
        ],
    ),
    (Metric::Clicks, &[("Lifetime Post Consumptions", 0)]),
    (
        Metric::LinkClicks,
        &[("Lifetime Post Consumptions by type - link clicks", 0)],
    ),
];

pub(crate) fn parse(grid: &Grid, ctx: &Ctx) -> Result<Parsed, ImportError> {
    let mut parsed = Parsed::new(
        Format::LegacyFacebookInsights,
        Network::Facebook,
        ctx.encoding,
    );
    let Some((start, head)) = grid.first_row() else {
        return Err(ImportError::new(ctx.file, ErrorKind::Empty));
    };
    let mut header = Header::map(head, FIELDS);
    // Every legacy metric starts with `Lifetime` (or `Daily` in some years);
    // relais stores the few of METRICS and knows the others.
    header
        .unknown
        .retain(|n| !shared::known_by_word(n, &["lifetime", "daily"]));
    parsed.warnings.extend(header.unknown_warning());
    let cols = Columns::new(&header, FIELDS);
    shared::require(ctx, &cols, FIELDS, &["post_id", "posted"], head.line)?;
    let metric_columns: Vec<(Metric, Vec<usize>)> = METRICS
        .iter()
        .map(|(metric, sources)| {
            let columns = sources
                .iter()
                .filter_map(|(name, n)| header.positions(name).get(*n).copied())
                .collect();
            (*metric, columns)
        })
        .collect();
    let mut rows = grid
        .rows
        .iter()
        .skip(start + 1)
        .filter(|r| !r.is_blank())
        .peekable();
    if rows.peek().is_some_and(|r| is_description_row(&cols, r)) {
        rows.next();
    }
    let mut unknown_types = BTreeSet::new();
    for row in rows {
        parsed.rows += 1;
        let Some(id_cell) = cols.cell(row, "post_id") else {
            if ["message", "posted", "permalink"]
                .iter()
                .all(|k| cols.text(row, k).is_empty())
            {
                parsed.skipped += 1;
                continue;
            }
            return Err(at(ctx, row.line, cols.name("post_id"), ErrorKind::EmptyId));
        };
        let network_id =
            values::id(id_cell.value).map_err(|k| at(ctx, row.line, id_cell.column, k))?;
        let posted = cols.cell(row, "posted");
        let published_at = values::meta_time(posted.map_or("", |c| c.value), ctx.tz)
            .map_err(|k| at(ctx, row.line, cols.name("posted"), k))?;
        let kind = cols.text(row, "type");
        let media = media_of(kind).unwrap_or_else(|| {
            if !kind.is_empty() {
                unknown_types.insert(kind.to_string());
            }
            MediaType::Text
        });
        for (metric, columns) in &metric_columns {
            let Some(&i) = columns.iter().find(|&&i| !row.cell(i).is_empty()) else {
                continue;
            };
            let column = header.names.get(i).map_or("", |n| n.as_str());
            if let Some(value) =
                values::count(row.cell(i)).map_err(|k| at(ctx, row.line, column, k))?
            {
                parsed.post_metrics.push(PostMetric {
                    line: row.line,
                    post_id: network_id.clone(),
                    metric: *metric,
                    value,
                });
            }
        }
        // `<pageid>_<postid>`: the page is the part before the underscore.
        let page_id = network_id.split_once('_').map(|(page, _)| page.to_string());
        parsed.posts.push(PostRecord {
            line: row.line,
            account: AccountHint {
                network_id: page_id,
                ..AccountHint::default()
            },
            network_id,
            published_at,
            text: shared::plain_newlines(cols.text(row, "message")),
            permalink: some(cols.text(row, "permalink")),
            media,
        });
    }
    if !unknown_types.is_empty() {
        let list = unknown_types.into_iter().collect::<Vec<_>>().join(", ");
        parsed.warnings.push(Warning::new(
            None,
            format!("types de publication inconnus de relais, lus comme texte : {list}"),
            format!("post types unknown to relais, read as text: {list}"),
        ));
    }
    if parsed.posts.is_empty() && parsed.skipped == 0 {
        return Err(ImportError::new(ctx.file, ErrorKind::NoRows));
    }
    parsed.account = shared::common_account(&parsed.posts);
    Ok(parsed)
}

/// The second header row: no post id, no date (its first 8 cells are
/// empty), and words where figures would be.
fn is_description_row(cols: &Columns, row: &Row) -> bool {
    cols.text(row, "post_id").is_empty()
        && cols.text(row, "posted").is_empty()
        && row
            .cells
            .iter()
            .any(|c| !c.trim().is_empty() && values::count(c).is_err())
}

/// Legacy `Type`: `Photo`, `Link`, `Status`, `Video` (and `SharedVideo`).
fn media_of(kind: &str) -> Option<MediaType> {
    let media = match kind.trim().to_ascii_lowercase().replace(' ', "").as_str() {
        "photo" => MediaType::Photo,
        "link" => MediaType::Link,
        "status" => MediaType::Text,
        "video" | "sharedvideo" => MediaType::Video,
        _ => return None,
    };
    Some(media)
}
