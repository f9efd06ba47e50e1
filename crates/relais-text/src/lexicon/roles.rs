//! The words the lexicon's rules look for besides its entries: negations,
//! intensifiers, dampeners, the amenities whose absence is a complaint,
//! "mais", "merci", and the role each plays, a bit each.

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

/// What the negation and scaling rules need to know of a word, a bit each.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(super) struct Roles(u16);

impl Roles {
    /// Negates what follows in its clause: "pas", "jamais", "sans"…
    pub const NEGATOR: Self = Self(1);
    /// "plus": negates after "ne" or before "de", compares otherwise.
    pub const PLUS: Self = Self(1 << 1);
    /// "ne", "n".
    pub const NE: Self = Self(1 << 2);
    /// "de", "d".
    pub const DE: Self = Self(1 << 3);
    /// Closes a "ne …": "pas", "plus", "jamais", "rien".
    pub const NE_CLOSER: Self = Self(1 << 4);
    /// Intensifier: "très", "vraiment"…
    pub const BOOSTER: Self = Self(1 << 5);
    /// Dampener: "un peu", "assez"…
    pub const DAMPENER: Self = Self(1 << 6);
    /// One of [`AMENITIES`].
    pub const AMENITY: Self = Self(1 << 7);
    /// "mais".
    pub const BUT: Self = Self(1 << 8);
    /// "merci".
    pub const THANKS: Self = Self(1 << 9);

    /// Both sets of roles.
    pub const fn with(self, r: Self) -> Self {
        Self(self.0 | r.0)
    }

    /// Whether the word has any of the roles in `r`.
    pub fn any(self, r: Self) -> bool {
        self.0 & r.0 != 0
    }
}

/// The words of the rules, with their roles.
pub(super) const ROLE_WORDS: &[(&[&str], Roles)] = &[
    (NEGATORS, Roles::NEGATOR),
    (&["plus"], Roles::PLUS),
    (&["ne", "n"], Roles::NE),
    (&["de", "d"], Roles::DE),
    (&["pas", "plus", "jamais", "rien"], Roles::NE_CLOSER),
    (BOOSTERS, Roles::BOOSTER),
    (DAMPENERS, Roles::DAMPENER),
    (AMENITIES, Roles::AMENITY),
    (&["mais"], Roles::BUT),
    (&["merci"], Roles::THANKS),
];
