//! Table tests of what one line counts as, with inline lines.

use super::*;

const CHROME: &str =
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/122.0 Safari/537.36";

fn options() -> Options {
    Options {
        format: Format::Combined,
        site_hosts: vec!["www.habitat-exemple.fr".into()],
        short_link_hosts: vec!["go.habitat-exemple.fr".into()],
        short_link_paths: vec!["/qr/".into()],
    }
}

fn line(request: &str, status: u16, referrer: &str, agent: &str) -> String {
    format!(
        "203.0.113.9 - - [10/Mar/2024:13:55:36 +0100] \"{request}\" {status} 512 \"{referrer}\" \"{agent}\"\n"
    )
}

/// What one line became: (malformed, bot, asset, other, page view channel and campaign).
type View = Option<(Channel, String, String)>;

fn one(text: &str) -> (u64, u64, u64, u64, View) {
    let options = options();
    let mut parser = Parser::new(&options, Format::Combined, RandomState::new());
    let r = parser.chunk(text.as_bytes());
    let view = r.views.first().map(|v| {
        let campaign = String::from_utf8(r.text(v.campaign).to_vec()).unwrap();
        let landing = String::from_utf8(r.text(v.landing).to_vec()).unwrap();
        (v.channel, campaign, landing)
    });
    (r.malformed, r.bots, r.assets, r.other, view)
}

fn view(channel: Channel, campaign: &str, landing: &str) -> View {
    Some((channel, campaign.into(), landing.into()))
}

#[test]
fn each_line_counts_as_one_thing() {
    let fb = "https://l.facebook.com/";
    let cases = [
        (
            line("GET /logements HTTP/1.1", 200, fb, CHROME),
            (0, 0, 0, 0, view(Channel::Facebook, "", "/logements")),
        ),
        (
            line("GET /logements?fbclid=IwAR1 HTTP/1.1", 304, fb, CHROME),
            (0, 0, 0, 0, view(Channel::Facebook, "", "/logements")),
        ),
        (
            line(
                "GET /?utm_source=linkedin&utm_campaign=Printemps HTTP/1.1",
                200,
                fb,
                CHROME,
            ),
            (0, 0, 0, 0, view(Channel::LinkedIn, "printemps", "/")),
        ),
        (
            line("GET /qr/les-tilleuls--fete HTTP/1.1", 302, "-", CHROME),
            (
                0,
                0,
                0,
                0,
                view(Channel::Relais, "", "/qr/les-tilleuls--fete"),
            ),
        ),
        (
            line(
                "GET /actualites HTTP/1.1",
                200,
                "https://go.habitat-exemple.fr/x7",
                CHROME,
            ),
            (0, 0, 0, 0, view(Channel::Relais, "", "/actualites")),
        ),
        (
            line(
                "GET /?utm_source=tilleuls&utm_medium=affiche HTTP/1.1",
                200,
                "-",
                CHROME,
            ),
            (0, 0, 0, 0, view(Channel::Relais, "", "/")),
        ),
        (
            line(
                "GET /contact HTTP/1.1",
                200,
                "https://www.habitat-exemple.fr/",
                CHROME,
            ),
            (0, 0, 0, 0, view(Channel::Internal, "", "/contact")),
        ),
        (
            line(
                "GET /contact HTTP/1.1",
                200,
                "https://www.google.fr/",
                CHROME,
            ),
            (0, 0, 0, 0, view(Channel::Search, "", "/contact")),
        ),
        (
            line(
                "GET /contact HTTP/1.1",
                200,
                "https://www.service-public.fr/",
                CHROME,
            ),
            (0, 0, 0, 0, view(Channel::Website, "", "/contact")),
        ),
        (
            line(
                "GET http://www.habitat-exemple.fr/contact HTTP/1.1",
                200,
                "-",
                CHROME,
            ),
            (0, 0, 0, 0, view(Channel::Direct, "", "/contact")),
        ),
        (
            line("GET /contact HTTP/1.1", 200, fb, "facebookexternalhit/1.1"),
            (0, 1, 0, 0, None),
        ),
        (
            line("GET /contact HTTP/1.1", 200, "-", "[LinkedInApp]/9.29.8"),
            (0, 0, 0, 0, view(Channel::Direct, "", "/contact")),
        ),
        (
            line("GET /wp-content/style.css?v=3 HTTP/1.1", 200, fb, CHROME),
            (0, 0, 1, 0, None),
        ),
        (
            line("GET /favicon.ico HTTP/1.1", 200, "-", CHROME),
            (0, 0, 1, 0, None),
        ),
        (
            line("GET /robots.txt HTTP/1.1", 200, "-", CHROME),
            (0, 0, 1, 0, None),
        ),
        (
            line("GET /nope HTTP/1.1", 404, fb, CHROME),
            (0, 0, 0, 1, None),
        ),
        (
            line(
                "POST /espace-locataire/reclamation HTTP/1.1",
                200,
                "-",
                CHROME,
            ),
            (0, 0, 0, 1, None),
        ),
        (
            line("GET /x HTTP/1.1", 500, "-", CHROME),
            (0, 0, 0, 1, None),
        ),
        ("not a log line\n".to_string(), (1, 0, 0, 0, None)),
        ("\n".to_string(), (1, 0, 0, 0, None)),
        (
            line("GET / HTTP/1.1", 200, "-", CHROME).replace("10/Mar/2024", "10/Mxr/2024"),
            (1, 0, 0, 0, None),
        ),
    ];
    for (text, want) in cases {
        assert_eq!(one(&text), want, "{text}");
    }
}

