//! `relais connect` and `relais sync`: the networks' APIs.

use clap::{Args, Subcommand};

#[derive(Debug, Subcommand)]
pub enum ConnectCommand {
    /// Connects a Facebook Page: its Page access token is read from stdin
    /// and stored encrypted with RELAIS_SECRET_KEY.
    Facebook(ConnectFacebookArgs),
}

#[derive(Debug, Args)]
pub struct ConnectFacebookArgs {
    /// The Page's account in relais (handle or id, see relais status).
    #[arg(long)]
    pub account: String,
    /// Read the token from standard input (the only way: never on the command line).
    #[arg(long, required = true)]
    pub token_stdin: bool,
    /// The Graph API's address and version.
    #[arg(long, default_value = relais_connect::DEFAULT_API_BASE)]
    pub api_base: String,
}

#[derive(Debug, Args)]
pub struct SyncArgs {
    /// Only this connection's account (handle or id); all by default.
    #[arg(long)]
    pub account: Option<String>,
    /// Posts published from this day (YYYY-MM-DD); since the last good run by default.
    #[arg(long)]
    pub since: Option<String>,
    #[arg(long)]
    pub json: bool,
}
