#!/usr/bin/env python3
"""Sentiment: relais beside vaderSentiment-fr (PyPI, MIT), on the corpus's test
split (the fifth of corpus/comments_*.csv relais never trains on).

Run from the repository root:  python3 bench/sentiment_vs_vader.py
It installs vaderSentiment-fr with pip if needed, builds relais in release mode,
and prints both sentiment macro-F1s and both speeds (comments per second, one
core) with their ratio. vaderSentiment-fr's label: compound >= 0.05 positive,
<= -0.05 negative, else neutral (its authors' thresholds).
"""
import csv
import glob
import json
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def is_test(row_id):
    h = 0x811C9DC5
    for b in row_id.encode():
        h ^= b
        h = (h * 0x01000193) & 0xFFFFFFFF
    return h % 5 == 0


def macro_f1(pairs):
    classes = sorted({t for t, _ in pairs})
    f1s = []
    for c in classes:
        tp = sum(1 for t, p in pairs if t == c and p == c)
        pred = sum(1 for _, p in pairs if p == c)
        sup = sum(1 for t, _ in pairs if t == c)
        prec = tp / pred if pred else 0.0
        rec = tp / sup if sup else 0.0
        f1s.append(2 * prec * rec / (prec + rec) if prec + rec else 0.0)
    return sum(f1s) / len(f1s)


def main():
    try:
        from vaderSentiment_fr.vaderSentiment import SentimentIntensityAnalyzer
    except ImportError:
        subprocess.run([sys.executable, '-m', 'pip', 'install', '-q', 'vaderSentiment-fr'], check=True)
        from vaderSentiment_fr.vaderSentiment import SentimentIntensityAnalyzer
    rows = []
    header = None
    for path in sorted(glob.glob(os.path.join(ROOT, 'corpus', 'comments_*.csv'))):
        with open(path, encoding='utf-8', newline='') as f:
            reader = csv.DictReader(f)
            header = reader.fieldnames
            rows += [r for r in reader if is_test(r['id'])]
    analyzer = SentimentIntensityAnalyzer()
    start = time.perf_counter()
    vader = []
    for r in rows:
        c = analyzer.polarity_scores(r['text'])['compound']
        vader.append('positive' if c >= 0.05 else 'negative' if c <= -0.05 else 'neutral')
    vader_speed = len(rows) / (time.perf_counter() - start)
    vader_f1 = macro_f1([(r['sentiment'], p) for r, p in zip(rows, vader)])

    subprocess.run(['cargo', 'build', '--release', '-q', '-p', 'relais'], cwd=ROOT, check=True)
    target = os.environ.get('CARGO_TARGET_DIR', os.path.join(ROOT, 'target'))
    relais = os.path.join(target, 'release', 'relais')
    with tempfile.TemporaryDirectory() as tmp:
        comments = os.path.join(tmp, 'comments.csv')
        with open(comments, 'w', encoding='utf-8', newline='') as f:
            w = csv.DictWriter(f, fieldnames=header)
            w.writeheader()
            w.writerows(rows)
        posts = os.path.join(tmp, 'posts.csv')
        with open(posts, 'w', encoding='utf-8') as f:
            f.write('id,network,author_kind,text,theme,audience,residence_id\n')
        out = subprocess.run([relais, '--db', f'sqlite://{tmp}/x.db', 'classify', 'eval', '--comments', comments,
                              '--posts', posts, '--json'], check=True, capture_output=True, text=True).stdout
    relais_f1 = json.loads(out)['comments']['sentiment']['macro_f1']
    speed = subprocess.run(['cargo', 'run', '--release', '-q', '-p', 'relais-text', '--example', 'classify_speed'],
                           cwd=ROOT, check=True, capture_output=True, text=True).stdout.strip()
    relais_speed = float(speed)
    print(f'{len(rows)} comments of the test split')
    print(f'  vaderSentiment-fr  sentiment macro-F1 {vader_f1:.3f}   {vader_speed:10.0f} comments/s')
    print(f'  relais             sentiment macro-F1 {relais_f1:.3f}   {relais_speed:10.0f} comments/s '
          f'(every comment field and the residence)')
    print(f'  relais / vader: F1 {relais_f1 / vader_f1:.2f}x, speed {relais_speed / vader_speed:.1f}x')


if __name__ == '__main__':
    main()
