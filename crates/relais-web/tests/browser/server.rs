//! The HTTP tests' server (a real one on port 0 over a real SQLite file with
//! the demo landlord and one user per role), plus a referent of the agency
//! whose urgent messages the browser story answers.

use relais_core::Urgency;
use relais_store::testing::TestDb;
use relais_store::{Role, SqlStore, Store, User, WebStore};

pub use crate::support::PASSWORD;

pub const ADMIN: &str = "admin@test.fr";
pub const REFERENT: &str = "referente@test.fr";

pub struct Server {
    inner: crate::support::Server,
    /// The referent's agency: (id, name).
    pub agency: (String, String),
    _db: TestDb,
}

pub async fn start() -> Server {
    let db = TestDb::sqlite();
    let inner = crate::support::start(&db, relais_web::Settings::default()).await;
    let agency = urgent_agency(&inner.store).await;
    let referent = User {
        email: REFERENT.into(),
        name: "Référente".into(),
        role: Role::Referent,
        territories: vec![agency.0.clone()],
        password_hash: Some(relais_web::hash_password(PASSWORD)),
    };
    inner.store.put_user(&referent).await.expect("referent");
    // The app caches no user list: the new referent can log in at once.
    Server {
        inner,
        agency,
        _db: db,
    }
}

/// An agency with urgent messages waiting: the one whose oldest such message
/// (the top of its inbox) is the most recent.
async fn urgent_agency(store: &SqlStore) -> (String, String) {
    let f = store.kpi_facts().await.expect("facts");
    let mut oldest: std::collections::BTreeMap<usize, i64> = Default::default();
    for c in &f.comments {
        if c.is_landlord() || c.first_reply_at.is_some() || c.urgency != Some(Urgency::Urgent) {
            continue;
        }
        let agency = c
            .residence
            .map(|r| f.residence_agency(r))
            .or_else(|| f.post_agency(&f.posts[c.post]));
        if let Some(t) = agency {
            let at = oldest.entry(t).or_insert(c.created_at);
            *at = (*at).min(c.created_at);
        }
    }
    let (&t, _) = oldest
        .iter()
        .max_by_key(|&(t, at)| (*at, std::cmp::Reverse(*t)))
        .expect("the demo has urgent messages waiting");
    let t = &f.territories[t];
    (t.id.clone(), t.name.clone())
}

impl Server {
    pub fn url(&self, path: &str) -> String {
        self.inner.url(path)
    }

    pub async fn stop(self) {
        self.inner.stop().await;
    }
}
