//! The fixtures of `testdata/comments/` through the public API
//! ([`crate::parse`]): every column mapped, the CSV, semicolon-with-BOM and
//! JSON Lines shapes giving the same comments, and the broken files refused
//! with their line and column.

use relais_core::Network;

use super::tests::csv;
use crate::{CommentRecord, Format, ImportError, Parsed};

fn public(name: &str, bytes: &[u8]) -> Result<Parsed, ImportError> {
    crate::parse(name, bytes, &crate::Options::default())
}

/// network, post, comment, parent, author, created_at, text, is_landlord.
type Essence<'a> = (
    Network,
    &'a str,
    &'a str,
    Option<&'a str>,
    &'a str,
    String,
    &'a str,
    Option<bool>,
);

/// What two shapes of one file must agree on (lines and names may differ).
fn essence(c: &CommentRecord) -> Essence<'_> {
    (
        c.network,
        c.post_id.as_str(),
        c.comment_id.as_str(),
        c.parent_id.as_deref(),
        c.author.as_str(),
        c.created_at.rfc3339(),
        c.text.as_str(),
        c.is_landlord,
    )
}

#[test]
fn the_comments_csv_maps_every_column() {
    let p = public(
        "comments.csv",
        include_bytes!("../../testdata/comments/comments.csv"),
    )
    .unwrap();
    assert_eq!(
        (p.format, p.network, p.rows, p.skipped),
        (Format::CommentsCsv, Network::Facebook, 5, 0)
    );
    assert!(p.warnings.is_empty(), "{:?}", p.warnings);
    assert!(p.posts.is_empty() && p.post_metrics.is_empty() && p.daily.is_empty());
    let lines: Vec<u64> = p.comments.iter().map(|c| c.line).collect();
    assert_eq!(lines, vec![2, 4, 5, 6, 7]);
    let [tenant, neighbour, landlord, instagram, x] = &p.comments[..] else {
        panic!("{:?}", p.comments)
    };
    assert_eq!(
        tenant.text,
        "Bonjour, l'ascenseur du bâtiment B est en panne depuis lundi.\nMa mère ne peut plus sortir."
    );
    assert_eq!(
        (tenant.parent_id.as_deref(), tenant.is_landlord),
        (None, None)
    );
    assert_eq!(tenant.created_at.rfc3339(), "2026-03-02T07:15:00Z");
    assert_eq!(
        (neighbour.author.as_str(), neighbour.author_name.as_deref()),
        ("10002", Some("Jérôme Petit"))
    );
    assert_eq!(neighbour.parent_id.as_deref(), Some("900001_100"));
    assert_eq!(
        (landlord.is_landlord, landlord.author.as_str()),
        (Some(true), "habitat.exemple")
    );
    assert_eq!(
        (instagram.network, instagram.author_name.as_deref()),
        (Network::Instagram, None)
    );
    assert_eq!(instagram.text, "Très beau jardin partagé 🌱");
    assert_eq!((x.network, x.is_landlord), (Network::X, Some(false)));
    assert_eq!(x.created_at.rfc3339(), "2026-03-04T11:00:00Z");
}

#[test]
fn the_semicolon_file_with_a_bom_and_reordered_columns_reads_the_same() {
    let csv = public(
        "comments.csv",
        include_bytes!("../../testdata/comments/comments.csv"),
    )
    .unwrap();
    let p = public(
        "c.csv",
        include_bytes!("../../testdata/comments/comments_semicolon_bom.csv"),
    )
    .unwrap();
    assert_eq!((p.encoding, p.rows, p.skipped), ("UTF-8 (BOM)", 3, 1));
    assert_eq!(p.comments[1].is_landlord, Some(false));
    let mut want: Vec<_> = csv.comments[..3].iter().map(essence).collect();
    want[1].7 = Some(false);
    assert_eq!(p.comments.iter().map(essence).collect::<Vec<_>>(), want);
    assert!(p.comments.iter().all(|c| c.author_name.is_none()));
}

