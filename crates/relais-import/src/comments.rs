//! relais's own comments format, documented for users in `docs/formats.md`:
//! one comment or reply per CSV row (`parse_csv`) or per JSON Lines object
//! (`parse_jsonl`, in `jsonl`), read into [`CommentRecord`]s. Both shapes
//! go through the same field readers (`read`) and the same whole-file checks
//! here (duplicate ids, empty texts), so a CSV file and its JSON Lines twin
//! give the same records.
//!
//! It must not pseudonymise, look up posts or decide who the landlord is:
//! the importer does that with the database and the installation's key.
//! Authors pass through as written; posts are linked by `post_id` later.

#[cfg(test)]
mod fixture_tests;
mod jsonl;
mod read;
#[cfg(test)]
mod tests;

use std::collections::HashMap;

use crate::grid::Grid;
use crate::header::{Field, Header};
use crate::{CommentRecord, Ctx, ErrorKind, Format, ImportError, Parsed, Warning};

pub(crate) use jsonl::parse_jsonl;
use read::{Cell, RawComment};

/// The columns (CSV) and keys (JSON Lines) of the format, with French aliases.
const FIELDS: &[Field] = &[
    Field {
        key: "network",
        names: &["network", "réseau", "reseau"],
    },
    Field {
        key: "post_id",
        names: &["post_id", "post id", "id_publication", "id publication"],
    },
    Field {
        key: "comment_id",
        names: &[
            "comment_id",
            "comment id",
            "id_commentaire",
            "id commentaire",
        ],
    },
    Field {
        key: "parent_id",
        names: &["parent_id", "parent id", "id_parent", "id parent"],
    },
    Field {
        key: "author",
        names: &["author", "author_id", "auteur", "id_auteur"],
    },
    Field {
        key: "author_name",
        names: &[
            "author_name",
            "author name",
            "nom_auteur",
            "nom auteur",
            "nom de l'auteur",
        ],
    },
    Field {
        key: "created_at",
        names: &[
            "created_at",
            "created at",
            "date",
            "date_creation",
            "date de création",
        ],
    },
    Field {
        key: "text",
        names: &["text", "message", "texte", "commentaire"],
    },
    Field {
        key: "is_landlord",
        names: &[
            "is_landlord",
            "is landlord",
            "est_bailleur",
            "est bailleur",
            "bailleur",
        ],
    },
];

/// Fields a CSV header must name. `parent_id` is required there so that a
/// file cannot silently turn every reply into a top-level comment; in JSON
/// Lines an absent `parent_id` key means top-level (see `jsonl`).
const REQUIRED_CSV: &[&str] = &[
    "network",
    "post_id",
    "comment_id",
    "parent_id",
    "author",
    "created_at",
    "text",
];

/// A required column (CSV) or key (JSON Lines) is missing; `fr`/`en` say
/// which of the two.
fn missing(file: &str, key: &str, (fr, en): (&str, &str)) -> ImportError {
    let alias = match key {
        "network" => "réseau",
        "post_id" => "id_publication",
        "comment_id" => "id_commentaire",
        "parent_id" => "id_parent",
        "author" => "auteur",
        "created_at" => "date",
        _ => "texte",
    };
    ImportError::new(
        file,
        ErrorKind::Other {
            fr: format!(
                "il manque la {fr} « {key} » (ou « {alias} »), obligatoire dans le format de \
                 commentaires de relais (voir docs/formats.md)"
            ),
            en: format!(
                "the {en} `{key}` (or `{alias}`) is missing; relais's comments format requires \
                 it (see docs/formats.md)"
            ),
        },
    )
}

/// Reads a comments CSV: the first non-blank row is the header.
pub(crate) fn parse_csv(grid: &Grid, ctx: &Ctx) -> Result<Parsed, ImportError> {
    let Some((head, header_row)) = grid.first_row() else {
        return Err(ImportError::new(ctx.file, ErrorKind::Empty));
    };
    let header = Header::map(header_row, FIELDS);
    if let Some(missing_key) = REQUIRED_CSV.iter().find(|k| !header.has(k)) {
        return Err(missing(ctx.file, missing_key, ("colonne", "column")).at_line(header.line));
    }
    let mut comments = Vec::new();
    let mut skipped = 0;
    for row in grid.rows.iter().skip(head + 1) {
        if row.is_blank() {
            // `,,,,,,` lines left by spreadsheets; truly empty lines never
            // reach the grid.
            skipped += 1;
            continue;
        }
        let cells = FIELDS
            .iter()
            .filter_map(|f| {
                let index = header.index(f.key)?;
                let value = row.cells.get(index).map_or("", |c| c.trim());
                Some((
                    f.key,
                    Cell {
                        column: header.name_of(f.key),
                        value: Some(value.to_string()),
                    },
                ))
            })
            .collect();
        comments.push(read::comment(
            &RawComment {
                line: row.line,
                cells,
            },
            ctx,
        )?);
    }
    let mut parsed = finish(
        Format::CommentsCsv,
        comments,
        &header.name_of("comment_id"),
        ctx,
    )?;
    parsed.skipped = skipped;
    parsed.warnings.splice(0..0, header.unknown_warning());
    Ok(parsed)
}

/// The whole-file checks and the result: no comment twice, empty texts
/// counted in one warning, `network` of the first row.
fn finish(
    format: Format,
    comments: Vec<CommentRecord>,
    id_column: &str,
    ctx: &Ctx,
) -> Result<Parsed, ImportError> {
    let Some(first) = comments.first() else {
        return Err(ImportError::new(ctx.file, ErrorKind::NoRows));
    };
    let mut parsed = Parsed::new(format, first.network, ctx.encoding);
    let mut seen: HashMap<(relais_core::Network, &str), u64> = HashMap::new();
    for c in &comments {
        if let Some(earlier) = seen.insert((c.network, c.comment_id.as_str()), c.line) {
            let id = &c.comment_id;
            return Err(ImportError::new(
                ctx.file,
                ErrorKind::Other {
                    fr: format!(
                        "le commentaire « {id} » apparaît deux fois, lignes {earlier} et {}. Gardez \
                         une seule ligne par commentaire",
                        c.line
                    ),
                    en: format!(
                        "the comment `{id}` appears twice, on lines {earlier} and {}. Keep one line \
                         per comment",
                        c.line
                    ),
                },
            )
            .at_line(c.line)
            .at_column(id_column));
        }
    }
    let empty: Vec<u64> = comments
        .iter()
        .filter(|c| c.text.is_empty())
        .map(|c| c.line)
        .collect();
    if let Some(&line) = empty.first() {
        let n = empty.len();
        let lines = empty
            .iter()
            .map(u64::to_string)
            .collect::<Vec<_>>()
            .join(", ");
        parsed.warnings.push(Warning::new(
            Some(line),
            format!("{n} commentaire(s) sans texte (supprimés ?), importés quand même : ligne(s) {lines}"),
            format!("{n} comment(s) without text (deleted?), imported anyway: line(s) {lines}"),
        ));
    }
    parsed.rows = comments.len() as u64;
    parsed.comments = comments;
    Ok(parsed)
}
