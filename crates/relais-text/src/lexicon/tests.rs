//! The lexicon's rules on short French texts.

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

#[test]
fn a_text_without_words_or_known_emojis_says_nothing() {
    for text in ["", "!!! ???", "🚗", "12 34"] {
        assert_eq!(
            sentiment(&normalize(text)),
            SentimentSignals::default(),
            "{text:?}"
        );
    }
}

#[test]
fn an_emoji_counts_three_times_at_most_with_or_without_its_variation_selector() {
    assert_eq!(score("👏👏👏👏👏"), score("👏👏👏"));
    assert!(score("👏👏👏") > score("👏👏"));
    assert_eq!(score("❤️"), score("❤"));
}

#[test]
fn the_longest_phrase_wins_and_its_words_count_once() {
    let s = sentiment(&normalize("merci beaucoup"));
    assert_eq!((s.positive, s.negative), (2.5, 0.0));
    // Words longer than 16 bytes are told apart by all their letters.
    assert!(score("dysfonctionnements") < 0.0);
    assert_eq!(score("dysfonctionnementz"), 0.0);
}

#[test]
fn negations_and_intensifiers_stop_at_a_clause_mark() {
    assert_eq!(sentiment(&normalize("pas efficace")).negated, 1);
    assert_eq!(sentiment(&normalize("pas, efficace")).negated, 0);
    assert_eq!(sentiment(&normalize("très sale")).intensified, 1);
    assert_eq!(sentiment(&normalize("très (sale)")).intensified, 0);
    assert_eq!(sentiment(&normalize("ne content pas")).negated, 1);
    assert_eq!(sentiment(&normalize("ne content. pas")).negated, 0);
}
