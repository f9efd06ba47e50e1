//! Posts by residents in a residents' Facebook group: informal, a few typos,
//! no hashtags. Small talk and lost pets → `other`; neighbours helping each
//! other → `solidarity`; parties → `neighbourhood`; questions about works or
//! outages → `practical`. Demo data only, never to be used to train or
//! evaluate a classifier.

use super::post;
use crate::demo::corpus::PostTemplate;

const fn gr(
    theme: &'static str,
    secondary: &'static [&'static str],
    media: &'static str,
    text: &'static str,
) -> PostTemplate {
    post(
        "facebook", "group", theme, secondary, "tenants", media, text,
    )
}

/// Residents' posts in the residents' group.
#[rustfmt::skip]
pub const GROUP: &[PostTemplate] = &[
    // ── other: small talk, lost pets ──
    gr("other", &[], "photo",
        "Bonjour a tous, quelqu'un a vu mon chat ?? Gris tigré avec un collier rouge, il s'appelle Filou. Il est sorti hier soir par le balcon au 2e. Merci de me contacter en MP 🙏"),
    gr("other", &[], "text",
        "Trouvé un trousseau de clés devant le hall B ce matin, avec un porte clé tour eiffel. Je l'ai déposé à la loge"),
    gr("other", &[], "photo",
        "Il fait trop beau aujourd'hui ☀️ bonne journée les voisins"),
    gr("other", &[], "photo",
        "Perdu petite chienne yorkshire vers {residence}, elle répond au nom de Praline. Ma fille est très triste, merci de partager 😢"),
    gr("other", &[], "text",
        "qq1 connait un bon plombier pas trop cher dans le coin ? c'est pour chez ma mère, pas pour le bailleur"),
    gr("other", &[], "text",
        "Bonsoir, c'était quoi les sirènes tout à l'heure vers le rond point ? Quelqu'un sait ?"),
    gr("other", &[], "photo",
        "Je donne un canapé 3 places en bon état, à venir chercher au 4e, pas d'ascenseur désolée 😅"),
    gr("other", &[], "text",
        "Le marché du dimanche est revenu place de la mairie !! enfin"),
    gr("other", &[], "photo",
        "Joyeux anniversaire à {first_name} du 3e qui a 90 ans aujourd'hui !! 🎂🎉"),
    gr("other", &[], "photo",
        "Quelqu'un a perdu un doudou lapin bleu ? Je l'ai accroché sur la grille du parc"),
    // ── solidarity: neighbours helping each other ──
    gr("solidarity", &[], "text",
        "Bonjour, {first_name} du 3e est à l'hôpital depuis lundi. Si quelqu'un peut arroser ses plantes et relever son courrier je peux donner la clé. Merci 🙏"),
    gr("solidarity", &[], "text",
        "Je fais les courses demain matin, si une personne agée de la résidence a besoin de quelque chose dites moi, je peux ramener"),
    gr("solidarity", &[], "photo",
        "Merci a tous les voisins qui ont aidé {first_name} à déménager samedi, sans ascenseur au 5e c'était pas gagné 💪"),
    gr("solidarity", &[], "text",
        "Ma voisine de palier a 92 ans et vit seule, avec cette chaleur je passe la voir matin et soir. Si vous avez des personnes agées à côté de chez vous pensez y svp"),
    gr("solidarity", &[], "text",
        "Je peux garder des enfants le mercredi après midi, je suis a la maison. Gratuit, pour dépanner entre voisins"),
    gr("solidarity", &[], "text",
        "Une famille vient d'arriver au bâtiment C après un incendie, ils ont plus rien. Si vous avez des vêtements enfant 4 et 8 ans ou de la vaisselle, je centralise au 2e porte gauche"),
    gr("solidarity", &["practical"], "text",
        "Je suis en fauteuil et bloqué chez moi depuis que l'ascenseur est en panne… si quelqu'un passe au tabac vous pouvez me prendre le journal ? merci d'avance"),
    gr("solidarity", &[], "text",
        "Aide aux devoirs gratuite à la salle commune le mardi soir avec deux voisines qui sont profs à la retraite. Faites passer aux parents !"),
    // ── neighbourhood: parties, events ──
    gr("neighbourhood", &[], "text",
        "Fête des voisins à {residence} le {date} !! On se retrouve à partir de {hour} devant le bâtiment A, chacun ramène un truc à manger. Qui s'occupe de la musique ? 🎶"),
    gr("neighbourhood", &[], "photo",
        "Merci à tous pour hier soir c'était top 😍 les enfants ont adoré la chasse aux œufs"),
    gr("neighbourhood", &[], "text",
        "Tournoi de pétanque samedi 14h derrière le bâtiment C, venez nombreux, buvette tenue par l'amicale"),
    gr("neighbourhood", &["environment"], "text",
        "Le jardin partagé cherche des bras pour dimanche matin, on plante les tomates 🍅 même si vous y connaissez rien c'est pas grave"),
    gr("neighbourhood", &[], "carousel",
        "Photos du vide grenier de ce matin, belle ambiance malgré le vent !"),
    gr("neighbourhood", &[], "text",
        "Qui serait partant pour une sortie au lac avec les enfants pendant les vacances ? On pourrait faire un pique nique tous ensemble"),
    gr("neighbourhood", &[], "text",
        "Repas partagé pour l'Aïd ce samedi en bas de {residence}, tout le monde est invité, croyants ou pas 🤗"),
    gr("neighbourhood", &[], "text",
        "C'est moi ou le quartier a changé depuis que le nouveau parc est ouvert ? Les enfants jouent dehors, les mamies sur les bancs, ça fait plaisir"),
    gr("neighbourhood", &[], "photo",
        "Les enfants du 7 ont fait des dessins pour décorer le hall, franchement ça égaye ! Bravo a eux"),
    // ── practical: works, outages, procedures ──
    gr("practical", &[], "text",
        "Quelqu'un sait quand ils vont réparer l'ascenseur du bâtiment B ? Ça fait 4 jours 😤 j'ai appelé l'agence, on m'a dit cette semaine…"),
    gr("practical", &[], "text",
        "Bonjour, les travaux des fenêtres à {residence} commencent quand exactement ? On a reçu un courrier mais pas de date précise"),
    gr("practical", &[], "text",
        "Info pour ceux qui l'ont pas vu : coupure d'eau demain de 9h a 12h d'après l'affiche dans le hall"),
    gr("practical", &[], "text",
        "Les encombrants c'est quel jour déjà ? y a un matelas devant le local depuis une semaine…"),
    gr("practical", &[], "text",
        "Vous aussi vous avez pas de chauffage depuis ce matin ? bâtiment A 3e étage"),
    gr("practical", &[], "text",
        "Est ce que quelqu'un a reçu la régul de charges ? moi je dois 180€ je comprend pas pourquoi"),
    gr("practical", &[], "text",
        "Le gardien a dit que les peintres passent dans la cage d'escalier à partir du {date}, faut rien laisser sur les paliers"),
    gr("practical", &["building"], "text",
        "C'est normal ces camions à 7h du matin ?? Ils font quoi dans la cour de {residence} ?"),
    gr("practical", &[], "text",
        "Bonjour, comment on fait pour avoir un deuxième badge pour le parking ? Mon fils a eu son permis"),
    gr("practical", &[], "text",
        "Attention ya des gens qui sonnent en disant qu'ils viennent de la part du bailleur pour « vérifier les détecteurs de fumée ». Le gardien a dit que c'est une arnaque, n'ouvrez pas !"),
    gr("practical", &[], "text",
        "Rappel : la désinsectisation c'est jeudi, faut vider les placards sous l'évier"),
    gr("practical", &[], "photo",
        "Quelqu'un sait si l'échafaudage devant le {street} va rester longtemps ? On voit plus rien de la fenêtre"),
    gr("practical", &[], "text",
        "Bjr, l'agence est ouverte le samedi matin ? je travaille en semaine"),
    // ── participation ──
    gr("participation", &[], "text",
        "N'oubliez pas de voter pour les représentants des locataires !! Le bulletin est dans l'enveloppe, c'est important pour qu'on soit écoutés"),
    gr("participation", &[], "text",
        "Réunion de l'amicale mardi {hour} salle commune. Ordre du jour : propreté des caves et les charges. Venez nombreux svp sinon rien bouge"),
    gr("participation", &[], "text",
        "Vous avez répondu au questionnaire de satisfaction ? Moi j'ai dit ce que je pensais de la propreté 😅"),
    // ── environment ──
    gr("environment", &[], "photo",
        "On a installé un composteur au pied du bâtiment C ! Les épluchures dedans, pas de plastique svp 🙏"),
    gr("environment", &[], "text",
        "Petit rappel amical : les cartons dans le bac jaune il faut les plier, sinon il est plein en 2h…"),
];
