//! Meta Business Suite's post exports: Facebook posts, Instagram posts and
//! Instagram stories (CSV, English, French or both in one file). One row is
//! one post with its lifetime figures; columns are found by name through the
//! tables of `meta/posts_fields.rs`. It reads rows into records and must not
//! decide which format a file is (that is `detect`) nor touch storage.

#[path = "meta/posts_fields.rs"]
mod fields;
#[path = "meta/shared.rs"]
pub(crate) mod shared;
#[cfg(test)]
#[path = "meta/posts_tests.rs"]
mod tests;

use std::collections::BTreeSet;

use relais_core::{MediaType, Network};
use unicode_normalization::UnicodeNormalization;

use crate::error::Warning;
use crate::grid::{Grid, Row};
use crate::header::Header;
use crate::records::{AccountHint, PostMetric, PostRecord};
use crate::values;
use crate::{Ctx, ErrorKind, Format, ImportError, Parsed};
use shared::{Columns, at, some};

pub(crate) fn parse(format: Format, grid: &Grid, ctx: &Ctx) -> Result<Parsed, ImportError> {
    let network = if format == Format::MetaInstagramPosts {
        Network::Instagram
    } else {
        Network::Facebook
    };
    let mut parsed = Parsed::new(format, network, ctx.encoding);
    let Some((start, head)) = grid.first_row() else {
        return Err(ImportError::new(ctx.file, ErrorKind::Empty));
    };
    let all = fields::all_fields();
    let mut header = Header::map(head, &all);
    header
        .unknown
        .retain(|n| !shared::known_by_word(n, fields::KNOWN_WORDS));
    parsed.warnings.extend(header.unknown_warning());
    let cols = Columns::new(&header, &all);
    shared::require(
        ctx,
        &cols,
        fields::IDENTITY,
        &["post_id", "publish_time"],
        head.line,
    )?;
    let reader = Reader {
        ctx,
        header: &header,
        cols: &cols,
        network,
        is_story_file: ["navigation", "sticker_taps", "replies"]
            .iter()
            .any(|k| cols.has(k)),
    };
    let mut unknown_types = BTreeSet::new();
    for row in grid.rows.iter().skip(start + 1).filter(|r| !r.is_blank()) {
        parsed.rows += 1;
        let Some(post) = reader.post(row, &mut unknown_types)? else {
            parsed.skipped += 1;
            continue;
        };
        parsed
            .post_metrics
            .extend(reader.metrics(row, &post.network_id)?);
        parsed.posts.push(post);
    }
    if !unknown_types.is_empty() {
        let list = unknown_types.into_iter().collect::<Vec<_>>().join(", ");
        parsed.warnings.push(Warning::new(
            None,
            format!("types de publication inconnus de relais, lus d'après le lien ou comme texte : {list}"),
            format!("post types unknown to relais, read from the permalink or as text: {list}"),
        ));
    }
    if parsed.posts.is_empty() && parsed.skipped == 0 {
        return Err(ImportError::new(ctx.file, ErrorKind::NoRows));
    }
    parsed.account = shared::common_account(&parsed.posts);
    Ok(parsed)
}

struct Reader<'a> {
    ctx: &'a Ctx<'a>,
    header: &'a Header,
    cols: &'a Columns,
    network: Network,
    /// Story exports have story-only columns and may lack `Post type`.
    is_story_file: bool,
}

