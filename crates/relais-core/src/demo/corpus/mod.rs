//! The demo landlord's raw material: place names, people's names, post and
//! comment templates in natural French, landlord replies, and the writing-style
//! variations that make generated comments look like what people type.
//!
//! This is data for the demo generator only. It must never be used to train,
//! tune or evaluate a classifier: a model that learnt these templates would fail
//! on real text (the text classifiers have their own hand-written corpus).
//! Everything here is fictional apart from the names of real French towns.

pub mod comments;
pub mod places;
pub mod posts;
pub mod replies;
pub mod style;

/// A town where the landlord has homes.
#[derive(Debug, Clone, Copy)]
pub struct City {
    pub name: &'static str,
    pub postcode: &'static str,
    /// INSEE commune code (DEPCOM).
    pub insee: &'static str,
}

/// An agency (agence) and the towns it manages.
#[derive(Debug, Clone, Copy)]
pub struct AgencySeed {
    pub name: &'static str,
    pub cities: &'static [City],
}

/// A territorial direction and its agencies.
#[derive(Debug, Clone, Copy)]
pub struct DirectionSeed {
    pub name: &'static str,
    pub agencies: &'static [AgencySeed],
}

/// A residence name with the aliases tenants use for it.
#[derive(Debug, Clone, Copy)]
pub struct ResidenceNameSeed {
    pub name: &'static str,
    pub aliases: &'static [&'static str],
}

/// The fictional landlord itself.
#[derive(Debug, Clone, Copy)]
pub struct LandlordSeed {
    pub name: &'static str,
    /// Short name used in handles and hashtags.
    pub short: &'static str,
    /// Nine digits with a valid Luhn checksum, fictional.
    pub siren: &'static str,
    /// `OPH`, `ESH`, `Coop` or `SEM`.
    pub family: &'static str,
    pub website: &'static str,
}

/// A post template. `text` holds `{placeholders}` (see [`style::render`]).
#[derive(Debug, Clone, Copy)]
pub struct PostTemplate {
    /// Main theme code from taxonomy.md (`heritage`, `neighbourhood`, …).
    pub theme: &'static str,
    /// Secondary theme codes.
    pub secondary: &'static [&'static str],
    /// Audience code from taxonomy.md (`tenants`, `partners`, …).
    pub audience: &'static str,
    /// The network whose style the text has: `facebook`, `instagram`, `linkedin`, `x`.
    pub network: &'static str,
    /// Who writes it: `page` (the landlord's account), `collaborator` (an employee's
    /// own LinkedIn account, first person) or `group` (a resident in the residents' group).
    pub author: &'static str,
    /// `photo`, `video`, `reel`, `carousel`, `link`, `text`, `story`.
    pub media: &'static str,
    /// True when the text names a residence (`{residence}`) so the post is local.
    pub local: bool,
    pub text: &'static str,
}

/// A comment template with its true labels.
#[derive(Debug, Clone, Copy)]
pub struct CommentTemplate {
    /// Category code from taxonomy.md (`lift`, `heating_hot_water`, …).
    pub category: &'static str,
    /// `urgent`, `normal` or `none`.
    pub urgency: &'static str,
    /// `negative`, `neutral` or `positive`.
    pub sentiment: &'static str,
    /// `tenant`, `employee`, `partner`, `public` or `unknown`.
    pub author_kind: &'static str,
    /// True when the text only makes sense in winter (heating, cold).
    pub winter: bool,
    pub text: &'static str,
}

/// A landlord reply template; `categories` empty means any category.
#[derive(Debug, Clone, Copy)]
pub struct ReplyTemplate {
    pub categories: &'static [&'static str],
    pub text: &'static str,
}
