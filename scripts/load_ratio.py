#!/usr/bin/env python3
"""Whole-process load time of two dossier binaries on the same corpus, alternated in one run.

Usage: scripts/load_ratio.py OLD_BINARY NEW_BINARY [RUNS] [CORPUS]
(default 21 runs of each on ../shared/corpora/bbc). Each run is `BINARY stats --corpus CORPUS`;
the order alternates so that a busy moment falls on both. Prints the medians and their ratio.
"""
import os
import statistics
import subprocess
import sys
import time

old, new = sys.argv[1], sys.argv[2]
runs = int(sys.argv[3]) if len(sys.argv) > 3 else 21
corpus = sys.argv[4] if len(sys.argv) > 4 else os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "corpora", "bbc")
times = {old: [], new: []}
for i in range(runs):
    for b in (old, new) if i % 2 == 0 else (new, old):
        start = time.perf_counter()
        subprocess.run([b, "stats", "--corpus", corpus], stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, check=True)
        times[b].append(time.perf_counter() - start)
mo, mn = statistics.median(times[old]), statistics.median(times[new])
print(f"old median {mo * 1000:.0f} ms, new median {mn * 1000:.0f} ms, "
      f"ratio {mn / mo:.3f} ({runs} runs each, alternated)")
