//! Tests of the urgency rules: unit cases and precision on the labelled corpus.

use super::*;
use crate::normalize::normalize;

fn fired(text: &str) -> Option<&'static str> {
    urgent(&normalize(text)).map(|r| r.name)
}

#[test]
fn gas_smell_fires_and_the_boiler_room_hints_heating() {
    assert_eq!(fired("Ça sent le gaz dans l'escalier"), Some("gas_smell"));
    assert_eq!(fired("odeur de gaz très forte"), Some("gas_smell"));
    let r = urgent(&normalize("Fuite de gaz dans la chaufferie !")).unwrap();
    assert_eq!(r.category_hint, Some("heating_hot_water"));
}

#[test]
fn negated_repaired_or_hypothetical_gas_does_not_fire() {
    assert_eq!(fired("Plus d'odeur de gaz depuis l'intervention"), None);
    assert_eq!(fired("Merci pour la réparation de la fuite de gaz"), None);
    assert_eq!(fired("ça ne sent plus le gaz"), None);
    assert_eq!(fired("Que faire en cas d'odeur de gaz ?"), None);
    assert_eq!(fired("Un détecteur de gaz est-il obligatoire ?"), None);
}

#[test]
fn fire_and_smoke_fire_but_drills_and_detectors_do_not() {
    assert_eq!(fired("Incendie au 3e, les pompiers arrivent"), Some("fire"));
    assert_eq!(
        fired("Il y a de la fumée dans la cage d'escalier"),
        Some("smoke")
    );
    assert_eq!(fired("Exercice incendie jeudi à 10h"), None);
    assert_eq!(fired("Détecteur de fumée à installer ?"), None);
    assert_eq!(fired("la porte coupe-feu ne ferme plus"), None);
    assert_eq!(
        fired("les voisins fument, il y a de la fumée dans le hall"),
        None
    );
}

#[test]
fn active_flooding_fires_but_a_chronic_leak_does_not() {
    assert_eq!(fired("L'eau coule du plafond !"), Some("major_leak"));
    assert_eq!(
        fired("Une canalisation a éclaté, ça inonde tout"),
        Some("major_leak")
    );
    assert_eq!(fired("Les caves sont inondées à chaque pluie"), None);
    assert_eq!(fired("Petite fuite sous l'évier depuis 2 semaines"), None);
}

#[test]
fn people_stuck_in_a_lift_or_upstairs_fire() {
    assert_eq!(
        fired("On est coincés dans l'ascenseur !"),
        Some("person_stuck_in_lift")
    );
    assert_eq!(
        fired("Ma voisine en fauteuil roulant est bloquée, l'ascenseur est en panne"),
        Some("reduced_mobility_stuck_upstairs")
    );
    assert_eq!(fired("J'ai peur de rester coincé dans l'ascenseur"), None);
    assert_eq!(
        fired("Le nouvel ascenseur sera-t-il accessible en fauteuil ?"),
        None
    );
}

#[test]
fn a_recent_break_in_fires_but_an_attempt_does_not() {
    assert_eq!(fired("On a forcé ma porte cette nuit"), Some("break_in"));
    assert_eq!(fired("Cambriolage ce matin au 2e"), Some("break_in"));
    assert_eq!(
        fired("Tentative d'effraction cette nuit, la serrure est abîmée"),
        None
    );
    assert_eq!(fired("Je me suis fait cambrioler 2 fois en un an"), None);
}

#[test]
fn no_heating_fires_only_in_the_cold() {
    assert_eq!(
        fired("Pas de chauffage et il fait -5 dehors"),
        Some("no_heating_in_the_cold")
    );
    assert_eq!(
        fired("Plus de chauffage, 13° dans la chambre"),
        Some("no_heating_in_the_cold")
    );
    assert_eq!(
        fired("chauffage en panne en plein hiver"),
        Some("no_heating_in_the_cold")
    );
    assert_eq!(fired("Pas de chauffage depuis hier soir"), None);
    assert_eq!(fired("Pas d'eau chaude, douche froide ce matin"), None);
    assert_eq!(
        fired("Le chauffage se coupe à 22h, il fait un froid de canard"),
        None
    );
}

#[test]
fn electrical_danger_and_sleeping_rough_fire() {
    assert_eq!(
        fired("des fils électriques à nu dans le hall"),
        Some("electrical_danger")
    );
    assert_eq!(
        fired("la prise fait des étincelles"),
        Some("electrical_danger")
    );
    assert_eq!(
        fired("je dors dans ma voiture avec mon fils"),
        Some("sleeping_rough_or_fleeing_violence")
    );
    assert_eq!(
        fired("je suis à la rue depuis hier"),
        Some("sleeping_rough_or_fleeing_violence")
    );
    assert_eq!(
        fired("je dois fuir des violences conjugales ce soir"),
        Some("sleeping_rough_or_fleeing_violence")
    );
    assert_eq!(fired("j'habite à la rue de la Paix"), None);
    assert_eq!(
        fired("Journée contre les violences conjugales : permanence"),
        None
    );
}

