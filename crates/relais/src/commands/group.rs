//! `relais group declare`: a residents' group, its residences and its member
//! counts over time. The Groups API no longer exists, so this is what the
//! group_diffusion KPI and the audit's groups section rest on.

use anyhow::anyhow;
use relais_core::{Account, AccountKind, Lang, Network, NetworkId, ResidenceId};
use relais_store::{GroupDeclaration, Store};

use super::{open, store_err};
use crate::cli::GroupDeclareArgs;
use crate::output::json;

/// The network and handle (`groups/<id>`) of a group's address.
fn parse_url(raw: &str, lang: Lang) -> anyhow::Result<(Network, String)> {
    let bad = || {
        anyhow!(
            "« {raw} » : {}",
            lang.pick(
                "adresse de groupe attendue, par exemple https://www.facebook.com/groups/les-habitants-du-parc",
                "a group address is expected, e.g. https://www.facebook.com/groups/residents-of-the-park",
            )
        )
    };
    let url = url::Url::parse(raw.trim()).map_err(|_| bad())?;
    let host = url
        .host_str()
        .ok_or_else(bad)?
        .trim_start_matches("www.")
        .trim_start_matches("m.");
    let network = match host {
        "facebook.com" | "fb.com" => Network::Facebook,
        "linkedin.com" => Network::Linkedin,
        _ => return Err(bad()),
    };
    let mut parts = url
        .path_segments()
        .ok_or_else(bad)?
        .filter(|s| !s.is_empty());
    match (parts.next(), parts.next()) {
        (Some("groups"), Some(id)) => Ok((network, format!("groups/{id}"))),
        _ => Err(bad()),
    }
}

pub async fn declare(db: &str, lang: Lang, args: GroupDeclareArgs) -> anyhow::Result<()> {
    let (network, handle) = parse_url(&args.url, lang)?;
    let store = open(db, lang).await?;
    let residences = store.residences().await.map_err(store_err(lang))?;
    let mut ids = Vec::new();
    for r in &args.residences {
        let id = ResidenceId::parse(r).map_err(|e| anyhow!("--residence {r}: {e}"))?;
        if !residences.iter().any(|x| x.id == id) {
            return Err(anyhow!(
                "--residence {r}: {}",
                lang.pick(
                    "résidence inconnue (voir relais residence list)",
                    "unknown residence (see relais residence list)"
                )
            ));
        }
        ids.push(id);
    }
    let agency = residences
        .iter()
        .find(|x| x.id == ids[0])
        .map(|x| x.agency.clone());
    let id = Account::make_id(network, &handle).map_err(|e| anyhow!("{e}"))?;
    let network_id =
        NetworkId::parse(handle.trim_start_matches("groups/")).map_err(|e| anyhow!("{e}"))?;
    let group = GroupDeclaration {
        account: Account {
            id,
            network,
            kind: AccountKind::Group,
            handle,
            network_id,
            name: args.name.clone(),
            territory: agency,
        },
        url: args.url.trim().to_string(),
        residences: ids,
        members: args.members.clone(),
        declared_at: chrono::Utc::now().timestamp(),
    };
    store.declare_group(&group).await.map_err(store_err(lang))?;
    store.close().await;
    if args.json {
        return json(&serde_json::json!({
            "account": group.account.id.as_str(),
            "url": group.url,
            "residences": group.residences.iter().map(|r| r.as_str()).collect::<Vec<_>>(),
            "member_counts": group.members.len(),
        }));
    }
    println!(
        "{} {} ({}) — {} {}",
        lang.pick("Groupe déclaré :", "Group declared:"),
        args.name,
        group.account.id.as_str(),
        group.members.len(),
        lang.pick("relevé(s) de membres", "member count(s)")
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn group_addresses_give_network_and_handle() {
        let (n, h) = parse_url(
            "https://www.facebook.com/groups/les-habitants-du-parc/",
            Lang::Fr,
        )
        .unwrap();
        assert_eq!(
            (n, h.as_str()),
            (Network::Facebook, "groups/les-habitants-du-parc")
        );
        assert!(parse_url("https://www.facebook.com/brevenne", Lang::Fr).is_err());
        assert!(parse_url("https://example.org/groups/x", Lang::Fr).is_err());
    }
}
