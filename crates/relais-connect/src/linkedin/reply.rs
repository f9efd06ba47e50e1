//! The organization's reply to a comment: `POST
//! /rest/socialActions/{post}/comments` as the organization, in the
//! comment's thread (LinkedIn threads are one level deep, so a reply to a
//! reply goes under the thread's first comment). The reply's key is made
//! as the sync reads it back, so the next sync finds the same comment.

use relais_core::{Comment, CommentKey};
use relais_store::{ConnectStore, Store, StoredConnection};
use serde_json::json;

use super::client::{Client, encode};
use super::{fail, map, organization};
use crate::error::ConnectError;
use crate::graph::Pacing;
use crate::run::open_account;
use crate::secret::SecretKey;

/// Posts `text` as the organization's reply to `comment`.
pub(crate) async fn reply<S: Store + ConnectStore>(
    store: &S,
    connection: &StoredConnection,
    key: &SecretKey,
    comment: &Comment,
    text: &str,
    pacing: &Pacing,
) -> Result<CommentKey, ConnectError> {
    let (account, network_id, token) = open_account(store, connection, key).await?;
    let actor = organization(connection, &account, &network_id)?;
    let client = Client::new(&connection.api_base, token, pacing.clone())
        .map_err(|e| fail(connection, &account, e, ""))?;
    let post = comment.post.network_id.as_str();
    let thread = comment.parent.as_ref().unwrap_or(&comment.key);
    let parent = thread.network_id.as_str();
    let body = json!({
        "actor": actor,
        "object": post,
        "message": {"text": text},
        "parentComment": parent,
    });
    let path = format!("socialActions/{}/comments", encode(post));
    let id = client
        .create(&path, &body)
        .await
        .map_err(|e| fail(connection, &account, e, "w_organization_social"))?;
    map::reply_key(&id, parent).map_err(|e| ConnectError::Http {
        connection: connection.id.clone(),
        detail: format!("unexpected answer: {}", e.0),
    })
}
