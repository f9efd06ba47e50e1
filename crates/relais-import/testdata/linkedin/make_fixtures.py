#!/usr/bin/env python3
"""Writes the LinkedIn page export fixtures of relais-import (fictional page
"Brévenne Habitat"): .xls (BIFF8, with xlwt) and .xlsx (with openpyxl).

Deterministic: run it again and the files come out byte for byte the same.
    pip install xlwt openpyxl && python3 make_fixtures.py

Layout as platforms.md §5 describes the real exports: row 1 of each sheet is
a title line, the headers are on row 2 (on row 3 in content_header_row3.xlsx).
"""

import datetime as dt
import io
import os
import re
import zipfile

import openpyxl
import xlwt

HERE = os.path.dirname(os.path.abspath(__file__))
FIXED = dt.datetime(2025, 4, 1, 9, 0, 0)


def post_id(utc):
    """A LinkedIn id whose top 41 bits are the post's milliseconds since 1970."""
    ms = int(utc.replace(tzinfo=dt.timezone.utc).timestamp() * 1000)
    return (ms << 22) | 0x2A5F1


# The four posts: (utc time, URN kind, link form, local day, content type, title).
P1 = post_id(dt.datetime(2025, 3, 4, 9, 15))
P2 = post_id(dt.datetime(2025, 3, 6, 14, 2, 10))
P3 = post_id(dt.datetime(2025, 3, 10, 7, 45))
P4 = post_id(dt.datetime(2025, 3, 12, 16, 30))
FEED = "https://www.linkedin.com/feed/update/"
LINKS = [
    f"{FEED}urn:li:activity:{P1}",
    f"{FEED}urn:li:share:{P2}",
    f"{FEED}urn%3Ali%3AugcPost%3A{P3}",
    f"https://www.linkedin.com/posts/brevenne-habitat_rehabilitation-activity-{P4}-Xk3d",
]
TITLES = [
    "Réhabilitation de la résidence Les Tilleuls : les travaux d’isolation démarrent lundi.\n"
    "Réunion d’information le 12 mars à 18 h.",
    "Visite en vidéo des nouveaux logements du Clos Fleuri",
    "Notre rapport d’activité 2024 (PDF)",
    "Article : comment demander un logement social ?",
]
DAYS = [dt.date(2025, 3, 4), dt.date(2025, 3, 6), dt.date(2025, 3, 10), dt.date(2025, 3, 12)]
CONTENT_TYPES = ["Image", "Video", "Document", "Article"]

POST_HEADERS = [
    "Post title", "Post link", "Post type", "Campaign name", "Posted by", "Created date",
    "Campaign start date", "Campaign end date", "Audience", "Impressions",
    "Views (excluding off-site video views)", "Off-site views", "Clicks",
    "Click through rate (CTR)", "Likes", "Comments", "Reposts", "Follows",
    "Engagement rate", "Content Type",
]


def post_rows(posted_by="Camille Martin"):
    """The All posts rows (English header order), then a junk row."""
    figures = [
        # impressions, views, off-site, clicks, ctr, likes, comments, reposts, follows, rate
        (1523, "-", "", 87, 0.0571, 41, 6, 3, 2, 0.0900),
        (2210, 964, 12, 140, 0.0633, 58, 9, 7, 4, 0.0968),
        (880, "", "", 35, 0.0398, 17, 1, 0, 0, 0.0602),
        (12034, "", "", 1204, 0.1001, 230, 31, 18, 11, 0.1232),
    ]
    rows = []
    for i, f in enumerate(figures):
        sponsored = i == 3
        rows.append([
            TITLES[i], LINKS[i], "Sponsored" if sponsored else "Organic",
            "Campagne demande de logement" if sponsored else "", posted_by, DAYS[i],
            DAYS[i] if sponsored else "", dt.date(2025, 3, 26) if sponsored else "",
            "All followers", f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9],
            CONTENT_TYPES[i],
        ])
    rows.append(["", "", "", "", "", "", "", "", "", 0, "", "", 0, 0, 0, 0, 0, 0, 0, ""])
    return rows


def metric_headers(shares="Reposts"):
    h = ["Date"]
    for m in ["Impressions"]:
        h += [f"{m} (organic)", f"{m} (sponsored)", f"{m} (total)"]
    h.append("Unique impressions (organic)")
    for m in ["Clicks", "Reactions", "Comments", shares, "Engagement rate"]:
        h += [f"{m} (organic)", f"{m} (sponsored)", f"{m} (total)"]
    return h


