#!/usr/bin/env python3
"""Whole-process load time of two dossier binaries on the same corpus, alternated in one run.

Usage: scripts/load_ratio.py OLD_BINARY NEW_BINARY [RUNS] [CORPUS]
(default 21 runs of each on ../shared/corpora/bbc). Each run is `BINARY stats --corpus CORPUS`;
the order alternates so that a busy moment falls on both. Prints the medians and their ratio, for
the whole process and for the load alone (the `total` of the phases `stats` reports, which leaves
out process start, counting words and printing).
"""
import re
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
phases = {old: [], new: []}
for i in range(runs):
    for b in (old, new) if i % 2 == 0 else (new, old):
        start = time.perf_counter()
        out = subprocess.run([b, "stats", "--corpus", corpus], stdout=subprocess.PIPE,
                             stderr=subprocess.DEVNULL, check=True, text=True).stdout
        times[b].append(time.perf_counter() - start)
        total = re.search(r"total ([0-9.]+) ms", out)
        if total:
            phases[b].append(float(total.group(1)) / 1000)
mo, mn = statistics.median(times[old]), statistics.median(times[new])
print(f"old median {mo * 1000:.0f} ms, new median {mn * 1000:.0f} ms, "
      f"ratio {mn / mo:.3f} ({runs} runs each, alternated)")
if phases[old] and phases[new]:
    po, pn = statistics.median(phases[old]), statistics.median(phases[new])
    print(f"load phases: old median {po * 1000:.0f} ms, new median {pn * 1000:.0f} ms, "
          f"ratio {pn / po:.3f}")
