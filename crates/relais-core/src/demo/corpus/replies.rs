//! Reply templates of the demo landlord's community manager, in the spirit of
//! the French State's charter for public bodies on social networks: answer
//! information requests first, never handle a personal case in public, invite
//! the person to write in private message, through the tenant portal or to call
//! the agency, mask personal data, stay courteous, sometimes sign with a first
//! name. Urgent cases get the emergency line of the hall (and the gas, fire,
//! police, emergency-shelter and domestic-violence numbers, all real and public).
//!
//! This is demo data only: it must never be used to train, tune or evaluate a
//! classifier or a reply generator.
//!
//! Placeholders: `{residence}`, `{agency}` (an agency name such as "Agence de
//! Bron", hence "l'{agency}"), `{first_name}` (the employee who signs) and
//! `{website}`.

use super::ReplyTemplate;

const fn r(categories: &'static [&'static str], text: &'static str) -> ReplyTemplate {
    ReplyTemplate { categories, text }
}

/// Landlord replies; `categories` empty means any category.
pub const REPLIES: &[ReplyTemplate] = &[
    // Any category.
    r(
        &[],
        "Bonjour, merci pour votre message. Pour que nous puissions étudier votre situation, écrivez-nous en message privé (sans indiquer vos coordonnées ici) ou via votre espace locataire sur {website}.",
    ),
    r(
        &[],
        "Bonjour, nous sommes désolés pour cette situation. Afin de ne pas exposer d'informations personnelles ici, pouvez-vous nous contacter en message privé ? Nous transmettrons à votre agence.",
    ),
    r(
        &[],
        "Bonjour, votre message a bien été transmis à l'{agency}. Un conseiller va vous recontacter. Pensez à ne pas publier votre adresse ni votre numéro de téléphone en commentaire.",
    ),
    r(
        &[],
        "Bonjour, merci de nous avoir signalé ce problème. Vous pouvez déposer une demande sur votre espace locataire ({website}) : elle sera suivie et vous serez informé de son avancement. — {first_name}, service communication",
    ),
    r(
        &[],
        "Bonjour, nous comprenons votre agacement. Nous ne pouvons pas traiter les situations individuelles en public, mais nous vous répondons volontiers en message privé.",
    ),
    r(
        &[],
        "Bonjour, l'{agency} vous accueille du lundi au vendredi ; ses coordonnées et horaires sont sur {website}. Bonne journée.",
    ),
    r(
        &[],
        "Bonjour, merci pour votre retour. Nous avons transmis l'information aux équipes de proximité de {residence}.",
    ),
    r(
        &[],
        "Bonjour, nous avons masqué votre commentaire car il contenait des données personnelles. Écrivez-nous en message privé pour que nous puissions vous aider.",
    ),
    r(
        &[],
        "Bonjour, nous avons bien noté votre remarque. Pour un suivi précis, transmettez-nous en message privé votre numéro de demande si vous en avez un. — {first_name}",
    ),
    r(
        &[],
        "Bonjour, merci de garder des échanges courtois : nos équipes sont mobilisées et nous répondons à chacun. Écrivez-nous en message privé pour que nous regardions votre situation.",
    ),
    r(
        &[],
        "Bonjour, ce compte n'est pas suivi le soir ni le week-end. En cas d'urgence, appelez le numéro d'astreinte affiché dans votre hall.",
    ),
    r(
        &[],
        "Bonjour, nous avons bien pris connaissance de votre commentaire et revenons vers vous en message privé dans la journée. — {first_name}, service communication",
    ),
    r(
        &[],
        "Bonjour, pour protéger votre vie privée, nous avons masqué l'adresse que vous aviez indiquée. Écrivez-nous en message privé pour le suivi de votre demande.",
    ),
    r(
        &[],
        "Bonjour et merci pour votre message. Votre gardien et l'{agency} sont vos premiers interlocuteurs : n'hésitez pas à les solliciter, ou à nous écrire en privé si vous n'avez pas de réponse.",
    ),
    // Emergencies on vital equipment.
    r(
        &[
            "lift",
            "heating_hot_water",
            "water_damp",
            "safety",
            "common_areas",
        ],
        "Bonjour, pour une urgence (fuite importante, panne de chauffage en hiver, personne bloquée), appelez tout de suite le numéro d'astreinte affiché dans votre hall, 24h/24. Nous suivons ensuite avec vous en message privé.",
    ),
    // Lift.
    r(
        &["lift"],
        "Bonjour, si une personne est bloquée dans la cabine, utilisez le bouton d'alarme ou appelez le numéro d'urgence affiché dans la cabine. Pour une panne, le numéro d'astreinte affiché dans votre hall est joignable 24h/24.",
    ),
    r(
        &["lift"],
        "Bonjour, nous sommes désolés pour cette panne. L'ascensoriste est informé ; la date de remise en service sera affichée dans le hall de {residence} dès que nous la connaîtrons.",
    ),
    r(
        &["lift"],
        "Bonjour, nous mesurons les difficultés que cette panne pose, notamment aux personnes à mobilité réduite. Si vous ou un proche ne pouvez plus sortir de chez vous, écrivez-nous en message privé : des solutions d'accompagnement existent.",
    ),
    r(
        &["lift"],
        "Bonjour, la pièce nécessaire à la réparation est commandée. Dès que nous avons une date d'intervention, nous l'affichons dans le hall. Merci pour votre patience. — {first_name}, service communication",
    ),
    r(
        &["lift"],
        "Bonjour, merci pour le signalement. Pouvez-vous nous préciser en message privé l'adresse et le bâtiment concernés ? Nous relançons l'ascensoriste.",
    ),
    // Heating and hot water.
    r(
        &["heating_hot_water"],
        "Bonjour, en cas de panne de chauffage ou d'eau chaude en dehors des heures d'ouverture, appelez le numéro d'astreinte affiché dans votre hall. Si vous sentez une odeur de gaz, quittez le logement et appelez le 0 800 47 33 33 (urgence gaz).",
    ),
    r(
        &["heating_hot_water"],
        "Bonjour, le chauffagiste est informé de la panne à {residence} et intervient dans les meilleurs délais. Nous vous tiendrons informés ici et par affichage dans les halls.",
    ),
    r(
        &["heating_hot_water"],
        "Bonjour, nous sommes désolés pour ce désagrément. Pour un radiateur qui ne chauffe pas dans votre logement, faites une demande sur {website} ou appelez l'{agency}.",
    ),
    r(
        &["heating_hot_water"],
        "Bonjour, si une personne fragile (bébé, personne âgée ou malade) est chez vous sans chauffage, signalez-le à l'astreinte dont le numéro est affiché dans votre hall : la situation sera traitée en priorité.",
    ),
    r(
        &["heating_hot_water"],
        "Bonjour, le chauffage collectif est remis en route progressivement selon les températures. Si votre logement reste sans chauffage, contactez-nous en message privé.",
    ),
    r(
        &["heating_hot_water"],
        "Bonjour, l'entretien annuel des chaudières est réalisé par notre prestataire, qui dépose un avis de passage quelques jours avant. Si vous l'avez manqué, écrivez-nous en privé pour convenir d'un nouveau rendez-vous.",
    ),
    // Gas smell: boiler room (heating) or stairwell (safety).
    r(
        &["heating_hot_water", "safety"],
        "Odeur de gaz : ne touchez à aucun interrupteur, n'utilisez pas l'ascenseur, sortez du bâtiment et appelez le 0 800 47 33 33 (urgence gaz), puis le 18 ou le 112 si besoin. Prévenez ensuite l'astreinte dont le numéro est affiché dans votre hall.",
    ),
    r(
        &["heating_hot_water", "safety"],
        "Bonjour, si l'odeur de gaz est toujours là, quittez le logement et appelez le 0 800 47 33 33 (urgence gaz), joignable 24h/24. Nos équipes sont prévenues.",
    ),
    // Leaks and damp.
    r(
        &["water_damp"],
        "Bonjour, en cas de fuite importante, coupez l'arrivée d'eau si vous le pouvez et appelez le numéro d'astreinte affiché dans votre hall. Pensez aussi à déclarer le sinistre à votre assureur.",
    ),
    r(
        &["water_damp"],
        "Bonjour, nous sommes désolés. Pour un problème d'humidité ou de moisissures, un technicien doit venir faire un diagnostic : écrivez-nous en message privé pour organiser sa visite.",
    ),
    r(
        &["water_damp"],
        "Bonjour, pour un dégât des eaux, déclarez-le à votre assureur et remplissez un constat amiable avec le voisin concerné. L'{agency} peut vous accompagner dans ces démarches.",
    ),
    r(
        &["water_damp"],
        "Bonjour, si l'eau atteint une installation électrique, coupez le disjoncteur de la pièce concernée et appelez l'astreinte dont le numéro est affiché dans votre hall.",
    ),
    // Pests.
    r(
        &["pests"],
        "Bonjour, merci pour votre signalement. Un traitement peut être programmé dans tout le bâtiment : écrivez-nous en message privé pour que nous fassions le point.",
    ),
    r(
        &["pests"],
        "Bonjour, pour les punaises de lit, ne jetez pas vos meubles sans conseil et contactez-nous en privé : un traitement coordonné des logements voisins est souvent nécessaire. Le site stop-punaises.gouv.fr donne aussi de bons conseils.",
    ),
    r(
        &["pests"],
        "Bonjour, la dératisation des caves et des locaux poubelles de {residence} est demandée à notre prestataire. Merci de laisser les accès dégagés le jour de son passage.",
    ),
    r(
        &["pests"],
        "Bonjour, les avis de passage de la désinsectisation sont affichés dans les halls une semaine avant. Il est important que tous les logements soient traités le même jour : merci de laisser l'accès ou de confier vos clés à un voisin.",
    ),
    // Cleanliness and bulky waste.
    r(
        &["cleanliness"],
        "Bonjour, merci pour votre message, nous transmettons à l'équipe de proximité. Les jours de collecte des encombrants sont affichés dans votre hall et sur {website}.",
    ),
    r(
        &["cleanliness"],
        "Bonjour, les encombrants doivent être déposés uniquement les jours de collecte. Nous faisons enlever les dépôts signalés et rappelons la règle par affichage.",
    ),
    r(
        &["cleanliness"],
        "Bonjour, nous avons signalé le problème à l'entreprise de nettoyage. N'hésitez pas à nous écrire en privé si la situation ne s'améliore pas. — {first_name}",
    ),
    // Safety and quiet.
    r(
        &["safety"],
        "Bonjour, en cas de danger immédiat, d'intrusion ou d'incendie, appelez le 17 (police) ou le 18 / 112 (pompiers). Vous pouvez ensuite prévenir l'astreinte dont le numéro est affiché dans votre hall.",
    ),
    r(
        &["safety"],
        "Bonjour, nous prenons ce signalement au sérieux. Pour des raisons de sécurité, nous ne commentons pas ces situations publiquement : écrivez-nous en message privé, l'{agency} vous recontactera.",
    ),
    r(
        &["safety"],
        "Bonjour, les troubles de voisinage peuvent nous être signalés par écrit, en message privé ou sur votre espace locataire. Si la situation présente un danger, contactez d'abord le 17.",
    ),
    r(
        &["safety"],
        "Bonjour, la porte a été signalée au serrurier. Si vous êtes témoin de dégradations, un dépôt de plainte nous aide aussi à agir.",
    ),
    // Common areas.
    r(
        &["common_areas"],
        "Bonjour, merci pour le signalement. Une intervention est demandée pour réparer l'équipement à {residence}. Vous pouvez suivre les interventions sur {website}.",
    ),
    r(
        &["common_areas"],
        "Bonjour, pour un nouveau badge ou une télécommande de parking, adressez-vous à votre gardien ou à l'{agency}.",
    ),
    r(
        &["common_areas"],
        "Bonjour, une panne d'éclairage dans les parties communes peut être signalée directement sur votre espace locataire ; nous faisons intervenir l'électricien au plus vite.",
    ),
    // Rent and charges.
    r(
        &["rent_charges"],
        "Bonjour, nous ne pouvons pas parler de votre compte ici. Pour toute question sur votre loyer ou vos charges, contactez-nous en message privé ou via votre espace locataire : un conseiller vous expliquera le décompte.",
    ),
    r(
        &["rent_charges"],
        "Bonjour, le prélèvement automatique se met en place depuis votre espace locataire sur {website}, rubrique « Paiement », ou auprès de l'{agency}.",
    ),
    r(
        &["rent_charges"],
        "Bonjour, en cas de difficulté de paiement, n'attendez pas : nos conseillers peuvent vous proposer un accompagnement et un plan d'apurement. Écrivez-nous en message privé.",
    ),
    r(
        &["rent_charges"],
        "Bonjour, le détail de la régularisation des charges est consultable sur votre espace locataire. Si un poste vous semble erroné, écrivez-nous en privé : nous vérifierons. — {first_name}",
    ),
    // Housing requests and transfers.
    r(
        &["housing_request"],
        "Bonjour, les demandes de logement social se font sur demande-logement-social.gouv.fr ou auprès d'un guichet enregistreur. Elles doivent être renouvelées chaque année.",
    ),
    r(
        &["housing_request"],
        "Bonjour, nous ne pouvons pas évoquer une demande en public. Écrivez-nous en message privé (sans publier vos données personnelles ici), nous vous orienterons.",
    ),
    r(
        &["housing_request"],
        "Bonjour, si vous êtes sans solution d'hébergement ce soir, appelez le 115 (gratuit, 24h/24). En cas de violences, le 3919 vous écoute et vous oriente. Écrivez-nous aussi en message privé pour votre demande.",
    ),
    r(
        &["housing_request"],
        "Bonjour, une demande de mutation se fait auprès de l'{agency} ou sur votre espace locataire. Les délais dépendent des logements qui se libèrent.",
    ),
    // Works.
    r(
        &["works"],
        "Bonjour, le planning des travaux est affiché dans le hall et disponible sur {website}. Pour une question sur votre logement, contactez l'interlocuteur chantier indiqué sur l'affiche.",
    ),
    r(
        &["works"],
        "Bonjour, nous sommes désolés pour les nuisances du chantier. Nous avons rappelé aux entreprises les horaires autorisés. Signalez-nous en privé tout nouvel écart.",
    ),
    r(
        &["works"],
        "Bonjour, une réunion d'information sur les travaux de {residence} sera organisée prochainement ; la date sera affichée dans les halls.",
    ),
    r(
        &["works"],
        "Bonjour, merci pour votre signalement. Nous demandons à l'entreprise de sécuriser le chantier immédiatement. En cas de danger, appelez le 18 ou le 112.",
    ),
    // Praise.
    r(
        &["praise"],
        "Merci beaucoup pour ce message, nous transmettons vos remerciements à l'équipe de proximité ! 😊",
    ),
    r(
        &["praise"],
        "Merci ! Nous transmettons à votre gardien, ça lui fera très plaisir. — {first_name}, service communication",
    ),
    r(
        &["praise"],
        "Merci pour votre retour, ça fait plaisir à toute l'équipe 🙏",
    ),
    r(
        &["praise"],
        "Merci pour votre soutien et pour ce partenariat ! Au plaisir de poursuivre ensemble.",
    ),
    r(
        &["praise"],
        "Merci pour ce beau message, il sera partagé avec les équipes de l'{agency}.",
    ),
    // General questions.
    r(
        &["question"],
        "Bonjour, l'{agency} est ouverte du lundi au vendredi ; les horaires et l'adresse sont sur {website}, rubrique « Nous contacter ».",
    ),
    r(
        &["question"],
        "Bonjour, votre espace locataire est accessible sur {website}. Si vous n'avez pas reçu vos identifiants, l'{agency} peut vous les renvoyer.",
    ),
    r(
        &["question"],
        "Bonjour, l'attestation d'assurance habitation peut être déposée directement sur votre espace locataire, chaque année à sa date d'échéance.",
    ),
    r(
        &["question"],
        "Bonjour, toutes les informations sur l'événement sont dans la publication ; pour toute autre question, écrivez-nous en message privé. À bientôt ! — {first_name}",
    ),
    r(
        &["question"],
        "Bonjour, pour une question sur votre bail (préavis, changement de situation, ajout d'un occupant), contactez l'{agency} : les démarches dépendent de votre situation.",
    ),
    // Off-topic.
    r(
        &["off_topic"],
        "Nous relayons volontiers, en espérant que votre compagnon à quatre pattes rentre vite à la maison ! 🐾",
    ),
    r(
        &["off_topic"],
        "Merci pour votre commentaire ! Pour toute question sur votre logement, n'hésitez pas à nous écrire en message privé.",
    ),
    // Spam.
    r(
        &["spam"],
        "Attention : ce message est une arnaque. Nous ne proposons jamais de logement ni d'accélération de demande contre paiement. Les demandes se font uniquement sur demande-logement-social.gouv.fr. Ne transmettez ni argent ni données personnelles.",
    ),
    r(
        &["spam"],
        "Attention, ce lien ne vient pas de nous : ne cliquez pas et ne donnez pas vos identifiants. Notre seul site officiel est {website}.",
    ),
];

