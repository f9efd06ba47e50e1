-- What the KPIs need beyond the networks' data: satisfaction surveys,
-- declared residents' groups, and ambassadors' consent to be named.

CREATE TABLE surveys (
    scope       TEXT NOT NULL CHECK (scope IN ('territory', 'residence')),
    scope_id    TEXT NOT NULL,
    year        INTEGER NOT NULL,
    question    TEXT NOT NULL,
    score       REAL NOT NULL,
    respondents INTEGER NOT NULL CHECK (respondents >= 0),
    PRIMARY KEY (scope, scope_id, year, question)
);

-- A residents' group is an account of kind 'group'; its member counts are
-- follower_counts with source 'declared' (the Groups API no longer exists).
CREATE TABLE group_declarations (
    account_id  TEXT PRIMARY KEY REFERENCES accounts (id),
    url         TEXT NOT NULL UNIQUE,
    residences  TEXT NOT NULL,
    declared_at INTEGER NOT NULL
);

CREATE TABLE ambassador_consents (
    pseudonym   TEXT PRIMARY KEY REFERENCES authors (pseudonym) ON DELETE CASCADE,
    shown_as    TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    recorded_at INTEGER NOT NULL
);
