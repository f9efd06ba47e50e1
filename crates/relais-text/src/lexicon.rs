//! French sentiment lexicon for social-housing comments, and the rules that
//! turn its hits into signals: negation ("pas content", "toujours pas
//! réparé"), intensifiers and dampeners ("très", "un peu"), "mais" shifting
//! weight to what follows, shouting and "!!!" amplifying, emojis.
//!
//! It owns the word list (`lexicon_fr.txt`, built as LEXICON.md says) and the
//! stop words that feature extraction drops. It gives signals, never a
//! label: sarcasm ("bravo… 👏") is the model's job, and no rule here knows a
//! corpus sentence.

use std::collections::HashMap;

use crate::features::FnvMap;
use std::sync::OnceLock;

use crate::normalize::{Normalized, fold};

#[cfg(test)]
pub(crate) mod corpus_eval;

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

const NEGATORS: &[&str] = &["pas", "jamais", "rien", "aucun", "aucune", "ni", "sans"];
const BOOSTERS: &[&str] = &[
    "tres",
    "trop",
    "vraiment",
    "tellement",
    "super",
    "hyper",
    "ultra",
    "grave",
    "completement",
    "totalement",
    "extremement",
    "vachement",
    "absolument",
    "carrement",
    "particulierement",
    "si",
    "bien",
    "franchement",
    "archi",
    "hyper",
];
const DAMPENERS: &[&str] = &[
    "peu",
    "assez",
    "plutot",
    "legerement",
    "moyennement",
    "presque",
];
/// Amenities whose absence is a complaint: "pas de chauffage", "sans
/// ascenseur", "plus d'eau chaude".
const AMENITIES: &[&str] = &[
    "chauffage",
    "eau",
    "ascenseur",
    "lumiere",
    "eclairage",
    "electricite",
    "courant",
    "gaz",
    "interphone",
    "digicode",
    "badge",
    "reseau",
    "internet",
    "tele",
    "television",
    "antenne",
    "ventilation",
    "vmc",
    "serrure",
    "cle",
    "cles",
    "boite",
    "reponse",
    "retour",
    "nouvelles",
    "solution",
    "gardien",
    "menage",
    "nettoyage",
    "entretien",
    "information",
    "informations",
    "explication",
    "explications",
    "suivi",
    "contact",
    "rappel",
    "intervention",
    "passage",
];
const LACK: f32 = -1.2;
const NEGATION_SCALAR: f32 = -0.74;
const BOOST: f32 = 1.3;
const DAMPEN: f32 = 0.6;

struct Lexicon {
    words: FnvMap<String, f32>,
    /// First word → (all words, valence), longest first.
    phrases: FnvMap<String, Vec<(Vec<String>, f32)>>,
    emojis: FnvMap<String, f32>,
    /// What a text's word may start: the three tables above as one, so
    /// that scanning looks each word up once.
    first: FnvMap<String, FirstWord>,
}

/// Everything the lexicon knows of a word that may start a hit.
#[derive(Default)]
struct FirstWord {
    /// The word's own valence.
    word: Option<f32>,
    /// The phrases it starts, longest first.
    phrases: Vec<(Vec<String>, f32)>,
    /// One of [`AMENITIES`].
    amenity: bool,
}

fn tokens(s: &str) -> Vec<String> {
    fold(&s.to_lowercase())
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let mut lex = Lexicon {
            words: FnvMap::default(),
            phrases: FnvMap::default(),
            emojis: FnvMap::default(),
            first: FnvMap::default(),
        };
        for line in include_str!("lexicon_fr.txt").lines() {
            let Some((term, value)) = line.split_once('\t') else {
                continue;
            };
            let Ok(value) = value.trim().parse::<f32>() else {
                continue;
            };
            if line.starts_with('#') {
                continue;
            }
            let words = if term.chars().any(char::is_alphabetic) {
                tokens(term)
            } else {
                Vec::new()
            };
            match words.len() {
                0 => {
                    lex.emojis
                        .entry(term.replace('\u{fe0f}', ""))
                        .or_insert(value);
                }
                1 => {
                    lex.words.entry(words[0].clone()).or_insert(value);
                }
                _ => {
                    let list = lex.phrases.entry(words[0].clone()).or_default();
                    if !list.iter().any(|(w, _)| *w == words) {
                        list.push((words, value));
                    }
                }
            }
        }
        for list in lex.phrases.values_mut() {
            list.sort_by_key(|(words, _)| std::cmp::Reverse(words.len()));
        }
        for (w, v) in &lex.words {
            lex.first.entry(w.clone()).or_default().word = Some(*v);
        }
        for (w, list) in &lex.phrases {
            lex.first.entry(w.clone()).or_default().phrases = list.clone();
        }
        for w in AMENITIES {
            lex.first.entry(w.to_string()).or_default().amenity = true;
        }
        lex
    })
}

