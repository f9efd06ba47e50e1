-- relais schema 6 (PostgreSQL): short links and QR posters, counted per day without personal data.
-- A link points at a residence or at a territory (agency or direction), never both.

CREATE TABLE link_domains (
    domain TEXT PRIMARY KEY
);

CREATE TABLE links (
    code         TEXT PRIMARY KEY,
    target       TEXT NOT NULL,
    residence_id TEXT REFERENCES residences (id),
    territory_id TEXT REFERENCES territories (id),
    action       TEXT NOT NULL,
    action_slug  TEXT NOT NULL,
    channel      TEXT NOT NULL CHECK (channel IN ('affiche', 'flyer', 'evenement', 'courrier')),
    created_at   BIGINT NOT NULL,
    CHECK ((residence_id IS NULL) <> (territory_id IS NULL))
);
CREATE INDEX links_residence ON links (residence_id);
CREATE INDEX links_territory ON links (territory_id);

-- Counts only: no address, no user agent, no hash of either.
CREATE TABLE link_daily (
    code    TEXT NOT NULL REFERENCES links (code) ON DELETE CASCADE,
    day     TEXT NOT NULL,
    scans   BIGINT NOT NULL CHECK (scans >= 0),
    uniques BIGINT NOT NULL CHECK (uniques >= 0),
    bots    BIGINT NOT NULL CHECK (bots >= 0),
    PRIMARY KEY (code, day)
);
CREATE INDEX link_daily_day ON link_daily (day);
