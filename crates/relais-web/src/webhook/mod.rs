//! `/webhooks/meta`: Meta pushes new, changed and deleted comments of the
//! landlord's Facebook Pages and Instagram accounts, so that they reach the
//! inbox within seconds instead of at the next import.
//!
//! Meta calls without a session: the subscription check is answered only
//! with the configured verify token, and a delivery is read only when its
//! `X-Hub-Signature-256` is the HMAC-SHA256 of its raw bytes under the app
//! secret (never of re-serialised JSON). Without [`crate::MetaWebhook`]
//! settings both routes answer 404. A delivery is answered 200 even when it
//! holds nothing relais keeps (Meta disables a webhook that keeps failing),
//! 400 when it is not JSON, 500 when the database fails (Meta retries).
//!
//! New comments arrive without labels: `relais classify` labels them, as it
//! does imported ones (the classifier is not loaded in the web app, to keep
//! it light). Comments are written like imported ones: a person's id is
//! pseudonymised with the installation secret, the account's own comments
//! are landlord replies, and a comment on a post relais does not know is
//! left out with a warning (posts come from the imports, never from here).

mod meta;

use axum::body::Bytes;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use hmac::{Hmac, Mac};
use relais_core::{
    Account, Comment, CommentAuthor, CommentKey, InstallationSecret, Lang, Network, NetworkId,
    PostKey, Timestamp,
};
use relais_store::StoreError;
use serde::Deserialize;
use sha2::Sha256;

use self::meta::{Change, Pushed};
use crate::app::{App, AppState, AppStore, Fail, now};
use crate::auth;

/// The subscription check's query.
#[derive(Debug, Deserialize)]
pub struct Challenge {
    #[serde(rename = "hub.mode")]
    mode: Option<String>,
    #[serde(rename = "hub.verify_token")]
    verify_token: Option<String>,
    #[serde(rename = "hub.challenge")]
    challenge: Option<String>,
}

fn answer(status: StatusCode, text: String) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        text,
    )
        .into_response()
}

fn forbidden() -> Response {
    answer(StatusCode::FORBIDDEN, "forbidden".into())
}

/// `GET /webhooks/meta`: echoes the challenge to the right verify token.
pub async fn verify<S: AppStore>(
    State(app): AppState<S>,
    q: Result<Query<Challenge>, QueryRejection>,
) -> Response {
    let Some(settings) = &app.settings.meta else {
        return Fail::NotFound.into_response();
    };
    let Ok(Query(q)) = q else {
        return forbidden();
    };
    match (q.mode.as_deref(), q.verify_token, q.challenge) {
        (Some("subscribe"), Some(token), Some(challenge))
            if auth::same(&token, &settings.verify_token) =>
        {
            answer(StatusCode::OK, challenge)
        }
        _ => forbidden(),
    }
}

/// Whether `body` carries the app secret's signature.
fn signed(secret: &str, headers: &HeaderMap, body: &[u8]) -> bool {
    let Some(hex_signature) = headers
        .get("x-hub-signature-256")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("sha256="))
    else {
        return false;
    };
    let Ok(signature) = hex::decode(hex_signature.trim()) else {
        return false;
    };
    let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(secret.as_bytes()) else {
        return false;
    };
    mac.update(body);
    mac.verify_slice(&signature).is_ok()
}

/// `POST /webhooks/meta`: one signed delivery.
pub async fn receive<S: AppStore>(
    State(app): AppState<S>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let Some(settings) = &app.settings.meta else {
        return Fail::NotFound.into_response();
    };
    if !signed(&settings.app_secret, &headers, &body) {
        tracing::warn!("Meta webhook: a delivery without a valid signature was refused");
        return forbidden();
    }
    let Ok(value) = serde_json::from_slice::<serde_json::Value>(&body) else {
        return answer(StatusCode::BAD_REQUEST, "not JSON".into());
    };
    let changes = meta::changes(&value, now());
    let written = match apply(&app, &changes).await {
        Ok(written) => written,
        Err(e) => return failed(&e),
    };
    let reloaded = match written {
        Written::Nothing => Ok(()),
        Written::Comments => app.data.refresh(&app.store).await,
        // The fingerprint does not cover texts: read everything again.
        Written::Texts => app.data.reload(&app.store).await,
    };
    match reloaded {
        Ok(()) => answer(StatusCode::OK, "ok".into()),
        Err(e) => failed(&e),
    }
}