#[test]
fn cold_temperatures_are_read_from_the_text() {
    assert!(cold_temperature("il fait 12° chez moi"));
    assert!(cold_temperature("-3 cette nuit"));
    assert!(cold_temperature("14 degres dans le salon"));
    assert!(!cold_temperature("27 degres dans la chambre"));
    assert!(!cold_temperature("appelez le 06-12-34"));
}

#[test]
fn rules_are_precise_on_the_labelled_corpus() {
    let rows = crate::lexicon::corpus_eval::labelled();
    let (mut fired_n, mut correct, mut urgent_n, mut caught) = (0, 0, 0, 0);
    for r in &rows {
        let hit = urgent(&normalize(&r.text));
        let is_urgent = r.urgency == "urgent";
        urgent_n += is_urgent as u32;
        if is_urgent && hit.is_none() {
            println!("not caught (left to the model) {}: {}", r.id, r.text);
        }
        if let Some(rule) = hit {
            fired_n += 1;
            if is_urgent {
                correct += 1;
                caught += 1;
            } else {
                println!(
                    "false alarm {} [{}] {}: {}",
                    r.id, r.urgency, rule.name, r.text
                );
            }
        }
    }
    let precision = correct as f32 / fired_n.max(1) as f32;
    let recall = caught as f32 / urgent_n.max(1) as f32;
    println!(
        "urgency rules on {} comments: fired {fired_n}, precision {precision:.3}, recall {recall:.3} ({caught}/{urgent_n} urgent)",
        rows.len()
    );
    assert!(precision >= 0.97, "precision {precision:.3}");
}

/// Matches `pattern` against `text` with the engine alone (no rule), the
/// text read as one sentence.
fn engine_finds(pattern: &'static str, text: &str, guard: bool) -> bool {
    let mut words = Builder::default();
    let slots = compile(pattern, &mut words);
    for &(w, _) in NEGATION_WORDS {
        words.id(w, false);
    }
    let vocabulary = words.build();
    let mut ids = Vec::new();
    let tokens: Vec<Token> = text
        .split_whitespace()
        .map(|w| {
            let from = ids.len() as u32;
            let exact = vocabulary.lookup(w.as_bytes(), &mut ids);
            let flags = NEGATION_WORDS
                .iter()
                .find(|&&(n, _)| exact.is_some() && n == w)
                .map_or(0, |&(_, f)| f);
            Token {
                from,
                to: ids.len() as u32,
                flags,
            }
        })
        .collect();
    find(
        Words {
            tokens: &tokens,
            ids: &ids,
        },
        &slots,
        guard,
    )
}

#[test]
fn words_match_whole_or_by_their_start() {
    assert!(engine_finds("odeur* _ gaz", "une odeurs de gaz", false));
    assert!(!engine_finds("odeur _ gaz", "une odeurs de gaz", false));
    assert!(!engine_finds("gaz", "gazon", false));
    assert!(engine_finds("gaz*", "gazon", false));
    assert!(
        engine_finds("gazon*|gaz*", "gaz", false),
        "one alternative is enough"
    );
    assert!(!engine_finds("é*", "ete", false));
    assert!(engine_finds("é*", "été", false), "bytes, not letters");
    assert!(
        !engine_finds("", "gaz", false),
        "an empty pattern matches nothing"
    );
    assert!(!engine_finds("gaz", "", false));
}

#[test]
fn word_sequences_and_gaps_stay_within_the_words() {
    assert!(engine_finds("ne+marche|hs", "il ne marche", false));
    assert!(
        !engine_finds("ne+marche|hs", "il ne", false),
        "a sequence cut by the end"
    );
    assert!(engine_finds(
        "panne d|de ne+marche+plus",
        "panne de ne marche plus",
        false
    ));
    assert!(engine_finds("fait _ froid", "fait froid", false));
    assert!(engine_finds(
        "fait _ froid",
        "fait un tres grand froid",
        false
    ));
    assert!(!engine_finds(
        "fait _ froid",
        "fait un tres tres grand froid",
        false
    ));
    assert!(
        engine_finds("gaz _", "gaz", false),
        "a gap at the end matches nothing"
    );
}

#[test]
fn a_negation_before_the_match_stops_it_within_its_clause() {
    assert!(!engine_finds("gaz", "pas de gaz", true));
    assert!(engine_finds("gaz", "pas de gaz", false), "no guard");
    assert!(
        engine_finds("gaz", "pas de doute , gaz", true),
        "a comma ends it"
    );
    assert!(
        engine_finds("gaz", "pas de doute la le gaz", true),
        "too far"
    );
    assert!(!engine_finds("gaz", "personne n a gaz", true));
    assert!(engine_finds("gaz", "personne a gaz", true));
    assert!(engine_finds("gaz", "personne n a de gaz", true), "too far");
    assert!(!engine_finds("sent", "ne sent plus", true));
    assert!(engine_finds("sent", "ne sent vraiment bien plus", true));
}
