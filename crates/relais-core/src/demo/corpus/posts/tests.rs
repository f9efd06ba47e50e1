//! Checks of the post templates (demo data only, never training data): codes,
//! placeholders, braces, network styles, lengths, counts.

use super::*;
use crate::demo::corpus::places::{
    DIRECTIONS, FIRST_NAMES, JOBS, LANDLORD, PARTNERS, RESIDENCE_NAMES, STREETS,
};
use std::collections::{BTreeMap, HashSet};

const THEMES: &[&str] = &[
    "heritage",
    "neighbourhood",
    "practical",
    "institutional",
    "building",
    "employer",
    "participation",
    "solidarity",
    "environment",
    "home_ownership",
    "other",
];
const AUDIENCES: &[&str] = &["tenants", "partners", "candidates", "applicants", "public"];
const NETWORKS: &[&str] = &["facebook", "instagram", "linkedin", "x"];
const AUTHORS: &[&str] = &["page", "collaborator", "group"];
const MEDIA: &[&str] = &[
    "photo", "video", "reel", "carousel", "link", "text", "story",
];

/// The placeholders of `text`, or an error on unbalanced or nested braces.
fn placeholders(text: &str) -> Result<Vec<&str>, String> {
    let mut out = Vec::new();
    let mut rest = text;
    loop {
        match (rest.find('{'), rest.find('}')) {
            (None, None) => return Ok(out),
            (Some(o), Some(c)) if o < c => {
                let name = &rest[o + 1..c];
                if name.contains('{') {
                    return Err(format!("nested brace in {text:?}"));
                }
                out.push(name);
                rest = &rest[c + 1..];
            }
            _ => return Err(format!("unbalanced braces in {text:?}")),
        }
    }
}

fn longest<'a>(items: impl Iterator<Item = &'a str>) -> &'a str {
    items.max_by_key(|s| s.chars().count()).unwrap_or("")
}

/// Fills every placeholder with the longest plausible value, to bound lengths.
fn fill_longest(text: &str) -> String {
    let agencies = DIRECTIONS.iter().flat_map(|d| d.agencies.iter());
    let cities = DIRECTIONS
        .iter()
        .flat_map(|d| d.agencies.iter())
        .flat_map(|a| a.cities.iter());
    let street = format!("128 {}", longest(STREETS.iter().copied()));
    let values: Vec<(&str, String)> = vec![
        (
            "residence",
            longest(RESIDENCE_NAMES.iter().map(|r| r.name)).to_string(),
        ),
        ("city", longest(cities.map(|c| c.name)).to_string()),
        ("agency", longest(agencies.map(|a| a.name)).to_string()),
        ("street", street),
        ("year", "1962".into()),
        ("decade", "années 60".into()),
        ("homes", "240".into()),
        (
            "first_name",
            longest(FIRST_NAMES.iter().copied()).to_string(),
        ),
        ("date", "mercredi 30 septembre".into()),
        ("hour", "18h30".into()),
        ("landlord", LANDLORD.name.into()),
        ("short", LANDLORD.short.into()),
        ("n", "12".into()),
        ("job", longest(JOBS.iter().copied()).to_string()),
        ("partner", longest(PARTNERS.iter().copied()).to_string()),
        ("website", LANDLORD.website.into()),
    ];
    let mut out = text.to_string();
    for (k, v) in values {
        out = out.replace(&format!("{{{k}}}"), &v);
    }
    out
}

fn hashtags(text: &str) -> usize {
    let chars: Vec<char> = text.chars().collect();
    chars
        .windows(2)
        .filter(|w| w[0] == '#' && (w[1].is_alphanumeric() || w[1] == '{'))
        .count()
}

#[test]
fn codes_are_allowed_and_consistent() {
    for p in all() {
        assert!(
            THEMES.contains(&p.theme),
            "theme {} in {:?}",
            p.theme,
            p.text
        );
        for s in p.secondary {
            assert!(THEMES.contains(s), "secondary {s} in {:?}", p.text);
            assert_ne!(*s, p.theme, "secondary equals main in {:?}", p.text);
        }
        let set: HashSet<_> = p.secondary.iter().collect();
        assert_eq!(
            set.len(),
            p.secondary.len(),
            "repeated secondary in {:?}",
            p.text
        );
        assert!(
            AUDIENCES.contains(&p.audience),
            "audience {} in {:?}",
            p.audience,
            p.text
        );
        assert!(NETWORKS.contains(&p.network), "network {}", p.network);
        assert!(AUTHORS.contains(&p.author), "author {}", p.author);
        assert!(
            MEDIA.contains(&p.media),
            "media {} in {:?}",
            p.media,
            p.text
        );
        assert_eq!(
            p.local,
            p.text.contains("{residence}"),
            "local flag of {:?}",
            p.text
        );
        match p.author {
            "collaborator" => assert_eq!(p.network, "linkedin", "{:?}", p.text),
            "group" => assert_eq!(p.network, "facebook", "{:?}", p.text),
            _ => {}
        }
    }
}

#[test]
fn placeholders_are_known_and_braces_balanced() {
    for p in all() {
        let names = placeholders(p.text).unwrap();
        for n in names {
            assert!(
                PLACEHOLDERS.contains(&n),
                "unknown placeholder {{{n}}} in {:?}",
                p.text
            );
        }
        let filled = fill_longest(p.text);
        assert!(!filled.contains('{') && !filled.contains('}'), "{filled}");
    }
    assert!(placeholders("a {b").is_err());
    assert!(placeholders("a }b{").is_err());
    assert!(placeholders("a {b{c}}").is_err());
}

