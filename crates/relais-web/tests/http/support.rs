//! A real server on port 0 over a real database (SQLite file, or a fresh
//! PostgreSQL database), the demo landlord, one user per role, and a plain
//! HTTP client that keeps each user's session cookie and CSRF token.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use relais_core::demo::{DemoConfig, generate};
use relais_store::testing::TestDb;
use relais_store::{Role, SqlStore, Store, TokenRow, User, WebStore};
use relais_web::{App, Settings};
use reqwest::StatusCode;
use reqwest::header::{COOKIE, HeaderMap, LOCATION, SET_COOKIE};

pub const PASSWORD: &str = "correct horse battery staple";

pub struct Server {
    pub base: String,
    pub store: SqlStore,
    pub app: Arc<App<SqlStore>>,
    pub http: reqwest::Client,
    /// Two agencies with open tenant comments: (agency id, an open comment id there).
    pub a: (String, String),
    pub b: (String, String),
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    task: Option<tokio::task::JoinHandle<()>>,
}

/// A logged-in user.
#[derive(Clone)]
pub struct Session {
    pub cookie: String,
    pub csrf: String,
}

/// The users of the stories, by role.
pub const USERS: &[(&str, Role)] = &[
    ("admin@test.fr", Role::Admin),
    ("com@test.fr", Role::Communication),
    ("refa@test.fr", Role::Referent),
    ("refb@test.fr", Role::Referent),
    ("audit@test.fr", Role::Auditor),
];

pub async fn start(db: &TestDb, settings: Settings) -> Server {
    let store = SqlStore::open(&db.url).await.expect("open");
    let cfg = DemoConfig::new(1, None);
    let data = generate(&cfg);
    store
        .replace_with_demo(cfg.seed, &cfg.secret(), &data)
        .await
        .expect("demo");
    // Two agencies that each have an open tenant comment.
    let (a, b) = two_agencies(&store).await;
    let hash = relais_web::hash_password(PASSWORD);
    for (email, role) in USERS {
        let territories = match *email {
            "refa@test.fr" => vec![a.0.clone()],
            "refb@test.fr" => vec![b.0.clone()],
            _ => vec![],
        };
        store
            .put_user(&User {
                email: email.to_string(),
                name: email.split('@').next().unwrap().to_string(),
                role: *role,
                territories,
                password_hash: Some(hash.clone()),
            })
            .await
            .expect("user");
    }
    let (router, app) = relais_web::router(store.clone(), settings)
        .await
        .expect("app");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let task = tokio::spawn(async move {
        axum::serve(
            listener,
            router.into_make_service_with_connect_info::<SocketAddr>(),
        )
        .with_graceful_shutdown(async {
            let _ = stopped.await;
        })
        .await
        .unwrap();
    });
    Server {
        base: format!("http://{addr}"),
        store,
        app,
        http: reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .timeout(Duration::from_secs(60))
            .build()
            .unwrap(),
        a,
        b,
        stop: Some(stop),
        task: Some(task),
    }
}

/// Two agencies with an open (urgent first) tenant comment each.
async fn two_agencies(store: &SqlStore) -> ((String, String), (String, String)) {
    let facts = store.kpi_facts().await.unwrap();
    let mut found: Vec<(String, String)> = Vec::new();
    // The most recent first: inside the KPIs' default period.
    let mut order: Vec<usize> = (0..facts.comments.len()).collect();
    order.sort_by_key(|&c| std::cmp::Reverse(facts.comments[c].created_at));
    for c in order.into_iter().map(|c| &facts.comments[c]) {
        if c.is_landlord() || c.first_reply_at.is_some() {
            continue;
        }
        if !matches!(
            c.urgency,
            Some(relais_core::Urgency::Urgent | relais_core::Urgency::Normal)
        ) {
            continue;
        }
        let post = &facts.posts[c.post];
        let Some(t) = c
            .residence
            .map(|r| facts.residence_agency(r))
            .or_else(|| facts.post_agency(post))
        else {
            continue;
        };
        let agency = facts.territories[t].id.clone();
        if !found.iter().any(|(a, _)| *a == agency) {
            found.push((agency, c.id.clone()));
        }
        if found.len() == 2 {
            break;
        }
    }
    assert_eq!(found.len(), 2, "the demo has open comments in two agencies");
    (found[0].clone(), found[1].clone())
}

impl Server {
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub async fn stop(mut self) {
        if let Some(s) = self.stop.take() {
            let _ = s.send(());
        }
        if let Some(t) = self.task.take() {
            let _ = t.await;
        }
        self.store.close().await;
    }

