//! From a parsed file to the domain values the store writes: which account
//! each row belongs to (found among the known ones, given with `--account`,
//! or created from what the file says), posts, lifetime metric snapshots,
//! daily account metrics, and comments with pseudonymised authors and
//! landlord replies recognised. Pure: the caller passes what the database
//! knows and the instant of the import.

use std::collections::BTreeMap;

use relais_core::{
    Account, AccountId, AccountKind, AccountMetricValue, BatchComment, Comment, CommentAuthor,
    CommentKey, ImportBatch, InstallationSecret, MetricSnapshot, MetricSource, Network, NetworkId,
    Post, PostKey, Timestamp,
};
use sha2::{Digest, Sha256};

use crate::error::{ErrorKind, ImportError};
use crate::records::{AccountHint, Parsed};

/// What the database already holds that a plan needs.
#[derive(Debug, Clone, Copy)]
pub struct Known<'a> {
    pub accounts: &'a [Account],
    /// Account of each known post, by stored post id (`network:id`).
    pub post_accounts: &'a BTreeMap<String, AccountId>,
}

/// The SHA-256 of a file's bytes, in hex.
pub fn digest(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// The stored ids of the posts a file's comments are on (to look them up).
pub fn commented_posts(parsed: &Parsed) -> Vec<String> {
    let mut ids: Vec<String> = parsed
        .comments
        .iter()
        .map(|c| format!("{}:{}", c.network.code(), c.post_id))
        .collect();
    ids.sort();
    ids.dedup();
    ids
}

fn other(file: &str, fr: String, en: String) -> ImportError {
    ImportError::new(file, ErrorKind::Other { fr, en })
}

struct Accounts<'a> {
    file: &'a str,
    known: &'a [Account],
    created: Vec<Account>,
    arg: Option<&'a str>,
}

impl Accounts<'_> {
    fn all(&self) -> impl Iterator<Item = &Account> {
        self.known.iter().chain(self.created.iter())
    }

    /// The account a hint names on `network`, created when new.
    fn resolve(&mut self, network: Network, hint: &AccountHint) -> Result<AccountId, ImportError> {
        if let Some(arg) = self.arg {
            let handle = arg.trim().trim_start_matches('@');
            let handle = handle
                .strip_prefix(&format!("{}:", network.code()))
                .unwrap_or(handle);
            if let Some(a) = self.all().find(|a| {
                a.network == network
                    && (a.handle.eq_ignore_ascii_case(handle) || a.network_id.as_str() == handle)
            }) {
                return Ok(a.id.clone());
            }
            let network_id = hint
                .network_id
                .clone()
                .unwrap_or_else(|| handle.to_string());
            return self.create(
                network,
                handle,
                &network_id,
                hint.name.as_deref().unwrap_or(handle),
            );
        }
        if let Some(id) = &hint.network_id
            && let Some(a) = self
                .all()
                .find(|a| a.network == network && a.network_id.as_str() == id)
        {
            return Ok(a.id.clone());
        }
        if let Some(h) = &hint.handle {
            let h = h.trim_start_matches('@');
            if let Some(a) = self
                .all()
                .find(|a| a.network == network && a.handle.eq_ignore_ascii_case(h))
            {
                return Ok(a.id.clone());
            }
        }
        if let Some(name) = &hint.name
            && hint.network_id.is_none()
            && hint.handle.is_none()
            && let Some(a) = self
                .all()
                .find(|a| a.network == network && a.name.eq_ignore_ascii_case(name))
        {
            return Ok(a.id.clone());
        }
        if hint.network_id.is_some() || hint.handle.is_some() {
            let handle = hint
                .handle
                .clone()
                .map(|h| h.trim_start_matches('@').to_string())
                .or_else(|| hint.network_id.clone())
                .unwrap_or_default();
            let network_id = hint.network_id.clone().unwrap_or_else(|| handle.clone());
            let name = hint.name.clone().unwrap_or_else(|| handle.clone());
            return self.create(network, &handle, &network_id, &name);
        }
        // Nothing in the file: the only page of that network, if there is one.
        let pages: Vec<&Account> = self
            .all()
            .filter(|a| a.network == network && a.kind == AccountKind::Page)
            .collect();
        if let [only] = pages.as_slice() {
            return Ok(only.id.clone());
        }
        let listed: Vec<String> = self
            .all()
            .filter(|a| a.network == network)
            .map(|a| a.handle.clone())
            .collect();
        let list = if listed.is_empty() {
            "aucun".to_string()
        } else {
            listed.join(", ")
        };
        let list_en = if listed.is_empty() {
            "none".to_string()
        } else {
            listed.join(", ")
        };
        Err(other(
            self.file,
            format!(
                "ce fichier ne dit pas de quel compte {} il vient. Relancez avec --account \
                 IDENTIFIANT (comptes {} connus : {list})",
                network.label_fr(),
                network.label_fr()
            ),
            format!(
                "this file does not say which {} account it comes from. Run again with \
                 --account HANDLE (known {} accounts: {list_en})",
                network.label_fr(),
                network.label_fr()
            ),
        ))
    }

    fn create(
        &mut self,
        network: Network,
        handle: &str,
        network_id: &str,
        name: &str,
    ) -> Result<AccountId, ImportError> {
        let bad = |what: &str| {
            other(
                self.file,
                format!("identifiant de compte invalide : « {what} »"),
                format!("invalid account id: `{what}`"),
            )
        };
        let id = Account::make_id(network, handle).map_err(|_| bad(handle))?;
        self.created.push(Account {
            id: id.clone(),
            network,
            kind: AccountKind::Page,
            handle: handle.to_string(),
            network_id: NetworkId::parse(network_id).map_err(|_| bad(network_id))?,
            name: name.to_string(),
            territory: None,
        });
        Ok(id)
    }
}

