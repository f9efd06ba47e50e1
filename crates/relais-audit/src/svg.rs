//! Charts as inline SVG: horizontal bars (with optional 95 % intervals) and
//! monthly lines. Deterministic (same data, same bytes), no fonts to fetch,
//! no script; each chart has a `<title>` and a `<desc>` for screen readers.

use std::fmt::Write;

use crate::html::esc;

const PALETTE: [&str; 6] = [
    "#1f5fa8", "#c2571a", "#2e7d4f", "#7a3e9d", "#8a6d00", "#5f6b7a",
];

/// One bar: label, value, optional interval, shown text.
pub struct Bar {
    pub label: String,
    pub value: f64,
    pub interval: Option<(f64, f64)>,
    pub text: String,
    pub highlight: bool,
}

/// A horizontal bar chart.
pub fn bars(title: &str, desc: &str, bars: &[Bar]) -> String {
    let label_w = 210.0;
    let bar_w = 300.0;
    let row_h = 26.0;
    let width = label_w + bar_w + 170.0;
    let height = row_h * bars.len() as f64 + 10.0;
    let max = bars
        .iter()
        .map(|b| b.interval.map_or(b.value, |i| i.1.max(b.value)))
        .fold(0.0_f64, f64::max)
        .max(f64::MIN_POSITIVE);
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg class="chart" viewBox="0 0 {width} {height}" role="img" width="100%"><title>{}</title><desc>{}</desc>"#,
        esc(title),
        esc(desc)
    );
    for (i, b) in bars.iter().enumerate() {
        let y = i as f64 * row_h + 5.0;
        let w = (b.value.max(0.0) / max * bar_w).max(1.0);
        let colour = if b.highlight { PALETTE[1] } else { PALETTE[0] };
        let _ = write!(
            s,
            r#"<text x="{:.1}" y="{:.1}" text-anchor="end" class="lbl">{}</text><rect x="{label_w}" y="{:.1}" width="{w:.1}" height="{:.1}" fill="{colour}" rx="2"/>"#,
            label_w - 8.0,
            y + row_h * 0.62,
            esc(&b.label),
            y + 4.0,
            row_h - 8.0
        );
        if let Some((lo, hi)) = b.interval {
            let (x1, x2) = (
                label_w + lo.max(0.0) / max * bar_w,
                label_w + hi / max * bar_w,
            );
            let yc = y + row_h / 2.0;
            let _ = write!(
                s,
                r##"<path d="M{x1:.1} {yc:.1}H{x2:.1}M{x1:.1} {:.1}V{:.1}M{x2:.1} {:.1}V{:.1}" stroke="#222" stroke-width="1.2" fill="none"/>"##,
                yc - 5.0,
                yc + 5.0,
                yc - 5.0,
                yc + 5.0
            );
        }
        let _ = write!(
            s,
            r#"<text x="{:.1}" y="{:.1}" class="val">{}</text>"#,
            label_w + bar_w + 8.0,
            y + row_h * 0.62,
            esc(&b.text)
        );
    }
    s.push_str("</svg>");
    s
}

/// A line per series over shared x labels (months).
pub fn lines(
    title: &str,
    desc: &str,
    x: &[String],
    series: &[(String, Vec<Option<f64>>)],
    fmt: impl Fn(f64) -> String,
) -> String {
    let (w, h, left, bottom, top) = (640.0, 240.0, 70.0, 30.0, 12.0);
    let values: Vec<f64> = series
        .iter()
        .flat_map(|s| s.1.iter().flatten().copied())
        .collect();
    let (mut lo, mut hi) = values
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), &v| {
            (a.min(v), b.max(v))
        });
    if !lo.is_finite() {
        (lo, hi) = (0.0, 1.0);
    }
    if lo > 0.0 && lo < hi * 0.5 {
        lo = 0.0;
    }
    if (hi - lo).abs() < f64::EPSILON {
        hi = lo + 1.0;
    }
    let plot_w = w - left - 130.0;
    let plot_h = h - bottom - top;
    let px = |i: usize| {
        left + if x.len() > 1 {
            i as f64 / (x.len() - 1) as f64 * plot_w
        } else {
            plot_w / 2.0
        }
    };
    let py = |v: f64| top + (1.0 - (v - lo) / (hi - lo)) * plot_h;
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg class="chart" viewBox="0 0 {w} {h}" role="img" width="100%"><title>{}</title><desc>{}</desc>"#,
        esc(title),
        esc(desc)
    );
    for k in 0..=3 {
        let v = lo + (hi - lo) * f64::from(k) / 3.0;
        let y = py(v);
        let _ = write!(
            s,
            r##"<path d="M{left} {y:.1}H{:.1}" stroke="#ddd"/><text x="{:.1}" y="{:.1}" text-anchor="end" class="lbl">{}</text>"##,
            left + plot_w,
            left - 6.0,
            y + 4.0,
            esc(&fmt(v))
        );
    }
    let step = (x.len() / 6).max(1);
    for (i, label) in x.iter().enumerate().filter(|(i, _)| i % step == 0) {
        let _ = write!(
            s,
            r#"<text x="{:.1}" y="{:.1}" text-anchor="middle" class="lbl">{}</text>"#,
            px(i),
            h - 8.0,
            esc(label)
        );
    }
    for (k, (name, vals)) in series.iter().enumerate() {
        let colour = PALETTE[k % PALETTE.len()];
        let mut d = String::new();
        let mut pen_up = true;
        for (i, v) in vals.iter().enumerate() {
            match v {
                Some(v) => {
                    let _ = write!(
                        d,
                        "{}{:.1} {:.1}",
                        if pen_up { "M" } else { "L" },
                        px(i),
                        py(*v)
                    );
                    pen_up = false;
                }
                None => pen_up = true,
            }
        }
        let _ = write!(
            s,
            r#"<path d="{d}" stroke="{colour}" stroke-width="2.2" fill="none"/><rect x="{:.1}" y="{:.1}" width="12" height="4" fill="{colour}"/><text x="{:.1}" y="{:.1}" class="lbl">{}</text>"#,
            left + plot_w + 14.0,
            top + 6.0 + k as f64 * 18.0,
            left + plot_w + 30.0,
            top + 12.0 + k as f64 * 18.0,
            esc(name)
        );
    }
    s.push_str("</svg>");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charts_are_deterministic_and_escape_text() {
        let b = vec![Bar {
            label: "Vie <de> quartier".into(),
            value: 0.2,
            interval: Some((0.1, 0.3)),
            text: "20 %".into(),
            highlight: false,
        }];
        let one = bars("t", "d", &b);
        assert_eq!(one, bars("t", "d", &b));
        assert!(one.contains("Vie &lt;de&gt; quartier") && one.starts_with("<svg"));
        let l = lines(
            "t",
            "d",
            &["2026-01".into(), "2026-02".into()],
            &[("fb".into(), vec![Some(1.0), None])],
            |v| format!("{v}"),
        );
        assert!(l.contains("<title>t</title>") && !l.contains("NaN"));
    }
}
