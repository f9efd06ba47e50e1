//! The conversation under the demo landlord's posts: tenants' comments with
//! their true category, urgency, sentiment, author kind and residence, the
//! neighbours answering each other, and the landlord's replies, written in
//! office hours with realistic delays, some never written.

use std::collections::BTreeMap;

use chrono::Datelike;

use super::calendar::{heating_season, local, next_office_time};
use super::corpus::places::{FIRST_NAMES, LANDLORD};
use super::corpus::replies::REPLIES;
use super::corpus::{CommentTemplate, style};
use super::landlord::Landlord;
use super::people::People;
use super::posts::DemoPost;
use super::rng::Rng;
use crate::account::{AccountKind, Network};
use crate::comment::{Comment, CommentAuthor, CommentKey};
use crate::ids::NetworkId;
use crate::label::{AuthorKind, Category, Label, LabelValue, Sentiment, Subject, Theme, Urgency};
use crate::time::Timestamp;

/// Comments, replies and their labels.
#[derive(Debug, Default)]
pub struct Conversation {
    pub comments: Vec<Comment>,
    pub labels: Vec<Label>,
    /// Comments (all authors) per post, in the order of the posts.
    pub per_post: Vec<u64>,
}

/// Who comments on which kind of account.
fn author_weights(network: Network, kind: AccountKind) -> [f64; 5] {
    // tenant, employee, partner, public, unknown
    match (network, kind) {
        (Network::Facebook, AccountKind::Group) => [0.93, 0.0, 0.01, 0.05, 0.01],
        (Network::Facebook, _) => [0.70, 0.03, 0.04, 0.19, 0.04],
        (Network::Instagram, _) => [0.45, 0.04, 0.03, 0.44, 0.04],
        (Network::Linkedin, AccountKind::Collaborator) => [0.02, 0.40, 0.43, 0.15, 0.0],
        (Network::Linkedin, _) => [0.05, 0.25, 0.40, 0.29, 0.01],
        (Network::X, _) => [0.45, 0.0, 0.10, 0.42, 0.03],
    }
}

const AUTHOR_KINDS: [AuthorKind; 5] = [
    AuthorKind::Tenant,
    AuthorKind::Employee,
    AuthorKind::Partner,
    AuthorKind::Public,
    AuthorKind::Unknown,
];

/// How likely a post of a theme draws a comment of a category.
fn affinity(theme: Theme, c: Category) -> f64 {
    use Category::*;
    use Theme as T;
    match (theme, c) {
        (_, Spam) => 0.4,
        (T::Practical, Lift | HeatingHotWater | WaterDamp | Works | Cleanliness) => 3.0,
        (T::Practical, Question) => 2.0,
        (T::Practical, RentCharges) => 1.5,
        (T::Building, Works) => 4.0,
        (T::Building, Question | HousingRequest) => 2.0,
        (T::Building, Praise) => 1.5,
        (T::Heritage | T::Neighbourhood, Praise) => 4.0,
        (T::Heritage | T::Neighbourhood, OffTopic) => 1.5,
        (T::Institutional, Praise) => 3.0,
        (T::Employer, Question | Praise) => 2.0,
        (T::HomeOwnership, HousingRequest) => 3.0,
        (T::HomeOwnership, Question) => 2.5,
        (T::Participation, Question) => 2.0,
        (T::Participation, Praise) => 1.5,
        (T::Participation | T::Solidarity, RentCharges) => 1.4,
        (T::Solidarity, Praise) => 2.5,
        (T::Environment, Cleanliness) => 2.5,
        (T::Environment, Praise) => 1.5,
        (_, OffTopic) => 0.8,
        (_, HousingRequest | Question | Praise) => 1.0,
        _ => 0.7,
    }
}

/// The share of comments needing an answer that the landlord answers.
fn reply_rate(network: Network, urgency: Urgency) -> f64 {
    let base: f64 = match network {
        Network::Facebook => 0.74,
        Network::Instagram => 0.58,
        Network::Linkedin => 0.7,
        Network::X => 0.33,
    };
    if urgency == Urgency::Urgent {
        (base + 0.15).min(0.95)
    } else {
        base
    }
}

struct Templates {
    all: Vec<CommentTemplate>,
    /// Template indexes by author kind and category.
    by_kind: BTreeMap<(AuthorKind, Category), Vec<usize>>,
}

impl Templates {
    fn load() -> Self {
        let all = super::corpus::comments::all();
        let mut by_kind: BTreeMap<(AuthorKind, Category), Vec<usize>> = BTreeMap::new();
        for (i, t) in all.iter().enumerate() {
            let k = AuthorKind::parse(t.author_kind).expect("demo codes");
            let c = Category::parse(t.category).expect("demo codes");
            by_kind.entry((k, c)).or_default().push(i);
        }
        Self { all, by_kind }
    }

