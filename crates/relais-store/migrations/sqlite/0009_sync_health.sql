-- relais schema 9 (SQLite): each connection's health for the admin page, and the
-- comments hidden on their network from the inbox.

-- When the last run started (whatever its outcome) and what the last good
-- run wrote (JSON: posts, comments, replies, metrics, followers).
ALTER TABLE connections ADD COLUMN last_attempt INTEGER;
ALTER TABLE connections ADD COLUMN last_summary TEXT;

-- A comment hidden on its network (it showed personal data, insults…): by
-- whom and when. Showing it again deletes the row.
CREATE TABLE inbox_hidden (
    comment_id TEXT PRIMARY KEY REFERENCES comments (id) ON DELETE CASCADE,
    by_email   TEXT NOT NULL,
    at         INTEGER NOT NULL
);