/// Number of entries (words, phrases, emojis) in the lexicon.
pub fn entry_count() -> usize {
    let lex = lexicon();
    lex.words.len() + lex.emojis.len() + lex.phrases.values().map(Vec::len).sum::<usize>()
}

#[derive(Debug, Clone, Copy)]
struct Hit {
    start: usize,
    end: usize,
    raw: f32,
    value: f32,
    negated: bool,
}

fn scan(words: &[&str]) -> Vec<Hit> {
    let lex = lexicon();
    let mut hits = Vec::with_capacity(words.len());
    let mut i = 0;
    while i < words.len() {
        let entry = lex.first.get(words[i]);
        let phrase = entry.and_then(|e| {
            e.phrases
                .iter()
                .find(|(p, _)| {
                    p.len() <= words.len() - i && p.iter().zip(&words[i..]).all(|(a, b)| a == b)
                })
                .map(|(p, v)| (p.len(), *v))
        });
        let found = phrase.or_else(|| entry.and_then(|e| e.word).map(|v| (1, v)));
        match found {
            Some((len, v)) => {
                hits.push(Hit {
                    start: i,
                    end: i + len,
                    raw: v,
                    value: v,
                    negated: false,
                });
                i += len;
            }
            None if entry.is_some_and(|e| e.amenity) => {
                hits.push(Hit {
                    start: i,
                    end: i + 1,
                    raw: 0.0,
                    value: 0.0,
                    negated: false,
                });
                i += 1;
            }
            None => i += 1,
        }
    }
    // An intensifier right before another hit modifies it instead of counting
    // on its own ("super sympa", "bien sale").
    let mut kept: Vec<Hit> = Vec::with_capacity(hits.len());
    for (k, h) in hits.iter().enumerate() {
        let next_adjacent = hits
            .get(k + 1)
            .is_some_and(|n| n.start == h.end && n.raw != 0.0);
        if h.end - h.start == 1 && BOOSTERS.contains(&words[h.start]) && next_adjacent {
            continue;
        }
        kept.push(*h);
    }
    kept
}

/// Word tokens of the folded text and, for each, the clause it belongs to:
/// negations and intensifiers do not reach across punctuation. A word's
/// clause is the number of clause marks before it.
fn clause_words(n: &Normalized) -> (Vec<&str>, Vec<u32>) {
    let (mut words, mut clauses) = (
        Vec::with_capacity(n.word_count()),
        Vec::with_capacity(n.word_count()),
    );
    let bytes = n.folded.as_bytes();
    let (mut clause, mut at) = (0u32, 0);
    for (&(a, b), word) in n.spans().iter().zip(n.words()) {
        let marks = bytes[at..a as usize].iter().filter(|c| {
            matches!(
                c,
                b',' | b'.' | b';' | b':' | b'!' | b'?' | b'\n' | b'(' | b')'
            )
        });
        clause += marks.count() as u32;
        words.push(word);
        clauses.push(clause);
        at = b as usize;
    }
    (words, clauses)
}

/// Indices of the (up to) `n` words before `start` in the same clause.
fn window(clauses: &[u32], start: usize, n: usize) -> std::ops::Range<usize> {
    let mut from = start;
    while from > 0 && start - from < n && clauses[from - 1] == clauses[start.min(clauses.len() - 1)]
    {
        from -= 1;
    }
    from..start
}

fn is_negator(words: &[&str], k: usize) -> bool {
    let w = words[k];
    if NEGATORS.contains(&w) {
        return true;
    }
    // "plus" negates after "ne"/"n'" or before "de" ("plus de chauffage"),
    // and compares otherwise ("plus propre").
    w == "plus"
        && ((k >= 1 && matches!(words[k - 1], "ne" | "n"))
            || (k >= 2 && matches!(words[k - 2], "ne" | "n"))
            || words.get(k + 1).is_some_and(|n| *n == "de" || *n == "d"))
}

