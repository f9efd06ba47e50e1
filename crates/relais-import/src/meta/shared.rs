//! What the Meta parsers share: columns found through an alias table when a
//! field may have several (a bilingual file has one per language, each filled
//! on some rows), errors placed on a cell, and the one account a file speaks
//! for. It knows no format: the alias tables live with each parser.

use relais_core::MediaType;

use crate::error::{ErrorKind, ImportError};
use crate::grid::Row;
use crate::header::{Field, Header, normalise};
use crate::records::{AccountHint, Ctx, PostRecord};

/// The columns of each field of an alias table, in file order.
pub(crate) struct Columns {
    by_key: Vec<(&'static str, Vec<usize>)>,
    names: Vec<String>,
}

/// A non-empty cell and the name of its column as written in the file.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Cell<'a> {
    pub value: &'a str,
    pub column: &'a str,
}

impl Columns {
    pub(crate) fn new(header: &Header, fields: &[Field]) -> Self {
        let normalised: Vec<String> = header.names.iter().map(|n| normalise(n)).collect();
        let by_key = fields
            .iter()
            .map(|f| {
                let aliases: Vec<String> = f.names.iter().map(|a| normalise(a)).collect();
                let cols = normalised
                    .iter()
                    .enumerate()
                    .filter(|(_, n)| !n.is_empty() && aliases.contains(n))
                    .map(|(i, _)| i)
                    .collect();
                (f.key, cols)
            })
            .collect();
        Self {
            by_key,
            names: header.names.clone(),
        }
    }

    fn columns(&self, key: &str) -> &[usize] {
        self.by_key
            .iter()
            .find(|(k, _)| *k == key)
            .map_or(&[], |(_, c)| c.as_slice())
    }

    pub(crate) fn has(&self, key: &str) -> bool {
        !self.columns(key).is_empty()
    }

    /// The header name of a field's first column (for messages).
    pub(crate) fn name<'a>(&'a self, key: &'a str) -> &'a str {
        self.columns(key)
            .first()
            .and_then(|i| self.names.get(*i))
            .map_or(key, |n| n.as_str())
    }

    /// The first non-empty cell of a field in `row`, across its columns.
    pub(crate) fn cell<'a>(&'a self, row: &'a Row, key: &str) -> Option<Cell<'a>> {
        self.columns(key).iter().find_map(|&i| {
            let value = row.cell(i);
            let column = self.names.get(i).map_or("", |n| n.as_str());
            (!value.is_empty()).then_some(Cell { value, column })
        })
    }

    /// The trimmed text of a field in `row`, empty when absent.
    pub(crate) fn text<'a>(&'a self, row: &'a Row, key: &str) -> &'a str {
        self.cell(row, key).map_or("", |c| c.value)
    }
}

/// An error on one cell of one line.
pub(crate) fn at(ctx: &Ctx, line: u64, column: &str, kind: ErrorKind) -> ImportError {
    ImportError::new(ctx.file, kind)
        .at_line(line)
        .at_column(column)
}

/// The account of the whole file, when every post names the same one.
pub(crate) fn common_account(posts: &[PostRecord]) -> AccountHint {
    match posts.split_first() {
        Some((first, rest))
            if !first.account.is_empty() && rest.iter().all(|p| p.account == first.account) =>
        {
            first.account.clone()
        }
        _ => AccountHint::default(),
    }
}

/// Some text, or None when the cell is empty.
pub(crate) fn some(text: &str) -> Option<String> {
    (!text.is_empty()).then(|| text.to_string())
}

/// What a permalink says about the media: `/reel/`, `/stories/`, `/videos/`.
pub(crate) fn media_from_permalink(permalink: &str) -> Option<MediaType> {
    let p = permalink.to_ascii_lowercase();
    if p.contains("/reel/") || p.contains("/reels/") {
        Some(MediaType::Reel)
    } else if p.contains("/stories/") {
        Some(MediaType::Story)
    } else if p.contains("/videos/") || p.contains("/watch") {
        Some(MediaType::Video)
    } else if p.contains("/photo") {
        Some(MediaType::Photo)
    } else {
        None
    }
}

/// Header names that are known without being listed one by one: Meta adds
/// and renames these (organic/boosted splits, negative feedback, earnings)
/// from month to month, and relais stores none of them.
pub(crate) fn known_by_word(name: &str, words: &[&str]) -> bool {
    let n = normalise(name);
    words.iter().any(|w| n.contains(w))
}

/// Refuses a file that lacks one of the columns every file of its format has.
pub(crate) fn require(
    ctx: &Ctx,
    cols: &Columns,
    fields: &[Field],
    keys: &[&str],
    line: u64,
) -> Result<(), ImportError> {
    for key in keys {
        if !cols.has(key) {
            let expected = fields
                .iter()
                .find(|f| f.key == *key)
                .and_then(|f| f.names.first())
                .map_or(*key, |n| n);
            return Err(ImportError::new(
                ctx.file,
                ErrorKind::MissingColumn {
                    expected: format!("« {expected} »"),
                },
            )
            .at_line(line));
        }
    }
    Ok(())
}

/// A caption with the file's line ends (CRLF in some exports) made `\n`.
pub(crate) fn plain_newlines(text: &str) -> String {
    text.replace("\r\n", "\n")
}
