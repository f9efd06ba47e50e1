-- relais schema 1 (SQLite). A shipped migration is never edited: add a new file.
-- Instants are INTEGER Unix seconds (UTC); days are TEXT YYYY-MM-DD; booleans INTEGER 0/1.

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE organisations (
    siren  TEXT PRIMARY KEY,
    name   TEXT NOT NULL,
    family TEXT NOT NULL CHECK (family IN ('OPH', 'ESH', 'Coop', 'SEM'))
);

CREATE TABLE territories (
    id        TEXT PRIMARY KEY,
    name      TEXT NOT NULL,
    kind      TEXT NOT NULL CHECK (kind IN ('direction', 'agency')),
    parent_id TEXT REFERENCES territories (id),
    CHECK ((kind = 'direction' AND parent_id IS NULL) OR (kind = 'agency' AND parent_id IS NOT NULL))
);

CREATE TABLE residences (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    aliases    TEXT NOT NULL,
    street     TEXT NOT NULL,
    postcode   TEXT NOT NULL,
    city       TEXT NOT NULL,
    homes      INTEGER NOT NULL CHECK (homes > 0),
    built_year INTEGER,
    agency_id  TEXT NOT NULL REFERENCES territories (id)
);
CREATE INDEX residences_agency ON residences (agency_id);

CREATE TABLE accounts (
    id           TEXT PRIMARY KEY,
    network      TEXT NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('page', 'collaborator', 'group')),
    handle       TEXT NOT NULL,
    network_id   TEXT NOT NULL,
    name         TEXT NOT NULL,
    territory_id TEXT REFERENCES territories (id),
    UNIQUE (network, network_id)
);

CREATE TABLE follower_counts (
    account_id TEXT NOT NULL REFERENCES accounts (id),
    day        TEXT NOT NULL,
    count      INTEGER NOT NULL CHECK (count >= 0),
    source     TEXT NOT NULL,
    PRIMARY KEY (account_id, day)
);

CREATE TABLE posts (
    id           TEXT PRIMARY KEY,
    network      TEXT NOT NULL,
    network_id   TEXT NOT NULL,
    account_id   TEXT NOT NULL REFERENCES accounts (id),
    published_at INTEGER NOT NULL,
    text         TEXT NOT NULL,
    permalink    TEXT,
    media        TEXT NOT NULL,
    residence_id TEXT REFERENCES residences (id),
    territory_id TEXT REFERENCES territories (id)
);
CREATE INDEX posts_account_published ON posts (account_id, published_at);

CREATE TABLE metric_snapshots (
    post_id        TEXT NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    observed_at    INTEGER NOT NULL,
    metric         TEXT NOT NULL,
    value          REAL NOT NULL,
    source         TEXT NOT NULL,
    source_version TEXT NOT NULL,
    PRIMARY KEY (post_id, metric, source, observed_at)
);

-- People who comment, known only by a keyed hash of their network id.
CREATE TABLE authors (
    pseudonym    TEXT PRIMARY KEY,
    network      TEXT NOT NULL,
    display_name TEXT
);

CREATE TABLE comments (
    id           TEXT PRIMARY KEY,
    network      TEXT NOT NULL,
    network_id   TEXT NOT NULL,
    post_id      TEXT NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    parent_id    TEXT REFERENCES comments (id) ON DELETE SET NULL,
    -- exactly one of the two: a person's pseudonym, or the landlord's account
    author       TEXT REFERENCES authors (pseudonym) ON DELETE CASCADE,
    account_id   TEXT REFERENCES accounts (id),
    text         TEXT NOT NULL,
    created_at   INTEGER NOT NULL,
    CHECK ((author IS NULL) <> (account_id IS NULL))
);
CREATE INDEX comments_post ON comments (post_id, created_at);
CREATE INDEX comments_parent ON comments (parent_id);
CREATE INDEX comments_author ON comments (author);

CREATE TABLE labels (
    subject_kind  TEXT NOT NULL CHECK (subject_kind IN ('post', 'comment')),
    subject_id    TEXT NOT NULL,
    field         TEXT NOT NULL,
    value         TEXT NOT NULL,
    source        TEXT NOT NULL CHECK (source IN ('model', 'human')),
    confidence    REAL,
    model_version TEXT,
    labelled_by   TEXT,
    PRIMARY KEY (subject_kind, subject_id, field, source, value),
    CHECK ((source = 'model' AND confidence IS NOT NULL AND model_version IS NOT NULL)
        OR (source = 'human' AND labelled_by IS NOT NULL))
);
CREATE INDEX labels_field_value ON labels (field, value);

CREATE TABLE users (
    email         TEXT PRIMARY KEY,
    name          TEXT NOT NULL,
    role          TEXT NOT NULL CHECK (role IN ('admin', 'communication', 'referent', 'auditor')),
    password_hash TEXT
);

CREATE TABLE user_territories (
    email        TEXT NOT NULL REFERENCES users (email) ON DELETE CASCADE,
    territory_id TEXT NOT NULL REFERENCES territories (id),
    PRIMARY KEY (email, territory_id)
);
