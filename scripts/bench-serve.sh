#!/usr/bin/env bash
# Load benchmark of `crosswire serve` (not a test: it prints numbers).
#
#   scripts/bench-serve.sh [ARTICLES] [CONNECTIONS] [SECONDS]   # defaults 10000 200 20
#
# Builds a store of ARTICLES generated articles, serves it on loopback, and
# runs wrk (Debian's package, installed when missing) with CONNECTIONS
# connections against the dossier endpoint of the store's events, picked
# at random, while a separate `crosswire ingest` adds 1,000 more articles
# to the same store. Prints wrk's latency distribution (p50 ... p99) and
# what the ingest did meanwhile. Everything stays on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-10000}
CONNS=${2:-200}
SECS=${3:-20}
BIN=target/release/crosswire
[ -x "$BIN" ] || cargo build --release -p crosswire
if ! command -v wrk >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" != 0 ] && SUDO="sudo"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q wrk >/dev/null
fi
WORK=${BENCH_DIR:-$(mktemp -d)}
PORT=${BENCH_PORT:-18765}
BASE="http://127.0.0.1:$PORT"
mkdir -p "$WORK"
if [ ! -f "$WORK/store.ok" ]; then
  rm -rf "$WORK/db"
  "$BIN" generate -n "$N" --seed 1 -o "$WORK/corpus.warc"
  /usr/bin/time -f "ingest of $N articles: %e s, %M KiB peak" "$BIN" ingest "$WORK/corpus.warc" --db "$WORK/db"
  "$BIN" generate -n 1000 --seed 7 -o "$WORK/more.warc"
  touch "$WORK/store.ok"
fi
# The concurrent ingest adds new articles each run: start from a copy.
rm -rf "$WORK/run" && cp -r "$WORK/db" "$WORK/run"

"$BIN" serve --db "$WORK/run" --addr "127.0.0.1:$PORT" 2>"$WORK/serve.log" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 100); do curl -sf "$BASE/api/v1/health" >/dev/null && break; sleep 0.1; done

# Every event id, for the Lua script that picks one per request.
curl -sf "$BASE/api/v1/events?limit=500" | python3 -c '
import json, sys
ids = [e["id"] for e in json.load(sys.stdin)["events"]]
print("ids = {" + ",".join(map(str, ids)) + "}")
print("math.randomseed(42)")
print("request = function() return wrk.format(\"GET\", \"/api/v1/events/\" .. ids[math.random(#ids)] .. \"/dossier\") end")
' >"$WORK/dossiers.lua"
echo "events in the rotation: $(grep -o ',' "$WORK/dossiers.lua" | wc -l)"

echo "== warm-up: 5 s"
wrk -t2 -c"$CONNS" -d5s -s "$WORK/dossiers.lua" "$BASE" >/dev/null
# The ingest of 1,000 articles takes a few seconds: the window starts with
# it and lasts INGEST_WINDOW seconds (default 4), so most of it overlaps.
echo "== ${INGEST_WINDOW:-4} s at $CONNS connections, starting with an ingest of 1,000 articles by a separate process"
( /usr/bin/time -f "concurrent ingest of 1000 articles: %e s" "$BIN" ingest "$WORK/more.warc" --db "$WORK/run" 2>&1 | tail -3 ) &
INGEST=$!
wrk -t2 -c"$CONNS" -d"${INGEST_WINDOW:-4}s" --timeout 10s --latency -s "$WORK/dossiers.lua" "$BASE"
wait $INGEST || true
echo "== $SECS s at $CONNS connections, no ingest"
wrk -t2 -c"$CONNS" -d"${SECS}s" --timeout 10s --latency -s "$WORK/dossiers.lua" "$BASE"
echo "== after the ingest"
curl -sf "$BASE/api/v1/stats"; echo
