-- relais schema 3 (PostgreSQL): retrained text classifiers.
CREATE TABLE models (
    name       TEXT PRIMARY KEY,
    version    TEXT NOT NULL,
    bytes      BYTEA NOT NULL,
    trained_at BIGINT NOT NULL
);