def metric_rows(days=5):
    rows = []
    for i in range(days):
        org, spo = 300 + 17 * i, (120 if i == 3 else 0)
        rows.append([
            dt.date(2025, 3, 10) + dt.timedelta(days=i),
            org, spo, org + spo, 210 + 11 * i,
            12 + i, 3 if spo else 0, 12 + i + (3 if spo else 0),
            9 + i, 1 if spo else 0, 10 + i if spo else 9 + i,
            2, 0, 2,
            1, 0, "" if i == 4 else 1,  # an empty total: no figure that day
            0.071, 0.0 if not spo else 0.033, 0.065,
        ])
    return rows


FOLLOWER_HEADERS = ["Date", "Sponsored followers", "Organic followers", "Auto-invited followers", "Total followers"]
FOLLOWER_ROWS = [[45726 + i, i % 2, 3 + i, 1 if i == 2 else 0, (i % 2) + 3 + i + (1 if i == 2 else 0)] for i in range(4)]
DEMOGRAPHICS = {
    "Location": ["Lyon, Auvergne-Rhône-Alpes", "Saint-Étienne, Auvergne-Rhône-Alpes"],
    "Job function": ["Administratif", "Immobilier"],
    "Seniority": ["Confirmé", "Direction"],
    "Industry": ["Immobilier", "Administration publique"],
    "Company size": ["51-200", "201-500"],
}

VISITOR_HEADERS = ["Date"] + [
    f"{section} {what} ({device})"
    for section in ["Overview", "Life", "Jobs", "Total"]
    for what in ["page views", "unique visitors"]
    for device in ["desktop", "mobile", "total"]
]


def visitor_rows():
    rows = []
    for i in range(3):
        row = [dt.date(2025, 3, 10) + dt.timedelta(days=i)]
        totals = [0, 0, 0, 0, 0, 0]
        for s in range(3):
            vals = [10 + s + i, 5 + s, 15 + 2 * s + i, 7 + s, 4 + s, 11 + 2 * s]
            row += vals
            totals = [a + b for a, b in zip(totals, vals)]
        rows.append(row + totals)
    return rows


# --- writers -----------------------------------------------------------------

DATE_STYLE = xlwt.easyxf(num_format_str="YYYY-MM-DD")


def write_xls(name, sheets):
    """sheets: [(sheet name, [rows])]; a row is a list of cells (row 1 first)."""
    wb = xlwt.Workbook(encoding="utf-8")
    for sheet, rows in sheets:
        ws = wb.add_sheet(sheet)
        for r, row in enumerate(rows):
            for c, v in enumerate(row):
                if isinstance(v, dt.date):
                    ws.write(r, c, v, DATE_STYLE)
                elif v != "":
                    ws.write(r, c, v)
    wb.save(os.path.join(HERE, name))


