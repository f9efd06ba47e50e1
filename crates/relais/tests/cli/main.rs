//! Integration tests of the `relais` command, one module per subcommand.
//! Each test runs the real binary on a real database in a temporary folder
//! (and, where it says so, on PostgreSQL when `RELAIS_TEST_DATABASE_URL` is set).

mod ambassador;
mod audit;
mod classify;
mod connect;
mod database;
mod demo;
mod group;
mod import;
mod kpi;
mod link;
mod person;
mod residence;
mod status;
mod survey;
mod territory;
mod traffic;
mod user;
mod util;
