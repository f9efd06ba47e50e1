//! Section 11 and the summary's findings: prioritised recommendations, each
//! an action, the KPI values it rests on (with n and significance), and what
//! to measure next. A rule (in `rules`) fires only when the data supports it:
//! no value, no recommendation.

mod rules;

use crate::Audit;
use crate::html::esc;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Priority {
    High = 1,
    Medium = 2,
    Low = 3,
}

#[derive(Debug, Clone)]
pub struct Recommendation {
    pub priority: Priority,
    /// The KPI it mainly rests on.
    pub kpi: &'static str,
    /// A score within the priority: bigger first.
    pub weight: f64,
    pub anchor: String,
    pub action: String,
    /// The KPI citations it rests on.
    pub why: Vec<String>,
    pub next: String,
    /// The summary's headline figure and sentence.
    pub figure: String,
    pub finding: String,
}

pub fn recommendations(a: &Audit) -> Vec<Recommendation> {
    type Rule = fn(&Audit, &mut Vec<Recommendation>);
    let rules: [(Rule, &'static str); 9] = [
        (rules::urgent, "response_within_48h"),
        (rules::referents, "response_rate"),
        (rules::tenants_first, "tenant_engagement_lift"),
        (rules::best_theme, "theme_engagement"),
        (rules::coverage, "agency_coverage"),
        (rules::heritage, "residence_told"),
        (rules::groups, "group_diffusion"),
        (rules::collaborators, "collaborator_lift"),
        (rules::regularity, "posting_regularity"),
    ];
    let mut out = Vec::new();
    for (rule, kpi) in rules {
        let from = out.len();
        rule(a, &mut out);
        out[from..]
            .iter_mut()
            .for_each(|r: &mut Recommendation| r.kpi = kpi);
    }
    out.sort_by(|x, y| {
        x.priority
            .cmp(&y.priority)
            .then(y.weight.total_cmp(&x.weight))
    });
    for (i, r) in out.iter_mut().enumerate() {
        r.anchor = format!("reco-{}", i + 1);
    }
    out
}

pub(super) fn reco(
    priority: Priority,
    weight: f64,
    action: String,
    why: Vec<String>,
    next: String,
    figure: String,
    finding: String,
) -> Recommendation {
    Recommendation {
        priority,
        kpi: "",
        weight,
        anchor: String::new(),
        action,
        why,
        next,
        figure,
        finding,
    }
}

pub fn section(a: &Audit, recos: &[Recommendation]) -> String {
    let mut s = format!(
        "<section id=\"recommandations\"><h2>{}</h2>\n",
        a.t(
            "Recommandations, par priorité",
            "Recommendations, by priority"
        )
    );
    if recos.is_empty() {
        s.push_str(&crate::html::missing(a.t(
            "Les données ne soutiennent aucune recommandation pour l'instant.",
            "The data supports no recommendation yet.",
        )));
    }
    for r in recos {
        let (class, label) = match r.priority {
            Priority::High => ("prio", a.t("Priorité 1", "Priority 1")),
            Priority::Medium => ("prio p2", a.t("Priorité 2", "Priority 2")),
            Priority::Low => ("prio p3", a.t("Priorité 3", "Priority 3")),
        };
        s.push_str(&format!(
            "<div class=\"reco\" id=\"{}\"><h3><span class=\"{class}\">{label}</span>{}</h3><p><strong>{}</strong></p><ul>{}</ul><p><strong>{}</strong> {}</p></div>\n",
            r.anchor,
            esc(&r.action),
            a.t("Pourquoi :", "Why:"),
            r.why.iter().map(|w| format!("<li>{}</li>", esc(w))).collect::<String>(),
            a.t("À mesurer ensuite :", "Measure next:"),
            esc(&r.next)
        ));
    }
    s.push_str("</section>\n");
    s
}
