//! Meta Business Suite's page-level daily series (one metric per file: a
//! `sep=,` line, the metric's name, `Date,Primary`, one row per day) and its
//! `Audience.csv` (blocks stacked one under the other, of which relais reads
//! only the follows series). The metric and the network come from the name
//! line, routed in `meta/daily_names.rs`. Decoding (UTF-16LE) and the `sep=`
//! line are done before; this module must not decide the format (`detect`).

#[path = "meta/daily_names.rs"]
mod names;
#[cfg(test)]
#[path = "meta/daily_tests.rs"]
mod tests;

use relais_core::{AccountMetric, Network};

use crate::error::Warning;
use crate::grid::{Grid, Row};
use crate::header::normalise;
use crate::meta_posts::shared::at;
use crate::records::DailyRecord;
use crate::values;
use crate::{Ctx, ErrorKind, Format, ImportError, Parsed};

/// A block of rows: its title line (the metric's name) and the rows under it.
#[derive(Default)]
struct Block<'g> {
    title: Option<&'g Row>,
    rows: Vec<&'g Row>,
}

impl Block<'_> {
    fn title_text(&self) -> &str {
        self.title.map_or("", |t| t.cell(first_filled(t)))
    }
}

/// A series read from a block.
struct Series {
    network: Network,
    daily: Vec<DailyRecord>,
    rows: u64,
    skipped: u64,
}

pub(crate) fn parse(format: Format, grid: &Grid, ctx: &Ctx) -> Result<Parsed, ImportError> {
    let blocks = blocks(grid);
    if format == Format::MetaAudience || blocks.len() > 1 {
        return Ok(audience(&blocks, ctx));
    }
    let Some(block) = blocks.first() else {
        return Err(ImportError::new(ctx.file, ErrorKind::Empty));
    };
    let s = series(block, ctx)?;
    let mut parsed = Parsed::new(Format::MetaDailySeries, s.network, ctx.encoding);
    parsed.daily = s.daily;
    parsed.rows = s.rows;
    parsed.skipped = s.skipped;
    Ok(parsed)
}

fn first_filled(row: &Row) -> usize {
    row.cells
        .iter()
        .position(|c| !c.trim().is_empty())
        .unwrap_or(0)
}

fn filled(row: &Row) -> usize {
    row.cells.iter().filter(|c| !c.trim().is_empty()).count()
}

/// A title line: one text cell (not a day, not a number) above a row of
/// column names. Blank lines are not relied on to cut blocks: the CSV reader
/// drops empty lines, and a row of empty cells can sit inside a series.
fn is_title(row: &Row, next: Option<&Row>) -> bool {
    let cell = row.cell(first_filled(row));
    filled(row) == 1
        && values::day(cell).is_err()
        && values::number(cell).is_err()
        && next.is_some_and(|n| filled(n) >= 2)
}

fn blocks(grid: &Grid) -> Vec<Block<'_>> {
    let mut out = Vec::new();
    let mut current = Block::default();
    let rows: Vec<&Row> = grid.rows.iter().filter(|r| !r.is_blank()).collect();
    for (i, row) in rows.iter().enumerate() {
        if is_title(row, rows.get(i + 1).copied()) {
            if current.title.is_some() || !current.rows.is_empty() {
                out.push(std::mem::take(&mut current));
            }
            current.title = Some(row);
        } else {
            current.rows.push(row);
        }
    }
    if current.title.is_some() || !current.rows.is_empty() {
        out.push(current);
    }
    out
}

fn series(block: &Block, ctx: &Ctx) -> Result<Series, ImportError> {
    let unknown = |line: u64, name: &str| {
        let known = names::known();
        ImportError::new(
            ctx.file,
            ErrorKind::Other {
                fr: format!(
                    "série quotidienne « {name} » inconnue de relais. Séries connues : {known}. \
                     Exportez une de ces séries depuis Meta Business Suite"
                ),
                en: format!(
                    "daily series \"{name}\" unknown to relais. Known series: {known}. \
                     Export one of these series from Meta Business Suite"
                ),
            },
        )
        .at_line(line)
    };
    let Some(title) = block.title else {
        let line = block.rows.first().map_or(1, |r| r.line);
        return Err(unknown(line, ""));
    };
    let name = block.title_text();
    let (network, metric) = names::route(name).ok_or_else(|| unknown(title.line, name))?;
    read_rows(block, network, metric, ctx)
}

