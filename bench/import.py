#!/usr/bin/env python3
"""Import speed: `relais import` of a Meta Business Suite Facebook posts export
of N posts (default 100,000), beside Python's csv module reading the same file
(the peer: a plain CSV read, no checks, no database).

Run from the repository root:  python3 bench/import.py [N]
It builds relais in release mode, writes the export in a temporary folder,
times each command three times and prints medians, rows per second and the
ratio relais / peer. Figures depend on the machine: compare the ratio.
"""
import csv
import os
import statistics
import subprocess
import sys
import tempfile
import time

N = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

HEADER = ['Post ID', 'Page ID', 'Page name', 'Title', 'Description', 'Duration (sec)', 'Publish time',
          'Caption type', 'Permalink', 'Is crosspost', 'Is share', 'Post type', 'Languages', 'Custom labels',
          'Funded content status', 'Data comment', 'Date', 'Views', 'Reach', 'Reactions, Comments and Shares',
          'Reactions', 'Comments', 'Shares', 'Total clicks']


def write_export(path):
    with open(path, 'w', encoding='utf-8-sig', newline='') as f:
        w = csv.writer(f, quoting=csv.QUOTE_MINIMAL)
        w.writerow(HEADER)
        for i in range(N):
            pid = 1_000_000_000_000_000 + i * 7
            w.writerow([pid, 104900000000001, 'Brévenne Habitat',
                        f"Coupure d'eau chaude aux Tilleuls, bâtiment {'ABC'[i % 3]} : intervention "
                        f"le {1 + i % 28}/03 de 8h à 12h. Merci de votre compréhension.",
                        '', '', f'{1 + i % 12:02}/{1 + i % 28:02}/2025 {8 + i % 10:02}:{i % 60:02}', '',
                        f'https://www.facebook.com/104900000000001/posts/{pid}', 0, 0, 'Photos', '', '', '',
                        '', 'Lifetime', 1000 + i % 5000, 700 + i % 3000, 40 + i % 90, 30 + i % 60,
                        5 + i % 20, 2 + i % 10, 10 + i % 40])


def timed(fn, runs=3):
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main():
    subprocess.run(['cargo', 'build', '--release', '-q', '-p', 'relais'], cwd=ROOT, check=True)
    relais = os.path.join(os.environ.get('CARGO_TARGET_DIR', os.path.join(ROOT, 'target')), 'release', 'relais')
    with tempfile.TemporaryDirectory() as tmp:
        export = os.path.join(tmp, 'posts.csv')
        write_export(export)
        size = os.path.getsize(export) / 1e6

        def peer():
            with open(export, encoding='utf-8-sig', newline='') as f:
                for _ in csv.reader(f):
                    pass

        counter = [0]

        def relais_import():
            counter[0] += 1
            db = f'sqlite://{tmp}/run{counter[0]}.db'
            subprocess.run([relais, '--db', db, 'import', export, '--json'], check=True, stdout=subprocess.DEVNULL)

        def relais_dry_run():
            db = f'sqlite://{tmp}/dry.db'
            subprocess.run([relais, '--db', db, 'import', export, '--dry-run', '--json'], check=True,
                           stdout=subprocess.DEVNULL)

        t_peer = timed(peer)
        t_dry = timed(relais_dry_run)
        t_import = timed(relais_import)
        print(f'{N} posts, {size:.1f} MB export, median of 3 runs')
        print(f'  python csv.reader (peer, read only)     {t_peer:7.2f} s  {N / t_peer:10.0f} rows/s')
        print(f'  relais import --dry-run (read+check+write+rollback) {t_dry:7.2f} s  {N / t_dry:10.0f} rows/s  ratio {t_peer / t_dry:.2f}x the peer\'s speed')
        print(f'  relais import into SQLite               {t_import:7.2f} s  {N / t_import:10.0f} rows/s  ratio {t_peer / t_import:.2f}x the peer\'s speed')


if __name__ == '__main__':
    main()
