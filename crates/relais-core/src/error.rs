//! The domain's own error: a value that does not make sense.
//!
//! It names what was wrong and what was expected; callers that know the
//! place (file, line, column, field) wrap it with that place.

use thiserror::Error;

/// A value rejected by a domain constructor.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DomainError {
    #[error("{what} is empty")]
    Empty { what: &'static str },
    #[error("{what} `{value}` is not valid: expected {expected}")]
    Invalid {
        what: &'static str,
        value: String,
        expected: &'static str,
    },
    #[error("unknown {what} `{value}`: expected one of {expected}")]
    UnknownCode {
        what: &'static str,
        value: String,
        expected: String,
    },
}
