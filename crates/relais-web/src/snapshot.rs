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
        }
    }

    /// The KPI rows of `query`, computed once per snapshot.
    pub fn kpis(&self, key: &str, query: &relais_kpi::Query) -> Arc<Vec<Row>> {
        if let Some(rows) = self.kpis.lock().expect("kpi cache").get(key) {
            return rows.clone();
        }
        let rows = Arc::new(relais_kpi::compute(&self.facts, query));
        let mut cache = self.kpis.lock().expect("kpi cache");
        // A cache is a convenience: bounded, it is simply emptied when full.
        if cache.len() > 256 {
            cache.clear();
        }
        cache.insert(key.to_string(), rows.clone());
        rows
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

async fn read<S: AppStore>(store: &S) -> Result<Snapshot, StoreError> {
    // The fingerprint first: a change made during the read makes the next
    // check reload again rather than be missed.
    let fingerprint = store.data_fingerprint().await?;
    let facts = store.kpi_facts().await?;
    let assignments = store.assignments().await?;
    Ok(Snapshot::from_facts(facts, fingerprint, assignments))
}
