-- relais schema 5 (PostgreSQL): website traffic read from access logs, as daily
-- aggregates only (no address, agent or visitor hash is ever stored).

-- One row per log file imported: re-importing the same bytes is recognised.
CREATE TABLE traffic_imports (
    digest      TEXT PRIMARY KEY,
    site        TEXT NOT NULL,
    file_name   TEXT NOT NULL,
    format      TEXT NOT NULL,
    imported_at BIGINT NOT NULL,
    lines       BIGINT NOT NULL,
    malformed   BIGINT NOT NULL,
    bots        BIGINT NOT NULL,
    pageviews   BIGINT NOT NULL,
    visits      BIGINT NOT NULL
);

-- Visits that started on a Paris day from a source (a network's code,
-- relais, search, direct…) with a campaign ('' without) on a landing page,
-- and their page views. Files covering the same day add up.
CREATE TABLE traffic_daily (
    site      TEXT NOT NULL,
    day       TEXT NOT NULL,
    source    TEXT NOT NULL,
    campaign  TEXT NOT NULL,
    landing   TEXT NOT NULL,
    pageviews BIGINT NOT NULL,
    visits    BIGINT NOT NULL,
    PRIMARY KEY (site, day, source, campaign, landing)
);

CREATE INDEX traffic_daily_by_day ON traffic_daily (day);
