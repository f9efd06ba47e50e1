//! relais's API connectors: the Meta Graph API client and the sync of a
//! Facebook Page connection into the store.
//!
//! This crate owns the network calls and the token encryption; what it
//! fetches becomes the same domain values as an imported file
//! (`relais_core::ImportBatch`) and is written through the store's existing
//! methods, so a sync and an import never disagree on what a post or a
//! comment is. It prints nothing and never logs a token, a key or a URL
//! that could carry one. Instagram, LinkedIn and X are not here yet.

mod error;
mod facebook;
mod graph;
mod map;
mod secret;

pub use error::ConnectError;
pub use facebook::{SyncOptions, SyncSummary, sync_facebook};
pub use graph::{DEFAULT_API_BASE, Pacing, usage_percent};
pub use map::ANONYMOUS;
pub use secret::{KEY_ENV, SecretKey, Token};
