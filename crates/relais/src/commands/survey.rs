//! `relais survey import`: satisfaction survey results per territory or
//! residence, checked against the landlord's territories, all or nothing.

use anyhow::{Context, anyhow};
use relais_core::Lang;
use relais_core::survey::{self, SurveyScope};
use relais_store::Store;

use super::{open, store_err};
use crate::cli::SurveyImportArgs;
use crate::output::json;

pub async fn import(db: &str, lang: Lang, args: SurveyImportArgs) -> anyhow::Result<()> {
    let name = args.file.display().to_string();
    let bytes = std::fs::read(&args.file)
        .with_context(|| format!("{} {name}", lang.pick("lecture de", "reading")))?;
    let rows = survey::parse(&name, &bytes).map_err(|e| anyhow!("{e}"))?;
    let store = open(db, lang).await?;
    let territories = store.territories().await.map_err(store_err(lang))?;
    let residences = store.residences().await.map_err(store_err(lang))?;
    for r in &rows {
        let known = match &r.scope {
            SurveyScope::Territory(t) => territories.iter().any(|x| &x.id == t),
            SurveyScope::Residence(id) => residences.iter().any(|x| &x.id == id),
        };
        if !known {
            let (what, id, list) = match &r.scope {
                SurveyScope::Territory(t) => (
                    lang.pick("territoire inconnu", "unknown territory"),
                    t.as_str(),
                    "relais territory list",
                ),
                SurveyScope::Residence(x) => (
                    lang.pick("résidence inconnue", "unknown residence"),
                    x.as_str(),
                    "relais residence list",
                ),
            };
            return Err(anyhow!(
                "{name}, {} {}, scope_id: {what} « {id} » — {} {list}",
                lang.pick("ligne", "line"),
                r.line,
                lang.pick("voir", "see")
            ));
        }
    }
    let summary = store.import_surveys(&rows).await.map_err(store_err(lang))?;
    store.close().await;
    if args.json {
        return json(&summary);
    }
    println!(
        "{name} : {} {}, {} {}, {} {}",
        summary.added,
        lang.pick("ajoutés", "added"),
        summary.updated,
        lang.pick("mis à jour", "updated"),
        summary.unchanged,
        lang.pick("inchangés", "unchanged"),
    );
    Ok(())
}