    fn pick(&self, rng: &mut Rng, post: &DemoPost, month: u32) -> Option<&CommentTemplate> {
        let weights = author_weights(post.post.key.network, post.kind);
        let kind = AUTHOR_KINDS[rng.weighted(&weights)];
        let winter = heating_season(month);
        let options: Vec<(Category, Vec<usize>)> = Category::ALL
            .iter()
            .filter_map(|c| {
                let idx: Vec<usize> = self
                    .by_kind
                    .get(&(kind, *c))?
                    .iter()
                    .copied()
                    .filter(|i| winter || !self.all[*i].winter)
                    .collect();
                (!idx.is_empty()).then_some((*c, idx))
            })
            .collect();
        if options.is_empty() {
            return None;
        }
        let w: Vec<f64> = options
            .iter()
            .map(|(c, _)| affinity(post.theme, *c))
            .collect();
        let (_, idx) = &options[rng.weighted(&w)];
        Some(&self.all[*rng.pick(idx)])
    }
}

struct Ids {
    counter: u64,
}

impl Ids {
    fn next(&mut self, post: &DemoPost, at: Timestamp) -> NetworkId {
        self.counter += 1;
        let n = self.counter;
        let post_id = post.post.key.network_id.as_str();
        let id = match post.post.key.network {
            Network::Facebook => {
                let local = post_id.rsplit('_').next().unwrap_or(post_id);
                format!("{local}_{}", 3_000_000_000_000_000 + n * 7_927)
            }
            Network::Instagram => format!("{}", 18_000_000_000_000_000u64 + n * 4_409),
            Network::Linkedin => {
                let ms = at.unix() as u64 * 1000 + n % 1000;
                format!(
                    "urn:li:comment:({post_id},{})",
                    (ms << 22) | (n & 0x3F_FFFF)
                )
            }
            Network::X => {
                let ms = at.unix() as u64 * 1000 + n % 1000;
                format!("{}", ((ms - 1_288_834_974_657) << 22) | (n & 0x3F_FFFF))
            }
        };
        NetworkId::parse(&id).expect("demo comment id")
    }
}

fn model(rng: &mut Rng) -> crate::label::LabelSource {
    crate::label::LabelSource::Model {
        version: super::LABEL_VERSION.to_string(),
        confidence: crate::label::Confidence::new(
            ((0.62 + rng.unit() * 0.37) * 100.0).round() / 100.0,
        )
        .expect("in range"),
    }
}

/// The whole conversation, about `target` comments from people.
pub fn generate(
    rng: &mut Rng,
    landlord: &Landlord,
    posts: &[DemoPost],
    people: &People,
    end: Timestamp,
    target: f64,
) -> Conversation {
    let templates = Templates::load();
    let pulls = pulls(posts);
    let total: f64 = pulls.iter().sum();
    let team: Vec<&str> = (0..3).map(|_| *rng.pick(FIRST_NAMES)).collect();
    let mut ids = Ids { counter: 0 };
    let mut out = Conversation::default();
    for (post, pull) in posts.iter().zip(&pulls) {
        let before = out.comments.len();
        let n = rng.poisson(target * pull / total);
        let mut written: Vec<(CommentKey, Timestamp)> = Vec::new();
        for _ in 0..n {
            let delay = rng.log_normal((3.0f64 * 3600.0).ln(), 1.3) as i64;
            let mut at = post.post.published_at.plus_secs(delay.max(60));
            let parent = if !written.is_empty() && rng.chance(0.12) {
                let (key, parent_at) = rng.pick(&written).clone();
                at = at.max(parent_at.plus_secs(rng.range(120, 7_200)));
                Some(key)
            } else {
                None
            };
            if at > end {
                continue;
            }
            let Some(t) = templates.pick(rng, post, local(at).month()) else {
                continue;
            };
            let key = CommentKey {
                network: post.post.key.network,
                network_id: ids.next(post, at),
            };
            let said = say(rng, landlord, post, t);
            let kind = AuthorKind::parse(t.author_kind).expect("demo codes");
            let person = people.pick(rng, post.post.key.network, kind);
            out.comments.push(Comment {
                key: key.clone(),
                post: post.post.key.clone(),
                parent,
                author: CommentAuthor::Person {
                    pseudonym: person.pseudonym.clone(),
                    display_name: Some(person.display_name.clone()),
                },
                text: said.text,
                created_at: at,
            });
            let subject = Subject::Comment(key.clone());
            let category = Category::parse(t.category).expect("demo codes");
            let urgency = Urgency::parse(t.urgency).expect("demo codes");
            let mut values = vec![
                LabelValue::Category(category),
                LabelValue::Urgency(urgency),
                LabelValue::Sentiment(Sentiment::parse(t.sentiment).expect("demo codes")),
                LabelValue::AuthorKind(kind),
            ];
            if let Some(r) = said.residence {
                values.push(LabelValue::Residence(
                    landlord.residences[r].residence.id.clone(),
                ));
            }
            for value in values {
                out.labels.push(Label {
                    subject: subject.clone(),
                    value,
                    source: model(rng),
                });
            }
            written.push((key.clone(), at));
            let answer = post.kind == AccountKind::Page
                && (urgency != Urgency::None
                    && rng.chance(reply_rate(post.post.key.network, urgency))
                    || category == Category::Praise && rng.chance(0.2));
            if answer {
                let agency = said
                    .residence
                    .map(|r| landlord.residences[r].agency)
                    .or(post.agency);
                reply(
                    rng,
                    &mut out,
                    &mut ids,
                    landlord,
                    post,
                    &key,
                    at,
                    end,
                    category,
                    urgency,
                    said.residence,
                    agency,
                    &team,
                );
            }
        }
        out.per_post.push((out.comments.len() - before) as u64);
    }
    out
}

