//! The inbox's and the posts' filters, shared by the pages and the API:
//! which comments and posts a user sees, in which order, and how late an
//! answer is against the service promise.

use relais_core::{Audience, Category, Lang, Network, Sentiment, Theme, Urgency};
use relais_kpi::calendar::business_hours;
use relais_kpi::kpis::{PROMISE_HOURS, URGENT_PROMISE_HOURS};
use serde::Deserialize;

use crate::scope::Scope;
use crate::snapshot::Snapshot;

/// An empty form field means "any".
fn given(v: &str) -> Option<&str> {
    let v = v.trim();
    (!v.is_empty()).then_some(v)
}

/// A refused value: the message names the field and what is accepted.
pub(crate) fn refused(field: &str, v: &str, known: &str, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("{field} « {v} » inconnu ; valeurs possibles : {known}"),
        Lang::En => format!("{field} \"{v}\" unknown; possible values: {known}"),
    }
}

/// What is accepted for an id: the ids a command lists.
pub(crate) fn ids_of(command: &str, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("les identifiants de `{command}`"),
        Lang::En => format!("the ids `{command}` prints"),
    }
}

/// Refuses a field whose value is not a code of `$ty`.
macro_rules! check_code {
    ($field:literal, $v:expr, $ty:ty, $lang:expr) => {
        if let Some(v) = given($v)
            && <$ty>::parse(v).is_err()
        {
            let known: Vec<&str> = <$ty>::ALL.iter().map(|x| x.code()).collect();
            return Err(refused($field, v, &known.join(", "), $lang));
        }
    };
}

/// Refuses a value outside `allowed`.
fn one_of(field: &str, v: &str, allowed: &[&str], lang: Lang) -> Result<(), String> {
    match given(v) {
        Some(v) if !allowed.contains(&v) => Err(refused(field, v, &allowed.join(", "), lang)),
        _ => Ok(()),
    }
}

/// Refuses an unknown territory or residence id.
fn check_places(
    snap: &Snapshot,
    field: &str,
    territory: &str,
    residence: &str,
    lang: Lang,
) -> Result<(), String> {
    if let Some(v) = given(territory)
        && !snap.territory_index.contains_key(v)
    {
        return Err(refused(
            field,
            v,
            &ids_of("relais territory list", lang),
            lang,
        ));
    }
    if let Some(v) = given(residence)
        && !snap.residence_index.contains_key(v)
    {
        return Err(refused(
            "residence",
            v,
            &ids_of("relais residence list", lang),
            lang,
        ));
    }
    Ok(())
}

/// The inbox's filters (query parameters of `/inbox` and `/api/v1/comments`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct CommentFilter {
    /// A territory id: an agency, or a direction (all its agencies).
    pub agency: String,
    pub residence: String,
    pub network: String,
    pub category: String,
    pub urgency: String,
    pub sentiment: String,
    /// `24h`, `7d`, `30d` (received within) or `older` (more than 30 days).
    pub age: String,
    /// `open` (needs an answer, none yet: the default), `answered`, `all`.
    pub status: String,
    /// `me`, `none` (unassigned) or a user's email.
    pub assigned: String,
    pub page: Option<usize>,
    pub per_page: Option<usize>,
}

/// What the status filter keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Open,
    Answered,
    All,
}

impl CommentFilter {
    pub fn status(&self) -> Status {
        match given(&self.status) {
            Some("answered") => Status::Answered,
            Some("all") => Status::All,
            _ => Status::Open,
        }
    }

    /// A wrong code is an error naming the field, not an empty list.
    pub fn check(&self, snap: &Snapshot, lang: Lang) -> Result<(), String> {
        check_code!("category", &self.category, Category, lang);
        check_code!("urgency", &self.urgency, Urgency, lang);
        check_code!("sentiment", &self.sentiment, Sentiment, lang);
        check_code!("network", &self.network, Network, lang);
        check_places(snap, "agency", &self.agency, &self.residence, lang)?;
        one_of("age", &self.age, &["24h", "7d", "30d", "older"], lang)?;
        one_of("status", &self.status, &["open", "answered", "all"], lang)
    }
}

/// Whether a comment asks for an answer (urgency other than `none`), as the
/// response KPIs count it.
pub fn needs_answer(snap: &Snapshot, c: usize) -> bool {
    let cm = &snap.facts.comments[c];
    !cm.is_landlord() && matches!(cm.urgency, Some(Urgency::Urgent | Urgency::Normal))
}

