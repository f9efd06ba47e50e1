//! The wording of residence file errors, in French for the landlord's staff and in
//! English for developers.
//!
//! Owns every sentence: each says what is wrong, where, and what to do. It must not
//! decide what is an error or where it is; it only words a [`ResidenceFileError`].

use std::fmt::{self, Write};

use super::error::{
    EncodingProblem, Expected, RELAIS, ResidenceFileError, ResidenceFileErrorKind as K, Spreadsheet,
};

/// "file, line 7, column "X" (no. 3): what. What to do."
pub(crate) fn message(e: &ResidenceFileError, fr: bool) -> String {
    let mut out = String::new();
    // Writing to a String cannot fail.
    let _ = place(&mut out, e, fr).and_then(|()| {
        out.push_str(if fr { " : " } else { ": " });
        kind(&mut out, &e.kind, fr)
    });
    out
}

/// What is wrong, without where (for callers that say where themselves).
pub(crate) fn problem(e: &ResidenceFileError, fr: bool) -> String {
    let mut out = String::new();
    let _ = kind(&mut out, &e.kind, fr);
    out
}

fn place(f: &mut String, e: &ResidenceFileError, fr: bool) -> fmt::Result {
    match (e.file.as_str(), fr) {
        ("", true) => f.push_str("fichier"),
        ("", false) => f.push_str("file"),
        (file, _) => f.push_str(file),
    }
    if let Some(line) = e.line {
        write!(f, "{} {line}", if fr { ", ligne" } else { ", line" })?;
    }
    match (&e.column, e.column_index, fr) {
        (Some(name), Some(i), true) => write!(f, ", colonne « {name} » (n° {i})"),
        (Some(name), Some(i), false) => write!(f, ", column \"{name}\" (no. {i})"),
        (Some(name), None, true) => write!(f, ", colonne « {name} »"),
        (Some(name), None, false) => write!(f, ", column \"{name}\""),
        _ => Ok(()),
    }
}

/// Writes the French or the English arguments.
fn say(f: &mut String, fr: bool, french: fmt::Arguments, english: fmt::Arguments) -> fmt::Result {
    f.write_fmt(if fr { french } else { english })
}

fn kind(f: &mut String, kind: &K, fr: bool) -> fmt::Result {
    match kind {
        K::UnknownFormat { header } => say(
            f,
            fr,
            format_args!(
                "format non reconnu : l'en-tête « {header} » n'est ni celui d'un fichier de \
                 résidences relais ({RELAIS}) ni celui d'un export RPLS (NOMVOIE;CODEPOSTAL;\
                 LIBCOM…). Vérifiez que la première ligne du fichier est bien l'en-tête."
            ),
            format_args!(
                "unknown format: the header \"{header}\" is neither a relais residences file \
                 ({RELAIS}) nor an RPLS export (NOMVOIE;CODEPOSTAL;LIBCOM…). Check that the \
                 file's first line is its header."
            ),
        ),
        K::Spreadsheet { kind } => say(
            f,
            fr,
            format_args!(
                "c'est un classeur {} et non un fichier CSV. Ouvrez-le dans votre tableur et \
                 enregistrez la feuille au format « CSV (séparateur : point-virgule) ».",
                label(*kind)
            ),
            format_args!(
                "this is an {} workbook, not a CSV file. Open it in your spreadsheet and save \
                 the sheet as \"CSV (semicolon-separated)\".",
                label(*kind)
            ),
        ),
        K::UnknownEncoding { problem } => {
            let (what_fr, what_en) = encoding_problem(problem);
            say(
                f,
                fr,
                format_args!(
                    "ce n'est pas un fichier texte lisible : {what_fr}. Exportez la feuille au \
                     format « CSV (séparateur : point-virgule) », de préférence en UTF-8."
                ),
                format_args!(
                    "this is not a readable text file: {what_en}. Export the sheet as \
                     \"CSV (semicolon-separated)\", preferably in UTF-8."
                ),
            )
        }
        K::MissingColumn { name, expected } => say(
            f,
            fr,
            format_args!(
                "la colonne « {name} » est absente. Ajoutez-la ; l'en-tête attendu est : \
                 {expected}"
            ),
            format_args!(
                "the column \"{name}\" is missing. Add it; the expected header is: {expected}"
            ),
        ),
        K::DuplicateColumn { name, first_index } => say(
            f,
            fr,
            format_args!(
                "la colonne « {name} » figure déjà en n° {first_index}. Gardez une seule des \
                 deux colonnes."
            ),
            format_args!(
                "the column \"{name}\" is already no. {first_index}. Keep only one of the two."
            ),
        ),
        K::BadNumber { value, expected } => {
            let (what_fr, what_en) = expected_number(*expected);
            say(
                f,
                fr,
                format_args!("« {value} » n'est pas {what_fr}. Corrigez la valeur."),
                format_args!("\"{value}\" is not {what_en}. Correct the value."),
            )
        }
        K::DuplicateId { id, first_line } => say(
            f,
            fr,
            format_args!(
                "l'identifiant « {id} » est déjà celui de la ligne {first_line}. Chaque \
                 résidence doit avoir son propre identifiant : corrigez l'une des deux lignes."
            ),
            format_args!(
                "the id \"{id}\" is already used on line {first_line}. Each residence needs \
                 its own id: correct one of the two lines."
            ),
        ),
        K::EmptyField => say(
            f,
            fr,
            format_args!("la valeur est vide alors qu'elle est obligatoire. Renseignez-la."),
            format_args!("the value is empty but required. Fill it in."),
        ),
        K::BadPostcode { value } => say(
            f,
            fr,
            format_args!(
                "« {value} » n'est pas un code postal à 5 chiffres. Écrivez les 5 chiffres, \
                 zéro initial compris (ex. 01000)."
            ),
            format_args!(
                "\"{value}\" is not a 5-digit postcode. Write all 5 digits, leading zero \
                 included (e.g. 01000)."
            ),
        ),
        K::FieldCount { expected, found } => say(
            f,
            fr,
            format_args!(
                "{found} champs au lieu des {expected} de l'en-tête. Vérifiez le séparateur \
                 et les guillemets de cette ligne."
            ),
            format_args!(
                "{found} fields instead of the header's {expected}. Check this line's \
                 separators and quotes."
            ),
        ),
        K::UnclosedQuote => say(
            f,
            fr,
            format_args!(
                "un guillemet ouvert ici n'est jamais refermé, et la suite du fichier se lit \
                 comme un seul champ. Refermez-le ou retirez-le."
            ),
            format_args!(
                "a quote opened here is never closed, so the rest of the file reads as one \
                 field. Close it or remove it."
            ),
        ),
        K::Csv { message } => say(
            f,
            fr,
            format_args!(
                "lecture CSV impossible ({message}). Réenregistrez le fichier au format CSV \
                 depuis votre tableur."
            ),
            format_args!(
                "cannot read the CSV ({message}). Save the file as CSV again from your \
                 spreadsheet."
            ),
        ),
        K::Empty => say(
            f,
            fr,
            format_args!(
                "le fichier est vide. Exportez-le à nouveau, avec sa ligne d'en-tête et ses \
                 lignes de données."
            ),
            format_args!("the file is empty. Export it again, with its header and data rows."),
        ),
        K::NoRows => say(
            f,
            fr,
            format_args!(
                "le fichier n'a qu'une ligne d'en-tête et aucune ligne de données. \
                 Exportez-le à nouveau avec ses lignes."
            ),
            format_args!("the file has a header and no data row. Export it again with its rows."),
        ),
        K::NoAgency => say(
            f,
            fr,
            format_args!(
                "ce fichier ne dit pas quelle agence gère ces logements. Relancez avec \
                 --agency \"Agence …\" --territory \"Direction …\"."
            ),
            format_args!(
                "this file does not say which agency manages these homes. Run again with \
                 --agency \"Agence …\" --territory \"Direction …\"."
            ),
        ),
    }
}

