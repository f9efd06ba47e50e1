//! Table tests of the comments format on minimal inline inputs: value
//! rules, refusals with their line and column, and no panic on any input.

use chrono_tz::Europe::Paris;
use proptest::prelude::*;
use relais_core::Network;

use super::read::{created_at, network, yes_no};
use super::{parse_csv, parse_jsonl};
use crate::{Ctx, ErrorKind, ImportError, Parsed};

const HEAD: &str = "network,post_id,comment_id,parent_id,author,created_at,text\n";

fn ctx(file: &str) -> Ctx<'_> {
    Ctx {
        file,
        tz: Paris,
        encoding: "UTF-8",
    }
}

/// A CSV through the grid and this parser, whatever detection says.
pub(super) fn csv(text: &str) -> Result<Parsed, ImportError> {
    let grid = crate::grid::from_csv("c.csv", text)?;
    parse_csv(&grid, &ctx("c.csv"))
}

fn jsonl(text: &str) -> Result<Parsed, ImportError> {
    parse_jsonl(text, &ctx("c.jsonl"))
}

#[test]
fn networks_are_read_in_any_case_and_twitter_is_x() {
    for (raw, want) in [
        ("facebook", Network::Facebook),
        (" Instagram ", Network::Instagram),
        ("LINKEDIN", Network::Linkedin),
        ("x", Network::X),
        ("Twitter", Network::X),
    ] {
        assert_eq!(network(raw).unwrap(), want, "{raw}");
    }
    let ErrorKind::BadValue { expected, .. } = network("tiktok").unwrap_err() else {
        panic!()
    };
    assert!(expected.contains("facebook, instagram, linkedin ou x"));
}

#[test]
fn dates_are_rfc_3339_with_a_space_tolerated() {
    for raw in [
        "2026-03-02T08:15:00+01:00",
        "2026-03-02T07:15:00Z",
        "2026-03-02 08:15:00+01:00",
        "2026-03-02t07:15:00.250z",
    ] {
        assert_eq!(
            created_at(raw).unwrap().rfc3339(),
            "2026-03-02T07:15:00Z",
            "{raw}"
        );
    }
    for raw in [
        "02/03/2026 08:15",
        "2026-03-02T08:15:00",
        "2026-03-02",
        "",
        "2026-03-02 08:15",
        "é",
    ] {
        assert!(created_at(raw).is_err(), "{raw}");
    }
}

#[test]
fn yes_and_no_in_english_french_and_digits() {
    for (raw, want) in [
        ("true", Some(true)),
        ("1", Some(true)),
        ("Yes", Some(true)),
        ("OUI", Some(true)),
        ("VRAI", Some(true)),
        ("false", Some(false)),
        ("0", Some(false)),
        ("no", Some(false)),
        ("non", Some(false)),
        ("", None),
    ] {
        assert_eq!(yes_no(raw).unwrap(), want, "{raw}");
    }
    assert!(yes_no("peut-être").is_err());
}

#[test]
fn a_header_without_a_required_column_is_refused_on_its_line() {
    let e = csv("\nnetwork,post_id,comment_id,parent_id,author,text\nfacebook,1,2,,3,salut\n")
        .unwrap_err();
    assert_eq!(e.line, Some(2));
    assert_eq!(e.column, None);
    assert!(
        e.message_fr()
            .contains("il manque la colonne « created_at » (ou « date »)"),
        "{e}"
    );
    assert!(
        e.message_en()
            .contains("the column `created_at` (or `date`) is missing")
    );
}

#[test]
fn a_header_alone_has_no_comment_to_import() {
    let e = csv(HEAD).unwrap_err();
    assert_eq!((e.line, e.column.as_deref()), (None, None));
    assert_eq!(e.kind, ErrorKind::NoRows);
}

#[test]
fn a_parent_outside_the_file_is_kept_and_a_parent_equal_to_the_post_means_top_level() {
    let p = csv(&format!(
        "{HEAD}facebook,9,9_2,9_1,10,2026-03-02T08:15:00Z,réponse\nfacebook,9,9_3,9,11,2026-03-02T08:16:00Z,premier\n"
    ))
    .unwrap();
    assert_eq!(p.comments[0].parent_id.as_deref(), Some("9_1"));
    assert_eq!(p.comments[1].parent_id, None);
}