fn read_rows(
    block: &Block,
    network: Network,
    metric: AccountMetric,
    ctx: &Ctx,
) -> Result<Series, ImportError> {
    let Some((head, rows)) = block.rows.split_first() else {
        let line = block.title.map_or(1, |t| t.line);
        return Err(ImportError::new(ctx.file, ErrorKind::NoRows).at_line(line));
    };
    let names: Vec<String> = head.cells.iter().map(|c| normalise(c)).collect();
    let Some(date) = names.iter().position(|n| n == "date") else {
        return Err(ImportError::new(
            ctx.file,
            ErrorKind::MissingColumn {
                expected: "« Date »".into(),
            },
        )
        .at_line(head.line));
    };
    let value = names
        .iter()
        .position(|n| {
            [
                "primary",
                "principal",
                "principale",
                "primaire",
                "value",
                "valeur",
            ]
            .contains(&n.as_str())
        })
        .or_else(|| {
            names
                .iter()
                .enumerate()
                .position(|(i, n)| i != date && !n.is_empty())
        })
        .unwrap_or(date + 1);
    let column = |i: usize| head.cells.get(i).map_or("", |c| c.trim());
    let mut s = Series {
        network,
        daily: Vec::new(),
        rows: 0,
        skipped: 0,
    };
    for row in rows {
        s.rows += 1;
        // No day and no figure (`-`, empty): a junk row.
        if row.cell(date).is_empty() && matches!(values::count(row.cell(value)), Ok(None)) {
            s.skipped += 1;
            continue;
        }
        let day = values::day(row.cell(date)).map_err(|k| at(ctx, row.line, column(date), k))?;
        if let Some(v) =
            values::count(row.cell(value)).map_err(|k| at(ctx, row.line, column(value), k))?
        {
            s.daily.push(DailyRecord {
                line: row.line,
                day,
                metric,
                value: v,
            });
        }
    }
    Ok(s)
}

/// `Audience.csv`: the follows series is read when a block holds it (the
/// first one); age and gender, cities, countries and pages are not stored.
fn audience(blocks: &[Block], ctx: &Ctx) -> Parsed {
    let mut read = None;
    let mut skipped = Vec::new();
    for block in blocks {
        let routed =
            names::route(block.title_text()).filter(|(_, m)| *m == AccountMetric::NewFollowers);
        match routed {
            Some((network, metric)) if read.is_none() => {
                match read_rows(block, network, metric, ctx) {
                    Ok(s) => read = Some(s),
                    Err(_) => skipped.push(block.title_text().to_string()),
                }
            }
            _ => skipped.push(block.title_text().to_string()),
        }
    }
    let list = skipped
        .iter()
        .map(|t| if t.is_empty() { "?" } else { t.as_str() })
        .collect::<Vec<_>>()
        .join(", ");
    let network = read.as_ref().map_or(Network::Facebook, |s| s.network);
    let mut parsed = Parsed::new(Format::MetaAudience, network, ctx.encoding);
    let warning = match read {
        Some(s) => {
            parsed.daily = s.daily;
            parsed.rows = s.rows;
            parsed.skipped = s.skipped;
            Warning::new(
                None,
                format!(
                    "fichier d'audience : seule la série des followers est importée ; blocs ignorés : {list}"
                ),
                format!(
                    "audience file: only the follows series is imported; blocks skipped: {list}"
                ),
            )
        }
        None => Warning::new(
            None,
            format!(
                "fichier d'audience ignoré : relais n'importe pas la répartition de l'audience (blocs : {list})"
            ),
            format!(
                "audience file skipped: relais does not import the audience breakdown (blocks: {list})"
            ),
        ),
    };
    parsed.warnings.push(warning);
    parsed
}
