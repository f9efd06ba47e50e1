//! The demo landlord's posts: two years on each account, in each network's
//! rhythm and style, with their true theme, audience and residence, and how
//! far each one went (heavy-tailed: most posts stay small, a few go far).

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use super::calendar::paris;
use super::corpus::places::{FIRST_NAMES, JOBS, LANDLORD, PARTNERS};
use super::corpus::{PostTemplate, style};
use super::landlord::Landlord;
use super::rng::Rng;
use crate::account::{Account, AccountKind, FollowerCount, Network};
use crate::ids::NetworkId;
use crate::label::{Audience, Theme};
use crate::post::{MediaType, Post, PostKey};

/// A generated post with what the rest of the generator needs to know.
#[derive(Debug, Clone)]
pub struct DemoPost {
    pub post: Post,
    pub theme: Theme,
    pub secondary: Vec<Theme>,
    pub audience: Audience,
    pub kind: AccountKind,
    /// Index of the residence it names, if any.
    pub residence: Option<usize>,
    /// Index of the agency it concerns, if any.
    pub agency: Option<usize>,
    /// Unique accounts reached.
    pub reach: f64,
    /// How much the post invites comments, relative to the others.
    pub comment_pull: f64,
}

/// Posts per week for each kind of account.
fn weekly_rate(a: &Account) -> f64 {
    match (a.network, a.kind) {
        (Network::Facebook, AccountKind::Page) => 3.2,
        (Network::Instagram, _) => 1.6,
        (Network::Linkedin, AccountKind::Page) => 2.0,
        (Network::X, _) => 2.6,
        (Network::Linkedin, _) => 0.35,
        (Network::Facebook, AccountKind::Group) => 3.5,
        _ => 1.0,
    }
}

fn template_matches(t: &PostTemplate, a: &Account) -> bool {
    let author = match a.kind {
        AccountKind::Page => "page",
        AccountKind::Collaborator => "collaborator",
        AccountKind::Group => "group",
    };
    t.author == author && t.network == a.network.code()
}

/// Posts that only make sense in some months.
fn in_season(text: &str, month: u32) -> bool {
    let t = text.to_lowercase();
    let rules: [(&[&str], &[u32]); 8] = [
        (
            &["canicule", "fortes chaleurs", "vague de chaleur"],
            &[6, 7, 8],
        ),
        (&["grand froid", "neige", "verglas", "hiver"], &[12, 1, 2]),
        (
            &["relance du chauffage", "remise en route du chauffage"],
            &[10, 11],
        ),
        (&["fête des voisins"], &[5, 6]),
        (&["noël", "fêtes de fin d'année", "réveillon"], &[12]),
        (&["rentrée"], &[8, 9]),
        (&["été", "vacances d'été"], &[6, 7, 8]),
        (&["printemps"], &[3, 4, 5]),
    ];
    rules
        .iter()
        .filter(|(words, _)| words.iter().any(|w| t.contains(w)))
        .all(|(_, months)| months.contains(&month))
}

/// Where local posts go: the head office tells the stories of the agencies
/// next door and forgets the far ones (the last agency never appears).
const AGENCY_WEIGHTS: [f64; 8] = [6.0, 3.0, 3.0, 2.0, 1.5, 1.0, 0.4, 0.0];

/// Reach as a share of the audience, per network and theme.
fn reach_share(a: &Account, theme: Theme) -> f64 {
    use Theme::*;
    let base = match (a.network, a.kind) {
        (Network::Facebook, AccountKind::Group) => 0.55,
        (Network::Facebook, _) => 0.22,
        (Network::Instagram, _) => 0.33,
        (Network::Linkedin, AccountKind::Collaborator) => 0.95,
        (Network::Linkedin, _) => 0.28,
        (Network::X, _) => 0.16,
    };
    let factor = match (a.network, theme) {
        (Network::Instagram, Heritage) => 2.3,
        (Network::Instagram, Neighbourhood) => 1.4,
        (Network::Instagram, Institutional) => 0.5,
        (Network::Instagram, Practical) => 0.6,
        (Network::Linkedin, Institutional | Building | Employer) => 1.3,
        (Network::Linkedin, Practical) => 0.4,
        (Network::Facebook, Practical) => 1.4,
        (Network::Facebook, Neighbourhood | Heritage) => 1.2,
        (Network::Facebook, Institutional) => 0.6,
        (_, Institutional) => 0.9,
        _ => 1.0,
    };
    base * factor
}

