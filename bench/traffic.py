#!/usr/bin/env python3
"""Access-log speed: relais beside `wc -l` and GoAccess on the same generated
2,000,000-line combined log, in the same run, and relais's counts checked
against the generator's truth.

Run from the repository root:  python3 bench/traffic.py [LINES]
It builds relais in release mode, generates the log with bench/gen_access_log.py
(kept in $RELAIS_BENCH_DIR, default /tmp/relais-bench-traffic, and reused when
the same size exists), installs GoAccess with apt-get when missing, then times
each tool once with /usr/bin/time -v (Debian package `time`) and prints lines
per second, peak memory (maximum resident set size) and the ratios. It exits
non-zero when relais's per-source visits, page views, robots or referrer
counts differ from the truth. Figures depend on the machine: compare ratios.

Timed:
- `wc -l FILE`: the floor (reading the file);
- `goaccess FILE --log-format=COMBINED -o report.json`;
- the parser alone: the `parse_log` example of crates/relais-traffic;
- `relais traffic import FILE --site … --json` into a new SQLite database,
  when the binary has the command (parse + one transaction).
"""
import json
import os
import re
import shutil
import subprocess
import sys

LINES = int(sys.argv[1]) if len(sys.argv) > 1 else 2_000_000
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = os.environ.get("RELAIS_BENCH_DIR", "/tmp/relais-bench-traffic")
SITE = "www.habitat-exemple.fr"
TARGET = os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, **kw)


def timed(name, cmd, stdout=subprocess.DEVNULL):
    """Runs cmd under /usr/bin/time -v: (seconds, peak MiB, stdout)."""
    out = subprocess.run(["/usr/bin/time", "-v"] + cmd, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True, cwd=WORK)
    if out.returncode != 0:
        sys.exit("%s failed:\n%s" % (name, out.stderr[-2000:]))
    wall = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", out.stderr)
    h, m, s = wall.groups()
    seconds = int(h or 0) * 3600 + int(m) * 60 + float(s)
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", out.stderr).group(1))
    return seconds, rss / 1024, out.stdout


def main():
    os.makedirs(WORK, exist_ok=True)
    if not os.path.exists("/usr/bin/time"):
        run(["apt-get", "install", "-y", "time"])
    if shutil.which("goaccess") is None:
        run(["apt-get", "update"])
        run(["apt-get", "install", "-y", "goaccess"])
    run(["cargo", "build", "--release", "--quiet", "-p", "relais-traffic", "--example", "parse_log"], cwd=ROOT)
    run(["cargo", "build", "--release", "--quiet", "-p", "relais"], cwd=ROOT)
    log = os.path.join(WORK, "access-%d.log" % LINES)
    truth_path = log + ".truth.json"
    if not (os.path.exists(log) and os.path.exists(truth_path)):
        print("generating %d lines…" % LINES, flush=True)
        run([sys.executable, os.path.join(ROOT, "bench", "gen_access_log.py"), "--lines", str(LINES),
             "--out", log, "--truth", truth_path])
    truth = json.load(open(truth_path))
    lines = truth["lines"]
    size = os.path.getsize(log) / 2**20
    print("log: %s, %d lines, %.0f MiB" % (log, lines, size))

    relais = os.path.join(TARGET, "release", "relais")
    has_cli = subprocess.run([relais, "traffic", "--help"], capture_output=True).returncode == 0
    results = [("wc -l", timed("wc", ["wc", "-l", log]))]
    results.append(("goaccess", timed("goaccess", ["goaccess", log, "--log-format=COMBINED",
                                                   "-o", os.path.join(WORK, "report.json")])))
    parser = timed("parse_log", [os.path.join(TARGET, "release", "examples", "parse_log"), log, SITE],
                   stdout=subprocess.PIPE)
    results.append(("relais parser", parser))
    cli = None
    if has_cli:
        db = os.path.join(WORK, "bench.db")
        for f in (db, db + "-wal", db + "-shm"):
            if os.path.exists(f):
                os.remove(f)
        cli = timed("relais traffic import", [relais, "--db", "sqlite://" + db, "traffic", "import", log,
                                               "--site", SITE, "--short-link-path", "/qr/", "--json"],
                    stdout=subprocess.PIPE)
        results.append(("relais traffic import", cli))

    goaccess_rate = lines / results[1][1][0]
    print("\n%-22s %9s %14s %10s %12s" % ("tool", "seconds", "lines/s", "peak MiB", "× goaccess"))
    for name, (sec, mib, _) in results:
        rate = lines / sec if sec > 0 else float("inf")
        print("%-22s %9.2f %14s %10.1f %12.1f" % (name, sec, "{:,.0f}".format(rate), mib, rate / goaccess_rate))

    ok = check("relais parser", json.loads(parser[2]), truth)
    if cli is not None:
        ok = check("relais traffic import", json.loads(cli[2]), truth) and ok
    for name, (_, mib, _) in results:
        if name.startswith("relais") and mib >= 200:
            print("FAIL: %s peak memory %.0f MiB ≥ 200 MiB" % (name, mib))
            ok = False
    sys.exit(0 if ok else 1)


def check(name, out, truth):
    """Compares relais's counts with the truth; prints the differences."""
    if isinstance(out, list):  # `relais traffic import --json`: one report per file
        f = out[0]
        got = {k: f[k] for k in ("lines", "malformed", "bots", "assets", "pageviews", "visits",
                                 "hits_by_referrer")}
        got["visits_by_channel"] = f["visits_by_source"]
        got["pageviews_by_channel"] = f["pageviews_by_source"]
    else:  # the parse_log example
        summary = out["summary"]
        got = {k: summary[k] for k in ("lines", "malformed", "bots", "assets", "pageviews", "visits",
                                       "hits_by_referrer", "hits_by_campaign_source")}
        got["visits_by_channel"] = out["visits_by_channel"]
        got["pageviews_by_channel"] = out["pageviews_by_channel"]
    bad = [k for k in got if got[k] != truth[k]]
    for k in bad:
        print("MISMATCH %s %s: relais %s, truth %s" % (name, k, got[k], truth[k]))
    if not bad:
        social = {k: v for k, v in got["visits_by_channel"].items()
                  if k not in ("direct", "search", "website", "email", "relais", "campaign")}
        print("%s: all %d counts match the truth; visits by network: %s" % (name, len(got), social))
    return not bad


if __name__ == "__main__":
    main()