#[test]
fn referrers_are_counted_for_every_human_line_and_campaign_sources_too() {
    let options = options();
    let mut parser = Parser::new(&options, Format::Combined, RandomState::new());
    let text = [
        line("GET /a HTTP/1.1", 200, "https://t.co/x", CHROME),
        line("GET /a.css HTTP/1.1", 200, "https://t.co/x", CHROME),
        line("GET /b HTTP/1.1", 404, "https://t.co/x", CHROME),
        line(
            "GET /a?utm_source=Facebook HTTP/1.1",
            200,
            "https://t.co/x",
            CHROME,
        ),
        line("GET /a HTTP/1.1", 200, "https://t.co/x", "curl/8.5.0"),
    ]
    .concat();
    let r = parser.chunk(text.as_bytes());
    assert_eq!(r.hits_by_referrer[Channel::X as usize], 4);
    assert_eq!(r.hits_by_campaign_source.get("facebook"), Some(&1));
    assert_eq!(
        (r.lines, r.bots, r.assets, r.other, r.views.len()),
        (5, 1, 1, 1, 2)
    );
}

#[test]
fn malformed_lines_are_kept_with_their_index_and_crlf_is_accepted() {
    let options = options();
    let mut parser = Parser::new(&options, Format::Combined, RandomState::new());
    let text = format!(
        "{}garbage\r\n{}",
        line("GET / HTTP/1.1", 200, "-", CHROME).replace('\n', "\r\n"),
        line("GET / HTTP/1.1", 200, "-", CHROME)
    );
    let r = parser.chunk(text.as_bytes());
    assert_eq!(r.lines, 3);
    assert_eq!(r.examples, vec![(1, "garbage".to_string())]);
}

#[test]
fn the_same_client_on_the_same_day_has_the_same_hash_and_not_the_next_day() {
    let options = options();
    let mut parser = Parser::new(&options, Format::Combined, RandomState::new());
    let a = line("GET / HTTP/1.1", 200, "-", CHROME);
    let b = a.replace("13:55:36", "14:10:00");
    let c = a.replace("10/Mar", "11/Mar");
    let r = parser.chunk(format!("{a}{b}{c}").as_bytes());
    assert_eq!(r.views[0].client, r.views[1].client);
    assert_ne!(r.views[0].client, r.views[2].client);
}
