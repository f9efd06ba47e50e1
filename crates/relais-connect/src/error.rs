//! What can go wrong while connecting or syncing, each message saying what,
//! which connection, and what to do, in French and in English. No message
//! holds a token or the key.

use relais_core::{Lang, Network};
use relais_store::StoreError;

/// What relais may be asked to do on a network besides reading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Reply,
    Hide,
}

#[derive(Debug, thiserror::Error)]
pub enum ConnectError {
    #[error("{}", self.message(Lang::Fr))]
    NoKey { malformed: bool },
    #[error("{}", self.message(Lang::Fr))]
    WrongKey { connection: String },
    #[error("{}", self.message(Lang::Fr))]
    BadToken,
    #[error("{}", self.message(Lang::Fr))]
    Crypto,
    /// The token expired or was revoked (Meta code 190, LinkedIn or X 401).
    #[error("{}", self.message(Lang::Fr))]
    Expired {
        connection: String,
        network: Network,
        account: String,
    },
    /// A permission is missing (Meta code 10 or 200–299, LinkedIn or X 403).
    #[error("{}", self.message(Lang::Fr))]
    Permission {
        connection: String,
        network: Network,
        scope: &'static str,
    },
    /// The account's id on the network is not the kind its API takes (a
    /// LinkedIn page known by its name, not its organization number).
    #[error("{}", self.message(Lang::Fr))]
    NetworkId {
        connection: String,
        network: Network,
        account: String,
        value: String,
    },
    /// The network's API does not let relais do this.
    #[error("{}", self.message(Lang::Fr))]
    Unsupported {
        connection: String,
        action: Action,
        network: Network,
    },
    /// Still limited after every retry.
    #[error("{}", self.message(Lang::Fr))]
    RateLimited { connection: String },
    /// Any other answer of the API.
    #[error("{}", self.message(Lang::Fr))]
    Api {
        connection: String,
        code: i64,
        message: String,
    },
    /// The network, or an answer that is not what the API documents.
    #[error("{}", self.message(Lang::Fr))]
    Http { connection: String, detail: String },
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl ConnectError {
    pub fn message(&self, lang: Lang) -> String {
        use ConnectError::*;
        let fr = lang == Lang::Fr;
        match self {
            NoKey { malformed } => {
                let what = match (malformed, fr) {
                    (false, true) => "la variable RELAIS_SECRET_KEY n'est pas définie",
                    (true, true) => "RELAIS_SECRET_KEY doit faire 64 caractères hexadécimaux",
                    (false, false) => "RELAIS_SECRET_KEY is not set",
                    (true, false) => "RELAIS_SECRET_KEY must be 64 hexadecimal characters",
                };
                if fr {
                    format!(
                        "{what} : c'est la clé qui chiffre les jetons d'accès. Créez-en une avec \
                         `openssl rand -hex 32`, gardez-la hors de la base et définissez \
                         RELAIS_SECRET_KEY avec elle."
                    )
                } else {
                    format!(
                        "{what}: it is the key that encrypts access tokens. Make one with \
                         `openssl rand -hex 32`, keep it outside the database and set \
                         RELAIS_SECRET_KEY to it."
                    )
                }
            }
            WrongKey { connection } if fr => format!(
                "le jeton de la connexion {connection} ne s'ouvre pas avec cette clé \
                 RELAIS_SECRET_KEY : remettez la clé d'origine, ou enregistrez à nouveau le \
                 jeton avec `relais connect`."
            ),
            WrongKey { connection } => format!(
                "connection {connection}'s token does not open with this RELAIS_SECRET_KEY: \
                 restore the original key, or store the token again with `relais connect`."
            ),
            BadToken if fr => "jeton vide ou contenant des espaces : collez le jeton seul sur \
                               l'entrée standard."
                .to_string(),
            BadToken => "empty token or token with spaces: paste the token alone on standard \
                         input."
                .to_string(),
            Crypto if fr => "le chiffrement du jeton a échoué.".to_string(),
            Crypto => "encrypting the token failed.".to_string(),
            Expired {
                connection,
                network,
                account,
            } => {
                let (what, how) = renewal(*network, fr);
                let command = format!(
                    "`relais connect {} --account {account} --token-stdin`",
                    network.code()
                );
                if fr {
                    format!(
                        "connexion {connection} : le jeton a expiré ou a été révoqué ({what}). \
                         {how} puis : {command}."
                    )
                } else {
                    format!(
                        "connection {connection}: the token expired or was revoked ({what}). \
                         {how}, then: {command}."
                    )
                }
            }
            Permission {
                connection,
                network,
                scope,
            } => {
                let console = console(*network);
                if fr {
                    format!(
                        "connexion {connection} : permission manquante. Accordez « {scope} » \
                         au jeton ({console}) puis enregistrez-le à nouveau avec \
                         `relais connect`."
                    )
                } else {
                    format!(
                        "connection {connection}: a permission is missing. Grant `{scope}` to \
                         the token ({console}), then store it again with `relais connect`."
                    )
                }
            }
            NetworkId {
                connection,
                network,
                account,
                value,
            } => {
                let what = expected_id(*network, fr);
                let command = format!(
                    "`relais connect {} --account {account} --network-id <id> --token-stdin`",
                    network.code()
                );
                if fr {
                    format!(
                        "connexion {connection} : « {value} » n'est pas l'identifiant que l'API \
                         attend ({what}). Donnez-le : {command}."
                    )
                } else {
                    format!(
                        "connection {connection}: `{value}` is not the id the API takes \
                         ({what}). Give it: {command}."
                    )
                }
            }
            Unsupported {
                connection,
                action,
                network,
            } => {
                let network = network.label_fr();
                match (action, fr) {
                    (Action::Reply, true) => format!(
                        "connexion {connection} : l'API de {network} ne permet pas à relais de \
                         répondre. Répondez sur {network} puis notez la réponse dans relais."
                    ),
                    (Action::Reply, false) => format!(
                        "connection {connection}: {network}'s API does not let relais reply. \
                         Reply on {network}, then record the reply in relais."
                    ),
                    (Action::Hide, true) => format!(
                        "connexion {connection} : l'API de {network} ne permet pas à relais de \
                         masquer un commentaire. Masquez-le ou signalez-le sur {network}."
                    ),
                    (Action::Hide, false) => format!(
                        "connection {connection}: {network}'s API does not let relais hide a \
                         comment. Hide or report it on {network}."
                    ),
                }
            }
            RateLimited { connection } if fr => format!(
                "connexion {connection} : le réseau limite encore les appels après plusieurs \
                 attentes. Relancez `relais sync` plus tard ; il reprendra où il s'est arrêté."
            ),
            RateLimited { connection } => format!(
                "connection {connection}: the network still limits calls after several waits. Run \
                 `relais sync` later; it resumes where it stopped."
            ),
            Api {
                connection,
                code,
                message,
            } if fr => format!(
                "connexion {connection} : l'API a répondu par l'erreur {code} ({message}). \
                 Relancez `relais sync` ; si l'erreur revient, vérifiez la connexion."
            ),
            Api {
                connection,
                code,
                message,
            } => format!(
                "connection {connection}: the API answered error {code} ({message}). Run \
                 `relais sync` again; if the error comes back, check the connection."
            ),
            Http { connection, detail } if fr => format!(
                "connexion {connection} : échec de l'appel à l'API ({detail}). Vérifiez le \
                 réseau et l'adresse de l'API, puis relancez `relais sync`."
            ),
            Http { connection, detail } => format!(
                "connection {connection}: calling the API failed ({detail}). Check the \
                 network and the API address, then run `relais sync` again."
            ),
            Store(e) => e.message(lang),
        }
    }
}

/// How a network says a token is dead, and what to make instead.
fn renewal(network: Network, fr: bool) -> (&'static str, &'static str) {
    match (network, fr) {
        (Network::Linkedin, true) => (
            "HTTP 401",
            "Les jetons LinkedIn durent 60 jours : générez-en un nouveau \
             (LinkedIn Developers, produit Community Management API)",
        ),
        (Network::Linkedin, false) => (
            "HTTP 401",
            "LinkedIn tokens last 60 days: make a new one (LinkedIn Developers, \
             Community Management API product)",
        ),
        (Network::X, true) => (
            "HTTP 401",
            "Générez un nouveau jeton utilisateur (console développeur X, OAuth 2.0)",
        ),
        (Network::X, false) => (
            "HTTP 401",
            "Make a new user token (X developer console, OAuth 2.0)",
        ),
        (_, true) => (
            "code 190",
            "Générez un nouveau jeton de Page (Meta for Developers)",
        ),
        (_, false) => ("code 190", "Make a new Page token (Meta for Developers)"),
    }
}

/// What a network's API takes as the account's id, and where to find it.
fn expected_id(network: Network, fr: bool) -> &'static str {
    match (network, fr) {
        (Network::Linkedin, true) => {
            "le numéro de l'organisation, dans l'adresse de sa page d'administration : \
             linkedin.com/company/<numéro>/admin"
        }
        (Network::Linkedin, false) => {
            "the organization's number, in its admin page's address: \
             linkedin.com/company/<number>/admin"
        }
        (_, true) => "l'identifiant numérique du compte sur le réseau",
        (_, false) => "the account's numeric id on the network",
    }
}

/// Where a token's permissions are granted.
fn console(network: Network) -> &'static str {
    match network {
        Network::Linkedin => "LinkedIn Developers",
        Network::X => "X developer console",
        _ => "Meta for Developers",
    }
}
