//! What the web app keeps: users and their territories, sessions, API
//! tokens, the log of sensitive actions, and the community inbox's own
//! state (assignments, replies recorded from relais, internal notes, saved
//! replies), behind a trait of its own ([`WebStore`]).
//!
//! Secrets are never stored: a session or a token is kept as the SHA-256 of
//! the value the browser or the client holds (`id_hash`), so a copy of the
//! database opens no session. Passwords are argon2id PHC strings made by the
//! web crate. Everything about a comment (assignment, notes, replies) is
//! deleted with it, so erasing a person erases their inbox trail too.

use std::future::Future;

use serde::Serialize;

use crate::error::StoreError;
use crate::sql_store::SqlStore;

mod fingerprint;
mod inbox;
mod people;
mod retention;
mod saved_replies;

/// What a user may do (see the web crate for the rules).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Admin,
    Communication,
    Referent,
    Auditor,
}

impl Role {
    pub const ALL: [Role; 4] = [
        Role::Admin,
        Role::Communication,
        Role::Referent,
        Role::Auditor,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Communication => "communication",
            Role::Referent => "referent",
            Role::Auditor => "auditor",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

/// A user as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct User {
    /// Lower-case; the user's identifier.
    pub email: String,
    pub name: String,
    pub role: Role,
    /// Territory ids (directions or agencies) a referent works on, sorted.
    pub territories: Vec<String>,
    /// argon2id PHC string; `None`: cannot log in (API tokens still work).
    #[serde(skip)]
    pub password_hash: Option<String>,
}

/// A browser session: the hash of its cookie value, its owner, its CSRF
/// token (not a secret from the owner; compared on every form), and when it
/// began and was last used (Unix seconds).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionRow {
    pub id_hash: String,
    pub email: String,
    pub csrf: String,
    pub created_at: i64,
    pub last_seen: i64,
}

/// An API bearer token: the hash of its value, its owner and a name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TokenRow {
    #[serde(skip)]
    pub id_hash: String,
    /// The first characters of the token, to recognise it in a list.
    pub prefix: String,
    pub email: String,
    pub name: String,
    pub created_at: i64,
    pub last_used: Option<i64>,
}

/// One line of the log of sensitive actions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuditEntry {
    pub at: i64,
    /// The acting user's email (or `cli` for the command line).
    pub actor: String,
    /// A stable code: `user.add`, `user.delete`, `label.set`, `comment.assign`,
    /// `comment.reply`, `comment.note`, `export`, `login`, `login.failed`, …
    pub action: String,
    /// What it was done to (a comment id, an email, …).
    pub subject: String,
    /// A short human-readable detail (never a password or a token).
    pub detail: String,
}

/// Who a comment is assigned to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Assignment {
    pub comment_id: String,
    pub assignee: String,
    pub assigned_by: String,
    pub assigned_at: i64,
}

/// An internal note on a comment (never published).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Note {
    pub comment_id: String,
    pub author: String,
    pub at: i64,
    pub text: String,
}

/// A reply template.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SavedReply {
    pub id: i64,
    pub title: String,
    pub body: String,
}

/// A landlord reply under a comment (imported or recorded from relais).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reply {
    /// The reply's own comment id.
    pub id: String,
    pub text: String,
    pub at: i64,
    /// The user who recorded it in relais; `None` for an imported reply.
    pub by: Option<String>,
}

/// A comment hidden on its network from the inbox.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Hidden {
    pub by: String,
    pub at: i64,
}

/// Everything the inbox shows of one comment beyond the KPI facts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CommentDetail {
    pub id: String,
    pub network: String,
    pub text: String,
    pub created_at: i64,
    /// The author's pseudonym.
    pub author: String,
    /// The name shown on the network, when known.
    pub display_name: Option<String>,
    pub post_id: String,
    pub post_text: String,
    pub post_permalink: Option<String>,
    /// The comment it answers, if it is a reply.
    pub parent_id: Option<String>,
    /// Who hid it on its network, and when.
    pub hidden: Option<Hidden>,
    /// Landlord replies, oldest first.
    pub replies: Vec<Reply>,
    pub notes: Vec<Note>,
    pub assignment: Option<Assignment>,
}

/// What relais asks of a database for the web app. Each method is one
/// transaction.
pub trait WebStore: Send + Sync {
    /// Adds or replaces a user (name, role, territories, and the password
    /// hash when `Some`; `None` keeps the stored one). Refused, naming it,
    /// when a territory does not exist. True when the user is new.
    fn put_user(&self, user: &User) -> impl Future<Output = Result<bool, StoreError>> + Send;

    /// One user by email (lower-cased by the caller).
    fn user(&self, email: &str) -> impl Future<Output = Result<Option<User>, StoreError>> + Send;

