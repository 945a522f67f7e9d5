#!/usr/bin/env bash
# Music (bench/MusicBench.java): rule plan time, the embedded composer's render real-time factor against the bare
# synthesizer's in the same run, MP3 encoding, and length exactness. Usage: bench/music.sh [seconds=30,120 [runs=3]]
# Prints Markdown tables (paste them into docs/benchmarks.md). Takes about a minute.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
exec "$JAVA" --add-exports java.desktop/com.sun.media.sound=ALL-UNNAMED -Dlogback.configurationFile="$ROOT/bench/logback-quiet.xml" \
  -cp "$CP" "$ROOT/bench/MusicBench.java" "$@" 2>/dev/null
