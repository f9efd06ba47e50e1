//! The residence a post or comment names, if it names exactly one: by its
//! name, an alias, its street address or a hashtag, whatever the case,
//! accents, hyphens or abbreviations ("rés.", "bât.", "bd", "av", "st"),
//! and despite one typo in a word of five letters or more. It never guesses
//! from context outside the text (the post commented on, the group's name),
//! and a town alone names no residence (taxonomy, "Residence link").
//!
//! # Rules
//!
//! - **Names and aliases** are compared without their article and without a
//!   leading "résidence", "cité", "quartier" or "tour": "Genêts", "les
//!   genets" and "résidence des Genêts" all name Les Genêts. Articles and
//!   prepositions inside a name are free ("Butte-aux-Cailles"). A name with
//!   its designator ("Résidence du Parc") is also kept whole, so that it
//!   wins over a shorter name inside it ("Le Parc").
//! - **Everyday words.** A name made of one everyday word ("Le Parc", "Les
//!   Roches", "La Source", see `words::is_common`) or of a town's name only
//!   counts when the text says it is a place: after "résidence", "rés.",
//!   "cité", "quartier" (0.85); in a hashtag (0.85); written with a capital
//!   where no sentence starts ("chez nous, Les Roches", 0.8), unless the
//!   whole text is in title case or another capitalised word follows ("Les
//!   Roches Noires"); opening the text and followed by punctuation ("les
//!   roches : plus d'eau", 0.7); after "à", "au", "aux" when no "de"
//!   follows (0.6: "aux Roches" counts, "au parc de la Villeneuve" does
//!   not). Names of two content words or more need no context.
//! - **Longer proper names.** A one-word name right after a capitalised
//!   word ("parc Paul Mistral", "avenue Frédéric Mistral"), glued to another
//!   word by a hyphen ("L'Isle-d'Abeau"), or followed by "de" and a
//!   capitalised word that is not one of the landlord's towns ("l'Isle
//!   d'Abeau", but "les Genêts d'Échirolles") is part of another name. A
//!   span that spells a town is the town ("Rive-de-Gier" is not "Les Rives
//!   du Gier").
//! - **Aliases made only after a designator** ("rés. Jaurès") need it.
//!   **Aliases of three letters or fewer** ("VO") are acronyms: they match
//!   only in capitals, and not after "en" ("film en VO").
//! - **Typos**: one substitution, insertion, deletion or adjacent
//!   transposition in a word of five letters or more, each costing a fifth
//!   of the confidence (so a one-word name with a typo is weak, below).
//!   A name of several words needs one of them exact. A one-word name with
//!   a typo needs a capital where no sentence starts, "résidence" or a
//!   hashtag; otherwise it must open a line or follow "à"/"au"/"aux", keep
//!   its first letter ("lapins" is not "Alpins") and take no complement
//!   ("les cadres de l'agence" are not Les Cèdres). A plural name's
//!   singular ("atelier" for "Les Ateliers") is an everyday word more often
//!   than a typo: it must open the text followed by punctuation. Everyday
//!   words are never corrected.
//! - **Streets** match when their type is written before the street name
//!   ("rue", "r.", "bd", "av", "all.", "imp", "pl", "ch"); a number, before
//!   ("au 12 rue …") or after ("chemin des Granges au 6"), must be the
//!   residence's, which makes the link certain (0.97); without a number the
//!   link is weak (0.65), and a street shared by two residences names
//!   neither. Streets without a known type are not matched.
//! - **Hashtags** are cut at their capitals ("#VillageOlympique"), and a
//!   hashtag written as one word is compared glued ("#villageolympique").
//! - **Several residences**: a match inside a longer match on another
//!   residence is dropped (a street named after another residence); weak
//!   matches (below 0.7) give way to stronger ones on another residence;
//!   two residences left give None.
//!
//! Speed: the index is built once in [`ResidenceMatcher::new`]. [`find`]
//! first reads the text's words as written, folding only the accented
//! ones, and notes with two table reads per word which words of the
//! names and streets each may be, exactly or one typo away: most comments
//! stop there, having no name or street with all its words. The others
//! are folded in one pass (its own tokenizer, not `normalize`, which
//! rewrites the text and would lose the spans and the capitals the rules
//! need; it uses `normalize::fold` for the rare letters it does not fold
//! itself), and each word not turned away by two table reads against the
//! vocabulary is looked up. A few microseconds for a 300-character text,
//! growing little with the number of residences.
//!
//! [`find`]: ResidenceMatcher::find

mod fold;
mod index;
mod near;
mod prefilter;
mod resolve;
mod scan;
mod tokens;
mod typo;
mod words;

#[cfg(test)]
mod corpus_tests;
#[cfg(test)]
mod sieve_tests;
#[cfg(test)]
mod tests;

use relais_core::{Residence, ResidenceId};

/// Finds the residence a text names, for one landlord.
#[derive(Debug)]
pub struct ResidenceMatcher {
    ids: Vec<ResidenceId>,
    index: index::Index,
    gate: prefilter::Gate,
}

/// A text's link to a residence.
#[derive(Debug, Clone, PartialEq)]
pub struct ResidenceMatch {
    pub residence: ResidenceId,
    /// Between 0 and 1: higher for a full name or an address with its
    /// number, lower for a typo, a one-word name or a name recognised only
    /// by its context.
    pub confidence: f64,
    /// The text that matched, as written.
    pub matched: String,
}

impl ResidenceMatcher {
    /// Builds the index of a landlord's residences.
    pub fn new(residences: &[Residence]) -> Self {
        let index = index::Index::build(residences);
        Self {
            ids: residences.iter().map(|r| r.id.clone()).collect(),
            gate: prefilter::Gate::new(&index),
            index,
        }
    }

    /// The one residence a text names, or None when it names none or several.
    pub fn find(&self, text: &str) -> Option<ResidenceMatch> {
        if !prefilter::may_name(&self.gate, text) {
            return None;
        }
        let t = tokens::tokenize(text);
        let hits = scan::scan(&self.index, &t);
        let (residence, confidence, hit) = resolve::resolve(&hits)?;
        Some(ResidenceMatch {
            residence: self.ids[residence as usize].clone(),
            confidence,
            matched: text[t.list[hit.first].start..t.list[hit.last].end].to_string(),
        })
    }
}
