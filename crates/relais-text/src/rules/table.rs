//! The urgency rules themselves, as data: each rule's triggers (word
//! patterns), the context it needs, its vetoes, and the vetoes common to all
//! (resolved, past, drills, "en cas de"). The matching engine is in
//! `rules.rs`; this file holds no logic beyond the tables.

use super::UrgencyRule;

/// A pattern is words separated by spaces. Each slot is alternatives split by
/// `|`; an alternative is one word, or several joined by `+`; a word ending in
/// `*` matches any word it starts; `_` skips up to 3 words and `__` up to 6.
pub(super) struct Trigger {
    pub(super) pattern: &'static str,
    /// If not empty, must also match in the same sentence.
    pub(super) near: &'static str,
    /// If not empty, must not match in the same sentence.
    pub(super) not_near: &'static str,
}

const fn t(pattern: &'static str) -> Trigger {
    Trigger {
        pattern,
        near: "",
        not_near: "",
    }
}
const fn tn(pattern: &'static str, near: &'static str) -> Trigger {
    Trigger {
        pattern,
        near,
        not_near: "",
    }
}
const fn tx(pattern: &'static str, near: &'static str, not_near: &'static str) -> Trigger {
    Trigger {
        pattern,
        near,
        not_near,
    }
}

pub(super) struct Spec {
    pub(super) rule: UrgencyRule,
    /// At least one must be a substring of the folded text (cheap reject).
    pub(super) prefilter: &'static [&'static str],
    pub(super) triggers: &'static [Trigger],
    /// Each group must have a pattern that matches somewhere in the text;
    /// the pattern `<cold>` stands for a cold temperature ("12°", "-5").
    pub(super) context: &'static [&'static [&'static str]],
    /// None may match (un-negated) anywhere in the text.
    pub(super) vetoes: &'static [&'static str],
}

const fn rule(name: &'static str, hint: Option<&'static str>) -> UrgencyRule {
    UrgencyRule {
        name,
        category_hint: hint,
    }
}

/// Resolved, past, drills and "what to do if" questions: never urgent.
pub(super) const COMMON_VETOES: &[&str] = &[
    "repare|reparee|repares|reparees|reparation|resolu|resolue|regle|reglee|retabli*",
    "remis|remise en route|service|marche",
    "est|sont revenu|revenue|revenus",
    "depuis|apres l intervention",
    "merci pour|a|au|aux|d+avoir",
    "merci beaucoup|infiniment pour",
    "remercie*|bravo|felicit*",
    "exercice*|simulation",
    "fausse alerte|alarme",
    "en cas d|de",
    "au cas ou",
    "si jamais",
    "que faire si",
    "est|sont intervenu|intervenus",
    "technicien*|plombier*|grdf|chauffagiste*|ascensoriste*|depanneur*|reparateur*|entreprise|astreinte|electricien*|serrurier* _ est|sont passe|passes|passee|venu|venus",
    "l an|annee|hiver dernier|derniere",
    "le mois dernier",
    "la semaine derniere",
    "il y a _ an|ans|mois",
];

const GAS: &[Trigger] = &[
    t("odeur* _ gaz"),
    t("sent|sens|sentons|sentez _ gaz"),
    t("fuite* de|du gaz"),
    t("gaz qui fuit|fuient"),
];
const GAS_VETOES: &[&str] = &["detecteur*"];

const LIFT_DOWN: &[&str] = &[
    "ascenseur* __ panne|hs|rade|arret|ne+marche|ne+fonctionne|hors+service|marche+plus|fonctionne+plus",
    "ascenseur* arrete|bloque|casse",
    "ascenseur* est|reste|toujours|encore _ arrete|arretes|bloque|casse",
    "sans ascenseur*",
    "plus|pas d|de ascenseur*",
    "panne d|de l ascenseur*",
];

