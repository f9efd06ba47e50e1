//! The demo landlord: a deterministic fictional social landlord.
//!
//! Same seed and same end date, same data, byte for byte.

// pub mod corpus; (wired once the corpus files land)
pub mod rng;
