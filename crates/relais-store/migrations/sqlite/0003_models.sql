-- relais schema 3 (SQLite): retrained text classifiers.
CREATE TABLE models (
    name       TEXT PRIMARY KEY,
    version    TEXT NOT NULL,
    bytes      BLOB NOT NULL,
    trained_at INTEGER NOT NULL
);
