//! The 2024+ per-post export (`account_analytics_content_<from>_<to>.csv`,
//! 17 columns, in the UI's language): one post and its lifetime figures per
//! row. It must not store X's `Shares` as shares (see the parent module),
//! nor invent an hour: the `Date` column has none, the time comes from the
//! post id (a snowflake), and the `Date` only checks it.
//!
//! Mapping: Impressions → impressions, Likes → reactions, Engagements →
//! engagements, Bookmarks → saves, Reposts → shares, New follows →
//! follows_gained, Replies → comments, Profile visits → profile_visits, URL
//! Clicks → link_clicks. Shares, Detail Expands, Hashtag Clicks and
//! Permalink Clicks are known, not stored.
//!
//! Localised headers: French names are [P] (written from X's French UI, no
//! real file seen). A 17-column header that names no field, or names only
//! some of them each at its standard place, is read by position (the order
//! was the same in the English and the Japanese exports, whose `共有された回数\`
//! carries a stray backslash), with one warning.

use chrono::NaiveTime;
use relais_core::{MediaType, Metric, Network};

use crate::error::Warning;
use crate::grid::{Grid, Row};
use crate::header::{Field, Header};
use crate::records::{AccountHint, PostMetric, PostRecord};
use crate::values;
use crate::{Ctx, ErrorKind, Format, ImportError, Parsed};

/// In the export's column order: position `i` is the standard place of
/// field `i`, for the by-position fall-back.
const FIELDS: &[Field] = &[
    Field {
        key: "id",
        names: &["Post id", "Identifiant du post", "ID du post"],
    },
    Field {
        key: "date",
        names: &["Date"],
    },
    Field {
        key: "text",
        names: &["Post text", "Texte du post"],
    },
    Field {
        key: "link",
        names: &["Post Link", "Lien du post"],
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
        key: "detail_expands",
        names: &["Detail Expands", "Développements des détails"],
    },
    Field {
        key: "url_clicks",
        names: &["URL Clicks", "Clics sur l'URL"],
    },
    Field {
        key: "hashtag_clicks",
        names: &["Hashtag Clicks", "Clics sur le hashtag"],
    },
    Field {
        key: "permalink_clicks",
        names: &["Permalink Clicks", "Clics sur le permalien"],
    },
];

const STORED: &[(&str, Metric)] = &[
    ("impressions", Metric::Impressions),
    ("likes", Metric::Reactions),
    ("engagements", Metric::Engagements),
    ("bookmarks", Metric::Saves),
    ("reposts", Metric::Shares),
    ("new_follows", Metric::FollowsGained),
    ("replies", Metric::Comments),
    ("profile_visits", Metric::ProfileVisits),
    ("url_clicks", Metric::LinkClicks),
];

