//! French text understanding for relais: posts by theme and audience,
//! comments by request category, urgency, sentiment and author kind, and
//! the residence a text names.
//!
//! Pipeline: `normalize` (NFKC, case, SMS, accents) → `features` (stemmed
//! words and bigrams, character n-grams, emojis, lexicon and rule signals,
//! hashed) → `model` (softmax logistic regression, trained here,
//! deterministic) with `rules` overriding urgency where they are certain →
//! labels with a confidence and the model version. No IO: the corpus comes
//! in as text, models as bytes.

mod automaton;
pub mod classify;
pub mod corpus;
pub mod cues;
pub mod eval;
pub mod evaluate;
pub mod features;
pub mod lexicon;
pub mod model;
pub mod normalize;
pub mod residence;
pub mod rules;
mod word_key;
