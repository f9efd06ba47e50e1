//! Comments under posts, tenants' messages, and the landlord's replies.

use serde::Serialize;

use crate::account::Network;
use crate::ids::{AccountId, NetworkId};
use crate::post::PostKey;
use crate::pseudonym::Pseudonym;
use crate::time::Timestamp;

/// A comment's identity: its network and the network's id.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct CommentKey {
    pub network: Network,
    pub network_id: NetworkId,
}

impl CommentKey {
    /// The stored form, `network:network_id`.
    pub fn stored(&self) -> String {
        format!("{}:{}", self.network.code(), self.network_id)
    }
}

/// Who wrote a comment: a person (pseudonymised) or the landlord's own
/// account (a landlord reply). There is no third case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum CommentAuthor {
    Person {
        pseudonym: Pseudonym,
        /// The name shown on the network, kept only while retention allows.
        display_name: Option<String>,
    },
    Landlord {
        account: AccountId,
    },
}

/// A comment, a reply to a comment, or a landlord reply.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Comment {
    pub key: CommentKey,
    pub post: PostKey,
    /// The comment this one answers, if any.
    pub parent: Option<CommentKey>,
    pub author: CommentAuthor,
    pub text: String,
    pub created_at: Timestamp,
}

impl Comment {
    pub fn is_landlord_reply(&self) -> bool {
        matches!(self.author, CommentAuthor::Landlord { .. })
    }
}
