#!/usr/bin/env bash
# Times `crosswire check` as whole cold processes and prints the median wall
# time of several runs:
#   - the five seed reports (../shared/corpus/seeds), target < 50 ms;
#   - 100 articles: the first 100 bodies of the AEB ground truth written to a
#     temporary folder as text files (many events, many figures: a stress
#     case for slot alignment), target < 1 s.
# Usage: scripts/bench-check.sh [RUNS]
set -euo pipefail
runs=${1:-7}
here="$(cd "$(dirname "$0")/.." && pwd)"
shared="${CROSSWIRE_SHARED:-$here/../shared}"
cd "$here"
cargo build --release -q -p crosswire
bin="$here/target/release/crosswire"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

python3 - "$shared/bench/aeb/ground-truth.json" "$tmp/hundred" <<'PY'
import json, os, sys
truth = json.load(open(sys.argv[1]))
os.makedirs(sys.argv[2])
for i, (_, v) in enumerate(list(truth.items())[:100]):
    with open(os.path.join(sys.argv[2], f"{i:03d}.txt"), "w") as f:
        f.write(v["articleBody"])
PY

median_ms() {
  local times=()
  for _ in $(seq "$runs"); do
    local t0 t1
    t0=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    t1=$(date +%s%N)
    times+=($(( (t1 - t0) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

echo "check.seeds.ms $(median_ms "$bin" check "$shared/corpus/seeds" -f json -o "$tmp/d.json")"
echo "check.100_articles.ms $(median_ms "$bin" check "$tmp/hundred" -f json -o "$tmp/d.json")"
echo "check.100_articles.jobs1.ms $(median_ms "$bin" check -j 1 "$tmp/hundred" -f json -o "$tmp/d.json")"
