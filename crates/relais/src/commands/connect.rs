//! `relais connect facebook` (stores a Page token, encrypted) and `relais
//! sync` (runs every connection, or one, and says what it wrote). The sync
//! itself is `relais-connect`'s; this file only wires and prints.

use std::io::Read;

use anyhow::anyhow;
use relais_connect::{ConnectError, Pacing, SecretKey, SyncOptions, SyncSummary, Token};
use relais_core::{Account, Lang, Network, Timestamp};
use relais_store::{ConnectStore, SqlStore, Store, StoredConnection};
use serde::Serialize;

use super::import::fresh_secret;
use super::{open, store_err};
use crate::cli::{ConnectFacebookArgs, SyncArgs};
use crate::output;

fn connect_err(lang: Lang) -> impl Fn(ConnectError) -> anyhow::Error {
    move |e| anyhow!(e.message(lang))
}

/// The account named by `--account`: its id or its handle (with or without
/// @, any case), the Facebook one first when the same handle is on several
/// networks.
async fn account(store: &SqlStore, lang: Lang, raw: &str) -> anyhow::Result<Account> {
    let accounts = store.accounts().await.map_err(store_err(lang))?;
    let wanted = raw.trim().trim_start_matches('@');
    let matches = |a: &Account| {
        a.id.as_str() == raw.trim()
            || a.handle
                .trim_start_matches('@')
                .eq_ignore_ascii_case(wanted)
    };
    let mut found: Vec<Account> = accounts.into_iter().filter(matches).collect();
    found.sort_by_key(|a| a.network != Network::Facebook);
    found.into_iter().next().ok_or_else(|| {
        anyhow!(
            "--account {raw} : {}",
            lang.pick(
                "compte inconnu. Voyez les comptes avec `relais status` ; un compte Facebook \
                     apparaît après l'import d'un export de ses publications.",
                "unknown account. See the accounts with `relais status`; a Facebook account \
                     appears once an export of its posts is imported."
            )
        )
    })
}

fn now() -> Timestamp {
    Timestamp::from_utc(chrono::Utc::now())
}

pub async fn facebook(db: &str, lang: Lang, args: ConnectFacebookArgs) -> anyhow::Result<()> {
    let key = SecretKey::from_env().map_err(connect_err(lang))?;
    let mut raw = String::new();
    std::io::stdin().read_to_string(&mut raw)?;
    let token = Token::parse(&raw).map_err(connect_err(lang))?;
    let store = open(db, lang).await?;
    let account = account(&store, lang, &args.account).await?;
    if account.network != Network::Facebook {
        return Err(anyhow!(
            "--account {} : {}",
            args.account,
            lang.pick(
                "ce compte n'est pas sur Facebook.",
                "this account is not on Facebook."
            )
        ));
    }
    let (token_ciphertext, token_nonce) = key.encrypt(&token).map_err(connect_err(lang))?;
    let connection = StoredConnection {
        id: account.id.to_string(),
        network: Network::Facebook.code().to_string(),
        account: account.id.clone(),
        api_base: args.api_base.trim_end_matches('/').to_string(),
        token_ciphertext,
        token_nonce,
        created_at: now().unix(),
        last_success: None,
        last_error: None,
        next_run: None,
    };
    store
        .save_connection(&connection)
        .await
        .map_err(store_err(lang))?;
    println!(
        "{} {} — {}",
        lang.pick("Connexion enregistrée :", "Connection saved:"),
        connection.id,
        lang.pick(
            "lancez `relais sync` pour récupérer les publications.",
            "run `relais sync` to fetch the posts."
        )
    );
    Ok(())
}

#[derive(Serialize)]
struct Outcome {
    connection: String,
    #[serde(flatten)]
    summary: Option<SyncSummary>,
    error: Option<String>,
}

pub async fn sync(db: &str, lang: Lang, args: SyncArgs) -> anyhow::Result<()> {
    let key = SecretKey::from_env().map_err(connect_err(lang))?;
    let since = match &args.since {
        None => None,
        Some(raw) => {
            let day = chrono::NaiveDate::parse_from_str(raw.trim(), "%Y-%m-%d").map_err(|_| {
                anyhow!(
                    "--since {raw} : {}",
                    lang.pick("date AAAA-MM-JJ attendue", "a YYYY-MM-DD date is expected")
                )
            })?;
            Some(Timestamp::from_utc(
                day.and_time(chrono::NaiveTime::MIN).and_utc(),
            ))
        }
    };
    let store = open(db, lang).await?;
    let only = match &args.account {
        Some(raw) => Some(account(&store, lang, raw).await?.id),
        None => None,
    };
    let secret = store
        .installation_secret(fresh_secret()?)
        .await
        .map_err(store_err(lang))?;
    let connections: Vec<StoredConnection> = store
        .connections()
        .await
        .map_err(store_err(lang))?
        .into_iter()
        .filter(|c| only.as_ref().is_none_or(|a| *a == c.account))
        .collect();
    if connections.is_empty() {
        return Err(anyhow!(lang.pick(
            "aucune connexion : ajoutez-en une avec `relais connect facebook --account … --token-stdin`.",
            "no connection: add one with `relais connect facebook --account … --token-stdin`."
        )));
    }
    let _ = rustls::crypto::ring::default_provider().install_default();
    let options = SyncOptions {
        since,
        now: now(),
        pacing: Pacing::default(),
    };
    let mut outcomes = Vec::new();
    for c in &connections {
        let result = relais_connect::sync_facebook(&store, c, &key, &secret, &options).await;
        outcomes.push(Outcome {
            connection: c.id.clone(),
            error: result.as_ref().err().map(|e| e.message(lang)),
            summary: result.ok(),
        });
    }
    if args.json {
        output::json(&outcomes)?;
    } else {
        print(&outcomes, lang);
    }
    let failed = outcomes.iter().filter(|o| o.error.is_some()).count();
    if failed > 0 {
        return Err(anyhow!(
            "{failed} {}",
            lang.pick("connexion(s) en échec", "connection(s) failed")
        ));
    }
    Ok(())
}

fn print(outcomes: &[Outcome], lang: Lang) {
    for o in outcomes {
        println!("{}", o.connection);
        if let Some(s) = &o.summary {
            let n = |v: u64| output::number(i64::try_from(v).unwrap_or(i64::MAX), lang);
            output::rows(&[
                (lang.pick("publications", "posts"), n(s.posts)),
                (lang.pick("commentaires", "comments"), n(s.comments)),
                (
                    lang.pick("réponses du bailleur", "landlord replies"),
                    n(s.replies),
                ),
                (lang.pick("mesures", "metrics"), n(s.metrics)),
                (
                    lang.pick("abonnés", "followers"),
                    s.followers
                        .map_or("—".to_string(), |f| output::number(f, lang)),
                ),
            ]);
            for note in &s.notes {
                println!("  {note}");
            }
        }
        if let Some(e) = &o.error {
            println!("  {} {e}", lang.pick("erreur :", "error:"));
        }
    }
}
