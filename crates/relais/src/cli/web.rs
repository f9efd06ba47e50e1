//! The options of `relais user …` and `relais token …` (the web app's
//! accounts and API tokens).

use clap::{Args, Subcommand, ValueEnum};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RoleArg {
    /// Manages users, territories, connections and retention.
    Admin,
    /// Sees and does everything else.
    Communication,
    /// Sees and answers only their territories' tenants.
    Referent,
    /// Reads everything, changes nothing.
    Auditor,
}

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Add a user, or update one (role, territories, name, password).
    Add(UserAddArgs),
    /// List the users.
    List(UserListArgs),
    /// Remove a user (their sessions and tokens end at once).
    Remove(UserRemoveArgs),
}

#[derive(Debug, Args)]
pub struct UserAddArgs {
    /// The user's email address (their login).
    pub email: String,
    #[arg(long, value_enum)]
    pub role: RoleArg,
    /// A territory (agency or direction id) a referent works on; repeatable.
    #[arg(long = "territory")]
    pub territories: Vec<String>,
    /// The name shown in relais (the email's local part by default).
    #[arg(long)]
    pub name: Option<String>,
    /// Read the password from standard input (first line). Without it, an
    /// existing user keeps theirs and a new one cannot log in until given one.
    #[arg(long)]
    pub password_stdin: bool,
}

#[derive(Debug, Args)]
pub struct UserListArgs {
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct UserRemoveArgs {
    pub email: String,
}

#[derive(Debug, Subcommand)]
pub enum TokenCommand {
    /// Create an API token for a user (shown once; same scope as the user).
    Create(TokenCreateArgs),
    /// List the tokens (never their values).
    List(UserListArgs),
    /// Revoke a token by the prefix shown in the list.
    Revoke(TokenRevokeArgs),
}

#[derive(Debug, Args)]
pub struct TokenCreateArgs {
    /// The user the token acts as.
    #[arg(long)]
    pub user: String,
    /// What the token is for (shown in the list).
    #[arg(long, default_value = "api")]
    pub name: String,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct TokenRevokeArgs {
    /// The token's prefix, as `relais token list` shows it.
    pub prefix: String,
}
