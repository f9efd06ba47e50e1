//! The domain lexicon: cue words of each category, theme and audience of
//! `taxonomy.md`, written for relais (folded, matched at word starts so
//! "ascenseur" also covers "ascenseurs"). Each hit becomes a feature
//! (`cue:lift`), which lets the linear models generalise from few examples
//! to words they have not seen in training.

/// A label and its cue word starts (folded, lower case).
type Cues = (&'static str, &'static [&'static str]);

const COMMENT_CUES: &[Cues] = &[
    (
        "lift",
        &[
            "ascenseur",
            "asc ",
            "elevateur",
            "cabine",
            "bloque au",
            "coince dans",
            "escaliers a pied",
            "monter a pied",
            "monte les",
            "pmr",
            "fauteuil",
            "otis",
            "kone",
            "schindler",
            "technicien ascenseur",
        ],
    ),
    (
        "heating_hot_water",
        &[
            "chauffage",
            "radiateur",
            "chaudiere",
            "eau chaude",
            "eau froide",
            "douche froide",
            "chaufferie",
            "chauffe-eau",
            "ballon",
            "on gele",
            "on caille",
            "froid dans",
            "degres",
            "thermostat",
            "ecs",
        ],
    ),
    (
        "water_damp",
        &[
            "fuite",
            "degat des eaux",
            "degats des eaux",
            "moisi",
            "moisissure",
            "humidite",
            "humide",
            "infiltration",
            "champignon",
            "salpetre",
            "goutte",
            "inond",
            "plafond qui coule",
            "eau qui coule",
            "condensation",
            "tache d'eau",
            "joint",
        ],
    ),
    (
        "pests",
        &[
            "cafard",
            "blatte",
            "punaise",
            "rat ",
            "rats",
            "souris",
            "nuisible",
            "cancrelat",
            "fourmi",
            "guepe",
            "frelon",
            "pigeon",
            "puce",
            "desinsectisation",
            "deratisation",
            "bestiole",
            "insecte",
        ],
    ),
    (
        "cleanliness",
        &[
            "sale",
            "salete",
            "propre",
            "proprete",
            "ordure",
            "poubelle",
            "encombrant",
            "local poubelle",
            "dechet",
            "menage",
            "nettoy",
            "odeur d'urine",
            "pipi",
            "crotte",
            "vomi",
            "tri ",
            "conteneur",
            "detritus",
            "matelas",
            "canape abandonne",
            "societe de nettoyage",
        ],
    ),
    (
        "safety",
        &[
            "squat",
            "deal",
            "dealer",
            "trafic",
            "drogue",
            "bruit",
            "tapage",
            "agress",
            "menace",
            "vol ",
            "vole",
            "cambriol",
            "effraction",
            "degrad",
            "vandal",
            "tag",
            "incendie",
            "feu ",
            "brule",
            "insecurite",
            "police",
            "peur",
            "violence",
            "bagarre",
            "rodeo",
            "moto",
            "securite",
        ],
    ),
    (
        "common_areas",
        &[
            "porte du hall",
            "porte d'entree",
            "porte de hall",
            "eclairage",
            "lumiere",
            "ampoule",
            "minuterie",
            "digicode",
            "interphone",
            "badge",
            "vigik",
            "parking",
            "barriere",
            "boite aux lettres",
            "boites aux lettres",
            "parties communes",
            "hall",
            "cage d'escalier",
            "aire de jeux",
            "portail",
            "garage",
            "cave",
            "local velo",
            "antenne",
        ],
    ),
    (
        "rent_charges",
        &[
            "loyer",
            "charge",
            "regularisation",
            "regul",
            "quittance",
            "avis d'echeance",
            "apl",
            "caf",
            "augmentation",
            "prelevement",
            "payer",
            "paiement",
            "facture",
            "rappel",
            "sls",
            "surloyer",
            "depot de garantie",
            "caution",
            "impaye",
            "dette",
            "remboursement",
            "euros",
            "€",
        ],
    ),
    (
        "housing_request",
        &[
            "demande de logement",
            "mutation",
            "numero unique",
            "plus grand",
            "t3",
            "t4",
            "t2",
            "t5",
            "f3",
            "f4",
            "relogement",
            "reloger",
            "attribution",
            "commission",
            "dossier",
            "en attente depuis",
            "logement social",
            "echange de logement",
            "sur-occupation",
            "suroccupation",
            "demenager",
            "a la rue",
        ],
    ),
    (
        "works",
        &[
            "travaux",
            "chantier",
            "rehabilitation",
            "renovation",
            "echafaudage",
            "ouvrier",
            "entreprise",
            "poussiere",
            "marteau",
            "perceuse",
            "facade",
            "isolation",
            "renovation energetique",
            "anru",
            "demolition",
            "retard des travaux",
            "fin des travaux",
        ],
    ),
    (
        "praise",
        &[
            "merci",
            "bravo",
            "felicitation",
            "super",
            "genial",
            "top",
            "chapeau",
            "belle initiative",
            "au top",
            "reactif",
            "formidable",
            "excellent",
            "rien a dire",
            "nickel",
            "parfait",
            "adorable",
            "gentil",
            "❤",
            "👏",
            "👍",
            "🙏",
        ],
    ),
    (
        "question",
        &[
            "quand",
            "comment",
            "ou ",
            "est-ce que",
            "est ce que",
            "horaire",
            "ouvert",
            "ferme",
            "bail",
            "assurance",
            "espace locataire",
            "portail",
            "numero",
            "contacter",
            "joindre",
            "savoir",
            "renseignement",
            "information",
            "?",
        ],
    ),
    (
        "off_topic",
        &[
            "chat",
            "chien",
            "perdu",
            "trouve",
            "vends",
            "donne",
            "match",
            "anniversaire",
            "meteo",
            "election",
            "politique",
            "recette",
        ],
    ),
    (
        "spam",
        &[
            "http",
            "www.",
            ".com",
            "gagne",
            "gagnez",
            "cliquez",
            "crypto",
            "bitcoin",
            "investis",
            "iphone",
            "offre exceptionnelle",
            "promo",
            "whatsapp",
            "inbox",
            "mp moi",
            "argent facile",
            "pret entre particulier",
            "logement disponible contactez",
        ],
    ),
];

const POST_CUES: &[Cues] = &[
    (
        "heritage",
        &[
            "histoire",
            "architecte",
            "construit en",
            "annees 50",
            "annees 60",
            "annees 70",
            "patrimoine",
            "memoire",
            "archive",
            "anniversaire",
            "ans deja",
            "ancien",
            "label",
            "architecture",
            "exposition",
            "photo d'epoque",
            "hier",
        ],
    ),
    (
        "neighbourhood",
        &[
            "fete des voisins",
            "animation",
            "jardin partage",
            "atelier",
            "gouter",
            "quartier",
            "habitants",
            "voisins",
            "concert",
            "spectacle",
            "tournoi",
            "sport",
            "enfants",
            "vacances",
            "sortie",
            "festival",
            "carnaval",
        ],
    ),
    (
        "practical",
        &[
            "coupure",
            "travaux",
            "intervention",
            "ascenseur",
            "chauffage",
            "collecte",
            "encombrant",
            "canicule",
            "grand froid",
            "quittance",
            "avis d'echeance",
            "sls",
            "enquete",
            "rappel",
            "attention",
            "info pratique",
            "fermeture",
            "horaires",
            "conseil",
            "demarche",
            "espace locataire",
            "application",
        ],
    ),
    (
        "institutional",
        &[
            "inauguration",
            "signature",
            "convention",
            "partenariat",
            "conseil d'administration",
            "elus",
            "prefet",
            "maire",
            "ministre",
            "prix",
            "trophee",
            "assemblee",
            "congres",
            "bilan",
            "resultats",
            "rapport",
            "gouvernance",
            "accord",
        ],
    ),
    (
        "building",
        &[
            "premiere pierre",
            "livraison",
            "chantier",
            "rehabilitation",
            "renovation",
            "logements neufs",
            "construction",
            "anru",
            "cles",
            "remise des cles",
            "programme",
            "operation",
            "permis de construire",
            "demolition",
            "residentialisation",
        ],
    ),
    (
        "employer",
        &[
            "recrute",
            "recrutement",
            "offre d'emploi",
            "alternance",
            "stage",
            "metier",
            "gardien",
            "collaborateur",
            "equipe",
            "cdi",
            "cdd",
            "rejoignez",
            "candidature",
            "postulez",
            "talent",
            "carriere",
            "onboarding",
            "fier",
            "fiere",
        ],
    ),
    (
        "participation",
        &[
            "election",
            "representants des locataires",
            "vote",
            "concertation",
            "amicale",
            "ccl",
            "enquete de satisfaction",
            "questionnaire",
            "reunion publique",
            "atelier participatif",
            "votre avis",
            "consultation",
            "charte",
        ],
    ),
    (
        "solidarity",
        &[
            "accompagnement",
            "aide",
            "senior",
            "handicap",
            "impaye",
            "precarite",
            "solidarite",
            "isole",
            "fragile",
            "social",
            "fonds",
            "secours",
            "maraude",
            "banque alimentaire",
            "collecte de dons",
            "don ",
        ],
    ),
    (
        "environment",
        &[
            "biodiversite",
            "tri ",
            "economie d'energie",
            "economies d'energie",
            "climat",
            "vegetalisation",
            "compost",
            "recyclage",
            "ecogeste",
            "eco-geste",
            "planete",
            "arbre",
            "abeille",
            "ruche",
            "energie",
            "zero dechet",
        ],
    ),
    (
        "home_ownership",
        &[
            "accession",
            "psla",
            "brs",
            "devenir proprietaire",
            "vente",
            "achat",
            "acheter",
            "proprietaire",
            "bail reel solidaire",
            "pret",
            "appartement a vendre",
        ],
    ),
];

const AUDIENCE_CUES: &[Cues] = &[
    (
        "tenants",
        &[
            "locataire",
            "votre residence",
            "votre logement",
            "chers",
            "votre ",
            "vos ",
            "nos residences",
            "dans votre",
        ],
    ),
    (
        "partners",
        &[
            "partenaire",
            "elus",
            "maire",
            "prefet",
            "collectivite",
            "signature",
            "convention",
            "bailleurs",
            "congres",
            "merci a",
            "@",
        ],
    ),
    (
        "candidates",
        &[
            "recrute",
            "postulez",
            "candidature",
            "offre d'emploi",
            "cdi",
            "alternance",
            "rejoignez",
        ],
    ),
    (
        "applicants",
        &[
            "demande de logement",
            "demandeur",
            "accession",
            "devenir proprietaire",
            "psla",
            "brs",
            "numero unique",
            "attribution",
        ],
    ),
];

/// One automaton per table, built once: every cue word of every label.
struct Automaton {
    ac: aho_corasick::AhoCorasick,
    /// For each pattern, the index of its label in the table.
    label_of: Vec<usize>,
    /// For each pattern, whether it starts with a letter or digit (and so
    /// must start a word).
    word_start: Vec<bool>,
}

fn automaton(table: &'static [Cues]) -> Automaton {
    assert!(
        table.len() <= 64,
        "a table's hits are a bit set of 64 labels"
    );
    let mut patterns = Vec::new();
    let mut label_of = Vec::new();
    let mut word_start = Vec::new();
    for (i, (_, words)) in table.iter().enumerate() {
        for w in *words {
            patterns.push(*w);
            label_of.push(i);
            word_start.push(w.as_bytes().first().is_some_and(u8::is_ascii_alphanumeric));
        }
    }
    Automaton {
        ac: aho_corasick::AhoCorasick::builder()
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(&patterns)
            .expect("cue words build an automaton"),
        label_of,
        word_start,
    }
}

fn hits(
    folded: &str,
    table: &'static [Cues],
    cache: &'static std::sync::OnceLock<Automaton>,
    out: &mut Vec<&'static str>,
    name: fn(&'static str) -> &'static str,
) {
    let a = cache.get_or_init(|| automaton(table));
    let bytes = folded.as_bytes();
    // A bit per label of the table.
    let mut found = 0u64;
    for m in a.ac.find_overlapping_iter(folded) {
        let p = m.pattern().as_usize();
        let at_start = m.start() == 0 || !bytes[m.start() - 1].is_ascii_alphanumeric();
        if !a.word_start[p] || at_start {
            found |= 1 << a.label_of[p];
        }
    }
    for (i, (label, _)) in table.iter().enumerate() {
        if found & (1 << i) != 0 {
            out.push(name(label));
        }
    }
}

static COMMENT_AC: std::sync::OnceLock<Automaton> = std::sync::OnceLock::new();
static POST_AC: std::sync::OnceLock<Automaton> = std::sync::OnceLock::new();
static AUDIENCE_AC: std::sync::OnceLock<Automaton> = std::sync::OnceLock::new();

/// Cue features of a comment (`cue:lift`…).
pub fn comment_cues(folded: &str) -> Vec<&'static str> {
    let mut out = Vec::new();
    comment_cues_into(folded, &mut out);
    out
}

/// [`comment_cues`], pushed onto `out`.
pub fn comment_cues_into(folded: &str, out: &mut Vec<&'static str>) {
    hits(folded, COMMENT_CUES, &COMMENT_AC, out, |l| l);
}

/// Cue features of a post (themes and audiences).
pub fn post_cues(folded: &str) -> Vec<&'static str> {
    let mut out = Vec::new();
    hits(folded, POST_CUES, &POST_AC, &mut out, |l| l);
    hits(folded, AUDIENCE_CUES, &AUDIENCE_AC, &mut out, audience_name);
    out
}

fn audience_name(l: &'static str) -> &'static str {
    match l {
        "tenants" => "aud:tenants",
        "partners" => "aud:partners",
        "candidates" => "aud:candidates",
        _ => "aud:applicants",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::normalize;

    #[test]
    fn cues_match_at_word_starts_only() {
        let n = normalize("Les ascenseurs sont encore en panne");
        assert!(comment_cues(&n.folded).contains(&"lift"));
        // "rat" inside "rattrapage" is no rat.
        let n = normalize("le rattrapage des charges");
        let c = comment_cues(&n.folded);
        assert!(
            !c.contains(&"pests") && c.contains(&"rent_charges"),
            "{c:?}"
        );
    }
}
