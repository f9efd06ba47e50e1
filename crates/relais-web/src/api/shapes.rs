//! The API's JSON shapes, built from plain values (the facts, and what the
//! handlers looked up for one item), so they can be tested without a
//! server or a database. The OpenAPI document describes these shapes:
//! change both together.

use relais_kpi::Facts;
use relais_kpi::facts::Metrics;
use relais_store::CommentDetail;
use serde_json::{Value, json};

use super::time;
use crate::filters::{Sla, SlaState};

/// What one comment's JSON is made of.
pub struct CommentParts<'a> {
    pub facts: &'a Facts,
    pub c: usize,
    /// The comment's territory (agency or direction).
    pub territory: Option<usize>,
    pub sla: Sla,
    pub assigned_to: Option<&'a str>,
    /// Its text and author as the store keeps them (`None` if it vanished
    /// between the snapshot and the read).
    pub detail: Option<&'a CommentDetail>,
}

fn sla_state(s: SlaState) -> &'static str {
    match s {
        SlaState::Kept => "kept",
        SlaState::AnsweredLate => "answered_late",
        SlaState::Waiting => "waiting",
        SlaState::Soon => "soon",
        SlaState::Late => "late",
        SlaState::None => "none",
    }
}

/// Hours with two decimals, enough for a person and stable in a test.
fn hours(h: f64) -> f64 {
    (h * 100.0).round() / 100.0
}

/// A comment as the list shows it.
pub fn comment(p: &CommentParts) -> Value {
    let f = p.facts;
    let cm = &f.comments[p.c];
    let post = &f.posts[cm.post];
    let d = p.detail;
    json!({
        "id": cm.id,
        "network": f.accounts[post.account].network,
        "created_at": time(cm.created_at),
        "author": d.map(|d| d.author.as_str()).or(cm.author.as_deref()),
        "display_name": d.and_then(|d| d.display_name.as_deref()),
        "text": d.map(|d| d.text.as_str()),
        "post_id": post.id,
        "residence": cm.residence.or(post.residence).map(|r| &f.residences[r].id),
        "territory": p.territory.map(|t| &f.territories[t].id),
        "labels": {
            "category": cm.category,
            "urgency": cm.urgency,
            "sentiment": cm.sentiment,
            "author_kind": cm.author_kind,
        },
        "answered": cm.first_reply_at.is_some(),
        "first_reply_at": cm.first_reply_at.map(time),
        "sla": {
            "state": sla_state(p.sla.state),
            "promise_hours": hours(p.sla.promise),
            "waited_hours": hours(p.sla.waited),
        },
        "assigned_to": p.assigned_to,
    })
}

/// One comment with its post, replies, notes and assignment.
pub fn comment_full(p: &CommentParts) -> Value {
    let mut v = comment(p);
    let f = p.facts;
    let post = &f.posts[f.comments[p.c].post];
    let d = p.detail;
    let replies: Vec<Value> = d.map_or(Vec::new(), |d| {
        d.replies
            .iter()
            .map(|r| json!({"id": r.id, "text": r.text, "at": time(r.at), "by": r.by}))
            .collect()
    });
    let notes: Vec<Value> = d.map_or(Vec::new(), |d| {
        d.notes
            .iter()
            .map(|n| json!({"author": n.author, "at": time(n.at), "text": n.text}))
            .collect()
    });
    let assignment = d.and_then(|d| d.assignment.as_ref()).map(|a| {
        json!({
            "assignee": a.assignee,
            "assigned_by": a.assigned_by,
            "assigned_at": time(a.assigned_at),
        })
    });
    v["post"] = json!({"id": post.id, "text": post.text, "permalink": post.permalink});
    v["replies"] = json!(replies);
    v["notes"] = json!(notes);
    v["assignment"] = json!(assignment);
    v
}

fn metrics(m: &Metrics) -> Value {
    json!({
        "reactions": m.reactions,
        "comments": m.comments,
        "shares": m.shares,
        "saves": m.saves,
        "link_clicks": m.link_clicks,
        "reach": m.reach,
        "impressions": m.impressions,
    })
}

/// A post; `territory` is its agency or direction.
pub fn post(f: &Facts, p: usize, territory: Option<usize>) -> Value {
    let post = &f.posts[p];
    let account = &f.accounts[post.account];
    json!({
        "id": post.id,
        "network": account.network,
        "account": account.name,
        "published_at": time(post.published_at),
        "text": post.text,
        "permalink": post.permalink,
        "residence": post.residence.map(|r| &f.residences[r].id),
        "territory": territory.map(|t| &f.territories[t].id),
        "labels": {
            "theme": post.theme,
            "secondary_themes": post.secondary_themes,
            "audience": post.audience,
        },
        "metrics": metrics(&post.metrics),
        "engagement": post.metrics.engagement(),
    })
}

