//! The matcher's rules, one minimal text each, against a small landlord.

use std::num::NonZeroU32;

use relais_core::{Postcode, Residence, ResidenceId, TerritoryId};

use super::ResidenceMatcher;

fn residence(id: &str, name: &str, aliases: &[&str], street: &str, city: &str) -> Residence {
    Residence {
        id: ResidenceId::parse(id).unwrap(),
        name: name.to_string(),
        aliases: aliases.iter().map(|a| a.to_string()).collect(),
        street: street.to_string(),
        postcode: Postcode::parse("38100").unwrap(),
        city: city.to_string(),
        homes: NonZeroU32::new(10).unwrap(),
        built_year: None,
        agency: TerritoryId::parse("agence-sud").unwrap(),
    }
}

fn matcher() -> ResidenceMatcher {
    ResidenceMatcher::new(&[
        residence("G", "Les Genêts", &[], "4 rue Jules Ferry", "Échirolles"),
        residence(
            "V",
            "Le Village Olympique",
            &["VO"],
            "12 avenue Marie Reynoard",
            "Grenoble",
        ),
        residence("P", "Le Parc", &[], "3 allée des Tilleuls", "Grenoble"),
        residence(
            "R",
            "Les Roches",
            &[],
            "22 rue des Roches",
            "Bourgoin-Jallieu",
        ),
        residence(
            "E",
            "Les Essarts",
            &[],
            "15 rue Anatole France",
            "Échirolles",
        ),
        residence(
            "M",
            "Mistral",
            &["quartier Mistral"],
            "25 rue Anatole France",
            "Grenoble",
        ),
        residence(
            "J",
            "Résidence Jean Jaurès",
            &["rés. Jaurès"],
            "14 avenue Jean Jaurès",
            "Vienne",
        ),
        residence("I", "L'Isle", &[], "19 chemin de l'Isle", "Vienne"),
        residence(
            "S",
            "Saint-Exupéry",
            &[],
            "2 boulevard Joseph Vallier",
            "Grenoble",
        ),
    ])
}

fn found(text: &str) -> Option<String> {
    matcher()
        .find(text)
        .map(|m| m.residence.as_str().to_string())
}

#[test]
fn a_name_matches_whatever_its_case_accents_and_article() {
    for text in [
        "Les Genêts : plus d'eau chaude",
        "les genets ascenseur en panne",
        "souci aux GENETS",
        "Genêts bât B",
    ] {
        assert_eq!(found(text).as_deref(), Some("G"), "{text}");
    }
}

#[test]
fn the_match_quotes_the_text_as_written() {
    let m = matcher().find("Fuite au Village olympique, bât 3").unwrap();
    assert_eq!(m.matched, "Village olympique");
    assert!(m.confidence > 0.9);
}

#[test]
fn a_one_letter_typo_still_matches() {
    let cases = [
        ("Les Genêt : fuite", "G"),   // deletion
        ("Les Gneêts, fuite", "G"),   // transposition
        ("aux Genêtts", "G"),         // insertion
        ("au Vilage Olympique", "V"), // deletion in a name of two words
        ("Village Olympiqe bât 2", "V"),
        ("Village Olimpique", "V"), // substitution
    ];
    for (text, id) in cases {
        assert_eq!(found(text).as_deref(), Some(id), "{text}");
    }
    let typo = matcher().find("au Vilage Olympique").unwrap();
    let exact = matcher().find("au Village Olympique").unwrap();
    assert!(typo.confidence < exact.confidence);
}

#[test]
fn two_typos_in_a_word_do_not_match() {
    assert_eq!(found("Les Gnets, fuite"), Some("G".into()));
    assert_eq!(found("les Gaanets, fuite"), None);
}

#[test]
fn le_parc_as_a_common_phrase_does_not_match() {
    for text in [
        "le parc est sale",
        "Les enfants jouent au parc de la Villeneuve",
        "Le parc à vélos est plein",
        "On se voit dans le parc ?",
    ] {
        assert_eq!(found(text), None, "{text}");
    }
}

#[test]
fn le_parc_matches_when_the_context_says_it_is_the_residence() {
    for text in [
        "Résidence du Parc : la porte est cassée",
        "rés. Le Parc, fuite",
        "Chez nous au Parc, fuite",
        "#LeParc fuite",
        "ça coule aux Roches",
        "on attend, Les Roches sont sans eau",
    ] {
        assert!(found(text).is_some(), "{text}");
    }
}

#[test]
fn two_residences_named_give_no_link() {
    assert_eq!(found("Le VO et les Essarts même combat"), None);
    assert_eq!(found("Aux Essarts et aux Genêts c'est pareil"), None);
}

#[test]
fn a_street_address_with_its_number_matches() {
    let m = matcher()
        .find("au 25 rue Anatole France l'ascenseur est en panne")
        .unwrap();
    assert_eq!(m.residence.as_str(), "M");
    assert_eq!(m.matched, "25 rue Anatole France");
    assert!(m.confidence > 0.95);
    assert_eq!(
        found("av. Marie Reynoard au 12, fuite").as_deref(),
        Some("V")
    );
    assert_eq!(found("bd Joseph Vallier : tags").as_deref(), Some("S"));
}