    /// Every user, by email.
    fn users(&self) -> impl Future<Output = Result<Vec<User>, StoreError>> + Send;

    /// Deletes a user with their sessions and tokens (their assignments are
    /// removed; their notes, replies and log lines stay, under their email).
    /// False when there was no such user.
    fn delete_user(&self, email: &str) -> impl Future<Output = Result<bool, StoreError>> + Send;

    fn create_session(
        &self,
        session: &SessionRow,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;

    fn session(
        &self,
        id_hash: &str,
    ) -> impl Future<Output = Result<Option<SessionRow>, StoreError>> + Send;

    /// Sets `last_seen`.
    fn touch_session(
        &self,
        id_hash: &str,
        at: i64,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;

    fn delete_session(&self, id_hash: &str) -> impl Future<Output = Result<(), StoreError>> + Send;

    /// Deletes sessions last seen before `idle_before` or created before
    /// `created_before`; returns how many.
    fn purge_sessions(
        &self,
        idle_before: i64,
        created_before: i64,
    ) -> impl Future<Output = Result<u64, StoreError>> + Send;

    fn create_token(&self, token: &TokenRow)
    -> impl Future<Output = Result<(), StoreError>> + Send;

    /// A token by the hash of its value; sets its `last_used` to `at` (to
    /// the minute: a use within a minute of the last one writes nothing).
    fn use_token(
        &self,
        id_hash: &str,
        at: i64,
    ) -> impl Future<Output = Result<Option<TokenRow>, StoreError>> + Send;

    /// Every token (all users' when `email` is `None`), newest first.
    fn tokens(
        &self,
        email: Option<&str>,
    ) -> impl Future<Output = Result<Vec<TokenRow>, StoreError>> + Send;

    /// Deletes the tokens whose value starts with `prefix`; returns how many.
    fn revoke_token(&self, prefix: &str) -> impl Future<Output = Result<u64, StoreError>> + Send;

    fn log_action(&self, entry: &AuditEntry)
    -> impl Future<Output = Result<(), StoreError>> + Send;

    /// The latest `limit` log lines, newest first.
    fn action_log(
        &self,
        limit: u32,
    ) -> impl Future<Output = Result<Vec<AuditEntry>, StoreError>> + Send;

    /// Every assignment.
    fn assignments(&self) -> impl Future<Output = Result<Vec<Assignment>, StoreError>> + Send;

    /// Assigns a comment (`Some`) or takes it back (`None`), and logs it.
    /// False when the comment does not exist.
    fn assign(
        &self,
        comment_id: &str,
        assignee: Option<&str>,
        by: &str,
        at: i64,
    ) -> impl Future<Output = Result<bool, StoreError>> + Send;

    /// Records a landlord reply to a comment: a reply comment by the post's
    /// account (so the response KPIs count it), who wrote it, and a log
    /// line. `posted` is the reply's id on the network when relais posted
    /// it there (the next sync then finds the same comment); without it the
    /// reply, made elsewhere, gets an id of relais's own. Returns the reply's
    /// comment id; `None` when the comment does not exist.
    fn record_reply(
        &self,
        comment_id: &str,
        text: &str,
        by: &str,
        at: i64,
        posted: Option<&str>,
    ) -> impl Future<Output = Result<Option<String>, StoreError>> + Send;

    /// Marks a comment hidden on its network (`hidden`), or shown again,
    /// and logs it. False when the comment does not exist.
    fn set_hidden(
        &self,
        comment_id: &str,
        hidden: bool,
        by: &str,
        at: i64,
    ) -> impl Future<Output = Result<bool, StoreError>> + Send;

    /// Adds an internal note; false when the comment does not exist.
    fn add_note(&self, note: &Note) -> impl Future<Output = Result<bool, StoreError>> + Send;

    /// The inbox details of these comments (unknown ids are left out), in
    /// the order asked.
    fn comment_details(
        &self,
        ids: &[String],
    ) -> impl Future<Output = Result<Vec<CommentDetail>, StoreError>> + Send;

    /// The saved replies, by title.
    fn saved_replies(&self) -> impl Future<Output = Result<Vec<SavedReply>, StoreError>> + Send;

    /// Adds a saved reply; returns its id.
    fn add_saved_reply(
        &self,
        title: &str,
        body: &str,
    ) -> impl Future<Output = Result<i64, StoreError>> + Send;

    /// A setting's value (`retention.comments_months`, …).
    fn setting(&self, key: &str)
    -> impl Future<Output = Result<Option<String>, StoreError>> + Send;

    /// Sets a setting and logs who did it.
    fn set_setting(
        &self,
        key: &str,
        value: &str,
        by: &str,
        at: i64,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;

    /// Applies the retention period: people's comments created before
    /// `before` lose their text and notes, authors with no comment since lose
    /// their display name. Returns (texts erased, names erased).
    fn apply_retention(
        &self,
        before: i64,
    ) -> impl Future<Output = Result<(u64, u64), StoreError>> + Send;

    /// A number that changes whenever posts, comments, labels, residences,
    /// territories, links counts or inbox state change (cheap to read), so a
    /// cache of the facts knows when to reload.
    fn data_fingerprint(&self) -> impl Future<Output = Result<String, StoreError>> + Send;
}

impl WebStore for SqlStore {
    async fn setting(&self, key: &str) -> Result<Option<String>, StoreError> {
        retention::setting(self, key).await
    }

    async fn set_setting(
        &self,
        key: &str,
        value: &str,
        by: &str,
        at: i64,
    ) -> Result<(), StoreError> {
        retention::set_setting(self, key, value, by, at).await
    }

    async fn apply_retention(&self, before: i64) -> Result<(u64, u64), StoreError> {
        retention::apply_retention(self, before).await
    }

    async fn put_user(&self, user: &User) -> Result<bool, StoreError> {
        people::put_user(self, user).await
    }

    async fn user(&self, email: &str) -> Result<Option<User>, StoreError> {
        people::user(self, email).await
    }

    async fn users(&self) -> Result<Vec<User>, StoreError> {
        people::users(self).await
    }

    async fn delete_user(&self, email: &str) -> Result<bool, StoreError> {
        people::delete_user(self, email).await
    }

    async fn create_session(&self, session: &SessionRow) -> Result<(), StoreError> {
        people::create_session(self, session).await
    }

    async fn session(&self, id_hash: &str) -> Result<Option<SessionRow>, StoreError> {
        people::session(self, id_hash).await
    }

    async fn touch_session(&self, id_hash: &str, at: i64) -> Result<(), StoreError> {
        people::touch_session(self, id_hash, at).await
    }

    async fn delete_session(&self, id_hash: &str) -> Result<(), StoreError> {
        people::delete_session(self, id_hash).await
    }

    async fn purge_sessions(
        &self,
        idle_before: i64,
        created_before: i64,
    ) -> Result<u64, StoreError> {
        people::purge_sessions(self, idle_before, created_before).await
    }

    async fn create_token(&self, token: &TokenRow) -> Result<(), StoreError> {
        people::create_token(self, token).await
    }

    async fn use_token(&self, id_hash: &str, at: i64) -> Result<Option<TokenRow>, StoreError> {
        people::use_token(self, id_hash, at).await
    }

    async fn tokens(&self, email: Option<&str>) -> Result<Vec<TokenRow>, StoreError> {
        people::tokens(self, email).await
    }

    async fn revoke_token(&self, prefix: &str) -> Result<u64, StoreError> {
        people::revoke_token(self, prefix).await
    }

    async fn log_action(&self, entry: &AuditEntry) -> Result<(), StoreError> {
        people::log_action(self, entry).await
    }

    async fn action_log(&self, limit: u32) -> Result<Vec<AuditEntry>, StoreError> {
        people::action_log(self, limit).await
    }

    async fn assignments(&self) -> Result<Vec<Assignment>, StoreError> {
        inbox::assignments(self).await
    }

    async fn assign(
        &self,
        comment_id: &str,
        assignee: Option<&str>,
        by: &str,
        at: i64,
    ) -> Result<bool, StoreError> {
        inbox::assign(self, comment_id, assignee, by, at).await
    }

    async fn record_reply(
        &self,
        comment_id: &str,
        text: &str,
        by: &str,
        at: i64,
        posted: Option<&str>,
    ) -> Result<Option<String>, StoreError> {
        inbox::record_reply(self, comment_id, text, by, at, posted).await
    }

    async fn set_hidden(
        &self,
        comment_id: &str,
        hidden: bool,
        by: &str,
        at: i64,
    ) -> Result<bool, StoreError> {
        inbox::set_hidden(self, comment_id, hidden, by, at).await
    }

    async fn add_note(&self, note: &Note) -> Result<bool, StoreError> {
        inbox::add_note(self, note).await
    }

    async fn comment_details(&self, ids: &[String]) -> Result<Vec<CommentDetail>, StoreError> {
        inbox::comment_details(self, ids).await
    }

    async fn saved_replies(&self) -> Result<Vec<SavedReply>, StoreError> {
        saved_replies::saved_replies(self).await
    }

    async fn add_saved_reply(&self, title: &str, body: &str) -> Result<i64, StoreError> {
        saved_replies::add_saved_reply(self, title, body).await
    }

    async fn data_fingerprint(&self) -> Result<String, StoreError> {
        fingerprint::data_fingerprint(self).await
    }
}