#[cfg(test)]
mod tests {
    use super::super::style::placeholders;
    use super::*;
    use std::collections::HashSet;

    const CATEGORIES: &[&str] = &[
        "lift",
        "heating_hot_water",
        "water_damp",
        "pests",
        "cleanliness",
        "safety",
        "common_areas",
        "rent_charges",
        "housing_request",
        "works",
        "praise",
        "question",
        "off_topic",
        "spam",
    ];

    #[test]
    fn replies_are_many_distinct_and_well_formed() {
        assert!(REPLIES.len() >= 60, "{} replies", REPLIES.len());
        let mut seen = HashSet::new();
        for reply in REPLIES {
            assert!(seen.insert(reply.text), "duplicate reply {:?}", reply.text);
            assert_eq!(
                reply.text.matches('{').count(),
                reply.text.matches('}').count(),
                "{:?}",
                reply.text
            );
            for key in placeholders(reply.text) {
                assert!(
                    ["residence", "agency", "first_name", "website"].contains(&key),
                    "placeholder {{{key}}} in {:?}",
                    reply.text
                );
            }
            for c in reply.categories {
                assert!(CATEGORIES.contains(c), "unknown category {c}");
            }
        }
    }

    #[test]
    fn every_category_has_a_reply_and_generic_ones_exist() {
        assert!(REPLIES.iter().filter(|r| r.categories.is_empty()).count() >= 10);
        for c in CATEGORIES {
            assert!(
                REPLIES.iter().any(|r| r.categories.contains(c)),
                "no reply for {c}"
            );
        }
        assert!(REPLIES.iter().any(|r| r.text.contains("0 800 47 33 33")));
        assert!(REPLIES.iter().any(|r| {
            r.text
                .contains("numéro d'astreinte affiché dans votre hall")
        }));
        assert!(REPLIES.iter().any(|r| r.text.contains("— {first_name}")));
    }
}
