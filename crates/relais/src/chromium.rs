//! Headless Chromium (Debian's `chromium`, or `RELAIS_CHROMIUM`), which
//! prints the audit and the posters to PDF and the posters to PNG: one
//! place for its flags (no background requests, a throwaway profile) and
//! for the message when it is missing.

use std::path::Path;
use std::process::Command;

use anyhow::anyhow;
use relais_core::Lang;

/// What to make of the page.
#[derive(Debug, Clone, Copy)]
pub enum Print {
    Pdf,
    /// A PNG of one page of this size in millimetres, at twice the CSS resolution.
    Png((u32, u32)),
}

/// Prints the HTML `page` to `out`. `hint` says, in French and English,
/// what else the user can do when Chromium is missing.
pub fn print(
    lang: Lang,
    page: &str,
    out: &Path,
    how: Print,
    hint: (&str, &str),
) -> anyhow::Result<()> {
    let bin = std::env::var("RELAIS_CHROMIUM").unwrap_or_else(|_| "chromium".into());
    let tmp = tempfile::tempdir()?;
    let input = tmp.path().join("page.html");
    std::fs::write(&input, page)?;
    let out_abs = std::path::absolute(out)?;
    let mut cmd = Command::new(&bin);
    cmd.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
    ])
    .arg(format!(
        "--user-data-dir={}",
        tmp.path().join("profile").display()
    ));
    match how {
        Print::Pdf => {
            cmd.arg("--no-pdf-header-footer")
                .arg(format!("--print-to-pdf={}", out_abs.display()));
        }
        Print::Png((w, h)) => {
            // CSS pixels are 1/96 inch; twice that for print.
            let px = |mm: u32| (f64::from(mm) * 96.0 / 25.4).round() as u32;
            cmd.arg(format!("--window-size={},{}", px(w), px(h)))
                .arg("--force-device-scale-factor=2")
                .arg(format!("--screenshot={}", out_abs.display()));
        }
    }
    cmd.arg(format!("file://{}", input.display()));
    let _ = std::fs::remove_file(&out_abs);
    let run = cmd.output().map_err(|e| match (lang, e.kind()) {
        (Lang::Fr, std::io::ErrorKind::NotFound) => anyhow!(
            "Chromium est introuvable (« {bin} ») : il sert à produire les PDF et PNG. Installez le \
             paquet Debian « chromium » (sudo apt-get install chromium), indiquez son chemin dans \
             RELAIS_CHROMIUM, {}.",
            hint.0
        ),
        (Lang::En, std::io::ErrorKind::NotFound) => anyhow!(
            "Chromium not found (`{bin}`): it prints the PDFs and PNGs. Install the Debian \
             package `chromium` (sudo apt-get install chromium), set RELAIS_CHROMIUM to its path, \
             {}.",
            hint.1
        ),
        _ => anyhow!("{bin}: {e}"),
    })?;
    let made = std::fs::metadata(&out_abs).is_ok_and(|m| m.len() > 0);
    if !run.status.success() || !made {
        let err = String::from_utf8_lossy(&run.stderr);
        let tail: Vec<&str> = err.lines().rev().take(5).collect();
        return Err(match lang {
            Lang::Fr => anyhow!(
                "Chromium n'a pas produit {} ({}) : {}",
                out.display(),
                run.status,
                tail.join(" | ")
            ),
            Lang::En => anyhow!(
                "Chromium did not produce {} ({}): {}",
                out.display(),
                run.status,
                tail.join(" | ")
            ),
        });
    }
    Ok(())
}
