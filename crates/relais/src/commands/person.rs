//! `relais person erase`: the right to erasure of one commenter.

use anyhow::anyhow;
use relais_core::{Lang, Pseudonym};
use relais_store::Store;
use serde::Serialize;

use super::{open, store_err};
use crate::cli::EraseArgs;
use crate::output::json;

#[derive(Serialize)]
struct Erased<'a> {
    pseudonym: &'a str,
    comments_erased: u64,
}

pub async fn erase(db: &str, lang: Lang, args: EraseArgs) -> anyhow::Result<()> {
    let person = Pseudonym::parse(&args.pseudonym).map_err(|_| {
        anyhow!(
            "{}",
            lang.pick(
                "pseudonyme invalide : attendu p_ suivi de 24 chiffres hexadécimaux (voir la \
                 colonne auteur des exports)",
                "invalid pseudonym: expected p_ and 24 hexadecimal digits"
            )
        )
    })?;
    let store = open(db, lang).await?;
    let n = store.erase_person(&person).await.map_err(store_err(lang))?;
    store.close().await;
    if args.json {
        return json(&Erased {
            pseudonym: person.as_str(),
            comments_erased: n,
        });
    }
    match lang {
        Lang::Fr => {
            println!("{person} effacé·e : {n} commentaire(s), leurs étiquettes et le nom affiché.")
        }
        Lang::En => println!("{person} erased: {n} comment(s), their labels and display name."),
    }
    Ok(())
}
