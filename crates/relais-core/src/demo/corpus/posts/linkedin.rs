//! LinkedIn posts of the landlord's page: professional news, institutional
//! events, employer brand and recruitment; longer texts with line breaks, a
//! few hashtags and partners named. Demo data only, never to be used to train
//! or evaluate a classifier.

use super::post;
use crate::demo::corpus::PostTemplate;

const fn li(
    theme: &'static str,
    secondary: &'static [&'static str],
    audience: &'static str,
    media: &'static str,
    text: &'static str,
) -> PostTemplate {
    post("linkedin", "page", theme, secondary, audience, media, text)
}

/// The page's LinkedIn posts.
#[rustfmt::skip]
pub const LINKEDIN: &[PostTemplate] = &[
    // ── institutional ──
    li("institutional", &[], "partners", "photo",
        "Signature d'une convention de partenariat avec {partner} 🤝\n\nPendant trois ans, nous travaillerons ensemble sur l'accompagnement des locataires les plus fragiles, le repérage des situations d'isolement et la prévention des impayés.\n\nMerci à toutes les équipes mobilisées pour faire aboutir ce projet.\n\n#logementsocial #partenariat #HLM"),
    li("institutional", &[], "partners", "carousel",
        "Inauguration de {residence} à {city}.\n\nMerci au maire, aux élus du territoire et à nos partenaires, dont {partner}, pour leur présence ce matin. Ce moment d'échanges avec les habitants nous rappelle pourquoi nous faisons ce métier.\n\n#inauguration #habitatsocial #territoires"),
    li("institutional", &[], "partners", "link",
        "Notre rapport d'activité est publié.\n\nEn un an :\n→ des centaines de logements livrés ou réhabilités\n→ {n} millions d'euros investis dans l'entretien du patrimoine\n→ des milliers de locataires accompagnés par nos équipes sociales\n\nÀ lire ici : {website}\n\n#rapportdactivite #logementsocial #HLM"),
    li("institutional", &[], "partners", "photo",
        "{landlord} lauréat des Trophées régionaux de l'habitat 🏆\n\nLe jury a distingué notre projet d'habitat intergénérationnel de {city}, conçu avec les habitants et les associations du quartier.\n\nBravo aux équipes de la maîtrise d'ouvrage, de la gestion locative et de l'{agency} !\n\n#innovation #habitat #logementsocial"),
    li("institutional", &[], "partners", "photo",
        "Congrès HLM : nos équipes sont présentes cette semaine.\n\nAu programme : rénovation énergétique, adaptation au vieillissement, relation locataires à l'heure du numérique. Venez échanger avec nous sur notre stand !\n\n#CongresHLM #logementsocial #USH"),
    li("institutional", &["building"], "partners", "photo",
        "Visite ministérielle à {residence}.\n\nL'occasion de présenter notre programme de réhabilitation thermique, conduit en site occupé, et le dispositif d'accompagnement des locataires pendant les travaux.\n\nUn projet soutenu par {partner}.\n\n#renovationenergetique #logementsocial"),
    li("institutional", &[], "partners", "text",
        "Conseil d'administration de {landlord} : retour sur les décisions de la séance.\n\n• Adoption du plan stratégique de patrimoine pour les dix prochaines années\n• Validation de {n} nouvelles opérations de construction\n• Renforcement du budget consacré à l'accompagnement social\n\nMerci aux administrateurs, dont les représentants des locataires, pour la qualité des débats.\n\n#gouvernance #HLM"),
    li("institutional", &[], "partners", "photo",
        "Nous accueillions hier une délégation d'organismes HLM européens.\n\nÉchanges riches sur les modèles de financement, la participation des habitants et la rénovation du parc des années 60-70. Preuve que nos questions sont partagées bien au-delà de nos frontières.\n\n#Europe #logementsocial #habitat"),
    li("institutional", &["solidarity"], "partners", "text",
        "Nous rejoignons le réseau « Un toit, un emploi » aux côtés d'Action Logement, de France Travail et de la Mission locale.\n\nObjectif : permettre à des jeunes qui décrochent un premier emploi de trouver rapidement un logement près de leur lieu de travail.\n\n#emploi #jeunes #logement"),
    li("institutional", &[], "partners", "photo",
        "Pacte territorial signé avec {partner} et les communes de l'agglomération.\n\nProduction de logements, équilibre du peuplement, lutte contre la vacance : des engagements chiffrés, suivis chaque année.\n\n#territoires #politiquedulogement #HLM"),
    li("institutional", &[], "public", "photo",
        "Nouveau siège, nouvelle organisation.\n\nDepuis lundi, nos équipes du siège travaillent au {street}, à {city}, dans un bâtiment réhabilité, accessible en transports en commun. Nos agences, elles, restent au plus près des résidences.\n\n#organisation #proximite"),
    li("institutional", &[], "partners", "video",
        "Retour en vidéo sur nos Rencontres partenaires.\n\nÉlus, associations, entreprises du bâtiment, travailleurs sociaux : plus de 200 personnes réunies pour parler de l'avenir de nos quartiers. Merci à tous les intervenants, dont {partner}.\n\n#partenaires #quartiers #logementsocial"),
    // ── building ──
    li("building", &[], "partners", "photo",
        "Première pierre au {street}, à {city} 🏗️\n\n{homes} logements sociaux, dont une résidence pour jeunes actifs et {n} logements adaptés au vieillissement. Livraison prévue dans deux ans.\n\nUn projet soutenu par {partner} et la commune, et porté par les entreprises du chantier : merci à tous.\n\n#construction #logementsocial #premierepierre"),
    li("building", &["environment"], "partners", "carousel",
        "Mission accomplie pour la réhabilitation de {residence}.\n\n→ isolation thermique par l'extérieur\n→ remplacement des menuiseries\n→ ventilation double flux\n→ étiquette énergie de E à B\n\nLe tout en site occupé, grâce à l'implication des {homes} foyers et de nos équipes de proximité.\n\n#renovationenergetique #rehabilitation #HLM"),
    li("building", &[], "partners", "photo",
        "Livraison de {homes} logements à {city} 🔑\n\nUne opération en ossature bois, conçue avec une agence d'architecture régionale et réalisée par des entreprises du territoire. Les premiers locataires ont emménagé cette semaine.\n\n#livraison #constructionbois #logementsocial"),
    li("building", &[], "partners", "photo",
        "Renouvellement urbain : le projet de {city} franchit une étape.\n\nAprès la démolition de {n} bâtiments et le relogement de toutes les familles concernées, la reconstruction démarre. Un projet soutenu par l'ANRU et mené avec {partner}.\n\n#ANRU #renouvellementurbain #NPNRU"),
    li("building", &[], "partners", "link",
        "Construire moins cher sans construire moins bien ?\n\nSur notre opération du {street}, la préfabrication des salles de bains a permis de gagner trois mois de chantier. Retour d'expérience de nos conducteurs d'opérations dans l'article en lien.\n\n#construction #horssite #innovation"),
    li("building", &["environment"], "partners", "photo",
        "Notre première opération en réemploi de matériaux est livrée.\n\nPortes, garde-corps et carrelages issus de la déconstruction de {residence} ont trouvé une seconde vie dans {homes} logements neufs à {city}.\n\n#reemploi #economiecirculaire #batimentdurable"),
    li("building", &[], "partners", "photo",
        "Appel d'offres : nous recherchons des entreprises pour la réhabilitation de {homes} logements à {city}.\n\nLots : menuiseries extérieures, plomberie, électricité, peinture. Dossier de consultation disponible sur notre profil acheteur.\n\n#marchespublics #BTP #rehabilitation"),
    li("building", &[], "partners", "photo",
        "Chantier école à {residence}.\n\nEn lien avec un centre de formation du BTP, {n} jeunes en insertion participent à la rénovation des halls. Une clause d'insertion qui se traduit en vrais parcours professionnels.\n\n#insertion #BTP #clausesociale"),
    li("building", &[], "public", "carousel",
        "Avant / après : {residence}, à {city}.\n\nConstruite en {year}, la résidence a été entièrement rénovée : façades, balcons, halls, espaces extérieurs. Ses {homes} logements entrent dans une nouvelle vie.\n\n#avantapres #renovation #architecture"),
    li("building", &[], "partners", "photo",
        "Visite du chantier de {residence} avec les élus de {city} ce matin.\n\nLe gros œuvre de nos {homes} logements est achevé, les façades en terre cuite se dessinent. Rendez-vous à la livraison !\n\n#chantier #logementsocial #territoires"),
    // ── employer ──
    li("employer", &[], "candidates", "link",
        "{landlord} recrute un·e {job} pour l'{agency} 📣\n\nVous aimez le terrain, le contact avec les habitants et le travail en équipe ? Rejoignez-nous en CDI.\n\nAu programme : un métier utile, une équipe bienveillante, des formations tout au long de votre parcours.\n\nCandidatez ici : {website}\n\n#recrutement #emploi #logementsocial"),
    li("employer", &[], "candidates", "photo",
        "Alternance : nous accueillons {n} nouveaux alternants cette année 🎓\n\nGestion locative, maintenance, communication, maîtrise d'ouvrage : bienvenue à eux, et merci à leurs tuteurs qui transmettent leur savoir-faire.\n\n#alternance #apprentissage #jeunes"),
    li("employer", &[], "candidates", "video",
        "Gardien·ne d'immeuble, un métier d'avenir.\n\nÀ la fois technicien, médiateur et premier contact des locataires, le gardien est le visage de {landlord} dans nos résidences. Découvrez le quotidien de {first_name} en vidéo.\n\n#metier #gardien #proximite #recrutement"),
    li("employer", &[], "public", "photo",
        "Fiers de notre équipe 💪\n\nNos collaborateurs ont couru ensemble le semi-marathon de la ville, aux couleurs de l'association que nous soutenons. Bravo à tous les coureurs, et aux supporters du bord de la route !\n\n#teamspirit #sport #engagement"),
    li("employer", &[], "candidates", "photo",
        "Forum de l'emploi : retrouvez-nous le {date} à {city}.\n\nNos équipes vous présenteront nos métiers et nos offres en cours : {job}, techniciens, chargés de clientèle… Venez avec votre CV !\n\n#forumemploi #recrutement #HLM"),
    li("employer", &[], "public", "photo",
        "Un an après notre accord sur le télétravail et la qualité de vie au travail, le bilan est positif : plus de souplesse pour les équipes du siège, plus de présence sur le terrain pour nos agences.\n\nMerci aux représentants du personnel pour ce dialogue.\n\n#QVT #dialoguesocial"),
    li("employer", &[], "candidates", "photo",
        "Ils ont rejoint {landlord} ce mois-ci 👋\n\nUn·e {job}, deux chargé·es de clientèle et un technicien de maintenance. Bienvenue dans l'équipe, et belle intégration à tous !\n\n#bienvenue #onboarding #recrutement"),
    li("employer", &[], "candidates", "text",
        "Pourquoi travailler dans le logement social ?\n\nParce que chaque jour, nos métiers changent concrètement la vie de milliers de familles. Parce qu'on y apprend sans cesse. Parce qu'on y trouve du sens.\n\nNos offres : {website}\n\n#sens #emploi #logementsocial"),
    li("employer", &["solidarity"], "public", "photo",
        "Journée solidaire de nos collaborateurs 🌱\n\n{n} volontaires ont repeint les locaux d'une association d'aide alimentaire de {city}. Une journée utile, et une belle façon de se retrouver entre services.\n\n#engagement #RSE #solidarite"),
    li("employer", &[], "public", "photo",
        "Égalité professionnelle : notre index progresse encore cette année.\n\nÉgalité salariale, promotions, retour de congé maternité : des engagements suivis et partagés avec les représentants du personnel.\n\n#egalitepro #RH"),
    // ── solidarity ──
    li("solidarity", &[], "partners", "photo",
        "Prévenir les expulsions, c'est d'abord aller vers.\n\nAvec {partner}, nos conseillères en économie sociale et familiale rencontrent les locataires dès le premier impayé. Résultat : des plans d'apurement tenus, et des familles maintenues dans leur logement.\n\n#prevention #accompagnementsocial #HLM"),
    li("solidarity", &[], "partners", "photo",
        "Bien vieillir chez soi 👵👴\n\nNous adaptons chaque année des centaines de logements au vieillissement : douches de plain-pied, barres d'appui, volets motorisés. Un engagement renforcé avec {partner}.\n\n#seniors #adaptation #autonomie"),
    li("solidarity", &[], "partners", "text",
        "Hébergement d'urgence : {n} logements mis à disposition d'une association pour accueillir des femmes victimes de violences et leurs enfants.\n\nUn dispositif suivi au quotidien avec {partner}.\n\n#violencesfaitesauxfemmes #solidarite #logement"),
    // ── environment ──
    li("environment", &[], "partners", "photo",
        "Notre plan climat est adopté.\n\nD'ici 2030 : plus aucun logement classé F ou G, des chaufferies raccordées aux réseaux de chaleur et une baisse de moitié des émissions de notre patrimoine.\n\nUn chantier mené avec {partner}.\n\n#climat #decarbonation #logementsocial"),
    li("environment", &[], "partners", "photo",
        "Biodiversité : nos espaces verts passent en gestion différenciée.\n\nFauche tardive, zéro pesticide, nichoirs et hôtels à insectes : {n} résidences sont déjà engagées, avec le concours des gardiens et des habitants.\n\n#biodiversite #espacesverts #RSE"),
    li("environment", &["solidarity"], "partners", "text",
        "Sobriété énergétique : un hiver de mobilisation.\n\nRéglage fin des chaufferies, sensibilisation des locataires, suivi des consommations résidence par résidence : les charges de chauffage ont baissé sans perte de confort.\n\n#sobriete #energie #charges"),
    // ── heritage ──
    li("heritage", &[], "public", "carousel",
        "Patrimoine : {residence} obtient le label « Architecture contemporaine remarquable ».\n\nConstruite en {year}, elle témoigne des ambitions de l'époque : lumière, confort, espaces verts. Une reconnaissance qui engage aussi notre façon de la rénover.\n\n#patrimoine #architecture #ACR"),
    li("heritage", &[], "public", "photo",
        "Cent ans de logement social sur notre territoire.\n\nDes habitations à bon marché aux résidences d'aujourd'hui, une exposition retrace l'histoire de {landlord} et de ses habitants, avec le concours des Archives municipales.\n\n#histoire #HBM #patrimoine"),
    li("heritage", &["building"], "partners", "text",
        "Rénover sans effacer.\n\nPour la réhabilitation de {residence}, bâtie dans les {decade}, nous avons travaillé avec un architecte du patrimoine : modénatures conservées, couleurs d'origine retrouvées, isolation invisible depuis la rue.\n\n#patrimoine #rehabilitation #architecture"),
    // ── home ownership ──
    li("home_ownership", &[], "partners", "photo",
        "Accession sociale : notre premier programme en bail réel solidaire est commercialisé à {city}.\n\n{homes} logements, des prix sous le marché, un organisme foncier solidaire pour garantir l'accessibilité dans la durée. Un outil précieux pour les ménages modestes.\n\n#BRS #accessionsociale #OFS"),
    li("home_ownership", &[], "partners", "text",
        "Vente HLM : {n} locataires sont devenus propriétaires de leur logement cette année.\n\nUn parcours accompagné de bout en bout, avec une garantie de rachat et de relogement. Les recettes sont réinvesties dans la construction de nouveaux logements.\n\n#venteHLM #parcoursresidentiel"),
    // ── participation ──
    li("participation", &[], "partners", "photo",
        "Élections des représentants des locataires : la participation progresse.\n\nMerci aux associations de locataires, aux candidats et à nos équipes qui ont fait vivre la campagne dans les résidences.\n\n#democratielocative #HLM #concertation"),
    li("participation", &[], "partners", "photo",
        "Notre plan de concertation locative a été signé avec les associations représentatives des locataires.\n\nUn cadre clair pour associer les habitants aux projets de travaux, aux charges et à la qualité de service.\n\n#concertation #locataires"),
    // ── neighbourhood ──
    li("neighbourhood", &[], "partners", "photo",
        "Quand les habitants s'emparent de leur quartier.\n\nÀ {residence}, le jardin partagé lancé avec {partner} réunit aujourd'hui une trentaine de familles. Un lieu de rencontre, de transmission et de fierté.\n\n#vivreensemble #jardinpartage #quartiers"),
    // ── practical ──
    li("practical", &[], "partners", "link",
        "Fournisseurs et entreprises partenaires : depuis le 1er du mois, toutes vos factures doivent être déposées sur notre plateforme de dématérialisation.\n\nMode d'emploi et contacts : {website}\n\n#fournisseurs #dematerialisation"),
    // ── other ──
    li("other", &[], "public", "photo",
        "Toute l'équipe de {landlord} vous présente ses meilleurs vœux.\n\nQue cette année soit riche de projets partagés avec nos locataires et nos partenaires.\n\n#voeux #bonneannee"),
];
