//! Labelled examples: the hand-written corpus shipped in `corpus/` (CC0),
//! evaluation files of the same layouts, and the deterministic split that
//! keeps a fifth of the corpus aside as a test set never trained or tuned on.

use relais_core::Residence;
use relais_core::residences::{Placement, parse, to_domain};
use serde::Deserialize;

/// A labelled comment (`id,network,text,category,urgency,sentiment,author_kind,residence_id`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct CommentExample {
    pub id: String,
    pub network: String,
    pub text: String,
    pub category: String,
    pub urgency: String,
    pub sentiment: String,
    pub author_kind: String,
    #[serde(default)]
    pub residence_id: String,
}

/// A labelled post (`id,network,author_kind,text,theme,audience,residence_id`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct PostExample {
    pub id: String,
    pub network: String,
    pub author_kind: String,
    pub text: String,
    pub theme: String,
    pub audience: String,
    #[serde(default)]
    pub residence_id: String,
}

/// A labelled file that cannot be read: which row, what.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}, line {line}: {detail}")]
pub struct CorpusError {
    pub file: String,
    pub line: u64,
    pub detail: String,
}

/// Reads a labelled CSV of one of the two layouts.
pub fn read<T: for<'de> Deserialize<'de>>(file: &str, text: &str) -> Result<Vec<T>, CorpusError> {
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::Headers)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let mut out = Vec::new();
    for row in reader.deserialize::<T>() {
        match row {
            Ok(r) => out.push(r),
            Err(e) => {
                return Err(CorpusError {
                    file: file.to_string(),
                    line: e.position().map_or(0, |p| p.line()),
                    detail: e.to_string(),
                });
            }
        }
    }
    Ok(out)
}

const COMMENTS_A: &str = include_str!("../../../corpus/comments_a.csv");
const COMMENTS_B: &str = include_str!("../../../corpus/comments_b.csv");
const COMMENTS_C: &str = include_str!("../../../corpus/comments_c.csv");
const COMMENTS_D: &str = include_str!("../../../corpus/comments_d.csv");
const POSTS: &str = include_str!("../../../corpus/posts.csv");
/// The corpus's fictional residences.
pub const RESIDENCES: &str = include_str!("../../../corpus/residences.csv");

/// The corpus's fictional landlord: the residences its texts name, read
/// from [`RESIDENCES`] as an import would read them.
pub fn residences() -> Vec<Residence> {
    let parsed = parse(RESIDENCES.as_bytes(), "residences.csv").expect("the shipped residences");
    let (_, residences) =
        to_domain(&parsed, "residences.csv", Placement::default()).expect("the shipped residences");
    residences
}

/// The shipped corpus.
#[derive(Debug, Clone)]
pub struct Corpus {
    pub comments: Vec<CommentExample>,
    pub posts: Vec<PostExample>,
}

impl Corpus {
    /// The corpus compiled into relais.
    pub fn shipped() -> Self {
        let mut comments = read::<CommentExample>("corpus/comments_a.csv", COMMENTS_A)
            .expect("shipped corpus reads");
        comments.extend(
            read::<CommentExample>("corpus/comments_b.csv", COMMENTS_B)
                .expect("shipped corpus reads"),
        );
        comments.extend(
            read::<CommentExample>("corpus/comments_c.csv", COMMENTS_C)
                .expect("shipped corpus reads"),
        );
        comments.extend(
            read::<CommentExample>("corpus/comments_d.csv", COMMENTS_D)
                .expect("shipped corpus reads"),
        );
        let posts = read::<PostExample>("corpus/posts.csv", POSTS).expect("shipped corpus reads");
        Self { comments, posts }
    }

    /// The four fifths trained on.
    pub fn train(&self) -> Self {
        self.split(false)
    }

    /// The fifth kept aside: never trained or tuned on.
    pub fn test(&self) -> Self {
        self.split(true)
    }

    fn split(&self, test: bool) -> Self {
        Self {
            comments: self
                .comments
                .iter()
                .filter(|c| is_test(&c.id) == test)
                .cloned()
                .collect(),
            posts: self
                .posts
                .iter()
                .filter(|p| is_test(&p.id) == test)
                .cloned()
                .collect(),
        }
    }

    /// A short fingerprint of the corpus, part of the model version.
    pub fn fingerprint(&self) -> String {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for s in self
            .comments
            .iter()
            .map(|c| &c.text)
            .chain(self.posts.iter().map(|p| &p.text))
        {
            for b in s.bytes() {
                h ^= u64::from(b);
                h = h.wrapping_mul(0x0100_0000_01b3);
            }
        }
        format!("{:08x}", h as u32)
    }
}

/// One example in five, chosen by its id, is in the test split.
pub fn is_test(id: &str) -> bool {
    let mut h: u32 = 0x811c_9dc5;
    for b in id.bytes() {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h.is_multiple_of(5)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_corpus_has_what_the_issue_asks_and_a_fifth_aside() {
        let c = Corpus::shipped();
        assert!(c.comments.len() >= 1_500 && c.posts.len() >= 800);
        let test = c.test();
        let share = test.comments.len() as f64 / c.comments.len() as f64;
        assert!((0.15..0.25).contains(&share), "{share}");
        assert_eq!(
            test.comments.len() + c.train().comments.len(),
            c.comments.len()
        );
    }

    #[test]
    fn a_broken_labelled_file_names_its_line() {
        let e = read::<PostExample>(
            "p.csv",
            "id,network,author_kind,text,theme,audience,residence_id\n1,x\n",
        )
        .unwrap_err();
        assert_eq!(e.line, 2);
    }
}
