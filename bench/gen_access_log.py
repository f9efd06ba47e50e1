#!/usr/bin/env python3
"""Synthetic nginx/Apache "combined" access log of a social landlord's website,
written visit by visit, with the true counts relais must find.

Each visit is one client (IP + user agent) arriving from one source (a social
network's referrer, a campaign-tagged URL, a relais QR code, a search engine,
another site, or nothing) on a landing page, then reading a few more pages by
internal links, with the static assets each page loads, the odd 404 and form
POST. Robots (crawlers, link-preview fetchers, scripts) and a few damaged lines
are mixed in. Lines are written in time order, one Paris winter day (UTC+01:00)
after another.

The truth (--truth) follows the rules relais documents (crates/relais-traffic):
a visit is a client's page views less than 30 minutes apart on one Paris day;
its source is its first page view's (campaign tags win over the referrer); a
page view is a person's GET answered 2xx/3xx that is not a static asset; an
agent naming a bot, a fetcher or a script, or no agent, is a robot. To make
visits countable exactly, a client's visits on one day are at least 31 minutes
apart. Counts: lines, malformed, bots, assets, visits and page views by source,
every person's line by the channel of its referrer, lines by utm_source.

Usage:
  python3 gen_access_log.py --lines 2000000 --out access.log --truth truth.json [--seed 7]
Pure standard library, deterministic for a seed.
"""
import argparse
import collections
import json
import random

SITE = "www.habitat-exemple.fr"
DAY = 86400

PAGES = ["/", "/logements", "/demande-de-logement", "/espace-locataire",
         "/espace-locataire/paiement", "/actualites", "/contact", "/nous-connaitre",
         "/accession-a-la-propriete", "/recrutement", "/mentions-legales",
         "/documents/avis-echeance.pdf"]
PAGES += ["/logements/residence-" + r for r in
          ("les-tilleuls", "la-source", "bellevue", "le-parc", "les-iris", "pasteur")]
PAGES += ["/actualites/2026/" + a for a in
          ("fete-des-voisins", "reunion-locataires", "tri-des-dechets", "travaux-isolation")]
ASSETS = ["/wp-content/themes/habitat/style.css?ver=6.4", "/wp-content/themes/habitat/app.js",
          "/wp-content/uploads/2026/01/logo.png", "/favicon.ico", "/fonts/marianne.woff2",
          "/wp-content/uploads/2026/01/photo-residence.JPG"]
QR = ["/qr/les-tilleuls--fete-voisins", "/qr/bellevue--reunion", "/qr/le-parc--tri-dechets"]
CAMPAIGNS = ["hiver-2026", "portes-ouvertes", "enquete-satisfaction", "recrutement-gardiens"]

# (weight, channel, referrers, utm_source or None, utm_medium, landing override)
SOURCES = [
    (300, "direct", ["-"], None, None, None),
    (160, "search", ["https://www.google.fr/", "https://www.google.com/", "https://www.bing.com/",
                     "https://duckduckgo.com/", "https://www.qwant.com/"], None, None, None),
    (45, "website", ["https://www.service-public.fr/particuliers/vosdroits/F869",
                     "https://www.demande-logement-social.gouv.fr/"], None, None, None),
    (40, "facebook", ["https://l.facebook.com/", "https://lm.facebook.com/", "https://m.facebook.com/",
                      "https://www.facebook.com/", "android-app://com.facebook.katana/"], None, None, None),
    (14, "instagram", ["https://l.instagram.com/", "https://www.instagram.com/"], None, None, None),
    (14, "linkedin", ["https://www.linkedin.com/", "https://lnkd.in/",
                      "android-app://com.linkedin.android/"], None, None, None),
    (8, "x", ["https://t.co/", "https://x.com/"], None, None, None),
    (3, "youtube", ["https://www.youtube.com/"], None, None, None),
    (3, "nextdoor", ["https://nextdoor.fr/"], None, None, None),
    (2, "mastodon", ["https://piaille.fr/", "https://mastodon.social/"], None, None, None),
    (2, "bluesky", ["https://bsky.app/"], None, None, None),
    (2, "whatsapp", ["https://web.whatsapp.com/"], None, None, None),
    # Tagged links: the tag names the source, whatever the referrer says.
    (25, "facebook", ["https://l.facebook.com/", "-"], "facebook", "social", None),
    (8, "instagram", ["https://l.instagram.com/", "-"], "ig", "social", None),
    (10, "linkedin", ["https://lnkd.in/", "https://t.co/"], "linkedin", "social", None),
    (18, "email", ["-"], "newsletter", "email", None),
    (12, "relais", ["-"], "les-tilleuls", "affiche", None),
    (20, "relais", ["-"], None, None, "qr"),
]

