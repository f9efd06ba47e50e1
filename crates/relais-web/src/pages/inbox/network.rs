//! Acting on the network from the inbox: a reply posted on Facebook,
//! Instagram or LinkedIn when the post's account is connected (and the
//! server holds the key of its token), and a comment hidden on Facebook or
//! Instagram in one click. Without a connection the inbox records a reply
//! made elsewhere, as before.

use std::sync::Arc;

use axum::Form;
use axum::extract::{Path, State};
use axum::response::Response;
use relais_connect::{Action, ConnectError};
use relais_core::{Comment, CommentAuthor, Lang, Network, Pseudonym, Subject, Timestamp};
use relais_store::{CommentDetail, StoredConnection};
use serde::Deserialize;

use super::actions::{back, writable};
use crate::SyncSettings;
use crate::app::{App, AppStore, Ctx, Fail, now};
use crate::i18n;

/// The connection that may act for the account of comment `c`'s post.
pub struct Channel {
    pub connection: StoredConnection,
    pub network: Network,
}

impl Channel {
    /// Whether relais can post a reply on this network.
    pub fn can_reply(&self) -> bool {
        relais_connect::supports(self.network, Action::Reply)
    }

    /// Whether relais can hide a comment on this network.
    pub fn can_hide(&self) -> bool {
        relais_connect::supports(self.network, Action::Hide)
    }

    /// « Facebook », « LinkedIn »…
    pub fn name(&self, lang: Lang) -> String {
        i18n::network(self.network, lang)
    }
}

/// The channel of comment `c` (index in the snapshot), if its account is
/// connected and this server syncs.
pub async fn channel<S: AppStore>(
    app: &App<S>,
    ctx: &Ctx,
    c: usize,
) -> Result<Option<Channel>, Fail> {
    if app.settings.sync.is_none() {
        return Ok(None);
    }
    let snap = &ctx.snap;
    let account = &snap.facts.accounts[snap.facts.posts[snap.facts.comments[c].post].account];
    let connection = app
        .store
        .connections()
        .await
        .map_err(Fail::Store)?
        .into_iter()
        .find(|k| k.account.as_str() == account.id);
    Ok(connection.map(|connection| Channel {
        connection,
        network: account.network,
    }))
}

/// The domain comment the connectors act on, from the inbox's details.
pub fn comment_of(d: &CommentDetail) -> Result<Comment, Fail> {
    let broken = |what: &str| Fail::Bad(format!("{what}: {}", d.id));
    let comment = |stored: &str| match Subject::from_stored("comment", stored) {
        Some(Subject::Comment(k)) => Ok(k),
        _ => Err(broken("comment id")),
    };
    let post = match Subject::from_stored("post", &d.post_id) {
        Some(Subject::Post(k)) => k,
        _ => return Err(broken("post id")),
    };
    Ok(Comment {
        key: comment(&d.id)?,
        post,
        parent: d.parent_id.as_deref().map(comment).transpose()?,
        author: CommentAuthor::Person {
            pseudonym: Pseudonym::parse(&d.author).map_err(|_| broken("author"))?,
            display_name: d.display_name.clone(),
        },
        text: d.text.clone(),
        created_at: Timestamp::from_unix(d.created_at).map_err(|_| broken("created_at"))?,
    })
}

/// A connector's failure as the user reads it, in their language.
pub fn upstream(ctx: &Ctx, e: ConnectError) -> Fail {
    match e {
        ConnectError::Store(e) => Fail::Store(e),
        e => Fail::Upstream(e.message(ctx.lang)),
    }
}

/// The inbox details of comment `id`.
async fn detail<S: AppStore>(app: &App<S>, id: &str) -> Result<CommentDetail, Fail> {
    app.store
        .comment_details(&[id.to_string()])
        .await
        .map_err(Fail::Store)?
        .into_iter()
        .next()
        .ok_or(Fail::NotFound)
}

/// The channel of comment `c`, the server's sync settings (the key that
/// opens its token, the pacing) and the domain comment, or why relais
/// cannot do `action` there.
async fn usable<'a, S: AppStore>(
    app: &'a App<S>,
    ctx: &Ctx,
    c: usize,
    id: &str,
    action: Action,
) -> Result<(Channel, &'a SyncSettings, Comment), Fail> {
    let refused = || {
        Fail::Bad(
            ctx.t(
                "le compte de cette publication n'est pas connecté pour cela (voyez Administration › Connexions) : agissez sur le réseau, puis notez-le ici.",
                "this post's account is not connected for this (see Administration › Connections): act on the network, then record it here.",
            )
            .into(),
        )
    };
    let sync = app.settings.sync.as_ref().ok_or_else(refused)?;
    let channel = channel(app, ctx, c).await?.ok_or_else(refused)?;
    if !relais_connect::supports(channel.network, action) {
        return Err(refused());
    }
    let comment = comment_of(&detail(app, id).await?)?;
    Ok((channel, sync, comment))
}

/// Posts `text` as the reply to comment `id` (index `c`) on its network;
/// gives the reply's id there.
pub async fn publish<S: AppStore>(
    app: &App<S>,
    ctx: &Ctx,
    c: usize,
    id: &str,
    text: &str,
) -> Result<String, Fail> {
    let (channel, sync, comment) = usable(app, ctx, c, id, Action::Reply).await?;
    let reply = relais_connect::reply(
        &app.store,
        &channel.connection,
        &sync.key,
        &comment,
        text,
        &sync.pacing,
    )
    .await
    .map_err(|e| upstream(ctx, e))?;
    Ok(reply.network_id.to_string())
}

#[derive(Deserialize)]
pub struct HideForm {
    #[serde(default)]
    csrf: String,
    /// `1` hides, `0` shows again.
    #[serde(default)]
    hidden: String,
}

/// Hides a comment on its network (personal data, insults…), or shows it
/// again; then records who did it.
pub async fn hide<S: AppStore>(
    State(app): State<Arc<App<S>>>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(f): Form<HideForm>,
) -> Result<Response, Fail> {
    let c = writable(&ctx, &id, &f.csrf)?;
    let hidden = f.hidden != "0";
    let (channel, sync, comment) = usable(&app, &ctx, c, &id, Action::Hide).await?;
    relais_connect::hide(
        &app.store,
        &channel.connection,
        &sync.key,
        &comment,
        hidden,
        &sync.pacing,
    )
    .await
    .map_err(|e| upstream(&ctx, e))?;
    let found = app
        .store
        .set_hidden(&id, hidden, &ctx.user.email, now())
        .await
        .map_err(Fail::Store)?;
    if !found {
        return Err(Fail::NotFound);
    }
    Ok(back(&id, if hidden { "hidden" } else { "shown" }))
}