fn negated(words: &[&str], clauses: &[u32], h: &Hit) -> bool {
    if (h.start..h.end).any(|k| NEGATORS.contains(&words[k]) || words[k] == "plus") {
        return false; // the entry already says it ("pas mal", "toujours rien")
    }
    if window(clauses, h.start, 3).any(|k| is_negator(words, k)) {
        return true;
    }
    // "ne … pas" around the word: "je ne suis pas", "n'est jamais propre".
    let ne_before = window(clauses, h.start, 2).any(|k| matches!(words[k], "ne" | "n"));
    let neg_after = (h.end..(h.end + 2).min(words.len()))
        .filter(|k| clauses[*k] == clauses[h.start])
        .any(|k| matches!(words[k], "pas" | "plus" | "jamais" | "rien"));
    ne_before && neg_after
}

struct Analysis {
    signals: SentimentSignals,
    hits: Vec<Hit>,
    emoji_pos: bool,
    emoji_neg: bool,
}

fn analyse(n: &Normalized) -> Analysis {
    let (words, clauses) = clause_words(n);
    let words = &words;
    let mut hits = scan(words);
    let mut intensified = 0;
    let but = words.iter().rposition(|w| *w == "mais");
    for h in &mut hits {
        let before = window(&clauses, h.start, 2);
        if h.raw == 0.0 {
            // an amenity: only its absence counts
        } else if before.clone().any(|k| BOOSTERS.contains(&words[k])) {
            h.value *= BOOST;
            intensified += 1;
        } else if before.clone().any(|k| DAMPENERS.contains(&words[k])) {
            h.value *= DAMPEN;
        }
        if negated(words, &clauses, h) {
            h.value = if h.raw == 0.0 {
                LACK
            } else {
                h.value * NEGATION_SCALAR
            };
            h.negated = true;
        } else if h.raw > 0.0
            && n.questions > 0
            && h.end - h.start == 1
            && words[h.start] == "merci"
        {
            h.value *= 0.2; // "…, comment faire ? Merci": politeness, not praise
        }
        if let Some(m) = but {
            h.value *= if h.start < m { 0.5 } else { 1.5 };
        }
    }
    let shouting = n.caps_ratio >= 0.5;
    if shouting && !hits.is_empty() {
        for h in &mut hits {
            h.value *= 1.25;
        }
        intensified += hits.len() as u32;
    }
    let lex = lexicon();
    let mut emoji_values = Vec::new();
    let mut seen: HashMap<&str, u32> = HashMap::new();
    for e in &n.emojis {
        let key = e.trim_end_matches('\u{fe0f}');
        let count = seen.entry(key).or_insert(0);
        *count += 1;
        if *count > 3 {
            continue; // "👏👏👏👏👏" says no more than three
        }
        if let Some(v) = lex.emojis.get(key) {
            emoji_values.push(*v);
        }
    }
    let values = hits
        .iter()
        .map(|h| h.value)
        .chain(emoji_values.iter().copied());
    let (mut positive, mut negative) = (0.0f32, 0.0f32);
    for v in values {
        if v > 0.0 {
            positive += v;
        } else {
            negative -= v;
        }
    }
    let mut sum = positive - negative;
    if sum != 0.0 {
        sum += sum.signum() * n.exclamations.min(4) as f32 * 0.292;
    }
    let score = sum / (sum * sum + 15.0).sqrt();
    Analysis {
        signals: SentimentSignals {
            positive,
            negative,
            score,
            negated: hits.iter().filter(|h| h.negated).count() as u32,
            intensified,
        },
        emoji_pos: emoji_values.iter().any(|v| *v > 0.5),
        emoji_neg: emoji_values.iter().any(|v| *v < -0.5),
        hits,
    }
}

