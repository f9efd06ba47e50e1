//! What can go wrong with links, said in French and English.

use relais_core::Lang;
use relais_store::StoreError;
use thiserror::Error;

/// A link failure.
#[derive(Debug, Error)]
pub enum LinkError {
    #[error("{}", self.message(Lang::Fr))]
    BadDomain(String),
    #[error("{}", self.message(Lang::Fr))]
    BadTarget(String),
    #[error("{}", self.message(Lang::Fr))]
    DomainNotAllowed(String),
    #[error("{}", self.message(Lang::Fr))]
    EmptyAction,
    #[error("{}", self.message(Lang::Fr))]
    Random(String),
    #[error("{}", self.message(Lang::Fr))]
    Store(#[from] StoreError),
    #[error("{}", self.message(Lang::Fr))]
    Serve(#[source] std::io::Error),
}

impl LinkError {
    /// The message in the given language.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (LinkError::BadDomain(d), Lang::Fr) => format!(
                "domaine invalide « {d} » : attendu un nom comme bailleur.fr ou www.facebook.com \
                 (ni adresse IP, ni joker)"
            ),
            (LinkError::BadDomain(d), Lang::En) => format!(
                "invalid domain `{d}`: expected a name such as bailleur.fr or www.facebook.com \
                 (no IP address, no wildcard)"
            ),
            (LinkError::BadTarget(t), Lang::Fr) => format!(
                "cible invalide « {t} » : attendu une adresse https:// (ou http://) complète, \
                 sans identifiant ni mot de passe"
            ),
            (LinkError::BadTarget(t), Lang::En) => format!(
                "invalid target `{t}`: expected a full https:// (or http://) address, without \
                 user name or password"
            ),
            (LinkError::DomainNotAllowed(h), Lang::Fr) => format!(
                "le domaine « {h} » n'est pas autorisé pour les liens. Un administrateur peut \
                 l'autoriser : relais link allow-domain {h}"
            ),
            (LinkError::DomainNotAllowed(h), Lang::En) => format!(
                "domain `{h}` is not allowed for links. An admin can allow it: relais link \
                 allow-domain {h}"
            ),
            (LinkError::EmptyAction, Lang::Fr) => "l'action n'a pas de nom utilisable : donnez \
                 --action \"Fête des voisins 2027\" par exemple (lettres ou chiffres)"
                .to_string(),
            (LinkError::EmptyAction, Lang::En) => "the action has no usable name: give --action \
                 \"Fête des voisins 2027\" for example (letters or digits)"
                .to_string(),
            (LinkError::Random(e), Lang::Fr) => {
                format!("le système n'a pas fourni d'aléa pour les codes : {e}")
            }
            (LinkError::Random(e), Lang::En) => {
                format!("the system gave no randomness for codes: {e}")
            }
            (LinkError::Store(e), lang) => e.message(lang),
            (LinkError::Serve(e), Lang::Fr) => format!("le serveur s'est arrêté : {e}"),
            (LinkError::Serve(e), Lang::En) => format!("the server stopped: {e}"),
        }
    }
}