/// What the residences list counts for one residence.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ResidenceCounts {
    /// Tenants' comments about it (naming it, or under a post about it).
    pub comments: usize,
    /// Those that need an answer and have none yet.
    pub open_comments: usize,
    /// Field scans of its short links, as the `field_scans` KPI counts them.
    pub scans: u64,
}

pub fn residence(f: &Facts, r: usize, counts: ResidenceCounts) -> Value {
    let res = &f.residences[r];
    let agency = &f.territories[res.agency];
    json!({
        "id": res.id,
        "name": res.name,
        "agency": {"id": agency.id, "name": agency.name},
        "homes": res.homes,
        "comments": counts.comments,
        "open_comments": counts.open_comments,
        "scans": counts.scans,
    })
}

#[cfg(test)]
pub(crate) mod tests {
    use relais_core::{AccountKind, Audience, AuthorKind, Category, Network, Sentiment, Theme};
    use relais_kpi::facts::{AccountFact, CommentFact, PostFact, ResidenceFact, TerritoryFact};
    use relais_store::{Assignment, Note, Reply};

    use super::*;

    /// A landlord with one direction (0) and two agencies (1, 2), one
    /// residence in each agency, one post in each, and a tenant's comment
    /// under each post.
    pub fn facts() -> Facts {
        let t = |id: &str, direction| TerritoryFact {
            id: id.into(),
            name: format!("Territoire {id}"),
            direction,
        };
        let post = |id: &str, residence| PostFact {
            id: id.into(),
            account: 0,
            published_at: 1_772_359_200,
            text: format!("texte {id}"),
            permalink: Some(format!("https://facebook.com/{id}")),
            residence: Some(residence),
            territory: None,
            metrics: Metrics {
                reactions: Some(10.0),
                comments: Some(2.0),
                reach: Some(400.0),
                ..Metrics::default()
            },
            theme: Some(Theme::Practical),
            secondary_themes: vec![Theme::Neighbourhood],
            audience: Some(Audience::Tenants),
        };
        let comment = |id: &str, post| CommentFact {
            id: id.into(),
            post,
            created_at: 1_772_362_800,
            author: Some(format!("pseudo-{post}")),
            category: Some(Category::Lift),
            urgency: Some(relais_core::Urgency::Urgent),
            sentiment: Some(Sentiment::Negative),
            author_kind: Some(AuthorKind::Tenant),
            residence: None,
            first_reply_at: None,
        };
        Facts {
            organisation: "Habitat Test".into(),
            territories: vec![t("dir", None), t("ag-a", Some(0)), t("ag-b", Some(0))],
            residences: vec![
                ResidenceFact {
                    id: "res-a".into(),
                    name: "Les Tilleuls".into(),
                    homes: 40,
                    agency: 1,
                },
                ResidenceFact {
                    id: "res-b".into(),
                    name: "Les Chênes".into(),
                    homes: 60,
                    agency: 2,
                },
            ],
            accounts: vec![AccountFact {
                id: "facebook:page".into(),
                name: "Habitat Test".into(),
                network: Network::Facebook,
                kind: AccountKind::Page,
                territory: None,
            }],
            posts: vec![post("facebook:1", 0), post("facebook:2", 1)],
            comments: vec![comment("facebook:1_1", 0), comment("facebook:2_1", 1)],
            ..Facts::default()
        }
    }

    /// The stored detail of the first comment.
    fn detail(display_name: Option<&str>) -> CommentDetail {
        CommentDetail {
            id: "facebook:1_1".into(),
            network: "facebook".into(),
            text: "L'ascenseur est en panne".into(),
            created_at: 1_772_362_800,
            author: "pseudo-0".into(),
            display_name: display_name.map(String::from),
            post_id: "facebook:1".into(),
            post_text: "texte".into(),
            parent_id: None,
            hidden: None,
            post_permalink: None,
            replies: vec![],
            notes: vec![],
            assignment: None,
        }
    }

    /// The first comment, in agency 1, late, assigned to a referent.
    fn first<'a>(f: &'a Facts, detail: Option<&'a CommentDetail>) -> CommentParts<'a> {
        CommentParts {
            facts: f,
            c: 0,
            territory: Some(1),
            sla: Sla {
                state: SlaState::Late,
                promise: 4.0,
                waited: 5.123,
            },
            assigned_to: Some("ref@exemple.fr"),
            detail,
        }
    }

