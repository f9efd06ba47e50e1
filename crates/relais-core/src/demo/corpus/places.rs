//! The demo landlord and its world: the fictional landlord itself, its three
//! territorial directions and eight agencies (real towns of Auvergne-Rhône-Alpes
//! with their real postcodes and INSEE codes), residence names with the aliases
//! tenants use, street names, people's first and last names, the landlord's
//! trades and the partners that appear in institutional posts.
//!
//! This is demo data only. It must never be used to train, tune or evaluate a
//! classifier. The landlord, its SIREN, its residences and its people are
//! fictional; only the towns are real.

use crate::demo::corpus::{AgencySeed, City, DirectionSeed, LandlordSeed, ResidenceNameSeed};

/// The fictional landlord: an ESH named after the Brévenne, a small river west
/// of Lyon. The SIREN has a valid Luhn checksum and belongs to no one we know of.
pub const LANDLORD: LandlordSeed = LandlordSeed {
    name: "Brévenne Habitat",
    short: "BrevenneHabitat",
    siren: "418729562",
    family: "ESH",
    website: "https://www.brevenne-habitat.example",
};

const fn city(name: &'static str, postcode: &'static str, insee: &'static str) -> City {
    City {
        name,
        postcode,
        insee,
    }
}

// Towns: name, postcode (the main one when a town has several), INSEE code.
const VAULX_EN_VELIN: City = city("Vaulx-en-Velin", "69120", "69256");
const DECINES: City = city("Décines-Charpieu", "69150", "69275");
const MEYZIEU: City = city("Meyzieu", "69330", "69282");
const BRON: City = city("Bron", "69500", "69029");
const SAINT_PRIEST: City = city("Saint-Priest", "69800", "69290");
const CHASSIEU: City = city("Chassieu", "69680", "69271");
const VENISSIEUX: City = city("Vénissieux", "69200", "69259");
const SAINT_FONS: City = city("Saint-Fons", "69190", "69199");
const CORBAS: City = city("Corbas", "69960", "69273");
const FEYZIN: City = city("Feyzin", "69320", "69276");
const VILLEURBANNE: City = city("Villeurbanne", "69100", "69266");
const RILLIEUX: City = city("Rillieux-la-Pape", "69140", "69286");
const CALUIRE: City = city("Caluire-et-Cuire", "69300", "69034");
const VILLEFRANCHE: City = city("Villefranche-sur-Saône", "69400", "69264");
const GLEIZE: City = city("Gleizé", "69400", "69092");
const ANSE: City = city("Anse", "69480", "69009");
const TARARE: City = city("Tarare", "69170", "69243");
const L_ARBRESLE: City = city("L'Arbresle", "69210", "69010");
const GIVORS: City = city("Givors", "69700", "69091");
const GRIGNY: City = city("Grigny", "69520", "69096");
const SAINT_CHAMOND: City = city("Saint-Chamond", "42400", "42207");
const RIVE_DE_GIER: City = city("Rive-de-Gier", "42800", "42186");
const SAINT_ETIENNE: City = city("Saint-Étienne", "42000", "42218");
const FIRMINY: City = city("Firminy", "42700", "42095");
const LE_CHAMBON: City = city("Le Chambon-Feugerolles", "42500", "42044");

