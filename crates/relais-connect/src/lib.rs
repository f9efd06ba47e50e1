//! relais's API connectors: each network's client and the sync of a
//! connection into the store.
//!
//! This crate owns the network calls and the token encryption; what it
//! fetches becomes the same domain values as an imported file
//! (`relais_core::ImportBatch`) and is written through the store's existing
//! methods, so a sync and an import never disagree on what a post or a
//! comment is. It prints nothing and never logs a token, a key or a URL
//! that could carry one.

mod error;
mod facebook;
mod graph;
mod insights;
mod instagram;
mod linkedin;
mod map;
mod meta_actions;
mod run;
mod secret;
mod x;

use relais_core::{Comment, CommentKey, InstallationSecret, Network};
use relais_store::{ConnectStore, Store, StoredConnection};

pub use error::{Action, ConnectError};
pub use graph::{DEFAULT_API_BASE, Pacing, usage_percent};
pub use linkedin::{LINKEDIN_MEMBER, RECENT_DAYS};
pub use map::ANONYMOUS;
pub use run::{NETWORK_ID_STREAM, Reads, SyncOptions, SyncSummary};
pub use secret::{KEY_ENV, SecretKey, Token};
pub use x::DEFAULT_X_POST_READS_PER_MONTH;

/// The API address a new connection to `network` uses unless told
/// otherwise.
pub fn default_api_base(network: Network) -> &'static str {
    match network {
        Network::Facebook | Network::Instagram => DEFAULT_API_BASE,
        Network::Linkedin => "https://api.linkedin.com/rest",
        Network::X => "https://api.x.com/2",
    }
}

/// Syncs one connection, whatever its network, and records the run's
/// outcome (success, or the error's message) on the connection.
pub async fn sync<S: Store + ConnectStore>(
    store: &S,
    connection: &StoredConnection,
    key: &SecretKey,
    secret: &InstallationSecret,
    options: &SyncOptions,
) -> Result<SyncSummary, ConnectError> {
    let result = match Network::parse(&connection.network) {
        Ok(Network::Facebook) => facebook::sync(store, connection, key, secret, options).await,
        Ok(Network::Instagram) => instagram::sync(store, connection, key, secret, options).await,
        Ok(Network::Linkedin) => linkedin::sync(store, connection, key, secret, options).await,
        Ok(Network::X) => x::sync(store, connection, key, secret, options).await,
        _ => Err(ConnectError::Http {
            connection: connection.id.clone(),
            detail: format!("network {} cannot be synced yet", connection.network),
        }),
    };
    let error = result.as_ref().err().map(|e| e.to_string());
    let summary = result
        .as_ref()
        .ok()
        .and_then(|s| serde_json::to_string(s).ok());
    store
        .record_run(
            &connection.id,
            options.now.unix(),
            error.as_deref(),
            summary.as_deref(),
        )
        .await?;
    result
}

/// Whether relais can do `action` on `network` (what [`reply`] and [`hide`]
/// do rather than answer `Unsupported`).
pub fn supports(network: Network, action: error::Action) -> bool {
    match action {
        error::Action::Reply => matches!(
            network,
            Network::Facebook | Network::Instagram | Network::Linkedin
        ),
        error::Action::Hide => matches!(network, Network::Facebook | Network::Instagram),
    }
}

/// Posts `text` on the network as the connected account's reply to
/// `comment`, and gives the key of the reply the network created (so that
/// the next sync finds the same comment, not a second one).
pub async fn reply<S: Store + ConnectStore>(
    store: &S,
    connection: &StoredConnection,
    key: &SecretKey,
    comment: &Comment,
    text: &str,
    pacing: &Pacing,
) -> Result<CommentKey, ConnectError> {
    match Network::parse(&connection.network) {
        Ok(Network::Linkedin) => {
            linkedin::reply(store, connection, key, comment, text, pacing).await
        }
        Ok(Network::Facebook | Network::Instagram) => {
            meta_actions::reply(store, connection, key, comment, text, pacing).await
        }
        // X's API could; relais does not post on X yet.
        _ => Err(ConnectError::Unsupported {
            connection: connection.id.clone(),
            action: error::Action::Reply,
            network: comment.key.network,
        }),
    }
}

/// Hides `comment` on the network (a comment showing personal data), or
/// shows it again when `hidden` is false.
pub async fn hide<S: Store + ConnectStore>(
    store: &S,
    connection: &StoredConnection,
    key: &SecretKey,
    comment: &Comment,
    hidden: bool,
    pacing: &Pacing,
) -> Result<(), ConnectError> {
    match Network::parse(&connection.network) {
        Ok(Network::Facebook | Network::Instagram) => {
            meta_actions::hide(store, connection, key, comment, hidden, pacing).await
        }
        // LinkedIn's API has no way to hide a comment (only to delete it);
        // X's hides replies to the account's own posts only.
        _ => Err(ConnectError::Unsupported {
            connection: connection.id.clone(),
            action: error::Action::Hide,
            network: comment.key.network,
        }),
    }
}
