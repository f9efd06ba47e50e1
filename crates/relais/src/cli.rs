//! The command line: every subcommand and option, in one place.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

mod connect;
mod link;
mod web;
pub use connect::*;
pub use link::*;
pub use web::*;

/// relais : la présence des bailleurs sociaux sur les réseaux sociaux, mesurée
/// avec des indicateurs non commerciaux.
#[derive(Debug, Parser)]
#[command(name = "relais", version, about, long_about = None)]
pub struct Cli {
    /// Database: sqlite://FILE (default) or postgres://user:password@host/db.
    #[arg(
        long,
        global = true,
        env = "RELAIS_DATABASE_URL",
        default_value = "sqlite://relais.db"
    )]
    pub db: String,

    /// Language of messages: fr (default) or en.
    #[arg(long, global = true, env = "RELAIS_LANG", value_enum, default_value_t = LangArg::Fr)]
    pub lang: LangArg,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    Fr,
    En,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create the fictional demo landlord (two years on four networks).
    Demo(DemoArgs),
    /// What the database holds.
    Status(JsonArg),
    /// Territories: directions and agencies.
    #[command(subcommand)]
    Territory(TerritoryCommand),
    /// Import the networks' export files (Meta, LinkedIn, X) and comments files.
    Import(ImportArgs),
    /// Label posts and comments (themes, audiences, requests, urgency, sentiment, residences).
    Classify(ClassifyArgs),
    /// A person's correction of a label (it wins over the model's).
    #[command(subcommand)]
    Label(LabelCommand),
    /// Residences: import a residences CSV or an RPLS export, list them.
    #[command(subcommand)]
    Residence(ResidenceCommand),
    /// Personal data of one commenter: erase it.
    #[command(subcommand)]
    Person(PersonCommand),
    /// The KPIs of kpis.md on any slice and period.
    Kpi(KpiArgs),
    /// Satisfaction survey results, for the survey_alignment KPI.
    #[command(subcommand)]
    Survey(SurveyCommand),
    /// Residents' groups, declared by hand (no API gives them any more).
    #[command(subcommand)]
    Group(GroupCommand),
    /// Ambassador candidates, and their consent to be named.
    #[command(subcommand)]
    Ambassador(AmbassadorCommand),
    /// The presence audit: a self-contained HTML report (and PDF).
    Audit(AuditArgs),
    /// Short links and QR posters per residence and field action, counted without personal data.
    #[command(subcommand)]
    Link(LinkCommand),
    /// Serve the web app (dashboard, inbox, API) and the short links over HTTP.
    Serve(ServeArgs),
    /// The web app's users: add, list, remove.
    #[command(subcommand)]
    User(UserCommand),
    /// API tokens (bearer tokens with the same scope as their user).
    #[command(subcommand)]
    Token(TokenCommand),
    /// Website traffic from the social networks: import access logs, report.
    #[command(subcommand)]
    Traffic(TrafficCommand),
    /// Connect an account to its network's API (Facebook Pages for now).
    #[command(subcommand)]
    Connect(ConnectCommand),
    /// Fetch posts, comments, replies, metrics and followers through the connections.
    Sync(SyncArgs),
}

#[derive(Debug, Args)]
pub struct AuditArgs {
    /// The period (see relais kpi --help); the last twelve months of data by default.
    #[arg(long)]
    pub period: Option<String>,
    /// Where to write the HTML report.
    #[arg(long, default_value = "rapport.html")]
    pub out: PathBuf,
    /// Also print it to PDF through headless Chromium.
    #[arg(long)]
    pub pdf: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct KpiArgs {
    /// KPI codes (repeat or separate with commas); all by default.
    #[arg(long = "kpi", value_delimiter = ',')]
    pub kpis: Vec<String>,
    /// Dimensions: network, account, author_kind, theme, audience, territory,
    /// agency, residence, week, month, quarter, year (comma-separated).
    #[arg(long, default_value = "")]
    pub slice: String,
    /// 2026, 2026-Q2, 2026-03, 2026-W12, 2026-01..2026-06, 2026-01-15..2026-03-31;
    /// the last twelve months of data by default.
    #[arg(long)]
    pub period: Option<String>,
    #[arg(long, conflicts_with = "csv")]
    pub json: bool,
    #[arg(long)]
    pub csv: bool,
}

#[derive(Debug, Subcommand)]
pub enum SurveyCommand {
    /// Imports a CSV `scope,scope_id,year,question,score,respondents`.
    Import(SurveyImportArgs),
}

#[derive(Debug, Args)]
pub struct SurveyImportArgs {
    pub file: PathBuf,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Subcommand)]
pub enum GroupCommand {
    /// Declares (or updates) a residents' group: its URL, residences and member counts.
    Declare(GroupDeclareArgs),
}