/// Three territorial directions, eight agencies (3 + 3 + 2), in the Rhône and
/// the Loire (region Auvergne-Rhône-Alpes). Agency names all start with "Agence".
pub const DIRECTIONS: &[DirectionSeed] = &[
    DirectionSeed {
        name: "Direction territoriale Lyon Est",
        agencies: &[
            AgencySeed {
                name: "Agence de Vaulx-en-Velin",
                cities: &[VAULX_EN_VELIN, DECINES, MEYZIEU],
            },
            AgencySeed {
                name: "Agence Bron – Saint-Priest",
                cities: &[BRON, SAINT_PRIEST, CHASSIEU],
            },
            AgencySeed {
                name: "Agence de Vénissieux",
                cities: &[VENISSIEUX, SAINT_FONS, CORBAS, FEYZIN],
            },
        ],
    },
    DirectionSeed {
        name: "Direction territoriale Rhône Nord",
        agencies: &[
            AgencySeed {
                name: "Agence Villeurbanne – Rillieux",
                cities: &[VILLEURBANNE, RILLIEUX, CALUIRE],
            },
            AgencySeed {
                name: "Agence de Villefranche",
                cities: &[VILLEFRANCHE, GLEIZE, ANSE],
            },
            AgencySeed {
                name: "Agence Tarare – L'Arbresle",
                cities: &[TARARE, L_ARBRESLE],
            },
        ],
    },
    DirectionSeed {
        name: "Direction territoriale Gier et Loire",
        agencies: &[
            AgencySeed {
                name: "Agence Givors – Vallée du Gier",
                cities: &[GIVORS, GRIGNY, SAINT_CHAMOND, RIVE_DE_GIER],
            },
            AgencySeed {
                name: "Agence de Saint-Étienne",
                cities: &[SAINT_ETIENNE, FIRMINY, LE_CHAMBON],
            },
        ],
    },
];

