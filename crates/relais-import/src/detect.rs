//! Which format a file is, from its content only (never its name): the one
//! place where formats are told apart.

use crate::grid::{Grid, Row};
use crate::header::normalise;
use crate::records::Format;

fn names(row: &Row) -> Vec<String> {
    row.cells.iter().map(|c| normalise(c)).collect()
}

fn has(names: &[String], any: &[&str]) -> bool {
    any.iter().any(|a| names.iter().any(|n| n == a))
}

const POST_ID: &[&str] = &[
    "post id",
    "identifiant de la publication",
    "id de la publication",
];
const PAGE: &[&str] = &["page id", "id de la page", "page name", "nom de la page"];
const IG_ACCOUNT: &[&str] = &[
    "account id",
    "id du compte",
    "account username",
    "nom de profil du compte",
    "nom d'utilisateur du compte",
];

/// The format of a CSV grid, looking at its first rows.
pub fn csv_format(grid: &Grid) -> Option<Format> {
    let (i, first) = grid.first_row()?;
    let head = names(first);
    let second = grid.rows.get(i + 1).map(names).unwrap_or_default();
    // Meta's daily series: `sep=,` then a metric name alone, then Date,Primary.
    if grid.sep_line
        || (first.cells.iter().filter(|c| !c.trim().is_empty()).count() == 1
            && has(&second, &["date"]))
    {
        // Audience.csv stacks titled blocks: a title alone on its row above a
        // header row. A daily series has one such title.
        let filled = |r: &Row| r.cells.iter().filter(|c| !c.trim().is_empty()).count();
        let titles = grid
            .rows
            .windows(2)
            .filter(|w| filled(&w[0]) == 1 && filled(&w[1]) >= 2)
            .count();
        let stacked = titles > 1;
        return Some(if stacked {
            Format::MetaAudience
        } else {
            Format::MetaDailySeries
        });
    }
    if has(
        &head,
        &[
            "lifetime post total reach",
            "lifetime post total impressions",
        ],
    ) || (has(&head, &["post message"]) && has(&head, &["posted"]))
    {
        return Some(Format::LegacyFacebookInsights);
    }
    if has(&head, POST_ID) && has(&head, PAGE) {
        return Some(Format::MetaFacebookPosts);
    }
    if has(&head, POST_ID) && has(&head, IG_ACCOUNT) {
        return Some(Format::MetaInstagramPosts);
    }
    if has(&head, &["tweet id", "identifiant du tweet"])
        && has(&head, &["tweet permalink", "permalien du tweet"])
    {
        return Some(Format::XTweetActivity);
    }
    if has(&head, &["date"]) && has(&head, &["tweets published", "tweets publiés"]) {
        return Some(Format::XDailyActivity);
    }
    if has(&head, &["post id", "identifiant du post"]) && has(&head, &["post link", "lien du post"])
    {
        return Some(Format::XContent);
    }
    if has(&head, &["date"])
        && has(
            &head,
            &[
                "create post",
                "unfollows",
                "new follows",
                "créer un post",
                "désabonnements",
                "nouveaux abonnements",
            ],
        )
    {
        return Some(Format::XOverview);
    }
    if has(&head, &["network", "réseau", "reseau"])
        && has(&head, &["post_id", "id_publication"])
        && has(&head, &["comment_id", "id_commentaire"])
    {
        return Some(Format::CommentsCsv);
    }
    // A localised X content export: 17 columns, snowflake ids in column 1.
    if head.len() == 17
        && grid
            .rows
            .iter()
            .skip(i + 1)
            .filter_map(|r| r.cells.first())
            .find(|c| !c.trim().is_empty())
            .is_some_and(|c| c.len() >= 15 && c.chars().all(|d| d.is_ascii_digit()))
    {
        return Some(Format::XContent);
    }
    None
}

/// The format of a workbook, from its sheets' names and header rows.
pub fn workbook_format(sheets: &[Grid]) -> Option<Format> {
    let sheet_names: Vec<String> = sheets
        .iter()
        .filter_map(|g| g.sheet.as_deref())
        .map(normalise)
        .collect();
    let any_cell = |needles: &[&str]| {
        sheets.iter().any(|g| {
            g.rows.iter().take(10).any(|r| {
                r.cells
                    .iter()
                    .any(|c| needles.contains(&normalise(c).as_str()))
            })
        })
    };
    let sheet = |names: &[&str]| sheet_names.iter().any(|n| names.contains(&n.as_str()));
    // French names are guesses, unverified [P]: no French export has been seen.
    if sheet(&["all posts", "metrics"])
        || any_cell(&[
            "post title",
            "titre de la publication",
            "lien de la publication",
            "impressions (total)",
        ])
    {
        return Some(Format::LinkedinContent);
    }
    if sheet(&["new followers", "nouveaux abonnés"])
        || any_cell(&["organic followers", "abonnés naturels", "abonnés totaux"])
    {
        return Some(Format::LinkedinFollowers);
    }
    if sheet(&["visitor metrics"])
        || any_cell(&["total page views (total)", "pages vues totales (total)"])
    {
        return Some(Format::LinkedinVisitors);
    }
    None
}

/// What the header looked like, for the "unknown format" message.
pub fn describe(grid: &Grid) -> String {
    grid.first_row()
        .map(|(_, r)| {
            let cells: Vec<&str> = r.cells.iter().map(|c| c.trim()).take(6).collect();
            let more = if r.cells.len() > 6 { ", …" } else { "" };
            format!("{}{more}", cells.join(", "))
        })
        .unwrap_or_default()
}
