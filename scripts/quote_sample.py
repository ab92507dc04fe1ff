#!/usr/bin/env python3
"""Draw quotes with a speaker from `dossier export` JSON, with their context, to read by hand.

Usage: dossier export ../shared/corpora/bbc > bbc.json
       scripts/quote_sample.py bbc.json SEED [COUNT]   (COUNT defaults to 50)

Prints how many quotes have a speaker, then COUNT of them drawn with Python's random.sample
under SEED, each with its article, the speaker's id and the 350 bytes before and 150 after
(offsets are bytes of the UTF-8 text, as the export gives them).
"""
import json
import random
import sys

export = json.load(open(sys.argv[1]))
seed = int(sys.argv[2])
count = int(sys.argv[3]) if len(sys.argv) > 3 else 50
texts = {a["id"]: a["text"].encode() for a in export["articles"]}
spoken = [q for q in export["quotes"] if q["speaker"]]
print(len(spoken), "with speaker of", len(export["quotes"]))
for i, q in enumerate(random.Random(seed).sample(spoken, count), 1):
    t = texts[q["article"]]
    before = t[max(0, q["start"] - 350):q["start"]].decode("utf8", "replace")
    words = t[q["start"]:q["end"]].decode("utf8", "replace")
    after = t[q["end"]:q["end"] + 150].decode("utf8", "replace")
    context = " ".join(f"{before} [[ {words} ]] {after}".split())
    print(f"#{i} {q['article']} -> {q['speaker']}\n   {context}\n")