const fn r(name: &'static str, aliases: &'static [&'static str]) -> ResidenceNameSeed {
    ResidenceNameSeed { name, aliases }
}

/// Residence names with the aliases tenants use. Some names hold common words
/// ("Le Parc", "Les Terrasses", "Le Moulin", "La Source") or overlap other names
/// ("Résidence Jean Moulin", "Le Moulin à Vent"): deliberate traps for the
/// residence matcher. No alias repeats another name or alias.
pub const RESIDENCE_NAMES: &[ResidenceNameSeed] = &[
    r("Les Tilleuls", &["rés. les Tilleuls"]),
    r("Résidence du Parc", &["rés. du Parc", "résidence Parc"]),
    r("Le Parc", &[]),
    r(
        "Cité Jardin des Lilas",
        &["la cité des Lilas", "cité-jardin", "les Lilas"],
    ),
    r("Le Clos Saint-Jean", &["Clos St Jean", "le clos St-Jean"]),
    r(
        "Les Terrasses du Rhône",
        &["Terrasses Rhône", "les terrasses du rhone"],
    ),
    r("Les Terrasses", &[]),
    r("Tour Perret", &["la tour Perret", "la Perret"]),
    r("Les Hauts de Vaulx", &["Hauts-de-Vaulx", "les Hauts"]),
    r("Le Moulin", &[]),
    r("Le Moulin à Vent", &["Moulin-à-Vent", "le MAV"]),
    r(
        "Résidence Jean Moulin",
        &["rés. Jean Moulin", "Jean-Moulin"],
    ),
    r("Les Marronniers", &["les maronniers", "les marrons"]),
    r("Les Acacias", &[]),
    r("Les Platanes", &["les platanes bât A"]),
    r("Les Jardins de la Soie", &["Jardins Soie", "la Soie"]),
    r("Les Canuts", &["rés. des Canuts"]),
    r("Le Clos des Vignes", &["clos des vignes"]),
    r("Les Érables", &["les Erables"]),
    r("Les Peupliers", &["les peupliers 2"]),
    r("Résidence Les Cèdres", &["les Cèdres", "rés. Cèdres"]),
    r("Le Bois Joli", &["Bois-Joli"]),
    r("Les Coteaux", &[]),
    r("Les Coteaux du Gier", &["coteaux Gier"]),
    r("Le Plateau", &["le plato"]),
    r("Les Genêts", &["les Genets"]),
    r("Les Glycines", &[]),
    r("La Roseraie", &["rés. la Roseraie"]),
    r("Les Capucines", &["les capu"]),
    r("Les Iris", &[]),
    r("Le Square Fleuri", &["square fleuri"]),
    r("Square Pasteur", &["le square", "sq. Pasteur"]),
    r(
        "Résidence Victor Hugo",
        &["rés. Victor Hugo", "la Victor-Hugo"],
    ),
    r("Les Quatre Vents", &["les 4 vents", "4 Vents"]),
    r("La Source", &[]),
    r("Les Sources", &[]),
    r("Le Belvédère", &["le Belvedere"]),
    r("Les Balcons de Saône", &["balcons de saone"]),
    r("Le Grand Pré", &["Grand-Pré"]),
    r("Les Prés Verts", &["prés verts", "les prés"]),
    r(
        "La Fontaine Saint-Martin",
        &["la Fontaine", "Fontaine St Martin"],
    ),
    r("Les Hauts du Château", &["le château", "Hauts du Chateau"]),
    r("Le Soleil Levant", &["soleil levant"]),
    r("Les Mimosas", &[]),
    r("Les Lavandières", &["les lavandieres"]),
    r("Le Verger", &[]),
    r("La Garenne", &[]),
    r("Le Prieuré", &["le prieure"]),
    r("Les Charmilles", &[]),
    r("La Colline", &["la colinne"]),
    r("Le Val Fleuri", &["Val-Fleuri"]),
    r("Les Bruyères", &["les bruyeres"]),
    r(
        "Résidence Louise Michel",
        &["Louise-Michel", "rés. L. Michel"],
    ),
    r("Résidence Lucie Aubrac", &["Lucie-Aubrac"]),
    r("Résidence Simone Veil", &["rés. Simone Veil"]),
    r("Résidence Pablo Neruda", &["Neruda", "rés. Neruda"]),
    r("Résidence Jean Jaurès", &["rés. Jaurès"]),
    r("Les Amandiers", &[]),
    r("Les Oliviers", &[]),
    r("Les Sorbiers", &[]),
    r("Les Hirondelles", &["les hirondelle"]),
    r("Les Mésanges", &["les mesanges"]),
    r("Tour Bellevue", &["la tour Bellevue", "Bellevue"]),
    r("Les Tours Lumière", &["les tours", "tours lumiere"]),
    r("Le Carré des Arts", &["carré des arts"]),
    r("L'Orée du Bois", &["l'orée", "Orée-du-Bois"]),
    r("Les Rives du Gier", &["rives du Gier"]),
    r("Le Clos Fleuri", &[]),
    r("La Cerisaie", &[]),
    r("Les Noyers", &[]),
    r("Le Pré aux Chênes", &["pré aux chenes"]),
    r("Les Chênes", &["les Chenes"]),
    r("Cité des Castors", &["les Castors", "la cité Castors"]),
    r("Cité des Forges", &["les Forges", "cité forges"]),
    r("Cité des Mineurs", &["la cité minière", "les Mineurs"]),
    r("Résidence Sainte-Barbe", &["Ste Barbe", "Sainte Barbe"]),
    r("Les Crêts", &["les crets"]),
    r("La Rotonde", &[]),
    r("Le Patio", &[]),
    r("Les Arcades", &["les arcades bât C"]),
    r("Le Cèdre Bleu", &["cèdre bleu"]),
    r("Les Jardins du Levant", &["jardins du levant"]),
    r("Résidence du Stade", &["rés. du Stade", "le stade"]),
    r("Les Lauriers", &[]),
    r("Le Clos de la Chapelle", &["la Chapelle", "clos chapelle"]),
    r("Les Balcons du Pilat", &["balcons Pilat"]),
    r("Résidence Beaujolais", &["rés. Beaujolais"]),
    r("La Pépinière", &["la pepiniere"]),
    r("Les Ateliers", &[]),
    r("La Filature", &["l'ancienne filature"]),
    r("Le Tissage", &[]),
    r("Les Mûriers", &["les muriers"]),
    r("Le Moulinage", &[]),
    r("La Passerelle", &[]),
    r("Les Mariniers", &["rés. des Mariniers"]),
    r("Le Hameau des Pins", &["le hameau"]),
    r("Les Pins", &[]),
    r("Les Bleuets", &[]),
    r("Les Jonquilles", &[]),
    r(
        "Résidence Ambroise Croizat",
        &["Croizat", "rés. A. Croizat"],
    ),
    r("Cité Paul Langevin", &["Langevin", "la cité Langevin"]),
    r("Résidence Danielle Casanova", &["Casanova"]),
    r("Les Alouettes", &[]),
    r("Le Grand Ensemble des Sablons", &["les Sablons", "Sablons"]),
];

/// Street names with a lower-case type, without number (the generator adds one).
pub const STREETS: &[&str] = &[
    "rue Victor Hugo",
    "avenue Jean Jaurès",
    "allée des Cèdres",
    "boulevard de la Libération",
    "chemin des Prés",
    "place du Marché",
    "rue de la République",
    "rue Pasteur",
    "avenue Gabriel Péri",
    "rue Jules Ferry",
    "rue Anatole France",
    "rue Émile Zola",
    "avenue Paul Vaillant-Couturier",
    "rue Jean Moulin",
    "rue Pierre Sémard",
    "avenue Marcel Cachin",
    "rue Henri Barbusse",
    "rue Louis Aragon",
    "rue Paul Éluard",
    "allée des Tilleuls",
    "allée des Lilas",
    "rue des Acacias",
    "impasse des Glycines",
    "chemin de la Source",
    "chemin du Moulin",
    "rue de la Gare",
    "rue des Écoles",
    "rue de l'Église",
    "place de la Mairie",
    "rue du 8 Mai 1945",
    "rue du 11 Novembre 1918",
    "rue de la Paix",
    "rue de la Liberté",
    "avenue de l'Europe",
    "boulevard des Droits de l'Homme",
    "rue Lamartine",
    "rue Voltaire",
    "rue Racine",
    "rue Molière",
    "rue Jean de la Fontaine",
    "rue George Sand",
    "rue Colette",
    "rue Marie Curie",
    "rue Louise Michel",
    "rue Lucie Aubrac",
    "avenue Simone Veil",
    "rue Olympe de Gouges",
    "rue Jean-Baptiste Clément",
    "rue Ambroise Croizat",
    "avenue Salvador Allende",
    "rue Pablo Picasso",
    "rue Fernand Léger",
    "avenue Maurice Thorez",
    "rue Danton",
    "rue Condorcet",
    "rue Jean Macé",
    "rue Ferdinand Buisson",
    "rue Édouard Herriot",
    "avenue Franklin Roosevelt",
    "avenue du Général de Gaulle",
    "avenue du Maréchal Foch",
    "boulevard Gambetta",
    "rue Garibaldi",
    "rue des Canuts",
    "montée du Château",
    "montée de la Côte",
    "chemin des Vignes",
    "chemin de la Garenne",
    "chemin des Écoliers",
    "allée des Peupliers",
    "allée des Érables",
    "allée des Mimosas",
    "allée des Primevères",
    "square des Marronniers",
    "rue du Stade",
    "avenue des Sports",
    "rue de la Fraternité",
    "place de la Fraternité",
    "rue des Jardins",
    "rue des Vergers",
    "rue des Forges",
    "rue de la Mine",
    "rue du Puits",
    "quai des Mariniers",
    "quai Jean-Jacques Rousseau",
    "rue des Tisserands",
    "rue de la Filature",
    "rue de la Soie",
    "cours de la République",
    "rue Nelson Mandela",
    "allée Rosa Parks",
    "rue Martin Luther King",
    "rue Aristide Briand",
    "rue Georges Clemenceau",
    "rue Antoine de Saint-Exupéry",
    "rue Jacques Prévert",
    "rue Boris Vian",
    "rue Frédéric Mistral",
    "rue Alphonse Daudet",
    "rue du Pilat",
    "chemin des Crêts",
    "route de Lyon",
    "route de Givors",
    "avenue de Verdun",
    "rue du Docteur Roux",
    "rue du Professeur Calmette",
    "impasse des Bleuets",
    "allée du Bois Joli",
];

/// First names as met on a French estate: French, Maghrebi, West and Central
/// African, Portuguese, Italian, Spanish, Turkish, Armenian, Vietnamese, Romanian…
#[rustfmt::skip]
pub const FIRST_NAMES: &[&str] = &[
    // French, several generations
    "Marie", "Sophie", "Nathalie", "Isabelle", "Sylvie", "Christine", "Catherine", "Martine",
    "Monique", "Josiane", "Odette", "Jean", "Pierre", "Michel", "Alain", "Patrick", "Philippe",
    "Christophe", "Laurent", "Thierry", "Stéphane", "Sébastien", "Julien", "Nicolas", "Mathieu",
    "Kevin", "Dylan", "Enzo", "Lucas", "Hugo", "Théo", "Léa", "Manon", "Camille", "Chloé", "Emma",
    "Jade", "Louise", "Clara", "Océane", "Laetitia", "Sandrine", "Aurélie", "Céline", "Virginie",
    "Gérard", "Bernard", "Raymond", "Marcel", "Yvette", "Ginette", "Denise", "Gisèle",
    "Jacqueline", "Colette", "Franck", "Cédric", "Jérôme", "Fabrice", "Yannick", "Maëlys",
    "Anthony", "Jordan", "Mélissa", "Audrey",
    // Maghrebi
    "Mohamed", "Karim", "Rachid", "Samir", "Nordine", "Farid", "Mehdi", "Yacine", "Sofiane",
    "Bilal", "Nabil", "Mourad", "Abdelkader", "Youssef", "Amine", "Ilyes", "Fatima", "Khadija",
    "Samira", "Nadia", "Leïla", "Yasmina", "Malika", "Rachida", "Sabrina", "Myriam", "Souad",
    "Naïma", "Zohra", "Amel", "Kenza", "Inès", "Nour", "Rayan", "Adam", "Djamila", "Hakim",
    // West and Central African, Comorian
    "Moussa", "Mamadou", "Ibrahima", "Ousmane", "Abdoulaye", "Seydou", "Aminata", "Fatoumata",
    "Mariam", "Awa", "Binta", "Kadiatou", "Aïssatou", "Oumar", "Bakary", "Souleymane", "Adama",
    "Koffi", "Grâce", "Prisca", "Christelle", "Anli", "Fahardine",
    // Portuguese, Italian, Spanish
    "João", "José", "Manuel", "António", "Paulo", "Fernando", "Maria", "Ana", "Rosa", "Conceição",
    "Joaquim", "Carla", "Giuseppe", "Antonio", "Francesca", "Luigi", "Carmen", "Dolores", "Pilar",
    // Turkish, Armenian, Vietnamese, Eastern European
    "Mehmet", "Ayşe", "Emre", "Elif", "Zeynep", "Murat", "Aram", "Anahit", "Haïg", "Minh", "Linh",
    "Thi Hoa", "Ioana", "Mihai", "Natalia", "Olga", "Bogdan",
];

/// Last names, equally varied.
#[rustfmt::skip]
pub const LAST_NAMES: &[&str] = &[
    // French, some of them typical of the Lyonnais and the Forez
    "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy",
    "Moreau", "Simon", "Laurent", "Lefebvre", "Michel", "David", "Bertrand", "Roux", "Vincent",
    "Fournier", "Morel", "Girard", "André", "Mercier", "Dupont", "Lambert", "Bonnet", "François",
    "Legrand", "Garnier", "Faure", "Rousseau", "Blanc", "Guérin", "Muller", "Henry", "Roussel",
    "Perrin", "Morin", "Mathieu", "Clément", "Gauthier", "Dumont", "Fontaine", "Chevalier",
    "Robin", "Masson", "Boyer", "Denis", "Lemaire", "Duval", "Joly", "Roche", "Noël", "Meyer",
    "Meunier", "Marchand", "Dufour", "Blanchard", "Chapuis", "Grangeon", "Vial", "Brunel",
    "Berthet", "Dumas", "Guillot", "Thévenon", "Crozet", "Poncet", "Bouchet", "Charvet", "Revol",
    "Favre", "Jacquet", "Granjon",
    // Maghrebi
    "Benali", "Haddad", "Boudjema", "Mansouri", "Belkacem", "Cherif", "Bouzid", "Hamidi", "Saïdi",
    "Benyahia", "Khelifi", "Amrani", "El Idrissi", "Bensaïd", "Zerrouki", "Aït Ahmed", "Ouali",
    "Belhadj", "Meziane", "Lahlou", "Bouaziz", "Chaouch",
    // West and Central African, Comorian
    "Diallo", "Traoré", "Koné", "Coulibaly", "Diop", "Ndiaye", "Sow", "Camara", "Keïta", "Cissé",
    "Sylla", "Touré", "Bamba", "Kouassi", "Fofana", "Diarra", "Sissoko", "Mbemba", "Said Ali",
    // Portuguese, Italian, Spanish
    "Da Silva", "Pereira", "Ferreira", "Rodrigues", "Dos Santos", "Fernandes", "Gonçalves",
    "Teixeira", "Oliveira", "Carvalho", "Lopes", "Correia", "Moreira", "Rossi", "Ferrari", "Russo",
    "Esposito", "Bianchi", "Fernandez", "Gomez", "Ruiz", "Garcia", "Martinez", "Lopez",
    // Turkish, Armenian, Vietnamese, Eastern European
    "Yilmaz", "Kaya", "Demir", "Çelik", "Şahin", "Kazarian", "Manoukian", "Petrossian", "Nguyen",
    "Tran", "Pham", "Popescu", "Ionescu", "Kowalski",
];

/// The landlord's trades, as written in job posts (inclusive spelling, no article).
pub const JOBS: &[&str] = &[
    "gardien·ne d'immeuble",
    "chargé·e de clientèle",
    "conseiller·ère en économie sociale et familiale",
    "technicien·ne de patrimoine",
    "responsable de programmes",
    "chargé·e de gestion locative",
    "chargé·e de recouvrement",
    "agent·e d'entretien",
    "agent·e de maintenance polyvalent·e",
    "responsable d'agence",
    "médiateur·rice social·e",
    "conducteur·rice d'opérations",
    "chargé·e d'attribution",
    "gestionnaire de charges locatives",
    "chargé·e de communication",
    "contrôleur·se de gestion",
    "chargé·e de mission rénovation urbaine",
    "conseiller·ère en accession sociale",
    "technicien·ne de proximité",
    "responsable de secteur",
    "juriste en droit immobilier",
];

/// Institutions and partners, each with its article ("la", "le", "l'", "les")
/// or none, written to follow "avec", "et", "par" or "dont" in a sentence (never "à"
/// or "de", which would give "à le", "de les").
pub const PARTNERS: &[&str] = &[
    "la Métropole de Lyon",
    "la Banque des Territoires",
    "Action Logement",
    "l'ANRU",
    "la Préfecture du Rhône",
    "le Département de la Loire",
    "la Région Auvergne-Rhône-Alpes",
    "la CAF du Rhône",
    "l'ADEME",
    "l'Union sociale pour l'habitat",
    "Saint-Étienne Métropole",
    "le CCAS de la ville",
    "France Travail",
    "la Mission locale",
    "l'Agence locale de l'énergie et du climat",
    "le CAUE du Rhône",
    "les Archives municipales",
    "les Compagnons Bâtisseurs",
    "l'association Les Voisins du Gier",
    "l'association Bricol'Quartier",
    "le collectif Jardins de Traverse",
];

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    fn luhn_ok(digits: &str) -> bool {
        let mut sum = 0;
        for (i, c) in digits.chars().rev().enumerate() {
            let mut d = c.to_digit(10).expect("digit");
            if i % 2 == 1 {
                d *= 2;
                if d > 9 {
                    d -= 9;
                }
            }
            sum += d;
        }
        sum % 10 == 0
    }

    #[test]
    fn landlord_is_well_formed() {
        assert_eq!(LANDLORD.siren.len(), 9);
        assert!(LANDLORD.siren.chars().all(|c| c.is_ascii_digit()));
        assert!(luhn_ok(LANDLORD.siren), "SIREN must pass Luhn");
        assert!(
            !luhn_ok("418729563"),
            "the Luhn check itself must reject a wrong digit"
        );
        assert!(["OPH", "ESH", "Coop", "SEM"].contains(&LANDLORD.family));
        assert!(LANDLORD.website.starts_with("https://"));
        assert!(LANDLORD.website.ends_with(".example"));
        assert!(LANDLORD.short.chars().all(|c| c.is_ascii_alphanumeric()));
    }

    #[test]
    fn territories_are_well_formed() {
        assert_eq!(DIRECTIONS.len(), 3);
        let agencies: Vec<_> = DIRECTIONS.iter().flat_map(|d| d.agencies.iter()).collect();
        assert_eq!(agencies.len(), 8);
        let mut insee = HashSet::new();
        let mut names = HashSet::new();
        for a in &agencies {
            assert!(a.name.starts_with("Agence "), "{}", a.name);
            assert!(names.insert(a.name), "duplicate agency {}", a.name);
            assert!((2..=4).contains(&a.cities.len()), "{}", a.name);
            for c in a.cities {
                assert_eq!(c.postcode.len(), 5, "{}", c.name);
                assert_eq!(c.insee.len(), 5, "{}", c.name);
                assert!(c.postcode.chars().all(|ch| ch.is_ascii_digit()));
                assert!(c.insee.chars().all(|ch| ch.is_ascii_digit()));
                assert_eq!(c.postcode[..2], c.insee[..2], "department of {}", c.name);
                assert!(
                    ["69", "42"].contains(&&c.insee[..2]),
                    "one region: {}",
                    c.name
                );
                assert!(insee.insert(c.insee), "town in two agencies: {}", c.name);
            }
        }
    }

    #[test]
    fn residence_names_are_distinct_and_aliases_unambiguous() {
        assert!(RESIDENCE_NAMES.len() >= 90, "{}", RESIDENCE_NAMES.len());
        let mut seen = HashSet::new();
        for r in RESIDENCE_NAMES {
            assert!(r.aliases.len() <= 3, "{}", r.name);
            assert!(
                seen.insert(r.name.to_lowercase()),
                "duplicate name {}",
                r.name
            );
        }
        for r in RESIDENCE_NAMES {
            for a in r.aliases {
                assert!(!a.trim().is_empty());
                assert_ne!(
                    a.to_lowercase(),
                    r.name.to_lowercase(),
                    "alias equal to its name"
                );
                assert!(
                    seen.insert(a.to_lowercase()),
                    "alias {a} of {} is ambiguous",
                    r.name
                );
            }
        }
        // A few common-word names, deliberate traps for the matcher.
        for trap in ["Le Parc", "Les Terrasses", "Le Moulin", "La Source"] {
            assert!(RESIDENCE_NAMES.iter().any(|r| r.name == trap), "{trap}");
        }
    }

    #[test]
    fn streets_have_a_lower_case_type() {
        const TYPES: &[&str] = &[
            "rue",
            "avenue",
            "allée",
            "boulevard",
            "chemin",
            "place",
            "impasse",
            "montée",
            "square",
            "quai",
            "cours",
            "route",
        ];
        assert!(STREETS.len() >= 90, "{}", STREETS.len());
        let mut seen = HashSet::new();
        for s in STREETS {
            assert!(seen.insert(*s), "duplicate street {s}");
            let ty = s.split(' ').next().unwrap();
            assert!(TYPES.contains(&ty), "street type of {s}");
            assert!(s.split(' ').count() >= 2, "{s}");
        }
    }

    #[test]
    fn lists_are_long_enough_and_distinct() {
        for (what, list, min) in [
            ("first names", FIRST_NAMES, 120),
            ("last names", LAST_NAMES, 120),
            ("jobs", JOBS, 15),
            ("partners", PARTNERS, 15),
        ] {
            assert!(list.len() >= min, "{what}: {}", list.len());
            let set: HashSet<_> = list.iter().collect();
            assert_eq!(set.len(), list.len(), "{what} has duplicates");
            assert!(
                list.iter()
                    .all(|s| !s.trim().is_empty() && !s.contains('{')),
                "{what}"
            );
        }
    }
}