fn label(kind: Spreadsheet) -> &'static str {
    match kind {
        Spreadsheet::Xlsx => "Excel (.xlsx)",
        Spreadsheet::Xls => "Excel 97-2003 (.xls)",
    }
}

fn encoding_problem(problem: &EncodingProblem) -> (String, String) {
    match problem {
        EncodingProblem::NulBytes => (
            "il contient des octets nuls".into(),
            "it contains NUL bytes".into(),
        ),
        EncodingProblem::ControlByte { byte } => (
            format!("il contient le caractère de contrôle {byte:#04x}"),
            format!("it contains the control byte {byte:#04x}"),
        ),
        EncodingProblem::BadUtf8AfterBom => (
            "il s'annonce en UTF-8 mais ne l'est pas".into(),
            "it announces UTF-8 but is not".into(),
        ),
        EncodingProblem::BadUtf16 => (
            "il s'annonce en UTF-16 mais ne l'est pas".into(),
            "it announces UTF-16 but is not".into(),
        ),
    }
}

fn expected_number(expected: Expected) -> (&'static str, &'static str) {
    match expected {
        Expected::PositiveInteger => (
            "un nombre entier positif (ex. 24)",
            "a positive whole number (e.g. 24)",
        ),
        Expected::Year => (
            "une année à 4 chiffres (ex. 1968)",
            "a 4-digit year (e.g. 1968)",
        ),
        Expected::StreetNumber => ("un numéro de voie (ex. 12)", "a street number (e.g. 12)"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_error_kind_is_worded_in_both_languages_without_gaps() {
        let kinds = [
            K::UnknownFormat {
                header: "a;b".into(),
            },
            K::Spreadsheet {
                kind: Spreadsheet::Xls,
            },
            K::UnknownEncoding {
                problem: EncodingProblem::ControlByte { byte: 3 },
            },
            K::MissingColumn {
                name: "homes".into(),
                expected: RELAIS,
            },
            K::DuplicateColumn {
                name: "homes".into(),
                first_index: 9,
            },
            K::BadNumber {
                value: "x".into(),
                expected: Expected::StreetNumber,
            },
            K::DuplicateId {
                id: "r1".into(),
                first_line: 2,
            },
            K::EmptyField,
            K::BadPostcode { value: "1".into() },
            K::FieldCount {
                expected: 3,
                found: 2,
            },
            K::UnclosedQuote,
            K::Csv {
                message: "oops".into(),
            },
            K::Empty,
            K::NoRows,
        ];
        for kind in kinds {
            let e = ResidenceFileError::from(kind.clone())
                .at_line(4)
                .at_column("homes", 8);
            let (fr, en) = (message(&e, true), message(&e, false));
            assert!(
                fr.starts_with("fichier, ligne 4, colonne « homes » (n° 9) : "),
                "{fr}"
            );
            assert!(
                en.starts_with("file, line 4, column \"homes\" (no. 9): "),
                "{en}"
            );
            for text in [&fr, &en] {
                assert!(!text.contains("  ") && !text.contains('\n'), "{text}");
            }
            assert_ne!(fr, en, "{kind:?}");
        }
    }
}
