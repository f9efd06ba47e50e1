//! French sentiment lexicon for social-housing comments, and the rules that
//! turn its hits into signals: negation ("pas content", "toujours pas
//! réparé"), intensifiers and dampeners ("très", "un peu"), "mais" shifting
//! weight to what follows, shouting and "!!!" amplifying, emojis.
//!
//! It owns the word list (`lexicon_fr.txt`, built as LEXICON.md says) and the
//! stop words that feature extraction drops. It gives signals, never a
//! label: sarcasm ("bravo… 👏") is the model's job, and no rule here knows a
//! corpus sentence.

use crate::normalize::Normalized;

mod analyse;
#[cfg(test)]
pub(crate) mod corpus_eval;
mod roles;
mod table;
#[cfg(test)]
mod tests;
mod words;

/// What the lexicon says about one text.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct SentimentSignals {
    /// Sum of positive contributions, after modifiers.
    pub positive: f32,
    /// Sum of negative contributions, as a positive number.
    pub negative: f32,
    /// Compound score in [-1, 1] (VADER's normalisation).
    pub score: f32,
    /// Hits whose valence a negation flipped.
    pub negated: u32,
    /// Hits scaled up by an intensifier or by shouting.
    pub intensified: u32,
}

/// French function words to drop from word features. Negations ("ne",
/// "pas", "plus", "rien", "jamais", "aucun", "sans", "ni"), intensifiers
/// ("très", "trop"), "mais", "merci" and question words ("quand", "où",
/// "comment", "pourquoi") are deliberately absent: they carry the signal.
pub const STOP_WORDS: &[&str] = &[
    "a", "au", "aux", "avec", "ce", "ces", "cet", "cette", "c", "ca", "d", "dans", "de", "des",
    "du", "elle", "elles", "en", "et", "eux", "il", "ils", "j", "je", "l", "la", "le", "les",
    "leur", "leurs", "lui", "m", "ma", "me", "mes", "moi", "mon", "nos", "notre", "nous", "on",
    "par", "pour", "qu", "que", "qui", "s", "sa", "se", "ses", "son", "sur", "t", "ta", "te",
    "tes", "toi", "ton", "tu", "un", "une", "vos", "votre", "vous", "y", "est", "sont", "suis",
    "es", "sommes", "etes", "ai", "as", "avons", "avez", "ont", "ete", "etre", "avoir", "chez",
    "sous", "vers", "entre", "donc", "or", "car", "dont", "cela", "ceci", "celui", "celle", "ceux",
    "celles", "aussi", "alors", "puis", "ainsi", "deja", "etait", "etaient", "avait", "avaient",
];

/// Number of entries (words, phrases, emojis) in the lexicon.
pub fn entry_count() -> usize {
    table::lexicon().entry_count
}

/// Sentiment signals of one normalised text.
pub fn sentiment(n: &Normalized) -> SentimentSignals {
    analyse::analyse(n).signals
}

/// Lexicon hits as feature names for the linear model, e.g. "lex:neg",
/// "lex:pos", "lex:neg_negated", "lex:strong_neg", "emoji:neg".
pub fn features(n: &Normalized) -> Vec<&'static str> {
    let mut out = Vec::new();
    features_into(n, &mut out);
    out
}

/// [`features`], pushed onto `out`.
pub fn features_into(n: &Normalized, out: &mut Vec<&'static str>) {
    let a = analyse::analyse(n);
    let s = a.signals;
    let mut push = |cond: bool, name: &'static str| {
        if cond {
            out.push(name);
        }
    };
    push(s.positive > 0.0, "lex:pos");
    push(s.negative > 0.0, "lex:neg");
    push(a.strong_pos, "lex:strong_pos");
    push(a.strong_neg, "lex:strong_neg");
    push(a.neg_negated, "lex:neg_negated");
    push(a.pos_negated, "lex:pos_negated");
    push(a.lack, "lex:lack");
    push(s.intensified > 0, "lex:intensified");
    push(s.positive > 0.0 && s.negative > 0.0, "lex:mixed");
    push(s.score >= 0.5, "lex:score_pos");
    push(s.score <= -0.5, "lex:score_neg");
    push(n.caps_ratio >= 0.5, "lex:shout");
    push(n.exclamations >= 2, "lex:exclaim");
    push(a.emoji_pos, "emoji:pos");
    push(a.emoji_neg, "emoji:neg");
}