/// How much a theme draws comments on an account, before reach.
fn comment_pull(a: &Account, theme: Theme) -> f64 {
    use Theme::*;
    let by_theme = match theme {
        Practical => 2.2,
        Building => 1.6,
        HomeOwnership => 1.1,
        Participation => 0.9,
        Neighbourhood => 0.8,
        Heritage | Solidarity => 0.6,
        Environment | Employer => 0.5,
        Other => 0.5,
        Institutional => 0.25,
    };
    let by_account = match (a.network, a.kind) {
        (Network::Facebook, AccountKind::Group) => 2.0,
        (Network::Facebook, _) => 1.0,
        (Network::Instagram, _) => 0.35,
        (Network::Linkedin, AccountKind::Collaborator) => 0.35,
        (Network::Linkedin, _) => 0.4,
        (Network::X, _) => 0.3,
    };
    by_theme * by_account
}

const DAYS_FR: [&str; 7] = [
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
];
const MONTHS_FR: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

/// "mardi 14 mai".
pub fn french_date(d: NaiveDate) -> String {
    format!(
        "{} {} {}",
        DAYS_FR[d.weekday().num_days_from_monday() as usize],
        d.day(),
        MONTHS_FR[d.month0() as usize]
    )
}

/// "années 60" for the last century, "années 2000" after.
fn decade(year: i32) -> String {
    if year < 2000 {
        format!("années {}", (year % 100) / 10 * 10)
    } else {
        format!("années {}", year / 10 * 10)
    }
}

/// A time of day when such an account posts (Paris hour, minute).
fn posting_time(rng: &mut Rng, a: &Account) -> (u32, u32) {
    let hour = match a.kind {
        AccountKind::Page => *rng.pick(&[8, 9, 9, 10, 10, 11, 12, 14, 15, 16, 17]),
        AccountKind::Collaborator => *rng.pick(&[7, 8, 12, 13, 18, 19, 20, 21]),
        AccountKind::Group => rng.range(7, 22) as u32,
    };
    (hour, rng.range(0, 59) as u32)
}

/// Whether an account posts on that day of the week, as a weight.
fn day_weight(a: &Account, day: NaiveDate) -> f64 {
    let weekend = matches!(day.weekday(), Weekday::Sat | Weekday::Sun);
    match (a.kind, a.network, weekend) {
        (AccountKind::Group, _, _) => 1.0,
        (AccountKind::Page, Network::Instagram, true) => 0.8,
        (AccountKind::Page, _, true) => 0.1,
        (AccountKind::Collaborator, _, true) => 0.3,
        _ => 1.3,
    }
}

struct Ids {
    counter: u64,
}

