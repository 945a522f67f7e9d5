#!/usr/bin/env bash
# Batch calling throughput with a fake dialer (bench/BatchCalls.java): one batch per concurrency level on embedded H2,
# calls/s from submit to the batch's end. Usage: bench/batch-calls.sh [recipients=400 [dialMs=20 [callMs=200 [levels=1,4,16,64]]]]
# Prints a Markdown table (paste it into docs/benchmarks.md).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
exec "$JAVA" -Dlogback.configurationFile="$ROOT/bench/logback-quiet.xml" -cp "$CP" "$ROOT/bench/BatchCalls.java" "$@" 2>/dev/null
