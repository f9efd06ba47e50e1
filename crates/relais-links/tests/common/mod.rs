//! Test support: a database with one agency, two residences and an allowed
//! domain; the redirect server on a port 0 listener; and a tiny HTTP/1.1
//! client over a plain socket, so that tests see exactly what goes on the
//! wire (status, every header) and can choose their source address.

#![allow(dead_code)]

use std::net::SocketAddr;
use std::num::NonZeroU32;
use std::time::Duration;

use relais_core::{Postcode, Residence, ResidenceId, Territory};
use relais_links::plan::{LinkRequest, plan_links};
use relais_links::{AllowedDomain, Channel, ServeReport, Settings};
use relais_store::testing::TestDb;
use relais_store::{LinkScope, LinkStore, SqlStore, Store, StoredLink};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpSocket, TcpStream};
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

pub const TARGET: &str = "https://www.bailleur.fr/actus?page=2";

/// A database with residences R1 (120 homes) and R2 (40 homes) and
/// `bailleur.fr` allowed.
pub async fn database(db: &TestDb) -> SqlStore {
    let store = SqlStore::open(&db.url).await.unwrap();
    let d = Territory::direction("Direction Est").unwrap();
    let a = Territory::agency("Agence Vaulx", &d.id).unwrap();
    let residence = |id: &str, name: &str, homes: u32| Residence {
        id: ResidenceId::parse(id).unwrap(),
        name: name.into(),
        aliases: vec![],
        street: "1 rue des Lilas".into(),
        postcode: Postcode::parse("69120").unwrap(),
        city: "Vaulx-en-Velin".into(),
        homes: NonZeroU32::new(homes).unwrap(),
        built_year: None,
        agency: a.id.clone(),
    };
    let rs = [
        residence("R1", "Les Tilleuls", 120),
        residence("R2", "Le Parc", 40),
    ];
    store.import_residences(&[d, a], &rs).await.unwrap();
    store.allow_link_domain("bailleur.fr").await.unwrap();
    store
}

/// Creates one link on residence `id` to [`TARGET`].
pub async fn link(store: &SqlStore, id: &str) -> StoredLink {
    let req = LinkRequest {
        target: TARGET,
        action: "Fête des voisins 2027",
        channel: Channel::Affiche,
    };
    let scope = LinkScope::Residence(ResidenceId::parse(id).unwrap());
    let allowed = [AllowedDomain::parse("bailleur.fr").unwrap()];
    let links = plan_links(&req, &[scope], &allowed, 0).unwrap();
    store.create_links(&links).await.unwrap();
    links.into_iter().next().unwrap()
}

/// A running server and the means to stop it.
pub struct Server {
    pub addr: SocketAddr,
    stop: oneshot::Sender<()>,
    task: JoinHandle<Result<ServeReport, relais_links::LinkError>>,
}

impl Server {
    pub async fn start(store: &SqlStore) -> Self {
        Self::start_with(store, Vec::new()).await
    }

    /// With these reverse proxies trusted for `X-Forwarded-For`.
    pub async fn start_with(store: &SqlStore, trusted_proxies: Vec<std::net::IpAddr>) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let (stop, rx) = oneshot::channel();
        let settings = Settings {
            flush_every: Duration::from_millis(100),
            cache_for: Duration::from_secs(5),
            trusted_proxies,
        };
        let task = tokio::spawn(relais_links::serve(
            listener,
            store.clone(),
            settings,
            async move {
                let _ = rx.await;
            },
        ));
        Server { addr, stop, task }
    }

    /// Stops the server cleanly; the last counts are written.
    pub async fn stop(self) -> ServeReport {
        let _ = self.stop.send(());
        self.task.await.unwrap().unwrap()
    }
}

/// One response as received.
#[derive(Debug)]
pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Response {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// A keep-alive connection, optionally from a chosen loopback address.
pub struct Client {
    conn: BufReader<TcpStream>,
}

impl Client {
    pub async fn connect(server: SocketAddr, from: Option<&str>) -> Self {
        let socket = TcpSocket::new_v4().unwrap();
        if let Some(ip) = from {
            socket.bind(format!("{ip}:0").parse().unwrap()).unwrap();
        }
        Client {
            conn: BufReader::new(socket.connect(server).await.unwrap()),
        }
    }

    pub async fn send(&mut self, method: &str, path: &str, user_agent: Option<&str>) -> Response {
        self.send_with(method, path, user_agent, "").await
    }

    /// With extra header lines (each ending in `\r\n`).
    pub async fn send_with(
        &mut self,
        method: &str,
        path: &str,
        user_agent: Option<&str>,
        extra: &str,
    ) -> Response {
        let ua = user_agent.map_or(String::new(), |u| format!("User-Agent: {u}\r\n"));
        let req = format!("{method} {path} HTTP/1.1\r\nHost: test\r\n{ua}{extra}\r\n");
        self.conn.get_mut().write_all(req.as_bytes()).await.unwrap();
        let mut line = String::new();
        self.conn.read_line(&mut line).await.unwrap();
        let status = line.split(' ').nth(1).unwrap().parse().unwrap();
        let mut headers = Vec::new();
        loop {
            line.clear();
            self.conn.read_line(&mut line).await.unwrap();
            let l = line.trim_end();
            if l.is_empty() {
                break;
            }
            let (n, v) = l.split_once(':').unwrap();
            headers.push((n.trim().to_string(), v.trim().to_string()));
        }
        let mut r = Response {
            status,
            headers,
            body: String::new(),
        };
        let len: usize = r.header("content-length").map_or(0, |v| v.parse().unwrap());
        if method != "HEAD" && len > 0 {
            let mut body = vec![0; len];
            self.conn.read_exact(&mut body).await.unwrap();
            r.body = String::from_utf8(body).unwrap();
        }
        r
    }
}

/// One request on a fresh connection.
pub async fn get(server: SocketAddr, path: &str, user_agent: Option<&str>) -> Response {
    Client::connect(server, None)
        .await
        .send("GET", path, user_agent)
        .await
}

pub const PHONE: &str =
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) Mobile/15E148 Safari/604.1";
