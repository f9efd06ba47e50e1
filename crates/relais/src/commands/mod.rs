//! One file per command; [`run`] dispatches. Commands print their result and
//! return errors already worded in the user's language.

mod ambassador;
pub mod audit;
mod classify;
mod classify_eval;
mod classify_text;
mod connect;
mod demo;
mod group;
mod import;
mod kpi;
mod label;
mod link;
mod link_poster;
mod link_stats;
mod person;
mod residence;
mod serve;
mod status;
mod survey;
mod territory;
mod traffic;
mod traffic_matomo;
mod traffic_matomo_csv;
mod traffic_report;
mod user;

use anyhow::anyhow;
use relais_core::Lang;
use relais_store::SqlStore;

use crate::cli::{
    AmbassadorCommand, Cli, Command, GroupCommand, LabelCommand, LinkCommand, PersonCommand,
    ResidenceCommand, SurveyCommand, TerritoryCommand, TokenCommand, TrafficCommand, UserCommand,
};

pub async fn run(cli: Cli, lang: Lang) -> anyhow::Result<()> {
    let db = cli.db.as_str();
    match cli.command {
        Command::Demo(args) => demo::run(db, lang, args).await,
        Command::Import(args) => import::run(db, lang, args).await,
        Command::Classify(args) => classify::run(db, lang, args).await,
        Command::Label(LabelCommand::Set(args)) => label::set_label(db, lang, args).await,
        Command::Status(args) => status::run(db, lang, args.json).await,
        Command::Territory(TerritoryCommand::List(args)) => {
            territory::list(db, lang, args.json).await
        }
        Command::Residence(ResidenceCommand::Import(args)) => {
            residence::import(db, lang, args).await
        }
        Command::Residence(ResidenceCommand::List(args)) => {
            residence::list(db, lang, args.json).await
        }
        Command::Person(PersonCommand::Erase(args)) => person::erase(db, lang, args).await,
        Command::Kpi(args) => kpi::run(db, lang, args).await,
        Command::Audit(args) => audit::run(db, lang, args).await,
        Command::Survey(SurveyCommand::Import(args)) => survey::import(db, lang, args).await,
        Command::Group(GroupCommand::Declare(args)) => group::declare(db, lang, args).await,
        Command::Ambassador(AmbassadorCommand::List(args)) => {
            ambassador::list(db, lang, args).await
        }
        Command::Ambassador(AmbassadorCommand::Consent(args)) => {
            ambassador::consent(db, lang, args).await
        }
        Command::Ambassador(AmbassadorCommand::Withdraw(args)) => {
            ambassador::withdraw(db, lang, args).await
        }
        Command::Link(LinkCommand::Stats(args)) => link_stats::run(db, lang, args).await,
        Command::Link(LinkCommand::Poster(args)) => link_poster::run(db, lang, args).await,
        Command::Link(command) => link::run(db, lang, command).await,
        Command::Serve(args) => serve::run(db, lang, args).await,
        Command::User(UserCommand::Add(args)) => user::add(db, lang, args).await,
        Command::User(UserCommand::List(args)) => user::list(db, lang, args.json).await,
        Command::User(UserCommand::Remove(args)) => user::remove(db, lang, &args.email).await,
        Command::Token(TokenCommand::Create(args)) => user::token_create(db, lang, args).await,
        Command::Token(TokenCommand::List(args)) => user::token_list(db, lang, args.json).await,
        Command::Token(TokenCommand::Revoke(args)) => {
            user::token_revoke(db, lang, &args.prefix).await
        }
        Command::Traffic(TrafficCommand::Import(args)) => traffic::import(db, lang, args).await,
        Command::Traffic(TrafficCommand::Report(args)) => traffic_report::run(db, lang, args).await,
        Command::Traffic(TrafficCommand::Matomo(args)) => traffic_matomo::run(db, lang, args).await,
        Command::Connect(command) => connect::connect(db, lang, command).await,
        Command::Sync(args) => connect::sync(db, lang, args).await,
    }
}

/// Opens and migrates the database, with the message in the user's language.
pub async fn open(db: &str, lang: Lang) -> anyhow::Result<SqlStore> {
    SqlStore::open(db)
        .await
        .map_err(|e| anyhow!(e.message(lang)))
}

/// Maps a store error to the user's language.
pub fn store_err(lang: Lang) -> impl Fn(relais_store::StoreError) -> anyhow::Error {
    move |e| anyhow!(e.message(lang))
}
