//! Post templates of the demo landlord, one file per network and author kind:
//! the page's posts on Facebook, Instagram, LinkedIn and X, collaborators' own
//! LinkedIn posts, and residents' posts in a residents' Facebook group. Each
//! template carries its true labels (theme, secondary themes, audience) and
//! follows the labelling rules of taxonomy.md.
//!
//! This is demo data only: it must never be used to train, tune or evaluate a
//! classifier (a model that learnt these templates would fail on real text).
//!
//! Texts hold only the placeholders of [`PLACEHOLDERS`]. A template is local
//! (`local: true`) exactly when its text names a residence (`{residence}`);
//! `post()` derives that flag from the text so the two cannot disagree.

use crate::demo::corpus::PostTemplate;

mod collaborator;
mod facebook;
mod group;
mod instagram;
mod linkedin;
mod x;

pub use collaborator::COLLABORATOR;
pub use facebook::FACEBOOK;
pub use group::GROUP;
pub use instagram::INSTAGRAM;
pub use linkedin::LINKEDIN;
pub use x::X;

/// The placeholders a post template may hold, without braces.
pub const PLACEHOLDERS: &[&str] = &[
    "residence",
    "city",
    "agency",
    "street",
    "year",
    "decade",
    "homes",
    "first_name",
    "date",
    "hour",
    "landlord",
    "short",
    "n",
    "job",
    "partner",
    "website",
];

/// Every post template, page posts first, in a stable order.
pub fn all() -> Vec<PostTemplate> {
    [FACEBOOK, INSTAGRAM, LINKEDIN, X, COLLABORATOR, GROUP].concat()
}

/// True when `text` holds `{residence}`.
const fn names_residence(text: &str) -> bool {
    let hay = text.as_bytes();
    let needle = b"{residence}";
    if hay.len() < needle.len() {
        return false;
    }
    let mut i = 0;
    while i + needle.len() <= hay.len() {
        let mut j = 0;
        while j < needle.len() && hay[i + j] == needle[j] {
            j += 1;
        }
        if j == needle.len() {
            return true;
        }
        i += 1;
    }
    false
}

/// Builds a template; `local` follows from the text.
pub(crate) const fn post(
    network: &'static str,
    author: &'static str,
    theme: &'static str,
    secondary: &'static [&'static str],
    audience: &'static str,
    media: &'static str,
    text: &'static str,
) -> PostTemplate {
    PostTemplate {
        theme,
        secondary,
        audience,
        network,
        author,
        media,
        local: names_residence(text),
        text,
    }
}

#[cfg(test)]
mod tests;
