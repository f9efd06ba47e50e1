//! `relais link poster`: QR posters for links, as SVG drawn in Rust, or as
//! PDF (one page per poster, one file for a batch) and PNG printed by
//! headless Chromium from the same drawing, so that the three look alike.

use std::path::{Path, PathBuf};

use anyhow::{Context, anyhow};
use relais_core::Lang;
use relais_links::poster::{Poster, Size, html, svg};
use relais_links::utm::slug;
use relais_store::{LinkStore, StoredLink};

use super::link::short_url;
use super::link_stats::{place_names, scope_id};
use super::{open, store_err};
use crate::chromium::Print;
use crate::cli::{LinkPosterArgs, PosterFormat, PosterSize};

pub async fn run(db: &str, lang: Lang, args: LinkPosterArgs) -> anyhow::Result<()> {
    let store = open(db, lang).await?;
    let links = chosen(&store, lang, &args).await;
    let names = place_names(&store, lang).await;
    store.close().await;
    let (links, names) = (links?, names?);
    let size = match args.size {
        PosterSize::A4 => Size::A4,
        PosterSize::A5 => Size::A5,
    };
    let mut drawn = Vec::new();
    for l in &links {
        let url = short_url(&args.base.base_url, &l.code, lang)?;
        let place = names
            .get(scope_id(&l.scope))
            .map_or(scope_id(&l.scope), String::as_str);
        let poster = Poster {
            place,
            message: &args.message,
            short_url: &url,
            size,
        };
        let s = svg(&poster).map_err(|e| anyhow!("QR code ({url}): {e}"))?;
        drawn.push((l.code.as_str(), s));
    }
    let written = match args.format {
        PosterFormat::Svg => write_each(&drawn, args.out.as_deref(), "svg", |path, s| {
            std::fs::write(path, s).map_err(|e| write_error(lang, path, e))
        })?,
        PosterFormat::Png => write_each(&drawn, args.out.as_deref(), "png", |path, s| {
            crate::chromium::print(
                lang,
                &html(&[s.to_string()], size),
                path,
                Print::Png(size.mm()),
                POSTER_HINT,
            )
        })?,
        PosterFormat::Pdf => {
            let path = args
                .out
                .clone()
                .unwrap_or_else(|| PathBuf::from("affiches.pdf"));
            let all: Vec<String> = drawn.iter().map(|(_, s)| s.clone()).collect();
            crate::chromium::print(lang, &html(&all, size), &path, Print::Pdf, POSTER_HINT)?;
            vec![path]
        }
    };
    match lang {
        Lang::Fr => println!("{} affiche(s) :", drawn.len()),
        Lang::En => println!("{} poster(s):", drawn.len()),
    }
    for p in written {
        println!("  {}", p.display());
    }
    Ok(())
}

/// The links named by code or by action.
async fn chosen(
    store: &relais_store::SqlStore,
    lang: Lang,
    args: &LinkPosterArgs,
) -> anyhow::Result<Vec<StoredLink>> {
    let mut out = Vec::new();
    for code in &args.codes {
        let l = store.link(code).await.map_err(store_err(lang))?;
        out.push(l.ok_or_else(|| match lang {
            Lang::Fr => anyhow!("code inconnu « {code} » : voyez les codes avec relais link stats"),
            Lang::En => anyhow!("unknown code `{code}`: see the codes with relais link stats"),
        })?);
    }
    if let Some(action) = &args.action {
        let wanted = slug(action);
        let of_action: Vec<_> = store
            .links()
            .await
            .map_err(store_err(lang))?
            .into_iter()
            .filter(|l| l.action_slug == wanted)
            .collect();
        if of_action.is_empty() {
            return Err(match lang {
                Lang::Fr => anyhow!(
                    "aucun lien pour l'action « {action} » : voyez relais link stats --by action"
                ),
                Lang::En => {
                    anyhow!("no link for action `{action}`: see relais link stats --by action")
                }
            });
        }
        out.extend(of_action);
    }
    Ok(out)
}

/// One file per poster: `out` itself for a single poster with an extension,
/// else `affiche-CODE.EXT` in the folder `out` (or the current one).
fn write_each(
    drawn: &[(&str, String)],
    out: Option<&Path>,
    ext: &str,
    mut write: impl FnMut(&Path, &str) -> anyhow::Result<()>,
) -> anyhow::Result<Vec<PathBuf>> {
    let single = drawn.len() == 1 && out.is_some_and(|o| o.extension().is_some());
    let mut written = Vec::new();
    for (code, s) in drawn {
        let path = match out {
            Some(o) if single => o.to_path_buf(),
            Some(dir) => {
                std::fs::create_dir_all(dir).with_context(|| format!("{}", dir.display()))?;
                dir.join(format!("affiche-{code}.{ext}"))
            }
            None => PathBuf::from(format!("affiche-{code}.{ext}")),
        };
        write(&path, s)?;
        written.push(path);
    }
    Ok(written)
}

fn write_error(lang: Lang, path: &Path, e: std::io::Error) -> anyhow::Error {
    match lang {
        Lang::Fr => anyhow!("impossible d'écrire {} : {e}", path.display()),
        Lang::En => anyhow!("cannot write {}: {e}", path.display()),
    }
}

/// What to do without Chromium, for posters.
const POSTER_HINT: (&str, &str) = ("ou utilisez --format svg", "or use --format svg");
