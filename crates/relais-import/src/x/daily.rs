//! The two account-level daily series of X: the legacy
//! `daily_tweet_activity_metrics_<user>_<from>_<to>_<lang>.csv` and the
//! 2024+ `account_overview_analytics.csv`. One row per day, one
//! [`DailyRecord`] per reported figure. They must not store paid figures
//! (legacy `promoted …`) nor X's `Shares` (see the parent module).
//!
//! Legacy mapping: Tweets published → posts_published, impressions,
//! engagements, retweets → shares, replies → comments, likes (favorites) →
//! reactions, url clicks → link_clicks, user profile clicks →
//! profile_visits, media views → media_views. Its `follows` counts only the
//! follows made from a tweet, not the account's new followers: known, not
//! stored (it would understate `new_followers`).
//!
//! Overview mapping: Impressions, Likes → reactions, Engagements, Bookmarks →
//! saves, New follows → new_followers, Unfollows, Replies → comments,
//! Reposts → shares, Profile visits, Create Post → posts_published, Video
//! views → video_views, Media views → media_views. French names are [P].

use relais_core::{AccountMetric, Network};

use super::legacy::{self, PROMOTED};
use crate::grid::{Grid, Row};
use crate::header::{Field, Header};
use crate::records::DailyRecord;
use crate::values;
use crate::{Ctx, ErrorKind, Format, ImportError, Parsed};

const LEGACY_LEAD: &[Field] = &[
    Field {
        key: "date",
        names: &["Date"],
    },
    Field {
        key: "tweets_published",
        names: &["Tweets published", "Tweets publiés"],
    },
];

const LEGACY_STORED: &[(&str, AccountMetric)] = &[
    ("tweets_published", AccountMetric::PostsPublished),
    ("impressions", AccountMetric::Impressions),
    ("engagements", AccountMetric::Engagements),
    ("retweets", AccountMetric::Shares),
    ("replies", AccountMetric::Comments),
    ("likes", AccountMetric::Reactions),
    ("url_clicks", AccountMetric::LinkClicks),
    ("user_profile_clicks", AccountMetric::ProfileVisits),
    ("media_views", AccountMetric::MediaViews),
];

const OVERVIEW: &[Field] = &[
    Field {
        key: "date",
        names: &["Date"],
    },
    Field {
        key: "impressions",
        names: &["Impressions"],
    },
    Field {
        key: "likes",
        names: &["Likes", "J'aime"],
    },
    Field {
        key: "engagements",
        names: &["Engagements"],
    },
    Field {
        key: "bookmarks",
        names: &["Bookmarks", "Signets"],
    },
    Field {
        key: "shares",
        names: &["Shares", "Partages"],
    },
    Field {
        key: "new_follows",
        names: &["New follows", "Nouveaux abonnements"],
    },
    Field {
        key: "unfollows",
        names: &["Unfollows", "Désabonnements"],
    },
    Field {
        key: "replies",
        names: &["Replies", "Réponses"],
    },
    Field {
        key: "reposts",
        names: &["Reposts"],
    },
    Field {
        key: "profile_visits",
        names: &["Profile visits", "Visites du profil"],
    },
    Field {
        key: "create_post",
        names: &["Create Post", "Créer un post"],
    },
    Field {
        key: "video_views",
        names: &["Video views", "Vues de vidéos"],
    },
    Field {
        key: "media_views",
        names: &["Media views", "Vues de médias"],
    },
];

const OVERVIEW_STORED: &[(&str, AccountMetric)] = &[
    ("impressions", AccountMetric::Impressions),
    ("likes", AccountMetric::Reactions),
    ("engagements", AccountMetric::Engagements),
    ("bookmarks", AccountMetric::Saves),
    ("new_follows", AccountMetric::NewFollowers),
    ("unfollows", AccountMetric::Unfollows),
    ("replies", AccountMetric::Comments),
    ("reposts", AccountMetric::Shares),
    ("profile_visits", AccountMetric::ProfileVisits),
    ("create_post", AccountMetric::PostsPublished),
    ("video_views", AccountMetric::VideoViews),
    ("media_views", AccountMetric::MediaViews),
];