#[test]
fn counts_and_coverage() {
    let all = all();
    assert!(all.len() >= 320, "{} templates", all.len());
    assert!(all.iter().filter(|p| p.author == "collaborator").count() >= 40);
    assert!(all.iter().filter(|p| p.author == "group").count() >= 40);
    for t in THEMES {
        assert!(all.iter().any(|p| p.theme == *t), "theme {t} never used");
        assert!(
            all.iter().any(|p| p.theme == *t && p.network == "facebook"),
            "theme {t} missing on facebook"
        );
    }
    for n in NETWORKS {
        let themes: HashSet<_> = all
            .iter()
            .filter(|p| p.network == *n && p.author == "page")
            .map(|p| p.theme)
            .collect();
        assert!(
            themes.len() >= 9,
            "{n} page covers only {} themes",
            themes.len()
        );
    }
    for a in AUDIENCES {
        assert!(
            all.iter().any(|p| p.audience == *a),
            "audience {a} never used"
        );
    }
    let page: Vec<_> = all.iter().filter(|p| p.author == "page").collect();
    let local = page.iter().filter(|p| p.local).count() as f64 / page.len() as f64;
    assert!(
        (0.44..=0.56).contains(&local),
        "share of local page posts {local:.2}"
    );
}

#[test]
fn texts_are_distinct_with_varied_openings() {
    let mut texts = HashSet::new();
    let mut openings = BTreeMap::new();
    let mut clashes = Vec::new();
    for p in all() {
        assert!(texts.insert(p.text), "duplicate text {:?}", p.text);
        let opening: String = p.text.chars().take(20).collect();
        if let Some(prev) = openings.insert(opening.clone(), p.text) {
            clashes.push(format!("{opening:?}:\n  {prev}\n  {}", p.text));
        }
    }
    assert!(clashes.is_empty(), "same openings:\n{}", clashes.join("\n"));
}

#[test]
fn network_styles() {
    for p in all() {
        let tags = hashtags(p.text);
        let len = fill_longest(p.text).chars().count();
        match (p.network, p.author) {
            ("x", _) => {
                assert!(
                    len <= 280,
                    "X post of {len} chars: {:?}",
                    fill_longest(p.text)
                );
                assert!(
                    (1..=3).contains(&tags),
                    "X post with {tags} hashtags: {:?}",
                    p.text
                );
            }
            ("instagram", _) => {
                assert!(
                    (5..=12).contains(&tags),
                    "Instagram with {tags} hashtags: {:?}",
                    p.text
                )
            }
            ("linkedin", "page") => {
                assert!(
                    (1..=6).contains(&tags),
                    "LinkedIn with {tags} hashtags: {:?}",
                    p.text
                );
                assert!(
                    p.text.contains('\n'),
                    "LinkedIn post without line breaks: {:?}",
                    p.text
                );
            }
            ("linkedin", _) => assert!(tags <= 5, "{:?}", p.text),
            ("facebook", "group") => assert_eq!(tags, 0, "hashtag in a group post: {:?}", p.text),
            ("facebook", _) => assert!(tags <= 4, "Facebook with {tags} hashtags: {:?}", p.text),
            _ => unreachable!(),
        }
    }
}

#[test]
fn partners_and_jobs_fit_the_sentence() {
    // PARTNERS carry their article: "à {partner}" would give "à le Département".
    for p in all() {
        for bad in [
            "à {partner}",
            "de {partner}",
            "du {partner}",
            "des {partner}",
        ] {
            assert!(!p.text.contains(bad), "{bad:?} in {:?}", p.text);
        }
        for bad in ["le {job}", "la {job}", "l'{job}"] {
            assert!(!p.text.contains(bad), "{bad:?} in {:?}", p.text);
        }
        // Agency names start with "Agence": "l'{agency}" reads "l'Agence de …".
        assert!(!p.text.contains(" {agency}"), "bare agency in {:?}", p.text);
    }
}

#[test]
fn print_counts() {
    // `cargo test print_counts -- --nocapture` shows the network × theme matrix.
    let mut m: BTreeMap<(String, &str), usize> = BTreeMap::new();
    for p in all() {
        let col = if p.author == "page" {
            p.network.to_string()
        } else {
            p.author.to_string()
        };
        *m.entry((col, p.theme)).or_default() += 1;
    }
    let cols = [
        "facebook",
        "instagram",
        "linkedin",
        "x",
        "collaborator",
        "group",
    ];
    println!(
        "{:<15}{}",
        "theme",
        cols.map(|c| format!("{c:>13}")).concat()
    );
    for t in THEMES {
        let row: String = cols
            .iter()
            .map(|c| format!("{:>13}", m.get(&(c.to_string(), *t)).unwrap_or(&0)))
            .collect();
        println!("{t:<15}{row}");
    }
    let totals: String = cols
        .iter()
        .map(|c| {
            format!(
                "{:>13}",
                m.iter()
                    .filter(|((k, _), _)| k == c)
                    .map(|(_, v)| v)
                    .sum::<usize>()
            )
        })
        .collect();
    println!("{:<15}{totals}", "total");
    let all = all();
    let page: Vec<_> = all.iter().filter(|p| p.author == "page").collect();
    println!(
        "templates: {}, local page posts: {}/{}",
        all.len(),
        page.iter().filter(|p| p.local).count(),
        page.len()
    );
}
