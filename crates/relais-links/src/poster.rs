//! The QR poster: one self-contained SVG page (no font file, no image, no
//! script) with the residence's name, the QR code (error correction level
//! H: it still reads with 30 % of it worn or covered), a short message in
//! plain French, and the short URL in text for those who cannot scan.
//!
//! [`html`] puts several posters in one page-per-poster HTML document, which
//! Chromium prints to one PDF. Drawing only: no file is written here.

use qrcode::{Color, EcLevel, QrCode};

/// The default message.
pub const MESSAGE: &str = "Suivez l'actualité de votre résidence";

/// Paper size (both ISO, same proportions: the drawing is the same).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Size {
    A4,
    A5,
}

impl Size {
    /// Width and height in millimetres.
    pub fn mm(self) -> (u32, u32) {
        match self {
            Size::A4 => (210, 297),
            Size::A5 => (148, 210),
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Size::A4 => "A4",
            Size::A5 => "A5",
        }
    }
}

/// What one poster shows.
#[derive(Debug, Clone)]
pub struct Poster<'a> {
    /// The residence's (or agency's) name.
    pub place: &'a str,
    pub message: &'a str,
    pub short_url: &'a str,
    pub size: Size,
}

/// The poster as an SVG document.
pub fn svg(p: &Poster<'_>) -> Result<String, qrcode::types::QrError> {
    let qr = QrCode::with_error_correction_level(p.short_url.as_bytes(), EcLevel::H)?;
    let (w, h) = p.size.mm();
    let mut out = format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{w}mm" height="{h}mm" viewBox="0 0 210 297" role="img" aria-label="{label}">
<rect width="210" height="297" fill="#fff"/>
<rect x="0" y="0" width="210" height="10" fill="#1d4e89"/>
<g font-family="DejaVu Sans, Arial, Helvetica, sans-serif" fill="#1b1b1b" text-anchor="middle">
"##,
        label = escape(&format!("{} : {}", p.place, p.message)),
    );
    let mut y = 30.0;
    for line in wrap(p.place, 22) {
        out.push_str(&text(105.0, y, 13.0, "bold", &line));
        y += 14.0;
    }
    let side = 130.0;
    let top = y.max(50.0);
    out.push_str(&qr_path(&qr, (210.0 - side) / 2.0, top, side));
    y = top + side + 14.0;
    for line in wrap(p.message, 30) {
        out.push_str(&text(105.0, y, 9.0, "normal", &line));
        y += 11.0;
    }
    y += 4.0;
    out.push_str(&text(
        105.0,
        y,
        5.5,
        "normal",
        "Pas de téléphone pour scanner ? Tapez :",
    ));
    // A monospace character is 0.6 em wide: keep the URL within 190 mm.
    let url_size = (190.0 / (0.6 * p.short_url.chars().count() as f64)).min(8.0);
    out.push_str(&format!(
        r#"<text x="105" y="{:.1}" font-size="{url_size:.2}" font-family="DejaVu Sans Mono, Courier New, monospace" font-weight="bold">{}</text>
"#,
        y + 10.0,
        escape(p.short_url)
    ));
    out.push_str(&text(
        105.0,
        288.0,
        4.0,
        "normal",
        "Nous comptons les visites, sans cookie ni donnée personnelle.",
    ));
    out.push_str("</g>\n</svg>\n");
    Ok(out)
}

/// Several posters as one HTML document, one poster per printed page.
pub fn html(svgs: &[String], size: Size) -> String {
    let (w, h) = size.mm();
    let mut out = format!(
        "<!doctype html>\n<html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Affiches</title>\
         <style>@page{{size:{name};margin:0}}html,body{{margin:0;padding:0}}\
         .page{{width:{w}mm;height:{h}mm;overflow:hidden;break-after:page}}\
         .page:last-child{{break-after:auto}}svg{{display:block}}</style></head><body>\n",
        name = size.name()
    );
    for s in svgs {
        out.push_str("<div class=\"page\">");
        out.push_str(s);
        out.push_str("</div>\n");
    }
    out.push_str("</body></html>\n");
    out
}

fn text(x: f64, y: f64, size: f64, weight: &str, s: &str) -> String {
    format!(
        "<text x=\"{x:.1}\" y=\"{y:.1}\" font-size=\"{size}\" font-weight=\"{weight}\">{}</text>\n",
        escape(s)
    )
}

/// The dark modules as one path, row runs merged, with a 4-module quiet zone.
fn qr_path(qr: &QrCode, x: f64, y: f64, side: f64) -> String {
    let n = qr.width();
    let colors = qr.to_colors();
    let scale = side / (n + 8) as f64;
    let mut d = String::new();
    for row in 0..n {
        let mut col = 0;
        while col < n {
            if colors[row * n + col] == Color::Dark {
                let start = col;
                while col < n && colors[row * n + col] == Color::Dark {
                    col += 1;
                }
                let run = col - start;
                d.push_str(&format!("M{} {}h{run}v1h-{run}z", start + 4, row + 4));
            } else {
                col += 1;
            }
        }
    }
    format!(
        "<g transform=\"translate({x:.2} {y:.2}) scale({scale:.4})\"><rect width=\"{q}\" height=\"{q}\" fill=\"#fff\"/><path d=\"{d}\" fill=\"#000\" shape-rendering=\"crispEdges\"/></g>\n",
        q = n + 8
    )
}

/// Greedy word wrap at `width` characters.
fn wrap(s: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in s.split_whitespace() {
        match lines.last_mut() {
            Some(l) if l.chars().count() + 1 + word.chars().count() <= width => {
                l.push(' ');
                l.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn poster() -> Poster<'static> {
        Poster {
            place: "Résidence Les Tilleuls & Le Parc",
            message: MESSAGE,
            short_url: "https://l.bailleur.fr/r/abcdefghj",
            size: Size::A5,
        }
    }

    #[test]
    fn the_poster_has_name_message_url_and_a_qr_code() {
        let s = svg(&poster()).unwrap();
        assert!(s.starts_with(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"148mm\" height=\"210mm\""
        ));
        assert!(s.contains(">Résidence Les Tilleuls</text>"), "{s}");
        assert!(s.contains(">&amp; Le Parc</text>"));
        assert!(s.contains(">Suivez l'actualité de votre</text>"));
        assert!(s.contains(">https://l.bailleur.fr/r/abcdefghj</text>"));
        assert!(
            s.contains("<path d=\"M4 4h7v1h-7z"),
            "finder pattern of the QR code"
        );
        assert!(
            !s.contains("<script") && !s.contains("href"),
            "self-contained"
        );
    }

    #[test]
    fn the_qr_code_uses_high_error_correction() {
        let qr =
            QrCode::with_error_correction_level(b"https://l.bailleur.fr/r/abcdefghj", EcLevel::H)
                .unwrap();
        assert_eq!(qr.error_correction_level(), EcLevel::H);
        let s = svg(&poster()).unwrap();
        assert!(s.contains(&format!("width=\"{0}\" height=\"{0}\"", qr.width() + 8)));
    }

    #[test]
    fn a_batch_is_one_page_per_poster() {
        let one = svg(&poster()).unwrap();
        let h = html(&[one.clone(), one], Size::A4);
        assert_eq!(h.matches("<div class=\"page\">").count(), 2);
        assert!(h.contains("@page{size:A4;margin:0}"));
    }

    #[test]
    fn long_texts_wrap_on_words() {
        assert_eq!(
            wrap("Suivez l'actualité de votre résidence", 30),
            ["Suivez l'actualité de votre", "résidence"]
        );
        assert_eq!(wrap("  ", 10), Vec::<String>::new());
    }
}