impl Reader<'_> {
    /// The post of a row; None for a junk row (no id and nothing that
    /// identifies a post: a totals line, an empty line of commas).
    fn post(
        &self,
        row: &Row,
        unknown_types: &mut BTreeSet<String>,
    ) -> Result<Option<PostRecord>, ImportError> {
        let c = self.cols;
        let Some(id_cell) = c.cell(row, "post_id") else {
            if ["publish_time", "title", "description", "permalink"]
                .iter()
                .all(|k| self.text(row, k).is_empty())
            {
                return Ok(None);
            }
            return Err(at(
                self.ctx,
                row.line,
                c.name("post_id"),
                ErrorKind::EmptyId,
            ));
        };
        let network_id =
            values::id(id_cell.value).map_err(|k| at(self.ctx, row.line, id_cell.column, k))?;
        let published_at = match c.cell(row, "publish_time") {
            Some(t) => values::meta_time(t.value, self.ctx.tz)
                .map_err(|k| at(self.ctx, row.line, t.column, k))?,
            None => {
                let kind = ErrorKind::BadValue {
                    value: String::new(),
                    expected: "une date MM/JJ/AAAA HH:MM",
                    expected_en: "a date MM/DD/YYYY HH:MM",
                };
                return Err(at(self.ctx, row.line, c.name("publish_time"), kind));
            }
        };
        let title = self.text(row, "title");
        let text = if title.is_empty() {
            self.text(row, "description")
        } else {
            title
        };
        let permalink = some(self.text(row, "permalink"));
        let media = self.media(
            self.text(row, "post_type"),
            permalink.as_deref().unwrap_or(""),
            unknown_types,
        );
        let account = self.account(row)?;
        // The Graph API names a Page post `<page id>_<post id>`; the export
        // gives the two apart. Joined, an imported post and the same post
        // synced are one.
        let network_id = match (&account.network_id, self.network) {
            (Some(page), Network::Facebook) if !network_id.contains('_') => {
                format!("{page}_{network_id}")
            }
            _ => network_id,
        };
        Ok(Some(PostRecord {
            line: row.line,
            network_id,
            account,
            published_at,
            text: shared::plain_newlines(text),
            permalink,
            media,
        }))
    }

    /// A text field; in a bilingual file, the first of its columns filled.
    fn text<'r>(&self, row: &'r Row, key: &str) -> &'r str {
        fields::IDENTITY
            .iter()
            .find(|f| f.key == key)
            .map_or("", |f| self.header.get_any(row, f))
    }

    fn media(
        &self,
        post_type: &str,
        permalink: &str,
        unknown_types: &mut BTreeSet<String>,
    ) -> MediaType {
        let from_link = shared::media_from_permalink(permalink);
        let fallback = match self.network {
            Network::Instagram if self.is_story_file => MediaType::Story,
            Network::Instagram => MediaType::Photo,
            _ => MediaType::Text,
        };
        match fields::media_of(post_type) {
            // Recent Facebook exports label Reels `Videos`: the link tells.
            Some(MediaType::Video) if from_link == Some(MediaType::Reel) => MediaType::Reel,
            Some(media) => media,
            None => {
                if !post_type.is_empty() {
                    unknown_types.insert(post_type.to_string());
                }
                from_link.unwrap_or(fallback)
            }
        }
    }

    /// The page (Facebook) or account (Instagram) of a row. Styled Unicode
    /// names (𝗖𝗟𝗔𝗜𝗥…) are folded with NFKC so they match the plain name.
    fn account(&self, row: &Row) -> Result<AccountHint, ImportError> {
        let c = self.cols;
        let network_id = match c.cell(row, "page_id").or_else(|| c.cell(row, "account_id")) {
            Some(cell) => {
                Some(values::id(cell.value).map_err(|k| at(self.ctx, row.line, cell.column, k))?)
            }
            None => None,
        };
        let name = [self.text(row, "page_name"), self.text(row, "account_name")]
            .into_iter()
            .find(|n| !n.is_empty())
            .map(|n| n.nfkc().collect::<String>());
        Ok(AccountHint {
            network_id,
            handle: some(self.text(row, "account_username").trim_start_matches('@')),
            name,
        })
    }

    /// One metric per metric column filled; `-` and empty cells are "not
    /// reported" and give nothing, never 0.
    fn metrics(&self, row: &Row, post_id: &str) -> Result<Vec<PostMetric>, ImportError> {
        let mut out: Vec<PostMetric> = Vec::new();
        for column in fields::METRICS {
            let (Some(metric), Some(cell)) = (column.metric, self.cols.cell(row, column.field.key))
            else {
                continue;
            };
            let value =
                values::count(cell.value).map_err(|k| at(self.ctx, row.line, cell.column, k))?;
            let Some(value) = value else { continue };
            if out.iter().any(|m| m.metric == metric) {
                continue;
            }
            out.push(PostMetric {
                line: row.line,
                post_id: post_id.to_string(),
                metric,
                value,
            });
        }
        Ok(out)
    }
}
