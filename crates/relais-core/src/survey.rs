//! Satisfaction survey results, as landlords receive them from their yearly
//! tenant survey: one CSV row per scope (a territory or a residence), year
//! and question, `scope,scope_id,year,question,score,respondents`.
//!
//! Takes bytes, returns checked rows or the first problem with its line and
//! column. Whether the scope ids exist is the caller's check (it knows the
//! landlord's territories).

use serde::Serialize;

use crate::{ResidenceId, TerritoryId};

/// What a survey result is about.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(tag = "scope", content = "id", rename_all = "snake_case")]
pub enum SurveyScope {
    Territory(TerritoryId),
    Residence(ResidenceId),
}

/// One result: a question's score in one scope and year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SurveyResult {
    /// 1-based line in the file.
    pub line: u64,
    pub scope: SurveyScope,
    pub year: i32,
    /// As written, trimmed (`overall`, `communication`, `Satisfaction globale`…).
    pub question: String,
    pub score: f64,
    pub respondents: u32,
}

/// Why a survey file was refused, and where.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}{}{}: {message}", line.map(|l| format!(", ligne/line {l}")).unwrap_or_default(), column.as_ref().map(|c| format!(", colonne/column « {c} »")).unwrap_or_default())]
pub struct SurveyFileError {
    pub file: String,
    pub line: Option<u64>,
    pub column: Option<String>,
    pub message: String,
}

const COLUMNS: [&str; 6] = [
    "scope",
    "scope_id",
    "year",
    "question",
    "score",
    "respondents",
];

/// Parses a survey CSV (`,` or `;` separated, UTF-8, UTF-16 or Windows-1252).
pub fn parse(file: &str, bytes: &[u8]) -> Result<Vec<SurveyResult>, SurveyFileError> {
    let fail = |line: Option<u64>, column: Option<&str>, message: String| SurveyFileError {
        file: file.to_string(),
        line,
        column: column.map(str::to_string),
        message,
    };
    // The same reading as the residence files: BOM, UTF-8 or Windows-1252, no binary.
    let (text, _) = crate::residences::decode::decode(bytes).map_err(|e| {
        fail(
            None,
            None,
            format!("{} / {}", e.problem(true), e.problem(false)),
        )
    })?;
    let first = text.lines().next().unwrap_or_default();
    let sep = if first.matches(';').count() > first.matches(',').count() {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(sep)
        .flexible(true)
        .from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .map_err(|e| fail(Some(1), None, e.to_string()))?
        .iter()
        .map(|h| h.trim().to_lowercase())
        .collect();
    let mut at = [0usize; 6];
    for (i, col) in COLUMNS.iter().enumerate() {
        at[i] = header.iter().position(|h| h == col).ok_or_else(|| {
            fail(Some(1), Some(col), format!(
                "colonne manquante / missing column; l'en-tête doit être / the header must be: {}",
                COLUMNS.join(",")
            ))
        })?;
    }
    let mut out = Vec::new();
    for record in reader.records() {
        let record =
            record.map_err(|e| fail(e.position().map(|p| p.line()), None, e.to_string()))?;
        let line = record.position().map_or(0, |p| p.line());
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let get = |i: usize| record.get(at[i]).unwrap_or("").trim();
        let bad = |i: usize, what: &str| {
            fail(
                Some(line),
                Some(COLUMNS[i]),
                format!("« {} » : {what}", get(i)),
            )
        };
        let scope = match get(0).to_lowercase().as_str() {
            "territory" | "territoire" | "agency" | "agence" => {
                SurveyScope::Territory(TerritoryId::parse(get(1)).map_err(|_| {
                    bad(
                        1,
                        "identifiant de territoire invalide / invalid territory id",
                    )
                })?)
            }
            "residence" | "résidence" => {
                SurveyScope::Residence(ResidenceId::parse(get(1)).map_err(|_| {
                    bad(
                        1,
                        "identifiant de résidence invalide / invalid residence id",
                    )
                })?)
            }
            _ => return Err(bad(0, "attendu / expected territory or residence")),
        };
        let year: i32 = get(2)
            .parse()
            .ok()
            .filter(|y| (1990..=2100).contains(y))
            .ok_or_else(|| bad(2, "année attendue / a year is expected (2025)"))?;
        let question = get(3).to_string();
        if question.is_empty() {
            return Err(bad(3, "question vide / empty question"));
        }
        let score: f64 = get(4)
            .trim_end_matches('%')
            .trim()
            .replace(',', ".")
            .parse()
            .ok()
            .filter(|s: &f64| s.is_finite() && *s >= 0.0)
            .ok_or_else(|| {
                bad(
                    4,
                    "nombre positif attendu / a positive number is expected (82.5)",
                )
            })?;
        let respondents: u32 = get(5)
            .replace([' ', '\u{a0}'], "")
            .parse()
            .map_err(|_| bad(5, "nombre entier attendu / a whole number is expected"))?;
        out.push(SurveyResult {
            line,
            scope,
            year,
            question,
            score,
            respondents,
        });
    }
    if out.is_empty() {
        return Err(fail(
            None,
            None,
            "aucun résultat dans le fichier / no result in the file".into(),
        ));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_survey_file_is_read_with_either_separator() {
        let rows = parse("e.csv", b"scope,scope_id,year,question,score,respondents\nterritory,nord,2025,communication,71.5,420\nresidence,C-001,2025,overall,80,35\n").unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].score, 71.5);
        assert_eq!(rows[1].line, 3);
        let rows = parse("e.csv", "scope;scope_id;year;question;score;respondents\nterritoire;nord;2025;communication;71,5 %;420\n".as_bytes()).unwrap();
        assert_eq!(rows[0].score, 71.5);
    }

    #[test]
    fn errors_name_the_line_and_column() {
        let e = parse("e.csv", b"scope,scope_id,year,question,score,respondents\nterritory,nord,2025,communication,beaucoup,420\n").unwrap_err();
        assert_eq!((e.line, e.column.as_deref()), (Some(2), Some("score")));
        let e = parse("e.csv", b"scope,scope_id,year,score\n").unwrap_err();
        assert_eq!(e.column.as_deref(), Some("question"));
    }
}
