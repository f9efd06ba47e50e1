-- relais schema 7 (SQLite): the web app. Sessions and API tokens are kept as
-- the SHA-256 of the value their holder has, never the value itself; the
-- inbox's own state (assignments, replies recorded from relais, internal
-- notes) goes with the comment it is about, and the saved replies.

CREATE TABLE sessions (
    id_hash    TEXT PRIMARY KEY,
    email      TEXT NOT NULL REFERENCES users (email) ON DELETE CASCADE,
    csrf       TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    last_seen  INTEGER NOT NULL
);
CREATE INDEX sessions_email ON sessions (email);

CREATE TABLE api_tokens (
    id_hash    TEXT PRIMARY KEY,
    prefix     TEXT NOT NULL UNIQUE,
    email      TEXT NOT NULL REFERENCES users (email) ON DELETE CASCADE,
    name       TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    last_used  INTEGER
);
CREATE INDEX api_tokens_email ON api_tokens (email);

-- Sensitive actions. Actors and subjects are plain text, not foreign keys:
-- a line outlives the user or the comment it names.
CREATE TABLE action_log (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    at      INTEGER NOT NULL,
    actor   TEXT NOT NULL,
    action  TEXT NOT NULL,
    subject TEXT NOT NULL,
    detail  TEXT NOT NULL
);

CREATE TABLE inbox_assignments (
    comment_id  TEXT PRIMARY KEY REFERENCES comments (id) ON DELETE CASCADE,
    assignee    TEXT NOT NULL REFERENCES users (email) ON DELETE CASCADE,
    assigned_by TEXT NOT NULL,
    assigned_at INTEGER NOT NULL
);
CREATE INDEX inbox_assignments_assignee ON inbox_assignments (assignee);

-- Who recorded a landlord reply from relais (the reply itself is a comment).
CREATE TABLE inbox_replies (
    reply_id   TEXT PRIMARY KEY REFERENCES comments (id) ON DELETE CASCADE,
    comment_id TEXT NOT NULL REFERENCES comments (id) ON DELETE CASCADE,
    by_email   TEXT NOT NULL,
    at         INTEGER NOT NULL
);
CREATE INDEX inbox_replies_comment ON inbox_replies (comment_id);

CREATE TABLE inbox_notes (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    comment_id TEXT NOT NULL REFERENCES comments (id) ON DELETE CASCADE,
    author     TEXT NOT NULL,
    at         INTEGER NOT NULL,
    text       TEXT NOT NULL
);
CREATE INDEX inbox_notes_comment ON inbox_notes (comment_id);

CREATE TABLE saved_replies (
    id    INTEGER PRIMARY KEY AUTOINCREMENT,
    title TEXT NOT NULL UNIQUE,
    body  TEXT NOT NULL
);

-- Five templates to start from, in the spirit of the State's charter for
-- social networks: answer the question asked, never handle a personal case
-- in public, point to a private channel, remove personal data.
INSERT INTO saved_replies (title, body) VALUES
('Prise en charge – message privé',
 'Bonjour, merci pour votre message. Pour suivre votre demande sans exposer votre situation en public, écrivez-nous en message privé en indiquant votre adresse : nous vous répondrons au plus vite.'),
('Urgence – appelez l''astreinte',
 'Bonjour, pour une urgence (fuite d''eau, panne de chauffage, ascenseur bloqué, problème de sécurité), appelez sans attendre le numéro d''astreinte affiché dans le hall de votre immeuble : il répond jour et nuit. Un message ici ne permet pas d''intervenir assez vite.'),
('Information – travaux en cours',
 'Bonjour, merci pour votre question. Des travaux sont en cours dans la résidence ; le calendrier et le contact de l''entreprise sont affichés dans le hall. Pour toute question sur votre logement, votre agence reste joignable par téléphone ou à l''accueil.'),
('Remerciement',
 'Merci beaucoup pour votre message ! Nous le transmettons avec plaisir à l''équipe de votre résidence. Belle journée à vous.'),
('Données personnelles retirées',
 'Bonjour, nous avons masqué votre message car il contenait des informations personnelles. Pour votre sécurité, ne les publiez pas ici : écrivez-nous en message privé et nous prendrons votre demande en charge.');
