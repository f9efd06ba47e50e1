//! The server's scheduled sync: every API connection runs when its
//! `next_run` comes (at once for a connection never run), one at a time,
//! and is scheduled again `every` later, whatever the outcome (its error is
//! kept for the admin page). An admin's « Synchroniser maintenant » sets
//! `next_run` to now and wakes the scheduler.

use std::sync::Arc;
use std::time::Duration;

use relais_connect::SyncOptions;
use relais_core::{InstallationSecret, Lang, Timestamp};
use relais_store::{StoreError, StoredConnection};

use crate::app::{App, AppStore, now};

/// The longest sleep between two looks at the schedule (a connection added
/// from the command line is seen within this time).
const LOOK_EVERY: Duration = Duration::from_secs(60);

/// Runs until aborted; does nothing without sync settings.
pub async fn scheduler<S: AppStore>(app: Arc<App<S>>) {
    let Some(settings) = app.settings.sync.clone() else {
        return;
    };
    loop {
        let wait = match run_due(&app, &settings).await {
            Ok(wait) => wait,
            Err(e) => {
                tracing::error!("scheduled sync: {}", e.message(Lang::En));
                LOOK_EVERY
            }
        };
        tokio::select! {
            _ = tokio::time::sleep(wait) => {}
            _ = app.wake_sync.notified() => {}
        }
    }
}

/// Runs every connection that is due; gives how long until the next one.
async fn run_due<S: AppStore>(
    app: &App<S>,
    settings: &crate::SyncSettings,
) -> Result<Duration, StoreError> {
    let connections = app.store.connections().await?;
    let due: Vec<&StoredConnection> = connections
        .iter()
        .filter(|c| c.next_run.is_none_or(|t| t <= now()))
        .collect();
    if !due.is_empty() {
        let secret = installation_secret(app).await?;
        for c in due {
            run_one(app, settings, c, &secret).await?;
        }
        // What the runs wrote shows at once.
        app.data.refresh(&app.store).await?;
    }
    let next = app
        .store
        .connections()
        .await?
        .iter()
        .filter_map(|c| c.next_run)
        .min();
    let wait = next.map_or(LOOK_EVERY, |t| {
        Duration::from_secs(u64::try_from(t - now()).unwrap_or(0))
    });
    Ok(wait.min(LOOK_EVERY))
}

async fn run_one<S: AppStore>(
    app: &App<S>,
    settings: &crate::SyncSettings,
    c: &StoredConnection,
    secret: &InstallationSecret,
) -> Result<(), StoreError> {
    let at = now();
    let options = SyncOptions {
        since: None,
        now: Timestamp::from_unix(at).unwrap_or_else(|_| Timestamp::from_utc(chrono::Utc::now())),
        pacing: settings.pacing.clone(),
        x_post_reads_per_month: settings.x_post_reads_per_month,
    };
    // The outcome is recorded on the connection by the sync itself.
    match relais_connect::sync(&app.store, c, &settings.key, secret, &options).await {
        Ok(s) => tracing::info!(
            connection = %c.id,
            posts = s.posts,
            comments = s.comments,
            replies = s.replies,
            metrics = s.metrics,
            "scheduled sync done"
        ),
        Err(e) => {
            tracing::warn!(connection = %c.id, "scheduled sync failed: {}", e.message(Lang::En))
        }
    }
    let every = i64::try_from(settings.every.as_secs()).unwrap_or(i64::MAX / 2);
    app.store.schedule(&c.id, Some(at + every.max(60))).await
}

/// The installation's pseudonym secret (made on first use).
pub(crate) async fn installation_secret<S: AppStore>(
    app: &App<S>,
) -> Result<InstallationSecret, StoreError> {
    let mut fresh = [0u8; 32];
    getrandom::fill(&mut fresh).expect("randomness");
    app.store
        .installation_secret(InstallationSecret::from_bytes(fresh))
        .await
}