pub(super) fn parse(grid: &Grid, ctx: &Ctx) -> Result<Parsed, ImportError> {
    let (by_name, rows) = super::header(grid, FIELDS, ctx)?;
    let (header, warning) = by_position_if_unnamed(by_name);
    super::require(&header, "id", "Post id", ctx)?;
    let mut parsed = Parsed::new(Format::XContent, Network::X, ctx.encoding);
    parsed.warnings.extend(warning);
    let date_col: Vec<usize> = header.index("date").into_iter().collect();
    let mut checks = DateChecks::default();
    for row in rows.iter().filter(|r| !r.is_blank()) {
        parsed.rows += 1;
        if header.get(row, "id").is_empty() && super::no_data(row, &date_col) {
            parsed.skipped += 1;
            continue;
        }
        read_row(&header, row, ctx, &mut checks, &mut parsed)?;
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
    parsed
        .warnings
        .extend(checks.warnings(&header.name_of("date")));
    Ok(parsed)
}

/// The header by name, or by position when a 17-column header is not
/// recognised (see the module's documentation), with the warning to give.
fn by_position_if_unnamed(by_name: Header) -> (Header, Option<Warning>) {
    let in_place = FIELDS
        .iter()
        .enumerate()
        .all(|(i, f)| by_name.index(f.key).is_none_or(|j| j == i));
    if by_name.names.len() != FIELDS.len() || by_name.unknown.is_empty() || !in_place {
        let warning = by_name.unknown_warning();
        return (by_name, warning);
    }
    let standard = Row {
        line: by_name.line,
        cells: FIELDS
            .iter()
            .map(|f| f.names.first().copied().unwrap_or(f.key).to_string())
            .collect(),
    };
    let mut header = Header::map(&standard, FIELDS);
    let list = by_name.unknown.join(", ");
    header.names = by_name.names;
    let warning = Warning::new(
        Some(header.line),
        format!(
            "en-tête non reconnu ({list}) : les 17 colonnes sont lues dans l'ordre standard de l'export \
             X (identifiant, date, texte, lien, impressions, j'aime, engagements, signets, partages, \
             nouveaux abonnements, réponses, reposts, visites du profil, …). Vérifiez les chiffres importés"
        ),
        format!(
            "header not recognised ({list}): the 17 columns are read in the X export's standard order \
             (Post id, Date, Post text, Post Link, Impressions, Likes, Engagements, Bookmarks, Shares, \
             New follows, Replies, Reposts, Profile visits, …). Check the imported figures"
        ),
    );
    (header, Some(warning))
}

/// Lines whose `Date` could not be read, or disagrees with the id's time.
#[derive(Default)]
struct DateChecks {
    unread: Vec<u64>,
    mismatched: Vec<u64>,
}

impl DateChecks {
    fn warnings(&self, column: &str) -> Vec<Warning> {
        let lines = |l: &[u64]| {
            l.iter()
                .take(5)
                .map(u64::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        };
        let mut out = Vec::new();
        if let Some(first) = self.unread.first() {
            let (n, at) = (self.unread.len(), lines(&self.unread));
            out.push(Warning::new(
                Some(*first),
                format!("{n} date(s) illisible(s) dans « {column} » (lignes {at}) : l'heure vient de l'identifiant du post"),
                format!("{n} unreadable date(s) in \"{column}\" (lines {at}): the time comes from the post id"),
            ));
        }
        if let Some(first) = self.mismatched.first() {
            let (n, at) = (self.mismatched.len(), lines(&self.mismatched));
            out.push(Warning::new(
                Some(*first),
                format!(
                    "{n} ligne(s) (lignes {at}) : « {column} » ne correspond pas au jour inscrit dans \
                     l'identifiant du post ; relais garde celui de l'identifiant"
                ),
                format!(
                    "{n} row(s) (lines {at}): \"{column}\" disagrees with the day inside the post id; \
                     relais keeps the id's"
                ),
            ));
        }
        out
    }
}

fn read_row(
    header: &Header,
    row: &Row,
    ctx: &Ctx,
    checks: &mut DateChecks,
    parsed: &mut Parsed,
) -> Result<(), ImportError> {
    let error = |key: &str, kind: ErrorKind| super::cell_error(ctx, header, row, key, kind);
    let id = values::id(header.get(row, "id")).map_err(|k| error("id", k))?;
    let date_cell = header.get(row, "date");
    let day = (!date_cell.is_empty()).then(|| values::day(date_cell));
    let published_at = match (super::snowflake(&id), day) {
        (Some(t), Some(Ok(d))) => {
            // ±1 day: the Date is in the account's time zone, the id in UTC.
            if (t.utc().date_naive() - d).num_days().abs() > 1 {
                checks.mismatched.push(row.line);
            }
            t
        }
        (Some(t), Some(Err(_))) => {
            checks.unread.push(row.line);
            t
        }
        (Some(t), None) => t,
        (None, Some(Ok(d))) => values::local(d.and_time(NaiveTime::MIN), ctx.tz),
        (None, Some(Err(kind))) => return Err(error("date", kind)),
        (None, None) => {
            return Err(error(
                "id",
                ErrorKind::BadValue {
                    value: id,
                    expected: "un identifiant X daté (ou une colonne Date remplie)",
                    expected_en: "a dated X id (or a filled Date column)",
                },
            ));
        }
    };
    let link = Some(header.get(row, "link"))
        .filter(|l| !l.is_empty())
        .map(str::to_string);
    let figures = super::figures(header, row, STORED, ctx)?;
    // The file does not say what a post shows; a clicked URL means a link.
    let media = if super::value_of(header, row, "url_clicks") > 0.0 {
        MediaType::Link
    } else {
        MediaType::Text
    };
    parsed.posts.push(PostRecord {
        line: row.line,
        network_id: id.clone(),
        account: AccountHint {
            handle: link.as_deref().and_then(super::handle_of),
            ..AccountHint::default()
        },
        published_at,
        text: header.get(row, "text").to_string(),
        permalink: link,
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
    use crate::{Options, parse};

    const HEAD: &str = "Post id,Date,Post text,Post Link,Impressions,Likes,Engagements,Bookmarks,Shares,\
                        New follows,Replies,Reposts,Profile visits,Detail Expands,URL Clicks,Hashtag Clicks,Permalink Clicks";

    fn run(text: &str) -> crate::Parsed {
        parse("content.csv", text.as_bytes(), &Options::default())
            .unwrap_or_else(|e| panic!("{}", e.message_en()))
    }

    #[test]
    fn a_date_far_from_the_id_keeps_the_id_and_warns_once() {
        let p = run(&format!(
            "{HEAD}\n1987448828801954500,\"Mon, Nov 3, 2025\",a,,1\n1987448828801954501,\"Mon, Nov 3, 2025\",b,,1\n"
        ));
        assert_eq!(p.posts[0].published_at.rfc3339(), "2025-11-09T09:15:00Z");
        assert_eq!(p.warnings.len(), 1, "{:?}", p.warnings);
        assert!(
            p.warnings[0].en.starts_with("2 row(s) (lines 2, 3)"),
            "{}",
            p.warnings[0].en
        );
    }

    #[test]
    fn an_unreadable_date_is_a_warning_when_the_id_has_the_time() {
        let p = run(&format!(
            "{HEAD}\n1987448828801954500,dim. 9 nov. 2025,a,,1\n"
        ));
        assert_eq!(p.posts[0].published_at.rfc3339(), "2025-11-09T09:15:00Z");
        assert!(
            p.warnings[0].en.contains("unreadable date"),
            "{:?}",
            p.warnings
        );
    }

    #[test]
    fn an_id_without_a_time_takes_midnight_of_its_date_in_the_page_time_zone() {
        let p = run("Post id,Post Link,Date,Likes\n20,https://x.com/hv/status/20,2025-11-09,3\n");
        assert_eq!(p.posts[0].published_at.rfc3339(), "2025-11-08T23:00:00Z");
        assert_eq!(p.account.handle.as_deref(), Some("hv"));
    }

    #[test]
    fn reordered_columns_with_an_unknown_one_stay_by_name() {
        let head = HEAD
            .replacen("Impressions,Likes", "Likes,Impressions", 1)
            .replace("Permalink Clicks", "Quotes");
        let p = run(&format!("{head}\n1987448828801954500,,a,,5,900\n"));
        let first = p.post_metrics.first().map(|m| (m.metric, m.value));
        assert_eq!(first, Some((relais_core::Metric::Impressions, 900.0)));
        assert_eq!(p.warnings.len(), 1);
        assert!(
            p.warnings[0].en.contains("unknown to relais): Quotes"),
            "{}",
            p.warnings[0].en
        );
    }

    #[test]
    fn a_row_with_figures_but_no_id_is_refused() {
        let e = parse(
            "c.csv",
            format!("{HEAD}\n,,,,5\n").as_bytes(),
            &Options::default(),
        )
        .unwrap_err();
        assert_eq!((e.line, e.column.as_deref()), (Some(2), Some("Post id")));
    }
}