fn failed(e: &StoreError) -> Response {
    tracing::error!("Meta webhook: {}", e.message(Lang::En));
    answer(StatusCode::INTERNAL_SERVER_ERROR, "database error".into())
}

/// What a delivery changed, for the reload it needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Written {
    Nothing,
    Comments,
    Texts,
}

/// The key of a comment id as pushed; `None` (with a warning) when the id
/// is not one relais can store.
fn comment_key(network: Network, id: &str) -> Option<CommentKey> {
    match NetworkId::parse(id) {
        Ok(network_id) => Some(CommentKey {
            network,
            network_id,
        }),
        Err(_) => {
            tracing::warn!("Meta webhook: comment id {id:?} is not a network id; left out");
            None
        }
    }
}

async fn apply<S: AppStore>(app: &App<S>, changes: &[Change]) -> Result<Written, StoreError> {
    let mut written = Written::Nothing;
    let mut known: Option<(InstallationSecret, Vec<Account>)> = None;
    for change in changes {
        let did = match change {
            Change::Add(pushed) => {
                let (secret, accounts) = match &known {
                    Some(k) => k,
                    None => known.insert(context(app).await?),
                };
                match comment(app, pushed, secret, accounts).await? {
                    Some(c) => app.store.add_pushed_comment(&c).await?,
                    None => false,
                }
            }
            Change::Edit {
                network,
                comment_id,
                text,
            } => match comment_key(*network, comment_id) {
                Some(k) => app.store.edit_pushed_comment(&k, text).await?,
                None => false,
            },
            Change::Remove {
                network,
                comment_id,
            } => match comment_key(*network, comment_id) {
                Some(k) => app.store.remove_pushed_comment(&k).await?,
                None => false,
            },
        };
        if did {
            let now = match change {
                Change::Edit { .. } => Written::Texts,
                _ => Written::Comments,
            };
            written = written.max(now);
        }
    }
    Ok(written)
}

/// The installation secret and the accounts, read once per delivery.
async fn context<S: AppStore>(
    app: &App<S>,
) -> Result<(InstallationSecret, Vec<Account>), StoreError> {
    let secret = crate::sync::installation_secret(app).await?;
    Ok((secret, app.store.accounts().await?))
}

/// The comment to write, or `None` (with a warning) when its post is unknown.
async fn comment<S: AppStore>(
    app: &App<S>,
    p: &Pushed,
    secret: &InstallationSecret,
    accounts: &[Account],
) -> Result<Option<Comment>, StoreError> {
    let Ok(post_id) = NetworkId::parse(&p.post_id) else {
        tracing::warn!(
            "Meta webhook: post id {:?} is not a network id; left out",
            p.post_id
        );
        return Ok(None);
    };
    let post = PostKey {
        network: p.network,
        network_id: post_id,
    };
    let owners = app
        .store
        .post_accounts(std::slice::from_ref(&post.stored()))
        .await?;
    let Some(account_id) = owners.get(&post.stored()) else {
        tracing::warn!(
            "Meta webhook: comment {} is on post {}, which relais does not know; left out \
             (import the account's posts)",
            p.comment_id,
            p.post_id
        );
        return Ok(None);
    };
    let Some(key) = comment_key(p.network, &p.comment_id) else {
        return Ok(None);
    };
    let account = accounts.iter().find(|a| &a.id == account_id);
    // An Instagram username is unique, a Facebook name is not.
    let by_account = account.is_some_and(|a| {
        a.network_id.as_str() == p.from_id
            || (p.network == Network::Instagram
                && p.from_name
                    .as_deref()
                    .is_some_and(|n| n.eq_ignore_ascii_case(&a.handle)))
    });
    let author = if by_account {
        CommentAuthor::Landlord {
            account: account_id.clone(),
        }
    } else {
        CommentAuthor::Person {
            pseudonym: secret.pseudonym(p.network, &p.from_id),
            display_name: p.from_name.clone(),
        }
    };
    let parent = p
        .parent_id
        .as_deref()
        .and_then(|id| comment_key(p.network, id));
    Ok(Some(Comment {
        key,
        post,
        parent,
        author,
        text: p.text.clone(),
        created_at: Timestamp::from_unix(p.created_at)
            .unwrap_or_else(|_| Timestamp::from_utc(chrono::Utc::now())),
    }))
}
