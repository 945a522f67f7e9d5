#!/usr/bin/env bash
# Start-up benchmark: time from launching `./timbre serve` (jar already built) to GET /health == 200, N runs,
# each on a fresh data dir. Usage: bench/startup.sh [runs=5]. Prints each run and the median in milliseconds.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS=${1:-5}
"$ROOT/timbre" build >/dev/null 2>&1 || true
times=()
for i in $(seq 1 "$RUNS"); do
  data=$(mktemp -d); port=$((20000 + RANDOM % 20000))
  start=$(date +%s%N)
  TIMBRE_API_KEY=bench "$ROOT/timbre" serve --port "$port" --data "$data" >"$data/log" 2>&1 &
  pid=$!
  until curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1; do
    sleep 0.05
    kill -0 $pid 2>/dev/null || { echo "server exited; log:"; tail -20 "$data/log"; exit 1; }
    [ $(( ($(date +%s%N) - start) / 1000000 )) -lt 60000 ] || { echo "not healthy in 60 s"; kill $pid; exit 1; }
  done
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  kill $pid; wait $pid 2>/dev/null || true
  rm -rf "$data"
  echo "run $i: healthy after $ms ms"
  times+=("$ms")
done
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print "median: " a[int((NR+1)/2)] " ms over " NR " runs"}'
