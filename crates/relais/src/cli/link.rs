//! The options of `relais link …` and `relais serve` (declared beside the
//! rest of the command line, split out only to keep `cli.rs` short).

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{ArgGroup, Args, Subcommand, ValueEnum};
use relais_links::Channel;

/// The base of short URLs (scheme and host, e.g. `https://l.bailleur.fr`).
#[derive(Debug, Clone, Args)]
pub struct BaseUrl {
    /// Base of the short URLs printed and encoded in QR codes.
    #[arg(
        long = "base-url",
        env = "RELAIS_BASE_URL",
        default_value = "http://127.0.0.1:8080"
    )]
    pub base_url: String,
}

#[derive(Debug, Subcommand)]
pub enum LinkCommand {
    /// Allow link targets on a domain and its subdomains (admin).
    AllowDomain(AllowDomainArgs),
    /// Create one short link for a residence, an agency or a direction.
    Create(LinkCreateArgs),
    /// Create one short link per residence of an agency or a direction.
    Bulk(LinkBulkArgs),
    /// Scans per link, residence, action, agency, direction or day.
    Stats(LinkStatsArgs),
    /// Delete daily counts older than the retention period.
    Purge(LinkPurgeArgs),
    /// Print QR posters (PDF, SVG or PNG).
    Poster(LinkPosterArgs),
}

#[derive(Debug, Args)]
pub struct AllowDomainArgs {
    /// The domain, e.g. bailleur.fr or www.facebook.com.
    pub domain: String,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

fn parse_channel(raw: &str) -> Result<Channel, String> {
    raw.parse().map_err(|()| {
        format!("canal inconnu « {raw} » : affiche, flyer, evenement ou courrier (unknown channel)")
    })
}

/// What every link of a command shares.
#[derive(Debug, Args)]
pub struct LinkCommon {
    /// Where the link leads (on an allowed domain); UTM parameters are added.
    #[arg(long)]
    pub target: String,
    /// The field action, e.g. "Fête des voisins 2027".
    #[arg(long)]
    pub action: String,
    /// Where the link is printed: affiche, flyer, evenement or courrier.
    #[arg(long, default_value = "affiche", value_parser = parse_channel)]
    pub channel: Channel,
    #[command(flatten)]
    pub base: BaseUrl,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("scope").required(true).args(["residence", "agency", "territory"])))]
pub struct LinkCreateArgs {
    /// The residence (its id, see `relais residence list`).
    #[arg(long)]
    pub residence: Option<String>,
    /// An agency (its id, see `relais territory list`).
    #[arg(long)]
    pub agency: Option<String>,
    /// A direction or an agency (its id).
    #[arg(long)]
    pub territory: Option<String>,
    #[command(flatten)]
    pub common: LinkCommon,
}

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("scope").required(true).args(["agency", "territory"])))]
pub struct LinkBulkArgs {
    /// Every residence of this agency.
    #[arg(long)]
    pub agency: Option<String>,
    /// Every residence of this direction (or agency).
    #[arg(long)]
    pub territory: Option<String>,
    /// Also print the new links' posters into this PDF (A4, one page each).
    #[arg(long)]
    pub posters: Option<PathBuf>,
    #[command(flatten)]
    pub common: LinkCommon,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum StatsBy {
    Link,
    Residence,
    Action,
    Agency,
    Territory,
    Day,
}

#[derive(Debug, Args)]
pub struct LinkStatsArgs {
    /// How to group the counts.
    #[arg(long, value_enum, default_value_t = StatsBy::Link)]
    pub by: StatsBy,
    /// Only days from this one (YYYY-MM-DD).
    #[arg(long)]
    pub since: Option<String>,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct LinkPurgeArgs {
    /// Months of daily counts to keep.
    #[arg(long, env = "RELAIS_LINK_RETENTION_MONTHS", default_value_t = 25)]
    pub months: u32,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PosterFormat {
    Pdf,
    Svg,
    Png,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PosterSize {
    #[value(name = "A4")]
    A4,
    #[value(name = "A5")]
    A5,
}

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("which").required(true).multiple(true).args(["codes", "action"])))]
pub struct LinkPosterArgs {
    /// The links' codes.
    pub codes: Vec<String>,
    /// Every link of this action (its name or slug), e.g. after `relais link bulk`.
    #[arg(long)]
    pub action: Option<String>,
    /// pdf (one page per poster, one file), svg or png (one file per poster).
    #[arg(long, value_enum, default_value_t = PosterFormat::Pdf)]
    pub format: PosterFormat,
    /// Paper size: A4 or A5.
    #[arg(long, value_enum, ignore_case = true, default_value_t = PosterSize::A4)]
    pub size: PosterSize,
    /// The message under the QR code.
    #[arg(long, default_value = relais_links::poster::MESSAGE)]
    pub message: String,
    /// Output: the PDF file, or (SVG, PNG) the file for one poster or a folder for several.
    #[arg(long)]
    pub out: Option<PathBuf>,
    #[command(flatten)]
    pub base: BaseUrl,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Serve only the short links' redirect, without the web app.
    #[arg(long)]
    pub links_only: bool,
    /// Mark the session cookie `Secure` (set it when relais is reached over
    /// HTTPS, directly or through a proxy; on by default for an https base URL).
    #[arg(long)]
    pub secure_cookies: bool,
    /// Minutes without activity after which a session ends.
    #[arg(long, default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..))]
    pub idle_minutes: u64,
    /// Hours after login at which a session ends, used or not.
    #[arg(long, default_value_t = 12, value_parser = clap::value_parser!(u64).range(1..))]
    pub session_hours: u64,
    /// Address to listen on (port 0: any free port, printed at start).
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub listen: SocketAddr,
    #[command(flatten)]
    pub base: BaseUrl,
    /// Months of daily link counts kept; older ones are purged at start.
    #[arg(long, env = "RELAIS_LINK_RETENTION_MONTHS", default_value_t = 25)]
    pub retention_months: u32,
    /// A reverse proxy in front of relais (its IP address; repeatable): its
    /// X-Forwarded-For tells unique scanners apart.
    #[arg(long = "trusted-proxy")]
    pub trusted_proxies: Vec<std::net::IpAddr>,
    /// The Meta app's secret, which signs the webhooks' deliveries
    /// (`/webhooks/meta`; with RELAIS_META_VERIFY_TOKEN).
    #[arg(long, env = "RELAIS_META_APP_SECRET", hide_env_values = true)]
    pub meta_app_secret: Option<String>,
    /// The token Meta's subscription check must send to `/webhooks/meta`.
    #[arg(long, env = "RELAIS_META_VERIFY_TOKEN", hide_env_values = true)]
    pub meta_verify_token: Option<String>,
    /// Minutes between two syncs of each API connection (0: no automatic
    /// sync). Needs RELAIS_SECRET_KEY, the key that encrypted the tokens.
    #[arg(long, env = "RELAIS_SYNC_EVERY_MINUTES", default_value_t = 15)]
    pub sync_every_minutes: u64,
    /// X: the most posts and users the scheduled sync reads per calendar
    /// month (X bills each read; 10000 by default).
    #[arg(long, value_name = "N")]
    pub x_read_budget: Option<String>,
}