#[derive(Debug, Args)]
pub struct GroupDeclareArgs {
    /// The group's address, e.g. `https://www.facebook.com/groups/les-habitants-du-parc`
    pub url: String,
    /// The group's name as shown on the network.
    #[arg(long)]
    pub name: String,
    /// A residence the group is about (repeatable).
    #[arg(long = "residence", required = true)]
    pub residences: Vec<String>,
    /// Member counts: DATE=COUNT (repeatable), e.g. --members 2026-01-01=312
    #[arg(long = "members", value_parser = parse_members)]
    pub members: Vec<(chrono::NaiveDate, u64)>,
    #[arg(long)]
    pub json: bool,
}

fn parse_members(raw: &str) -> Result<(chrono::NaiveDate, u64), String> {
    let bad = || {
        format!("« {raw} » : écrivez DATE=NOMBRE, par exemple 2026-01-01=312 (write DATE=COUNT)")
    };
    let (d, n) = raw.split_once('=').ok_or_else(bad)?;
    let day = chrono::NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d").map_err(|_| bad())?;
    let n = n.trim().parse().map_err(|_| bad())?;
    Ok((day, n))
}

#[derive(Debug, Subcommand)]
pub enum AmbassadorCommand {
    /// Tenants who qualify as ambassadors; named only with their consent.
    List(AmbassadorListArgs),
    /// Records a person's consent to be named as an ambassador.
    Consent(ConsentArgs),
    /// Withdraws a person's consent.
    Withdraw(WithdrawArgs),
}

