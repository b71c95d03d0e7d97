#!/usr/bin/env bash
# Scaling of `crosswire check` on hostile shapes: time and peak memory of
# one cold process each (GNU time), printed as `name value` lines.
#   - generated articles (`crosswire generate`): 100, 1,000, 5,000;
#     targets: 1,000 under 10 s and 1 GB, 5,000 under 60 s;
#   - one text that repeats one sentence 10, 100, 1,000, 10,000 times;
#     target: 10,000 under 2 s. The default sentence budget (2,000) turns
#     the largest away at once, which the `budget` lines show; the
#     `unbounded` lines lift the budget to time the engine itself.
# Usage: scripts/bench-hostile.sh [SIZES...]   (default: 100 1000 5000)
# Each run is capped at 300 s (`timeout`); a capped run prints `timeout`.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"
cargo build --release -q -p crosswire
bin="$here/target/release/crosswire"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(100 1000 5000)

# Runs a command under GNU time; prints "<name>.s <wall>" and
# "<name>.peak_mb <max RSS>".
measure() {
  local name=$1
  shift
  local status=0
  /usr/bin/time -f '%e %M' -o "$tmp/time" timeout 300 "$@" >/dev/null 2>"$tmp/err" || status=$?
  if [ "$status" -eq 124 ]; then
    echo "$name.s timeout"
    return
  fi
  # GNU time writes "Command exited with non-zero status N" first when the
  # command fails (a document over budget makes `check` exit 1): the
  # numbers are on the last line.
  read -r wall kb < <(tail -n 1 "$tmp/time")
  [ "$status" -ne 0 ] && echo "$name.exit $status"
  echo "$name.s $wall"
  echo "$name.peak_mb $((kb / 1024))"
}

for n in "${sizes[@]}"; do
  "$bin" generate -n "$n" --seed 5 -o "$tmp/g$n.warc" 2>/dev/null
  measure "check.generated.$n" "$bin" check "$tmp/g$n.warc" -f json -o "$tmp/d.json"
done

for n in 10 100 1000 10000; do
  {
    printf 'Fire at the ferry terminal\n\n9 June 2031\n\n'
    printf 'A fire at the ferry terminal killed 7 people on Sunday, the coastguard said.\n\n'
    for _ in $(seq "$n"); do printf '12 dead. '; done
    printf '\n'
  } >"$tmp/rep$n.txt"
  measure "check.repeated.$n.budget" "$bin" check "$tmp/rep$n.txt" -f json -o "$tmp/d.json"
  measure "check.repeated.$n.unbounded" "$bin" check "$tmp/rep$n.txt" -f json -o "$tmp/d.json" \
    --max-sentences 1000000 --max-mentions 1000000 --max-seconds 0
done
