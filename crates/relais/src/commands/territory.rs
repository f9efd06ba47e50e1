//! `relais territory list`: directions and their agencies.

use relais_core::{Lang, TerritoryKind};
use relais_store::Store;

use super::{open, store_err};
use crate::output::json;

pub async fn list(db: &str, lang: Lang, as_json: bool) -> anyhow::Result<()> {
    let store = open(db, lang).await?;
    let territories = store.territories().await.map_err(store_err(lang))?;
    store.close().await;
    if as_json {
        return json(&territories);
    }
    if territories.is_empty() {
        println!(
            "{}",
            lang.pick(
                "Aucun territoire. Importez vos résidences : relais residence import FICHIER",
                "No territory. Import your residences: relais residence import FILE"
            )
        );
        return Ok(());
    }
    for d in territories.iter().filter(|t| !t.is_agency()) {
        println!("{}  [{}]", d.name, d.id);
        for a in territories.iter().filter(
            |t| matches!(&t.kind, TerritoryKind::Agency { direction } if *direction == d.id),
        ) {
            println!("  └ {}  [{}]", a.name, a.id);
        }
    }
    Ok(())
}