HUMAN_UA = [
    (30, "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"),
    (8, "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0"),
    (22, "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1"),
    (24, "Mozilla/5.0 (Linux; Android 14; SM-A546B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.104 Mobile Safari/537.36"),
    (6, "Mozilla/5.0 (Linux; Android 14; M2101K6G Build/UKQ1; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/131.0 Mobile Safari/537.36 [FB_IAB/FB4A;FBAV/489.0.0.53.108;]"),
    (4, "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [FBAN/FBIOS;FBAV/492.0.0.55.108;FBBV/680000000;FBDV/iPhone14,5;FBMD/iPhone;FBSN/iOS;FBSV/18.1;FBSS/3;FBCR/;FBID/phone;FBLC/fr_FR;FBOP/5]"),
    (3, "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Instagram 357.0.0.25.101 (iPhone14,5; iOS 18_1; fr_FR; fr; scale=3.00; 1170x2532)"),
    (2, "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [LinkedInApp]/9.30.1"),
    (1, "Mozilla/5.0 (Linux; Android 9; CUBOT X19) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36"),
]
BOT_UA = [
    (25, "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"),
    (12, "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)"),
    (10, "Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)"),
    (8, "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)"),
    (3, "LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)"),
    (3, "Twitterbot/1.0"),
    (2, "WhatsApp/2.24.25.78 A"),
    (3, "curl/8.11.0"),
    (4, "python-requests/2.32.3"),
    (2, "Go-http-client/2.0"),
    (2, "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36"),
    (2, "-"),
]
REFERRER_CHANNEL = {  # how the truth files a referrer (its host's channel)
    "-": "direct", "www.google.fr": "search", "www.google.com": "search", "www.bing.com": "search",
    "duckduckgo.com": "search", "www.qwant.com": "search", "www.service-public.fr": "website",
    "www.demande-logement-social.gouv.fr": "website", "l.facebook.com": "facebook",
    "lm.facebook.com": "facebook", "m.facebook.com": "facebook", "www.facebook.com": "facebook",
    "com.facebook.katana": "facebook", "l.instagram.com": "instagram", "www.instagram.com": "instagram",
    "www.linkedin.com": "linkedin", "lnkd.in": "linkedin", "com.linkedin.android": "linkedin",
    "t.co": "x", "x.com": "x", "www.youtube.com": "youtube", "nextdoor.fr": "nextdoor",
    "piaille.fr": "mastodon", "mastodon.social": "mastodon", "bsky.app": "bluesky",
    "web.whatsapp.com": "whatsapp", SITE: "internal",
}
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def pick(rng, items):
    total = sum(w for w, *_ in items)
    x = rng.random() * total
    for item in items:
        x -= item[0]
        if x < 0:
            return item
    return items[-1]


def host(referrer):
    return "-" if referrer == "-" else referrer.split("://", 1)[1].split("/", 1)[0]


