//! Asking Meta for insights metrics some of which it may refuse (code 100:
//! a deprecated metric, one an older API version does not know yet, or one
//! a kind of media does not have).
//!
//! The metrics are asked all at once; when Meta refuses, each is asked
//! alone, and a refused one is replaced by what the network's `fallback`
//! names (its successor, or on older API versions its predecessor: a
//! separate series) or dropped. The caller keeps the updated list, so later
//! posts ask it directly, and the notes say each refusal once.

use std::collections::BTreeSet;

use serde_json::Value;

use crate::graph::{Graph, GraphError};

/// What one asking needs besides the Graph client.
pub(crate) struct Ask<'a> {
    /// `{post-id}/insights`.
    pub path: &'a str,
    /// Which metric to ask when Meta refuses one.
    pub fallback: fn(&str) -> Option<&'static str>,
    /// The kind of media the list is for (`REELS`), named in the note of a
    /// metric dropped; `None` when one list serves every post.
    pub kind: Option<&'a str>,
}

/// The answers (each an insights listing) for `metrics`, which is updated
/// when Meta refuses some; a refusal is said in `notes`.
pub(crate) async fn ask(
    graph: &Graph,
    how: &Ask<'_>,
    metrics: &mut Vec<String>,
    notes: &mut BTreeSet<String>,
) -> Result<Vec<Value>, GraphError> {
    if metrics.is_empty() {
        return Ok(Vec::new());
    }
    let all = metrics.join(",");
    match graph.get(how.path, &[("metric", &all)]).await {
        Ok(v) => return Ok(vec![v]),
        Err(GraphError::Api { code: 100, .. }) => {}
        Err(e) => return Err(e),
    }
    let mut answers = Vec::new();
    for i in 0..metrics.len() {
        let mut tried = vec![metrics[i].clone()];
        loop {
            let name = tried.last().cloned().unwrap_or_default();
            match graph.get(how.path, &[("metric", &name)]).await {
                Ok(v) => {
                    answers.push(v);
                    break;
                }
                Err(GraphError::Api { code: 100, .. }) => {
                    let next = (how.fallback)(&name)
                        .filter(|n| !metrics.iter().chain(&tried).any(|m| m == n));
                    notes.insert(refused(&name, next, how.kind));
                    metrics[i] = next.unwrap_or_default().to_string();
                    match next {
                        Some(n) => tried.push(n.to_string()),
                        None => break,
                    }
                }
                Err(e) => return Err(e),
            }
        }
    }
    metrics.retain(|m| !m.is_empty());
    Ok(answers)
}

/// The note of a refused metric, in French and English. A replacement
/// comes with an API version, so it is said once whatever the media; a
/// metric dropped names the kind of media that lacks it.
fn refused(name: &str, next: Option<&str>, kind: Option<&str>) -> String {
    let (fr_kind, en_kind) = match kind {
        Some(k) => (format!(" pour les médias {k}"), format!(" for {k} media")),
        None => (String::new(), String::new()),
    };
    match next {
        Some(next) => format!(
            "Meta refuse la métrique {name} (code 100) : relais lit {next} à la place, une \
             série distincte. / Meta refuses metric {name} (code 100): relais reads {next} \
             instead, a separate series."
        ),
        None => format!(
            "Meta refuse la métrique {name} (code 100) : elle n'est plus lue{fr_kind}. \
             / Meta refuses metric {name} (code 100): it is no longer read{en_kind}."
        ),
    }
}
