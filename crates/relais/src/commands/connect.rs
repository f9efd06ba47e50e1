//! `relais connect <network>` (stores a token, encrypted) and `relais
//! sync` (runs every connection, or one, and says what it wrote). The sync
//! itself is `relais-connect`'s; this file only wires and prints.

use std::io::Read;

use anyhow::anyhow;
use relais_connect::{
    ConnectError, DEFAULT_X_POST_READS_PER_MONTH, NETWORK_ID_STREAM, Pacing, SecretKey,
    SyncOptions, SyncSummary, Token,
};
use relais_core::{Account, AccountKind, ImportBatch, Lang, Network, NetworkId, Timestamp};
use relais_store::{ConnectStore, SqlStore, Store, StoredConnection};
use serde::Serialize;

use super::import::fresh_secret;
use super::{open, store_err};
use crate::cli::{ConnectArgs, ConnectCommand, SyncArgs};
use crate::output;

fn connect_err(lang: Lang) -> impl Fn(ConnectError) -> anyhow::Error {
    move |e| anyhow!(e.message(lang))
}

/// The accounts named by `raw`: its id or its handle (with or without @,
/// any case), on any network.
async fn named(store: &SqlStore, lang: Lang, raw: &str) -> anyhow::Result<Vec<Account>> {
    let accounts = store.accounts().await.map_err(store_err(lang))?;
    let wanted = raw.trim().trim_start_matches('@');
    let matches = |a: &Account| {
        a.id.as_str() == raw.trim()
            || a.handle
                .trim_start_matches('@')
                .eq_ignore_ascii_case(wanted)
    };
    Ok(accounts.into_iter().filter(matches).collect())
}

fn unknown(raw: &str, lang: Lang) -> anyhow::Error {
    anyhow!(
        "--account {raw} : {}",
        lang.pick(
            "compte inconnu. Voyez les comptes avec `relais status` ; un compte apparaît après \
             l'import d'un export de ses publications, ou donnez son identifiant sur le réseau \
             avec --network-id pour le créer.",
            "unknown account. See the accounts with `relais status`; an account appears once \
             an export of its posts is imported, or give its id on the network with \
             --network-id to create it."
        )
    )
}

/// The account a connection to `network` is for; created from
/// `--network-id` when no import has brought it yet.
async fn account_on(
    store: &SqlStore,
    lang: Lang,
    network: Network,
    args: &ConnectArgs,
) -> anyhow::Result<Account> {
    if let Some(a) = named(store, lang, &args.account)
        .await?
        .into_iter()
        .find(|a| a.network == network)
    {
        return Ok(a);
    }
    let Some(raw_id) = &args.network_id else {
        return Err(unknown(&args.account, lang));
    };
    let handle = args.account.trim().trim_start_matches('@').to_string();
    let field = |e: relais_core::DomainError| anyhow!("--account/--network-id : {e}");
    let account = Account {
        id: Account::make_id(network, &handle).map_err(field)?,
        network,
        kind: AccountKind::Page,
        network_id: NetworkId::parse(raw_id.trim()).map_err(field)?,
        name: handle.clone(),
        handle,
        territory: None,
    };
    let batch = ImportBatch {
        digest: format!("connect:{}", account.id),
        file_name: format!("relais connect {}", network.code()),
        format: "connect".to_string(),
        account: None,
        imported_at: now(),
        rows: 0,
        new_accounts: vec![account.clone()],
        posts: Vec::new(),
        metrics: Vec::new(),
        daily: Vec::new(),
        comments: Vec::new(),
    };
    store
        .import_batch(&batch, false)
        .await
        .map_err(store_err(lang))?;
    Ok(account)
}

fn now() -> Timestamp {
    Timestamp::from_utc(chrono::Utc::now())
}

