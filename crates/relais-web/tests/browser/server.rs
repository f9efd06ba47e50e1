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
    connections(&inner.store).await;
    // The app caches no user list: the new referent can log in at once.
    Server {
        inner,
        agency,
        _db: db,
    }
}

/// Two Facebook accounts connected, one whose last run went well and one
/// whose token died, so that the connections' page has all its parts.
async fn connections(store: &SqlStore) {
    use relais_store::{ConnectStore, Store, StoredConnection};
    let accounts = store.accounts().await.expect("accounts");
    let facebook = accounts
        .iter()
        .filter(|a| a.network == relais_core::Network::Facebook);
    let summary = r#"{"posts":3,"comments":5,"replies":1,"metrics":21,"followers":1234}"#;
    for (a, error) in facebook.zip([None, Some("connexion : le jeton a expiré (code 190).")]) {
        let c = StoredConnection {
            id: a.id.to_string(),
            network: "facebook".into(),
            account: a.id.clone(),
            api_base: "https://graph.facebook.com/v25.0".into(),
            token_ciphertext: "00".into(),
            token_nonce: "00".into(),
            created_at: 1_773_000_000,
            last_success: None,
            last_error: None,
            next_run: None,
        };
        store.save_connection(&c).await.expect("connection");
        store
            .record_run(&c.id, 1_773_100_800, error, Some(summary))
            .await
            .expect("run");
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