/// How much each post draws comments: its theme and account, and its reach
/// relative to its network's usual reach.
fn pulls(posts: &[DemoPost]) -> Vec<f64> {
    let mut by_network: BTreeMap<Network, Vec<f64>> = BTreeMap::new();
    for p in posts {
        by_network
            .entry(p.post.key.network)
            .or_default()
            .push(p.reach);
    }
    let medians: BTreeMap<Network, f64> = by_network
        .into_iter()
        .map(|(n, mut v)| {
            v.sort_by(f64::total_cmp);
            (n, v[v.len() / 2].max(1.0))
        })
        .collect();
    posts
        .iter()
        .map(|p| p.comment_pull * (p.reach / medians[&p.post.key.network]).sqrt())
        .collect()
}

struct Said {
    text: String,
    residence: Option<usize>,
}

/// Fills a template for a comment on `post`.
fn say(rng: &mut Rng, landlord: &Landlord, post: &DemoPost, t: &CommentTemplate) -> Said {
    let names = t.text.contains("{residence}") || t.text.contains("{street}");
    let r = match post.residence {
        Some(r) if rng.chance(0.65) => r,
        _ => rng.below(landlord.residences.len() as u64) as usize,
    };
    let home = &landlord.residences[r];
    let name = if !home.residence.aliases.is_empty() && rng.chance(0.3) {
        rng.pick(&home.residence.aliases).clone()
    } else {
        home.residence.name.clone()
    };
    // The caretaker of a residence keeps one first name.
    let caretaker = FIRST_NAMES[(r * 31 + 7) % FIRST_NAMES.len()];
    let bat = ["A", "B", "C", "D", "E", "F"][rng.below(6) as usize];
    let vars = [
        ("residence", name),
        ("street", home.street.clone()),
        ("bat", bat.to_string()),
        ("floor", rng.range(1, 14).to_string()),
        ("first_name", caretaker.to_string()),
        ("n", rng.range(2, 21).to_string()),
        ("city", home.residence.city.clone()),
        ("landlord", LANDLORD.name.to_string()),
        (
            "link",
            format!("https://offre-logement-{}.example/go", rng.range(10, 99)),
        ),
    ];
    let pairs: Vec<(&str, &str)> = vars.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let varied = style::vary(t.text, t.sentiment, rng);
    Said {
        text: super::french::contract(&style::render(&varied, &pairs), &vars[0].1),
        residence: names.then_some(r),
    }
}

#[allow(clippy::too_many_arguments)]
fn reply(
    rng: &mut Rng,
    out: &mut Conversation,
    ids: &mut Ids,
    landlord: &Landlord,
    post: &DemoPost,
    to: &CommentKey,
    at: Timestamp,
    end: Timestamp,
    category: Category,
    urgency: Urgency,
    residence: Option<usize>,
    agency: Option<usize>,
    team: &[&str],
) {
    let median_hours: f64 = match urgency {
        Urgency::Urgent => 1.5,
        _ => 9.0,
    };
    let delay = rng.log_normal((median_hours * 3600.0).ln(), 1.1) as i64;
    let when = next_office_time(at.plus_secs(delay.max(300)), rng);
    if when > end {
        return;
    }
    let fitting: Vec<f64> = REPLIES
        .iter()
        .map(|r| {
            if r.categories.contains(&category.code()) {
                3.0
            } else if r.categories.is_empty() {
                1.0
            } else {
                0.0
            }
        })
        .collect();
    let template = &REPLIES[rng.weighted(&fitting)];
    let agency = agency.unwrap_or_else(|| rng.below(landlord.agencies.len() as u64) as usize);
    let vars = [
        (
            "residence",
            residence.map_or("votre résidence".to_string(), |r| {
                landlord.residences[r].residence.name.clone()
            }),
        ),
        ("agency", landlord.agencies[agency].name.clone()),
        ("first_name", rng.pick(team).to_string()),
        ("website", LANDLORD.website.to_string()),
    ];
    let pairs: Vec<(&str, &str)> = vars.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let key = CommentKey {
        network: post.post.key.network,
        network_id: ids.next(post, when),
    };
    out.comments.push(Comment {
        key: key.clone(),
        post: post.post.key.clone(),
        parent: Some(to.clone()),
        author: CommentAuthor::Landlord {
            account: post.post.account.clone(),
        },
        text: match residence {
            Some(r) => super::french::contract(
                &style::render(template.text, &pairs),
                &landlord.residences[r].residence.name,
            ),
            None => style::render(template.text, &pairs),
        },
        created_at: when,
    });
    for value in [
        LabelValue::AuthorKind(AuthorKind::Landlord),
        LabelValue::Urgency(Urgency::None),
    ] {
        out.labels.push(Label {
            subject: Subject::Comment(key.clone()),
            value,
            source: model(rng),
        });
    }
}
