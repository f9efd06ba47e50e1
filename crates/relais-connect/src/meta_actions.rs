//! Replying to and hiding comments on Facebook and Instagram through the
//! Graph API (platforms.md §7):
//!
//! | | reply | hide (`false` shows again) |
//! |---|---|---|
//! | Facebook | `POST /{comment-id}/comments` `message` | `POST /{comment-id}?is_hidden=true` |
//! | Instagram | `POST /{comment-id}/replies` `message` | `POST /{comment-id}?hide=true` |
//!
//! The message goes in the form body, never in the URL. Threads are one
//! level deep on both networks, so a reply to a reply goes to its top-level
//! comment. The reply's key is the id Meta answers, the one the next sync
//! reads in the comments listing, so the reply is one comment, not two.

use relais_core::{Account, Comment, CommentKey, Network, NetworkId};
use relais_store::{ConnectStore, Store, StoredConnection};
use serde_json::Value;

use crate::error::ConnectError;
use crate::facebook::fail;
use crate::graph::{Graph, Pacing};
use crate::run;
use crate::secret::SecretKey;

/// A connection opened to act on one of its comments.
struct Acting<'a> {
    connection: &'a StoredConnection,
    account: Account,
    graph: Graph,
    /// The permission writing needs.
    scope: &'static str,
}

impl<'a> Acting<'a> {
    async fn open<S: Store + ConnectStore>(
        store: &S,
        connection: &'a StoredConnection,
        key: &SecretKey,
        comment: &Comment,
        pacing: &Pacing,
    ) -> Result<Self, ConnectError> {
        let (account, _, token) = run::open_account(store, connection, key).await?;
        if comment.key.network != account.network {
            return Err(ConnectError::Http {
                connection: connection.id.clone(),
                detail: format!(
                    "comment {} is not on {}",
                    comment.key.stored(),
                    account.network.code()
                ),
            });
        }
        let graph = Graph::new(&connection.api_base, token, pacing.clone())
            .map_err(|e| fail(connection, &account, e, ""))?;
        let scope = match account.network {
            Network::Instagram => "instagram_manage_comments",
            _ => "pages_manage_engagement",
        };
        Ok(Self {
            connection,
            account,
            graph,
            scope,
        })
    }

    async fn post(
        &self,
        path: &str,
        query: &[(&str, &str)],
        form: &[(&str, &str)],
    ) -> Result<Value, ConnectError> {
        self.graph
            .post(path, query, form)
            .await
            .map_err(|e| fail(self.connection, &self.account, e, self.scope))
    }

    fn unexpected(&self, v: &Value) -> ConnectError {
        ConnectError::Http {
            connection: self.connection.id.clone(),
            detail: format!("unexpected answer: {v}"),
        }
    }
}

/// Posts `text` as the account's reply to `comment` (Facebook or
/// Instagram); gives the reply's key.
pub(crate) async fn reply<S: Store + ConnectStore>(
    store: &S,
    connection: &StoredConnection,
    key: &SecretKey,
    comment: &Comment,
    text: &str,
    pacing: &Pacing,
) -> Result<CommentKey, ConnectError> {
    let acting = Acting::open(store, connection, key, comment, pacing).await?;
    let top = comment.parent.as_ref().unwrap_or(&comment.key);
    let edge = match acting.account.network {
        Network::Instagram => "replies",
        _ => "comments",
    };
    let path = format!("{}/{edge}", top.network_id);
    let v = acting.post(&path, &[], &[("message", text)]).await?;
    let id = v
        .get("id")
        .and_then(Value::as_str)
        .and_then(|id| NetworkId::parse(id).ok())
        .ok_or_else(|| acting.unexpected(&v))?;
    Ok(CommentKey {
        network: acting.account.network,
        network_id: id,
    })
}

/// Hides `comment` on Facebook or Instagram, or shows it again when
/// `hidden` is false.
pub(crate) async fn hide<S: Store + ConnectStore>(
    store: &S,
    connection: &StoredConnection,
    key: &SecretKey,
    comment: &Comment,
    hidden: bool,
    pacing: &Pacing,
) -> Result<(), ConnectError> {
    let acting = Acting::open(store, connection, key, comment, pacing).await?;
    let field = match acting.account.network {
        Network::Instagram => "hide",
        _ => "is_hidden",
    };
    let value = if hidden { "true" } else { "false" };
    let v = acting
        .post(comment.key.network_id.as_str(), &[(field, value)], &[])
        .await?;
    // Meta answers `{success: true}`; platforms.md's table says `{id}`.
    match (v.get("success").and_then(Value::as_bool), v.get("id")) {
        (Some(true), _) | (None, Some(_)) => Ok(()),
        _ => Err(acting.unexpected(&v)),
    }
}