#[test]
fn the_json_lines_file_gives_the_same_comments_as_the_csv() {
    let csv = public(
        "comments.csv",
        include_bytes!("../../testdata/comments/comments.csv"),
    )
    .unwrap();
    let p = public(
        "comments.jsonl",
        include_bytes!("../../testdata/comments/comments.jsonl"),
    )
    .unwrap();
    assert_eq!(
        (p.format, p.network, p.rows),
        (Format::CommentsJsonl, Network::Facebook, 5)
    );
    let lines: Vec<u64> = p.comments.iter().map(|c| c.line).collect();
    assert_eq!(lines, vec![1, 2, 3, 5, 6]);
    assert_eq!(
        p.comments.iter().map(essence).collect::<Vec<_>>(),
        csv.comments.iter().map(essence).collect::<Vec<_>>()
    );
    let names: Vec<_> = p.comments.iter().map(|c| c.author_name.clone()).collect();
    assert_eq!(
        names,
        csv.comments
            .iter()
            .map(|c| c.author_name.clone())
            .collect::<Vec<_>>()
    );
    assert_eq!(p.warnings.len(), 1);
    assert_eq!(p.warnings[0].line, Some(5));
    assert!(p.warnings[0].en.contains("source"));
}

#[test]
fn french_column_names_with_tabs_map_and_unknown_columns_are_warned() {
    let p = crate::parse(
        "comments_fr.tsv",
        include_bytes!("../../testdata/comments/comments_fr.tsv"),
        &crate::Options::default(),
    )
    .unwrap();
    assert_eq!(p.format, crate::Format::CommentsCsv);
    assert_eq!((p.network, p.rows), (Network::Linkedin, 2));
    let reply = &p.comments[1];
    assert_eq!(
        reply.parent_id.as_deref(),
        Some(p.comments[0].comment_id.as_str())
    );
    assert_eq!(
        (reply.is_landlord, reply.author_name.as_deref()),
        (Some(true), Some("Habitat Exemple"))
    );
    assert!(p.comments[0].text.contains("réunion d’information"));
    assert_eq!(p.warnings.len(), 1);
    assert!(p.warnings[0].fr.contains("note interne"));
}

#[test]
fn broken_files_are_refused_with_line_and_column() {
    for (name, bytes, line, column, what) in [
        (
            "bad_date.csv",
            &include_bytes!("../../testdata/comments/bad_date.csv")[..],
            3,
            "created_at",
            "2026-03-02T08:15:00+01:00",
        ),
        (
            "unknown_network.csv",
            include_bytes!("../../testdata/comments/unknown_network.csv"),
            2,
            "Network",
            "facebook, instagram, linkedin ou x",
        ),
        (
            "duplicate_id.csv",
            include_bytes!("../../testdata/comments/duplicate_id.csv"),
            5,
            "comment_id",
            "lignes 2 et 5",
        ),
        (
            "invalid_line.jsonl",
            include_bytes!("../../testdata/comments/invalid_line.jsonl"),
            3,
            "142",
            "ligne JSON invalide (trailing comma)",
        ),
    ] {
        let e = public(name, bytes).unwrap_err();
        assert_eq!(
            (e.line, e.column.as_deref()),
            (Some(line), Some(column)),
            "{name}: {e}"
        );
        assert!(e.message_fr().contains(what), "{name}: {e}");
        assert!(
            e.message_fr()
                .starts_with(&format!("{name}, ligne {line}, colonne « {column} »")),
            "{e}"
        );
    }
}

/// The fenced blocks of one language in `docs/formats.md`.
fn doc_blocks(lang: &str) -> Vec<String> {
    let doc = include_str!("../../../../docs/formats.md");
    let fence = format!("```{lang}\n");
    doc.split(fence.as_str())
        .skip(1)
        .filter_map(|b| b.split("```").next())
        .map(str::to_string)
        .collect()
}

#[test]
fn the_examples_of_docs_formats_read_as_documented() {
    let [english, french] = &doc_blocks("csv")[..] else {
        panic!("two CSV examples")
    };
    let english = public("doc.csv", english.as_bytes()).unwrap();
    // Through the grid directly: `detect` recognises the English header only.
    let french = csv(french).unwrap();
    let [json] = &doc_blocks("json")[..] else {
        panic!("one JSON Lines example")
    };
    let json = public("doc.jsonl", json.as_bytes()).unwrap();
    for p in [&english, &french, &json] {
        assert_eq!(p.comments.len(), 3);
        assert!(p.warnings.is_empty(), "{:?}", p.warnings);
        let landlord: Vec<_> = p.comments.iter().map(|c| c.is_landlord).collect();
        assert_eq!(landlord, vec![None, None, Some(true)]);
        assert_eq!(p.comments[1].parent_id.as_deref(), Some("900001_100"));
    }
    assert_eq!(all(&english), all(&french));
    assert_eq!(all(&english), all(&json));
}

fn all(p: &Parsed) -> Vec<Essence<'_>> {
    p.comments.iter().map(essence).collect()
}