fn network_id(file: &str, line: u64, column: &str, raw: &str) -> Result<NetworkId, ImportError> {
    NetworkId::parse(raw).map_err(|_| {
        ImportError::new(file, ErrorKind::EmptyId)
            .at_line(line)
            .at_column(column)
    })
}

/// The domain values of one parsed file.
#[allow(clippy::too_many_arguments)]
pub fn plan(
    parsed: &Parsed,
    file: &str,
    digest: &str,
    known: Known<'_>,
    account_arg: Option<&str>,
    secret: &InstallationSecret,
    imported_at: Timestamp,
) -> Result<ImportBatch, ImportError> {
    let mut accounts = Accounts {
        file,
        known: known.accounts,
        created: Vec::new(),
        arg: account_arg,
    };
    let network = parsed.network;
    let needs_main =
        !parsed.daily.is_empty() || (parsed.posts.is_empty() && parsed.comments.is_empty());
    let main = if needs_main || !parsed.account.is_empty() || account_arg.is_some() {
        Some(accounts.resolve(network, &parsed.account)?)
    } else {
        None
    };
    let mut posts = Vec::with_capacity(parsed.posts.len());
    let mut post_account: BTreeMap<String, AccountId> = BTreeMap::new();
    for p in &parsed.posts {
        let account = match (&main, p.account.is_empty() || account_arg.is_some()) {
            (Some(m), true) => m.clone(),
            _ => accounts.resolve(network, &p.account)?,
        };
        let key = PostKey {
            network,
            network_id: network_id(file, p.line, "post id", &p.network_id)?,
        };
        post_account.insert(key.stored(), account.clone());
        posts.push(Post {
            key,
            account,
            published_at: p.published_at,
            text: p.text.clone(),
            permalink: p.permalink.clone(),
            media: p.media,
            residence: None,
            territory: None,
        });
    }
    let version = format!("file:{}", &digest[..12.min(digest.len())]);
    let metrics = parsed
        .post_metrics
        .iter()
        .filter_map(|m| {
            let stored = format!("{}:{}", network.code(), m.post_id);
            post_account.contains_key(&stored).then(|| {
                Ok(MetricSnapshot {
                    post: PostKey {
                        network,
                        network_id: network_id(file, m.line, "post id", &m.post_id)?,
                    },
                    observed_at: imported_at,
                    metric: m.metric,
                    value: m.value,
                    source: MetricSource {
                        origin: parsed.format.source().to_string(),
                        version: version.clone(),
                    },
                })
            })
        })
        .collect::<Result<Vec<_>, ImportError>>()?;
    let daily = match &main {
        Some(account) => parsed
            .daily
            .iter()
            .map(|d| AccountMetricValue {
                account: account.clone(),
                day: d.day,
                metric: d.metric,
                value: d.value,
                source: parsed.format.source().to_string(),
            })
            .collect(),
        None => Vec::new(),
    };
    let mut comments = Vec::with_capacity(parsed.comments.len());
    for c in &parsed.comments {
        let stored_post = format!("{}:{}", c.network.code(), c.post_id);
        let Some(account_id) = post_account
            .get(&stored_post)
            .or_else(|| known.post_accounts.get(&stored_post))
        else {
            return Err(ImportError::new(
                file,
                ErrorKind::Other {
                    fr: format!(
                        "la publication {} est inconnue de relais ; importez d'abord l'export des \
                         publications de ce compte, puis ce fichier",
                        c.post_id
                    ),
                    en: format!(
                        "post {} is unknown to relais; import the account's posts export first, \
                         then this file",
                        c.post_id
                    ),
                },
            )
            .at_line(c.line)
            .at_column("post_id"));
        };
        let account = accounts.all().find(|a| &a.id == account_id);
        let author = c.author.trim().trim_start_matches('@');
        let by_account = account.is_some_and(|a| {
            a.network_id.as_str() == author || a.handle.eq_ignore_ascii_case(author)
        });
        let landlord = c.is_landlord.unwrap_or(by_account);
        let author = if landlord {
            CommentAuthor::Landlord {
                account: account_id.clone(),
            }
        } else {
            CommentAuthor::Person {
                pseudonym: secret.pseudonym(c.network, c.author.trim()),
                display_name: c.author_name.clone().filter(|n| !n.trim().is_empty()),
            }
        };
        comments.push(BatchComment {
            line: c.line,
            comment: Comment {
                key: CommentKey {
                    network: c.network,
                    network_id: network_id(file, c.line, "comment_id", &c.comment_id)?,
                },
                post: PostKey {
                    network: c.network,
                    network_id: network_id(file, c.line, "post_id", &c.post_id)?,
                },
                parent: c
                    .parent_id
                    .as_deref()
                    .filter(|p| !p.trim().is_empty())
                    .map(|p| {
                        Ok::<_, ImportError>(CommentKey {
                            network: c.network,
                            network_id: network_id(file, c.line, "parent_id", p)?,
                        })
                    })
                    .transpose()?,
                author,
                text: c.text.clone(),
                created_at: c.created_at,
            },
        });
    }
    Ok(ImportBatch {
        digest: digest.to_string(),
        file_name: file.to_string(),
        format: format!("{:?}", parsed.format),
        account: main,
        imported_at,
        rows: parsed.rows,
        new_accounts: accounts.created,
        posts,
        metrics,
        daily,
        comments,
    })
}
