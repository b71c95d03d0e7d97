#!/usr/bin/env bash
# Measures HTML main-content extraction on the AEB pages: crosswire's
# single-core speed and F1, then Python trafilatura's on the same pages in
# the same run, and the speed ratio; then the same speeds and ratio on the
# WCXB dev pages (seven kinds of page; their F1 is `crosswire eval wcxb`).
#
# usage: scripts/bench-extract.sh [AEB_DIR [WCXB_DIR]]
# Needs network access to PyPI the first time (creates ./.venv).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
aeb="${1:-${CROSSWIRE_SHARED:-$here/../shared}/bench/aeb}"
wcxb="${2:-${CROSSWIRE_SHARED:-$here/../shared}/bench/wcxb}"
cd "$here"

# One core: pin when taskset exists, so neither side gets a second core.
pin=()
if command -v taskset >/dev/null 2>&1; then pin=(taskset -c 0); fi

echo "== building (release)"
cargo build --release -q -p crosswire-extract --example bench_html
# The scorer lives in crosswire-eval, which pulls in every stage: if
# another stage does not build right now, still report the speed.
have_scorer=1
cargo build --release -q -p crosswire-eval --example aeb || have_scorer=0

echo "== crosswire"
ours=$("${pin[@]}" target/release/examples/bench_html "$aeb/html" 3)
echo "$ours"
score="F1 not measured (crosswire-eval did not build)"
if [ "$have_scorer" = 1 ]; then
  score=$("${pin[@]}" target/release/examples/aeb "$aeb" 0 | tail -1)
fi
echo "$score"

echo "== trafilatura"
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
if ! .venv/bin/python -c "import trafilatura" >/dev/null 2>&1; then
  .venv/bin/pip install -q --disable-pip-version-check trafilatura lxml_html_clean
fi
theirs=$("${pin[@]}" .venv/bin/python scripts/trafilatura_bench.py "$aeb")
echo "$theirs"

ours_pps=$(echo "$ours" | sed -n 's/.*pages_per_sec \([0-9.]*\).*/\1/p')
theirs_pps=$(echo "$theirs" | sed -n 's/.*pages_per_sec \([0-9.]*\).*/\1/p')
echo "== summary"
echo "crosswire:   $ours_pps pages/s  ($score)"
echo "trafilatura: $theirs_pps pages/s  ($(echo "$theirs" | sed -n 's/.*\(precision.*\)/\1/p'))"
awk -v a="$ours_pps" -v b="$theirs_pps" 'BEGIN { if (b > 0) printf "speed ratio: %.1fx\n", a / b }'

if [ -d "$wcxb/dev/html" ]; then
  echo "== WCXB dev pages: crosswire"
  ours_w=$("${pin[@]}" target/release/examples/bench_html "$wcxb/dev/html" 1)
  echo "$ours_w"
  echo "== WCXB dev pages: trafilatura"
  theirs_w=$("${pin[@]}" .venv/bin/python scripts/trafilatura_bench.py --speed "$wcxb/dev/html")
  echo "$theirs_w"
  a=$(echo "$ours_w" | sed -n 's/.*pages_per_sec \([0-9.]*\).*/\1/p')
  b=$(echo "$theirs_w" | sed -n 's/.*pages_per_sec \([0-9.]*\).*/\1/p')
  echo "== WCXB summary"
  echo "crosswire:   $a pages/s"
  echo "trafilatura: $b pages/s"
  awk -v a="$a" -v b="$b" 'BEGIN { if (b > 0) printf "WCXB speed ratio: %.1fx\n", a / b }'
fi