const COLD: &[&str] = &[
    "fait _ froid",
    "ce|grand|plein froid",
    "vague* de froid",
    "froid glacial|polaire",
    "a|ai|as|avons|avez|ont froid",
    "gele|gelee|geles|gelees|gel|glacial|glaciale|glaciales|neige*|negative*",
    "hiver",
    "janvier|fevrier|decembre",
    COLD_TEMPERATURE,
];

/// Stands for a cold temperature in a context group.
pub(super) const COLD_TEMPERATURE: &str = "<cold>";

pub(super) static SPECS: &[Spec] = &[
    Spec {
        rule: rule("gas_smell_boiler_room", Some("heating_hot_water")),
        prefilter: &["gaz"],
        triggers: GAS,
        context: &[&["chaufferie*|chaudiere*"]],
        vetoes: GAS_VETOES,
    },
    Spec {
        rule: rule("gas_smell", Some("safety")),
        prefilter: &["gaz"],
        triggers: GAS,
        context: &[],
        vetoes: GAS_VETOES,
    },
    Spec {
        rule: rule("fire", Some("safety")),
        prefilter: &["incendi", "feu", "flamm"],
        triggers: &[
            t("incendie"),
            t("au feu"),
            t("depart de feu"),
            t("en feu"),
            t("pris|prend|prennent feu"),
            t("flamme|flammes"),
            tn(
                "mis|met|mettent le feu",
                "fum*|flamme*|pompiers|brule*|enfume*",
            ),
        ],
        context: &[],
        vetoes: &[
            "securite|risque*|prevention|consigne*|detecteur*|extincteur*|assurance* _ incendie",
            "coupe feu",
            "feu* rouge|vert|tricolore|artifice|camp|joie",
            "d artifice",
            "flamme olympique",
            "depuis|apres|suite+a l|un incendie",
            "eu un incendie",
        ],
    },
    Spec {
        rule: rule("smoke", Some("safety")),
        prefilter: &["fum"],
        triggers: &[
            t("fumee* noire*|epaisse*|blanche*"),
            t(
                "fumee* _ dans _ escalier*|cage*|etage*|palier*|couloir*|hall|appartement*|logement*|cave*|immeuble|batiment|montee|parking|sous+sol|coursive*",
            ),
            t("fumee* _ monte|sort|sortent|rentre|rentrent|envahit|remonte|partout"),
            t("enfume|enfumee|enfumes|enfumees"),
            t("fume jusqu*"),
        ],
        context: &[],
        vetoes: &[
            "detecteur*|cigarette*|chicha|joint|joints|tabac|cannabis|shit|fumeur*|fumer|fument|barbecue*|plancha",
        ],
    },
    Spec {
        rule: rule("electrical_danger", None),
        prefilter: &[
            "a nu", "denud", "etincel", "crepit", "brul", "fume", "fondu", "crame",
        ],
        triggers: &[
            t("fil|fils|cable|cables _ a+nu|denude*"),
            tn("etincel*|crepit*", ELECTRIC),
            tn("odeur|sent _ brule|brulee|crame", ELECTRIC),
            t("prise|prises|tableau|compteur|interrupteur _ fume|fondu|fondue|brule|noirci*"),
        ],
        context: &[],
        vetoes: &[],
    },
    Spec {
        rule: rule("major_leak", Some("water_damp")),
        prefilter: &[
            "'eau", " eau", "inond", "canalis", "tuyau", "conduite", "flexible", "plafond",
            "ballon", "robinet", "colonne", "cumulus",
        ],
        triggers: &[
            t(
                "eau _ coule*|tombe*|ruisselle*|jaillit|jaillissent|sort|sortent|traverse*|passe|descend*|monte|atteint|deborde* _ plafond*|lustre*|luminaire*|lampe*|prise*|electri*|interrupteur*|tableau*|compteur*|disjoncteur*|gaine*|boitier*|etages|marches|escalier*|cascade|flot|flots|voisin*|dessous|partout",
            ),
            tn(
                "eau partout",
                "plafond*|inond*|coule*|couler|canalisation*|tuyau*|fuite*|voisin*|electri*",
            ),
            t(
                "canalisation*|conduite*|tuyau*|flexible*|colonne*|ballon*|cumulus|robinet* __ eclate*|cede|ceder|pete|explose*|rompu*|lache",
            ),
            tn(
                "plafond* __ effondre*|ecroule*|cede|ceder|craque|craquer",
                "eau|fuite*|inond*|degat*",
            ),
            t("ca|eau inonde"),
            t("eau _ jaillit|jaillissent|gicle*"),
            t("inonde le|la|les|l|tout|toute|mon|ma|mes|chez"),
            t("en train d|de etre|s inonde*"),
            tn(
                "est|sont|suis|sommes inonde*",
                "appartement*|logement*|cuisine|salon|chambre*|bain|couloir*|palier|parking|cellier|hall|escalier*|chez",
            ),
        ],
        context: &[],
        vetoes: &[
            "depuis _ semaine|semaines|mois|an|ans|annee|annees",
            "a chaque",
            "chaque fois|hiver|annee|pluie|orage",
            "tous|toutes les",
            "quand je|on|il",
            "regulierement|souvent",
            "assureur*|expert|indemnis*|constat*",
        ],
    },
    Spec {
        rule: rule("person_stuck_in_lift", Some("lift")),
        prefilter: &["ascens", "cabine"],
        triggers: &[
            t("coince*|bloque*|enferme*|piege* _ dans _ ascenseur*|cabine"),
            t("ascenseur*|cabine _ bloque*|coince*|arrete* _ avec _ dedans|interieur"),
        ],
        context: &[],
        vetoes: &[
            "peur|fois|deja|hier|failli|risque*|libere*|delivre*|secouru*",
            "l autre jour",
            "aurait pu",
            "si on|quelqu|un|une|vous|je",
        ],
    },
    Spec {
        rule: rule("reduced_mobility_stuck_upstairs", Some("lift")),
        prefilter: &["ascens"],
        triggers: &[t(
            "en+fauteuil|fauteuil+roulant|fauteuils+roulants|handicape*|paraplegique*|tetraplegique*|hemiplegique*|ampute*|deambulateur*|oxygene|dialys*|invalide*|assistance+respiratoire",
        )],
        context: &[LIFT_DOWN],
        vetoes: &[
            "sera|seront|accessible*|nouvel|prevu*|souvent|regulierement|failli",
            "tous|toutes les",
            "pendant les travaux",
            "pensez a|aux",
            "les personnes",
            "une fois par",
            "chaque mois|semaine",
            "tout le temps",
        ],
    },
    Spec {
        rule: rule("stuck_upstairs_lift_down", Some("lift")),
        prefilter: &["ascens"],
        triggers: &[
            tx(
                "ne+peut|ne+peux|ne+peuvent|peut|peux _ pas|plus _ sortir|descendre|monter",
                "",
                "poubelle*|courses|velo*|poussette*|meuble*|colis|sac*",
            ),
            t("sans pouvoir sortir|descendre|monter"),
            t("bloque*|coince*|enferme*|prisonnier*|prisonniere* chez"),
        ],
        context: &[LIFT_DOWN],
        vetoes: &[
            "sera|seront|prevu*|souvent|regulierement|failli",
            "tous|toutes les",
            "pendant les travaux",
            "une fois par",
            "chaque mois|semaine",
            "tout le temps",
        ],
    },
    Spec {
        rule: rule("break_in", Some("safety")),
        prefilter: &[
            "cambriol",
            "effraction",
            "forc",
            "fractur",
            "defonc",
            "intrusion",
        ],
        triggers: &[
            t("cambriolage|cambriolages|cambriole|cambriolee|cambrioles|cambriolees|cambrioler"),
            t("effraction|intrusion"),
            t(
                "force|forcee|forcees|forces|forcer|fracture|fracturee|fracturees|fractures|fracturer|defonce|defoncee|defonces|defoncees _ porte*|serrure*|cave*|fenetre*",
            ),
            tn(
                "a+ete|ont+ete|est|sont force|forcee|forcees|forces|fracturee|fracturees|fractures|defoncee|defoncees|defonces",
                "porte*|serrure*|cave*|fenetre*",
            ),
            t(
                "porte*|serrure*|cave*|fenetre* _ force|forcee|forcees|forces|fracture|fracturee|fracturees|fractures|defonce|defoncee|defonces|defoncees",
            ),
        ],
        context: &[RECENT],
        vetoes: &[
            "tentative*|fois|chaque",
            "tous|toutes les",
            "apres|depuis|suite+a l|le effraction|cambriolage",
        ],
    },
    Spec {
        rule: rule("violence_in_progress", Some("safety")),
        prefilter: &[
            "couteau", "arme", "feu", "menace", "pistolet", "fusil", "machette",
        ],
        triggers: &[
            t("couteau|couteaux|arme|armes|armee|armes|pistolet|fusil|machette"),
            t("coup|coups de feu"),
            t("menace*|menacant*|menacee* de mort"),
        ],
        context: &[RECENT],
        vetoes: &["jouet*|film|jeu|video|mortier*|artifice"],
    },
    Spec {
        rule: rule(
            "sleeping_rough_or_fleeing_violence",
            Some("housing_request"),
        ),
        prefilter: &[
            "a la rue", "dehors", "dors", "dort", "dormi", "violence", "conjugal", "abri",
        ],
        triggers: &[
            tx("a la rue", "", "a la rue de|du|des|d"),
            t(
                "je+dors|on+dort|nous+dormons|j+ai+dormi|on+a+dormi|nous+avons+dormi|je+dormais|on+dormait _ dehors|voiture|rue|gare|tente|squat|hall|parking|camion|banc",
            ),
            tn(
                "sans abri|domicile",
                "je|j|nous|moi|me|m|mes|mon|ma|mere|famille|enfants",
            ),
            tn("violence* conjugale*|intrafamiliale*", FLEEING),
            tn("victime* de violence*", FLEEING),
            tn("domicile conjugal", FLEEING),
            t("m|nous a mis|mise|mises dehors"),
        ],
        context: &[],
        vetoes: &[
            "journee|permanence|sensibilisation|campagne|conference|colloque|webinaire|formation|partenariat|convention|signature",
            "lutte contre",
            "peur|risque*|eviter|menace*",
            "mettre|mettez|mettent|jeter|jetez __ a la rue",
        ],
    },
    Spec {
        rule: rule("no_heating_in_the_cold", Some("heating_hot_water")),
        prefilter: &["chauff", "chaudiere", "radiateur", "eau chaude"],
        triggers: &[
            t("pas|plus|aucun|ni de|d chauffage|eau+chaude"),
            t("sans|aucun|ni chauffage|eau+chaude"),
            t("chauffage|chaudiere* coupe|coupee|hs|ko"),
            t("chauffage|chaudiere* est|sont|a+ete coupe|coupee|hs|ko"),
            t(
                "chauffage|chaudiere*|radiateur* __ en+panne|a+l+arret|ne+marche+plus|ne+marche+pas|ne+fonctionne+plus|ne+fonctionne+pas|ne+chauffe+plus|ne+chauffe+pas|ne+redemarre+plus|ne+redemarre+pas",
            ),
            t("radiateur* froid|froids|eteint|eteints|glace|glaces|gele|geles"),
            t("rien dans les radiateur*"),
            tn(
                "ne+redemarre|ne+s+allume|ne+demarre plus|pas",
                "chaudiere*|chauffage|radiateur*",
            ),
        ],
        context: &[COLD],
        vetoes: &[
            "combien de temps",
            "sera|seront|prevu*|programme*|charges|regul*|regularisation|facture*|paie|payons|paye",
            "pendant les travaux",
            "va|vont etre",
            "hiver prochain",
            "avant l hiver",
            "chaque hiver|annee",
            "tous les hivers",
        ],
    },
    // Dangers to people the families above do not cover (added from the
    // misses of cross-validation on the training split).
    Spec {
        rule: rule("person_injured", Some("safety")),
        prefilter: &["bless", "coupe", "tombe", "chute"],
        triggers: &[
            t("s|se est|sont blesse|blessee|blesses|coupe|coupee"),
            tx(
                "est|sont tombe|tombee|tombes|tombees",
                "dame|enfant*|monsieur|personne|voisin|voisine|mere|pere|fille|fils|mamie|papi",
                "panne*|poussiere*|plafond|platre",
            ),
            t("a fait une chute"),
        ],
        context: &[&[
            "enfant*|dame|monsieur|personne|voisin|voisine|mere|pere|fille|fils|bebe|petit|petite|mamie|papi|grand+mere|grand+pere",
        ]],
        vetoes: &["malade", "amoureux|amoureuse"],
    },
    Spec {
        rule: rule("hazardous_material", Some("safety")),
        prefilter: &["amiant", "chimique", "eclats de verre"],
        triggers: &[
            t("amiante*"),
            t("produit*|bidon* chimique*"),
            t("eclat* de verre"),
        ],
        context: &[],
        vetoes: &["diagnostic*|reperage*|desamiantage|dossier|controle*"],
    },
    Spec {
        rule: rule("water_on_electricity", Some("water_damp")),
        prefilter: &["prise", "electri", "disjonct"],
        triggers: &[tn(
            "eau|fuite*|coule|coulent|ruisselle*|inonde*|mouille*",
            "prise*|electrique*|electricite|disjoncteur*",
        )],
        context: &[],
        vetoes: &[],
    },
    Spec {
        rule: rule("housing_emergency", Some("housing_request")),
        prefilter: &["violence", "115", "expuls", "conjoint"],
        triggers: &[
            t("violence|violences de|du mon|ma conjoint*|mari|ex|compagnon|concubin"),
            tn("115", "heberg*|nuit*|rue|dehors"),
            t("expulse|expulsee|expulses|expulsion"),
        ],
        context: &[&["bebe|enfant*|rue|dehors|nuit*|115|heberg*|urgence|quitter|domicile"]],
        vetoes: &["trouve|trouvee|reloge|relogee"],
    },
    Spec {
        rule: rule("vulnerable_person_lift_down", Some("lift")),
        prefilter: &["ascenseur", "sortir"],
        triggers: &[
            tn(
                "ascenseur* __ panne|hs|arret|arrete|bloque|casse|hors+service",
                "medicament*|oxygene|dialyse|chimio*",
            ),
            t("sans pouvoir sortir"),
            t("ne|n peut|peux|peuvent plus sortir"),
        ],
        context: &[&["ascenseur*|handicap*|fauteuil*|agee|etage|medicament*"]],
        vetoes: &[],
    },
];

const RECENT: &[&str] = &[
    "cette nuit|matinee",
    "ce matin|soir",
    "cet apres+midi",
    "aujourd hui",
    "en ce moment",
    "en train",
    "vient|viens|venons|viennent de",
    "pendant la nuit",
    "pendant qu|que",
    "il y a _ minute*|heure*",
    "nuit derniere",
    "a l instant",
    "tout a l heure",
    "actuellement",
    "j+entends|on+entend|toujours+la|encore+la|encore+dans|traine|trainent",
];

const ELECTRIC: &str = "prise*|electri*|tableau*|compteur*|interrupteur*|cable*|fil|fils|disjoncteur*|lampe*|luminaire*|armoire*|eclairage|court+circuit";
const FLEEING: &str = "je|j|moi|me|m|nous|partir|partie|parti|quitter|fuir|fuis|soir|logement|heberg*|urgence|aller|abri|refuge";
