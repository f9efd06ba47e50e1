//! One comment's fields, as text, read into a [`CommentRecord`]: the rules
//! of the format's values (networks, ids, RFC 3339 dates, yes/no). Shared by
//! the CSV and JSON Lines shapes; it knows nothing of either.

use std::collections::BTreeMap;

use chrono::DateTime;
use relais_core::{Network, Timestamp};

use crate::values;
use crate::{CommentRecord, Ctx, ErrorKind, ImportError};

/// One field of one comment.
#[derive(Debug, Clone)]
pub(super) struct Cell {
    /// The column (CSV) or key (JSON) as written, for messages.
    pub column: String,
    /// `None` for a JSON `null`; an empty CSV cell is `Some("")`.
    pub value: Option<String>,
}

/// A comment's fields by canonical key, with its line.
#[derive(Debug, Clone)]
pub(super) struct RawComment {
    pub line: u64,
    pub cells: BTreeMap<&'static str, Cell>,
}

impl RawComment {
    /// The trimmed value of a field; empty when absent or null.
    fn value(&self, key: &str) -> &str {
        self.cells
            .get(key)
            .and_then(|c| c.value.as_deref())
            .map_or("", str::trim)
    }

    /// The column to cite for a field: as written, or its canonical key.
    fn column(&self, key: &str) -> String {
        self.cells
            .get(key)
            .map_or_else(|| key.to_string(), |c| c.column.clone())
    }
}

fn bad(value: &str, expected: &'static str, expected_en: &'static str) -> ErrorKind {
    ErrorKind::BadValue {
        value: value.chars().take(60).collect(),
        expected,
        expected_en,
    }
}

/// `facebook`, `instagram`, `linkedin`, `x` (or `twitter`), any case.
pub(super) fn network(raw: &str) -> Result<Network, ErrorKind> {
    match raw.trim().to_lowercase().as_str() {
        "facebook" => Ok(Network::Facebook),
        "instagram" => Ok(Network::Instagram),
        "linkedin" => Ok(Network::Linkedin),
        "x" | "twitter" => Ok(Network::X),
        _ => Err(bad(
            raw,
            "un réseau connu : facebook, instagram, linkedin ou x (twitter)",
            "a known network: facebook, instagram, linkedin or x (twitter)",
        )),
    }
}

/// An RFC 3339 instant with its offset; a space in place of the `T` is
/// tolerated, as spreadsheets and SQL tools write it.
pub(super) fn created_at(raw: &str) -> Result<Timestamp, ErrorKind> {
    let t = raw.trim();
    let parsed = DateTime::parse_from_rfc3339(t).or_else(|e| {
        match (t.get(..10), t.get(10..11), t.get(11..)) {
            (Some(date), Some(" "), Some(time)) => {
                DateTime::parse_from_rfc3339(&format!("{date}T{time}"))
            }
            _ => Err(e),
        }
    });
    parsed.map(|dt| Timestamp::from_utc(dt.to_utc())).map_err(|_| {
        bad(
            raw,
            "une date RFC 3339 avec son décalage horaire (par exemple 2026-03-02T08:15:00+01:00 \
             ou 2026-03-02T07:15:00Z)",
            "an RFC 3339 date with its offset (for example 2026-03-02T08:15:00+01:00 or \
             2026-03-02T07:15:00Z)",
        )
    })
}

/// `true/false`, `1/0`, `yes/no`, `oui/non`, `vrai/faux` (a French
/// spreadsheet's booleans); empty is "not said".
pub(super) fn yes_no(raw: &str) -> Result<Option<bool>, ErrorKind> {
    match raw.trim().to_lowercase().as_str() {
        "" => Ok(None),
        "true" | "1" | "yes" | "oui" | "vrai" => Ok(Some(true)),
        "false" | "0" | "no" | "non" | "faux" => Ok(Some(false)),
        _ => Err(bad(
            raw,
            "oui ou non (true/false, 1/0, yes/no, oui/non)",
            "yes or no (true/false, 1/0, yes/no, oui/non)",
        )),
    }
}

/// Reads one comment; any unreadable value refuses the file.
pub(super) fn comment(raw: &RawComment, ctx: &Ctx) -> Result<CommentRecord, ImportError> {
    let at = |key: &str| {
        let column = raw.column(key);
        move |kind: ErrorKind| {
            ImportError::new(ctx.file, kind)
                .at_line(raw.line)
                .at_column(&column)
        }
    };
    let network = network(raw.value("network")).map_err(at("network"))?;
    let post_id = values::id(raw.value("post_id")).map_err(at("post_id"))?;
    let comment_id = values::id(raw.value("comment_id")).map_err(at("comment_id"))?;
    let parent_id = match raw.value("parent_id") {
        "" => None,
        p => Some(values::id(p).map_err(at("parent_id"))?),
    };
    if parent_id.as_deref() == Some(comment_id.as_str()) {
        return Err(at("parent_id")(ErrorKind::Other {
            fr: format!(
                "le commentaire « {comment_id} » se répond à lui-même : parent_id doit être vide ou l'id d'un autre commentaire"
            ),
            en: format!(
                "the comment `{comment_id}` answers itself: parent_id must be empty or another comment's id"
            ),
        }));
    }
    // Tools fed by Meta's webhooks write the post's id as the parent of a
    // top-level comment.
    let parent_id = parent_id.filter(|p| *p != post_id);
    let author = raw.value("author");
    if author.is_empty() {
        return Err(at("author")(ErrorKind::EmptyId));
    }
    let author_name = Some(raw.value("author_name"))
        .filter(|n| !n.is_empty())
        .map(str::to_string);
    let created_at = created_at(raw.value("created_at")).map_err(at("created_at"))?;
    let is_landlord = yes_no(raw.value("is_landlord")).map_err(at("is_landlord"))?;
    Ok(CommentRecord {
        line: raw.line,
        network,
        post_id,
        comment_id,
        parent_id,
        author: author.to_string(),
        author_name,
        created_at,
        text: raw.value("text").replace("\r\n", "\n"),
        is_landlord,
    })
}