impl Ids {
    /// A network-shaped id and permalink for a new post of `a` at `unix` seconds.
    fn post(&mut self, a: &Account, unix: i64) -> (String, String) {
        self.counter += 1;
        let n = self.counter;
        let ms = unix as u64 * 1000 + n % 1000;
        match (a.network, a.kind) {
            (Network::Facebook, AccountKind::Group) => {
                let id = format!("{}_{}", a.network_id, 2_000_000_000_000_000 + n * 7919);
                let url = format!("https://www.facebook.com/{}/posts/{}", a.handle, id);
                (id, url)
            }
            (Network::Facebook, _) => {
                let local = 1_000_000_000_000_000 + n * 104_729;
                let id = format!("{}_{}", a.network_id, local);
                let url = format!("https://www.facebook.com/{}/posts/{}", a.handle, local);
                (id, url)
            }
            (Network::Instagram, _) => {
                let id = format!("{}", 17_900_000_000_000_000u64 + n * 3_301);
                let code = shortcode(n * 2_654_435_761);
                (id, format!("https://www.instagram.com/p/{code}/"))
            }
            (Network::Linkedin, _) => {
                let id = format!("urn:li:activity:{}", (ms << 22) | (n & 0x3F_FFFF));
                (
                    id.clone(),
                    format!("https://www.linkedin.com/feed/update/{id}/"),
                )
            }
            (Network::X, _) => {
                let id = format!("{}", ((ms - 1_288_834_974_657) << 22) | (n & 0x3F_FFFF));
                let url = format!("https://x.com/{}/status/{id}", a.handle);
                (id, url)
            }
        }
    }
}

fn shortcode(mut v: u64) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut s = String::new();
    for _ in 0..11 {
        s.push(ALPHABET[(v % 64) as usize] as char);
        v /= 64;
        v = v.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
    }
    s
}

/// Every post of every account between `start` and `end`.
pub fn generate(
    rng: &mut Rng,
    landlord: &Landlord,
    followers: &[FollowerCount],
    start: NaiveDate,
    end: NaiveDate,
) -> Vec<DemoPost> {
    let templates = super::corpus::posts::all();
    let mut uses = vec![0u32; templates.len()];
    let mut ids = Ids { counter: 0 };
    let mut out = Vec::new();
    let mut day = start;
    while day <= end {
        for a in &landlord.accounts {
            let mean = weekly_rate(a) / 7.0 * day_weight(a, day);
            for _ in 0..rng.poisson(mean) {
                let (hour, minute) = posting_time(rng, a);
                let at = paris(day, hour, minute);
                let Some(t) = pick_template(rng, &templates, &mut uses, a, day.month()) else {
                    continue;
                };
                let (id, permalink) = ids.post(a, at.unix());
                let f = super::audience::on_day(followers, a, day);
                out.push(make_post(rng, landlord, a, t, at, day, f, id, permalink));
            }
        }
        day = day.succ_opt().expect("date in range");
    }
    out
}

fn pick_template<'t>(
    rng: &mut Rng,
    templates: &'t [PostTemplate],
    uses: &mut [u32],
    a: &Account,
    month: u32,
) -> Option<&'t PostTemplate> {
    let weights: Vec<f64> = templates
        .iter()
        .zip(uses.iter())
        .map(|(t, u)| {
            if template_matches(t, a) && in_season(t.text, month) {
                1.0 / f64::from(1 + u * u)
            } else {
                0.0
            }
        })
        .collect();
    if weights.iter().all(|w| *w == 0.0) {
        return None;
    }
    let i = rng.weighted(&weights);
    uses[i] += 1;
    Some(&templates[i])
}

