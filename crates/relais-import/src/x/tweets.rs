//! The legacy per-tweet "Tweet activity" export
//! (`tweet_activity_metrics_<user>_<from>_<to>_<lang>.csv`, 40 quoted
//! columns): one post and its lifetime figures per row. It must not store
//! the promoted (paid) figures, nor guess a video from `media views`.
//!
//! Mapping: impressions → impressions, engagements → engagements, retweets →
//! shares, replies → comments, likes (2015: favorites) → reactions, url
//! clicks → link_clicks, user profile clicks → profile_visits, follows →
//! follows_gained. `media views` counts views of any media (images, GIFs,
//! videos) and the file never says which: it is known, not stored (never
//! `video_views`). Engagement rate (derived), hashtag clicks, detail
//! expands, permalink clicks, app opens and installs, email tweet, dial
//! phone and media engagements are known, not stored.

use relais_core::{MediaType, Metric, Network};

use super::legacy::{self, PROMOTED};
use crate::grid::{Grid, Row};
use crate::header::{Field, Header};
use crate::records::{AccountHint, PostMetric, PostRecord};
use crate::values;
use crate::{Ctx, ErrorKind, Format, ImportError, Parsed};

const LEAD: &[Field] = &[
    Field {
        key: "id",
        names: &["Tweet id", "Identifiant du Tweet"],
    },
    Field {
        key: "permalink",
        names: &["Tweet permalink", "Permalien du Tweet"],
    },
    Field {
        key: "text",
        names: &["Tweet text", "Texte du Tweet"],
    },
    Field {
        key: "time",
        names: &["time", "heure"],
    },
];

const STORED: &[(&str, Metric)] = &[
    ("impressions", Metric::Impressions),
    ("engagements", Metric::Engagements),
    ("retweets", Metric::Shares),
    ("replies", Metric::Comments),
    ("likes", Metric::Reactions),
    ("url_clicks", Metric::LinkClicks),
    ("user_profile_clicks", Metric::ProfileVisits),
    ("follows", Metric::FollowsGained),
];

pub(super) fn parse(grid: &Grid, ctx: &Ctx) -> Result<Parsed, ImportError> {
    let fields = legacy::fields(LEAD);
    let (header, rows) = super::header(grid, &fields, ctx)?;
    super::require(&header, "id", "Tweet id", ctx)?;
    let promoted = super::columns_named(&header, PROMOTED.names);
    let mut parsed = Parsed::new(Format::XTweetActivity, Network::X, ctx.encoding);
    parsed.warnings.extend(header.unknown_warning());
    let mut promoted_rows = Vec::new();
    for row in rows.iter().filter(|r| !r.is_blank()) {
        parsed.rows += 1;
        if header.get(row, "id").is_empty() && super::no_data(row, &[]) {
            parsed.skipped += 1;
            continue;
        }
        if legacy::is_promoted(row, &promoted) {
            promoted_rows.push(row.line);
        }
        read_row(&header, row, ctx, &mut parsed)?;
    }
    if parsed.rows == 0 {
        return Err(ImportError::new(ctx.file, ErrorKind::NoRows).at_line(header.line));
    }
    let handles: Vec<Option<&str>> = parsed
        .posts
        .iter()
        .map(|p| p.account.handle.as_deref())
        .collect();
    parsed.account.handle = super::common_handle(handles);
    parsed.warnings.extend(legacy::promoted_warning(
        &promoted_rows,
        "tweet(s)",
        "tweet(s)",
    ));
    Ok(parsed)
}