    /// Logs in through the form; panics unless it works.
    pub async fn login(&self, email: &str) -> Session {
        let (status, session) = self.try_login(email, PASSWORD).await;
        assert_eq!(status, StatusCode::SEE_OTHER, "login of {email}");
        let mut s = session.expect("session cookie");
        // Any page carries the session's CSRF token in its forms.
        let page = self.get_with(&s, "/").await;
        assert_eq!(page.0, StatusCode::OK, "dashboard of {email}");
        s.csrf = csrf_in(&page.1).expect("a csrf field");
        s
    }

    /// The login form's round trip: its status and the session, if any.
    pub async fn try_login(&self, email: &str, password: &str) -> (StatusCode, Option<Session>) {
        let form = self.http.get(self.url("/login")).send().await.unwrap();
        let login_cookie = cookie_of(form.headers(), "relais_login").expect("login cookie");
        let body = form.text().await.unwrap();
        let token = csrf_in(&body).expect("login csrf");
        let r = self
            .http
            .post(self.url("/login"))
            .header(COOKIE, format!("relais_login={login_cookie}"))
            .form(&[
                ("csrf", token.as_str()),
                ("email", email),
                ("password", password),
                ("next", "/"),
            ])
            .send()
            .await
            .unwrap();
        let status = r.status();
        let session = cookie_of(r.headers(), "relais_session")
            .filter(|v| !v.is_empty())
            .map(|v| Session {
                cookie: format!("relais_session={v}"),
                csrf: String::new(),
            });
        (status, session)
    }

    pub async fn get_with(&self, s: &Session, path: &str) -> (StatusCode, String) {
        let r = self
            .http
            .get(self.url(path))
            .header(COOKIE, &s.cookie)
            .send()
            .await
            .unwrap();
        (r.status(), r.text().await.unwrap())
    }

    pub async fn post_form(
        &self,
        s: &Session,
        path: &str,
        fields: &[(&str, &str)],
    ) -> (StatusCode, String, Option<String>) {
        let mut all: Vec<(&str, &str)> = vec![("csrf", s.csrf.as_str())];
        all.extend_from_slice(fields);
        let r = self
            .http
            .post(self.url(path))
            .header(COOKIE, &s.cookie)
            .form(&all)
            .send()
            .await
            .unwrap();
        let location = r
            .headers()
            .get(LOCATION)
            .map(|v| v.to_str().unwrap().to_string());
        (r.status(), r.text().await.unwrap(), location)
    }

    pub async fn token_for(&self, email: &str) -> String {
        let value = relais_web::new_token();
        self.store
            .create_token(&TokenRow {
                id_hash: relais_web::token_hash(&value),
                prefix: value.chars().take(12).collect(),
                email: email.into(),
                name: "tests".into(),
                created_at: 0,
                last_used: None,
            })
            .await
            .unwrap();
        value
    }

    pub async fn api_get(&self, token: &str, path: &str) -> (StatusCode, serde_json::Value) {
        let r = self
            .http
            .get(self.url(path))
            .bearer_auth(token)
            .send()
            .await
            .unwrap();
        let status = r.status();
        let text = r.text().await.unwrap();
        (
            status,
            serde_json::from_str(&text).unwrap_or(serde_json::Value::String(text)),
        )
    }

    pub async fn api_post(
        &self,
        token: &str,
        path: &str,
        body: serde_json::Value,
    ) -> (StatusCode, serde_json::Value) {
        let r = self
            .http
            .post(self.url(path))
            .bearer_auth(token)
            .json(&body)
            .send()
            .await
            .unwrap();
        let status = r.status();
        let text = r.text().await.unwrap();
        (
            status,
            serde_json::from_str(&text).unwrap_or(serde_json::Value::String(text)),
        )
    }
}

pub fn cookie_of(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .filter_map(|v| v.split(';').next())
        .filter_map(|kv| kv.split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_string())
}

pub fn set_cookie_line(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with(&format!("{name}=")))
        .map(str::to_string)
}

pub fn csrf_in(html: &str) -> Option<String> {
    let at = html.find("name=\"csrf\" value=\"")? + "name=\"csrf\" value=\"".len();
    Some(html[at..].split('"').next()?.to_string())
}

/// Path-encodes an id (`facebook:1_2` → `facebook%3A1_2`).
pub fn enc(id: &str) -> String {
    url::form_urlencoded::byte_serialize(id.as_bytes()).collect()
}

/// Runs a story on SQLite, and on PostgreSQL when configured.
#[macro_export]
macro_rules! story {
    ($($name:ident),+ $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    let db = relais_store::testing::TestDb::sqlite();
                    super::$name(&db).await;
                    db.cleanup().await;
                }
            )+
        }
        mod postgres {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    if let Some(db) = relais_store::testing::TestDb::postgres().await {
                        super::$name(&db).await;
                        db.cleanup().await;
                    }
                }
            )+
        }
    };
}