pub(super) fn parse(format: Format, grid: &Grid, ctx: &Ctx) -> Result<Parsed, ImportError> {
    let legacy_fields = legacy::fields(LEGACY_LEAD);
    let (fields, stored): (&[Field], _) = match format {
        Format::XDailyActivity => (&legacy_fields, LEGACY_STORED),
        _ => (OVERVIEW, OVERVIEW_STORED),
    };
    let (header, rows) = super::header(grid, fields, ctx)?;
    super::require(&header, "date", "Date", ctx)?;
    let date_col: Vec<usize> = header.index("date").into_iter().collect();
    let promoted = super::columns_named(&header, PROMOTED.names);
    let mut parsed = Parsed::new(format, Network::X, ctx.encoding);
    parsed.warnings.extend(header.unknown_warning());
    if format == Format::XDailyActivity {
        parsed.account.handle = handle_in_file_name(ctx.file);
    }
    let mut promoted_days = Vec::new();
    for row in rows.iter().filter(|r| !r.is_blank()) {
        parsed.rows += 1;
        if header.get(row, "date").is_empty() && super::no_data(row, &date_col) {
            parsed.skipped += 1;
            continue;
        }
        if legacy::is_promoted(row, &promoted) {
            promoted_days.push(row.line);
        }
        read_row(&header, row, stored, ctx, &mut parsed)?;
    }
    if parsed.rows == 0 {
        return Err(ImportError::new(ctx.file, ErrorKind::NoRows).at_line(header.line));
    }
    parsed.warnings.extend(legacy::promoted_warning(
        &promoted_days,
        "jour(s)",
        "day(s)",
    ));
    Ok(parsed)
}

fn read_row(
    header: &Header,
    row: &Row,
    stored: &[(&str, AccountMetric)],
    ctx: &Ctx,
    parsed: &mut Parsed,
) -> Result<(), ImportError> {
    let day = values::day(header.get(row, "date"))
        .map_err(|k| super::cell_error(ctx, header, row, "date", k))?;
    let figures = super::figures(header, row, stored, ctx)?;
    parsed
        .daily
        .extend(figures.into_iter().map(|(metric, value)| DailyRecord {
            line: row.line,
            day,
            metric,
            value,
        }));
    Ok(())
}

/// The legacy daily file has no permalink; its name carries the handle:
/// `daily_tweet_activity_metrics_<user>_<YYYYMMDD>_<YYYYMMDD>_<lang>.csv`.
fn handle_in_file_name(file: &str) -> Option<String> {
    let base = file.rsplit(['/', '\\']).next()?;
    let stem = base.strip_prefix("daily_tweet_activity_metrics_")?;
    let stem = stem.strip_suffix(".csv").unwrap_or(stem);
    let mut parts = stem.rsplitn(4, '_');
    let _lang = parts.next()?;
    let dates = [parts.next()?, parts.next()?];
    let user = parts.next()?;
    let dated = dates
        .iter()
        .all(|d| d.len() == 8 && d.chars().all(|c| c.is_ascii_digit()));
    let valid = !user.is_empty() && user.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    (dated && valid).then(|| user.to_string())
}

#[cfg(test)]
mod tests {
    use super::handle_in_file_name;
    use crate::{AccountHint, Options, parse};
    use relais_core::AccountMetric;

    #[test]
    fn the_legacy_daily_file_name_gives_the_handle() {
        for (name, want) in [
            (
                "daily_tweet_activity_metrics_Habitat_Val_20210201_20210301_fr.csv",
                Some("Habitat_Val"),
            ),
            (
                "exports/daily_tweet_activity_metrics_hv_20210201_20210301_en.csv",
                Some("hv"),
            ),
            ("daily_tweet_activity_metrics_hv_2021_20210301_en.csv", None),
            ("daily.csv", None),
        ] {
            assert_eq!(handle_in_file_name(name).as_deref(), want, "{name}");
        }
    }

    #[test]
    fn an_overview_subset_in_any_order_gives_daily_records() {
        let p = parse(
            "account_overview_analytics.csv",
            b"Unfollows,Date,New follows\n1,2025-11-09,4\n",
            &Options::default(),
        )
        .unwrap();
        let got: Vec<_> = p.daily.iter().map(|d| (d.metric, d.value)).collect();
        assert_eq!(
            got,
            vec![
                (AccountMetric::NewFollowers, 4.0),
                (AccountMetric::Unfollows, 1.0)
            ]
        );
        assert_eq!(p.account, AccountHint::default());
    }

    #[test]
    fn a_day_with_figures_but_no_date_is_refused() {
        let e = parse("o.csv", b"Date,Create Post\n,3\n", &Options::default()).unwrap_err();
        assert_eq!((e.line, e.column.as_deref()), (Some(2), Some("Date")));
    }
}