def stamp(t, cache={}):
    s = cache.get(t)
    if s is None:
        d, r = divmod(t + 3600, DAY)  # local time, UTC+01:00
        y, m, dd = civil(d)
        s = "%02d/%s/%04d:%02d:%02d:%02d +0100" % (dd, MONTHS[m - 1], y, r // 3600, r // 60 % 60, r % 60)
        if len(cache) > 100000:
            cache.clear()
        cache[t] = s
    return s


def civil(z):
    z += 719468
    era = z // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    d = doy - (153 * mp + 2) // 5 + 1
    m = mp + 3 if mp < 10 else mp - 9
    return yoe + era * 400 + (m <= 2), m, d


def ip_of(n):
    x = (n * 2654435761 + 0x5bd1e995) % (1 << 32)
    if n % 11 == 0:
        return "2a01:cb1%x:%x:%x::%x" % (x % 16, x >> 16, x & 0xffff, n % 65536)
    return "%d.%d.%d.%d" % (2 + (x >> 24) % 220, (x >> 16) & 255, (x >> 8) & 255, 1 + (x & 255) % 254)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--lines", type=int, default=2_000_000, help="about this many lines")
    ap.add_argument("--out", required=True)
    ap.add_argument("--truth")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--days", type=int, default=30)
    ap.add_argument("--start", default="2026-01-05", help="first day (winter, so Paris is UTC+01:00)")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    y, m, d = map(int, args.start.split("-"))
    first_day = (civil_to_days(y, m, d))
    per_day = max(1, args.lines // args.days)

    t = {"lines": 0, "malformed": 0, "bots": 0, "assets": 0, "pageviews": 0, "visits": 0,
         "visits_by_channel": collections.Counter(), "pageviews_by_channel": collections.Counter(),
         "hits_by_referrer": collections.Counter(), "hits_by_campaign_source": collections.Counter()}
    clients = 0
    used = set()
    yesterday = []  # (ip, ua) of earlier days: people come back
    with open(args.out, "w", buffering=1 << 20) as out:
        for day in range(first_day, first_day + args.days):
            t0 = day * DAY - 3600  # local midnight in UTC
            events = []
            today = []
            while len(events) < per_day:
                if rng.random() < 0.55:  # about 18 % of lines are robots'
                    bot(rng, t0, events, t)
                    continue
                if yesterday and rng.random() < 0.25:
                    # Someone from an earlier day comes back (once a day).
                    i = rng.randrange(len(yesterday))
                    ip, ua = yesterday[i]
                    yesterday[i] = yesterday[-1]
                    yesterday.pop()
                else:
                    clients += 1
                    ip = ip_of(clients)
                    while ip in used:  # one client, one address, all file long
                        clients += 1
                        ip = ip_of(clients)
                    used.add(ip)
                    ua = pick(rng, HUMAN_UA)[1]
                today.append((ip, ua))
                start = t0 + int(DAY * min(rng.betavariate(2.2, 2.0), 0.97))
                visit(rng, ip, ua, start, t0 + DAY, events, t)
                # The same person again later that day, more than 30 min on.
                if rng.random() < 0.1:
                    again = events[-1][0] + 1860 + rng.randrange(7200)
                    if again < t0 + DAY - 60:
                        visit(rng, ip, ua, again, t0 + DAY, events, t)
            for _ in range(max(1, per_day // 20000)):
                damaged(rng, t0, events, t)
            events.sort(key=lambda e: e[0])
            out.write("".join(line for _, line in events))
            t["lines"] += len(events)
            yesterday = today[-5000:]
    if args.truth:
        with open(args.truth, "w") as f:
            json.dump(t, f, indent=1, sort_keys=True)


def civil_to_days(y, m, d):
    y -= m <= 2
    era = y // 400
    yoe = y - era * 400
    doy = (153 * (m + (-3 if m > 2 else 9)) + 2) // 5 + d - 1
    return era * 146097 + yoe * 365 + yoe // 4 - yoe // 100 + doy - 719468


def line(ip, ts, method, path, status, referrer, ua):
    size = 0 if status in (301, 302, 304) else 200 + (hash(path) & 0xffff)
    return (ts, '%s - - [%s] "%s %s HTTP/1.1" %d %d "%s" "%s"\n'
            % (ip, stamp(ts), method, path, status, size, referrer, ua))


def visit(rng, ip, ua, ts, end, events, t):
    _, channel, referrers, source, medium, landing = pick(rng, SOURCES)
    referrer = rng.choice(referrers)
    if landing == "qr":
        path = rng.choice(QR)
    else:
        path = rng.choice(PAGES)
        if source:
            path += "?utm_source=%s&utm_medium=%s&utm_campaign=%s" % (source, medium, rng.choice(CAMPAIGNS))
        elif channel == "facebook" and rng.random() < 0.6:
            path += "?fbclid=IwZXh0bgNhZW0CMTEAAR%016x" % rng.getrandbits(64)
    t["visits"] += 1
    t["visits_by_channel"][channel] += 1
    pages = 1 + min(int(rng.expovariate(0.7)), 9)
    for i in range(pages):
        if ts >= end:
            break
        status = 302 if path.startswith("/qr/") else rng.choice((200, 200, 200, 200, 304, 301))
        events.append(line(ip, ts, "GET", path, status, referrer, ua))
        t["pageviews"] += 1
        t["pageviews_by_channel"][channel] += 1
        human_hit(t, referrer, path)
        page_url = "https://%s%s" % (SITE, path.split("?")[0])
        for asset in rng.sample(ASSETS, rng.randrange(0, 4)):
            events.append(line(ip, ts + rng.randrange(2), "GET", asset, rng.choice((200, 304)), page_url, ua))
            t["assets"] += 1
            human_hit(t, page_url, asset)
        if rng.random() < 0.05:  # a dead link or a form: neither asset nor page view
            method, p, s = rng.choice((("GET", "/ancienne-page", 404), ("POST", "/contact", 200),
                                      ("GET", "/espace-locataire/paiement", 500)))
            events.append(line(ip, ts + 1, method, p, s, page_url, ua))
            human_hit(t, page_url, p)
        ts += 10 + int(rng.expovariate(1 / 150))
        if ts - events[-1][0] > 1700:
            ts = events[-1][0] + 1700
        referrer, path = page_url, rng.choice(PAGES)


def human_hit(t, referrer, path):
    t["hits_by_referrer"][REFERRER_CHANNEL[host(referrer)]] += 1
    if "utm_source=" in path:
        t["hits_by_campaign_source"][path.split("utm_source=", 1)[1].split("&", 1)[0]] += 1


def bot(rng, t0, events, t):
    ua = pick(rng, BOT_UA)[1]
    ip = "66.249.%d.%d" % (64 + rng.randrange(32), rng.randrange(256))
    path = rng.choice(PAGES + ASSETS + QR + ["/wp-login.php", "/.env", "/xmlrpc.php"])
    status = rng.choice((200, 200, 200, 301, 404, 403))
    events.append(line(ip, t0 + rng.randrange(DAY), "GET", path, status, "-", ua))
    t["bots"] += 1


def damaged(rng, t0, events, t):
    ts = t0 + rng.randrange(DAY)
    _, whole = line("198.51.100.7", ts, "GET", "/", 200, "-", HUMAN_UA[0][1])
    events.append((ts, whole[: rng.randrange(10, 60)] + "\n"))  # cut by a full disk
    t["malformed"] += 1


if __name__ == "__main__":
    main()
