//! `relais user …` and `relais token …`: the web app's accounts and API
//! tokens, from the command line (the first admin is made here).

use std::io::BufRead;

use anyhow::anyhow;
use relais_core::{Email, Lang, TerritoryId};
use relais_store::{AuditEntry, Role, TokenRow, User, WebStore};

use super::{open, store_err};
use crate::cli::{RoleArg, TokenCreateArgs, UserAddArgs};
use crate::output::json;

fn role(arg: RoleArg) -> Role {
    match arg {
        RoleArg::Admin => Role::Admin,
        RoleArg::Communication => Role::Communication,
        RoleArg::Referent => Role::Referent,
        RoleArg::Auditor => Role::Auditor,
    }
}

fn read_password(lang: Lang) -> anyhow::Result<String> {
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line)?;
    let password = line.trim_end_matches(['\n', '\r']).to_string();
    relais_web::check_password(&password, lang).map_err(|e| anyhow!(e))?;
    Ok(password)
}

async fn log(store: &relais_store::SqlStore, action: &str, subject: &str, detail: &str) {
    let _ = store
        .log_action(&AuditEntry {
            at: chrono::Utc::now().timestamp(),
            actor: "cli".into(),
            action: action.into(),
            subject: subject.into(),
            detail: detail.into(),
        })
        .await;
}

pub async fn add(db: &str, lang: Lang, args: UserAddArgs) -> anyhow::Result<()> {
    let email = Email::parse(&args.email).map_err(|e| anyhow!("{e}"))?;
    let territories = args
        .territories
        .iter()
        .map(|t| TerritoryId::parse(t.trim()).map_err(|e| anyhow!("{e}")))
        .collect::<anyhow::Result<Vec<_>>>()?;
    // The domain's rule: a referent has territories, the others none.
    let checked =
        relais_core::Role::new(role(args.role).as_str(), territories.clone()).map_err(|e| {
            anyhow!(
                "{e}. {}",
                lang.pick(
                    "Un référent a au moins un --territory ; les autres rôles n'en ont pas.",
                    "A referent has at least one --territory; the other roles have none."
                )
            )
        })?;
    let password_hash = if args.password_stdin {
        let password = read_password(lang)?;
        Some(tokio::task::spawn_blocking(move || relais_web::hash_password(&password)).await?)
    } else {
        None
    };
    let name = args.name.unwrap_or_else(|| {
        email
            .as_str()
            .split('@')
            .next()
            .unwrap_or_default()
            .to_string()
    });
    let user = User {
        email: email.as_str().to_string(),
        name,
        role: role(args.role),
        territories: checked
            .territories()
            .iter()
            .map(|t| t.as_str().to_string())
            .collect(),
        password_hash,
    };
    let store = open(db, lang).await?;
    let created = store.put_user(&user).await.map_err(store_err(lang))?;
    log(
        &store,
        if created { "user.add" } else { "user.update" },
        &user.email,
        user.role.as_str(),
    )
    .await;
    let can_log_in = store
        .user(&user.email)
        .await
        .map_err(store_err(lang))?
        .is_some_and(|u| u.password_hash.is_some());
    store.close().await;
    let what = match (created, lang) {
        (true, Lang::Fr) => "Utilisateur ajouté",
        (false, Lang::Fr) => "Utilisateur mis à jour",
        (true, Lang::En) => "User added",
        (false, Lang::En) => "User updated",
    };
    println!("{what} : {} ({})", user.email, user.role.as_str());
    if !can_log_in {
        println!(
            "{}",
            lang.pick(
                "Sans mot de passe, il ne peut pas se connecter : relancez avec --password-stdin.",
                "Without a password they cannot log in: run again with --password-stdin."
            )
        );
    }
    Ok(())
}

