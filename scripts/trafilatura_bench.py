#!/usr/bin/env python3
"""Times trafilatura on the AEB pages, single-threaded, and scores it with
the same metric as crates/eval/src/aeb.rs, for comparison with crosswire.

Pages are read and gunzipped before the clock starts; only decoding and
extraction are timed. Prints one line: `trafilatura pages N secs S
pages_per_sec P precision X recall Y f1 Z`.

usage: trafilatura_bench.py AEB_DIR [--fast]
       trafilatura_bench.py --speed HTML_DIR [--fast]
(the second form only times extraction over every *.html.gz of a folder,
such as WCXB's dev/html, and prints `trafilatura pages N secs S
pages_per_sec P`)
"""
import gzip
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

import trafilatura

WORD = re.compile(r"\w+")


def shingles(text):
    tokens = WORD.findall(text or "")
    if not tokens:
        return Counter()
    k = min(4, len(tokens))
    return Counter(tuple(tokens[i : i + k]) for i in range(len(tokens) - k + 1))


def score(pred, truth):
    p, t = shingles(pred), shingles(truth)
    tp = sum((p & t).values())
    fp = sum((p - t).values())
    fn = sum((t - p).values())
    total = tp + fp + fn
    if total == 0:
        return 0.0, 0.0, 0.0
    return tp / total, fp / total, fn / total


def speed(folder, fast):
    pages = [gzip.decompress(f.read_bytes()) for f in sorted(Path(folder).glob("*.html.gz"))]
    start = time.perf_counter()
    for raw in pages:
        trafilatura.extract(raw, fast=fast)
    secs = time.perf_counter() - start
    print(f"trafilatura pages {len(pages)} secs {secs:.2f} pages_per_sec {len(pages) / secs:.1f}")


def main():
    fast = "--fast" in sys.argv
    if sys.argv[1:2] == ["--speed"]:
        speed(sys.argv[2], fast)
        return
    root = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/bench/aeb")
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for f in sorted((root / "html").glob("*.html.gz")):
        pid = f.name[: -len(".html.gz")]
        if pid in truth:
            pages.append((pid, gzip.decompress(f.read_bytes())))
    preds = {}
    start = time.perf_counter()
    for pid, raw in pages:
        preds[pid] = trafilatura.extract(raw, fast=fast) or ""
    secs = time.perf_counter() - start
    precs, recs = [], []
    for pid, _ in pages:
        t = truth[pid].get("articleBody") or ""
        pred = preds[pid]
        tp, fp, fn = score(pred, t)
        if WORD.search(pred):
            precs.append(tp / (tp + fp) if tp + fp else 1.0)
        if WORD.search(t):
            recs.append(tp / (tp + fn) if tp + fn else 1.0)
    p = sum(precs) / len(precs) if precs else 0.0
    r = sum(recs) / len(recs) if recs else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    print(
        f"trafilatura pages {len(pages)} secs {secs:.2f} pages_per_sec {len(pages) / secs:.1f} "
        f"precision {p:.4f} recall {r:.4f} f1 {f1:.4f}"
    )


if __name__ == "__main__":
    main()
