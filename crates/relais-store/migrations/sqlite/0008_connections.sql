-- relais schema 8 (SQLite): API connections to the networks and where each sync stopped.
-- A connection's token is stored encrypted (ChaCha20-Poly1305, key outside the database):
-- the ciphertext and its nonce, both hex; never the token itself.

CREATE TABLE connections (
    id               TEXT PRIMARY KEY,
    network          TEXT NOT NULL,
    account_id       TEXT NOT NULL UNIQUE REFERENCES accounts (id),
    api_base         TEXT NOT NULL,
    token_ciphertext TEXT NOT NULL,
    token_nonce      TEXT NOT NULL,
    created_at       INTEGER NOT NULL,
    last_success     INTEGER,
    last_error       TEXT,
    next_run         INTEGER
);

-- One row per stream of a connection (`posts`, `comments:<post id>`): the
-- `since` value or cursor the next run starts from.
CREATE TABLE sync_cursors (
    connection_id TEXT NOT NULL REFERENCES connections (id) ON DELETE CASCADE,
    stream        TEXT NOT NULL,
    value         TEXT NOT NULL,
    updated_at    INTEGER NOT NULL,
    PRIMARY KEY (connection_id, stream)
);