/// `relais connect <network>`: stores the connection, its token encrypted.
pub async fn connect(db: &str, lang: Lang, command: ConnectCommand) -> anyhow::Result<()> {
    let (network, args) = match command {
        ConnectCommand::Facebook(a) => (Network::Facebook, a),
        ConnectCommand::Instagram(a) => (Network::Instagram, a),
        ConnectCommand::Linkedin(a) => (Network::Linkedin, a),
        ConnectCommand::X(a) => (Network::X, a),
    };
    let key = SecretKey::from_env().map_err(connect_err(lang))?;
    let mut raw = String::new();
    std::io::stdin().read_to_string(&mut raw)?;
    let token = Token::parse(&raw).map_err(connect_err(lang))?;
    let store = open(db, lang).await?;
    let account = account_on(&store, lang, network, &args).await?;
    let (token_ciphertext, token_nonce) = key.encrypt(&token).map_err(connect_err(lang))?;
    let api_base = args
        .api_base
        .as_deref()
        .unwrap_or(relais_connect::default_api_base(network));
    let connection = StoredConnection {
        id: account.id.to_string(),
        network: network.code().to_string(),
        account: account.id.clone(),
        api_base: api_base.trim_end_matches('/').to_string(),
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
    if let Some(id) = args.network_id.as_deref().map(str::trim)
        && id != account.network_id.as_str()
    {
        store
            .set_cursor(&connection.id, NETWORK_ID_STREAM, id, now().unix())
            .await
            .map_err(store_err(lang))?;
    }
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
    let x_reads = x_read_budget(args.x_read_budget.as_deref(), lang)?;
    let store = open(db, lang).await?;
    let only = match &args.account {
        Some(raw) => {
            let ids: Vec<_> = named(&store, lang, raw)
                .await?
                .into_iter()
                .map(|a| a.id)
                .collect();
            if ids.is_empty() {
                return Err(unknown(raw, lang));
            }
            Some(ids)
        }
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
        .filter(|c| only.as_ref().is_none_or(|ids| ids.contains(&c.account)))
        .collect();
    if connections.is_empty() {
        return Err(anyhow!(lang.pick(
            "aucune connexion : ajoutez-en une avec `relais connect facebook|instagram|linkedin|x --account … --token-stdin`.",
            "no connection: add one with `relais connect facebook|instagram|linkedin|x --account … --token-stdin`."
        )));
    }
    let _ = rustls::crypto::ring::default_provider().install_default();
    let options = SyncOptions {
        since,
        now: now(),
        pacing: Pacing::default(),
        x_post_reads_per_month: x_reads,
    };
    let mut outcomes = Vec::new();
    for c in &connections {
        let result = relais_connect::sync(&store, c, &key, &secret, &options).await;
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

/// `--x-read-budget N`: a whole number of reads a month.
pub(super) fn x_read_budget(raw: Option<&str>, lang: Lang) -> anyhow::Result<u64> {
    let Some(raw) = raw else {
        return Ok(DEFAULT_X_POST_READS_PER_MONTH);
    };
    raw.trim().replace(['_', ' '], "").parse().map_err(|_| {
        anyhow!(
            "--x-read-budget {raw} : {}",
            lang.pick(
                "nombre entier de lectures X par mois attendu (par exemple 10000)",
                "a whole number of X reads a month is expected (for example 10000)"
            )
        )
    })
}

fn print(outcomes: &[Outcome], lang: Lang) {
    for o in outcomes {
        println!("{}", o.connection);
        if let Some(s) = &o.summary {
            let n = |v: u64| output::number(i64::try_from(v).unwrap_or(i64::MAX), lang);
            let mut rows = vec![
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
            ];
            if let Some(r) = &s.reads {
                let month = lang.pick("ce mois-ci", "this month");
                rows.push((
                    lang.pick("lectures X", "X reads"),
                    format!("{} ({month} {} / {})", n(r.run), n(r.month), n(r.budget)),
                ));
            }
            output::rows(&rows);
            for note in &s.notes {
                println!("  {note}");
            }
        }
        if let Some(e) = &o.error {
            println!("  {} {e}", lang.pick("erreur :", "error:"));
        }
    }
}
