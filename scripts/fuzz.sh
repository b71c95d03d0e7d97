#!/usr/bin/env bash
# Runs the cargo-fuzz targets in fuzz/ (ingest, extract, analyze, check) one
# after the other, each for SECONDS, and prints per target the executions
# and the findings (crashes, timeouts, out-of-memory). Exits 1 on any
# finding, whose input libFuzzer leaves in fuzz/artifacts/<target>/; copy
# it to fuzz/regressions/<target>/ once fixed, so `cargo test` replays it.
#
# Oracles: a panic (libFuzzer aborts even on panics the code catches), an
# input slower than FUZZ_TIMEOUT seconds, a process above FUZZ_RSS_MB, and
# the invariants asserted in crates/fuzz (spans inside their text, dossier
# references that exist, printers that do not fail).
#
# Needs a nightly toolchain; installs cargo-fuzz when it is missing. Without
# nightly it says so and exits 0, so that CI passes on a stable-only machine.
#
# Usage: scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]   (default: 60, all)
# Environment:
#   FUZZ_TIMEOUT (10)  FUZZ_RSS_MB (1024)  FUZZ_MAX_LEN (65536)
#   FUZZ_SANITIZER (none; `address` for ASan)
#   FUZZ_EXTRA_SEEDS (../shared/repro): more seed inputs, read in place
#   FUZZ_NICE (0): niceness of the fuzzing processes
#   FUZZ_KEEP_GOING (0): 1 restarts a target after a finding, for the rest
#     of its time (long runs)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"
secs=${1:-60}
[ $# -gt 0 ] && shift
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(ingest extract analyze check)
timeout=${FUZZ_TIMEOUT:-10}
rss=${FUZZ_RSS_MB:-1024}
max_len=${FUZZ_MAX_LEN:-65536}
sanitizer=${FUZZ_SANITIZER:-none}
extra=${FUZZ_EXTRA_SEEDS:-$here/../shared/repro}
nice=${FUZZ_NICE:-0}

if ! rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
  echo "fuzz: skipped (no nightly toolchain; \`rustup toolchain install nightly\` enables it)"
  exit 0
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "fuzz: installing cargo-fuzz"
  cargo install --locked cargo-fuzz
fi

cd fuzz
# One build for every target. Debug assertions stay on: an overflow or a
# broken internal assumption is a finding too. Rust code without `unsafe`
# gains little from ASan, which doubles build and run time: off by default.
cargo +nightly fuzz build --debug-assertions --sanitizer "$sanitizer"

# libFuzzer takes one dictionary per run: each target's is made of parts.
declare -A dict_parts=(
  [ingest]="containers feed html"
  [extract]="html"
  [analyze]="text"
  [check]="check text html"
)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

total=0
findings=0
for t in "${targets[@]}"; do
  mkdir -p "corpus/$t" "artifacts/$t"
  dict="$tmp/$t.dict"
  for part in ${dict_parts[$t]:-}; do cat "dicts/$part.dict"; done >"$dict"
  dirs=("corpus/$t" "seeds/$t")
  # The repo's own example corpus seeds every target that reads one
  # document (read in place, never copied into seeds/).
  [ "$t" != check ] && dirs+=("../examples/corpus")
  [ -d "regressions/$t" ] && dirs+=("regressions/$t")
  [ -d "$extra" ] && dirs+=("$extra")
  before=$(find "artifacts/$t" -type f | sort)
  # libFuzzer stops at its first finding; with FUZZ_KEEP_GOING it is
  # started again for the rest of the target's time (at most 20 times).
  deadline=$(($(date +%s) + secs))
  execs=0
  failed_runs=0
  for _ in $(seq 20); do
    left=$((deadline - $(date +%s)))
    [ "$left" -lt 1 ] && break
    status=0
    nice -n "$nice" cargo +nightly fuzz run --debug-assertions --sanitizer "$sanitizer" "$t" "${dirs[@]}" -- \
      -max_total_time="$left" -timeout="$timeout" -rss_limit_mb="$rss" -max_len="$max_len" \
      -dict="$dict" -print_final_stats=1 -artifact_prefix="artifacts/$t/" \
      >"$tmp/$t.log" 2>&1 || status=$?
    cat "$tmp/$t.log" >>"$tmp/$t.all.log"
    n=$(sed -n 's/^stat::number_of_executed_units: *//p' "$tmp/$t.log" | tail -n 1)
    execs=$((execs + ${n:-0}))
    [ "$status" -eq 0 ] && break
    failed_runs=$((failed_runs + 1))
    [ "${FUZZ_KEEP_GOING:-0}" = 1 ] || break
  done
  new=$(comm -13 <(echo "$before") <(find "artifacts/$t" -type f | sort) | sed '/^$/d')
  crashes=$(grep -c '/crash-' <<<"$new" || true)
  # libFuzzer's timeout is wall-clock: on a loaded machine a starved run
  # can trip it. Each timeout input is run once more on its own, and
  # counts only if it is slow again.
  timeouts=0
  unconfirmed=0
  for f in $(grep '/timeout-' <<<"$new" || true); do
    if nice -n "$nice" cargo +nightly fuzz run --debug-assertions --sanitizer "$sanitizer" "$t" "$f" -- \
      -timeout="$timeout" -rss_limit_mb="$rss" >/dev/null 2>&1; then
      unconfirmed=$((unconfirmed + 1))
      mv "$f" "${f/timeout-/unconfirmed-timeout-}"
      new=$(sed "\|^$f\$|d" <<<"$new")
    else
      timeouts=$((timeouts + 1))
    fi
  done
  ooms=$(grep -c '/oom-' <<<"$new" || true)
  found=$((crashes + timeouts + ooms))
  # A failure that left no artifact (a build or setup error) counts too.
  [ "$failed_runs" -gt 0 ] && [ "$found" -eq 0 ] && [ "$unconfirmed" -eq 0 ] && found=$failed_runs
  echo "fuzz.$t.executions $execs"
  echo "fuzz.$t.findings $found (crashes $crashes, timeouts $timeouts, ooms $ooms)"
  [ "$unconfirmed" -gt 0 ] && echo "fuzz.$t.unconfirmed_timeouts $unconfirmed (fast when run again: a starved run, not a finding)"
  if [ "$found" -ne 0 ]; then
    grep -E -A1 'panicked at|ERROR: libFuzzer' "$tmp/$t.all.log" | head -n 12 | sed 's/^/  /'
    grep -E '/(crash|timeout|oom)-' <<<"$new" | sed 's/^/  input: fuzz\//' || true
  fi
  total=$((total + execs))
  findings=$((findings + found))
done
echo "fuzz.total.executions $total"
echo "fuzz.total.findings $findings"
[ "$findings" -eq 0 ]
