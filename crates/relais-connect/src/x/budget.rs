//! The monthly read budget of an X connection. Pure: how many results the
//! next call may ask, given what this month already read.
//!
//! X bills every post and every user it returns (posts in `data`, users in
//! `includes.users`, an account looked up), so each counts as one read. A
//! call may not ask more than what remains, and X asks at least 5 results
//! (`max_results` is 5 to 100): below that, the budget is spent. A mentions
//! page may bring one author per post, so it asks half of what remains.

use relais_core::Timestamp;

/// Post reads a month when nothing else is said (about 50 US dollars at
/// X's 2026 price of $0.005 a post read).
pub const DEFAULT_X_POST_READS_PER_MONTH: u64 = 10_000;

/// X's bounds of `max_results` on timelines.
const MIN_RESULTS: u64 = 5;
const MAX_RESULTS: u64 = 100;

/// What a connection may still read this month.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Budget {
    /// `YYYY-MM`, in UTC.
    pub month: String,
    pub limit: u64,
    /// Read this month before this run.
    pub before: u64,
    /// Read by this run.
    pub run: u64,
    /// Reads kept for a later call of the run (the account lookup).
    pub reserved: u64,
}

impl Budget {
    pub fn new(now: Timestamp, limit: u64, before: u64) -> Self {
        Self {
            month: now.utc().format("%Y-%m").to_string(),
            limit,
            before,
            run: 0,
            reserved: 0,
        }
    }

    /// The cursor stream holding this month's count (`x_reads:2026-03`).
    pub fn stream(&self) -> String {
        format!("x_reads:{}", self.month)
    }

    /// Read this month, this run included.
    pub fn used(&self) -> u64 {
        self.before + self.run
    }

    /// What may still be read, the reserve kept aside.
    pub fn free(&self) -> u64 {
        self.limit
            .saturating_sub(self.used())
            .saturating_sub(self.reserved)
    }

    /// The `max_results` of the next listing call, each result costing
    /// `per_result` reads at most; `None` when the budget is spent.
    pub fn ask(&self, per_result: u64) -> Option<u64> {
        let n = (self.free() / per_result.max(1)).min(MAX_RESULTS);
        (n >= MIN_RESULTS).then_some(n)
    }

    /// Whether one more read (a lookup) fits, the reserve included.
    pub fn fits_one(&self) -> bool {
        self.used() < self.limit
    }

    pub fn spend(&mut self, reads: u64) {
        self.run += reads;
    }

    /// The note said when the budget stops a run, in French and English.
    pub fn spent_note(&self) -> String {
        let (used, limit, month) = (self.used(), self.limit, &self.month);
        format!(
            "Budget de lectures X atteint : {used} lectures en {month} sur {limit} autorisées. \
             relais reprendra où il s'est arrêté le mois prochain ; pour lire davantage dès \
             maintenant, relancez avec `relais sync --x-read-budget N` (X facture 0,005 $ par \
             publication lue, 0,010 $ par compte). / X read budget reached: {used} reads in \
             {month} out of {limit} allowed. relais resumes where it stopped next month; to read \
             more now, run `relais sync --x-read-budget N` (X bills $0.005 per post read, $0.010 \
             per user)."
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn budget(limit: u64, before: u64) -> Budget {
        Budget::new(Timestamp::from_unix(1_773_100_800).unwrap(), limit, before)
    }

    #[test]
    fn a_call_asks_at_most_what_remains_and_at_most_a_hundred() {
        assert_eq!(budget(10_000, 0).ask(1), Some(100));
        assert_eq!(budget(30, 3).ask(1), Some(27));
        assert_eq!(budget(30, 3).ask(2), Some(13));
        let mut b = budget(30, 3);
        b.reserved = 1;
        assert_eq!(b.ask(1), Some(26));
    }

    #[test]
    fn fewer_than_five_results_left_is_a_spent_budget() {
        assert_eq!(budget(30, 26).ask(1), None);
        assert_eq!(budget(30, 25).ask(1), Some(5));
        assert_eq!(budget(30, 21).ask(2), None);
        assert_eq!(budget(30, 40).ask(1), None, "over the limit is spent too");
    }

    #[test]
    fn each_month_has_its_own_count() {
        let b = budget(10, 0);
        assert_eq!(b.stream(), "x_reads:2026-03");
        let april = Budget::new(Timestamp::from_unix(1_775_001_600).unwrap(), 10, 0);
        assert_eq!(april.stream(), "x_reads:2026-04");
    }

    #[test]
    fn the_note_says_what_was_read_and_how_to_raise_the_budget() {
        let mut b = budget(100, 90);
        b.spend(7);
        assert!(b.fits_one());
        b.spend(3);
        assert!(!b.fits_one(), "100 of 100: no lookup fits");
        b.run = 7;
        let note = b.spent_note();
        assert!(note.contains("97 lectures en 2026-03 sur 100"), "{note}");
        assert!(note.contains("97 reads in 2026-03 out of 100"), "{note}");
        assert!(note.contains("--x-read-budget"), "{note}");
    }
}
