//! Columns by name, never by position: one alias table per format, mapping
//! each canonical field to its English, French and legacy header names.
//!
//! Names are compared after normalisation (NFKC, lower case, curly
//! apostrophes straightened, spaces collapsed), so `Mentions J’aime` and
//! `mentions j'aime` are one name. A header may hold a subset of the
//! fields; columns no alias knows are reported as warnings.

use std::collections::BTreeMap;

use unicode_normalization::UnicodeNormalization;

use crate::error::Warning;
use crate::grid::Row;

/// A canonical field and every header name it goes by.
#[derive(Debug, Clone, Copy)]
pub struct Field {
    pub key: &'static str,
    pub names: &'static [&'static str],
}

/// Normalises a header name for comparison.
pub fn normalise(name: &str) -> String {
    let n: String = name
        .nfkc()
        .map(|c| match c {
            '\u{2019}' | '\u{2018}' | '`' | '\u{b4}' => '\'',
            '\u{a0}' | '\u{202f}' => ' ',
            c => c,
        })
        .collect::<String>()
        .to_lowercase();
    n.trim()
        .trim_matches('"')
        .trim_start_matches('\u{feff}')
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A header row mapped to fields.
#[derive(Debug, Clone, Default)]
pub struct Header {
    /// Field key → column index (the first column with one of its names).
    columns: BTreeMap<&'static str, usize>,
    /// Field key → every column with one of its names (bilingual files).
    groups: BTreeMap<&'static str, Vec<usize>>,
    /// Column names normalised once, by index.
    normalised: Vec<String>,
    /// Column names as written, by index.
    pub names: Vec<String>,
    /// Columns that matched no field.
    pub unknown: Vec<String>,
    /// Line of the header row.
    pub line: u64,
}

impl Header {
    /// Maps a header row with an alias table. When several columns carry
    /// names of one field (a bilingual file), the first wins and the others
    /// are kept as fall-backs, see [`Header::get_any`].
    pub fn map(row: &Row, fields: &[Field]) -> Self {
        let mut columns = BTreeMap::new();
        let mut groups: BTreeMap<&'static str, Vec<usize>> = BTreeMap::new();
        let mut normalised = Vec::new();
        let mut unknown = Vec::new();
        let names: Vec<String> = row
            .cells
            .iter()
            .map(|c| c.trim().trim_start_matches('\u{feff}').to_string())
            .collect();
        for (i, raw) in names.iter().enumerate() {
            let n = normalise(raw);
            normalised.push(n.clone());
            if n.is_empty() {
                continue;
            }
            match fields
                .iter()
                .find(|f| f.names.iter().any(|a| normalise(a) == n))
            {
                Some(f) => {
                    columns.entry(f.key).or_insert(i);
                    groups.entry(f.key).or_default().push(i);
                }
                None => unknown.push(raw.clone()),
            }
        }
        Self {
            columns,
            groups,
            normalised,
            names,
            unknown,
            line: row.line,
        }
    }

    /// The column of a field, if the file has it.
    pub fn index(&self, key: &str) -> Option<usize> {
        self.columns.get(key).copied()
    }

    pub fn has(&self, key: &str) -> bool {
        self.columns.contains_key(key)
    }

    /// The header name of a field's column, as written in the file.
    pub fn name_of(&self, key: &str) -> String {
        self.index(key)
            .and_then(|i| self.names.get(i).cloned())
            .unwrap_or_else(|| key.to_string())
    }

    /// The trimmed cell of a field in `row`; empty when the file lacks it.
    pub fn get<'r>(&self, row: &'r Row, key: &str) -> &'r str {
        self.index(key).map_or("", |i| row.cell(i))
    }

    /// In a bilingual file, a field may have a column per language, each
    /// filled on some rows: the first non-empty one of them.
    pub fn get_any<'r>(&self, row: &'r Row, field: &Field) -> &'r str {
        self.groups
            .get(field.key)
            .into_iter()
            .flatten()
            .map(|i| row.cell(*i))
            .find(|c| !c.is_empty())
            .unwrap_or("")
    }

    /// Every column index whose name is `name` (duplicate header names).
    pub fn positions(&self, name: &str) -> Vec<usize> {
        let n = normalise(name);
        self.normalised
            .iter()
            .enumerate()
            .filter(|(_, x)| **x == n)
            .map(|(i, _)| i)
            .collect()
    }

    /// One warning listing the columns no alias knows, if any.
    pub fn unknown_warning(&self) -> Option<Warning> {
        if self.unknown.is_empty() {
            return None;
        }
        let list = self.unknown.join(", ");
        Some(Warning::new(
            Some(self.line),
            format!("colonnes ignorées (inconnues de relais) : {list}"),
            format!("columns ignored (unknown to relais): {list}"),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIELDS: &[Field] = &[
        Field {
            key: "id",
            names: &["Post ID", "Identifiant de la publication"],
        },
        Field {
            key: "likes",
            names: &["Likes", "Mentions J'aime"],
        },
    ];

    fn row(cells: &[&str]) -> Row {
        Row {
            line: 1,
            cells: cells.iter().map(|c| c.to_string()).collect(),
        }
    }

    #[test]
    fn names_match_across_case_apostrophes_and_spaces() {
        let h = Header::map(
            &row(&[
                "\u{feff}Identifiant de la publication",
                " mentions  J’aime ",
                "Autre",
            ]),
            FIELDS,
        );
        assert_eq!(h.index("id"), Some(0));
        assert_eq!(h.index("likes"), Some(1));
        assert_eq!(h.unknown, vec!["Autre"]);
        assert!(h.unknown_warning().unwrap().fr.contains("Autre"));
    }

    #[test]
    fn a_bilingual_file_takes_the_filled_column() {
        let h = Header::map(&row(&["Post ID", "Identifiant de la publication"]), FIELDS);
        let r = row(&["", "123"]);
        assert_eq!(h.get(&r, "id"), "");
        assert_eq!(h.get_any(&r, &FIELDS[0]), "123");
    }

    #[test]
    fn styled_unicode_is_folded() {
        assert_eq!(normalise("𝗟𝗶𝗸𝗲𝘀"), "likes");
    }
}
