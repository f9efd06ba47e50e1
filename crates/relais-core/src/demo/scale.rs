//! A landlord N times the demo's size, for benchmarks: N copies of the demo
//! landlord side by side (territories, residences, accounts, posts, comments,
//! people, labels), each copy with its own ids and its own people.

use crate::comment::{Comment, CommentAuthor, CommentKey};
use crate::ids::{NetworkId, ResidenceId, TerritoryId};
use crate::label::{Label, LabelValue, Subject};
use crate::organisation::{Territory, TerritoryKind};
use crate::post::PostKey;
use crate::{Account, Dataset, InstallationSecret};

fn suffix(raw: &str, copy: usize) -> String {
    if copy == 0 {
        raw.to_string()
    } else {
        format!("{raw}-x{copy}")
    }
}

fn tid(t: &TerritoryId, copy: usize) -> TerritoryId {
    TerritoryId::parse(&suffix(t.as_str(), copy)).expect("a suffixed slug is a slug")
}

fn rid(r: &ResidenceId, copy: usize) -> ResidenceId {
    ResidenceId::parse(&suffix(r.as_str(), copy)).expect("a suffixed id is an id")
}

fn nid(n: &NetworkId, copy: usize) -> NetworkId {
    NetworkId::parse(&suffix(n.as_str(), copy)).expect("a suffixed id is an id")
}

fn post_key(k: &PostKey, copy: usize) -> PostKey {
    PostKey {
        network: k.network,
        network_id: nid(&k.network_id, copy),
    }
}

fn comment_key(k: &CommentKey, copy: usize) -> CommentKey {
    CommentKey {
        network: k.network,
        network_id: nid(&k.network_id, copy),
    }
}

/// `times` copies of `data` (the first one unchanged); users are not copied.
pub fn scale(data: &Dataset, times: usize, secret: &InstallationSecret) -> Dataset {
    let mut out = Dataset {
        organisation: data.organisation.clone(),
        users: data.users.clone(),
        ..Dataset::default()
    };
    let name = |n: &str, copy: usize| {
        if copy == 0 {
            n.to_string()
        } else {
            format!("{n} ({})", copy + 1)
        }
    };
    for copy in 0..times.max(1) {
        out.territories
            .extend(data.territories.iter().map(|t| Territory {
                id: tid(&t.id, copy),
                name: name(&t.name, copy),
                kind: match &t.kind {
                    TerritoryKind::Direction => TerritoryKind::Direction,
                    TerritoryKind::Agency { direction } => TerritoryKind::Agency {
                        direction: tid(direction, copy),
                    },
                },
            }));
        out.residences.extend(data.residences.iter().map(|r| {
            let mut r = r.clone();
            r.id = rid(&r.id, copy);
            r.name = name(&r.name, copy);
            r.agency = tid(&r.agency, copy);
            r
        }));
        let account_id = |a: &crate::AccountId| -> crate::AccountId {
            let acc = data
                .accounts
                .iter()
                .find(|x| &x.id == a)
                .expect("known account");
            Account::make_id(acc.network, &suffix(&acc.handle, copy)).expect("a suffixed handle")
        };
        out.accounts.extend(data.accounts.iter().map(|a| Account {
            id: account_id(&a.id),
            handle: suffix(&a.handle, copy),
            network_id: nid(&a.network_id, copy),
            name: name(&a.name, copy),
            territory: a.territory.as_ref().map(|t| tid(t, copy)),
            ..a.clone()
        }));
        out.followers.extend(data.followers.iter().map(|f| {
            let mut f = f.clone();
            f.account = account_id(&f.account);
            f
        }));
        out.posts.extend(data.posts.iter().map(|p| {
            let mut p = p.clone();
            p.key = post_key(&p.key, copy);
            p.account = account_id(&p.account);
            p.residence = p.residence.as_ref().map(|r| rid(r, copy));
            p.territory = p.territory.as_ref().map(|t| tid(t, copy));
            p
        }));
        out.metrics.extend(data.metrics.iter().map(|m| {
            let mut m = m.clone();
            m.post = post_key(&m.post, copy);
            m
        }));
        out.comments.extend(data.comments.iter().map(|c| Comment {
            key: comment_key(&c.key, copy),
            post: post_key(&c.post, copy),
            parent: c.parent.as_ref().map(|p| comment_key(p, copy)),
            author: match &c.author {
                CommentAuthor::Person {
                    pseudonym,
                    display_name,
                } => CommentAuthor::Person {
                    pseudonym: if copy == 0 {
                        pseudonym.clone()
                    } else {
                        secret.pseudonym(c.key.network, &suffix(pseudonym.as_str(), copy))
                    },
                    display_name: display_name.clone(),
                },
                CommentAuthor::Landlord { account } => CommentAuthor::Landlord {
                    account: account_id(account),
                },
            },
            ..c.clone()
        }));
        out.labels.extend(data.labels.iter().map(|l| Label {
            subject: match &l.subject {
                Subject::Post(k) => Subject::Post(post_key(k, copy)),
                Subject::Comment(k) => Subject::Comment(comment_key(k, copy)),
            },
            value: match &l.value {
                LabelValue::Residence(r) => LabelValue::Residence(rid(r, copy)),
                v => v.clone(),
            },
            source: l.source.clone(),
        }));
    }
    out
}