#[test]
fn value_errors_name_line_and_column_as_written() {
    for (row, column, what) in [
        (
            "facebook,9,9_1,9_1,10,2026-03-02T08:15:00Z,moi",
            "parent_id",
            "se répond à lui-même",
        ),
        (
            "facebook,9,9_1,,,2026-03-02T08:15:00Z,anonyme",
            "author",
            "identifiant est vide",
        ),
        (
            "facebook,1.22158E+17,9_1,,10,2026-03-02T08:15:00Z,abîmé",
            "post_id",
            "tableur",
        ),
        (
            "facebook,9,,,10,2026-03-02T08:15:00Z,sans id",
            "comment_id",
            "identifiant est vide",
        ),
        (
            "facebook,9,9_1,,10,2026-03-02T08:15:00Z,oui ?",
            "is_landlord",
            "oui ou non",
        ),
    ] {
        let head = "network,post_id,comment_id,parent_id,author,created_at,text,is_landlord\n";
        let text = if column == "is_landlord" {
            format!("{head}{row},peut-être\n")
        } else {
            format!("{head}{row},\n")
        };
        let e = csv(&text).unwrap_err();
        assert_eq!(
            (e.line, e.column.as_deref()),
            (Some(2), Some(column)),
            "{row}"
        );
        assert!(e.message_fr().contains(what), "{}", e.message_fr());
    }
}

#[test]
fn empty_texts_are_imported_with_one_warning_counting_them() {
    let p = csv(&format!(
        "{HEAD}facebook,9,9_1,,10,2026-03-02T08:15:00Z,\nfacebook,9,9_2,,11,2026-03-02T08:16:00Z,ok\nfacebook,9,9_3,,12,2026-03-02T08:17:00Z,\n,,,,,,\n"
    ))
    .unwrap();
    assert_eq!((p.rows, p.skipped, p.comments.len()), (3, 1, 3));
    assert_eq!(p.warnings.len(), 1);
    assert_eq!(p.warnings[0].line, Some(2));
    assert!(
        p.warnings[0].fr.starts_with("2 commentaire(s) sans texte"),
        "{}",
        p.warnings[0].fr
    );
    assert!(p.warnings[0].en.contains("line(s) 2, 4"));
}

#[test]
fn a_file_may_mix_networks_and_takes_the_first_rows_network() {
    let p = csv(&format!(
        "{HEAD}x,5,6,,7,2026-03-02T08:15:00Z,a\nfacebook,5,6,,7,2026-03-02T08:15:00Z,b\n"
    ))
    .unwrap();
    assert_eq!(p.network, Network::X);
    let networks: Vec<Network> = p.comments.iter().map(|c| c.network).collect();
    assert_eq!(networks, vec![Network::X, Network::Facebook]);
}

#[test]
fn a_json_line_without_a_required_key_names_the_key() {
    let e = jsonl("\n{\"network\":\"x\",\"post_id\":\"1\",\"comment_id\":\"2\",\"author\":\"3\",\"text\":\"t\"}\n").unwrap_err();
    assert_eq!((e.line, e.column.as_deref()), (Some(2), Some("created_at")));
    assert!(
        e.message_fr()
            .contains("il manque la clé « created_at » (ou « date »)"),
        "{e}"
    );
}

#[test]
fn json_values_become_text_and_odd_ones_are_refused() {
    let line = |extra: &str| {
        format!(
            "{{\"network\":\"x\",\"post_id\":{extra},\"comment_id\":\"2\",\"author\":\"3\",\"created_at\":\"2026-03-02T08:15:00Z\",\"text\":null}}"
        )
    };
    let p = jsonl(&line("1770000000000000001")).unwrap();
    assert_eq!(p.comments[0].post_id, "1770000000000000001");
    assert_eq!(p.comments[0].text, "");
    assert_eq!(jsonl(&line("12.0")).unwrap().comments[0].post_id, "12");
    for (extra, column) in [
        ("1.22158E+17", "post_id"),
        ("[1]", "post_id"),
        ("{\"id\":1}", "post_id"),
    ] {
        let e = jsonl(&line(extra)).unwrap_err();
        assert_eq!(
            (e.line, e.column.as_deref()),
            (Some(1), Some(column)),
            "{extra}"
        );
    }
    let e = jsonl("[1,2]\n").unwrap_err();
    assert_eq!((e.line, e.column.as_deref()), (Some(1), Some("1")));
}

proptest! {
    #[test]
    fn no_input_makes_the_parsers_panic(text in "\\PC{0,200}", lines in prop::collection::vec("[{}\":,a-z0-9 \\[\\]\n-]{0,40}", 0..6)) {
        let _ = csv(&format!("{HEAD}{text}"));
        let _ = jsonl(&text);
        let _ = jsonl(&lines.join("\n"));
    }
}
