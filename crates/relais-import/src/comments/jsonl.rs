//! The JSON Lines shape of the comments format: one JSON object per physical
//! line, blank lines skipped. Keys go through the same alias table as the CSV
//! header; values become text here and are read by `read` like CSV cells.
//! It must not accept anything but one object per line.

use std::collections::BTreeMap;

use serde_json::Value;

use super::read::{self, Cell, RawComment};
use super::{FIELDS, finish, missing};
use crate::header::normalise;
use crate::{Ctx, ErrorKind, Format, ImportError, Parsed, Warning};

/// Keys every object must have (`parent_id`, `author_name` and
/// `is_landlord` may be absent or null).
const REQUIRED: &[&str] = &[
    "network",
    "post_id",
    "comment_id",
    "author",
    "created_at",
    "text",
];

/// Above this, a JSON float has lost an id's last digits (2^53).
const EXACT_FLOAT: f64 = 9_007_199_254_740_992.0;

/// A JSON value as a cell's text: numbers without a spurious `.0`.
fn text(value: &Value) -> Result<Option<String>, ErrorKind> {
    match value {
        Value::Null => Ok(None),
        Value::String(s) => Ok(Some(s.clone())),
        Value::Bool(b) => Ok(Some(b.to_string())),
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                return Ok(Some(i.to_string()));
            }
            if let Some(u) = n.as_u64() {
                return Ok(Some(u.to_string()));
            }
            match n.as_f64() {
                Some(f) if f.fract() == 0.0 && f.abs() < EXACT_FLOAT => Ok(Some(format!("{f:.0}"))),
                Some(f) if f.fract() == 0.0 => Err(ErrorKind::MangledId {
                    value: n.to_string(),
                }),
                _ => Ok(Some(n.to_string())),
            }
        }
        Value::Array(_) | Value::Object(_) => Err(ErrorKind::BadValue {
            value: value.to_string().chars().take(60).collect(),
            expected: "un texte ou un nombre",
            expected_en: "a text or a number",
        }),
    }
}

fn invalid(ctx: &Ctx, line: u64, column: usize, fr: String, en: String) -> ImportError {
    ImportError::new(ctx.file, ErrorKind::Other { fr, en })
        .at_line(line)
        .at_column(&column.to_string())
}

/// Reads a comments JSON Lines text.
pub(crate) fn parse_jsonl(text_in: &str, ctx: &Ctx) -> Result<Parsed, ImportError> {
    let mut comments = Vec::new();
    let mut unknown: Vec<String> = Vec::new();
    let mut unknown_line = None;
    for (i, physical) in text_in.split('\n').enumerate() {
        let line = i as u64 + 1;
        let src = physical.trim_end_matches('\r');
        if src.trim().is_empty() {
            continue;
        }
        let parsed = serde_json::from_str::<Value>(src).map_err(|e| (e.column(), e));
        let object = match parsed {
            Ok(Value::Object(o)) => o,
            Ok(_) => {
                return Err(invalid(
                    ctx,
                    line,
                    1,
                    "chaque ligne doit être un objet JSON { … } décrivant un commentaire".into(),
                    "each line must be one JSON object { … } describing a comment".into(),
                ));
            }
            Err((column, e)) => {
                // serde_json places errors on its own line 1: keep only what is wrong.
                let e = e
                    .to_string()
                    .split(" at line ")
                    .next()
                    .unwrap_or_default()
                    .to_string();
                return Err(invalid(
                    ctx,
                    line,
                    column,
                    format!(
                        "ligne JSON invalide ({e}) : un objet JSON complet par ligne, sans retour à la ligne à l'intérieur"
                    ),
                    format!(
                        "invalid JSON line ({e}): one complete JSON object per line, with no line break inside"
                    ),
                ));
            }
        };
        let mut cells = BTreeMap::new();
        for (key, value) in &object {
            let n = normalise(key);
            let Some(field) = FIELDS
                .iter()
                .find(|f| f.names.iter().any(|a| normalise(a) == n))
            else {
                if !unknown.contains(key) {
                    unknown.push(key.clone());
                    unknown_line.get_or_insert(line);
                }
                continue;
            };
            if cells.contains_key(field.key) {
                continue;
            }
            let value = text(value).map_err(|kind| {
                ImportError::new(ctx.file, kind)
                    .at_line(line)
                    .at_column(key)
            })?;
            cells.insert(
                field.key,
                Cell {
                    column: key.clone(),
                    value,
                },
            );
        }
        if let Some(key) = REQUIRED.iter().find(|k| !cells.contains_key(*k)) {
            return Err(missing(ctx.file, key, ("clé", "key"))
                .at_line(line)
                .at_column(key));
        }
        comments.push(read::comment(&RawComment { line, cells }, ctx)?);
    }
    let mut parsed = finish(Format::CommentsJsonl, comments, "comment_id", ctx)?;
    if !unknown.is_empty() {
        let list = unknown.join(", ");
        parsed.warnings.insert(
            0,
            Warning::new(
                unknown_line,
                format!("clés ignorées (inconnues de relais) : {list}"),
                format!("keys ignored (unknown to relais): {list}"),
            ),
        );
    }
    Ok(parsed)
}
