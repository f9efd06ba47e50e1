//! The pages, one module a section.

pub mod admin;
pub mod audit;
pub mod connections;
pub mod dashboard;
pub mod error;
pub mod inbox;
mod kpi_view;
pub mod login;
pub mod posts;
pub mod replies;
pub mod residences;
pub mod retention;

#[cfg(test)]
mod tests;