def write_xlsx(name, sheets):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    wb.properties.creator = "LinkedIn"
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    for sheet, rows in sheets:
        ws = wb.create_sheet(sheet)
        for r, row in enumerate(rows, start=1):
            for c, v in enumerate(row, start=1):
                if v != "":
                    cell = ws.cell(row=r, column=c, value=v)
                    if isinstance(v, dt.date):
                        cell.number_format = "yyyy-mm-dd"
    buf = io.BytesIO()
    wb.save(buf)
    # Zip entries carry the time of writing: pin it, so the bytes are stable.
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    with zipfile.ZipFile(os.path.join(HERE, name), "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                # openpyxl stamps `modified` with the time of saving.
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2025-04-01T09:00:00Z", data)
            out.writestr(zipfile.ZipInfo(info.filename, date_time=(2025, 4, 1, 9, 0, 0)), data,
                         compress_type=zipfile.ZIP_DEFLATED)


def title(text):
    return [text]


CONTENT_TITLE = "Brévenne Habitat : indicateurs de contenu du 2025-03-01 au 2025-03-31"


def content_sheets(shares="Reposts", posted_by="Posted by", date_as_text=False, post_by_name="Camille Martin"):
    metrics = metric_rows()
    posts = post_rows(post_by_name)
    headers = [posted_by if h == "Posted by" else shares if h == "Reposts" else h for h in POST_HEADERS]
    if date_as_text:
        fmt = lambda v: v.strftime("%m/%d/%Y") if isinstance(v, dt.date) else v
        metrics = [[fmt(v) for v in r] for r in metrics]
        posts = [[fmt(v) for v in r] for r in posts]
    return [
        ("Metrics", [title(CONTENT_TITLE), metric_headers(shares)] + metrics),
        ("All posts", [title("Toutes les publications de la période (chiffres au jour de l’export)"), headers] + posts),
    ]


def main():
    write_xls("content.xls", content_sheets())

    # Reordered columns, a subset of them, and one LinkedIn may add one day.
    order = ["Content Type", "Created date", "Post link", "Post title", "Likes", "Comments",
             "Reposts", "Impressions", "Clicks", "Views (excluding off-site video views)",
             "Follows", "Boosted"]
    posts = [[(dict(zip(POST_HEADERS, r)).get(h, "non")) for h in order] for r in post_rows()]
    posts[-1][order.index("Boosted")] = ""
    mh = metric_headers()
    keep = ["Date", "Impressions (total)", "Unique impressions (organic)", "Reactions (total)",
            "Clicks (total)", "Comments (total)", "Reposts (total)"]
    metrics = [[dict(zip(mh, r))[h] for h in reversed(keep)] for r in metric_rows()]
    write_xlsx("content.xlsx", [
        ("All posts", [title(CONTENT_TITLE), order] + posts),
        ("Metrics", [title(CONTENT_TITLE), list(reversed(keep))] + metrics),
    ])

    # Older vocabulary: Shares, Published by; dates written as MM/DD/YYYY text;
    # one post whose id holds no time (its day from Created date).
    old = content_sheets(shares="Shares", posted_by="Published by", date_as_text=True)
    old[1][1][2][1] = f"{FEED}urn:li:share:6012345"
    write_xls("content_old.xls", old)

    write_xls("followers.xls", [
        ("New followers", [title("Nouveaux abonnés par jour"), FOLLOWER_HEADERS] + FOLLOWER_ROWS),
    ] + [
        (sheet, [title(f"Abonnés par {sheet.lower()}"), [sheet, "Total followers"]] + [[v, 40 - 7 * i] for i, v in enumerate(values)])
        for sheet, values in DEMOGRAPHICS.items()
    ])

    write_xlsx("visitors.xlsx", [
        ("Visitor metrics", [title("Visiteurs de la page"), VISITOR_HEADERS] + visitor_rows()),
    ] + [
        (sheet, [title(f"Visiteurs par {sheet.lower()}"), [sheet, "Total views"]] + [[v, 25 - 3 * i] for i, v in enumerate(values)])
        for sheet, values in DEMOGRAPHICS.items()
    ])

    # The header on row 3: a second description line above it.
    sheets = content_sheets()
    for _, rows in sheets:
        rows.insert(1, ["Période : du 2025-03-01 au 2025-03-31"])
    sheets[0] = (sheets[0][0], sheets[0][1][:5])
    sheets[1] = (sheets[1][0], sheets[1][1][:4])
    write_xlsx("content_header_row3.xlsx", sheets)

    # French headers (guessed: no French export has been seen), English sheet names.
    fr = {
        "Post title": "Titre de la publication", "Post link": "Lien de la publication",
        "Post type": "Type de publication", "Campaign name": "Nom de la campagne",
        "Posted by": "Publié par", "Created date": "Date de création",
        "Campaign start date": "Date de début de la campagne",
        "Campaign end date": "Date de fin de la campagne", "Audience": "Public",
        "Impressions": "Impressions", "Views (excluding off-site video views)": "Vues",
        "Off-site views": "Vues hors site", "Clicks": "Clics",
        "Click through rate (CTR)": "Taux de clics (CTR)", "Likes": "Réactions",
        "Comments": "Commentaires", "Reposts": "Republications", "Follows": "Abonnements",
        "Engagement rate": "Taux d’engagement", "Content Type": "Type de contenu",
    }
    sheets = content_sheets()
    sheets[1][1][1] = [fr[h] for h in POST_HEADERS]
    sheets[0][1][1] = ["Date", "Impressions (naturelles)", "Impressions (sponsorisées)", "Impressions (total)",
                       "Impressions uniques (naturelles)", "Clics (naturels)", "Clics (sponsorisés)", "Clics (total)",
                       "Réactions (naturelles)", "Réactions (sponsorisées)", "Réactions (total)",
                       "Commentaires (naturels)", "Commentaires (sponsorisés)", "Commentaires (total)",
                       "Republications (naturelles)", "Republications (sponsorisées)", "Republications (total)",
                       "Taux d’engagement (naturel)", "Taux d’engagement (sponsorisé)", "Taux d’engagement (total)"]
    for row in sheets[1][1][2:]:
        row[-1] = {"Image": "Image", "Video": "Vidéo", "Document": "Document", "Article": "Article"}.get(row[-1], row[-1])
    write_xlsx("content_fr_headers.xlsx", sheets)

    # A number LinkedIn never writes: All posts, row 5, Impressions.
    bad = content_sheets()
    bad[1][1][4][POST_HEADERS.index("Impressions")] = "douze"
    write_xls("content_bad_number.xls", bad)


if __name__ == "__main__":
    main()
