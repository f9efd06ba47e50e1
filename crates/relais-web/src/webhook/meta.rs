//! What a Meta webhook body says about comments, as plain values: the
//! Facebook Page `feed` changes on comments and the Instagram `comments`
//! (and `live_comments`) changes. No IO and no decision about who wrote a
//! comment: the caller knows the accounts.
//!
//! Every other change (a post, a reaction, a mention…) is skipped, as are
//! hidden and unhidden comments for now: hiding is a moderation choice on
//! the network, and the inbox keeps showing the comment until relais tracks
//! that state.

use relais_core::Network;
use serde_json::Value;

/// One change to apply.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    Add(Pushed),
    Edit {
        network: Network,
        comment_id: String,
        text: String,
    },
    Remove {
        network: Network,
        comment_id: String,
    },
}

/// A new comment as the network pushed it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pushed {
    pub network: Network,
    pub comment_id: String,
    pub post_id: String,
    /// The comment it answers (never the post itself).
    pub parent_id: Option<String>,
    pub from_id: String,
    /// The name (Facebook) or username (Instagram) shown on the network.
    pub from_name: Option<String>,
    pub text: String,
    /// Unix seconds.
    pub created_at: i64,
}

/// The changes of a webhook body, in order; `now` dates the events that
/// carry no time of their own.
pub fn changes(body: &Value, now: i64) -> Vec<Change> {
    let network = match body["object"].as_str() {
        Some("page") => Network::Facebook,
        Some("instagram") => Network::Instagram,
        _ => return Vec::new(),
    };
    let mut out = Vec::new();
    for entry in body["entry"].as_array().into_iter().flatten() {
        let at = entry["time"].as_i64().map_or(now, unix_seconds);
        for change in entry["changes"].as_array().into_iter().flatten() {
            let value = &change["value"];
            let found = match (network, change["field"].as_str()) {
                (Network::Facebook, Some("feed")) => facebook(value, at),
                (Network::Instagram, Some("comments" | "live_comments")) => instagram(value, at),
                _ => None,
            };
            out.extend(found);
        }
    }
    out
}

/// Meta's entry times are seconds, sometimes milliseconds.
fn unix_seconds(t: i64) -> i64 {
    if t > 100_000_000_000 { t / 1000 } else { t }
}

/// A text field, or an id Meta may send as a number.
fn text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn facebook(v: &Value, at: i64) -> Option<Change> {
    if v["item"].as_str() != Some("comment") {
        return None;
    }
    let network = Network::Facebook;
    let comment_id = text(&v["comment_id"])?;
    match v["verb"].as_str()? {
        "add" => {
            let post_id = text(&v["post_id"])?;
            let parent_id = text(&v["parent_id"]).filter(|p| *p != post_id);
            Some(Change::Add(Pushed {
                network,
                comment_id,
                post_id,
                parent_id,
                from_id: text(&v["from"]["id"])?,
                from_name: text(&v["from"]["name"]),
                text: v["message"].as_str().unwrap_or_default().to_string(),
                created_at: v["created_time"].as_i64().map_or(at, unix_seconds),
            }))
        }
        "edited" => Some(Change::Edit {
            network,
            comment_id,
            text: v["message"].as_str()?.to_string(),
        }),
        "remove" => Some(Change::Remove {
            network,
            comment_id,
        }),
        // hide / unhide: see the module's paragraph.
        _ => None,
    }
}

/// Instagram only tells of new comments.
fn instagram(v: &Value, at: i64) -> Option<Change> {
    Some(Change::Add(Pushed {
        network: Network::Instagram,
        comment_id: text(&v["id"])?,
        post_id: text(&v["media"]["id"])?,
        parent_id: text(&v["parent_id"]),
        from_id: text(&v["from"]["id"])?,
        from_name: text(&v["from"]["username"]),
        text: v["text"].as_str().unwrap_or_default().to_string(),
        created_at: at,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_facebook_reply_keeps_its_parent_and_a_top_level_comment_has_none() {
        let body = json!({"object": "page", "entry": [{"id": "1", "time": 5, "changes": [
            {"field": "feed", "value": {"item": "comment", "verb": "add", "comment_id": "2_3",
             "post_id": "1_2", "parent_id": "1_2", "from": {"id": "9", "name": "Ana"},
             "message": "Bonjour", "created_time": 7}},
            {"field": "feed", "value": {"item": "comment", "verb": "add", "comment_id": "2_4",
             "post_id": "1_2", "parent_id": "2_3", "from": {"id": 9}, "message": "Re"}},
            {"field": "feed", "value": {"item": "reaction", "verb": "add"}},
            {"field": "feed", "value": {"item": "comment", "verb": "hide", "comment_id": "2_3"}}
        ]}]});
        let found = changes(&body, 0);
        assert_eq!(found.len(), 2);
        let Change::Add(first) = &found[0] else {
            panic!("{found:?}")
        };
        assert_eq!(first.parent_id, None);
        assert_eq!(first.created_at, 7);
        let Change::Add(second) = &found[1] else {
            panic!("{found:?}")
        };
        assert_eq!(second.parent_id.as_deref(), Some("2_3"));
        assert_eq!(second.from_id, "9");
        assert_eq!(second.created_at, 5);
    }

    #[test]
    fn other_objects_and_fields_give_nothing() {
        for body in [
            json!({"object": "user", "entry": []}),
            json!({"object": "instagram", "entry": [{"changes": [{"field": "mentions"}]}]}),
            json!([1, 2]),
        ] {
            assert_eq!(changes(&body, 0), Vec::new(), "{body}");
        }
    }
}
