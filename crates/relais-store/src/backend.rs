//! Which database a URL names, and how to connect to it.
//!
//! SQLite is the default (one file, WAL, foreign keys on); PostgreSQL is for
//! teams. Only this module looks at URLs; it never prints a password.

use relais_core::Lang;

use crate::error::StoreError;

/// A supported database.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    pub fn name(self) -> &'static str {
        match self {
            Backend::Sqlite => "SQLite",
            Backend::Postgres => "PostgreSQL",
        }
    }

    pub(crate) fn connect_hint(self, lang: Lang) -> &'static str {
        match self {
            Backend::Sqlite => lang.pick(
                "Vérifiez que le dossier existe et que vous pouvez y écrire.",
                "Check that the folder exists and is writable.",
            ),
            Backend::Postgres => lang.pick(
                "Vérifiez que le serveur PostgreSQL est démarré, que l'hôte, le port, \
                 l'utilisateur, le mot de passe et la base sont justes.",
                "Check that the PostgreSQL server is running and that host, port, user, \
                 password and database are right.",
            ),
        }
    }
}

/// A checked database URL.
#[derive(Clone, PartialEq, Eq)]
pub struct DbUrl {
    pub backend: Backend,
    /// The URL handed to the driver.
    pub(crate) url: String,
}

impl std::fmt::Debug for DbUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "DbUrl({})", redact(&self.url))
    }
}

impl DbUrl {
    /// Parses `sqlite://PATH`, `sqlite:PATH`, `sqlite::memory:` or
    /// `postgres://…` / `postgresql://…`.
    pub fn parse(raw: &str) -> Result<Self, StoreError> {
        let raw = raw.trim();
        let bad = |fr, en| StoreError::BadUrl {
            url: redact(raw),
            reason: [fr, en],
        };
        if let Some(rest) = raw.strip_prefix("sqlite:") {
            let path = rest.strip_prefix("//").unwrap_or(rest);
            if path.is_empty() {
                return Err(bad(
                    "le chemin du fichier SQLite est vide",
                    "the SQLite file path is empty",
                ));
            }
            if path == ":memory:" {
                return Ok(Self {
                    backend: Backend::Sqlite,
                    url: "sqlite::memory:".into(),
                });
            }
            // Create the file when it does not exist yet.
            let url = if path.contains("mode=") {
                format!("sqlite://{path}")
            } else if path.contains('?') {
                format!("sqlite://{path}&mode=rwc")
            } else {
                format!("sqlite://{path}?mode=rwc")
            };
            return Ok(Self {
                backend: Backend::Sqlite,
                url,
            });
        }
        if raw.starts_with("postgres://") || raw.starts_with("postgresql://") {
            let parsed = url::Url::parse(raw).map_err(|_| {
                bad(
                    "l'adresse PostgreSQL est mal formée",
                    "the PostgreSQL URL is malformed",
                )
            })?;
            if parsed.host_str().is_none_or(str::is_empty) && !raw.contains("host=") {
                return Err(bad(
                    "il manque l'hôte du serveur PostgreSQL",
                    "the PostgreSQL server host is missing",
                ));
            }
            return Ok(Self {
                backend: Backend::Postgres,
                url: raw.to_string(),
            });
        }
        Err(bad(
            "seuls sqlite:// (par défaut) et postgres:// sont pris en charge",
            "only sqlite:// (the default) and postgres:// are supported",
        ))
    }

    /// The URL with any password replaced by `***`, for messages.
    /// The database file of a SQLite URL (`None` in memory or on PostgreSQL).
    pub fn sqlite_file(&self) -> Option<std::path::PathBuf> {
        let path = self.url.strip_prefix("sqlite://")?;
        let path = path.split(['?', '&']).next().unwrap_or(path);
        (!path.is_empty() && !path.contains(":memory:")).then(|| std::path::PathBuf::from(path))
    }

    pub fn redacted(&self) -> String {
        redact(&self.url)
    }
}

/// Hides the password of a URL (`postgres://u:***@h/db`), even a malformed one.
pub fn redact(raw: &str) -> String {
    let Some(scheme_end) = raw.find("://") else {
        return raw.to_string();
    };
    let rest = &raw[scheme_end + 3..];
    let authority_end = rest.find(['/', '?']).unwrap_or(rest.len());
    let authority = &rest[..authority_end];
    match (authority.rfind('@'), authority.find(':')) {
        (Some(at), Some(colon)) if colon < at => format!(
            "{}{}:***{}",
            &raw[..scheme_end + 3],
            &authority[..colon],
            &rest[at..]
        ),
        _ => raw.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sqlite_urls_get_create_mode_and_other_schemes_are_refused() {
        let u = DbUrl::parse("sqlite://relais.db").unwrap();
        assert_eq!(u.backend, Backend::Sqlite);
        assert_eq!(u.url, "sqlite://relais.db?mode=rwc");
        assert_eq!(
            DbUrl::parse("sqlite:x.db").unwrap().url,
            "sqlite://x.db?mode=rwc"
        );
        assert!(DbUrl::parse("mysql://a/b").is_err());
        assert!(DbUrl::parse("relais.db").is_err());
        assert!(DbUrl::parse("sqlite://").is_err());
    }

    #[test]
    fn passwords_never_show_in_messages() {
        let e = DbUrl::parse("postgres://bob:s3cret@/db")
            .unwrap_err()
            .message(Lang::En);
        assert!(!e.contains("s3cret"), "{e}");
        assert_eq!(
            redact("postgres://bob:s3cret@h:5432/db"),
            "postgres://bob:***@h:5432/db"
        );
        let u = DbUrl::parse("postgres://bob:s3cret@localhost/db").unwrap();
        assert!(!format!("{u:?}").contains("s3cret"));
        assert!(!u.redacted().contains("s3cret"));
    }
}
