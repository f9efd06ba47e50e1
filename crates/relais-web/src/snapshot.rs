//! The facts the pages read, kept in memory and swapped whole when the
//! database changes: a page never waits for the database to compute a KPI,
//! and every page of one request sees one consistent state.
//!
//! The app reloads after each of its own writes (so a user sees what they
//! just did) and polls a cheap fingerprint for changes made elsewhere (an
//! import from the command line). KPI results are cached per snapshot.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, RwLock};

use relais_kpi::{Facts, Row};
use relais_store::{Assignment, StoreError};

use crate::app::AppStore;

/// One consistent state of the data.
pub struct Snapshot {
    pub facts: Facts,
    pub fingerprint: String,
    /// Comment id → index in `facts.comments`.
    pub comment_index: HashMap<String, usize>,
    /// Post id → index in `facts.posts`.
    pub post_index: HashMap<String, usize>,
    /// Residence id → index in `facts.residences`.
    pub residence_index: HashMap<String, usize>,
    /// Territory id → index in `facts.territories`.
    pub territory_index: HashMap<String, usize>,
    /// Comment id → its assignment.
    pub assignments: HashMap<String, Assignment>,
    /// KPI rows already computed on this snapshot, by query key.
    kpis: Mutex<HashMap<String, Arc<Vec<Row>>>>,
    /// Filtered and sorted comment lists, by filter and scope.
    lists: Mutex<HashMap<String, Arc<Vec<usize>>>>,
    /// Comment texts and display names already read, by comment id.
    texts: Mutex<HashMap<String, Arc<Text>>>,
}

/// What a list shows of a comment beyond the facts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Text {
    pub text: String,
    pub display_name: Option<String>,
}

/// A cache is a convenience: bounded, it is simply emptied when full.
fn remember<V: Clone>(map: &Mutex<HashMap<String, V>>, key: &str, value: V, max: usize) {
    let mut map = map.lock().expect("cache");
    if map.len() >= max {
        map.clear();
    }
    map.insert(key.to_string(), value);
}

impl Snapshot {
    /// A snapshot of `facts` (the store's, or a test's hand-built ones).
    pub(crate) fn from_facts(
        facts: Facts,
        fingerprint: String,
        assignments: Vec<Assignment>,
    ) -> Snapshot {
        let index = |ids: Vec<&String>| -> HashMap<String, usize> {
            ids.into_iter()
                .enumerate()
                .map(|(i, id)| (id.clone(), i))
                .collect()
        };
        Snapshot {
            comment_index: index(facts.comments.iter().map(|c| &c.id).collect()),
            post_index: index(facts.posts.iter().map(|p| &p.id).collect()),
            residence_index: index(facts.residences.iter().map(|r| &r.id).collect()),
            territory_index: index(facts.territories.iter().map(|t| &t.id).collect()),
            assignments: assignments
                .into_iter()
                .map(|a| (a.comment_id.clone(), a))
                .collect(),
            facts,
            fingerprint,
            kpis: Mutex::new(HashMap::new()),
            lists: Mutex::new(HashMap::new()),
            texts: Mutex::new(HashMap::new()),
        }
    }

    /// The KPI rows of `query`, computed once per snapshot.
    pub fn kpis(&self, key: &str, query: &relais_kpi::Query) -> Arc<Vec<Row>> {
        if let Some(rows) = self.kpis.lock().expect("kpi cache").get(key) {
            return rows.clone();
        }
        let rows = Arc::new(relais_kpi::compute(&self.facts, query));
        remember(&self.kpis, key, rows.clone(), 256);
        rows
    }

    /// A comment list, computed once per snapshot and key.
    pub fn list(&self, key: &str, compute: impl FnOnce() -> Vec<usize>) -> Arc<Vec<usize>> {
        if let Some(list) = self.lists.lock().expect("list cache").get(key) {
            return list.clone();
        }
        let list = Arc::new(compute());
        remember(&self.lists, key, list.clone(), 512);
        list
    }

    /// The texts already read among `ids`, and the ids still to read.
    pub fn texts(&self, ids: &[String]) -> (HashMap<String, Arc<Text>>, Vec<String>) {
        let cache = self.texts.lock().expect("text cache");
        let mut found = HashMap::new();
        let mut missing = Vec::new();
        for id in ids {
            match cache.get(id) {
                Some(t) => {
                    found.insert(id.clone(), t.clone());
                }
                None => missing.push(id.clone()),
            }
        }
        (found, missing)
    }

    /// Keeps texts read from the database (people's words: in memory only,
    /// gone with the snapshot).
    pub fn keep_text(&self, id: &str, text: Text) -> Arc<Text> {
        let text = Arc::new(text);
        remember(&self.texts, id, text.clone(), 20_000);
        text
    }

    /// The territory (agency, or direction) a comment belongs to: the
    /// residence it names, else its post's.
    pub fn comment_territory(&self, c: usize) -> Option<usize> {
        let f = &self.facts;
        let c = &f.comments[c];
        c.residence
            .map(|r| f.residence_agency(r))
            .or_else(|| f.post_territory(&f.posts[c.post]))
    }

    pub fn post_territory(&self, p: usize) -> Option<usize> {
        self.facts.post_territory(&self.facts.posts[p])
    }
}

/// The current snapshot and how to renew it.
pub struct Data {
    current: RwLock<Arc<Snapshot>>,
    reloading: tokio::sync::Mutex<()>,
}

impl Data {
    pub async fn load<S: AppStore>(store: &S) -> Result<Data, StoreError> {
        let snap = read(store).await?;
        Ok(Data {
            current: RwLock::new(Arc::new(snap)),
            reloading: tokio::sync::Mutex::new(()),
        })
    }

    pub fn current(&self) -> Arc<Snapshot> {
        self.current.read().expect("snapshot").clone()
    }

    /// Reloads when the database changed since the current snapshot.
    /// Concurrent calls wait for one another; the fingerprint covers every
    /// table the pages read, so an unchanged one means nothing to read.
    pub async fn refresh<S: AppStore>(&self, store: &S) -> Result<(), StoreError> {
        let _one = self.reloading.lock().await;
        let now = store.data_fingerprint().await?;
        if now == self.current().fingerprint {
            return Ok(());
        }
        let snap = read(store).await?;
        *self.current.write().expect("snapshot") = Arc::new(snap);
        Ok(())
    }
}

impl Data {
    /// Reads everything again, changed or not (after a change the
    /// fingerprint does not cover, such as texts erased by retention).
    pub async fn reload<S: AppStore>(&self, store: &S) -> Result<(), StoreError> {
        let _one = self.reloading.lock().await;
        let snap = read(store).await?;
        *self.current.write().expect("snapshot") = Arc::new(snap);
        Ok(())
    }
}

async fn read<S: AppStore>(store: &S) -> Result<Snapshot, StoreError> {
    // The fingerprint first: a change made during the read makes the next
    // check reload again rather than be missed.
    let fingerprint = store.data_fingerprint().await?;
    let facts = store.kpi_facts().await?;
    let assignments = store.assignments().await?;
    Ok(Snapshot::from_facts(facts, fingerprint, assignments))
}