    #[test]
    fn a_comment_item_has_its_labels_place_sla_and_assignee() {
        let f = facts();
        let detail = detail(Some("Camille"));
        let parts = first(&f, Some(&detail));
        assert_eq!(
            comment(&parts),
            json!({
                "id": "facebook:1_1",
                "network": "facebook",
                "created_at": "2026-03-01T11:00:00Z",
                "author": "pseudo-0",
                "display_name": "Camille",
                "text": "L'ascenseur est en panne",
                "post_id": "facebook:1",
                "residence": "res-a",
                "territory": "ag-a",
                "labels": {
                    "category": "lift",
                    "urgency": "urgent",
                    "sentiment": "negative",
                    "author_kind": "tenant",
                },
                "answered": false,
                "first_reply_at": null,
                "sla": {"state": "late", "promise_hours": 4.0, "waited_hours": 5.12},
                "assigned_to": "ref@exemple.fr",
            })
        );
    }

    #[test]
    fn one_comment_adds_its_post_replies_notes_and_assignment() {
        let f = facts();
        let detail = CommentDetail {
            replies: vec![Reply {
                id: "facebook:1_2".into(),
                text: "Nous envoyons un technicien.".into(),
                at: 1_772_366_400,
                by: Some("com@exemple.fr".into()),
            }],
            notes: vec![Note {
                comment_id: "facebook:1_1".into(),
                author: "com@exemple.fr".into(),
                at: 1_772_366_400,
                text: "appelé le gardien".into(),
            }],
            assignment: Some(Assignment {
                comment_id: "facebook:1_1".into(),
                assignee: "ref@exemple.fr".into(),
                assigned_by: "com@exemple.fr".into(),
                assigned_at: 1_772_366_400,
            }),
            ..detail(None)
        };
        let parts = first(&f, Some(&detail));
        let v = comment_full(&parts);
        assert_eq!(
            v["post"],
            json!({"id": "facebook:1", "text": "texte facebook:1",
                   "permalink": "https://facebook.com/facebook:1"})
        );
        assert_eq!(
            v["replies"],
            json!([{"id": "facebook:1_2", "text": "Nous envoyons un technicien.",
                    "at": "2026-03-01T12:00:00Z", "by": "com@exemple.fr"}])
        );
        assert_eq!(v["notes"][0]["text"], "appelé le gardien");
        assert_eq!(v["assignment"]["assigned_by"], "com@exemple.fr");
        assert_eq!(v["display_name"], Value::Null);
    }

    #[test]
    fn a_vanished_comment_keeps_its_facts_and_has_no_text() {
        let f = facts();
        let parts = CommentParts {
            c: 1,
            territory: None,
            assigned_to: None,
            ..first(&f, None)
        };
        let v = comment_full(&parts);
        assert_eq!(v["text"], Value::Null);
        assert_eq!(v["author"], "pseudo-1");
        assert_eq!(v["territory"], Value::Null);
        assert_eq!(v["replies"], json!([]));
        assert_eq!(v["assignment"], Value::Null);
    }

    #[test]
    fn a_post_item_has_its_labels_metrics_and_engagement() {
        let f = facts();
        assert_eq!(
            post(&f, 1, Some(2)),
            json!({
                "id": "facebook:2",
                "network": "facebook",
                "account": "Habitat Test",
                "published_at": "2026-03-01T10:00:00Z",
                "text": "texte facebook:2",
                "permalink": "https://facebook.com/facebook:2",
                "residence": "res-b",
                "territory": "ag-b",
                "labels": {
                    "theme": "practical",
                    "secondary_themes": ["neighbourhood"],
                    "audience": "tenants",
                },
                "metrics": {
                    "reactions": 10.0, "comments": 2.0, "shares": null, "saves": null,
                    "link_clicks": null, "reach": 400.0, "impressions": null,
                },
                "engagement": 12.0,
            })
        );
    }

    #[test]
    fn a_residence_item_names_its_agency_and_counts() {
        let f = facts();
        let counts = ResidenceCounts {
            comments: 3,
            open_comments: 1,
            scans: 12,
        };
        assert_eq!(
            residence(&f, 0, counts),
            json!({
                "id": "res-a", "name": "Les Tilleuls",
                "agency": {"id": "ag-a", "name": "Territoire ag-a"},
                "homes": 40, "comments": 3, "open_comments": 1, "scans": 12,
            })
        );
    }
}
