//! `relais connect` and `relais sync`: the networks' APIs.

use clap::{Args, Subcommand};

#[derive(Debug, Subcommand)]
pub enum ConnectCommand {
    /// Connects a Facebook Page (Page access token).
    Facebook(ConnectArgs),
    /// Connects an Instagram professional account (token of its Facebook Page).
    Instagram(ConnectArgs),
    /// Connects a LinkedIn organization page (Community Management API token).
    Linkedin(ConnectArgs),
    /// Connects an X account (OAuth 2.0 user token).
    X(ConnectArgs),
}

/// The token is read from stdin and stored encrypted with RELAIS_SECRET_KEY.
#[derive(Debug, Args)]
pub struct ConnectArgs {
    /// The account in relais (handle or id, see relais status).
    #[arg(long)]
    pub account: String,
    /// Read the token from standard input (the only way: never on the command line).
    #[arg(long, required = true)]
    pub token_stdin: bool,
    /// The API's address (and version); the network's own by default.
    #[arg(long)]
    pub api_base: Option<String>,
    /// The account's id on the network (Instagram user id, LinkedIn organization
    /// id, X user id) when the imported exports did not give it.
    #[arg(long)]
    pub network_id: Option<String>,
}

#[derive(Debug, Args)]
pub struct SyncArgs {
    /// Only this connection's account (handle or id); all by default.
    #[arg(long)]
    pub account: Option<String>,
    /// Posts published from this day (YYYY-MM-DD); since the last good run by default.
    #[arg(long)]
    pub since: Option<String>,
    /// X: the most posts and users read per calendar month (X bills each read;
    /// 10000 by default). A sync that reaches it stops and resumes next month.
    #[arg(long, value_name = "N")]
    pub x_read_budget: Option<String>,
    #[arg(long)]
    pub json: bool,
}