/// The tenants' comments a user sees through `filter`: open ones urgent
/// first then oldest first (the first to answer on top); otherwise newest
/// first.
pub fn comments(
    snap: &Snapshot,
    scope: &Scope,
    filter: &CommentFilter,
    me: &str,
    now: i64,
) -> Vec<usize> {
    let f = &snap.facts;
    let status = filter.status();
    let territory = given(&filter.agency).and_then(|t| snap.territory_index.get(t).copied());
    let residence = given(&filter.residence).and_then(|r| snap.residence_index.get(r).copied());
    let network = given(&filter.network).and_then(|v| Network::parse(v).ok());
    let category = given(&filter.category).and_then(|v| Category::parse(v).ok());
    let urgency = given(&filter.urgency).and_then(|v| Urgency::parse(v).ok());
    let sentiment = given(&filter.sentiment).and_then(|v| Sentiment::parse(v).ok());
    let age = given(&filter.age);
    let assigned = given(&filter.assigned);
    let mut out: Vec<usize> = (0..f.comments.len())
        .filter(|&c| {
            let cm = &f.comments[c];
            if cm.is_landlord() || !scope.comment(snap, c) {
                return false;
            }
            let keep_status = match status {
                Status::Open => needs_answer(snap, c) && cm.first_reply_at.is_none(),
                Status::Answered => cm.first_reply_at.is_some(),
                Status::All => true,
            };
            let place = snap.comment_territory(c);
            let keep_place = territory
                .is_none_or(|t| place.is_some_and(|p| p == t || f.direction_of(p) == t))
                && residence.is_none_or(|r| cm.residence == Some(r));
            let days = (now - cm.created_at) / 86_400;
            let keep_age = match age {
                Some("24h") => now - cm.created_at <= 86_400,
                Some("7d") => days < 7,
                Some("30d") => days < 30,
                Some("older") => days >= 30,
                _ => true,
            };
            let assignee = snap.assignments.get(&cm.id).map(|a| a.assignee.as_str());
            let keep_assigned = match assigned {
                None => true,
                Some("none") => assignee.is_none(),
                Some("me") => assignee == Some(me),
                Some(email) => assignee == Some(email),
            };
            keep_status
                && keep_place
                && keep_age
                && keep_assigned
                && network.is_none_or(|n| f.accounts[f.posts[cm.post].account].network == n)
                && category.is_none_or(|v| cm.category == Some(v))
                && urgency.is_none_or(|v| cm.urgency == Some(v))
                && sentiment.is_none_or(|v| cm.sentiment == Some(v))
        })
        .collect();
    if status == Status::Open {
        out.sort_by_key(|&c| {
            let cm = &f.comments[c];
            (cm.urgency != Some(Urgency::Urgent), cm.created_at, c)
        });
    } else {
        out.sort_by_key(|&c| (std::cmp::Reverse(f.comments[c].created_at), c));
    }
    out
}

/// [`comments`], cached on the snapshot per filter and scope (the page
/// number aside): the inbox's default view costs one scan per snapshot.
pub fn cached_comments(
    snap: &Snapshot,
    scope: &Scope,
    filter: &CommentFilter,
    me: &str,
    now: i64,
) -> std::sync::Arc<Vec<usize>> {
    let who = if scope.is_all() { "all" } else { me };
    let assigned = if filter.assigned.trim() == "me" {
        me
    } else {
        ""
    };
    // Age filters move with the clock: an hour's precision is enough.
    let hour = if given(&filter.age).is_some() {
        now / 3600
    } else {
        0
    };
    let key = format!(
        "{who}|{assigned}|{hour}|{}|{}|{}|{}|{}|{}|{}|{}|{}",
        filter.agency,
        filter.residence,
        filter.network,
        filter.category,
        filter.urgency,
        filter.sentiment,
        filter.age,
        filter.status,
        filter.assigned
    );
    snap.list(&key, || comments(snap, scope, filter, me, now))
}

/// Where an answer stands against the service promise (urgent: 4 business
/// hours; others: 48).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SlaState {
    /// Answered within the promise.
    Kept,
    /// Answered, late.
    AnsweredLate,
    /// Waiting, more than a quarter of the promise left.
    Waiting,
    /// Waiting, less than a quarter left.
    Soon,
    /// Waiting beyond the promise.
    Late,
    /// Needs no answer.
    None,
}

