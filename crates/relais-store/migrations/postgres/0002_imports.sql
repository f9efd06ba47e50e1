-- relais schema 2 (PostgreSQL): imported export files and account-level daily metrics.

-- One row per file imported: re-importing the same bytes is recognised.
CREATE TABLE imports (
    digest      TEXT PRIMARY KEY,
    file_name   TEXT NOT NULL,
    format      TEXT NOT NULL,
    account_id  TEXT REFERENCES accounts (id),
    imported_at BIGINT NOT NULL,
    rows        BIGINT NOT NULL
);

-- What a page's daily series say about the whole account on one day.
CREATE TABLE account_metrics (
    account_id TEXT NOT NULL REFERENCES accounts (id),
    day        TEXT NOT NULL,
    metric     TEXT NOT NULL,
    value      DOUBLE PRECISION NOT NULL,
    source     TEXT NOT NULL,
    PRIMARY KEY (account_id, day, metric, source)
);