pub async fn list(db: &str, lang: Lang, as_json: bool) -> anyhow::Result<()> {
    let store = open(db, lang).await?;
    let users = store.users().await.map_err(store_err(lang))?;
    store.close().await;
    if as_json {
        return json(&users);
    }
    if users.is_empty() {
        println!(
            "{}",
            lang.pick(
                "Aucun utilisateur. Ajoutez le premier administrateur : relais user add EMAIL --role admin --password-stdin",
                "No user. Add the first admin: relais user add EMAIL --role admin --password-stdin"
            )
        );
    }
    for u in users {
        let places = if u.territories.is_empty() {
            String::new()
        } else {
            format!(" [{}]", u.territories.join(", "))
        };
        println!("{}\t{}\t{}{places}", u.email, u.role.as_str(), u.name);
    }
    Ok(())
}

pub async fn remove(db: &str, lang: Lang, email: &str) -> anyhow::Result<()> {
    let email = Email::parse(email).map_err(|e| anyhow!("{e}"))?;
    let store = open(db, lang).await?;
    let removed = store
        .delete_user(email.as_str())
        .await
        .map_err(store_err(lang))?;
    if removed {
        log(&store, "user.delete", email.as_str(), "").await;
    }
    store.close().await;
    if !removed {
        return Err(anyhow!(
            "{} « {} » ; {}",
            lang.pick("utilisateur inconnu", "unknown user"),
            email.as_str(),
            lang.pick("voyez relais user list", "see relais user list")
        ));
    }
    println!(
        "{} {}",
        lang.pick("Utilisateur supprimé :", "User removed:"),
        email.as_str()
    );
    Ok(())
}

pub async fn token_create(db: &str, lang: Lang, args: TokenCreateArgs) -> anyhow::Result<()> {
    let email = Email::parse(&args.user).map_err(|e| anyhow!("{e}"))?;
    let store = open(db, lang).await?;
    if store
        .user(email.as_str())
        .await
        .map_err(store_err(lang))?
        .is_none()
    {
        return Err(anyhow!(
            "{} « {} » ; {}",
            lang.pick("utilisateur inconnu", "unknown user"),
            email.as_str(),
            lang.pick(
                "ajoutez-le d'abord avec relais user add",
                "add them first with relais user add"
            )
        ));
    }
    let value = relais_web::new_token();
    let row = TokenRow {
        id_hash: relais_web::token_hash(&value),
        prefix: value.chars().take(12).collect(),
        email: email.as_str().to_string(),
        name: args.name.clone(),
        created_at: chrono::Utc::now().timestamp(),
        last_used: None,
    };
    store.create_token(&row).await.map_err(store_err(lang))?;
    log(&store, "token.create", email.as_str(), &row.prefix).await;
    store.close().await;
    if args.json {
        return json(&serde_json::json!({
            "token": value, "prefix": row.prefix, "user": row.email, "name": row.name,
        }));
    }
    println!("{value}");
    eprintln!(
        "{}",
        lang.pick(
            "Jeton affiché une seule fois : gardez-le dans un coffre. Envoyez-le en en-tête « Authorization: Bearer … ».",
            "Token shown once: keep it in a vault. Send it as an `Authorization: Bearer …` header."
        )
    );
    Ok(())
}

pub async fn token_list(db: &str, lang: Lang, as_json: bool) -> anyhow::Result<()> {
    let store = open(db, lang).await?;
    let tokens = store.tokens(None).await.map_err(store_err(lang))?;
    store.close().await;
    if as_json {
        return json(&tokens);
    }
    for t in tokens {
        println!("{}…\t{}\t{}", t.prefix, t.email, t.name);
    }
    Ok(())
}

pub async fn token_revoke(db: &str, lang: Lang, prefix: &str) -> anyhow::Result<()> {
    let prefix = prefix.trim_end_matches('…');
    let store = open(db, lang).await?;
    let n = store.revoke_token(prefix).await.map_err(store_err(lang))?;
    if n > 0 {
        log(&store, "token.revoke", prefix, "").await;
    }
    store.close().await;
    if n == 0 {
        return Err(anyhow!(
            "{} « {prefix} » ; {}",
            lang.pick("aucun jeton", "no token"),
            lang.pick("voyez relais token list", "see relais token list")
        ));
    }
    println!(
        "{} {prefix}…",
        lang.pick("Jeton révoqué :", "Token revoked:")
    );
    Ok(())
}
