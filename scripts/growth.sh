#!/usr/bin/env bash
# Load time and peak memory at 1x, 5x and 20x the BBC corpus.
# Usage: scripts/growth.sh [BINARY]  (default target/release/dossier)
# The 5x and 20x corpora are copies of ../shared/corpora/bbc made under a temporary folder
# (never in the repository or a corpus folder) and removed at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-target/release/dossier}
bbc=../shared/corpora/bbc
[ -d "$bbc" ] || { echo "SKIP: $bbc is missing"; exit 0; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for n in 5 20; do
  for i in $(seq 1 "$n"); do cp -r "$bbc" "$tmp/x$n-$i"; done
  mkdir "$tmp/x$n" && mv "$tmp"/x"$n"-* "$tmp/x$n/"
done
for c in "$bbc" "$tmp/x5" "$tmp/x20"; do
  for run in 1 2 3; do
    /usr/bin/time -f "%e s %M KB" "$bin" stats --corpus "$c" 2>&1 >/dev/null | tail -1 | sed "s|^|$(basename "$c") |"
  done
done
