//! `relais serve`: the web app (dashboard, inbox, API) with the short links'
//! redirect, or the short links alone (`--links-only`).
//!
//! Stops cleanly on Ctrl+C or SIGTERM: the server stops accepting, finishes
//! the requests under way, and writes the last counts before exiting.

use anyhow::anyhow;
use relais_core::Lang;
use relais_links::Settings;
use relais_store::LinkStore;

use super::link::{link_err, retention_cutoff, short_url};
use super::{open, store_err};
use crate::cli::ServeArgs;

pub async fn run(db: &str, lang: Lang, args: ServeArgs) -> anyhow::Result<()> {
    let meta = meta_webhook(&args, lang)?;
    let sync = sync_settings(&args, lang)?;
    let example = short_url(&args.base.base_url, "CODE", lang)?;
    let store = open(db, lang).await?;
    // The period an admin set in the web app wins over the option.
    let months = relais_store::WebStore::setting(&store, relais_web::LINK_RETENTION_KEY)
        .await
        .map_err(store_err(lang))?
        .and_then(|v| v.parse().ok())
        .unwrap_or(args.retention_months);
    let purged = store
        .purge_link_counts(&retention_cutoff(months))
        .await
        .map_err(store_err(lang))?;
    let listener = tokio::net::TcpListener::bind(args.listen)
        .await
        .map_err(|e| match lang {
            Lang::Fr => anyhow!(
                "impossible d'écouter sur {} : {e}. Choisissez une autre adresse avec --listen",
                args.listen
            ),
            Lang::En => anyhow!(
                "cannot listen on {}: {e}. Choose another with --listen",
                args.listen
            ),
        })?;
    let addr = listener.local_addr()?;
    match lang {
        Lang::Fr => eprintln!(
            "{} http://{addr} (adresses publiées : {example}) ; \
             {purged} compteur(s) de plus de {} mois purgé(s). Ctrl+C pour arrêter.",
            if args.links_only {
                "Liens courts servis sur"
            } else {
                "relais servi sur"
            },
            months
        ),
        Lang::En => eprintln!(
            "{} http://{addr} (short links published as {example}); {purged} daily \
             count(s) older than {} months purged. Ctrl+C to stop.",
            if args.links_only {
                "Short links served on"
            } else {
                "relais served on"
            },
            months
        ),
    }
    if let Some(s) = &sync {
        let minutes = s.every.as_secs() / 60;
        eprintln!(
            "{}",
            match lang {
                Lang::Fr =>
                    format!("Connexions aux réseaux synchronisées toutes les {minutes} min."),
                Lang::En => format!("Network connections synced every {minutes} min."),
            }
        );
    }
    let links = Settings {
        trusted_proxies: args.trusted_proxies.clone(),
        ..Settings::default()
    };
    let report = if args.links_only {
        relais_links::serve(listener, store.clone(), links, shutdown())
            .await
            .map_err(link_err(lang))?
    } else {
        let users = relais_store::WebStore::users(&store)
            .await
            .map_err(store_err(lang))?;
        if users.is_empty() {
            eprintln!(
                "{}",
                lang.pick(
                    "Aucun utilisateur encore : créez le premier administrateur avec \
                     `relais user add EMAIL --role admin --password-stdin`.",
                    "No user yet: create the first admin with \
                     `relais user add EMAIL --role admin --password-stdin`."
                )
            );
        }
        let settings = relais_web::Settings {
            lang,
            secure_cookies: args.secure_cookies || args.base.base_url.starts_with("https://"),
            idle_timeout: std::time::Duration::from_secs(args.idle_minutes * 60),
            absolute_timeout: std::time::Duration::from_secs(args.session_hours * 3600),
            links,
            meta,
            sync,
            ..relais_web::Settings::default()
        };
        relais_web::serve(listener, store.clone(), settings, shutdown())
            .await
            .map_err(|e| anyhow!(e.message(lang)))?
    };
    store.close().await;
    match lang {
        Lang::Fr => eprintln!(
            "Arrêté. {} scan(s) et {} robot(s) enregistrés pendant ce service.",
            report.scans, report.bots
        ),
        Lang::En => eprintln!(
            "Stopped. {} scan(s) and {} bot(s) written during this run.",
            report.scans, report.bots
        ),
    }
    Ok(())
}

/// Ctrl+C or SIGTERM.
async fn shutdown() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {}
        _ = term => {}
    }
}

/// Meta's webhooks when both their secret and their token are given.
fn meta_webhook(args: &ServeArgs, lang: Lang) -> anyhow::Result<Option<relais_web::MetaWebhook>> {
    fn given(v: &Option<String>) -> Option<&str> {
        v.as_deref().map(str::trim).filter(|v| !v.is_empty())
    }
    match (given(&args.meta_app_secret), given(&args.meta_verify_token)) {
        (Some(app_secret), Some(verify_token)) => Ok(Some(relais_web::MetaWebhook {
            app_secret: app_secret.to_string(),
            verify_token: verify_token.to_string(),
        })),
        (None, None) => Ok(None),
        _ => Err(anyhow!(lang.pick(
            "Webhooks Meta : RELAIS_META_APP_SECRET et RELAIS_META_VERIFY_TOKEN vont ensemble ; \
             donnez les deux, ou aucun.",
            "Meta webhooks: RELAIS_META_APP_SECRET and RELAIS_META_VERIFY_TOKEN go together; \
             give both, or neither."
        ))),
    }
}

/// The scheduled sync: on with RELAIS_SECRET_KEY (a malformed key stops the
/// server at once), off with `--sync-every-minutes 0` or without a key.
fn sync_settings(args: &ServeArgs, lang: Lang) -> anyhow::Result<Option<relais_web::SyncSettings>> {
    if args.sync_every_minutes == 0 || args.links_only {
        return Ok(None);
    }
    let raw = std::env::var(relais_connect::KEY_ENV).ok();
    if raw.as_deref().is_none_or(|k| k.trim().is_empty()) {
        return Ok(None);
    }
    let key =
        relais_connect::SecretKey::parse(raw.as_deref()).map_err(|e| anyhow!(e.message(lang)))?;
    Ok(Some(relais_web::SyncSettings {
        key,
        every: std::time::Duration::from_secs(args.sync_every_minutes * 60),
        pacing: relais_connect::Pacing::default(),
        x_post_reads_per_month: super::connect::x_read_budget(args.x_read_budget.as_deref(), lang)?,
    }))
}
