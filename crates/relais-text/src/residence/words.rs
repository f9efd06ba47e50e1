//! The French words the residence matcher knows without being told:
//! articles and prepositions, the words that designate a residence
//! ("résidence", "cité"), street types, the abbreviations people write, and
//! the everyday words that make a name ambiguous ("parc", "roches").
//!
//! All lists are in folded form (lower case, no accents). Nothing here
//! knows a landlord's residences.

/// Articles that may open a name ("Les Genêts" is also "Genêts").
pub(super) fn is_article(w: &str) -> bool {
    matches!(w, "le" | "la" | "les" | "l")
}

/// Articles and prepositions: skipped inside names and streets, never
/// content words ("Butte aux Cailles", "Terrasses de l'Isère").
pub(super) fn is_function(w: &str) -> bool {
    matches!(
        w,
        "le" | "la"
            | "les"
            | "l"
            | "de"
            | "du"
            | "des"
            | "d"
            | "aux"
            | "au"
            | "a"
            | "en"
            | "et"
            | "sur"
            | "sous"
    )
}

/// Prepositions of place that say the next words are a place ("aux Roches").
pub(super) fn is_place_preposition(w: &str) -> bool {
    matches!(w, "a" | "au" | "aux")
}

/// Prepositions that make the word before them a common noun with a
/// complement ("au parc de la Villeneuve", "à la source du problème").
pub(super) fn is_complement(w: &str) -> bool {
    matches!(w, "de" | "du" | "des" | "d")
}

/// Words that say the name after them is a residence ("résidence",
/// "rés.", "cité des Essarts", "quartier Mistral", "tour des Cèdres").
pub(super) fn is_designator(w: &str) -> bool {
    matches!(
        w,
        "residence"
            | "residences"
            | "cite"
            | "quartier"
            | "tour"
            | "tours"
            | "immeuble"
            | "immeubles"
            | "ensemble"
            | "lotissement"
            | "domaine"
            | "hameau"
            | "batiment"
    )
}

/// Street types, canonical (abbreviations are expanded before).
pub(super) fn is_street_type(w: &str) -> bool {
    matches!(
        w,
        "rue"
            | "avenue"
            | "boulevard"
            | "allee"
            | "impasse"
            | "place"
            | "chemin"
            | "quai"
            | "galerie"
            | "route"
            | "cours"
            | "square"
            | "passage"
            | "montee"
            | "esplanade"
            | "promenade"
            | "sentier"
            | "voie"
            | "parvis"
            | "faubourg"
            | "traverse"
            | "mail"
    )
}

/// Words that mark the number of an address written after the street
/// ("chemin des Granges au 6", "rue Anatole France, n°25").
pub(super) fn is_number_marker(w: &str) -> bool {
    matches!(w, "au" | "n" | "no" | "num" | "numero")
}

/// Writes [`expand`] and [`ABBREVIATIONS`] from one list, so that the
/// prefilter, which needs every abbreviation, sees the ones the tokenizer
/// expands.
macro_rules! abbreviations {
    ($($($short:literal)|+ => $full:literal,)+) => {
        /// Abbreviations, folded, and the word they stand for. Applied to
        /// names, streets and texts alike, so "bd Joseph Vallier" meets
        /// "boulevard Joseph Vallier" and "rés. Jaurès" meets "résidence
        /// Jaurès".
        pub(super) fn expand(w: &str) -> Option<&'static str> {
            if !may_abbreviate(w.as_bytes()) {
                return None;
            }
            Some(match w {
                $($($short)|+ => $full,)+
                _ => return None,
            })
        }

        /// Every abbreviation [`expand`] knows, with its word.
        pub(super) const ABBREVIATIONS: &[(&str, &str)] = &[$($(($short, $full),)+)+];
    };
}

abbreviations! {
    "res" => "residence",
    "bat" | "bt" | "batim" => "batiment",
    "av" | "ave" | "aven" => "avenue",
    "bd" | "bld" | "blvd" | "boul" | "bvd" => "boulevard",
    "st" => "saint",
    "ste" => "sainte",
    "r" => "rue",
    "all" => "allee",
    "imp" => "impasse",
    "pl" => "place",
    "ch" | "chem" => "chemin",
    "rte" => "route",
    "sq" => "square",
    "fg" | "fbg" => "faubourg",
    "dr" => "docteur",
    "pdt" => "president",
    "gal" => "general",
    "cdt" => "commandant",
    "mgr" => "monseigneur",
    "prof" => "professeur",
}