#[test]
fn a_street_with_another_number_or_shared_without_number_does_not_match() {
    assert_eq!(found("au 40 rue Anatole France"), None);
    assert_eq!(found("rue Anatole France, fuite"), None);
    assert_eq!(found("l'école Jules Ferry ferme"), None);
}

#[test]
fn a_hashtag_matches() {
    assert_eq!(
        found("Fête ! #VillageOlympique #Grenoble").as_deref(),
        Some("V")
    );
    assert_eq!(found("fête #villageolympique").as_deref(), Some("V"));
    assert_eq!(found("#Roches le hall est sale").as_deref(), Some("R"));
}

#[test]
fn an_acronym_alias_matches_only_in_capitals() {
    assert_eq!(found("Au VO les poubelles débordent").as_deref(), Some("V"));
    assert_eq!(found("film en vo ce soir"), None);
}

#[test]
fn an_alias_made_after_a_designator_needs_it() {
    assert_eq!(
        found("Rés. Jaurès : ascenseur en panne").as_deref(),
        Some("J")
    );
    assert_eq!(found("Résidence Jean Jaurès, fuite").as_deref(), Some("J"));
    assert_eq!(found("Jaurès disait"), None);
}

#[test]
fn a_name_inside_a_hyphenated_town_does_not_match() {
    assert_eq!(found("On déménage à L'Isle-d'Abeau"), None);
    assert_eq!(found("Résidence de l'Isle : fuite").as_deref(), Some("I"));
}

#[test]
fn a_town_alone_gives_no_link() {
    assert_eq!(
        found("Grenoble, Échirolles et Vienne : nouveaux horaires"),
        None
    );
}

#[test]
fn abbreviations_of_saint_are_expanded() {
    assert_eq!(found("Problème à St Exupéry").as_deref(), Some("S"));
    assert_eq!(found("#SaintExupéry").as_deref(), Some("S"));
}

#[test]
fn a_name_inside_a_longer_proper_name_does_not_match() {
    for text in [
        "Concert au parc Paul Mistral",
        "avenue Frédéric Mistral",
        "Les Roches Noires à Trouville",
        "l'Isle d'Abeau",
    ] {
        assert_eq!(found(text), None, "{text}");
    }
    assert_eq!(
        found("Les Genêts d'Échirolles, fuite").as_deref(),
        Some("G")
    );
}

#[test]
fn everyday_words_one_letter_from_a_name_do_not_match() {
    let m = ResidenceMatcher::new(&[
        residence(
            "C",
            "Les Cèdres",
            &[],
            "21 avenue de la République",
            "Domène",
        ),
        residence("A", "Les Alpins", &[], "5 rue des Alpins", "Domène"),
        residence(
            "T",
            "Les Ateliers",
            &[],
            "76 avenue de Verdun",
            "Villefranche",
        ),
    ]);
    for text in [
        "Les cadres de l'agence ne répondent pas",
        "les cendres du barbecue",
        "on donne à manger aux lapins",
        "merci pour l'atelier jardinage",
    ] {
        assert_eq!(m.find(text), None, "{text}");
    }
    assert_eq!(
        m.find("Les Cedre, fuite")
            .map(|r| r.residence.as_str().to_string())
            .as_deref(),
        Some("C")
    );
}

#[test]
fn a_weak_match_gives_way_to_a_strong_one() {
    // "rue Anatole France" without number is weak and shared; Les Genêts is named.
    assert_eq!(
        found("Les Genêts, près de la rue Anatole France").as_deref(),
        Some("G")
    );
    // An everyday word after "aux" is weak; Les Genêts is named in full.
    assert_eq!(
        found("Aux Genêts comme aux roches, rien").as_deref(),
        Some("G")
    );
}

#[test]
fn the_prefilter_says_no_only_where_the_matcher_finds_nothing() {
    let m = matcher();
    let may = |text: &str| super::prefilter::may_name(&m.gate, text);
    // Named: the prefilter lets them through.
    for text in [
        "Les Genêts",
        "GENETS",
        "les genits",
        "au 4 rue Jules Ferry",
        "avenue Marie Reynoard",
        "résidence du Parc",
        "le VO",
    ] {
        assert!(m.find(text).is_some(), "{text}");
        assert!(may(text), "{text}");
    }
    // Unsure: a hashtag, a letter the prefilter does not fold.
    for text in ["#VillageOlympique", "Ŀes Genêts"] {
        assert!(may(text), "{text}");
    }
    // Some words of a name or a street, never all of them, or a street
    // without its type: the prefilter says no, and the matcher agrees.
    for text in [
        "Merci beaucoup pour la réponse !",
        "L'ascenseur est en panne 😡",
        "",
        "rés. Olympique",
        "bd Marie Reynoard",
        "à la résidence",
        "Jules Ferry",
    ] {
        assert!(!may(text), "{text}");
        assert!(m.find(text).is_none(), "{text}");
    }
}