#[derive(Debug, Args)]
pub struct AmbassadorListArgs {
    #[arg(long)]
    pub period: Option<String>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ConsentArgs {
    /// The person's pseudonym (p_…), as `relais ambassador list` shows it.
    pub pseudonym: String,
    /// The name they agreed to be shown under.
    #[arg(long = "as")]
    pub shown_as: String,
    /// Who recorded the consent (an email).
    #[arg(long)]
    pub by: String,
}

#[derive(Debug, Args)]
pub struct WithdrawArgs {
    pub pseudonym: String,
    #[arg(long)]
    pub by: String,
}

#[derive(Debug, Args)]
pub struct JsonArg {
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Seed of the generator: same seed, same landlord, byte for byte.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Where to write the demo's audit (next to the database file by default).
    #[arg(long)]
    pub audit: Option<std::path::PathBuf>,
    /// Copies of the landlord side by side, for benchmarks (10 = ten times the demo).
    #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u16).range(1..=100))]
    pub scale: u16,
    /// Last day of the demo's two years (YYYY-MM-DD); a fixed day by default.
    #[arg(long, value_parser = parse_date)]
    pub until: Option<chrono::NaiveDate>,
    /// Then open the demo in the web app: gives the demo's users a fresh
    /// password (printed) and serves on --listen.
    #[arg(long)]
    pub serve: bool,
    /// Address the web app listens on with --serve.
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub listen: std::net::SocketAddr,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The files: each is recognised by its content and imported on its own.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// The account the files belong to, when they do not say (handle or network id).
    #[arg(long)]
    pub account: Option<String>,
    /// Time zone of the pages, for exports that write local times.
    #[arg(long, default_value = "Europe/Paris", value_parser = parse_tz)]
    pub tz: chrono_tz::Tz,
    /// Read and check everything, report what would change, write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Print the summary as JSON.
    #[arg(long)]
    pub json: bool,
}

fn parse_tz(raw: &str) -> Result<chrono_tz::Tz, String> {
    raw.parse().map_err(|_| {
        format!("fuseau horaire inconnu « {raw} » (unknown time zone; e.g. Europe/Paris)")
    })
}

#[derive(Debug, Args)]
pub struct ClassifyArgs {
    #[command(subcommand)]
    pub command: Option<ClassifyCommand>,
    /// Print JSON instead of text.
    #[arg(long, global = true)]
    pub json: bool,
}

#[derive(Debug, Subcommand)]
pub enum ClassifyCommand {
    /// The labels of one text, with their confidences.
    Text(ClassifyTextArgs),
    /// Evaluate the shipped model on labelled files (it learns nothing from them).
    Eval(ClassifyEvalArgs),
    /// Learn again from the corpus and every person's corrections.
    Retrain,
}

#[derive(Debug, Args)]
pub struct ClassifyTextArgs {
    /// The text.
    pub text: String,
    /// Classify it as a post (theme, audience) rather than a comment.
    #[arg(long)]
    pub post: bool,
    /// For a post: the network.
    #[arg(long, default_value = "facebook")]
    pub network: String,
    /// For a post: page, collaborator or group.
    #[arg(long, default_value = "page")]
    pub author_kind: String,
}

#[derive(Debug, Args)]
pub struct ClassifyEvalArgs {
    /// Comments: id,network,text,category,urgency,sentiment,author_kind,residence_id
    #[arg(long)]
    pub comments: PathBuf,
    /// Posts: id,network,author_kind,text,theme,audience,residence_id
    #[arg(long)]
    pub posts: PathBuf,
    /// Residences: residence_id,name,aliases,street,postcode,city,agency,territory,homes,built_year
    #[arg(long)]
    pub residences: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum LabelCommand {
    /// Set a label of a post or a comment, as a person.
    Set(LabelSetArgs),
}

#[derive(Debug, Args)]
pub struct LabelSetArgs {
    /// The post (network:id, as `relais` stores it).
    #[arg(long, conflicts_with = "comment", required_unless_present = "comment")]
    pub post: Option<String>,
    /// The comment (network:id).
    #[arg(long)]
    pub comment: Option<String>,
    /// theme, secondary_theme, audience, category, urgency, sentiment, author_kind or residence.
    #[arg(long)]
    pub field: String,
    /// The code (e.g. heritage, lift, urgent) or the residence id.
    #[arg(long)]
    pub value: String,
    /// Who corrects (their e-mail).
    #[arg(long)]
    pub by: String,
}

#[derive(Debug, Subcommand)]
pub enum TerritoryCommand {
    /// List directions and agencies.
    List(JsonArg),
}

#[derive(Debug, Subcommand)]
pub enum ResidenceCommand {
    /// Import a residences CSV or an RPLS export (all or nothing).
    Import(ResidenceImportArgs),
    /// List residences.
    List(JsonArg),
}

#[derive(Debug, Args)]
pub struct ResidenceImportArgs {
    /// The file: relais residences CSV, or RPLS export (;-separated, Latin-1 or UTF-8).
    pub file: PathBuf,
    /// Agency of the residences when the file does not say (RPLS).
    #[arg(long)]
    pub agency: Option<String>,
    /// Territorial direction of that agency when the file does not say (RPLS).
    #[arg(long)]
    pub territory: Option<String>,
    /// Check the file and show what would change, without writing.
    #[arg(long)]
    pub dry_run: bool,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Subcommand)]
pub enum PersonCommand {
    /// Erase one person's comments, their labels and their name.
    Erase(EraseArgs),
}

#[derive(Debug, Args)]
pub struct EraseArgs {
    /// The person's pseudonym (p_ and 24 hexadecimal digits).
    pub pseudonym: String,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

fn parse_date(raw: &str) -> Result<chrono::NaiveDate, String> {
    chrono::NaiveDate::parse_from_str(raw, "%Y-%m-%d")
        .map_err(|_| format!("« {raw} » n'est pas une date AAAA-MM-JJ (expected YYYY-MM-DD)"))
}

#[derive(Debug, Subcommand)]
pub enum TrafficCommand {
    /// Import nginx/Apache access logs (plain or .gz), each file in one transaction.
    Import(TrafficImportArgs),
    /// Visits and page views by source network, campaign, landing page or day.
    Report(TrafficReportArgs),
    /// Pull daily visits from social networks and campaigns from Matomo's Reporting API.
    Matomo(TrafficMatomoArgs),
}

#[derive(Debug, Args)]
pub struct TrafficMatomoArgs {
    /// Matomo's address, e.g. `https://stats.bailleur.fr/` (index.php is added).
    #[arg(long)]
    pub url: String,
    /// The website's id in Matomo (idSite).
    #[arg(long)]
    pub site_id: u32,
    /// Read the API token (token_auth) from standard input; it is sent in the POST body.
    #[arg(long, required = true)]
    pub token_stdin: bool,
    /// A day (2026-01-05), a month (2026-01), a year (2026) or FROM..TO.
    #[arg(long)]
    pub period: String,
    /// The site's name in relais (default: matomo-ID); the period's days are replaced.
    #[arg(long)]
    pub site: Option<String>,
    /// Keep this many months of daily figures (older ones are purged).
    #[arg(long, default_value_t = 25)]
    pub retention_months: u32,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TrafficFormatArg {
    Auto,
    Combined,
    Vcombined,
    Common,
}

#[derive(Debug, Args)]
pub struct TrafficImportArgs {
    /// The access logs (plain or gzip), in any order.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// The website's name in relais (its host, e.g. www.bailleur.fr, is simplest).
    #[arg(long)]
    pub site: String,
    /// The lines' format; auto decides from the first lines.
    #[arg(long, value_enum, default_value_t = TrafficFormatArg::Auto)]
    pub format: TrafficFormatArg,
    /// The site's own host(s): such referrers are internal navigation.
    /// Default: --site when it is a host name.
    #[arg(long = "site-host")]
    pub site_hosts: Vec<String>,
    /// Host(s) of relais short links: such referrers are relais QR codes/short links.
    #[arg(long = "short-link-host")]
    pub short_link_hosts: Vec<String>,
    /// Path prefix(es) of relais short links on the site itself (e.g. /qr/).
    #[arg(long = "short-link-path")]
    pub short_link_paths: Vec<String>,
    /// Keep this many months of daily figures (older ones are purged).
    #[arg(long, default_value_t = 25)]
    pub retention_months: u32,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TrafficByArg {
    Network,
    Campaign,
    Landing,
    Day,
}

#[derive(Debug, Args)]
pub struct TrafficReportArgs {
    /// Group by source network, campaign, landing page or day.
    #[arg(long, value_enum, default_value_t = TrafficByArg::Network)]
    pub by: TrafficByArg,
    /// Only this site.
    #[arg(long)]
    pub site: Option<String>,
    /// A day (2026-01-05), a month (2026-01), a year (2026) or FROM..TO (2026-01-01..2026-03-31).
    #[arg(long)]
    pub period: Option<String>,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
}
