#!/usr/bin/env bash
# Runs every evaluation on ../shared (and on the repo's own example corpus)
# and fails when a metric falls below the floor recorded in eval-floors.txt,
# or above a ceiling for lower-is-better metrics. A regression guard: raise
# a floor when a score improves.
set -euo pipefail
bin=${1:-target/release/crosswire}
here="$(cd "$(dirname "$0")/.." && pwd)"
shared="${CROSSWIRE_SHARED:-$here/../shared}"
floors="$here/eval-floors.txt"
out=$(mktemp)
trap 'rm -f "$out"' EXIT

"$bin" eval aeb --data "$shared/bench/aeb" | tee -a "$out"
"$bin" eval wcxb --data "$shared/bench/wcxb" | tee -a "$out"
"$bin" eval events --data "$shared/bench/ecbplus/docs.jsonl" --meantime "$shared/bench/meantime/docs.jsonl" | tee -a "$out"
"$bin" eval seeds --gold "$shared/gold/seeds.gold.json" | tee -a "$out"
# The example corpus is scored too, under an `examples.` prefix.
"$bin" eval seeds --gold "$here/examples/expected.json" | sed -e '/^#/d' -e 's/^/examples./' | tee -a "$out"
# The cross-check scored by `eval gold`: each dev event under `dev.<event>.`,
# their macro averages under `dev.macro.`, the seeds and the example corpus
# under `gold.<set>.`.
"$bin" eval gold "$shared"/corpus/dev/ecbplus/*.gold.json | sed -e 's/^/dev./' | tee -a "$out"
"$bin" eval gold "$shared/gold/seeds.gold.json" | sed -e 's/^/gold./' | tee -a "$out"
"$bin" eval gold "$here/examples/expected.json" | sed -e 's/^/gold./' | tee -a "$out"
"$bin" eval meantime --data "$shared/bench/meantime/docs.jsonl" | tee -a "$out"
# Conflicts on the ECB+ events no gold file annotates: a ceiling, not a floor.
"$bin" eval unseen --data "$shared/bench/ecbplus/docs.jsonl" --skip "$shared/corpus/dev/ecbplus" | tee -a "$out"

awk 'NR==FNR {
       if ($1 ~ /^#/ || NF < 2) next
       if ($2 == "<=") { ceil[$1] = $3 } else { floor[$1] = $2 }
       next
     }
     { got[$1] = $2 }
     END {
       bad = 0
       for (m in floor) {
         if (!(m in got)) { printf "MISSING %s (floor %s)\n", m, floor[m]; bad = 1 }
         else if (got[m] + 0 < floor[m] + 0) { printf "BELOW FLOOR %s %s < %s\n", m, got[m], floor[m]; bad = 1 }
       }
       for (m in ceil) {
         if (!(m in got)) { printf "MISSING %s (ceiling %s)\n", m, ceil[m]; bad = 1 }
         else if (got[m] + 0 > ceil[m] + 0) { printf "ABOVE CEILING %s %s > %s\n", m, got[m], ceil[m]; bad = 1 }
       }
       if (bad) exit 1
       print "all metrics within their floors and ceilings"
     }' "$floors" "$out"
