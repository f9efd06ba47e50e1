//! Posts published before this run keep receiving comments: each run also
//! reads the new comments of the account's posts of the last
//! [`WATCH_DAYS`] days (newest first, stopping at the first comment already
//! seen), and refreshes their insights once a day.

use relais_core::Timestamp;
use relais_store::{ConnectStore, Store};

use super::{Detail, Sync};
use crate::error::ConnectError;
use crate::run::WATCH_DAYS;

impl<S: Store + ConnectStore> Sync<'_, S> {
    /// New comments (and today's insights) of the recent posts this run
    /// has not read yet. A post Meta no longer knows (deleted: code 100) is
    /// left out and said once.
    pub(super) async fn watch(&mut self) -> Result<(), ConnectError> {
        let from = self.run.now.unix() - WATCH_DAYS * 86_400;
        let posts = self
            .run
            .store
            .recent_posts(&self.run.account.id, from)
            .await?;
        let today = day(self.run.now);
        for id in posts {
            if self.seen.contains(&id) {
                continue;
            }
            let newer_than = self
                .run
                .cursor(&format!("comments:{id}"))
                .await?
                .and_then(|v| v.parse().ok());
            let insights =
                self.run.cursor(&format!("insights:{id}")).await?.as_deref() != Some(&today);
            let what = Detail {
                newer_than,
                insights,
            };
            match self.details(&id, what).await {
                Ok(()) => {}
                Err(ConnectError::Api { code: 100, .. }) => {
                    self.run.notes.insert(format!(
                        "Meta ne connaît plus la publication {id} (supprimée ?) : ses \
                         commentaires ne sont plus suivis. / Meta no longer knows post {id} \
                         (deleted?): its comments are no longer followed."
                    ));
                }
                Err(e) => return Err(e),
            }
        }
        Ok(())
    }
}

/// The day of `t` (UTC), as the insights cursors keep it.
pub(super) fn day(t: Timestamp) -> String {
    t.utc().date_naive().format("%Y-%m-%d").to_string()
}
