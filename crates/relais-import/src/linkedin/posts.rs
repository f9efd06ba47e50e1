//! Content › `All posts`: one row per post with its lifetime figures. The
//! post's id is the URN inside its link; its time is the one inside that id
//! (the sheet gives only a day). It reads rows, nothing else: the sheet and
//! its header row are found by the parent module.

use relais_core::text::fold_accents;
use relais_core::{MediaType, Timestamp};

use super::fields::{POST_METRICS, POSTS};
use super::unknown_columns;
use crate::grid::{Grid, Row};
use crate::header::Header;
use crate::values;
use crate::{AccountHint, Ctx, ErrorKind, ImportError, Parsed, PostMetric, PostRecord};

/// Reads the per-post sheet whose header is `grid.rows[start]`.
pub(super) fn read(
    grid: &Grid,
    start: usize,
    ctx: &Ctx,
    out: &mut Parsed,
) -> Result<(), ImportError> {
    let sheet = grid.sheet.as_deref().unwrap_or("");
    let Some(header_row) = grid.rows.get(start) else {
        return Ok(());
    };
    let header = Header::map(header_row, POSTS);
    if !header.has("link") {
        return Err(ImportError::new(
            ctx.file,
            ErrorKind::MissingColumn {
                expected: "« Post link »".into(),
            },
        )
        .in_sheet(sheet)
        .at_line(header.line));
    }
    out.warnings.extend(unknown_columns(&header, sheet));
    for row in grid.rows.iter().skip(start + 1).filter(|r| !r.is_blank()) {
        out.rows += 1;
        let fail = |key: &str, kind: ErrorKind| {
            ImportError::new(ctx.file, kind)
                .in_sheet(sheet)
                .at_line(row.line)
                .at_column(&header.name_of(key))
        };
        let mut figures = Vec::new();
        for (key, metric) in POST_METRICS {
            if let Some(value) = values::count(header.get(row, key)).map_err(|k| fail(key, k))? {
                figures.push((*metric, value));
            }
        }
        let link = header.get(row, "link");
        if link.is_empty() {
            if figures.iter().all(|(_, v)| *v == 0.0) {
                out.skipped += 1;
                continue;
            }
            return Err(fail("link", ErrorKind::EmptyId));
        }
        let urn = post_urn(link).map_err(|k| fail("link", k))?;
        let published_at = published_at(&header, row, &urn, ctx).map_err(|k| {
            // A sheet without the column: name it as LinkedIn does.
            let e = fail("created", k);
            if header.has("created") {
                e
            } else {
                e.at_column("Created date")
            }
        })?;
        for (metric, value) in figures {
            out.post_metrics.push(PostMetric {
                line: row.line,
                post_id: urn.clone(),
                metric,
                value,
            });
        }
        out.posts.push(PostRecord {
            line: row.line,
            network_id: urn,
            account: AccountHint {
                handle: page_handle(link),
                ..AccountHint::default()
            },
            published_at,
            text: header.get(row, "title").to_string(),
            permalink: Some(link.to_string()),
            media: media(header.get(row, "content_type"))
                .or_else(|| media(header.get(row, "post_type")))
                .unwrap_or(MediaType::Text),
        });
    }
    Ok(())
}

/// The post's instant: the one inside its id when there is one, else noon
/// of its `Created date` in the page's time zone. The date is read either
/// way, so that a damaged cell is never let through.
fn published_at(header: &Header, row: &Row, urn: &str, ctx: &Ctx) -> Result<Timestamp, ErrorKind> {
    let raw = header.get(row, "created");
    let day = if raw.is_empty() {
        None
    } else {
        Some(values::day(raw)?)
    };
    if let Some(t) = values::linkedin_id_time(urn) {
        return Ok(t);
    }
    // No time in the id: the day is needed, and an empty cell is not one.
    let day = match day {
        Some(d) => d,
        None => values::day(raw)?,
    };
    Ok(values::local(
        day.and_hms_opt(12, 0, 0).expect("noon exists"),
        ctx.tz,
    ))
}

/// The URN of a post from its link: `…/feed/update/urn:li:activity:N`
/// (also `share`, `ugcPost`, and the URL-encoded `urn%3Ali%3A…`), or the
/// public form `…/posts/<page>_<slug>-activity-N-xxxx`.
pub(super) fn post_urn(link: &str) -> Result<String, ErrorKind> {
    if let Err(e @ ErrorKind::MangledId { .. }) = values::id(link) {
        return Err(e);
    }
    let decoded = link.replace("%3A", ":").replace("%3a", ":");
    let lower = decoded.to_ascii_lowercase();
    for (kind, canonical) in [
        ("activity", "activity"),
        ("share", "share"),
        ("ugcpost", "ugcPost"),
    ] {
        for prefix in [format!("urn:li:{kind}:"), format!("-{kind}-")] {
            if let Some(pos) = lower.find(&prefix) {
                let digits: String = lower[pos + prefix.len()..]
                    .chars()
                    .take_while(char::is_ascii_digit)
                    .collect();
                if !digits.is_empty() {
                    return Ok(format!("urn:li:{canonical}:{digits}"));
                }
            }
        }
    }
    Err(ErrorKind::BadValue {
        value: link.chars().take(60).collect(),
        expected: "un lien de publication LinkedIn (…urn:li:activity:…)",
        expected_en: "a LinkedIn post link (…urn:li:activity:…)",
    })
}

/// The page's public name in a `…/posts/<page>_<slug>…` or
/// `…/company/<page>/…` link [P: the public form's first part is the
/// author's vanity name].
pub(super) fn page_handle(link: &str) -> Option<String> {
    let after = |marker: &str, ends: &[char]| {
        let rest = &link[link.find(marker)? + marker.len()..];
        let handle = rest.split(ends).next()?;
        (!handle.is_empty()).then(|| handle.to_string())
    };
    after("/company/", &['/', '?', '#']).or_else(|| after("/posts/", &['_', '/', '?', '#']))
}

/// The media of a post from its `Content Type` or `Post type` (EN or FR).
pub(super) fn media(raw: &str) -> Option<MediaType> {
    let t = fold_accents(raw).to_lowercase();
    let any = |words: &[&str]| words.iter().any(|w| t.contains(w));
    if t.is_empty() {
        None
    } else if any(&["video"]) {
        Some(MediaType::Video)
    } else if any(&["document", "carousel", "carrousel", "pdf", "multi"]) {
        Some(MediaType::Carousel)
    } else if any(&["image", "photo", "picture"]) {
        Some(MediaType::Photo)
    } else if any(&["article", "link", "lien", "url", "newsletter"]) {
        Some(MediaType::Link)
    } else if any(&["text", "texte"]) {
        Some(MediaType::Text)
    } else {
        None
    }
}
