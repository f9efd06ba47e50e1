//! Printing: JSON for machines, aligned French (or English) text for people.

use serde::Serialize;

/// Prints a value as pretty JSON on stdout.
pub fn json<T: Serialize>(value: &T) -> anyhow::Result<()> {
    println!("{}", serde_json::to_string_pretty(value)?);
    Ok(())
}

/// A number with French (thin-space) or English thousands separators.
pub use relais_kpi::format::thousands as number;

/// Prints `label  value` rows with the values right-aligned.
pub fn rows(rows: &[(&str, String)]) {
    let width = rows
        .iter()
        .map(|(l, _)| l.chars().count())
        .max()
        .unwrap_or(0);
    let vwidth = rows
        .iter()
        .map(|(_, v)| v.chars().count())
        .max()
        .unwrap_or(0);
    for (label, value) in rows {
        let pad = width - label.chars().count() + 2 + vwidth - value.chars().count();
        println!("  {label}{}{value}", " ".repeat(pad));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use relais_core::Lang;

    #[test]
    fn numbers_get_their_language_separators() {
        assert_eq!(number(1_234_567, Lang::En), "1,234,567");
        assert_eq!(number(20_000, Lang::Fr), "20\u{202f}000");
        assert_eq!(number(999, Lang::Fr), "999");
    }
}
