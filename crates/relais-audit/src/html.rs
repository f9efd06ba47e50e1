//! HTML building blocks: escaping, the page shell with its inline screen and
//! print stylesheets and a Content-Security-Policy that forbids any request
//! (the report must open offline and leak nothing), tables and figures.

/// Escapes text for HTML content and attributes.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = r#"
:root{--ink:#1b1f24;--muted:#5a6470;--line:#d9dee4;--accent:#1f5fa8;--warn:#a33a00;--ok:#2e7d4f;--bg:#fff}
*{box-sizing:border-box}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);background:var(--bg);margin:0;line-height:1.5}
main{max-width:960px;margin:0 auto;padding:2rem 1.5rem 4rem}
header.cover{border-bottom:4px solid var(--accent);margin-bottom:2rem;padding-bottom:1rem}
h1{font-size:2rem;margin:.2rem 0}h2{font-size:1.45rem;margin-top:2.6rem;border-bottom:1px solid var(--line);padding-bottom:.3rem}
h3{font-size:1.1rem;margin-top:1.6rem}
.sub{color:var(--muted)}
nav.toc ol{columns:2;padding-left:1.2rem}
a{color:var(--accent)}
table{border-collapse:collapse;width:100%;margin:.8rem 0;font-size:.92rem}
th,td{border-bottom:1px solid var(--line);padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:#f3f5f8}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}td.num{white-space:nowrap}
.scroll{overflow-x:auto}
.findings{list-style:none;padding:0;counter-reset:f}
.findings li{border-left:4px solid var(--accent);padding:.5rem .9rem;margin:.7rem 0;background:#f6f8fb}
.findings .fig{font-size:1.35rem;font-weight:700;color:var(--accent);display:block}
.reco{border:1px solid var(--line);border-radius:6px;padding:.8rem 1rem;margin:1rem 0}
.reco h3{margin-top:0}
.prio{display:inline-block;font-size:.8rem;font-weight:700;border-radius:3px;padding:0 .45rem;color:#fff;background:var(--warn);margin-right:.4rem}
.prio.p2{background:#8a6d00}.prio.p3{background:var(--muted)}
.missing{border:1px dashed var(--muted);padding:.7rem 1rem;border-radius:6px;color:var(--muted);background:#fafafa}
.sig{color:var(--ok);font-weight:600}.nsig{color:var(--muted)}
svg.chart{max-width:100%;height:auto;margin:.5rem 0}
svg .lbl{font-size:12px;fill:#333}svg .val{font-size:12px;fill:#111;font-weight:600}
blockquote{margin:.4rem 0;padding:.3rem .8rem;border-left:3px solid var(--line);color:#333}
footer{margin-top:3rem;color:var(--muted);font-size:.85rem}
@media print{
 @page{size:A4;margin:16mm 14mm}
 body{font-size:10.5pt}main{max-width:none;padding:0}
 nav.toc{display:none}
 h2{break-before:page}section#synthese h2{break-before:avoid}
 .reco,.findings li,figure,table{break-inside:avoid}
 a{color:inherit;text-decoration:none}
}
"#;

/// The page shell: `lang`, title, and the body.
pub fn page(lang: &str, title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n\
<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n{body}\n</main>\n</body>\n</html>\n",
        esc(title)
    )
}

/// A table from a header and rows of already-escaped cells; cells whose
/// header starts with `#` are right-aligned numbers.
pub fn table(caption: &str, header: &[&str], rows: &[Vec<String>]) -> String {
    let mut s = format!(
        "<table>\n<caption class=\"sub\">{}</caption>\n<thead><tr>",
        esc(caption)
    );
    for h in header {
        match h.strip_prefix('#') {
            Some(h) => s.push_str(&format!("<th scope=\"col\" class=\"num\">{}</th>", esc(h))),
            None => s.push_str(&format!("<th scope=\"col\">{}</th>", esc(h))),
        }
    }
    s.push_str("</tr></thead>\n<tbody>\n");
    for row in rows {
        s.push_str("<tr>");
        for (cell, h) in row.iter().zip(header) {
            if h.starts_with('#') {
                s.push_str(&format!("<td class=\"num\">{cell}</td>"));
            } else {
                s.push_str(&format!("<td>{cell}</td>"));
            }
        }
        s.push_str("</tr>\n");
    }
    s.push_str("</tbody>\n</table></div>\n");
    s
}

/// A figure with its caption.
pub fn figure(svg: &str, caption: &str) -> String {
    format!(
        "<figure><figcaption class=\"sub\">{}</figcaption>{svg}</figure>\n",
        esc(caption)
    )
}

/// A box saying which data is missing and how to bring it.
pub fn missing(text: &str) -> String {
    format!("<p class=\"missing\">{}</p>\n", esc(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_covers_markup_and_quotes() {
        assert_eq!(
            esc("<a href=\"x\">l'été & co</a>"),
            "&lt;a href=&quot;x&quot;&gt;l&#39;été &amp; co&lt;/a&gt;"
        );
    }

    #[test]
    fn the_page_forbids_every_request() {
        let p = page("fr", "t", "<p>x</p>");
        assert!(p.contains("default-src 'none'"));
        assert!(!p.contains("http://") && !p.contains("https://"));
    }
}