#[derive(Debug, Clone, Copy)]
pub struct Sla {
    pub state: SlaState,
    /// The promise in business hours.
    pub promise: f64,
    /// Business hours waited (until the answer, or until now).
    pub waited: f64,
}

pub fn sla(snap: &Snapshot, c: usize, now: i64) -> Sla {
    let cm = &snap.facts.comments[c];
    let promise = if cm.urgency == Some(Urgency::Urgent) {
        URGENT_PROMISE_HOURS
    } else {
        PROMISE_HOURS
    };
    let end = cm.first_reply_at.unwrap_or(now).max(cm.created_at);
    let waited = business_hours(cm.created_at, end);
    let state = if !needs_answer(snap, c) {
        SlaState::None
    } else if cm.first_reply_at.is_some() {
        if waited <= promise {
            SlaState::Kept
        } else {
            SlaState::AnsweredLate
        }
    } else if waited > promise {
        SlaState::Late
    } else if waited > promise * 0.75 {
        SlaState::Soon
    } else {
        SlaState::Waiting
    };
    Sla {
        state,
        promise,
        waited,
    }
}

/// The posts' filters (query parameters of `/posts` and `/api/v1/posts`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct PostFilter {
    pub network: String,
    pub theme: String,
    pub audience: String,
    /// A territory id: an agency, or a direction (all its agencies).
    pub territory: String,
    pub residence: String,
    /// Words the text must contain (case-insensitive).
    pub q: String,
    pub page: Option<usize>,
    pub per_page: Option<usize>,
}

impl PostFilter {
    /// A wrong code is an error naming the field, not an empty list.
    pub fn check(&self, snap: &Snapshot, lang: Lang) -> Result<(), String> {
        check_code!("network", &self.network, Network, lang);
        check_code!("theme", &self.theme, Theme, lang);
        check_code!("audience", &self.audience, Audience, lang);
        check_places(snap, "territory", &self.territory, &self.residence, lang)
    }
}

/// The posts a user sees through `filter`, newest first.
pub fn posts(snap: &Snapshot, scope: &Scope, filter: &PostFilter) -> Vec<usize> {
    let f = &snap.facts;
    let territory = given(&filter.territory).and_then(|t| snap.territory_index.get(t).copied());
    let residence = given(&filter.residence).and_then(|r| snap.residence_index.get(r).copied());
    let network = given(&filter.network).and_then(|v| Network::parse(v).ok());
    let theme = given(&filter.theme).and_then(|v| Theme::parse(v).ok());
    let audience = given(&filter.audience).and_then(|v| Audience::parse(v).ok());
    let words: Vec<String> = filter
        .q
        .split_whitespace()
        .map(|w| w.to_lowercase())
        .collect();
    let mut out: Vec<usize> = (0..f.posts.len())
        .filter(|&p| {
            let post = &f.posts[p];
            let place = snap.post_territory(p);
            scope.post(snap, p)
                && territory.is_none_or(|t| place.is_some_and(|x| x == t || f.direction_of(x) == t))
                && residence.is_none_or(|r| post.residence == Some(r))
                && network.is_none_or(|n| f.accounts[post.account].network == n)
                && theme.is_none_or(|t| post.theme == Some(t))
                && audience.is_none_or(|a| post.audience == Some(a))
                && (words.is_empty() || {
                    let text = post.text.to_lowercase();
                    words.iter().all(|w| text.contains(w.as_str()))
                })
        })
        .collect();
    out.sort_by_key(|&p| (std::cmp::Reverse(f.posts[p].published_at), p));
    out
}

/// One page of a list: (the items, the page number, the number of pages).
pub fn paginate<T: Copy>(
    items: &[T],
    page: Option<usize>,
    per_page: Option<usize>,
) -> (Vec<T>, usize, usize) {
    let per = per_page.unwrap_or(50).clamp(1, 200);
    let pages = items.len().div_ceil(per).max(1);
    let page = page.unwrap_or(1).clamp(1, pages);
    let start = (page - 1) * per;
    (
        items.iter().skip(start).take(per).copied().collect(),
        page,
        pages,
    )
}