/// For each length of an abbreviation (five letters at most: a longer one
/// fails to compile here) and its first letter, its last letters, five
/// bits of each byte: most words are turned away by one table read before
/// [`expand`] compares them with each abbreviation.
static ABBREVIATION_ENDS: [[u32; 32]; 6] = abbreviation_ends();

const fn abbreviation_ends() -> [[u32; 32]; 6] {
    let mut ends = [[0; 32]; 6];
    let mut k = 0;
    while k < ABBREVIATIONS.len() {
        let w = ABBREVIATIONS[k].0.as_bytes();
        let (first, last) = (w[0], w[w.len() - 1]);
        ends[w.len()][(first & 31) as usize] |= 1 << (last & 31);
        k += 1;
    }
    ends
}

/// False when `w` is no abbreviation.
fn may_abbreviate(w: &[u8]) -> bool {
    match (w.first(), w.last()) {
        (Some(&first), Some(&last)) if w.len() < ABBREVIATION_ENDS.len() => {
            ABBREVIATION_ENDS[w.len()][usize::from(first & 31)] & (1 << (last & 31)) != 0
        }
        _ => false,
    }
}

/// Everyday words that are also residence names. A name made of one of
/// them ("Le Parc", "Les Roches") only matches where the context says it
/// is a residence; see the module documentation of `residence`.
pub(super) fn is_common(w: &str) -> bool {
    matches!(
        w,
        "parc"
            | "parcs"
            | "jardin"
            | "jardins"
            | "terrasse"
            | "terrasses"
            | "moulin"
            | "moulins"
            | "source"
            | "sources"
            | "roche"
            | "roches"
            | "rocher"
            | "rochers"
            | "grange"
            | "granges"
            | "butte"
            | "buttes"
            | "tour"
            | "tours"
            | "pre"
            | "pres"
            | "prairie"
            | "prairies"
            | "eau"
            | "eaux"
            | "champ"
            | "champs"
            | "mont"
            | "monts"
            | "colline"
            | "collines"
            | "plaine"
            | "vallee"
            | "vallon"
            | "lac"
            | "port"
            | "pont"
            | "ponts"
            | "fontaine"
            | "fontaines"
            | "bois"
            | "foret"
            | "cour"
            | "cours"
            | "place"
            | "clos"
            | "ferme"
            | "fermes"
            | "chateau"
            | "village"
            | "verger"
            | "vergers"
            | "vigne"
            | "vignes"
            | "soleil"
            | "plateau"
            | "rive"
            | "rives"
            | "ile"
            | "iles"
            | "coteau"
            | "coteaux"
            | "balcon"
            | "balcons"
            | "square"
            | "marche"
            | "gare"
            | "stade"
            | "ecole"
            | "centre"
            | "hameau"
            | "fleur"
            | "fleurs"
            | "arbre"
            | "arbres"
            | "pin"
            | "pins"
            | "chene"
            | "chenes"
            | "sapin"
            | "sapins"
            | "tilleul"
            | "tilleuls"
            | "platane"
            | "platanes"
            | "lilas"
            | "roses"
            | "etoile"
            | "etoiles"
            | "horizon"
            | "lumiere"
            | "soleils"
            | "residence"
            | "residences"
            | "cite"
            | "quartier"
            | "voisins"
            | "nord"
            | "sud"
            | "est"
            | "ouest"
            | "haut"
            | "hauts"
            | "bas"
            | "grand"
            | "grands"
            | "petit"
            | "petits"
            | "vieux"
            | "neuf"
            | "nouveau"
            | "beau"
            | "belle"
            | "vue"
            | "paix"
            | "liberte"
            | "avenir"
            | "renaissance"
            | "peupleraie"
            | "bosquet"
            | "bosquets"
            | "oree"
            | "mail"
            | "quai"
            | "jardinet"
            | "potager"
            | "ruisseau"
            | "riviere"
            | "digue"
            | "canal"
            | "pavillon"
            | "pavillons"
            | "tuilerie"
            | "tuileries"
            | "carriere"
            | "carrieres"
            | "cascade"
            | "val"
            | "cote"
            | "cotes"
            | "serre"
            | "serres"
            | "pommiers"
            | "cerisiers"
            | "noyers"
            | "marronniers"
            | "acacias"
            | "saules"
            | "ormes"
            | "bouleaux"
            | "oliviers"
    )
}