#[allow(clippy::too_many_arguments)]
fn make_post(
    rng: &mut Rng,
    landlord: &Landlord,
    a: &Account,
    t: &PostTemplate,
    at: crate::time::Timestamp,
    day: NaiveDate,
    followers: u64,
    id: String,
    permalink: String,
) -> DemoPost {
    let theme = Theme::parse(t.theme).expect("demo templates use taxonomy codes");
    let secondary = t
        .secondary
        .iter()
        .map(|s| Theme::parse(s).expect("demo templates use taxonomy codes"))
        .collect();
    let audience = Audience::parse(t.audience).expect("demo templates use taxonomy codes");
    let names_residence = t.text.contains("{residence}") || t.text.contains("{street}");
    let residence = if a.kind == AccountKind::Group {
        Some(landlord.group_residence)
    } else if names_residence {
        let agency = rng.weighted(&AGENCY_WEIGHTS);
        // Stories of an estate's history are about the older estates.
        let history = t.text.contains("{year}") || t.text.contains("{decade}");
        let in_agency = |i: &usize| landlord.residences[*i].agency == agency;
        let old = |i: &usize| {
            landlord.residences[*i]
                .residence
                .built_year
                .is_some_and(|y| y.get() < 1990)
        };
        let mut candidates: Vec<usize> = (0..landlord.residences.len())
            .filter(|i| in_agency(i) && (!history || old(i)))
            .collect();
        if candidates.is_empty() {
            candidates = (0..landlord.residences.len()).filter(in_agency).collect();
        }
        Some(*rng.pick(&candidates))
    } else {
        None
    };
    let agency = match residence {
        Some(r) => Some(landlord.residences[r].agency),
        None if t.text.contains("{agency}") => Some(rng.weighted(&AGENCY_WEIGHTS)),
        None => None,
    };
    let home = &landlord.residences
        [residence.unwrap_or_else(|| rng.below(landlord.residences.len() as u64) as usize)];
    let agency_name = &landlord.agencies[agency.unwrap_or(home.agency)].name;
    let year = home.residence.built_year.map_or(1968, |y| y.get());
    // Works, visits and meetings are announced for a weekday.
    let mut soon = day + Duration::days(rng.range(2, 12));
    while super::calendar::is_weekend(soon) {
        soon += Duration::days(1);
    }
    let vars = [
        ("residence", home.residence.name.clone()),
        ("city", home.residence.city.clone()),
        ("agency", agency_name.clone()),
        ("street", home.street.clone()),
        ("year", year.to_string()),
        ("decade", decade(year)),
        ("homes", home.residence.homes.to_string()),
        ("first_name", rng.pick(FIRST_NAMES).to_string()),
        ("date", french_date(soon)),
        ("hour", format!("{}h", rng.range(10, 17))),
        ("landlord", LANDLORD.name.to_string()),
        ("short", LANDLORD.short.to_string()),
        ("n", rng.range(2, 12).to_string()),
        ("job", rng.pick(JOBS).to_string()),
        ("partner", rng.pick(PARTNERS).to_string()),
        ("website", LANDLORD.website.to_string()),
    ];
    let pairs: Vec<(&str, &str)> = vars.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let mut text = super::french::contract(&style::render(t.text, &pairs), &home.residence.name);
    if a.kind == AccountKind::Group {
        text = style::vary(&text, "neutral", rng);
    }
    let mut reach = followers as f64 * reach_share(a, theme) * rng.log_normal(0.0, 0.7);
    if rng.chance(0.03) {
        reach *= rng.range(4, 15) as f64;
    }
    let reach = reach.max(3.0).round();
    let territory = agency
        .map(|i| landlord.agencies[i].id.clone())
        .or_else(|| a.territory.clone());
    DemoPost {
        post: Post {
            key: PostKey {
                network: a.network,
                network_id: NetworkId::parse(&id).expect("demo post id"),
            },
            account: a.id.clone(),
            published_at: at,
            text,
            permalink: Some(permalink),
            media: MediaType::parse(t.media).unwrap_or(MediaType::Photo),
            residence: residence
                .filter(|_| names_residence || a.kind == AccountKind::Group)
                .map(|r| landlord.residences[r].residence.id.clone()),
            territory,
        },
        theme,
        secondary,
        audience,
        kind: a.kind,
        residence: residence.filter(|_| names_residence),
        agency,
        reach,
        comment_pull: comment_pull(a, theme),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seasonal_posts_stay_in_their_season() {
        assert!(in_season("Canicule : fermez les volets", 7));
        assert!(!in_season("Canicule : fermez les volets", 1));
        assert!(in_season("Nouvelle résidence livrée", 1));
    }

    #[test]
    fn french_dates_read_naturally() {
        let d = NaiveDate::from_ymd_opt(2026, 5, 12).unwrap();
        assert_eq!(french_date(d), "mardi 12 mai");
        assert_eq!(decade(1968), "années 60");
        assert_eq!(decade(2012), "années 2010");
    }
}
