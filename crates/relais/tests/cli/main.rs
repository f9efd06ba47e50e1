//! Integration tests of the `relais` command, one module per subcommand.
//! Each test runs the real binary on a real database in a temporary folder
//! (and, where it says so, on PostgreSQL when `RELAIS_TEST_DATABASE_URL` is set).

mod classify;
mod database;
mod demo;
mod import;
mod person;
mod residence;
mod status;
mod territory;
mod traffic;
mod util;
