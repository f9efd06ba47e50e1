//! Parsers of the export files the networks give a landlord (Meta Business
//! Suite for Facebook and Instagram, LinkedIn page exports, X analytics) and
//! of relais's generic comments format.
//!
//! [`parse`] takes a file's name and bytes and returns what it holds
//! ([`Parsed`]) or an error naming file, line and column ([`ImportError`]).
//! It does no IO: no file system, no database, no clock. Formats are told
//! apart by content in `detect`; each format has its own module; columns are
//! matched by name through alias tables (`header`).

mod comments;
mod decode;
mod detect;
mod error;
mod grid;
mod header;
mod linkedin;
mod meta_daily;
mod meta_legacy;
mod meta_posts;
mod plan;
mod records;
mod values;
mod workbook;
mod x;

pub use error::{ErrorKind, ImportError, Warning};
pub use plan::{Known, commented_posts, digest, plan};
pub use records::{
    AccountHint, CommentRecord, Ctx, DailyRecord, Format, Parsed, PostMetric, PostRecord,
};

use chrono_tz::Tz;
use decode::Content;

/// Import options.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// The page's time zone, for formats that write local times.
    pub tz: Tz,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            tz: chrono_tz::Europe::Paris,
        }
    }
}

/// Reads one export file.
pub fn parse(file: &str, bytes: &[u8], options: &Options) -> Result<Parsed, ImportError> {
    match decode::decode(file, bytes)? {
        Content::Xls | Content::Xlsx => {
            let sheets = workbook::sheets(file, bytes)?;
            let ctx = Ctx {
                file,
                tz: options.tz,
                encoding: "workbook",
            };
            match detect::workbook_format(&sheets) {
                Some(format) => linkedin::parse(format, &sheets, &ctx),
                None => Err(ImportError::new(
                    file,
                    ErrorKind::UnknownFormat {
                        seen: sheets
                            .iter()
                            .filter_map(|g| g.sheet.clone())
                            .collect::<Vec<_>>()
                            .join(", "),
                    },
                )),
            }
        }
        Content::Text { text, encoding } => {
            let ctx = Ctx {
                file,
                tz: options.tz,
                encoding,
            };
            if text.trim_start().starts_with('{') {
                return comments::parse_jsonl(&text, &ctx);
            }
            let grid = grid::from_csv(file, &text)?;
            let Some(format) = detect::csv_format(&grid) else {
                return Err(ImportError::new(
                    file,
                    ErrorKind::UnknownFormat {
                        seen: detect::describe(&grid),
                    },
                ));
            };
            match format {
                Format::MetaFacebookPosts | Format::MetaInstagramPosts => {
                    meta_posts::parse(format, &grid, &ctx)
                }
                Format::MetaDailySeries | Format::MetaAudience => {
                    meta_daily::parse(format, &grid, &ctx)
                }
                Format::LegacyFacebookInsights => meta_legacy::parse(&grid, &ctx),
                Format::XTweetActivity
                | Format::XDailyActivity
                | Format::XContent
                | Format::XOverview => x::parse(format, &grid, &ctx),
                Format::CommentsCsv => comments::parse_csv(&grid, &ctx),
                Format::LinkedinContent
                | Format::LinkedinFollowers
                | Format::LinkedinVisitors
                | Format::CommentsJsonl => Err(ImportError::new(
                    file,
                    ErrorKind::UnknownFormat {
                        seen: detect::describe(&grid),
                    },
                )),
            }
        }
    }
}