fn read_row(header: &Header, row: &Row, ctx: &Ctx, parsed: &mut Parsed) -> Result<(), ImportError> {
    let id = values::id(header.get(row, "id"))
        .map_err(|k| super::cell_error(ctx, header, row, "id", k))?;
    let published_at = if header.has("time") {
        values::x_time(header.get(row, "time"))
            .map_err(|k| super::cell_error(ctx, header, row, "time", k))?
    } else {
        // A file cut down to a subset of columns: the id still knows its time.
        super::snowflake(&id).ok_or_else(|| {
            ImportError::new(
                ctx.file,
                ErrorKind::MissingColumn {
                    expected: "time".into(),
                },
            )
            .at_line(header.line)
        })?
    };
    let permalink = Some(header.get(row, "permalink"))
        .filter(|p| !p.is_empty())
        .map(str::to_string);
    let figures = super::figures(header, row, STORED, ctx)?;
    // The file says whether a tweet had media or a link only through its
    // figures: media seen or clicked → photo (X does not say photo or video),
    // a link clicked → link.
    let has_media = super::value_of(header, row, "media_views") > 0.0
        || super::value_of(header, row, "media_engagements") > 0.0;
    let media = if has_media {
        MediaType::Photo
    } else if super::value_of(header, row, "url_clicks") > 0.0 {
        MediaType::Link
    } else {
        MediaType::Text
    };
    parsed.posts.push(PostRecord {
        line: row.line,
        network_id: id.clone(),
        account: AccountHint {
            handle: permalink.as_deref().and_then(super::handle_of),
            ..AccountHint::default()
        },
        published_at,
        text: header.get(row, "text").to_string(),
        permalink,
        media,
    });
    parsed
        .post_metrics
        .extend(figures.into_iter().map(|(metric, value)| PostMetric {
            line: row.line,
            post_id: id.clone(),
            metric,
            value,
        }));
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::{ErrorKind, Options, parse};
    use relais_core::Metric;

    fn run(text: &str) -> Result<crate::Parsed, crate::ImportError> {
        parse("tweets.csv", text.as_bytes(), &Options::default())
    }

    #[test]
    fn a_subset_of_reordered_columns_is_enough() {
        let p = run("\"likes\",\"Tweet permalink\",\"Tweet id\",\"time\",\"Tweet text\"\n\
                     \"3.0\",\"https://twitter.com/hv/status/1366\",\"1366\",\"2021-02-28 08:42 +0000\",\"Bonjour\"\n")
        .unwrap();
        assert_eq!(p.posts[0].published_at.rfc3339(), "2021-02-28T08:42:00Z");
        assert_eq!(p.posts[0].text, "Bonjour");
        assert_eq!(p.account.handle.as_deref(), Some("hv"));
        assert_eq!(p.post_metrics.len(), 1);
        assert_eq!(
            (p.post_metrics[0].metric, p.post_metrics[0].value),
            (Metric::Reactions, 3.0)
        );
    }

    #[test]
    fn a_dash_is_not_reported_and_never_zero() {
        let p = run("Tweet id,Tweet permalink,time,impressions,retweets\n\
                     1366,https://twitter.com/hv/status/1366,2021-02-28 08:42 +0000,-,0\n")
        .unwrap();
        let metrics: Vec<_> = p.post_metrics.iter().map(|m| (m.metric, m.value)).collect();
        assert_eq!(metrics, vec![(Metric::Shares, 0.0)]);
    }

    #[test]
    fn a_bad_time_names_its_line_and_column() {
        let e = run(
            "Tweet id,Tweet permalink,time\n1366,https://twitter.com/hv/status/1366,28/02/2021\n",
        )
        .unwrap_err();
        assert_eq!((e.line, e.column.as_deref()), (Some(2), Some("time")));
        assert!(matches!(e.kind, ErrorKind::BadValue { .. }));
    }

    #[test]
    fn an_empty_id_with_figures_is_refused() {
        let e = run("Tweet id,Tweet permalink,time,impressions\n,,2021-02-28 08:42 +0000,12\n")
            .unwrap_err();
        assert_eq!((e.line, e.column.as_deref()), (Some(2), Some("Tweet id")));
        assert_eq!(e.kind, ErrorKind::EmptyId);
    }

    #[test]
    fn without_a_time_column_the_snowflake_gives_the_time() {
        let p = run("Tweet id,Tweet permalink,impressions\n1455000000000000000,https://twitter.com/hv/status/1,5\n").unwrap();
        assert_eq!(p.posts[0].published_at.rfc3339(), "2021-11-01T02:33:27Z");
    }

    /// French legacy headers (from a real French export's columns). `detect`
    /// does not recognise them yet, so the parser is called directly.
    #[test]
    fn legacy_french_headers_map_by_name() {
        let text = "\"Identifiant du Tweet\",\"Permalien du Tweet\",\"Texte du Tweet\",\"heure\",\"impressions\",\
                    \"Retweets\",\"réponses\",\"J’aime\"\n\
                    \"1366\",\"https://twitter.com/hv/status/1366\",\"Bonjour\",\"2017-05-02 07:10 +0000\",\"120.0\",\
                    \"2.0\",\"1.0\",\"5.0\"\n";
        let grid = crate::grid::from_csv("f.csv", text).unwrap();
        let ctx = crate::Ctx {
            file: "f.csv",
            tz: chrono_tz::Europe::Paris,
            encoding: "UTF-8",
        };
        let p = super::parse(&grid, &ctx).unwrap();
        assert!(p.warnings.is_empty(), "{:?}", p.warnings);
        let got: Vec<_> = p.post_metrics.iter().map(|m| (m.metric, m.value)).collect();
        assert_eq!(
            got,
            vec![
                (Metric::Impressions, 120.0),
                (Metric::Shares, 2.0),
                (Metric::Comments, 1.0),
                (Metric::Reactions, 5.0)
            ]
        );
    }
}
