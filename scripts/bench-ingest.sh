#!/usr/bin/env bash
# Corpus-mode throughput: generate N synthetic articles (HTML pages in a
# WARC, filler paragraphs recombined from the AEB ground truth when
# ../shared is there), ingest them into a fresh store, and print
# articles/s, peak RSS and store size for each N.
# Usage: scripts/bench-ingest.sh [N ...]   (default: 10000 100000)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
shared="${CROSSWIRE_SHARED:-$here/../shared}"
cd "$here"
cargo build --release -q -p crosswire
bin="$here/target/release/crosswire"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pool=()
[ -f "$shared/bench/aeb/ground-truth.json" ] && pool=(--pool "$shared/bench/aeb/ground-truth.json")
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(10000 100000)
for n in "${sizes[@]}"; do
  "$bin" generate -n "$n" "${pool[@]}" -o "$tmp/corpus.warc" 2>/dev/null
  rm -rf "$tmp/db"
  t0=$(date +%s%N)
  /usr/bin/time -f "%M" -o "$tmp/rss" "$bin" ingest "$tmp/corpus.warc" --db "$tmp/db" 2>"$tmp/log" >/dev/null
  t1=$(date +%s%N)
  ms=$(( (t1 - t0) / 1000000 ))
  echo "ingest.$n.seconds $(awk -v m="$ms" 'BEGIN {printf "%.1f", m / 1000}')"
  echo "ingest.$n.articles_per_sec $(awk -v n="$n" -v m="$ms" 'BEGIN {printf "%.0f", n * 1000 / m}')"
  echo "ingest.$n.peak_rss_mb $(awk '{printf "%.0f", $1 / 1024}' "$tmp/rss")"
  echo "ingest.$n.store_mb $(du -sm "$tmp/db" | cut -f1)"
  echo "ingest.$n.warc_mb $(du -sm "$tmp/corpus.warc" | cut -f1)"
  tail -1 "$tmp/log"
done
