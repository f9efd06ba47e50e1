//! Properties of the whole demo landlord: determinism, size, and the story
//! it must tell (see `field.md`).

use std::collections::BTreeSet;

use super::*;
use crate::account::{AccountKind, Network};
use crate::comment::CommentAuthor;
use crate::label::{AuthorKind, Category, LabelValue, Theme, Urgency};

fn demo(seed: u64) -> Dataset {
    generate(&DemoConfig::new(seed, None))
}

#[test]
fn the_same_seed_gives_the_same_landlord_and_another_seed_another() {
    let a = format!("{:?}", demo(7));
    let b = format!("{:?}", demo(7));
    assert!(a == b, "two runs of seed 7 differ");
    assert_ne!(a, format!("{:?}", demo(8)));
}

#[test]
fn the_demo_has_the_size_the_issue_asks_for() {
    let d = demo(7);
    let directions = d.territories.iter().filter(|t| !t.is_agency()).count();
    let agencies = d.territories.iter().filter(|t| t.is_agency()).count();
    assert_eq!((directions, agencies), (3, 8));
    assert_eq!(d.residences.len(), 60);
    let people = d.comments.iter().filter(|c| !c.is_landlord_reply()).count();
    assert!(
        (17_000..=23_000).contains(&people),
        "{people} comments from people"
    );
    let replies = d.comments.len() - people;
    assert!(replies > 2_000 && replies < people, "{replies} replies");
    assert!(d.posts.len() > 900, "{} posts", d.posts.len());
    let kinds: BTreeSet<_> = d.accounts.iter().map(|a| (a.network, a.kind)).collect();
    for k in [
        (Network::Facebook, AccountKind::Page),
        (Network::Instagram, AccountKind::Page),
        (Network::Linkedin, AccountKind::Page),
        (Network::X, AccountKind::Page),
        (Network::Linkedin, AccountKind::Collaborator),
        (Network::Facebook, AccountKind::Group),
    ] {
        assert!(kinds.contains(&k), "missing {k:?}");
    }
    crate::organisation::check_tree(&d.territories).unwrap();
}

#[test]
fn every_theme_and_every_category_appears() {
    let d = demo(7);
    let mut themes = BTreeSet::new();
    let mut categories = BTreeSet::new();
    for l in &d.labels {
        match &l.value {
            LabelValue::Theme(t) => {
                themes.insert(*t);
            }
            LabelValue::Category(c) => {
                categories.insert(*c);
            }
            _ => {}
        }
    }
    assert_eq!(themes.len(), Theme::ALL.len(), "{themes:?}");
    assert_eq!(categories.len(), Category::ALL.len(), "{categories:?}");
}

#[test]
fn replies_answer_people_after_they_wrote_and_some_go_unanswered() {
    let d = demo(7);
    let by_key: std::collections::BTreeMap<_, _> = d.comments.iter().map(|c| (&c.key, c)).collect();
    let mut needing = 0;
    let mut answered = BTreeSet::new();
    for c in &d.comments {
        if let CommentAuthor::Landlord { .. } = c.author {
            let parent = by_key[c.parent.as_ref().expect("a reply has a parent")];
            assert!(c.created_at > parent.created_at);
            answered.insert(parent.key.clone());
        }
    }
    for l in &d.labels {
        if let (LabelValue::Urgency(u), crate::label::Subject::Comment(k)) = (&l.value, &l.subject)
            && *u != Urgency::None
            && !by_key[k].is_landlord_reply()
        {
            needing += 1;
        }
    }
    assert!(answered.len() < needing, "every comment was answered");
    assert!(
        answered.len() * 3 > needing,
        "{} of {needing} answered",
        answered.len()
    );
}

#[test]
fn tenants_are_the_main_voice_on_facebook_and_partners_on_linkedin() {
    let d = demo(7);
    let network_of = |k: &crate::comment::CommentKey| k.network;
    let mut fb = (0, 0);
    let mut li = (0, 0);
    for l in &d.labels {
        if let (LabelValue::AuthorKind(k), crate::label::Subject::Comment(key)) =
            (&l.value, &l.subject)
        {
            let slot = match network_of(key) {
                Network::Facebook => &mut fb,
                Network::Linkedin => &mut li,
                _ => continue,
            };
            match k {
                AuthorKind::Tenant => slot.0 += 1,
                AuthorKind::Partner => slot.1 += 1,
                _ => {}
            }
        }
    }
    assert!(
        fb.0 > 5 * fb.1,
        "facebook tenants {} partners {}",
        fb.0,
        fb.1
    );
    assert!(li.1 > li.0, "linkedin tenants {} partners {}", li.0, li.1);
}

#[test]
fn posts_and_comments_never_come_after_the_last_day() {
    let cfg = DemoConfig::new(3, NaiveDate::from_ymd_opt(2025, 12, 31));
    let d = generate(&cfg);
    let end = calendar::paris(cfg.until, 23, 59);
    assert!(d.posts.iter().all(|p| p.published_at <= end));
    assert!(d.comments.iter().all(|c| c.created_at <= end));
    assert!(
        d.followers
            .iter()
            .all(|f| f.day <= cfg.until && f.day >= cfg.start())
    );
}

#[test]
fn a_scaled_demo_is_copies_with_their_own_ids_and_people() {
    use std::collections::HashSet;
    let one = demo(5);
    let three = super::scale(&one, 3, &DemoConfig::new(5, None).secret());
    assert_eq!(three.posts.len(), 3 * one.posts.len());
    assert_eq!(three.comments.len(), 3 * one.comments.len());
    assert_eq!(three.labels.len(), 3 * one.labels.len());
    assert_eq!(three.residences.len(), 3 * one.residences.len());
    let posts: HashSet<String> = three.posts.iter().map(|p| p.key.stored()).collect();
    assert_eq!(posts.len(), three.posts.len(), "post keys are unique");
    let comments: HashSet<String> = three.comments.iter().map(|c| c.key.stored()).collect();
    assert_eq!(
        comments.len(),
        three.comments.len(),
        "comment keys are unique"
    );
    let people = |d: &Dataset| -> HashSet<String> {
        d.comments
            .iter()
            .filter_map(|c| match &c.author {
                crate::CommentAuthor::Person { pseudonym, .. } => {
                    Some(pseudonym.as_str().to_string())
                }
                crate::CommentAuthor::Landlord { .. } => None,
            })
            .collect()
    };
    assert_eq!(
        people(&three).len(),
        3 * people(&one).len(),
        "each copy has its own people"
    );
    // Every residence label names a residence of the scaled landlord.
    let ids: HashSet<&str> = three.residences.iter().map(|r| r.id.as_str()).collect();
    assert!(three.labels.iter().all(|l| match &l.value {
        crate::LabelValue::Residence(r) => ids.contains(r.as_str()),
        _ => true,
    }));
}
