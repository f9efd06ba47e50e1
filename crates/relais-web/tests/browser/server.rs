//! The app on port 0 over a real SQLite file holding the demo landlord, with
//! an admin and a referent of an agency that has urgent messages waiting.

use std::net::SocketAddr;

use relais_core::Urgency;
use relais_core::demo::{DemoConfig, generate};
use relais_store::testing::TestDb;
use relais_store::{Role, SqlStore, Store, User, WebStore};

pub const PASSWORD: &str = "correct horse battery staple";
pub const ADMIN: &str = "admin@test.fr";
pub const REFERENT: &str = "referente@test.fr";

pub struct Server {
    pub base: String,
    /// The referent's agency: (id, name).
    pub agency: (String, String),
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    task: tokio::task::JoinHandle<()>,
    store: SqlStore,
    _db: TestDb,
}

pub async fn start() -> Server {
    let db = TestDb::sqlite();
    let store = SqlStore::open(&db.url).await.expect("open");
    let cfg = DemoConfig::new(1, None);
    store
        .replace_with_demo(cfg.seed, &cfg.secret(), &generate(&cfg))
        .await
        .expect("demo");
    let agency = urgent_agency(&store).await;
    let hash = relais_web::hash_password(PASSWORD);
    for (email, role, territories) in [
        (ADMIN, Role::Admin, vec![]),
        (REFERENT, Role::Referent, vec![agency.0.clone()]),
    ] {
        let name = email.split('@').next().unwrap_or_default().to_string();
        let password_hash = Some(hash.clone());
        let user = User {
            email: email.into(),
            name,
            role,
            territories,
            password_hash,
        };
        store.put_user(&user).await.expect("user");
    }
    let (router, _) = relais_web::router(store.clone(), relais_web::Settings::default())
        .await
        .expect("app");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let task = tokio::spawn(async move {
        let app = router.into_make_service_with_connect_info::<SocketAddr>();
        axum::serve(listener, app)
            .with_graceful_shutdown(async {
                let _ = stopped.await;
            })
            .await
            .unwrap();
    });
    Server {
        base,
        agency,
        stop: Some(stop),
        task,
        store,
        _db: db,
    }
}

/// The agency whose oldest waiting urgent message (the top of its inbox) is
/// the most recent: inside the KPIs' default period (the twelve months up to
/// the latest data), so answering it moves the agency's response rate.
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
        format!("{}{path}", self.base)
    }

    pub async fn stop(mut self) {
        if let Some(s) = self.stop.take() {
            let _ = s.send(());
        }
        let _ = self.task.await;
        self.store.close().await;
    }
}
