//! HTTP stories of the web app: a real server on port 0, a real client, on
//! SQLite and on PostgreSQL (when `RELAIS_TEST_DATABASE_URL` is set).

mod access;
mod auth;
mod connections;
mod graph;
mod inbox;
mod publish;
mod retention;
mod support;
mod webhooks;