/// Sentiment signals of one normalised text.
pub fn sentiment(n: &Normalized) -> SentimentSignals {
    analyse(n).signals
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
    let a = analyse(n);
    let s = a.signals;
    let mut push = |cond: bool, name: &'static str| {
        if cond {
            out.push(name);
        }
    };
    push(s.positive > 0.0, "lex:pos");
    push(s.negative > 0.0, "lex:neg");
    push(
        a.hits.iter().any(|h| h.raw >= 2.5 && !h.negated),
        "lex:strong_pos",
    );
    push(
        a.hits.iter().any(|h| h.raw <= -2.5 && !h.negated),
        "lex:strong_neg",
    );
    push(
        a.hits.iter().any(|h| h.raw < 0.0 && h.negated),
        "lex:neg_negated",
    );
    push(
        a.hits.iter().any(|h| h.raw > 0.0 && h.negated),
        "lex:pos_negated",
    );
    push(a.hits.iter().any(|h| h.raw == 0.0 && h.negated), "lex:lack");
    push(s.intensified > 0, "lex:intensified");
    push(s.positive > 0.0 && s.negative > 0.0, "lex:mixed");
    push(s.score >= 0.5, "lex:score_pos");
    push(s.score <= -0.5, "lex:score_neg");
    push(n.caps_ratio >= 0.5, "lex:shout");
    push(n.exclamations >= 2, "lex:exclaim");
    push(a.emoji_pos, "emoji:pos");
    push(a.emoji_neg, "emoji:neg");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::normalize;

    fn score(text: &str) -> f32 {
        sentiment(&normalize(text)).score
    }

    #[test]
    fn complaints_are_negative_and_praise_positive() {
        assert!(score("C'est une honte, inadmissible") < -0.5);
        assert!(score("Merci beaucoup, super réactif !") > 0.5);
        assert!(score("Les gardiens sont au top 👍") > 0.5);
        assert!(score("ras le bol 😡") < -0.5);
    }

    #[test]
    fn negation_flips_or_damps_the_next_words() {
        assert!(score("je ne suis pas content") < 0.0);
        assert!(score("pas mal du tout") > 0.0);
        assert!(score("pas de problème") > 0.0);
        assert!(score("toujours pas réparé") < 0.0);
        assert!(score("l'escalier n'est jamais propre") < 0.0);
        let s = sentiment(&normalize("ce n'est pas propre"));
        assert_eq!(s.negated, 1);
    }

    #[test]
    fn a_missing_amenity_is_a_complaint_and_a_closing_thanks_is_politeness() {
        assert!(score("sans ascenseur depuis lundi") < 0.0);
        assert!(score("plus d'eau chaude") < 0.0);
        assert_eq!(score("l'eau chaude"), 0.0);
        assert!(score("Comment payer le loyer ? Merci") < score("Merci"));
    }

    #[test]
    fn comparative_plus_does_not_negate() {
        assert!(score("le hall est plus propre") > 0.0);
        assert!(score("il n'est plus propre") < 0.0);
    }

    #[test]
    fn intensifiers_dampeners_caps_and_exclamations_scale() {
        assert!(score("très sale") < score("sale"));
        assert!(score("un peu sale") > score("sale"));
        assert!(score("C'EST SALE") < score("c'est sale"));
        assert!(score("c'est sale !!!") < score("c'est sale"));
        assert_eq!(sentiment(&normalize("super sympa")).intensified, 1);
    }

    #[test]
    fn mais_shifts_weight_to_what_follows() {
        assert!(score("merci pour la réponse mais toujours rien, c'est nul") < 0.0);
        assert!(score("il y a eu des soucis mais l'équipe a été super") > 0.0);
    }

    #[test]
    fn emojis_carry_valence_and_become_features() {
        let f = features(&normalize("ascenseur en panne 🤬"));
        assert!(f.contains(&"emoji:neg") && f.contains(&"lex:neg"));
        let f = features(&normalize("merci 🙏❤️"));
        assert!(f.contains(&"emoji:pos") && f.contains(&"lex:pos"));
        assert!(features(&normalize("pas efficace")).contains(&"lex:pos_negated"));
        assert!(features(&normalize("bravo, trois semaines de panne")).contains(&"lex:mixed"));
        assert!(features(&normalize("toujours pas de chauffage")).contains(&"lex:lack"));
    }

    #[test]
    fn neutral_questions_score_near_zero() {
        assert!(score("Bonjour, quels sont les horaires de l'agence ?").abs() < 0.3);
    }

    #[test]
    fn stop_words_keep_negations_intensifiers_and_thanks() {
        for kept in [
            "pas", "rien", "plus", "tres", "merci", "jamais", "ne", "mais", "quand",
        ] {
            assert!(!STOP_WORDS.contains(&kept), "{kept}");
        }
        assert!(STOP_WORDS.contains(&"le"));
    }

    #[test]
    fn the_lexicon_has_hundreds_of_entries() {
        assert!(entry_count() >= 600, "{}", entry_count());
    }
}
